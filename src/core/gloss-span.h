/* gloss-span.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN (gloss_span_get_type ())

/* What "origin" says of an annotation that was a suggestion first */
#define GLOSS_ORIGIN_SUGGESTED "suggested"

G_DECLARE_FINAL_TYPE (GlossSpan, gloss_span, GLOSS, SPAN, GObject)

GlossSpan        *gloss_span_new                 (guint               id,
                                                  const char         *label,
                                                  const GlossRange   *parts,
                                                  guint               n_parts,
                                                  const char * const *texts);
GlossSpan        *gloss_span_copy                (GlossSpan          *self);
gboolean          gloss_span_equal               (GlossSpan          *self,
                                                  GlossSpan          *other);
gboolean          gloss_span_is_sealed           (GlossSpan          *self);

guint             gloss_span_get_id              (GlossSpan          *self);
const char       *gloss_span_get_label           (GlossSpan          *self);
guint             gloss_span_get_n_parts         (GlossSpan          *self);
const GlossRange *gloss_span_get_parts           (GlossSpan          *self);
GlossRange        gloss_span_get_part            (GlossSpan          *self,
                                                  guint               part);
const char       *gloss_span_get_part_text       (GlossSpan          *self,
                                                  guint               part);
guint             gloss_span_get_start           (GlossSpan          *self);
guint             gloss_span_get_end             (GlossSpan          *self);
gboolean          gloss_span_contains            (GlossSpan          *self,
                                                  guint               offset);
gboolean          gloss_span_overlaps            (GlossSpan          *self,
                                                  guint               start,
                                                  guint               end);
char             *gloss_span_dup_text            (GlossSpan          *self,
                                                  const char         *separator);
guint             gloss_span_get_n_attributes    (GlossSpan          *self);
const char       *gloss_span_get_attribute_name  (GlossSpan          *self,
                                                  guint               position);
const char       *gloss_span_get_attribute_value (GlossSpan          *self,
                                                  guint               position);
const char       *gloss_span_get_attribute       (GlossSpan          *self,
                                                  const char         *name);
const char       *gloss_span_get_note            (GlossSpan          *self);
const char       *gloss_span_get_annotator       (GlossSpan          *self);
const char       *gloss_span_get_created         (GlossSpan          *self);
const char       *gloss_span_get_modified        (GlossSpan          *self);
const char       *gloss_span_get_origin          (GlossSpan          *self);
const char       *gloss_span_get_suggester       (GlossSpan          *self);
gboolean          gloss_span_get_review          (GlossSpan          *self);

/* Only for a span that is not in a document: in a document, a span never
 * changes; an edit replaces it with a changed copy (gloss_span_copy()) */
void              gloss_span_set_id              (GlossSpan          *self,
                                                  guint               id);
void              gloss_span_set_label           (GlossSpan          *self,
                                                  const char         *label);
void              gloss_span_set_parts           (GlossSpan          *self,
                                                  const GlossRange   *parts,
                                                  guint               n_parts,
                                                  const char * const *texts);
void              gloss_span_set_attribute       (GlossSpan          *self,
                                                  const char         *name,
                                                  const char         *value);
void              gloss_span_set_note            (GlossSpan          *self,
                                                  const char         *note);
void              gloss_span_set_annotator       (GlossSpan          *self,
                                                  const char         *annotator);
void              gloss_span_set_created         (GlossSpan          *self,
                                                  const char         *created);
void              gloss_span_set_modified        (GlossSpan          *self,
                                                  const char         *modified);
void              gloss_span_set_origin          (GlossSpan          *self,
                                                  const char         *origin,
                                                  const char         *suggester);
void              gloss_span_set_review          (GlossSpan          *self,
                                                  gboolean            review);

G_END_DECLS
