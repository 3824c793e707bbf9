/* gloss-window-disk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
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
#include "gloss-reanchor-dialog.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

/* The files of the open document on disk. Both the `.gloss.json` and the
 * text are watched; a change that is not our own write (its content
 * differs from what we last loaded or wrote, whatever its size and time)
 * shows the conflict banner. While the annotations on disk are someone
 * else's, or a change is being looked at, the saver is held: nothing
 * overwrites them until the user reloads them or keeps theirs beside
 * them. An annotation file that cannot be read is named with the reason;
 * one the user may not write opens read-only. A changed text leads to
 * the re-anchoring dialog, which is also how a document opened read-only
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

/* A change on disk is told by the content of the files, not by their size
 * and modification time, which another program can leave as they were.
 * The hash of the annotation file as we last loaded or wrote it is kept;
 * the text's is the document's own.
 *
 * SEAM: the core does not yet keep the hash of the bytes it read or wrote,
 * so the window reads the file back after a load and after each of our
 * writes. Once the core has it (gloss_document_check_disk()), check_thread
 * and read_back_thread become calls to it. */

typedef enum
{
  HASH_OWN,    /* after our write or the load: remember it */
  HASH_CHECK,  /* after a change on disk: compare */
} HashKind;

typedef struct
{
  HashKind     kind;
  GFile       *json;
  GFile       *text;          /* HASH_CHECK only */
  char        *json_sha256;
  char        *text_sha256;
  GFileType    json_type;
} HashData;

static void
hash_data_free (HashData *data)
{
  g_clear_object (&data->json);
  g_clear_object (&data->text);
  g_free (data->json_sha256);
  g_free (data->text_sha256);
  g_free (data);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HashData *data = task_data;

  data->json_sha256 = gloss_recovery_hash_file (data->json, &data->json_type, cancellable);
  if (data->text != NULL)
    data->text_sha256 = gloss_recovery_hash_file (data->text, NULL, cancellable);

  g_task_return_boolean (task, TRUE);
}

static void schedule_check (GlossWindow *self);

static void
apply_check (GlossWindow *self,
             HashData    *data)
{
  const char *text_sha256 = gloss_text_get_sha256 (gloss_document_get_text (self->document));

  self->checking = FALSE;

  /* Only another file in its place is someone else's work: a deleted one
   * is written again, a folder in the way is a save error */
  if (data->json_type == G_FILE_TYPE_REGULAR && g_strcmp0 (data->json_sha256, self->json_sha256) != 0 &&
      self->conflict == GLOSS_CONFLICT_NONE)
    set_conflict (self, GLOSS_CONFLICT_ANNOTATIONS);

  if (data->text_sha256 != NULL && g_strcmp0 (data->text_sha256, text_sha256) != 0 &&
      self->conflict != GLOSS_CONFLICT_ANNOTATIONS)
    set_conflict (self, GLOSS_CONFLICT_TEXT);

  update_hold (self);
}

static void
on_hashed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  HashData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->document == NULL)
    return;

  switch (data->kind)
    {
    case HASH_OWN:
      self->own_queries--;
      g_free (self->json_sha256);
      self->json_sha256 = g_steal_pointer (&data->json_sha256);
      break;

    case HASH_CHECK:
      /* Our own write landed meanwhile: look again once it is recorded */
      if (self->own_queries > 0)
        schedule_check (self);
      else
        apply_check (self, data);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
hash_files (GlossWindow *self,
            HashKind     kind)
{
  g_autoptr(GTask) task = NULL;
  HashData *data = g_new0 (HashData, 1);

  data->kind = kind;
  data->json = gloss_document_dup_annotation_file (self->document);
  if (kind == HASH_CHECK)
    data->text = g_object_ref (gloss_document_get_file (self->document));
  else
    self->own_queries++;

  task = g_task_new (self, self->disk_cancellable, on_hashed_cb, NULL);
  g_task_set_source_tag (task, hash_files);
  g_task_set_task_data (task, data, (GDestroyNotify)hash_data_free);
  g_task_run_in_thread (task, hash_thread);
}

static gboolean
check_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->disk_check_id = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  /* Our own write is still being recorded: look again after it */
  if (self->own_queries > 0)
    {
      schedule_check (self);
      return G_SOURCE_REMOVE;
    }

  hash_files (self, HASH_CHECK);

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

/**
 * _gloss_window_check_disk_now:
 *
 * Before a quit that cannot wait: the annotation file is looked at now,
 * on this thread, whether or not its change has been reported yet, so
 * that the last write neither undoes another's change nor is held back
 * for nothing. (The text is not: a changed text holds nothing back.)
 */
void
_gloss_window_check_disk_now (GlossWindow *self)
{
  HashData data = { 0 };

  if (self->document == NULL || self->disk_cancellable == NULL)
    return;

  g_clear_handle_id (&self->disk_check_id, g_source_remove);

  /* A read-back of our own write still running: the file is ours */
  if (self->own_queries > 0)
    {
      self->checking = FALSE;
      update_hold (self);
      return;
    }

  data.json = gloss_document_dup_annotation_file (self->document);
  data.json_sha256 = gloss_recovery_hash_file (data.json, &data.json_type, NULL);
  apply_check (self, &data);

  g_object_unref (data.json);
  g_free (data.json_sha256);
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
  hash_files (self, HASH_OWN);
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

static void
update_read_only_banner (GlossWindow *self)
{
  GtkWidget *status = gtk_stack_get_child_by_name (self->save_stack, "read-only");

  if (self->read_only_reason != NULL)
    {
      gtk_label_set_text (self->read_only_label, self->read_only_reason);
      gtk_widget_set_tooltip_text (status, self->read_only_reason);
    }
  else
    {
      gtk_label_set_text (self->read_only_label,
                          _("The annotation file has problems, so Gloss opened it read-only and will not "
                            "change it. The problems are listed in the sidebar."));
      gtk_widget_set_tooltip_text (status, _("The annotation file has problems, so Gloss changes nothing"));
    }
  gtk_widget_set_visible (self->read_only_save_button, self->read_only_reason != NULL);
}

void
_gloss_window_document_set (GlossWindow *self)
{
  GFile *text = gloss_document_get_file (self->document);
  g_autoptr(GFile) json = gloss_document_dup_annotation_file (self->document);
  g_autofree char *loaded_sha256 = g_steal_pointer (&self->loaded_json_sha256);
  g_autofree char *reason = g_steal_pointer (&self->next_read_only_reason);

  _gloss_window_document_cleared (self);

  self->read_only_reason = g_steal_pointer (&reason);
  update_read_only_banner (self);
  gtk_widget_set_visible (self->reanchor_button, text_changed_problem (self->document));
  set_conflict (self, GLOSS_CONFLICT_NONE);

  if (text == NULL || json == NULL || !g_file_is_native (text))
    return;

  self->disk_cancellable = g_cancellable_new ();
  /* What the load read, or else what is there now */
  if (loaded_sha256 != NULL)
    self->json_sha256 = g_strcmp0 (loaded_sha256, "") != 0 ? g_steal_pointer (&loaded_sha256) : NULL;
  else
    hash_files (self, HASH_OWN);
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

  g_clear_pointer (&self->json_sha256, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  self->own_queries = 0;
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

/* SEAM: the core does not yet say why an annotation file cannot be read
 * (it reports the text as unreadable) nor refuse one it may not write.
 * Until it does (a read-only reason from gloss_document_load()), the
 * window looks at the file itself before the load. */

typedef struct
{
  GFile         *file;
  GlossDocument *document;
  char          *json_sha256;
  char          *read_only_reason;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_free (data->json_sha256);
  g_free (data->read_only_reason);
  g_free (data);
}

static gboolean
inspect_files (GFile         *text,
               GFile         *json,
               char         **read_only_reason,
               char         **problem,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GFileType type;
  guint32 mode;

  /* Anything but a regular file would block the read, or is no text */
  info = g_file_query_info (text, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      name = gloss_dialog_util_dup_display_basename (text);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file, so Gloss does not open it"), name);
      return FALSE;
    }
  g_clear_object (&info);

  info = g_file_query_info (json,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE ","
                            G_FILE_ATTRIBUTE_OWNER_USER,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = gloss_dialog_util_dup_display_basename (json);
  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("The annotation file “%s” cannot be read: it is a folder"), name);
      return FALSE;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("The annotation file “%s” cannot be read: it is not a regular file"), name);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The annotation file “%s” cannot be read: %s"), name, g_strerror (EACCES));
      return FALSE;
    }

  /* A file its permissions keep from being written is not replaced, not
   * even by one whom the system would let (root) */
  mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);
  if ((g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE) && (mode & 0222) == 0) ||
      (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
       !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE)))
    {
      const char *owner = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_OWNER_USER);
      g_autofree char *permissions = g_strdup_printf ("%04o", mode & 07777);

      *read_only_reason = g_strdup_printf (_("You may not write the annotation file “%s” (owner %s, permissions %s), "
                                             "so Gloss opened it read-only and will not replace it. "
                                             "Save Elsewhere keeps a copy."),
                                           name, owner != NULL ? owner : "?", permissions);
      *problem = g_strdup_printf (_("You may not write this file (owner %s, permissions %s)"),
                                  owner != NULL ? owner : "?", permissions);
    }

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GFile) json = gloss_document_dup_annotation_file_for (data->file);
  g_autofree char *problem = NULL;
  GError *error = NULL;

  if (!inspect_files (data->file, json, &data->read_only_reason, &problem, cancellable, &error) ||
      (data->document = gloss_document_load (data->file, NULL, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* "" for no file at all: known, unlike NULL */
  data->json_sha256 = gloss_recovery_hash_file (json, NULL, cancellable);
  if (data->json_sha256 == NULL)
    data->json_sha256 = g_strdup ("");

  if (data->read_only_reason != NULL)
    {
      g_autoptr(GPtrArray) problems = gloss_problems_new ();

      gloss_problems_add (problems, "$", "%s", problem);
      _gloss_document_add_problems (data->document, problems);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * _gloss_window_load_async:
 *
 * Loads a document as gloss_document_load_async() does, and also tells
 * why its annotation file cannot be read, or may not be written.
 */
void
_gloss_window_load_async (GlossWindow         *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->file = g_object_ref (file);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _gloss_window_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * _gloss_window_load_finish:
 *
 * Returns: (transfer full): the document; what the load found out about
 *   its annotation file goes with the next _gloss_window_set_document()
 */
GlossDocument *
_gloss_window_load_finish (GlossWindow   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  LoadData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  g_free (self->loaded_json_sha256);
  self->loaded_json_sha256 = g_steal_pointer (&data->json_sha256);
  g_free (self->next_read_only_reason);
  self->next_read_only_reason = g_steal_pointer (&data->read_only_reason);

  return g_steal_pointer (&data->document);
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

  document = _gloss_window_load_finish (self, result, &error);
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      message = g_strdup_printf (_("Could not reload: %s"), error->message);
      _gloss_window_show_toast (self, message);
      return;
    }

  _gloss_window_set_document (self, document);
}

static void
reload (GlossWindow *self)
{
  if (self->document == NULL)
    return;

  /* The writes stay held until the new document replaces this one */
  if (self->saver != NULL)
    gloss_saver_set_held (self->saver, TRUE);

  _gloss_window_load_async (self, gloss_document_get_file (self->document), self->disk_cancellable,
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
