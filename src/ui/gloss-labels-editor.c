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
 * document, edits their codebook entries (the definition, inclusion and
 * exclusion rules, examples and negative examples; a relation label's
 * too), and writes them into the project's gloss-project.json, so every
 * text of the folder uses them. A codebook field is kept when it loses
 * the focus and when the window closes. */
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

  /* The codebook fields shown, kept when the window closes */
  GPtrArray       *text_views;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *list;
  GtkWidget       *relation_group;
  GtkListBox      *relation_list;
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

/* The codebook fields of a label, -1 its description */
#define FIELD_DESCRIPTION (-1)

static char *
dup_field_text (GlossLabel *label,
                int         field)
{
  if (field == FIELD_DESCRIPTION)
    return g_strdup (gloss_label_get_description (label));

  return g_strjoinv ("\n", (char **)gloss_label_get_codebook (label, field));
}

static gboolean
apply_text_view (GlossLabelsEditor *self,
                 GtkTextView       *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *id = g_object_get_data (G_OBJECT (view), "gloss-label");
  gboolean relation = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "gloss-relation"));
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "gloss-field"));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (field == FIELD_DESCRIPTION)
    return gloss_labels_editor_set_label_description (self, relation, id, text);

  if (gloss_labels_editor_set_label_codebook (self, relation, id, field, text))
    return TRUE;

  {
    g_autofree char *message = g_strdup_printf (_("A rule or an example is one line of at most %d characters, "
                                                  "and a list holds at most %d"),
                                                GLOSS_CODEBOOK_MAX_ITEM_LENGTH, GLOSS_CODEBOOK_MAX_ITEMS);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }

  return FALSE;
}

static void
on_text_focus_leave_cb (GtkEventControllerFocus *controller,
                        GlossLabelsEditor       *self)
{
  /* The fields go with the window: what they held was kept on closing */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->labels == NULL)
    return;

  apply_text_view (self, GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* A row with a title and a field of several lines, for a codebook list
 * (an item a line) or the definition */
static GtkWidget *
new_text_row (GlossLabelsEditor *self,
              GlossLabel        *label,
              gboolean           relation,
              int                field,
              const char        *title,
              const char        *hint)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *caption = gtk_label_new (hint);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *text = dup_field_text (label, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the field, as in every other row */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 56);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);
  g_object_set_data_full (G_OBJECT (view), "gloss-label", g_strdup (gloss_label_get_id (label)), g_free);
  g_object_set_data (G_OBJECT (view), "gloss-relation", GINT_TO_POINTER (relation));
  g_object_set_data (G_OBJECT (view), "gloss-field", GINT_TO_POINTER (field));
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_focus_leave_cb), self);
  gtk_widget_add_controller (view, focus);
  /* A card, not a GtkFrame: the field's border without another widget */
  gtk_widget_add_css_class (view, "card");
  gtk_box_append (GTK_BOX (box), view);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_ptr_array_add (self->text_views, view);

  return row;
}

/* The rows of a label's codebook entry, in its expander row */
static void
add_codebook_rows (GlossLabelsEditor *self,
                   GtkWidget         *expander,
                   GlossLabel        *label,
                   gboolean           relation)
{
  static const struct {
    const char *title;
    const char *hint;
  } lists[GLOSS_CODEBOOK_N_LISTS] = {
    { N_("Inclusion Rules"), N_("When to give the label: one rule a line") },
    { N_("Exclusion Rules"), N_("When not to give it: one rule a line") },
    { N_("Examples"), N_("Texts that take the label: one a line") },
    { N_("Negative Examples"), N_("Texts that look as if they did, but do not: one a line") },
  };

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            new_text_row (self, label, relation, FIELD_DESCRIPTION, _("Definition"),
                                          _("What annotators read first; the sidebar and the tooltips show it")));
  for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              new_text_row (self, label, relation, list, _(lists[list].title), _(lists[list].hint)));
}

/* The relation labels: their codebook entries only */
static void
rebuild_relations (GlossLabelsEditor *self)
{
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (self->labels);
  guint n = relations != NULL ? gloss_label_set_get_n_labels (relations) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relation_list))))
    gtk_list_box_remove (self->relation_list, child);
  gtk_widget_set_visible (self->relation_group, n > 0);

  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (relations, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *from = g_strjoinv (", ", (char **)gloss_label_get_from (label));
      g_autofree char *to = g_strjoinv (", ", (char **)gloss_label_get_to (label));
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", from, to);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_label_get_display_name (label));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      add_codebook_rows (self, row, label, TRUE);
      gtk_list_box_append (self->relation_list, row);
    }
}

static void
rebuild (GlossLabelsEditor *self)
{
  GtkWidget *child;
  guint n = gloss_label_set_get_n_labels (self->labels);

  g_ptr_array_set_size (self->text_views, 0);
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

      add_codebook_rows (self, row, label, FALSE);

      gtk_list_box_append (self->list, row);
    }

  rebuild_relations (self);
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
    {
      g_signal_handlers_disconnect_by_data (self->labels, self);
      g_signal_handlers_disconnect_by_data (gloss_label_set_get_relation_labels (self->labels), self);
    }
  g_ptr_array_set_size (self->text_views, 0);
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
  g_clear_pointer (&self->text_views, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_labels_editor_parent_class)->finalize (object);
}

static gboolean
gloss_labels_editor_close_request (GtkWindow *window)
{
  /* What is typed in a field is kept, as leaving it keeps it */
  gloss_labels_editor_apply_pending (GLOSS_LABELS_EDITOR (window));

  return GTK_WINDOW_CLASS (gloss_labels_editor_parent_class)->close_request (window);
}

static void
gloss_labels_editor_class_init (GlossLabelsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_labels_editor_dispose;
  object_class->finalize = gloss_labels_editor_finalize;
  window_class->close_request = gloss_labels_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-labels-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelsEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelsEditor, list);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelsEditor, relation_group);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelsEditor, relation_list);

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
  self->text_views = g_ptr_array_new ();
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
  g_signal_connect (gloss_label_set_get_relation_labels (self->labels), "items-changed",
                    G_CALLBACK (on_labels_changed_cb), self);
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

static GlossLabel *
lookup_in (GlossLabelsEditor *self,
           gboolean           relation,
           const char        *id)
{
  GlossLabelSet *set = relation ? gloss_label_set_get_relation_labels (self->labels) : self->labels;

  return id != NULL && set != NULL ? gloss_label_set_lookup (set, id) : NULL;
}

/**
 * gloss_labels_editor_set_label_description:
 * @relation: %TRUE for a relation label (their ids are their own)
 *
 * Sets a label's definition, the description, without the white space
 * at its end.
 *
 * Returns: %TRUE when the label exists
 */
gboolean
gloss_labels_editor_set_label_description (GlossLabelsEditor *self,
                                           gboolean           relation,
                                           const char        *id,
                                           const char        *description)
{
  GlossLabel *label;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), FALSE);

  label = lookup_in (self, relation, id);
  if (label == NULL || description == NULL)
    return FALSE;

  trimmed = g_strchomp (g_strdup (description));
  if (g_strcmp0 (trimmed, gloss_label_get_description (label)) == 0)
    return TRUE;

  gloss_label_set_description (label, trimmed);
  save_project (self);

  return TRUE;
}

/**
 * gloss_labels_editor_set_label_codebook:
 * @relation: %TRUE for a relation label
 * @text: the items, one a line; blank lines and the white space around
 *   an item are left out
 *
 * Sets a list of a label's codebook entry.
 *
 * Returns: %FALSE, changing nothing, when the label does not exist, an
 *   item is longer than %GLOSS_CODEBOOK_MAX_ITEM_LENGTH characters or
 *   there are more than %GLOSS_CODEBOOK_MAX_ITEMS
 */
gboolean
gloss_labels_editor_set_label_codebook (GlossLabelsEditor *self,
                                        gboolean           relation,
                                        const char        *id,
                                        GlossCodebookList  list,
                                        const char        *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) line = g_string_new (NULL);
  g_auto(GStrv) items = NULL;
  GlossLabel *label;
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_LABELS_EDITOR (self), FALSE);
  g_return_val_if_fail (list < GLOSS_CODEBOOK_N_LISTS, FALSE);

  label = lookup_in (self, relation, id);
  if (label == NULL || text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* Lines end at LF, CR, U+2028 and U+2029, as an item may not hold them */
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\0' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        {
          g_autofree char *item = g_strstrip (g_strdup (line->str));

          g_string_truncate (line, 0);
          if (item[0] != '\0')
            {
              if (!gloss_codebook_item_is_valid (item) || ++n > GLOSS_CODEBOOK_MAX_ITEMS)
                return FALSE;
              g_strv_builder_add (builder, item);
            }
          if (c == '\0')
            break;
          continue;
        }
      g_string_append_unichar (line, c);
    }

  items = g_strv_builder_end (builder);
  if (g_strv_equal ((const char * const *)items, gloss_label_get_codebook (label, list)))
    return TRUE;

  gloss_label_set_codebook (label, list, (const char * const *)items);
  save_project (self);

  return TRUE;
}

/**
 * gloss_labels_editor_apply_pending:
 *
 * Keeps what is typed in every codebook field, as leaving a field does.
 */
void
gloss_labels_editor_apply_pending (GlossLabelsEditor *self)
{
  g_return_if_fail (GLOSS_IS_LABELS_EDITOR (self));

  /* Applying saves, never rebuilds: the fields stay as they are */
  for (guint i = 0; i < self->text_views->len; i++)
    apply_text_view (self, g_ptr_array_index (self->text_views, i));
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
