/* gloss-window-disk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-conflict-banner.h"
#include "gloss-dialog-util.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-file-writer.h"
#include "gloss-format.h"
#include "gloss-problem.h"
#include "gloss-read.h"
#include "gloss-reanchor-dialog.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

/* The files of the open document on disk. Both the `.gloss.json` and the
 * text are watched; a change that is not our own write (its content
 * differs from what we last loaded or wrote, whatever its size and time)
 * shows the conflict banner. While the annotations on disk are someone
 * else's, or a change is being looked at, the saver is held: nothing
 * overwrites them until the user reloads them or keeps theirs beside
 * them. When nothing in the window is unsaved, a change of the annotation
 * file (a git pull or merge), or of the text together with its annotation
 * file (a git checkout of another branch), is simply loaded, and a toast
 * says so. What the load says of the annotation file is shown: one that
 * cannot be read is named with the reason, one the user may not write
 * opens read-only with the document's reason. A changed text leads to the
 * re-anchoring dialog, which is also how a document opened read-only
 * because its text changed gets fixed. A text that is not UTF-8 is
 * offered to open as Windows-1252. */

#define CHECK_DELAY_MS 300
#define TEXT_SHA256_PATH "$.text.sha256"

static gboolean
text_changed_problem (GlossDocument *document)
{
  GPtrArray *problems = gloss_document_get_problems (document);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->path, TEXT_SHA256_PATH) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_hold (GlossWindow *self)
{
  /* While the annotations on disk are someone else's, or a change on disk
   * is being looked at, nothing is written over them */
  if (self->saver != NULL)
    gloss_saver_set_held (self->saver, self->conflict == GLOSS_CONFLICT_ANNOTATIONS || self->checking);
}

static void
set_conflict (GlossWindow       *self,
              GlossConflictKind  kind)
{
  self->conflict = kind;
  gloss_conflict_banner_set_kind (GLOSS_CONFLICT_BANNER (self->conflict_banner), kind);
  update_hold (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload-from-disk", kind == GLOSS_CONFLICT_ANNOTATIONS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", kind == GLOSS_CONFLICT_ANNOTATIONS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reanchor",
                                 self->document != NULL &&
                                 (kind == GLOSS_CONFLICT_TEXT || text_changed_problem (self->document)));
  _gloss_window_update_save_status (self);
}

/* Restored work that would replace another's annotation file waits for
 * the user, as a change on disk does */
void
_gloss_window_set_conflict_annotations (GlossWindow *self)
{
  set_conflict (self, GLOSS_CONFLICT_ANNOTATIONS);
}

/* Content on disk ------------------------------------------------------- */

static void reload (GlossWindow *self);

/* Everything the window shows is on disk: a change there loses nothing
 * when it is loaded */
static gboolean
nothing_unsaved (GlossWindow *self)
{
  if (self->document == NULL || self->recovery != NULL || self->restoring || self->conflict != GLOSS_CONFLICT_NONE)
    return FALSE;

  if (self->saver == NULL)
    return TRUE;

  return !gloss_saver_get_dirty (self->saver) && gloss_saver_get_state (self->saver) == GLOSS_SAVER_SAVED &&
         !gloss_sidebar_get_note_pending (self->sidebar);
}

/* A checkout, pull or merge replaced the files, and nothing here was
 * unsaved: the files as they are now are shown */
static void
reload_changed (GlossWindow *self)
{
  if (self->reloading)
    return;

  self->reloading = TRUE;
  reload (self);
}

/* A change on disk is told by the content of the files, not by their size
 * and modification time, which another program can leave as they were.
 * The document knows the annotation file as it last read or wrote it, and
 * compares (gloss_document_check_disk_async(), which also knows our own
 * writes); the text is compared with the hash of the text it holds. Both
 * are read in worker threads. */

static void
on_disk_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gloss_document_check_disk_finish (GLOSS_DOCUMENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->document != GLOSS_DOCUMENT (object))
    return;

  /* A later change is still to be looked at: the hold stays until then */
  if (self->disk_check_id == 0)
    self->checking = FALSE;

  /* Someone else's annotations are what matters most: nothing is written
   * over them. (A file that cannot be read now makes the save say why;
   * a deleted one is written again.) */
  if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK))
    {
      if (self->reloading)
        ;
      else if (nothing_unsaved (self))
        reload_changed (self);
      else if (self->conflict != GLOSS_CONFLICT_ANNOTATIONS)
        set_conflict (self, GLOSS_CONFLICT_ANNOTATIONS);
    }
  else if (error != NULL)
    g_debug ("The annotation file could not be compared: %s", error->message);

  update_hold (self);
}

/* The text on disk, and what the annotation file on disk says of it */
typedef struct
{
  char     *sha256;            /* of the text's bytes */
  gboolean  annotations_match; /* no annotation file, or one for this text */
} HashedText;

static void
hashed_text_free (HashedText *hashed)
{
  g_free (hashed->sha256);
  g_free (hashed);
}

/* The text.sha256 an annotation file records, or NULL */
static char *
dup_recorded_sha256 (GFile        *json_file,
                     gboolean     *exists,
                     GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  *exists = TRUE;
  if (!gloss_read_file (json_file, 0, cancellable, &data, &length, &error))
    {
      *exists = !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      return NULL;
    }

  return gloss_format_dup_text_sha256 (data, length);
}

static void
hash_text_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (task_data);
  g_autofree char *recorded = NULL;
  HashedText *hashed;
  gboolean exists;

  hashed = g_new0 (HashedText, 1);
  hashed->sha256 = gloss_recovery_hash_file (task_data, NULL, cancellable);
  if (hashed->sha256 != NULL)
    {
      recorded = dup_recorded_sha256 (json_file, &exists, cancellable);
      hashed->annotations_match = !exists || g_strcmp0 (recorded, hashed->sha256) == 0;
    }
  g_task_return_pointer (task, hashed, (GDestroyNotify)hashed_text_free);
}

static void
on_text_hashed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  HashedText *hashed = g_task_propagate_pointer (G_TASK (result), NULL);

  /* NULL: cancelled with its document; no text there to compare */
  if (hashed == NULL || hashed->sha256 == NULL || self->document == NULL)
    {
      g_clear_pointer (&hashed, hashed_text_free);
      return;
    }

  if (g_strcmp0 (hashed->sha256, gloss_text_get_sha256 (gloss_document_get_text (self->document))) != 0)
    {
      /* A checkout of another version: the text with its annotations.
       * A text changed alone is re-anchored (the banner leads there). */
      if (self->reloading)
        ;
      else if (hashed->annotations_match && nothing_unsaved (self))
        reload_changed (self);
      else if (self->conflict == GLOSS_CONFLICT_NONE)
        set_conflict (self, GLOSS_CONFLICT_TEXT);
    }
  hashed_text_free (hashed);
}

static gboolean
check_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->disk_check_id = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  gloss_document_check_disk_async (self->document, self->disk_cancellable, on_disk_checked_cb, g_object_ref (self));

  task = g_task_new (self, self->disk_cancellable, on_text_hashed_cb, NULL);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, g_object_ref (gloss_document_get_file (self->document)), g_object_unref);
  g_task_run_in_thread (task, hash_text_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (GlossWindow *self)
{
  /* Nothing is written until the change is looked at: an autosave in
   * between would undo it */
  self->checking = TRUE;
  update_hold (self);
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  self->disk_check_id = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GlossWindow       *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      schedule_check (self);
      break;

    default:
      break;
    }
}

static void
on_saver_written_cb (GlossSaver  *saver,
                     GlossWindow *self)
{
  _gloss_window_recovery_done (self);
}

static GFileMonitor *
watch (GlossWindow *self,
       GFile       *file)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, self->disk_cancellable, &error);
  if (monitor == NULL)
    {
      g_debug ("Not watching %s: %s", g_file_peek_path (file), error->message);
      return NULL;
    }

  g_signal_connect (monitor, "changed", G_CALLBACK (on_file_changed_cb), self);

  return monitor;
}

static void
unwatch (GlossWindow   *self,
         GFileMonitor **monitor)
{
  if (*monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*monitor, self);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

/**
 * _gloss_window_stop_watching:
 *
 * Before a quit that cannot wait: changes on disk are no longer looked
 * at, and one being looked at holds the autosave back no more. The last
 * save compares the annotation file itself, and refuses to write over
 * someone else's change (the work then goes to a recovery file); a
 * change already found keeps the autosave held.
 */
void
_gloss_window_stop_watching (GlossWindow *self)
{
  g_cancellable_cancel (self->disk_cancellable);
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  unwatch (self, &self->json_monitor);
  unwatch (self, &self->text_monitor);
  self->checking = FALSE;
  update_hold (self);
}

static void
update_read_only_banner (GlossWindow *self)
{
  GtkWidget *status = gtk_stack_get_child_by_name (self->save_stack, "read-only");
  const char *reason = gloss_document_get_read_only_reason (self->document);
  GPtrArray *problems = gloss_document_get_problems (self->document);
  g_autofree char *text = NULL;

  if (reason == NULL)
    return;

  /* The document's own reason; where to look for the problems is the
   * window's to say */
  if (problems->len > 0)
    text = g_strdup_printf (_("%s. The problems are listed in the sidebar."), reason);
  gtk_label_set_text (self->read_only_label, text != NULL ? text : reason);
  gtk_widget_set_tooltip_text (status, reason);
  /* A file that may not be written is fine to copy; one with problems
   * is fixed first */
  gtk_widget_set_visible (self->read_only_save_button, problems->len == 0);
}

void
_gloss_window_document_set (GlossWindow *self)
{
  GFile *text = gloss_document_get_file (self->document);
  g_autoptr(GFile) json = gloss_document_dup_annotation_file (self->document);

  _gloss_window_document_cleared (self);
  self->reloading = FALSE;

  update_read_only_banner (self);
  gtk_widget_set_visible (self->reanchor_button, text_changed_problem (self->document));
  set_conflict (self, GLOSS_CONFLICT_NONE);

  if (text == NULL || json == NULL || !g_file_is_native (text))
    return;

  self->disk_cancellable = g_cancellable_new ();
  self->json_monitor = watch (self, json);
  self->text_monitor = watch (self, text);
  g_signal_connect (self->saver, "written", G_CALLBACK (on_saver_written_cb), self);
}

void
_gloss_window_document_cleared (GlossWindow *self)
{
  g_cancellable_cancel (self->disk_cancellable);
  g_clear_object (&self->disk_cancellable);
  g_clear_handle_id (&self->disk_check_id, g_source_remove);

  unwatch (self, &self->json_monitor);
  unwatch (self, &self->text_monitor);

  self->checking = FALSE;
  self->conflict = GLOSS_CONFLICT_NONE;
  if (self->conflict_banner != NULL)
    gloss_conflict_banner_set_kind (GLOSS_CONFLICT_BANNER (self->conflict_banner), GLOSS_CONFLICT_NONE);
  if (self->reanchor_dialog != NULL)
    gtk_window_destroy (self->reanchor_dialog);
  if (self->reanchor_button != NULL)
    gtk_widget_set_visible (self->reanchor_button, FALSE);

  _gloss_window_end_split_mode (self);
}

/* Loading --------------------------------------------------------------- */

/**
 * _gloss_window_describe_load_error:
 *
 * Returns: (transfer full): why @file could not be opened, for the user;
 *   an annotation file that cannot be read is named, with why (the text
 *   itself was fine)
 */
char *
_gloss_window_describe_load_error (GFile        *file,
                                   const GError *error)
{
  g_autofree char *name = file != NULL ? gloss_dialog_util_dup_display_name (file) : g_strdup ("");

  if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_UNREADABLE_ANNOTATIONS))
    return g_strdup_printf (_("“%s” could not be opened because of its annotation file: %s"), name, error->message);

  return g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);
}

/* Reload --------------------------------------------------------------- */

static void
on_reloaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  gboolean changed_on_disk;

  document = gloss_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  changed_on_disk = self->reloading;
  self->reloading = FALSE;
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      /* Not cancelled: still the document that was reloaded */
      message = _gloss_window_describe_load_error (gloss_document_get_file (self->document), error);
      _gloss_window_show_toast (self, message);
      return;
    }

  _gloss_window_set_document (self, document);
  if (changed_on_disk)
    _gloss_window_show_toast (self, _("The file changed on disk and was loaded again"));
}

static void
reload (GlossWindow *self)
{
  if (self->document == NULL)
    return;

  /* The writes stay held until the new document replaces this one */
  if (self->saver != NULL)
    gloss_saver_set_held (self->saver, TRUE);

  gloss_document_load_async (gloss_document_get_file (self->document), NULL, self->disk_cancellable,
                             on_reloaded_cb, g_object_ref (self));
}

/* Keep mine ------------------------------------------------------------ */

static GFile *
dup_mine_file (GlossWindow *self)
{
  g_autoptr(GFile) json = gloss_document_dup_annotation_file (self->document);
  g_autofree char *path = g_file_get_path (json);
  g_autofree char *mine = NULL;

  /* article.txt.gloss.json → article.txt.gloss.mine.json */
  if (g_str_has_suffix (path, ".json"))
    path[strlen (path) - strlen (".json")] = '\0';
  mine = g_strconcat (path, ".mine.json", NULL);

  return g_file_new_for_path (mine);
}

typedef struct
{
  GlossWindow *window;
  guint        then_close : 1;
} KeepMineData;

static void
on_kept_mine_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KeepMineData *data = user_data;
  g_autoptr(GlossWindow) self = data->window;
  gboolean then_close = data->then_close;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = gloss_dialog_util_dup_display_basename (G_FILE (object));
  g_autofree char *message = NULL;

  g_free (data);

  if (!gloss_file_write_bytes_finish (G_FILE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Your annotations could not be saved as “%s”: %s"), name, error->message);
      _gloss_window_show_toast (self, message);
      return;
    }

  if (then_close)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* Ours are safe beside theirs: go on with the file on disk */
  _gloss_window_recovery_done (self);
  message = g_strdup_printf (_("Your annotations are saved as “%s”; the window now shows the ones on disk"), name);
  _gloss_window_show_toast (self, message);
  reload (self);
}

static void
keep_mine (GlossWindow *self,
           gboolean     then_close)
{
  g_autoptr(GFile) mine = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KeepMineData *data;

  if (self->document == NULL)
    return;

  gloss_sidebar_commit_note (self->sidebar);
  mine = dup_mine_file (self);
  bytes = gloss_format_serialize (self->document);
  data = g_new0 (KeepMineData, 1);
  data->window = g_object_ref (self);
  data->then_close = then_close;
  gloss_file_write_bytes_async (mine, bytes, GLOSS_FILE_WRITER_NONE, self->cancellable, on_kept_mine_cb, data);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  keep_mine (GLOSS_WINDOW (widget), FALSE);
}

/* Asking before changes are lost ----------------------------------------- */

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossWindow      *self)
{
  gboolean closing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "gloss-closing"));

  if (g_strcmp0 (response, "keep-mine") == 0)
    keep_mine (self, closing);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (closing)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      else
        reload (self);
    }
}

static void
ask_before_discarding (GlossWindow *self,
                       gboolean     closing)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       closing ? _("Close and Lose Your Changes?")
                                                               : _("Reload and Lose Your Changes?"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               _("The annotations changed on disk, and your latest changes are only in this "
                                 "window. Keep yours beside the other file, or lose them."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", closing ? _("_Close and Lose Them") : _("_Reload and Lose Them"),
                                    "keep-mine", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep-mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep-mine");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "gloss-closing", GINT_TO_POINTER (closing));
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->document == NULL)
    return;

  gloss_sidebar_commit_note (self->sidebar);
  if (self->saver != NULL && gloss_saver_get_dirty (self->saver))
    ask_before_discarding (self, FALSE);
  else
    reload (self);
}

/**
 * _gloss_window_close_in_conflict:
 *
 * Returns: %TRUE when closing waits for the user: the annotations on disk
 *   are someone else's and ours are not saved anywhere
 */
gboolean
_gloss_window_close_in_conflict (GlossWindow *self)
{
  if (self->conflict != GLOSS_CONFLICT_ANNOTATIONS || self->saver == NULL ||
      !gloss_saver_get_dirty (self->saver))
    return FALSE;

  ask_before_discarding (self, TRUE);

  return TRUE;
}

/* Re-anchoring ----------------------------------------------------------- */

static void
on_reanchor_apply_cb (GlossReanchorDialog *dialog,
                      GlossDocument       *document,
                      GlossWindow         *self)
{
  g_autoptr(GError) error = NULL;

  /* The re-anchored document holds all the work of the one it replaces:
   * nothing of the old one may land on disk after it, and it expects the
   * annotation file as the old one last read or wrote it */
  if (self->saver != NULL && !gloss_saver_stop (self->saver, &error))
    g_warning ("%s", error->message);
  if (self->document != NULL)
    _gloss_document_copy_disk (document, self->document);

  _gloss_window_set_document (self, document);
  /* Written now, atomically, by the normal saver */
  if (self->saver != NULL)
    {
      gloss_saver_mark_dirty (self->saver);
      gloss_saver_save_now (self->saver);
    }
  _gloss_window_show_toast (self, _("Annotations re-anchored to the new text"));
}

static void
on_reanchor_dialog_destroy_cb (GtkWidget   *dialog,
                               GlossWindow *self)
{
  if (self->reanchor_dialog == GTK_WINDOW (dialog))
    self->reanchor_dialog = NULL;
}

static void
reanchor_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GBytes) json = NULL;
  GlossReanchorDialog *dialog;

  if (self->document == NULL || gloss_document_get_file (self->document) == NULL)
    return;

  if (self->reanchor_dialog != NULL)
    {
      gtk_window_present (self->reanchor_dialog);
      return;
    }

  /* The text changed under an open, editable document: its annotations
   * in memory (for the old text) are what gets re-anchored, saved or not */
  if (!gloss_document_get_read_only (self->document) || self->recovery != NULL)
    json = gloss_format_serialize (self->document);

  dialog = gloss_reanchor_dialog_new (GTK_WINDOW (self), gloss_document_get_file (self->document), json,
                                      gloss_document_get_language (self->document));
  self->reanchor_dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_reanchor_dialog_destroy_cb), self, 0);
  g_signal_connect_object (dialog, "apply", G_CALLBACK (on_reanchor_apply_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Encodings ------------------------------------------------------------- */

#define FALLBACK_ENCODING "windows-1252"

static void
load_encoded_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GlossDocument *document;

  document = gloss_document_load_encoded (task_data, NULL, FALLBACK_ENCODING, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
on_loaded_encoded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not open it as Windows-1252 either: %s"), error->message);
      _gloss_window_show_toast (self, message);
      return;
    }

  _gloss_window_set_document (self, document);
  _gloss_window_show_toast (self, _("Opened as Windows-1252: check that the text reads right"));
}

static void
on_encoding_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GlossWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "gloss-file");
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "windows-1252") != 0)
    return;

  task = g_task_new (self, self->cancellable, on_loaded_encoded_cb, NULL);
  g_task_set_source_tag (task, on_encoding_response_cb);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_encoded_thread);
}

/**
 * _gloss_window_ask_encoding:
 *
 * After a load failed: when the text is not UTF-8, says where, and
 * offers to open it as Windows-1252.
 */
void
_gloss_window_ask_encoding (GlossWindow  *self,
                           GFile        *file,
                           const GError *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *reason = NULL;

  if (file == NULL || !g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8))
    return;

  reason = gloss_dialog_util_make_valid (error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Not a UTF-8 Text"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nIt may be in an older encoding. Gloss can open it as Windows-1252 "
                                    "(Western European, a superset of Latin-1): check that the text reads "
                                    "right; the annotation file records the encoding, the text is not changed."),
                                  reason);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "windows-1252", _("_Open as Windows-1252"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "windows-1252", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "windows-1252");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_encoding_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_class_init_disk (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reload-from-disk", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.reanchor", NULL, reanchor_action);
}
