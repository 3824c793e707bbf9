/* gloss-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_HISTORY (gloss_history_get_type ())

G_DECLARE_FINAL_TYPE (GlossHistory, gloss_history, GLOSS, HISTORY, GObject)

GlossHistory *gloss_history_new            (GlossDocument   *document);
gboolean      gloss_history_get_can_undo   (GlossHistory    *self);
gboolean      gloss_history_get_can_redo   (GlossHistory    *self);
void          gloss_history_begin_group    (GlossHistory    *self);
void          gloss_history_end_group      (GlossHistory    *self);
void          gloss_history_abort_group    (GlossHistory    *self);
void          gloss_history_insert         (GlossHistory    *self,
                                            GlossAnnotation *annotation);
void          gloss_history_remove         (GlossHistory    *self,
                                            GlossAnnotation *annotation);
void          gloss_history_remove_label   (GlossHistory    *self,
                                            GlossLabel      *label);
void          gloss_history_set_label_endpoints (GlossHistory       *self,
                                                 GlossLabel         *label,
                                                 const char * const *from,
                                                 const char * const *to);
void          gloss_history_insert_span    (GlossHistory    *self,
                                            GlossSpan       *span);
void          gloss_history_remove_span    (GlossHistory    *self,
                                            GlossSpan       *span);
void          gloss_history_replace_span   (GlossHistory    *self,
                                            GlossSpan       *old_span,
                                            GlossSpan       *new_span);
void          gloss_history_insert_relation (GlossHistory   *self,
                                             GlossRelation  *relation);
void          gloss_history_remove_relation (GlossHistory   *self,
                                             GlossRelation  *relation);
void          gloss_history_replace_relation (GlossHistory  *self,
                                              GlossRelation *old_relation,
                                              GlossRelation *new_relation);
void          gloss_history_set_suggestions (GlossHistory   *self,
                                             GlossSuggestions *old_suggestions,
                                             GlossSuggestions *new_suggestions);
void          gloss_history_set_conflicts  (GlossHistory    *self,
                                           GPtrArray       *old_conflicts,
                                           GPtrArray       *new_conflicts);
void          gloss_history_replace_sentences (GlossHistory *self,
                                               guint         position,
                                               GPtrArray    *old_sentences,
                                               GPtrArray    *new_sentences);
gboolean      gloss_history_undo           (GlossHistory    *self);
gboolean      gloss_history_redo           (GlossHistory    *self);
void          gloss_history_clear          (GlossHistory    *self);

G_END_DECLS
