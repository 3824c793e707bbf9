/* gloss-clash-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CLASH_DIALOG (gloss_clash_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossClashDialog, gloss_clash_dialog, GLOSS, CLASH_DIALOG, AdwWindow)

GlossClashDialog *gloss_clash_dialog_new          (GtkWindow        *parent,
                                                   GlossDocument    *document);
int               gloss_clash_dialog_get_selected (GlossClashDialog *self);
void              gloss_clash_dialog_select       (GlossClashDialog *self,
                                                   guint             index);
const char       *gloss_clash_dialog_get_version  (GlossClashDialog *self,
                                                   gboolean          theirs);
const char       *gloss_clash_dialog_get_error    (GlossClashDialog *self);
gboolean          gloss_clash_dialog_get_editing  (GlossClashDialog *self);
void              gloss_clash_dialog_set_edit_text (GlossClashDialog *self,
                                                    const char       *text);
char             *gloss_clash_dialog_dup_title    (GlossDocument    *document,
                                                   guint             index);

G_END_DECLS
