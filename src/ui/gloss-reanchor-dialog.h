/* gloss-reanchor-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REANCHOR_DIALOG (gloss_reanchor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossReanchorDialog, gloss_reanchor_dialog, GLOSS, REANCHOR_DIALOG, AdwWindow)

GlossReanchorDialog *gloss_reanchor_dialog_new         (GtkWindow           *parent,
                                                        GFile               *text_file,
                                                        GBytes              *json,
                                                        const char          *language);
gboolean             gloss_reanchor_dialog_get_ready   (GlossReanchorDialog *self);
GlossDocument       *gloss_reanchor_dialog_get_document (GlossReanchorDialog *self);
GPtrArray           *gloss_reanchor_dialog_get_anchors (GlossReanchorDialog *self);
const char          *gloss_reanchor_dialog_get_summary (GlossReanchorDialog *self);
GtkListBox          *gloss_reanchor_dialog_get_list    (GlossReanchorDialog *self);

G_END_DECLS
