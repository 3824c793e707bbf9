/* gloss-sentence-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-sentence.h"

G_BEGIN_DECLS

/* Only the document keeps a sentence's annotations in step with its own
 * list, so that the view can ask a sentence for its labels in O(1). */
void _gloss_sentence_insert_annotation (GlossSentence   *self,
                                        guint            position,
                                        GlossAnnotation *annotation);
void _gloss_sentence_remove_annotation (GlossSentence   *self,
                                        GlossAnnotation *annotation);
gboolean _gloss_sentence_sort_annotations (GlossSentence    *self,
                                           GCompareDataFunc  compare,
                                           gpointer          user_data);

G_END_DECLS
