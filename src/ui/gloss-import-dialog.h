/* gloss-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_IMPORT_DIALOG (gloss_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossImportDialog, gloss_import_dialog, GLOSS, IMPORT_DIALOG, AdwWindow)

GlossImportDialog *gloss_import_dialog_new             (GtkWindow         *parent,
                                                        GFile             *destination,
                                                        AdwToastOverlay   *toasts);
void               gloss_import_dialog_set_input       (GlossImportDialog *self,
                                                        GFile             *input);
void               gloss_import_dialog_set_destination (GlossImportDialog *self,
                                                        GFile             *destination);
gboolean           gloss_import_dialog_get_busy        (GlossImportDialog *self);
GPtrArray         *gloss_import_dialog_get_conflicts   (GlossImportDialog *self);
GPtrArray         *gloss_import_dialog_get_dropped     (GlossImportDialog *self);
GPtrArray         *gloss_import_dialog_get_problems    (GlossImportDialog *self);

G_END_DECLS
