/* gloss-sentence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SENTENCE (gloss_sentence_get_type ())

G_DECLARE_FINAL_TYPE (GlossSentence, gloss_sentence, GLOSS, SENTENCE, GObject)

GlossSentence *gloss_sentence_new                 (guint          id,
                                                   guint          start,
                                                   guint          end);
guint          gloss_sentence_get_id              (GlossSentence *self);
guint          gloss_sentence_get_start           (GlossSentence *self);
guint          gloss_sentence_get_end             (GlossSentence *self);
guint          gloss_sentence_get_n_annotations   (GlossSentence *self);
GlossAnnotation *gloss_sentence_get_annotation    (GlossSentence *self,
                                                   guint          position);
GlossAnnotation *gloss_sentence_find_label        (GlossSentence *self,
                                                   const char    *label);
gboolean       gloss_sentence_has_label           (GlossSentence *self,
                                                   const char    *label);

G_END_DECLS
