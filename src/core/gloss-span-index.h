/* gloss-span-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct _GlossSpanIndex GlossSpanIndex;

GlossSpanIndex *gloss_span_index_new    (void);
void            gloss_span_index_free   (GlossSpanIndex *self);
void            gloss_span_index_add    (GlossSpanIndex *self,
                                         GlossSpan      *span);
void            gloss_span_index_add_all (GlossSpanIndex *self,
                                          GPtrArray      *spans);
void            gloss_span_index_remove (GlossSpanIndex *self,
                                         GlossSpan      *span);
void            gloss_span_index_clear  (GlossSpanIndex *self);
void            gloss_span_index_query  (GlossSpanIndex *self,
                                         guint           start,
                                         guint           end,
                                         GPtrArray      *found);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSpanIndex, gloss_span_index_free)

G_END_DECLS
