/* gloss-window-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-dialog-util.h"
#include "gloss-document.h"
#include "gloss-file-writer.h"
#include "gloss-recovery.h"
#include "gloss-window-private.h"

/* Unsaved work kept from an earlier run (see gloss-recovery.c), brought
 * back into a window: the document is built from it and shown as unsaved
 * changes, so the autosave writes it the normal way, and the recovery file
 * is deleted once the work is on disk. When the annotation file beside
 * the text is not the one the work was kept against, nothing is written
 * over it: the window shows the conflict banner, with Keep Mine. */

typedef struct
{
  GlossRecovery *recovery;
  GlossDocument *document;
  gboolean       changed_on_disk;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->recovery);
  g_clear_object (&data->document);
  g_free (data);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  GError *error = NULL;

  data->document = gloss_recovery_load_document (data->recovery, cancellable, &error);
  if (data->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->changed_on_disk = gloss_recovery_changed_on_disk (data->recovery);
  g_task_return_boolean (task, TRUE);
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  RestoreData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *description = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->restoring = FALSE;
      /* The recovery file stays, to be offered again */
      description = g_strdup_printf (_("The unsaved work for “%s” could not be restored: %s. It is kept, and "
                                       "offered again when Gloss starts."),
                                     gloss_recovery_get_name (data->recovery), error->message);
      if (self->document == NULL)
        _gloss_window_show_failed (self, description);
      else
        _gloss_window_show_toast (self, description);
      return;
    }

  self->restoring = FALSE;
  g_set_object (&self->recovery, data->recovery);
  _gloss_window_set_document (self, data->document);

  /* Not saved yet: the autosave takes it from here */
  if (self->saver != NULL)
    gloss_saver_mark_dirty (self->saver);
  if (data->changed_on_disk && !gloss_document_get_read_only (data->document))
    _gloss_window_set_conflict_annotations (self);

  if (gloss_document_get_read_only (data->document))
    _gloss_window_show_toast (self, _("Unsaved work restored, read-only: see the problems in the sidebar"));
  else if (data->changed_on_disk)
    _gloss_window_show_toast (self, _("Unsaved work restored; the annotation file changed since, so it is not "
                                      "written over"));
  else
    _gloss_window_show_toast (self, _("Unsaved work restored"));
}

/**
 * gloss_window_restore:
 * @recovery: unsaved work kept from an earlier run
 *
 * Opens the recovery's text with the kept work, as unsaved changes.
 */
void
gloss_window_restore (GlossWindow   *self,
                      GlossRecovery *recovery)
{
  g_autoptr(GTask) task = NULL;
  RestoreData *data;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (GLOSS_IS_RECOVERY (recovery));

  /* A load of the same text (the file given at start) gives way */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading, gloss_recovery_get_text_file (recovery));
  self->restoring = TRUE;

  data = g_new0 (RestoreData, 1);
  data->recovery = g_object_ref (recovery);
  task = g_task_new (self, self->load_cancellable, on_restored_cb, NULL);
  g_task_set_source_tag (task, gloss_window_restore);
  g_task_set_task_data (task, data, (GDestroyNotify)restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

/**
 * _gloss_window_recovery_done:
 *
 * The restored work is on disk now (written, or kept beside): its
 * recovery file goes.
 */
void
_gloss_window_recovery_done (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->recovery == NULL)
    return;

  if (!gloss_recovery_discard (self->recovery, &error))
    g_warning ("%s", error->message);
  g_clear_object (&self->recovery);
}

/**
 * gloss_window_shows_file:
 *
 * Returns: whether the window shows @file, or is loading it
 */
gboolean
gloss_window_shows_file (GlossWindow *self,
                         GFile       *file)
{
  GFile *shown;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  shown = self->document != NULL ? gloss_document_get_file (self->document) : NULL;

  return (shown != NULL && g_file_equal (shown, file)) ||
         (self->loading != NULL && g_file_equal (self->loading, file));
}

/* Save As… of the offer ---------------------------------------------------- */

typedef struct
{
  GlossWindow   *window;
  GlossRecovery *recovery;
} SaveAsData;

static void
save_as_data_free (SaveAsData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->recovery);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveAsData, save_as_data_free)

static void
on_recovery_saved_as_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SaveAsData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = gloss_dialog_util_dup_display_name (G_FILE (object));
  g_autofree char *message = NULL;

  if (!gloss_file_write_bytes_finish (G_FILE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          message = g_strdup_printf (_("Could not save to “%s”: %s. The unsaved work is kept."), name,
                                     error->message);
          _gloss_window_show_toast (data->window, message);
        }
      return;
    }

  /* The work is safe in the chosen file */
  if (!gloss_recovery_discard (data->recovery, &error))
    g_warning ("%s", error->message);
  message = g_strdup_printf (_("The unsaved work is saved to “%s”"), name);
  _gloss_window_show_toast (data->window, message);
}

static void
on_recovery_chooser_response_cb (GtkNativeDialog *dialog,
                                 int              response,
                                 GlossWindow     *self)
{
  GlossRecovery *recovery = g_object_get_data (G_OBJECT (dialog), "gloss-recovery");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      gloss_window_save_recovery_to (self, recovery, file);
    }

  g_object_unref (dialog);
}

/**
 * gloss_window_save_recovery_to:
 * @file: where the user chose to save it
 *
 * Writes the annotation file kept in @recovery to @file, the way every
 * file of Gloss is written (atomically; a read-only file is not
 * replaced), and deletes the recovery once it is; a failure is said, and
 * the recovery kept.
 */
void
gloss_window_save_recovery_to (GlossWindow   *self,
                               GlossRecovery *recovery,
                               GFile         *file)
{
  g_autoptr(GBytes) bytes = NULL;
  SaveAsData *data;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (GLOSS_IS_RECOVERY (recovery));
  g_return_if_fail (G_IS_FILE (file));

  bytes = gloss_recovery_dup_annotations (recovery);
  data = g_new0 (SaveAsData, 1);
  data->window = g_object_ref (self);
  data->recovery = g_object_ref (recovery);
  gloss_file_write_bytes_async (file, bytes, GLOSS_FILE_WRITER_NONE, self->cancellable, on_recovery_saved_as_cb,
                                data);
}

/**
 * gloss_window_save_recovery_as:
 *
 * Asks where to save the annotation file kept in @recovery (it needs no
 * text to be saved), and deletes the recovery once it is.
 */
void
gloss_window_save_recovery_as (GlossWindow   *self,
                               GlossRecovery *recovery)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) json = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (GLOSS_IS_RECOVERY (recovery));

  dialog = gloss_dialog_util_new_chooser (GTK_WINDOW (self), _("Save Unsaved Work As"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  json = gloss_document_dup_annotation_file_for (gloss_recovery_get_text_file (recovery));
  name = gloss_dialog_util_dup_display_basename (json);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "gloss-recovery", g_object_ref (recovery), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
