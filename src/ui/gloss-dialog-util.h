/* gloss-dialog-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char                 *gloss_dialog_util_dup_display_name (GFile                *file);
char                 *gloss_dialog_util_dup_display_basename (GFile            *file);
char                 *gloss_dialog_util_make_valid       (const char           *message);
AdwToast             *gloss_dialog_util_new_toast        (const char           *message);
void                  gloss_dialog_util_show_error       (GtkWindow            *parent,
                                                          const char           *heading,
                                                          const GError         *error);
GtkFileChooserNative *gloss_dialog_util_new_chooser      (GtkWindow            *parent,
                                                          const char           *title,
                                                          GtkFileChooserAction  action,
                                                          const char           *accept_label);

G_END_DECLS
