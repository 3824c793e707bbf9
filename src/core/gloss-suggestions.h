/* gloss-suggestions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SUGGESTIONS (gloss_suggestions_get_type ())

G_DECLARE_FINAL_TYPE (GlossSuggestions, gloss_suggestions, GLOSS, SUGGESTIONS, GObject)

GlossSuggestions *gloss_suggestions_new             (GPtrArray        *spans,
                                                     GPtrArray        *relations,
                                                     GPtrArray        *rejected);
GPtrArray        *gloss_suggestions_get_spans       (GlossSuggestions *self);
GPtrArray        *gloss_suggestions_get_relations   (GlossSuggestions *self);
GPtrArray        *gloss_suggestions_get_rejected    (GlossSuggestions *self);
gboolean          gloss_suggestions_is_empty        (GlossSuggestions *self);
GlossSpan        *gloss_suggestions_lookup_span     (GlossSuggestions *self,
                                                     guint             id);
gboolean          gloss_suggestions_is_head         (GlossSuggestions *self,
                                                     GlossSpan        *span);
GPtrArray        *gloss_suggestions_dup_heads       (GlossSuggestions *self);
GPtrArray        *gloss_suggestions_dup_unit        (GlossSuggestions *self,
                                                     guint             head,
                                                     GPtrArray       **relations);
gboolean          gloss_suggestions_is_rejected     (GlossSuggestions *self,
                                                     GlossSpan        *span);
GlossSuggestions *gloss_suggestions_without_unit    (GlossSuggestions *self,
                                                     guint             head,
                                                     gboolean          reject);
gboolean          gloss_suggestions_labels_fit      (GlossLabelSet    *labels);
gboolean          gloss_suggestions_same_span       (GlossSpan        *a,
                                                     GlossSpan        *b);

G_END_DECLS
