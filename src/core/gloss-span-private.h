/* gloss-span-private.h
 *
 * What spans and relations share, and what only the document may do to
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-relation.h"
#include "gloss-span.h"

G_BEGIN_DECLS

/* The members a span and a relation both have, after their own: who made
 * it and when, a note, where it came from, and a mark for review */
typedef struct
{
  char     *note;
  char     *annotator;
  char     *created;
  char     *modified;
  char     *origin;      /* NULL: made by hand */
  char     *suggester;   /* the suggester and its version, or NULL */
  gboolean  review;
  gboolean  sealed;      /* in a document: never changes again */
} GlossSpanInfo;

void           _gloss_span_info_init        (GlossSpanInfo       *info);
void           _gloss_span_info_clear       (GlossSpanInfo       *info);
void           _gloss_span_info_copy        (const GlossSpanInfo *from,
                                             GlossSpanInfo       *to);
gboolean       _gloss_span_info_equal       (const GlossSpanInfo *a,
                                             const GlossSpanInfo *b);
void           _gloss_span_info_set         (GlossSpanInfo       *info,
                                             char               **field,
                                             const char          *value);
void           _gloss_span_info_append_json (const GlossSpanInfo *info,
                                             GString             *out);

GlossSpanInfo *_gloss_span_get_info         (GlossSpan           *self);
GlossSpanInfo *_gloss_relation_get_info     (GlossRelation       *self);
void           _gloss_span_sort_attributes  (GlossSpan           *self,
                                             GlossLabel          *label);

G_END_DECLS
