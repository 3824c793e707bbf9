/* gloss-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-application.h"
#include "gloss-conflict-banner.h"
#include "gloss-dialog-util.h"
#include "gloss-display-text.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-sentence.h"
#include "gloss-text.h"
#include "gloss-window-private.h"

/* A window shows one text, or one folder of texts with one of them open.
 * It owns the open document and its autosave; the article view and the
 * sidebar show the document, and every command is a doc.* or win.* action
 * (gloss-window-actions.c). */

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SIDEBAR_VISIBLE,
  PROP_DOCUMENT_LIST_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_gloss_window_show_toast (GlossWindow *self,
                          const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, gloss_dialog_util_new_toast (message));
}

/* The document is open and may change */
gboolean
_gloss_window_can_edit (GlossWindow *self)
{
  return self->document != NULL && !gloss_document_get_read_only (self->document);
}

/* The position is a sentence of the document */
gboolean
_gloss_window_has_sentence (GlossWindow *self)
{
  return self->document != NULL && self->position >= 0 &&
         (guint)self->position < gloss_document_get_n_sentences (self->document);
}

static GlossApplication *
get_app (GlossWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return GLOSS_IS_APPLICATION (app) ? GLOSS_APPLICATION (app) : NULL;
}

static void
update_annotator (GlossWindow *self)
{
  GlossApplication *app = get_app (self);
  g_autofree char *annotator = NULL;

  if (app == NULL)
    return;

  annotator = gloss_application_dup_annotator (app);
  gloss_sidebar_set_annotator (self->sidebar, annotator);
  if (self->document != NULL)
    gloss_document_set_annotator (self->document, annotator);
}

static void
update_title (GlossWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean have = self->document != NULL;

  /* The document's buttons only with a document */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), have);
  gtk_widget_set_visible (self->sidebar_button, have);
  gtk_widget_set_visible (self->history_box, have);

  if (self->document == NULL && self->text_shown && self->loading != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->loading);

      title = g_filename_display_name (basename);
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, _("Reading the annotations…"));
      gtk_window_set_title (GTK_WINDOW (self), title);
      return;
    }

  if (self->document == NULL || gloss_document_get_file (self->document) == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Gloss"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Gloss"));
      return;
    }

  title = gloss_dialog_util_dup_display_basename (gloss_document_get_file (self->document));
  subtitle = g_strdup_printf (ngettext ("%u of %u sentence annotated", "%u of %u sentences annotated",
                                        gloss_document_get_n_sentences (self->document)),
                              gloss_document_get_n_annotated (self->document),
                              gloss_document_get_n_sentences (self->document));
  if (gloss_document_get_done (self->document))
    {
      char *with_done = g_strdup_printf (_("%s · done"), subtitle);

      g_free (subtitle);
      subtitle = with_done;
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_banner (GtkRevealer *revealer,
             gboolean     show)
{
  /* A hidden revealer still takes the height of its child in GTK 4.8 */
  gtk_widget_set_visible (GTK_WIDGET (revealer), show);
  gtk_revealer_set_reveal_child (revealer, show);
}

static void
cancel_save_page (GlossWindow *self)
{
  /* A clock whose surface went has let go of its handlers */
  if (self->save_clock != NULL && self->save_paint_id != 0 &&
      g_signal_handler_is_connected (self->save_clock, self->save_paint_id))
    g_signal_handler_disconnect (self->save_clock, self->save_paint_id);
  self->save_paint_id = 0;
  g_clear_object (&self->save_clock);
  g_clear_handle_id (&self->save_idle_id, g_source_remove);
}

static gboolean
show_save_page_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->save_idle_id = 0;
  cancel_save_page (self);
  gtk_stack_set_visible_child_name (self->save_stack, self->save_page);

  return G_SOURCE_REMOVE;
}

static void
on_save_page_after_paint_cb (GdkFrameClock *clock,
                             GlossWindow   *self)
{
  /* Once the frame is out, not while it is being finished */
  g_clear_signal_handler (&self->save_paint_id, self->save_clock);
  if (self->save_idle_id == 0)
    self->save_idle_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, show_save_page_cb, self, NULL);
}

/* "Saved" turns to "Saving…" at an edit: a frame later, so that the
 * edit's frame draws only what changed in the article (the header is at
 * the other end of the window, and its new width lays the whole window
 * out again) */
static void
show_save_page (GlossWindow *self,
                const char  *page)
{
  GdkFrameClock *clock;

  self->save_page = page;
  clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (clock == NULL || g_strcmp0 (page, "saving") != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->save_stack), "saved") != 0)
    {
      cancel_save_page (self);
      gtk_stack_set_visible_child_name (self->save_stack, page);
      return;
    }
  if (self->save_clock != NULL || self->save_idle_id != 0)
    return;

  self->save_clock = g_object_ref (clock);
  self->save_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_save_page_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* The header says what is true of the file on disk: "Saved" only when it
 * holds the latest change, "Saving…" only while a write will come, and
 * what holds it back otherwise */
void
_gloss_window_update_save_status (GlossWindow *self)
{
  const char *page = "none";
  gboolean show_error = FALSE;

  if (self->document != NULL && gloss_document_get_read_only (self->document))
    page = "read-only";
  else if (self->saver != NULL && self->conflict == GLOSS_CONFLICT_ANNOTATIONS)
    {
      gboolean dirty = gloss_saver_get_dirty (self->saver);

      page = "conflict";
      gtk_label_set_text (self->conflict_status_label,
                          dirty ? _("Not Saved: Changed on Disk") : _("Changed on Disk"));
      gtk_widget_set_tooltip_text (gtk_stack_get_child_by_name (self->save_stack, "conflict"),
                                   dirty ? _("The annotation file changed on disk, outside Gloss: your latest "
                                             "changes are only in this window")
                                         : _("The annotation file changed on disk, outside Gloss: it is not "
                                             "what this window shows"));
    }
  else if (self->saver != NULL)
    {
      switch (gloss_saver_get_state (self->saver))
        {
        case GLOSS_SAVER_SAVED:
          page = gloss_saver_get_dirty (self->saver) ? "saving" : "saved";
          break;

        case GLOSS_SAVER_SAVING:
          page = "saving";
          break;

        case GLOSS_SAVER_ERROR:
          page = "error";
          show_error = TRUE;
          break;

        default:
          g_assert_not_reached ();
        }

      /* A note being typed is in no file yet */
      if (!show_error && gloss_sidebar_get_note_pending (self->sidebar))
        page = "unsaved";
    }

  /* No spinner: it would turn for the half second an autosave waits
   * after each edit, a frame every 16 ms, each drawing the header too */
  show_save_page (self, page);

  if (show_error)
    {
      const GError *error = gloss_saver_get_error (self->saver);
      g_autoptr(GFile) json = gloss_document_dup_annotation_file (self->document);
      g_autofree char *name = json ? gloss_dialog_util_dup_display_name (json) : g_strdup ("");
      g_autofree char *reason = gloss_dialog_util_make_valid (error ? error->message : _("unknown error"));
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Your annotations could not be saved to “%s”: %s. They are kept in this window; "
                                "try again or save them elsewhere."),
                              name, reason);
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_tooltip_text (gtk_stack_get_child_by_name (self->save_stack, "error"), text);
    }
  show_banner (self->error_revealer, show_error);
}

static void
close_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GlossWindow      *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    _gloss_window_save_as (self);
}

static void
ask_before_close (GlossWindow *self)
{
  AdwMessageDialog *dialog;
  const GError *error = self->saver ? gloss_saver_get_error (self->saver) : NULL;
  g_autofree char *reason = gloss_dialog_util_make_valid (error ? error->message : _("unknown error"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Annotations Not Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Gloss could not save your latest annotations (%s). "
                                    "Save them elsewhere, or close and lose them."),
                                  reason);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Close and Lose Them"),
                                    "save-as", _("_Save Elsewhere…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saver_notify_cb (GlossSaver  *saver,
                    GParamSpec  *pspec,
                    GlossWindow *self)
{
  GlossSaverState state = gloss_saver_get_state (saver);

  _gloss_window_update_save_status (self);
  if (state == GLOSS_SAVER_SAVED && !gloss_saver_get_dirty (saver))
    _gloss_window_search_saved (self);

  if (state == GLOSS_SAVER_ERROR && g_strcmp0 (pspec->name, "state") == 0)
    {
      const GError *error = gloss_saver_get_error (saver);
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error ? error->message : "");

      _gloss_window_show_toast (self, message);
      if (self->close_after_save)
        {
          self->close_after_save = FALSE;
          ask_before_close (self);
        }
    }

  if (self->pending_open != NULL && state == GLOSS_SAVER_ERROR)
    g_clear_object (&self->pending_open);

  if (self->close_after_save && state == GLOSS_SAVER_SAVED && !gloss_saver_get_dirty (saver))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (self->pending_open != NULL && state == GLOSS_SAVER_SAVED && !gloss_saver_get_dirty (saver))
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->pending_open);

      if (self->pending_is_folder)
        _gloss_window_open_folder (self, file);
      else
        _gloss_window_open_text (self, file);
    }
}

static void
on_note_changed_cb (GtkEditable *note,
                    GlossWindow *self)
{
  _gloss_window_update_save_status (self);
}

static void
on_document_changed_cb (GlossDocument *document,
                        GlossWindow   *self)
{
  self->saved_elsewhere = FALSE;
  update_title (self);
  if (self->folder != NULL)
    gloss_document_list_update_document (self->document_list, document);
  _gloss_window_update_actions (self);
  _gloss_window_spans_changed (self);
  _gloss_window_update_clashes (self, FALSE);
}

static void
on_history_notify_cb (GObject     *history,
                      GParamSpec  *pspec,
                      GlossWindow *self)
{
  _gloss_window_update_actions (self);
}

/* The window lets go of its autosave: a hold while a change on disk is
 * looked at would keep the last change from ever being written, so only
 * a real conflict holds it now (the core still refuses to write over a
 * file changed since it was read) */
static void
save_before_letting_go (GlossWindow *self)
{
  if (self->conflict != GLOSS_CONFLICT_ANNOTATIONS)
    gloss_saver_set_held (self->saver, FALSE);
  gloss_saver_save_now (self->saver);
}

static int
last_worked_on (GlossDocument *document)
{
  GListModel *annotations = gloss_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  const char *newest = NULL;
  guint start = 0;

  /* The sentence of the annotation made or changed last */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *when = gloss_annotation_get_modified (annotation);

      if (when == NULL || when[0] == '\0')
        when = gloss_annotation_get_created (annotation);
      if (when != NULL && (newest == NULL || g_strcmp0 (when, newest) >= 0))
        {
          newest = when;
          start = gloss_annotation_get_start (annotation);
        }
    }

  if (newest == NULL)
    return gloss_document_get_n_sentences (document) > 0 ? 0 : -1;

  return MAX (0, gloss_document_find_sentence_at (document, start));
}

static void
unref_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
}

/* A long document's objects (730 000 sentences) take a quarter of a second
 * to free: the window's reference, most likely the last, goes in a worker
 * thread, once nothing on screen holds the document */
static void
unref_in_thread (GlossDocument *document)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, document, NULL);
  g_task_run_in_thread (task, unref_thread);
}

static void
clear_document (GlossWindow *self)
{
  GlossDocument *old = NULL;

  if (self->document != NULL)
    gloss_sidebar_commit_note (self->sidebar);

  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saver, self);
      /* A pending change is written before the saver goes; the write
       * keeps the saver alive until it is done. */
      save_before_letting_go (self);
      g_clear_object (&self->saver);
    }

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_history (self->document), self);
      old = g_steal_pointer (&self->document);
    }

  if (self->labels_editor != NULL)
    gtk_window_destroy (self->labels_editor);

  _gloss_window_document_cleared (self);
  _gloss_window_suggestions_cleared (self, old);
  _gloss_window_clashes_cleared (self);
  self->position = -1;
  self->current_span = GLOSS_ARTICLE_VIEW_NO_SPAN;
  self->saved_elsewhere = FALSE;
  gloss_article_view_set_document (self->article_view, NULL);
  gloss_sidebar_set_document (self->sidebar, NULL);

  if (old != NULL)
    unref_in_thread (old);
}

static void
set_document (GlossWindow   *self,
              GlossDocument *document,
              int            position)
{
  GlossApplication *app = get_app (self);

  clear_document (self);
  /* However it came (a load, a reload, restored work), the spinner of a
   * slow load is over */
  g_clear_handle_id (&self->loading_id, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  /* Restored work is deleted once saved; another text lets go of it */
  if (self->recovery != NULL &&
      (gloss_document_get_file (document) == NULL ||
       !g_file_equal (gloss_document_get_file (document), gloss_recovery_get_text_file (self->recovery))))
    g_clear_object (&self->recovery);

  self->document = g_object_ref (document);
  self->saver = gloss_saver_new (document);

  g_signal_connect (self->saver, "notify::state", G_CALLBACK (on_saver_notify_cb), self);
  g_signal_connect (self->saver, "notify::dirty", G_CALLBACK (on_saver_notify_cb), self);
  g_signal_connect (document, "changed", G_CALLBACK (on_document_changed_cb), self);
  g_signal_connect (gloss_document_get_history (document), "notify",
                    G_CALLBACK (on_history_notify_cb), self);

  update_annotator (self);
  gloss_article_view_set_document (self->article_view, document);
  gloss_sidebar_set_document (self->sidebar, document);
  show_banner (self->read_only_revealer, gloss_document_get_read_only (document));

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  gloss_window_set_position (self, position);

  if (self->folder != NULL)
    {
      gloss_document_list_set_current (self->document_list, gloss_document_get_file (document));
      gloss_document_list_update_document (self->document_list, document);
    }
  else if (app != NULL)
    gloss_application_add_recent (app, gloss_document_get_file (document));

  update_title (self);
  _gloss_window_update_save_status (self);
  _gloss_window_document_set (self);
  _gloss_window_suggestions_document_set (self);
  _gloss_window_update_actions (self);
  _gloss_window_search_document_set (self);
  _gloss_window_update_clashes (self, TRUE);
}

void
_gloss_window_set_document (GlossWindow   *self,
                            GlossDocument *document)
{
  set_document (self, document, last_worked_on (document));
}

/* Loading a text ---------------------------------------------------------
 *
 * In a worker thread: the text first, and what the view shows of it; then
 * the annotations, and where the annotator left off. A long text is shown
 * as soon as it is read, while its annotations are still being read (a
 * 59 MB text is read in a fraction of a second, its 70 MB of annotations
 * take seconds); a short one waits for its annotations, so it is shown
 * once, with its labels. */

typedef struct
{
  GTask     *task;
  GlossText *text;
  char      *display;
  gsize      display_length;
} TextReady;

typedef struct
{
  GlossDocument *document;
  int            position;   /* where the annotator left off */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->document);
  g_free (loaded);
}

static void
text_ready_free (TextReady *ready)
{
  g_clear_object (&ready->task);
  g_clear_object (&ready->text);
  g_free (ready->display);
  g_free (ready);
}

static void
clear_loaded_text (GlossWindow *self)
{
  g_clear_object (&self->loaded_text);
  g_clear_pointer (&self->loaded_display, g_free);
  self->load_slow = FALSE;
  self->text_shown = FALSE;
}

/* Leaves the open document and shows the text being loaded */
static void
show_loaded_text (GlossWindow *self)
{
  if (self->loaded_text == NULL || self->text_shown)
    return;

  self->text_shown = TRUE;
  clear_document (self);
  gloss_article_view_show_text (self->article_view, self->loaded_text,
                                self->loaded_display, self->loaded_display_length);
  g_clear_pointer (&self->loaded_display, g_free);
  gloss_sidebar_set_loading (self->sidebar, TRUE);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  update_title (self);
  _gloss_window_update_save_status (self);
  _gloss_window_update_actions (self);
}

static gboolean
text_ready_cb (gpointer user_data)
{
  TextReady *ready = user_data;
  GlossWindow *self = g_task_get_source_object (ready->task);

  /* A later load replaced this one */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (ready->task)))
    return G_SOURCE_REMOVE;

  g_set_object (&self->loaded_text, ready->text);
  g_free (self->loaded_display);
  self->loaded_display = g_steal_pointer (&ready->display);
  self->loaded_display_length = ready->display_length;

  if (self->load_slow)
    show_loaded_text (self);

  return G_SOURCE_REMOVE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GlossText) text = NULL;
  GlossDocument *document;
  TextReady *ready;
  Loaded *loaded;
  GError *error = NULL;

  text = gloss_document_load_text (file, NULL, cancellable, &error);
  if (text == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ready = g_new0 (TextReady, 1);
  ready->task = g_object_ref (task);
  ready->text = g_object_ref (text);
  ready->display = gloss_display_text_dup (text, gloss_text_guess_language (text), &ready->display_length);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              text_ready_cb, ready, (GDestroyNotify)text_ready_free);

  document = gloss_document_load_for_text (file, text, NULL, cancellable, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Not to be searched for on the main thread among 100 000 annotations */
  loaded = g_new0 (Loaded, 1);
  loaded->document = document;
  loaded->position = last_worked_on (document);
  g_task_return_pointer (task, loaded, (GDestroyNotify)loaded_free);
}

static void
on_document_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  Loaded *loaded;
  g_autoptr(GError) error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_handle_id (&self->loading_id, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  if (loaded == NULL)
    {
      g_autofree char *description = _gloss_window_describe_load_error (self->loading, error);

      /* The text of this load, or of an earlier one, may be shown */
      gloss_article_view_show_text (self->article_view, NULL, NULL, 0);
      gloss_sidebar_set_loading (self->sidebar, FALSE);
      clear_loaded_text (self);
      _gloss_window_show_failed (self, description);
      _gloss_window_ask_encoding (self, self->loading, error);
      return;
    }

  /* The text goes into the view once, whether it is shown already or not */
  show_loaded_text (self);
  clear_loaded_text (self);
  set_document (self, loaded->document, loaded->position);
  loaded_free (loaded);
}

/* The page that says why nothing could be opened */
void
_gloss_window_show_failed (GlossWindow *self,
                           const char  *description)
{
  g_autofree char *valid = gloss_dialog_util_make_valid (description);
  g_autofree char *markup = g_markup_escape_text (valid, -1);

  g_clear_handle_id (&self->loading_id, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  clear_document (self);
  adw_status_page_set_description (self->failed_page, markup);
  gtk_stack_set_visible_child_name (self->main_stack, "failed");
  update_title (self);
  _gloss_window_update_save_status (self);
  _gloss_window_update_actions (self);
}

/**
 * _gloss_window_can_leave_document:
 *
 * Returns: %FALSE, after saying why, when the open document's changes
 *   could not be saved and the user has not saved them elsewhere
 */
static gboolean
can_leave_document (GlossWindow *self,
                    GFile       *next,
                    gboolean     next_is_folder)
{
  if (self->document != NULL)
    gloss_sidebar_commit_note (self->sidebar);

  if (self->saver == NULL || self->saved_elsewhere)
    return TRUE;

  if (gloss_saver_get_state (self->saver) == GLOSS_SAVER_ERROR && gloss_saver_get_dirty (self->saver))
    {
      ask_before_close (self);
      return FALSE;
    }

  /* The last changes are written before the next document opens, so a
   * quit right after never loses them */
  if (gloss_saver_get_dirty (self->saver))
    {
      g_set_object (&self->pending_open, next);
      self->pending_is_folder = next_is_folder;
      gloss_saver_save_now (self->saver);
      return FALSE;
    }

  return TRUE;
}

gboolean
_gloss_window_can_leave_document (GlossWindow *self)
{
  return can_leave_document (self, NULL, FALSE);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->loading_id = 0;
  self->load_slow = TRUE;

  /* An open document stays until the next text can be shown */
  if (self->loaded_text != NULL)
    show_loaded_text (self);
  else if (self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
    }

  return G_SOURCE_REMOVE;
}

void
_gloss_window_open_text (GlossWindow *self,
                         GFile       *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  if (self->document != NULL && gloss_document_get_file (self->document) != NULL &&
      g_file_equal (gloss_document_get_file (self->document), file))
    return;

  /* The text is being restored from unsaved work: that wins */
  if (self->restoring && self->loading != NULL && g_file_equal (self->loading, file))
    return;

  if (!can_leave_document (self, file, FALSE))
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading, file);
  clear_loaded_text (self);

  /* A spinner, or the text without its labels, only for a load that
   * takes a while: a quick one would flash it and cost frames */
  g_clear_handle_id (&self->loading_id, g_source_remove);
  self->loading_id = g_timeout_add (self->loading_delay, show_loading_cb, self);

  task = g_task_new (self, self->load_cancellable, on_document_loaded_cb, NULL);
  g_task_set_source_tag (task, _gloss_window_open_text);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

static void
on_folder_loaded_cb (GlossDocumentList *list,
                     GlossWindow       *self)
{
  GFile *first = gloss_document_list_get_first_unfinished (list);

  if (self->document == NULL && first != NULL)
    _gloss_window_open_text (self, first);
  else if (first == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "document");
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
    }
}

static void
on_document_activated_cb (GlossDocumentList *list,
                          GFile             *file,
                          GlossWindow       *self)
{
  _gloss_window_open_text (self, file);
}

void
_gloss_window_open_folder (GlossWindow *self,
                           GFile       *folder)
{
  GlossApplication *app = get_app (self);

  g_return_if_fail (G_IS_FILE (folder));

  if (!can_leave_document (self, folder, TRUE))
    return;

  clear_document (self);
  g_set_object (&self->folder, folder);
  gtk_widget_set_visible (GTK_WIDGET (self->document_list), TRUE);
  gtk_widget_set_visible (self->list_button, TRUE);
  self->document_list_visible = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_LIST_VISIBLE]);

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  gloss_document_list_set_folder (self->document_list, folder);

  if (app != NULL)
    gloss_application_add_recent (app, folder);

  update_title (self);
  _gloss_window_update_actions (self);
}

static void
on_query_info_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = G_FILE (object);

  info = g_file_query_info_finish (file, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    _gloss_window_open_folder (self, file);
  else
    _gloss_window_open_text (self, file);
}

/**
 * gloss_window_open:
 * @file: a text file or a folder of texts
 */
void
gloss_window_open (GlossWindow *self,
                   GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, on_query_info_cb, g_object_ref (self));
}

static void
on_recent_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        GlossWindow   *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "gloss-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  gloss_window_open (self, file);
}

static void
update_recent (GlossWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = gloss_dialog_util_dup_display_basename (file);
      g_autofree char *where = parent ? gloss_dialog_util_dup_display_name (parent) : g_strdup ("");
      GtkWidget *row;

      if (!g_file_is_native (file) || !g_file_query_exists (file, NULL))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                    g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY
                                    ? "folder-symbolic" : "text-x-generic-symbolic");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "gloss-uri", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GlossWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  gloss_window_open (self, files->data);

  return TRUE;
}

static void
on_sentence_activated_cb (GlossArticleView *view,
                          guint             position,
                          GlossWindow      *self)
{
  gloss_window_set_position (self, position);
}

static void
on_annotation_activated_cb (GlossSidebar *sidebar,
                            guint         position,
                            GlossWindow  *self)
{
  gloss_window_set_position (self, position);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      GlossWindow    *self)
{
  _gloss_window_find (self, FALSE, FALSE);
}

static void
on_search_activate_cb (GtkSearchEntry *entry,
                       GlossWindow    *self)
{
  _gloss_window_find (self, FALSE, TRUE);
}

static void
on_search_stop_cb (GtkSearchEntry *entry,
                   GlossWindow    *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_root_set_focus (GTK_ROOT (self), NULL);
}

void
_gloss_window_find (GlossWindow *self,
                    gboolean     backwards,
                    gboolean     skip_current)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int position;

  if (self->document == NULL || needle[0] == '\0')
    return;

  position = gloss_article_view_find (self->article_view, needle, backwards, skip_current);
  if (position >= 0)
    gloss_window_set_position (self, position);
  else
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
on_settings_changed_cb (GSettings   *settings,
                        const char  *key,
                        GlossWindow *self)
{
  if (g_strcmp0 (key, "annotator-name") == 0)
    update_annotator (self);
  else if (g_strcmp0 (key, "recent-files") == 0)
    update_recent (self);
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  int width, height;

  if (self->document != NULL && !self->close_confirmed)
    gloss_sidebar_commit_note (self->sidebar);

  if (!self->close_confirmed && _gloss_window_close_in_conflict (self))
    return TRUE;

  if (!self->close_confirmed && self->saver != NULL && !self->saved_elsewhere)
    {
      GlossSaverState state = gloss_saver_get_state (self->saver);

      if (state == GLOSS_SAVER_ERROR && gloss_saver_get_dirty (self->saver))
        {
          ask_before_close (self);
          return TRUE;
        }

      /* Quitting never loses a change: write it first, then close */
      if (gloss_saver_get_dirty (self->saver))
        {
          self->close_after_save = TRUE;
          gloss_saver_save_now (self->saver);
          return TRUE;
        }
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->sidebar)))
    g_settings_set_int (self->settings, "sidebar-width",
                        gtk_widget_get_width (GTK_WIDGET (self->inner_paned)) - gtk_paned_get_position (self->inner_paned));

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

static void
on_realize_cb (GtkWidget   *widget,
               GlossWindow *self)
{
  /* The sidebar keeps its width; the article takes the rest */
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height;

  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_paned_set_position (self->inner_paned,
                          MAX (300, width - g_settings_get_int (self->settings, "sidebar-width")));
}

static void
gloss_window_constructed (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  G_OBJECT_CLASS (gloss_window_parent_class)->constructed (object);

  update_annotator (self);
  update_recent (self);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  cancel_save_page (self);
  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saver, self);
      save_before_letting_go (self);
    }
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_history (self->document), self);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_func (gloss_sidebar_get_note_row (self->sidebar), on_note_changed_cb, self);
  /* Its folder scan holds it beyond the window and may still end */
  if (self->document_list != NULL)
    g_signal_handlers_disconnect_by_data (self->document_list, self);
  _gloss_window_document_cleared (self);
  _gloss_window_suggestions_cleared (self, NULL);
  g_clear_object (&self->folder_names);
  g_clear_object (&self->folder_names_of);
  _gloss_window_search_cleared (self);
  _gloss_window_clashes_cleared (self);
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (gloss_sidebar_get_span_card (self->sidebar), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_finalize (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  g_clear_object (&self->loading);
  g_clear_object (&self->loaded_text);
  g_clear_pointer (&self->loaded_display, g_free);
  g_clear_object (&self->pending_open);
  g_clear_object (&self->saver);
  g_clear_object (&self->document);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (gloss_window_parent_class)->finalize (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;

    case PROP_DOCUMENT_LIST_VISIBLE:
      g_value_set_boolean (value, self->document_list_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      if (self->sidebar_visible != g_value_get_boolean (value))
        {
          self->sidebar_visible = g_value_get_boolean (value);
          gtk_widget_set_visible (GTK_WIDGET (self->sidebar), self->sidebar_visible);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DOCUMENT_LIST_VISIBLE:
      if (self->document_list_visible != g_value_get_boolean (value))
        {
          self->document_list_visible = g_value_get_boolean (value);
          gtk_widget_set_visible (GTK_WIDGET (self->document_list),
                                  self->document_list_visible && self->folder != NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gloss_window_constructed;
  object_class->dispose = gloss_window_dispose;
  object_class->finalize = gloss_window_finalize;
  object_class->get_property = gloss_window_get_property;
  object_class->set_property = gloss_window_set_property;
  window_class->close_request = gloss_window_close_request;

  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_LIST_VISIBLE] =
    g_param_spec_boolean ("document-list-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gloss_ui_ensure_resources ();
  g_type_ensure (GLOSS_TYPE_ARTICLE_VIEW);
  g_type_ensure (GLOSS_TYPE_CONFLICT_BANNER);
  g_type_ensure (GLOSS_TYPE_DOCUMENT_LIST);
  g_type_ensure (GLOSS_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, list_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, save_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, read_only_save_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, conflict_status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, reanchor_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, clash_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, clash_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar);

  _gloss_window_class_init_actions (widget_class);
  _gloss_window_class_init_spans (widget_class);
  _gloss_window_class_init_suggestions (widget_class);
  _gloss_window_class_init_search (widget_class);
  _gloss_window_class_init_clashes (widget_class);
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkDropTarget *drop;
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->position = -1;
  self->loading_delay = 300;
  self->sidebar_visible = TRUE;

  /* Tests build windows before the application has started */
  if (GLOSS_IS_APPLICATION (app))
    self->settings = g_object_ref (gloss_application_get_settings (GLOSS_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "sidebar-visible", self, "sidebar-visible", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "text-size", self->article_view, "text-size", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "line-length", self->article_view, "line-length", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "serif-font", self->article_view, "serif", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-markers", self->article_view, "show-markers", G_SETTINGS_BIND_GET);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);

  gtk_widget_set_visible (self->list_button, FALSE);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (self->article_view, "sentence-activated", G_CALLBACK (on_sentence_activated_cb), self);
  g_signal_connect (self->sidebar, "annotation-activated", G_CALLBACK (on_annotation_activated_cb), self);
  g_signal_connect (self->document_list, "document-activated", G_CALLBACK (on_document_activated_cb), self);
  g_signal_connect (self->document_list, "loaded", G_CALLBACK (on_folder_loaded_cb), self);
  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (on_recent_activated_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  g_signal_connect (gloss_sidebar_get_note_row (self->sidebar), "changed", G_CALLBACK (on_note_changed_cb), self);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_stack_set_visible_child_name (self->main_stack, "start");
  show_banner (self->read_only_revealer, FALSE);
  _gloss_window_update_save_status (self);

  _gloss_window_init_actions (self);
  _gloss_window_init_spans (self);
  self->current_suggestion = GLOSS_ARTICLE_VIEW_NO_SPAN;
}

/**
 * gloss_window_prepare_quit:
 *
 * Before a quit that cannot ask (a signal at logout): a note being typed
 * goes into the document, and changes on disk are no longer looked at
 * (the last save compares the file itself), so that the autosave can then
 * be flushed.
 */
void
gloss_window_prepare_quit (GlossWindow *self)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  gloss_sidebar_commit_note (self->sidebar);
  _gloss_window_stop_watching (self);
}

gboolean
gloss_window_is_empty (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->document == NULL && self->folder == NULL && self->loading == NULL;
}

GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * gloss_window_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder open in the window, or
 *   %NULL when it shows a text alone
 */
GFile *
gloss_window_get_folder (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->folder;
}

GlossSaver *
gloss_window_get_saver (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->saver;
}

int
gloss_window_get_position (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), -1);

  return self->position;
}

/**
 * gloss_window_set_position:
 * @position: the sentence to make current
 *
 * Makes a sentence current: the article view moves its tag and scrolls,
 * the sidebar shows it.
 */
void
gloss_window_set_position (GlossWindow *self,
                           int          position)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));

  _gloss_window_set_position_full (self, position, TRUE);
}

void
_gloss_window_set_position_full (GlossWindow *self,
                                 int          position,
                                 gboolean     scroll)
{
  guint n;

  if (self->document == NULL)
    return;

  n = gloss_document_get_n_sentences (self->document);
  if (n == 0)
    position = -1;
  else
    position = CLAMP (position, 0, (int)n - 1);

  if (position != self->position)
    gloss_sidebar_commit_note (self->sidebar);

  self->position = position;
  gloss_article_view_set_current (self->article_view, position, scroll);
  gloss_sidebar_set_position (self->sidebar, position);
}

/**
 * gloss_window_set_loading_delay:
 * @ms: milliseconds
 *
 * How long the next text may take to load before the window shows a
 * spinner, or the text without its labels once it is read (300 ms, so a
 * quick load shows nothing in between). For tests.
 */
void
gloss_window_set_loading_delay (GlossWindow *self,
                                guint        ms)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));

  self->loading_delay = ms;
}

GtkWidget *
gloss_window_get_article_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->article_view);
}

GtkWidget *
gloss_window_get_sidebar (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
gloss_window_get_document_list (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->document_list);
}

/**
 * gloss_window_get_page:
 *
 * Returns: what the window shows: "start", "loading", "failed" or
 *   "document"
 */
const char *
gloss_window_get_page (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * gloss_window_get_save_status:
 *
 * Returns: what the header shows: "none", "saved", "saving", "unsaved" (a
 *   note being typed), "conflict" (held: the file changed on disk),
 *   "error" or "read-only"
 */
const char *
gloss_window_get_save_status (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->save_page ? self->save_page : gtk_stack_get_visible_child_name (self->save_stack);
}

/**
 * gloss_window_get_error_text:
 *
 * Returns: (nullable): the text of the save-error banner while it shows
 */
const char *
gloss_window_get_error_text (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_revealer)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

/**
 * gloss_window_get_read_only_text:
 *
 * Returns: (nullable): the text of the read-only banner while it shows
 */
const char *
gloss_window_get_read_only_text (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->read_only_revealer)))
    return NULL;

  return gtk_label_get_text (self->read_only_label);
}

/**
 * gloss_window_get_failed_text:
 *
 * Returns: (nullable): why nothing could be opened, while the window says so
 */
const char *
gloss_window_get_failed_text (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gloss_window_get_page (self), "failed") != 0)
    return NULL;

  return adw_status_page_get_description (self->failed_page);
}

/**
 * gloss_window_get_current_span:
 *
 * Returns: the id of the current span, or %GLOSS_ARTICLE_VIEW_NO_SPAN
 */
guint
gloss_window_get_current_span (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), GLOSS_ARTICLE_VIEW_NO_SPAN);

  return self->current_span;
}

GtkWindow *
gloss_window_get_labels_editor (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->labels_editor;
}
