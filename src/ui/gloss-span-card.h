/* gloss-span-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN_CARD (gloss_span_card_get_type ())

G_DECLARE_FINAL_TYPE (GlossSpanCard, gloss_span_card, GLOSS, SPAN_CARD, GtkWidget)

void        gloss_span_card_set_span       (GlossSpanCard *self,
                                            GlossDocument *document,
                                            guint          id);
guint       gloss_span_card_get_span       (GlossSpanCard *self);
gboolean    gloss_span_card_is_pending     (GlossSpanCard *self);
const char *gloss_span_card_get_summary    (GlossSpanCard *self);
const char *gloss_span_card_get_text       (GlossSpanCard *self);
const char *gloss_span_card_get_description (GlossSpanCard *self);
void        gloss_span_card_focus_note     (GlossSpanCard *self);
void        gloss_span_card_commit_note    (GlossSpanCard *self);
GtkWidget  *gloss_span_card_get_note_row   (GlossSpanCard *self);
GtkWidget  *gloss_span_card_get_attribute_row (GlossSpanCard *self,
                                               const char    *name);
GtkWidget  *gloss_span_card_get_role_button (GlossSpanCard *self,
                                             guint          relation,
                                             gboolean       remove);

char       *gloss_span_card_dup_title      (GlossDocument *document,
                                            GlossSpan     *span);
char       *gloss_span_card_dup_text_line  (GlossSpan     *span,
                                            guint          max_chars);
GPtrArray  *gloss_span_card_dup_roles      (GlossDocument *document,
                                            GlossSpan     *span);

G_END_DECLS
