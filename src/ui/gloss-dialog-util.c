/* gloss-dialog-util.c
 *
 * What the dialogs share: file names as the researcher reads them, the
 * error dialog and the file chooser (GtkFileChooserNative, for the portal;
 * a port to GtkFileDialog touches this file only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-corpus.h"
#include "gloss-dialog-util.h"

/* The path in the file system's encoding made readable, or the URI */
char *
gloss_dialog_util_dup_display_name (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return gloss_corpus_dup_display_name (file);
}

/* The file's name alone, readable whatever its bytes: a name that is not
 * UTF-8 shows U+FFFD where a byte is not, and never reaches GTK raw */
char *
gloss_dialog_util_dup_display_basename (GFile *file)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  base = g_file_get_basename (file);

  return base ? g_filename_display_name (base) : g_strdup ("");
}

/* A message for a label or a toast: the core's messages may carry a file
 * name's raw bytes, which GTK refuses */
char *
gloss_dialog_util_make_valid (const char *message)
{
  return g_utf8_make_valid (message != NULL ? message : "", -1);
}

/**
 * gloss_dialog_util_new_toast:
 * @message: plain text, such as a message naming a file
 *
 * Returns: (transfer full): a toast that shows @message as it is: a
 *   toast's title is Pango markup in libadwaita 1.2, where a file named
 *   “R&D.txt” would show nothing
 */
AdwToast *
gloss_dialog_util_new_toast (const char *message)
{
  g_autofree char *valid = gloss_dialog_util_make_valid (message);
  g_autofree char *markup = g_markup_escape_text (valid, -1);

  return adw_toast_new (markup);
}

/* A message dialog over @parent with @heading and the error's message */
void
gloss_dialog_util_show_error (GtkWindow    *parent,
                              const char   *heading,
                              const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (error != NULL);

  body = gloss_dialog_util_make_valid (error->message);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A modal file chooser over @parent, with a Cancel button */
GtkFileChooserNative *
gloss_dialog_util_new_chooser (GtkWindow            *parent,
                               const char           *title,
                               GtkFileChooserAction  action,
                               const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}
