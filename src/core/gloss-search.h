/* gloss-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossSearchFlags:
 * @GLOSS_SEARCH_NONE: words, as typed, whatever their case
 * @GLOSS_SEARCH_REGEX: the pattern is a regular expression (GRegex, PCRE)
 * @GLOSS_SEARCH_WHOLE_WORDS: a match neither starts nor ends inside a word
 * @GLOSS_SEARCH_CASE_SENSITIVE: upper and lower case differ
 */
typedef enum
{
  GLOSS_SEARCH_NONE           = 0,
  GLOSS_SEARCH_REGEX          = 1 << 0,
  GLOSS_SEARCH_WHOLE_WORDS    = 1 << 1,
  GLOSS_SEARCH_CASE_SENSITIVE = 1 << 2,
} GlossSearchFlags;

/* Code points of context on either side of a match, unless set */
#define GLOSS_SEARCH_DEFAULT_CONTEXT 40

#define GLOSS_TYPE_SEARCH_HIT (gloss_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (GlossSearchHit, gloss_search_hit, GLOSS, SEARCH_HIT, GObject)

const char         *gloss_search_hit_get_document       (GlossSearchHit *self);
GFile              *gloss_search_hit_get_file           (GlossSearchHit *self);
gboolean            gloss_search_hit_get_in_sentence    (GlossSearchHit *self);
guint               gloss_search_hit_get_sentence       (GlossSearchHit *self);
guint               gloss_search_hit_get_sentence_start (GlossSearchHit *self);
guint               gloss_search_hit_get_sentence_end   (GlossSearchHit *self);
guint               gloss_search_hit_get_start          (GlossSearchHit *self);
guint               gloss_search_hit_get_end            (GlossSearchHit *self);
const char         *gloss_search_hit_get_left           (GlossSearchHit *self);
const char         *gloss_search_hit_get_match          (GlossSearchHit *self);
const char         *gloss_search_hit_get_right          (GlossSearchHit *self);
const char * const *gloss_search_hit_get_labels         (GlossSearchHit *self);
guint               gloss_search_hit_get_n_spans        (GlossSearchHit *self);
guint               gloss_search_hit_get_span_id        (GlossSearchHit *self,
                                                         guint           i);
const char         *gloss_search_hit_get_span_label     (GlossSearchHit *self,
                                                         guint           i);
void                gloss_search_hit_append_json        (GlossSearchHit *self,
                                                         GString        *out);

#define GLOSS_TYPE_SEARCH (gloss_search_get_type ())

G_DECLARE_FINAL_TYPE (GlossSearch, gloss_search, GLOSS, SEARCH, GObject)

GlossSearch *gloss_search_new             (const char        *pattern,
                                           GlossSearchFlags   flags,
                                           GError           **error);
void         gloss_search_add_in          (GlossSearch       *self,
                                           const char        *label);
void         gloss_search_add_not_in      (GlossSearch       *self,
                                           const char        *label);
void         gloss_search_set_span        (GlossSearch       *self,
                                           const char        *label);
void         gloss_search_add_without     (GlossSearch       *self,
                                           const char        *relation);
void         gloss_search_set_context     (GlossSearch       *self,
                                           guint              context);
void         gloss_search_set_encoding    (GlossSearch       *self,
                                           const char        *encoding);
gboolean     gloss_search_check           (GlossSearch       *self,
                                           GError           **error);
GPtrArray   *gloss_search_document        (GlossSearch       *self,
                                           GlossDocument     *document,
                                           const char        *id);
GPtrArray   *gloss_search_run             (GlossSearch       *self,
                                           GPtrArray         *inputs,
                                           GPtrArray         *problems,
                                           GCancellable      *cancellable,
                                           GError           **error);
void         gloss_search_run_async       (GlossSearch       *self,
                                           GPtrArray         *inputs,
                                           GCancellable      *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer           user_data);
GPtrArray   *gloss_search_run_finish      (GlossSearch       *self,
                                           GAsyncResult      *result,
                                           GError           **error);
guint        gloss_search_get_n_documents (GlossSearch       *self);
GPtrArray   *gloss_search_dup_unknown_labels (GlossSearch    *self);

G_END_DECLS
