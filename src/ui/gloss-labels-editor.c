/* gloss-labels-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-dialog-util.h"
#include "gloss-document.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-labels-editor.h"
#include "gloss-project.h"
#include "gloss-saver.h"
#include "gloss-sentence.h"

/* Adds, renames, recolours, reorders and deletes the labels of the open
 * document, and writes them into the project's gloss-project.json, so
 * every text of the folder uses them. */
struct _GlossLabelsEditor
{
  AdwWindow        parent_instance;

  GlossDocument   *document;
  GlossLabelSet   *labels;
  GFile           *project_file;
  GlossSaver      *saver;
  GError          *error;

  /* The label deleted last, for Undo */
  GlossLabel      *deleted;
  guint            deleted_position;
  guint            deleted_count;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (GlossLabelsEditor, gloss_labels_editor, ADW_TYPE_WINDOW)

static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#e5a50a", "#c01c28", "#986a44", "#1c71d8", "#26a269",
};

static void rebuild (GlossLabelsEditor *self);

static void
save_project (GlossLabelsEditor *self)
{
  g_clear_error (&self->error);

  if (!gloss_project_save_labels (self->project_file, self->labels, &self->error))
    {
      g_autofree char *message = g_strdup_printf (_("The labels could not be saved: %s"), self->error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, gloss_dialog_util_new_toast (message));
    }

  /* The annotation file carries the labels too */
  if (self->saver != NULL)
    gloss_saver_mark_dirty (self->saver);
}

static void
on_color_set_cb (GtkColorButton    *button,
                 GlossLabelsEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "gloss-label");
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int)(rgba.red * 255 + 0.5), (int)(rgba.green * 255 + 0.5), (int)(rgba.blue * 255 + 0.5));
  gloss_labels_editor_set_label_color (self, id, color);
}

static void
on_name_apply_cb (AdwEntryRow       *row,
                  GlossLabelsEditor *self)
{
  g_autofree char *message = NULL;

  if (gloss_labels_editor_rename_label (self, g_object_get_data (G_OBJECT (row), "gloss-label"),
                                        gtk_editable_get_text (GTK_EDITABLE (row))))
    return;

  message = g_strdup_printf (_("A label’s name is 1 to %d characters long"), GLOSS_LABEL_MAX_NAME_LENGTH);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_key_apply_cb (AdwEntryRow       *row,
                 GlossLabelsEditor *self)
{
  if (!gloss_labels_editor_set_label_key (self, g_object_get_data (G_OBJECT (row), "gloss-label"),
                                          gtk_editable_get_text (GTK_EDITABLE (row))))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("A key is one letter that no other label uses")));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return button;
}

static void
hide_keeping_space (GtkWidget *widget,
                    gboolean   hide)
{
  /* The buttons of all rows stay in line */
  gtk_widget_set_opacity (widget, hide ? 0.0 : 1.0);
  gtk_widget_set_can_target (widget, !hide);
  gtk_widget_set_can_focus (widget, !hide);
}

static void
rebuild (GlossLabelsEditor *self)
{
  GtkWidget *child;
  guint n = gloss_label_set_get_n_labels (self->labels);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);
      const char *id = gloss_label_get_id (label);
      const char *key = gloss_label_get_key (label);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *color = gtk_color_button_new ();
      GtkWidget *name_row = adw_entry_row_new ();
      GtkWidget *key_row = adw_entry_row_new ();
      GtkWidget *up, *down, *remove;
      g_autofree char *subtitle = NULL;
      g_autofree char *upper = g_utf8_strup (key, -1);
      GdkRGBA rgba;

      if (key[0] != '\0')
        subtitle = g_strdup_printf (_("Key %s, or %u"), upper, i + 1);
      else
        subtitle = g_strdup_printf (_("Key %u"), i + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_display_name (label));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      if (gdk_rgba_parse (&rgba, gloss_label_get_color (label)))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
      gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (color, _("Colour"));
      g_object_set_data_full (G_OBJECT (color), "gloss-label", g_strdup (id), g_free);
      g_signal_connect (color, "color-set", G_CALLBACK (on_color_set_cb), self);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), color);

      up = icon_button ("go-up-symbolic", _("Move Up"), "labels.move-up", id);
      down = icon_button ("go-down-symbolic", _("Move Down"), "labels.move-down", id);
      remove = icon_button ("user-trash-symbolic", _("Delete Label"), "labels.delete", id);
      hide_keeping_space (up, i == 0);
      hide_keeping_space (down, i + 1 == n);
      /* Each action goes before the ones added earlier */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
      gtk_editable_set_text (GTK_EDITABLE (name_row), gloss_label_get_name (label));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
      g_object_set_data_full (G_OBJECT (name_row), "gloss-label", g_strdup (id), g_free);
      g_signal_connect (name_row, "apply", G_CALLBACK (on_name_apply_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (key_row), _("Key"));
      gtk_editable_set_text (GTK_EDITABLE (key_row), key);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (key_row), 1);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (key_row), TRUE);
      g_object_set_data_full (G_OBJECT (key_row), "gloss-label", g_strdup (id), g_free);
      g_signal_connect (key_row, "apply", G_CALLBACK (on_key_apply_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), key_row);

      gtk_list_box_append (self->list, row);
    }
}

static void
on_labels_changed_cb (GListModel        *model,
                      guint              position,
                      guint              removed,
                      guint              added,
                      GlossLabelsEditor *self)
{
  rebuild (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  gloss_labels_editor_add_label (GLOSS_LABELS_EDITOR (widget), _("New Label"));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossLabelsEditor *self = GLOSS_LABELS_EDITOR (widget);
  int position = gloss_label_set_get_position (self->labels, g_variant_get_string (param, NULL));
  int to;

  if (position < 0)
    return;

  to = position + (g_str_equal (action_name, "labels.move-up") ? -1 : 1);
  if (to < 0 || to >= (int)gloss_label_set_get_n_labels (self->labels))
    return;

  gloss_label_set_move (self->labels, position, to);
  save_project (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gloss_labels_editor_delete_label (GLOSS_LABELS_EDITOR (widget), g_variant_get_string (param, NULL), FALSE);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GlossLabelsEditor *self = GLOSS_LABELS_EDITOR (widget);

  if (self->deleted == NULL)
    return;

  /* The deletion is one step of the document's history: undoing it puts
   * the label back, then its annotations */
  gloss_document_undo (self->document);
  g_clear_object (&self->deleted);
  save_project (self);
}

static void
gloss_labels_editor_dispose (GObject *object)
{
  GlossLabelsEditor *self = (GlossLabelsEditor *)object;

  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABELS_EDITOR);

  G_OBJECT_CLASS (gloss_labels_editor_parent_class)->dispose (object);
}

static void
gloss_labels_editor_finalize (GObject *object)
{
  GlossLabelsEditor *self = (GlossLabelsEditor *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->labels);
  g_clear_object (&self->project_file);
  g_clear_object (&self->saver);
  g_clear_object (&self->deleted);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (gloss_labels_editor_parent_class)->finalize (object);
}

static void
gloss_labels_editor_class_init (GlossLabelsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_labels_editor_dispose;
  object_class->finalize = gloss_labels_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-labels-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelsEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelsEditor, list);

  gtk_widget_class_install_action (widget_class, "labels.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "labels.move-up", "s", move_action);
  gtk_widget_class_install_action (widget_class, "labels.move-down", "s", move_action);
  gtk_widget_class_install_action (widget_class, "labels.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "labels.undo-delete", NULL, undo_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "labels.add", NULL);
}

static void
gloss_labels_editor_init (GlossLabelsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gloss_labels_editor_new:
 * @project_file: the gloss-project.json to write the labels to
 *
 * Returns: (transfer full): an editor of @document's labels
 */
GlossLabelsEditor *
gloss_labels_editor_new (GlossDocument *document,
                         GFile         *project_file)
{
  GlossLabelsEditor *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (project_file), NULL);

  self = g_object_new (GLOSS_TYPE_LABELS_EDITOR, NULL);
  self->document = g_object_ref (document);
  self->labels = g_object_ref (gloss_document_get_labels (document));
  self->project_file = g_object_ref (project_file);
  g_signal_connect (self->labels, "items-changed", G_CALLBACK (on_labels_changed_cb), self);
  rebuild (self);

  return self;
}

void
gloss_labels_editor_set_saver (GlossLabelsEditor *self,
                               GlossSaver        *saver)
{
  g_return_if_fail (GLOSS_IS_LABELS_EDITOR (self));

  g_set_object (&self->saver, saver);
}

/**
 * gloss_labels_editor_add_label:
 *
 * Returns: %TRUE when a label was added, at the end
 */
gboolean
gloss_labels_editor_add_label (GlossLabelsEditor *self,
                               const char        *name)
{
  g_autoptr(GlossLabel) label = NULL;
  g_autofree char *id = NULL;
  guint n;

  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), FALSE);

  n = gloss_label_set_get_n_labels (self->labels);
  for (guint i = n + 1; id == NULL || gloss_label_set_lookup (self->labels, id) != NULL; i++)
    {
      g_free (id);
      id = g_strdup_printf ("label-%u", i);
    }

  label = gloss_label_new (id, name, palette[n % G_N_ELEMENTS (palette)], "", "");
  if (!gloss_label_set_insert (self->labels, n, label))
    return FALSE;

  save_project (self);

  return TRUE;
}

static GlossLabel *
lookup (GlossLabelsEditor *self,
        const char        *id)
{
  return id ? gloss_label_set_lookup (self->labels, id) : NULL;
}

gboolean
gloss_labels_editor_rename_label (GlossLabelsEditor *self,
                                  const char        *id,
                                  const char        *name)
{
  GlossLabel *label;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), FALSE);

  label = lookup (self, id);
  stripped = g_strstrip (g_strdup (name ? name : ""));
  /* No longer than a label set may hold when it is read again */
  if (label == NULL || stripped[0] == '\0' || g_utf8_strlen (stripped, -1) > GLOSS_LABEL_MAX_NAME_LENGTH)
    return FALSE;

  gloss_label_set_name (label, stripped);
  save_project (self);
  rebuild (self);

  return TRUE;
}

gboolean
gloss_labels_editor_set_label_key (GlossLabelsEditor *self,
                                   const char        *id,
                                   const char        *key)
{
  GlossLabel *label;
  GlossLabel *other;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), FALSE);

  label = lookup (self, id);
  lower = g_utf8_strdown (key ? key : "", -1);
  if (label == NULL || (lower[0] != '\0' && !gloss_label_key_is_valid (lower)))
    return FALSE;

  /* Keys that already mean something else: the sentences' and the spans' */
  if (g_strv_contains ((const char * const[]) { "j", "k", "u", "n", "m", "x", "r", "v", "t", "+", "[", "]", NULL },
                       lower))
    return FALSE;

  other = lower[0] ? gloss_label_set_lookup_key (self->labels, lower) : NULL;
  if (other != NULL && other != label)
    return FALSE;

  gloss_label_set_key (label, lower);
  save_project (self);
  rebuild (self);

  return TRUE;
}

gboolean
gloss_labels_editor_set_label_color (GlossLabelsEditor *self,
                                     const char        *id,
                                     const char        *color)
{
  GlossLabel *label;

  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), FALSE);

  label = lookup (self, id);
  if (label == NULL || !gloss_label_color_is_valid (color))
    return FALSE;

  gloss_label_set_color (label, color);
  save_project (self);

  return TRUE;
}

static void
on_delete_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       GlossLabelsEditor *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    gloss_labels_editor_delete_label (self, g_object_get_data (G_OBJECT (dialog), "gloss-label"), TRUE);
}

/**
 * gloss_labels_editor_delete_label:
 * @confirmed: %FALSE to ask first when annotations use the label
 *
 * Deletes the label and the annotations that use it, as one step that a
 * toast's Undo brings back.
 */
void
gloss_labels_editor_delete_label (GlossLabelsEditor *self,
                                  const char        *id,
                                  gboolean           confirmed)
{
  GlossLabel *label;
  AdwToast *toast;
  g_autofree char *message = NULL;
  guint count;
  int position;

  g_return_if_fail (GLOSS_IS_LABELS_EDITOR (self));

  label = lookup (self, id);
  if (label == NULL)
    return;

  count = gloss_document_count_label (self->document, id);

  if (count > 0 && !confirmed)
    {
      AdwMessageDialog *dialog;
      g_autofree char *heading = g_strdup_printf (_("Delete the Label “%s”?"), gloss_label_get_display_name (label));

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
      adw_message_dialog_format_body (dialog,
                                      ngettext ("%u annotation of this document uses it and will be removed with it.",
                                                "%u annotations of this document use it and will be removed with it.",
                                                count),
                                      count);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "gloss-label", g_strdup (id), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  position = gloss_label_set_get_position (self->labels, id);
  g_set_object (&self->deleted, label);
  self->deleted_position = position;
  self->deleted_count = gloss_document_delete_label (self->document, id);
  save_project (self);

  message = g_strdup_printf (ngettext ("Label deleted with %u annotation", "Label deleted with %u annotations", count),
                             count);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "labels.undo-delete");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * gloss_labels_editor_get_error:
 *
 * Returns: (nullable): why the project file could not be written last
 */
const GError *
gloss_labels_editor_get_error (GlossLabelsEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), NULL);

  return self->error;
}
