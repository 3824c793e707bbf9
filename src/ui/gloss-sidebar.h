/* gloss-sidebar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDEBAR (gloss_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GLOSS, SIDEBAR, GtkWidget)

void        gloss_sidebar_set_document   (GlossSidebar  *self,
                                          GlossDocument *document);
void        gloss_sidebar_set_loading    (GlossSidebar  *self,
                                          gboolean       loading);
void        gloss_sidebar_set_position   (GlossSidebar  *self,
                                          int            position);
void        gloss_sidebar_set_annotator  (GlossSidebar  *self,
                                          const char    *annotator);
void        gloss_sidebar_focus_note     (GlossSidebar  *self);
void        gloss_sidebar_commit_note    (GlossSidebar  *self);
gboolean    gloss_sidebar_get_note_pending (GlossSidebar *self);
GtkWidget  *gloss_sidebar_get_note_row   (GlossSidebar  *self);
GtkWidget  *gloss_sidebar_get_label_button (GlossSidebar *self,
                                            const char   *label_id);
GListModel *gloss_sidebar_get_problem_rows (GlossSidebar *self);
const char *gloss_sidebar_get_sentence_text (GlossSidebar *self);
GtkListView *gloss_sidebar_get_annotation_list (GlossSidebar *self);
void        gloss_sidebar_set_span       (GlossSidebar  *self,
                                          guint          id);
void        gloss_sidebar_focus_span_note (GlossSidebar *self);
GtkWidget  *gloss_sidebar_get_span_card  (GlossSidebar  *self);
GtkWidget  *gloss_sidebar_get_span_button (GlossSidebar *self,
                                           const char   *label_id);
gboolean    gloss_sidebar_show_spans     (GlossSidebar  *self,
                                          gboolean       spans);
gboolean    gloss_sidebar_focus_span_list (GlossSidebar *self);
GtkWidget  *gloss_sidebar_get_span_list  (GlossSidebar  *self);
void        gloss_sidebar_set_codebook_expanded (GlossSidebar *self,
                                                 gboolean      expanded);
gboolean    gloss_sidebar_get_codebook_expanded (GlossSidebar *self);
GtkWidget  *gloss_sidebar_get_codebook_view (GlossSidebar *self);

G_END_DECLS
