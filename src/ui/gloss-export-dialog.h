/* gloss-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

GlossExportDialog *gloss_export_dialog_new             (GtkWindow         *parent,
                                                        GFile             *source,
                                                        GlossLabelSet     *labels,
                                                        AdwToastOverlay   *toasts);
GFile             *gloss_export_dialog_get_source      (GlossExportDialog *self);
GFile             *gloss_export_dialog_get_destination (GlossExportDialog *self);
void               gloss_export_dialog_set_destination (GlossExportDialog *self,
                                                        GFile             *destination);
gboolean           gloss_export_dialog_get_busy        (GlossExportDialog *self);
GPtrArray         *gloss_export_dialog_get_left_out    (GlossExportDialog *self);

G_END_DECLS
