/* gloss-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-dialog-util.h"
#include "gloss-document.h"
#include "gloss-export-dialog.h"
#include "gloss-file-writer.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-import-dialog.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-labels-editor.h"
#include "gloss-project.h"
#include "gloss-sentence.h"
#include "gloss-window-private.h"

/* Every command of the window is an action here. Keys with a modifier are
 * class bindings; the plain keys of tagging (j, k, c, 1…) are read by a
 * key controller that leaves them alone while a text field has focus, so
 * typing a note never tags a sentence. The span keys are read first, in
 * gloss-window-spans.c. */

void
_gloss_window_update_actions (GlossWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->document != NULL;
  gboolean edit = _gloss_window_can_edit (self);
  GlossHistory *history = have ? gloss_document_get_history (self->document) : NULL;

  gtk_widget_action_set_enabled (widget, "doc.move-next", have);
  gtk_widget_action_set_enabled (widget, "doc.move-previous", have);
  gtk_widget_action_set_enabled (widget, "doc.first", have);
  gtk_widget_action_set_enabled (widget, "doc.last", have);
  gtk_widget_action_set_enabled (widget, "doc.next-unlabelled", have);
  gtk_widget_action_set_enabled (widget, "doc.toggle-label", edit);
  gtk_widget_action_set_enabled (widget, "doc.toggle-label-at", edit);
  gtk_widget_action_set_enabled (widget, "doc.edit-note", edit);
  gtk_widget_action_set_enabled (widget, "doc.set-note", edit);
  gtk_widget_action_set_enabled (widget, "doc.undo", edit && gloss_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "doc.redo", edit && gloss_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "doc.save", edit);
  gtk_widget_action_set_enabled (widget, "doc.mark-done", edit);
  gtk_widget_action_set_enabled (widget, "doc.next-document", self->folder != NULL);
  gtk_widget_action_set_enabled (widget, "doc.previous-document", self->folder != NULL);
  gtk_widget_action_set_enabled (widget, "doc.find-next", have);
  gtk_widget_action_set_enabled (widget, "doc.find-previous", have);
  gtk_widget_action_set_enabled (widget, "win.search", have);
  gtk_widget_action_set_enabled (widget, "win.save-as", have);
  gtk_widget_action_set_enabled (widget, "win.labels", edit);
  gtk_widget_action_set_enabled (widget, "win.export", self->folder != NULL || have);
  _gloss_window_update_boundary_actions (self);
  _gloss_window_update_span_actions (self);
  _gloss_window_update_search_actions (self);
  _gloss_window_update_suggestion_actions (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint n;

  if (self->document == NULL)
    return;

  n = gloss_document_get_n_sentences (self->document);

  if (g_str_equal (action_name, "doc.move-next"))
    gloss_window_set_position (self, MIN (self->position + 1, (int)n - 1));
  else if (g_str_equal (action_name, "doc.move-previous"))
    gloss_window_set_position (self, MAX (self->position - 1, 0));
  else if (g_str_equal (action_name, "doc.first"))
    gloss_window_set_position (self, 0);
  else if (g_str_equal (action_name, "doc.last"))
    gloss_window_set_position (self, (int)n - 1);

  /* The caret goes along, to the sentence's start */
  _gloss_window_caret_to_sentence (self);
}

static void
next_unlabelled_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint n;

  if (self->document == NULL)
    return;

  /* After the current sentence, wrapping round to the start */
  n = gloss_document_get_n_sentences (self->document);
  for (guint i = 1; i <= n; i++)
    {
      guint position = (self->position + i) % n;

      if (gloss_sentence_get_n_annotations (gloss_document_get_sentence (self->document, position)) == 0)
        {
          gloss_window_set_position (self, position);
          _gloss_window_caret_to_sentence (self);
          return;
        }
    }

  _gloss_window_show_toast (self, _("Every sentence has a label"));
}

static void
toggle_label (GlossWindow *self,
              const char  *label_id)
{
  GlossLabel *label;

  if (!_gloss_window_can_edit (self) || !_gloss_window_has_sentence (self))
    return;

  /* Span and relation labels are not given to sentences */
  label = gloss_label_set_lookup (gloss_document_get_labels (self->document), label_id);
  if (label == NULL || gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SENTENCE)
    return;

  if (gloss_document_toggle_label (self->document, self->position, label_id) &&
      g_settings_get_boolean (self->settings, "advance-after-label"))
    gloss_window_set_position (self, self->position + 1);
}

static void
toggle_label_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  toggle_label (GLOSS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toggle_label_at_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossLabel *label;
  guint position = g_variant_get_uint32 (param);

  if (self->document == NULL || position < 1 ||
      position > gloss_label_set_get_n_labels (gloss_document_get_labels (self->document)))
    return;

  /* 1 is the first label; a span label's number tags the selection */
  label = gloss_label_set_get_label (gloss_document_get_labels (self->document), position - 1);
  if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
    gtk_widget_activate_action (widget, "doc.tag-span", "s", gloss_label_get_id (label));
  else
    toggle_label (self, gloss_label_get_id (label));
}

/* Ctrl+I: the codebook entry of the current label, in the sidebar; again
 * closes it */
static void
show_codebook_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean expand = !self->sidebar_visible || !gloss_sidebar_get_codebook_expanded (self->sidebar);

  if (!self->sidebar_visible)
    g_object_set (self, "sidebar-visible", TRUE, NULL);
  gloss_sidebar_set_codebook_expanded (self->sidebar, expand);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!self->sidebar_visible)
    g_object_set (self, "sidebar-visible", TRUE, NULL);

  if (_gloss_window_has_sentence (self) &&
      gloss_sentence_get_n_annotations (gloss_document_get_sentence (self->document, self->position)) == 0)
    {
      _gloss_window_show_toast (self, _("Label the sentence first: a note belongs to its labels"));
      return;
    }

  gloss_sidebar_focus_note (self->sidebar);
}

static void
set_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!_gloss_window_can_edit (self) || !_gloss_window_has_sentence (self))
    return;

  gloss_document_set_note (self->document, self->position, g_variant_get_string (param, NULL));
  /* Back to tagging */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changed_at)
{
  *changed_at = position;
}

/* The labels live in the project file of the folder (or the text's
 * folder): an existing one above, or a new one at the top */
static GFile *
dup_project_file (GlossWindow *self)
{
  g_autoptr(GFile) dir = NULL;
  GFile *project;

  if (self->folder != NULL)
    dir = g_object_ref (self->folder);
  else
    dir = g_file_get_parent (gloss_document_get_file (self->document));

  project = gloss_project_find (dir, NULL);
  if (project == NULL)
    project = g_file_get_child (dir, GLOSS_PROJECT_FILE_NAME);

  return project;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GListModel *sentences;
  GListModel *labels;
  guint changed_at = G_MAXUINT;
  guint labels_changed_at = G_MAXUINT;
  gulong id, labels_id;

  if (!_gloss_window_can_edit (self))
    return;

  /* Show the sentence the undo or redo changed */
  sentences = gloss_document_get_sentences (self->document);
  labels = G_LIST_MODEL (gloss_document_get_labels (self->document));
  id = g_signal_connect (sentences, "items-changed", G_CALLBACK (record_change_cb), &changed_at);
  labels_id = g_signal_connect (labels, "items-changed", G_CALLBACK (record_change_cb), &labels_changed_at);

  if (g_str_equal (action_name, "doc.undo"))
    gloss_document_undo (self->document);
  else
    gloss_document_redo (self->document);

  g_signal_handler_disconnect (sentences, id);
  g_signal_handler_disconnect (labels, labels_id);

  /* Undoing the deletion of a label brings it back into the project's
   * label set too, or the document would not load again */
  if (labels_changed_at != G_MAXUINT)
    {
      g_autoptr(GFile) project = dup_project_file (self);
      g_autoptr(GError) error = NULL;

      if (!gloss_project_save_labels (project, gloss_document_get_labels (self->document), &error))
        {
          g_autofree char *message = g_strdup_printf (_("The labels could not be saved: %s"), error->message);

          adw_toast_overlay_add_toast (self->toast_overlay, gloss_dialog_util_new_toast (message));
        }
    }

  if (changed_at != G_MAXUINT && (int)changed_at != self->position)
    gloss_window_set_position (self, changed_at);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->saver != NULL)
    gloss_saver_save_now (self->saver);
}

static void
on_saved_as_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = gloss_dialog_util_dup_display_name (G_FILE (object));

  if (!gloss_file_write_bytes_finish (G_FILE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not save to “%s”: %s"), name, error->message);
      _gloss_window_show_toast (self, message);
      return;
    }

  self->saved_elsewhere = TRUE;
  _gloss_window_recovery_done (self);
  message = g_strdup_printf (_("Annotations saved to “%s”"), name);
  _gloss_window_show_toast (self, message);
}

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GBytes) bytes = gloss_format_serialize (self->document);

      gloss_file_write_bytes_async (file, bytes, GLOSS_FILE_WRITER_NONE, self->cancellable, on_saved_as_cb,
                                    g_object_ref (self));
    }

  g_object_unref (dialog);
}

void
_gloss_window_save_as (GlossWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) json = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  dialog = gloss_dialog_util_new_chooser (GTK_WINDOW (self), _("Save Annotations Elsewhere"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  json = gloss_document_dup_annotation_file (self->document);
  if (json != NULL)
    {
      name = gloss_dialog_util_dup_display_basename (json);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _gloss_window_save_as (GLOSS_WINDOW (widget));
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        gloss_window_open (self, file);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.open-folder");
  GtkFileChooserNative *dialog;

  dialog = gloss_dialog_util_new_chooser (GTK_WINDOW (self),
                                          folder ? _("Open Folder") : _("Open Text"),
                                          folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Open"));

  if (!folder)
    {
      g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (text, _("Texts"));
      gtk_file_filter_add_mime_type (text, "text/plain");
      gtk_file_filter_add_suffix (text, "txt");
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), text);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
adjacent_document_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  int direction = g_str_equal (action_name, "doc.next-document") ? 1 : -1;
  GFile *current = self->document ? gloss_document_get_file (self->document) : NULL;
  GFile *next;

  if (self->folder == NULL)
    return;

  next = gloss_document_list_get_adjacent (self->document_list, current, direction);
  if (next == NULL)
    {
      _gloss_window_show_toast (self, direction > 0 ? _("This is the last document") : _("This is the first document"));
      return;
    }

  _gloss_window_open_text (self, next);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean done;

  if (!_gloss_window_can_edit (self))
    return;

  done = !gloss_document_get_done (self->document);
  gloss_document_set_done (self->document, done);
  _gloss_window_show_toast (self, done ? _("Marked as done") : _("Marked as not done"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _gloss_window_find (GLOSS_WINDOW (widget), g_str_equal (action_name, "doc.find-previous"), TRUE);
}

static void
labels_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GFile) project = NULL;

  if (!_gloss_window_can_edit (self))
    return;

  if (self->labels_editor != NULL)
    {
      gtk_window_present (self->labels_editor);
      return;
    }

  project = dup_project_file (self);

  self->labels_editor = GTK_WINDOW (gloss_labels_editor_new (self->document, project));
  gloss_labels_editor_set_saver (GLOSS_LABELS_EDITOR (self->labels_editor), self->saver);
  g_object_add_weak_pointer (G_OBJECT (self->labels_editor), (gpointer *)&self->labels_editor);
  gtk_window_set_transient_for (self->labels_editor, GTK_WINDOW (self));
  gtk_window_present (self->labels_editor);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The folder (or the one text) open in the window, as a dataset */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GFile *source = self->folder;
  GlossExportDialog *dialog;

  if (source == NULL && self->document != NULL)
    source = gloss_document_get_file (self->document);
  if (source == NULL)
    return;

  /* The export reads the files on disk: the last second's changes go
   * there first, long before the user has chosen a format */
  if (self->saver != NULL && gloss_saver_get_dirty (self->saver))
    gloss_saver_save_now (self->saver);

  dialog = gloss_export_dialog_new (GTK_WINDOW (self), source,
                                    self->document ? gloss_document_get_labels (self->document) : NULL,
                                    self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossImportDialog *dialog;

  dialog = gloss_import_dialog_new (GTK_WINDOW (self), self->folder, self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
focus_is_editable (GlossWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
focus_is_list (GlossWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL &&
         (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL ||
          gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) != NULL);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GlossWindow           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkWidget *widget = GTK_WIDGET (self);
  gunichar ch;

  if (self->document == NULL || focus_is_editable (self))
    return FALSE;

  if (_gloss_window_split_mode_key (self, keyval, mods))
    return TRUE;

  if (_gloss_window_suggestions_key (self, keyval, mods))
    return TRUE;

  /* The caret, the selection and the spans */
  if (_gloss_window_spans_key (self, keyval, mods, focus_is_list (self)))
    return TRUE;

  if (mods == GDK_ALT_MASK)
    {
      if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
        return gtk_widget_activate_action (widget, "doc.next-document", NULL);
      if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
        return gtk_widget_activate_action (widget, "doc.previous-document", NULL);
      return FALSE;
    }

  if (mods != 0 && mods != GDK_SHIFT_MASK)
    return FALSE;

  /* Arrows in a list move in the list */
  if (!focus_is_list (self))
    {
      switch (keyval)
        {
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          return gtk_widget_activate_action (widget, "doc.move-next", NULL);

        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          return gtk_widget_activate_action (widget, "doc.move-previous", NULL);

        case GDK_KEY_Page_Down:
          return gtk_widget_activate_action (widget, "doc.next-document", NULL);

        case GDK_KEY_Page_Up:
          return gtk_widget_activate_action (widget, "doc.previous-document", NULL);

        case GDK_KEY_Home:
          return gtk_widget_activate_action (widget, "doc.first", NULL);

        case GDK_KEY_End:
          return gtk_widget_activate_action (widget, "doc.last", NULL);

        default:
          break;
        }
    }

  if (mods != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_j:
      return gtk_widget_activate_action (widget, "doc.move-next", NULL);

    case GDK_KEY_k:
      return gtk_widget_activate_action (widget, "doc.move-previous", NULL);

    case GDK_KEY_u:
      return gtk_widget_activate_action (widget, "doc.next-unlabelled", NULL);

    case GDK_KEY_n:
      return gtk_widget_activate_action (widget, "doc.edit-note", NULL);

    case GDK_KEY_m:
      return gtk_widget_activate_action (widget, "doc.merge-next", NULL);

    case GDK_KEY_x:
      return gtk_widget_activate_action (widget, "doc.split", NULL);

    case GDK_KEY_r:
      return gtk_widget_activate_action (widget, "doc.mark-reviewed", NULL);

    default:
      break;
    }

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return gtk_widget_activate_action (widget, "doc.toggle-label-at", "u", (guint32)(keyval - GDK_KEY_0));
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return gtk_widget_activate_action (widget, "doc.toggle-label-at", "u", (guint32)(keyval - GDK_KEY_KP_0));

  /* A label's own key (c, s, q by default; the labels editor sets them) */
  ch = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  if (ch != 0)
    {
      char key[7] = { 0 };
      GlossLabel *label;

      g_unichar_to_utf8 (ch, key);
      label = gloss_label_set_lookup_key (gloss_document_get_labels (self->document), key);
      if (label != NULL)
        return _gloss_window_tag_or_toggle (self, label);
    }

  return FALSE;
}

void
_gloss_window_init_actions (GlossWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  _gloss_window_init_boundaries (self);
  _gloss_window_update_actions (self);
}

void
_gloss_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.labels", NULL, labels_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "sidebar-visible");
  gtk_widget_class_install_action (widget_class, "win.show-codebook", NULL, show_codebook_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-document-list", "document-list-visible");

  gtk_widget_class_install_action (widget_class, "doc.move-next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "doc.move-previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "doc.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "doc.last", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "doc.next-unlabelled", NULL, next_unlabelled_action);
  gtk_widget_class_install_action (widget_class, "doc.toggle-label", "s", toggle_label_action);
  gtk_widget_class_install_action (widget_class, "doc.toggle-label-at", "u", toggle_label_at_action);
  gtk_widget_class_install_action (widget_class, "doc.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "doc.set-note", "s", set_note_action);
  gtk_widget_class_install_action (widget_class, "doc.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "doc.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "doc.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "doc.next-document", NULL, adjacent_document_action);
  gtk_widget_class_install_action (widget_class, "doc.previous-document", NULL, adjacent_document_action);
  gtk_widget_class_install_action (widget_class, "doc.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "doc.find-previous", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-codebook", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.show-document-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "doc.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "doc.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "doc.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "doc.mark-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "doc.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "doc.next-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "doc.previous-document", NULL);

  _gloss_window_class_init_boundaries (widget_class);
  _gloss_window_class_init_disk (widget_class);
}
