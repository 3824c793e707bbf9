/* gloss-span-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SPAN_LIST (gloss_span_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossSpanList, gloss_span_list, GLOSS, SPAN_LIST, GtkWidget)

void         gloss_span_list_set_document   (GlossSpanList *self,
                                             GlossDocument *document);
void         gloss_span_list_set_current    (GlossSpanList *self,
                                             guint          id);
void         gloss_span_list_focus          (GlossSpanList *self);
gboolean     gloss_span_list_is_pending     (GlossSpanList *self);
GtkListView *gloss_span_list_get_list_view  (GlossSpanList *self);
GtkDropDown *gloss_span_list_get_filter     (GlossSpanList *self);
gboolean     gloss_span_list_set_filter_label (GlossSpanList *self,
                                               const char    *label);
char        *gloss_span_list_dup_row_description (GlossSpanList *self,
                                                  guint          position);

G_END_DECLS
