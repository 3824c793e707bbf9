/* gloss-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-codebook-view.h"
#include "gloss-dialog-util.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-list-mirror.h"
#include "gloss-problem.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-sidebar.h"
#include "gloss-span-card.h"
#include "gloss-span-list.h"

/* Beside the article: the current sentence with its labels as toggle
 * buttons, its note, the current span's card and the list of the
 * document's annotations; with span labels in the set, a second page
 * lists the document's spans. The buttons name the window's doc.*
 * actions; the sidebar only shows. */
struct _GlossSidebar
{
  GtkWidget       parent_instance;

  GlossDocument  *document;
  int             position;
  guint           updating : 1;
  guint           sentence_labels : 1;  /* the set has any */
  guint           want_spans : 1;  /* the page chosen: the list of spans */

  GtkWidget      *box;
  GtkWidget      *pages_switcher;
  GtkStack       *pages;
  GlossSpanList  *span_list;
  GtkWidget      *current_box;
  GtkLabel       *position_label;
  GtkLabel       *sentence_label;
  GtkBox         *labels_box;
  GtkWidget      *span_labels_box;
  GtkFlowBox     *span_buttons;
  GtkWidget      *span_scroller;
  GlossSpanCard  *span_card;
  AdwEntryRow    *note_row;
  GtkWidget      *note_list;
  GtkWidget      *note_hint;
  GtkToggleButton *codebook_button;
  GtkImage       *codebook_arrow;
  GtkRevealer    *codebook_revealer;
  GlossCodebookView *codebook_view;
  guint           span_id;         /* the current span's, or G_MAXUINT */
  GtkWidget      *annotations_separator;
  GtkWidget      *annotations_header;
  GtkWidget      *problems_box;
  GtkListBox     *problems_list;
  GtkLabel       *count_label;
  GtkStack       *annotations_stack;
  GtkListView    *annotations_view;
  GtkSpinner     *loading_spinner;
  GtkLabel       *annotator_label;

  GtkCssProvider *label_css;       /* a checked button takes its label's colour */

  /* The list shows a copy of the document's annotations that follows it
   * one frame later: a toggle repaints the article at once and leaves the
   * list's layout to the next frame */
  GlossListMirror *mirror;

  /* The sentence section follows a move after the frame that shows it in
   * the article, as the span card does; position is the sentence shown */
  int             next_position;
  GdkFrameClock  *current_clock;
  gulong          current_paint_id;
  guint           current_id;
};

G_DEFINE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GTK_TYPE_WIDGET)

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "gloss-color");
  GdkRGBA rgba;
  double r = MIN (width, height) / 2.0;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
new_dot (const char *color,
         int         size)
{
  GtkWidget *dot = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), size);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (dot), "gloss-color", g_strdup (color), g_free);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, NULL, NULL);

  return dot;
}

static char *
dup_label_names (GlossSidebar  *self,
                 GlossSentence *sentence)
{
  GlossLabelSet *labels = gloss_document_get_labels (self->document);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
    {
      GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, i);
      GlossLabel *label = gloss_label_set_lookup (labels, gloss_annotation_get_label (annotation));

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, label ? gloss_label_get_display_name (label) : gloss_annotation_get_label (annotation));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The codebook section, while it is open: the current span's label, else
 * the current sentence's labels, else every label a sentence (or, in a
 * set of span labels, a span) could take here */
static void
update_codebook (GlossSidebar *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GlossLabelSet *labels;
  GlossSpan *span = NULL;

  if (!gtk_toggle_button_get_active (self->codebook_button) || self->document == NULL)
    return;

  labels = gloss_document_get_labels (self->document);
  if (self->span_id != G_MAXUINT)
    span = gloss_document_lookup_span (self->document, self->span_id);

  if (span != NULL)
    {
      GlossLabel *label = gloss_label_set_lookup (labels, gloss_span_get_label (span));

      if (label != NULL)
        g_ptr_array_add (shown, label);
    }
  else if (self->position >= 0 && (guint)self->position < gloss_document_get_n_sentences (self->document))
    {
      GlossSentence *sentence = gloss_document_get_sentence (self->document, self->position);

      for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
        {
          GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, i);
          GlossLabel *label = gloss_label_set_lookup (labels, gloss_annotation_get_label (annotation));

          if (label != NULL)
            g_ptr_array_add (shown, label);
        }
    }

  if (shown->len == 0)
    {
      GlossLabelScope scope = self->sentence_labels ? GLOSS_LABEL_SCOPE_SENTENCE : GLOSS_LABEL_SCOPE_SPAN;

      for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
        if (gloss_label_get_scope (gloss_label_set_get_label (labels, i)) == scope)
          g_ptr_array_add (shown, gloss_label_set_get_label (labels, i));
    }

  gloss_codebook_view_set_labels (self->codebook_view, shown);
}

static void
on_codebook_toggled_cb (GtkToggleButton *button,
                        GlossSidebar    *self)
{
  gboolean open = gtk_toggle_button_get_active (button);

  gtk_image_set_from_icon_name (self->codebook_arrow, open ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_revealer_set_reveal_child (self->codebook_revealer, open);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
  update_codebook (self);
}

static void
update_current (GlossSidebar *self)
{
  GlossSentence *sentence = NULL;
  gboolean read_only;
  guint n;

  if (self->document == NULL)
    return;

  n = gloss_document_get_n_sentences (self->document);
  read_only = gloss_document_get_read_only (self->document);
  if (self->position >= 0 && (guint)self->position < n)
    sentence = gloss_document_get_sentence (self->document, self->position);

  self->updating = TRUE;

  if (sentence == NULL)
    {
      gtk_label_set_text (self->position_label, "");
      gtk_label_set_text (self->sentence_label, "");
    }
  else
    {
      g_autofree char *position = g_strdup_printf (_("Sentence %d of %u"), self->position + 1, n);
      g_autofree char *text = gloss_document_dup_sentence_text (self->document, self->position);
      g_autofree char *names = dup_label_names (self, sentence);
      g_autofree char *description = NULL;

      /* Only what changed, so a toggle does not lay the sidebar out again */
      if (g_strcmp0 (gtk_label_get_text (self->position_label), position) != 0)
        gtk_label_set_text (self->position_label, position);
      g_strstrip (text);
      if (g_strcmp0 (gtk_label_get_text (self->sentence_label), text) != 0)
        gtk_label_set_text (self->sentence_label, text);

      /* What a screen reader says of the sentence: which labels it has */
      if (names[0] != '\0')
        description = g_strdup_printf (_("Labels: %s"), names);
      else
        description = g_strdup (_("No labels"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->sentence_label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "gloss-label");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                    sentence != NULL && gloss_sentence_has_label (sentence, id));
    }

  {
    gboolean can_note = sentence != NULL && !read_only && gloss_sentence_get_n_annotations (sentence) > 0;
    const char *note = sentence ? gloss_document_get_note (self->document, self->position) : "";

    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), note) != 0)
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), note);
    gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), can_note);
    /* Shown and hidden by opacity, so tagging never changes the layout */
    gtk_widget_set_visible (self->note_hint, !read_only && self->sentence_labels);
    gtk_widget_set_opacity (self->note_hint, sentence != NULL && !can_note ? 1.0 : 0.0);
  }

  update_codebook (self);

  self->updating = FALSE;
}

static void
cancel_current (GlossSidebar *self)
{
  g_clear_handle_id (&self->current_id, g_source_remove);
  if (self->current_clock == NULL)
    return;

  if (g_signal_handler_is_connected (self->current_clock, self->current_paint_id))
    g_signal_handler_disconnect (self->current_clock, self->current_paint_id);
  self->current_paint_id = 0;
  g_clear_object (&self->current_clock);
}

static gboolean
current_pending (GlossSidebar *self)
{
  return self->current_clock != NULL || self->current_id != 0;
}

/* Shows the sentence a move made current, if it is still to follow: what
 * reads the section's widgets calls it first */
static void
flush_current (GlossSidebar *self)
{
  if (!current_pending (self))
    return;

  cancel_current (self);
  self->position = self->next_position;
  update_current (self);
}

static gboolean
flush_current_cb (gpointer user_data)
{
  GlossSidebar *self = user_data;

  self->current_id = 0;
  flush_current (self);

  return G_SOURCE_REMOVE;
}

static void
on_current_after_paint_cb (GdkFrameClock *clock,
                           GlossSidebar  *self)
{
  /* Once the frame is out, not while it is being finished */
  g_clear_signal_handler (&self->current_paint_id, self->current_clock);
  if (self->current_id == 0)
    self->current_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, flush_current_cb, self, NULL);
}

static void
update_count (GlossSidebar *self)
{
  guint n_annotations = g_list_model_get_n_items (gloss_document_get_annotations (self->document));
  g_autofree char *count = g_strdup_printf ("%u", n_annotations);

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->annotations_stack, n_annotations ? "list" : "empty");
}

static void rebuild_label_buttons (GlossSidebar *self);

static void
on_label_notify_cb (GlossLabel   *label,
                    GParamSpec   *pspec,
                    GlossSidebar *self)
{
  rebuild_label_buttons (self);
}

/* A label button's tooltip: what it does, then the label's codebook
 * entry (its definition, rules and examples) */
static void
set_codebook_tooltip (GtkWidget  *button,
                      GlossLabel *label,
                      const char *action)
{
  g_autofree char *entry = gloss_codebook_view_dup_entry (label);
  g_autofree char *tooltip = NULL;

  if (entry[0] == '\0')
    {
      gtk_widget_set_tooltip_text (button, action);
      return;
    }

  tooltip = g_strdup_printf ("%s\n\n%s", action, entry);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, entry, -1);
}

/* A span label's button tags the selection */
static GtkWidget *
new_span_button (GlossLabel *label,
                 guint       position)
{
  const char *key = gloss_label_get_key (label);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (gloss_label_get_display_name (label));
  GtkWidget *keys = gtk_label_new (NULL);
  g_autofree char *key_text = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *tooltip = NULL;

  if (key != NULL && key[0] != '\0')
    key_text = g_strdup (key);
  else if (position < 9)
    key_text = g_strdup_printf ("%u", position + 1);
  else
    key_text = g_strdup ("");
  upper = g_utf8_strup (key_text, -1);
  gtk_label_set_text (GTK_LABEL (keys), upper);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (keys, "dim-label");
  gtk_widget_add_css_class (keys, "gloss-key");
  gtk_box_append (GTK_BOX (box), new_dot (gloss_label_get_color (label), 10));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), keys);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "gloss-span-button");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.tag-span");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (gloss_label_get_id (label)));
  g_object_set_data_full (G_OBJECT (button), "gloss-label", g_strdup (gloss_label_get_id (label)), g_free);

  tooltip = g_strdup_printf (_("Tag the selection as “%s”"), gloss_label_get_display_name (label));
  set_codebook_tooltip (button, label, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key_text,
                                  -1);

  return button;
}

static void
rebuild_label_buttons (GlossSidebar *self)
{
  GlossLabelSet *labels;
  GtkWidget *child;
  gboolean span_labels;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box))))
    gtk_box_remove (self->labels_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->span_buttons))))
    gtk_flow_box_remove (self->span_buttons, child);
  gtk_widget_set_visible (self->span_labels_box, FALSE);

  /* Without sentence labels (a set of span labels only) a sentence has no
   * note and the document no annotations: the room goes to the spans */
  labels = self->document ? gloss_document_get_labels (self->document) : NULL;
  self->sentence_labels = labels == NULL;
  for (guint i = 0; labels != NULL && i < gloss_label_set_get_n_labels (labels); i++)
    if (gloss_label_get_scope (gloss_label_set_get_label (labels, i)) == GLOSS_LABEL_SCOPE_SENTENCE)
      self->sentence_labels = TRUE;
  gtk_widget_set_visible (self->note_list, self->sentence_labels);
  gtk_widget_set_visible (self->annotations_separator, self->sentence_labels);
  gtk_widget_set_visible (self->annotations_header, self->sentence_labels);
  gtk_widget_set_visible (GTK_WIDGET (self->annotations_stack), self->sentence_labels);

  /* The list of spans is a page of its own, for a set with span labels */
  span_labels = labels != NULL && !gloss_label_set_is_sentence_only (labels);
  gtk_widget_set_visible (self->pages_switcher, span_labels);
  /* Under the switcher, less room above: the card's linked spans need it */
  gtk_widget_set_margin_top (self->current_box, span_labels ? 8 : 18);
  gtk_stack_set_visible_child_name (self->pages, span_labels && self->want_spans ? "spans" : "current");

  if (self->document == NULL)
    return;

  labels = gloss_document_get_labels (self->document);
  {
    g_autoptr(GString) css = g_string_new (NULL);

    for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
      {
        GdkRGBA rgba;

        if (!gdk_rgba_parse (&rgba, gloss_label_get_color (gloss_label_set_get_label (labels, i))))
          continue;
        g_string_append_printf (css,
                                "glosssidebar button.gloss-label-%u:checked { background-color: rgba(%d,%d,%d,0.28); }\n"
                                "glosssidebar button.gloss-label-%u:checked:hover { background-color: rgba(%d,%d,%d,0.36); }\n",
                                i, (int)(rgba.red * 255), (int)(rgba.green * 255), (int)(rgba.blue * 255),
                                i, (int)(rgba.red * 255), (int)(rgba.green * 255), (int)(rgba.blue * 255));
      }
    gtk_css_provider_load_from_data (self->label_css, css->str, css->len);
  }

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);
      const char *key = gloss_label_get_key (label);
      GtkWidget *button, *box, *name, *keys;
      g_autofree char *key_text = NULL;
      g_autofree char *accessible_name = NULL;

      /* A sentence's buttons are for sentence labels only; a span label's
       * tags the selection */
      if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
        {
          gtk_flow_box_append (self->span_buttons, new_span_button (label, i));
          gtk_widget_set_visible (self->span_labels_box, TRUE);
          g_signal_handlers_disconnect_by_func (label, on_label_notify_cb, self);
          g_signal_connect_object (label, "notify", G_CALLBACK (on_label_notify_cb), self, 0);
          continue;
        }
      if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SENTENCE)
        continue;

      button = gtk_toggle_button_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      name = gtk_label_new (gloss_label_get_display_name (label));
      keys = gtk_label_new (NULL);

      /* The label's own key and its number both work */
      if (key != NULL && key[0] != '\0' && i < 9)
        key_text = g_strdup_printf ("%s  %u", key, i + 1);
      else if (key != NULL && key[0] != '\0')
        key_text = g_strdup (key);
      else if (i < 9)
        key_text = g_strdup_printf ("%u", i + 1);
      else
        key_text = g_strdup ("");
      {
        g_autofree char *upper = g_utf8_strup (key_text, -1);
        gtk_label_set_text (GTK_LABEL (keys), upper);
      }

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (keys, "dim-label");
      gtk_widget_add_css_class (keys, "gloss-key");

      gtk_box_append (GTK_BOX (box), new_dot (gloss_label_get_color (label), 12));
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), keys);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "gloss-label-button");
      {
        g_autofree char *css_class = g_strdup_printf ("gloss-label-%u", i);
        gtk_widget_add_css_class (button, css_class);
      }

      g_object_set_data_full (G_OBJECT (button), "gloss-label", g_strdup (gloss_label_get_id (label)), g_free);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.toggle-label");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (gloss_label_get_id (label)));

      accessible_name = g_strdup (gloss_label_get_display_name (label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key_text,
                                      -1);
      {
        g_autofree char *tooltip = g_strdup_printf (_("Toggle the label “%s” on the current sentence"),
                                                    gloss_label_get_display_name (label));
        set_codebook_tooltip (button, label, tooltip);
      }

      gtk_box_append (self->labels_box, button);

      /* Renamed, recoloured or given another key in the labels editor */
      g_signal_handlers_disconnect_by_func (label, on_label_notify_cb, self);
      g_signal_connect_object (label, "notify", G_CALLBACK (on_label_notify_cb), self, 0);
    }

  update_current (self);
}

static void
rebuild_problems (GlossSidebar *self)
{
  GPtrArray *problems;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);

  problems = self->document ? gloss_document_get_problems (self->document) : NULL;
  gtk_widget_set_visible (self->problems_box, problems != NULL && problems->len > 0);
  if (problems == NULL)
    return;

  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = NULL;
      g_autofree char *valid_where = NULL;
      g_autofree char *message = NULL;

      if (problem->file != NULL && problem->file[0] != '\0')
        where = g_strdup_printf ("%s %s", problem->file, problem->path ? problem->path : "");
      else
        where = g_strdup (problem->path ? problem->path : "");

      /* A file name in them may not be UTF-8 */
      valid_where = gloss_dialog_util_make_valid (where);
      message = gloss_dialog_util_make_valid (problem->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), valid_where);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      gtk_list_box_append (self->problems_list, row);
    }
}

static void
on_labels_changed_cb (GListModel   *model,
                      guint         position,
                      guint         removed,
                      guint         added,
                      GlossSidebar *self)
{
  rebuild_label_buttons (self);
}

static void
on_sentences_changed_cb (GListModel   *model,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GlossSidebar *self)
{
  if (self->position >= (int)position && self->position < (int)(position + MAX (removed, added)))
    update_current (self);
}

static void
on_annotations_changed_cb (GListModel   *model,
                           guint         position,
                           guint         removed,
                           guint         added,
                           GlossSidebar *self)
{
  update_count (self);
}

static void
on_note_apply_cb (AdwEntryRow  *row,
                  GlossSidebar *self)
{
  /* A move still to show: the note was kept before it */
  if (self->updating || self->document == NULL || self->position < 0 || current_pending (self))
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)),
                 gloss_document_get_note (self->document, self->position)) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "doc.set-note", "s",
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_note_focus_leave_cb (GtkEventControllerFocus *controller,
                        GlossSidebar            *self)
{
  /* Leaving the field keeps what was typed, as Enter does */
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->note_row)))
    on_note_apply_cb (self->note_row, self);
}

static gboolean
on_note_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossSidebar          *self)
{
  GtkRoot *root;

  if (keyval != GDK_KEY_Escape)
    return FALSE;

  /* Escape leaves the note as it was and gives the keys back to tagging */
  self->updating = TRUE;
  update_current (self);
  self->updating = FALSE;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    gtk_root_set_focus (root, NULL);

  return TRUE;
}

static void
setup_annotation_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GlossSidebar             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);
  GtkWidget *dot = new_dot (NULL, 10);

  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_set_margin_top (dot, 4);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (where), 1);
  gtk_widget_set_hexpand (where, TRUE);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "numeric");
  /* One line each: wrapped rows cost a height-for-width layout on every
   * change of the list, which a toggle must not pay */
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (text), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_hexpand (text_box, TRUE);

  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), where);
  gtk_box_append (GTK_BOX (text_box), header);
  gtk_box_append (GTK_BOX (text_box), text);
  gtk_box_append (GTK_BOX (text_box), note);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  g_object_set_data (G_OBJECT (box), "dot", dot);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "where", where);
  g_object_set_data (G_OBJECT (box), "text", text);
  g_object_set_data (G_OBJECT (box), "note", note);
  gtk_list_item_set_child (item, box);
}

static void
bind_annotation_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GlossSidebar             *self)
{
  GlossAnnotation *annotation = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GlossLabel *label;
  const char *label_name;
  const char *note = gloss_annotation_get_note (annotation);
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *review_name = NULL;
  int position;

  if (self->document == NULL)
    return;

  label = gloss_label_set_lookup (gloss_document_get_labels (self->document),
                                  gloss_annotation_get_label (annotation));
  label_name = label ? gloss_label_get_display_name (label) : gloss_annotation_get_label (annotation);
  /* Kept on both halves of a split: the user checks where it belongs */
  if (gloss_annotation_get_review (annotation))
    label_name = review_name = g_strdup_printf (_("%s · to review"), label_name);
  position = gloss_document_find_sentence_at (self->document, gloss_annotation_get_start (annotation));
  where = g_strdup_printf (_("Sentence %d"), position + 1);
  text = g_strstrip (g_strdup (gloss_annotation_get_text (annotation)));

  g_object_set_data_full (G_OBJECT (g_object_get_data (G_OBJECT (box), "dot")), "gloss-color",
                          g_strdup (label ? gloss_label_get_color (label) : "#9a9996"), g_free);
  gtk_widget_queue_draw (g_object_get_data (G_OBJECT (box), "dot"));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), label_name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "where"), where);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "text"), text);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "note"), note);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "note"), note[0] != '\0');

  accessible = g_strdup_printf ("%s, %s: %s", label_name, where, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_annotation_activate_cb (GtkListView  *view,
                           guint         position,
                           GlossSidebar *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, position);
  int sentence;

  if (annotation == NULL || self->document == NULL)
    return;

  sentence = gloss_document_find_sentence_at (self->document, gloss_annotation_get_start (annotation));
  if (sentence >= 0)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, (guint)sentence);
}

static void
gloss_sidebar_dispose (GObject *object)
{
  GlossSidebar *self = (GlossSidebar *)object;

  gloss_sidebar_set_document (self, NULL);
  cancel_current (self);
  g_clear_object (&self->mirror);
  if (self->label_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->label_css));
      g_clear_object (&self->label_css);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->dispose (object);
}

static void
gloss_sidebar_class_init (GlossSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_sidebar_dispose;

  /**
   * GlossSidebar::annotation-activated:
   * @position: the sentence of the annotation
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (GLOSS_TYPE_CODEBOOK_VIEW);
  g_type_ensure (GLOSS_TYPE_SPAN_CARD);
  g_type_ensure (GLOSS_TYPE_SPAN_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, pages_switcher);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, pages);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, span_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, current_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, labels_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, span_labels_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, span_buttons);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, span_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, span_card);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, note_row);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, note_hint);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, codebook_button);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, codebook_arrow);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, codebook_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, codebook_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, note_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, annotations_separator);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, annotations_header);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, problems_box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, problems_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, annotations_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, annotations_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, annotator_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glosssidebar");
}

static void on_page_notify_cb (GtkStack     *pages,
                               GParamSpec   *pspec,
                               GlossSidebar *self);

static void
gloss_sidebar_init (GlossSidebar *self)
{
  GtkListItemFactory *factory;
  GtkEventController *keys;
  GtkEventController *focus;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->position = -1;
  self->sentence_labels = TRUE;
  self->span_id = G_MAXUINT;
  g_signal_connect (self->codebook_button, "toggled", G_CALLBACK (on_codebook_toggled_cb), self);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->codebook_button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);

  self->mirror = gloss_list_mirror_new (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION);
  selection = gtk_no_selection_new (g_object_ref (gloss_list_mirror_get_model (self->mirror)));
  gtk_list_view_set_model (self->annotations_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->label_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->label_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_annotation_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_annotation_cb), self);
  gtk_list_view_set_factory (self->annotations_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->annotations_view, "activate", G_CALLBACK (on_annotation_activate_cb), self);

  g_signal_connect (self->note_row, "entry-activated", G_CALLBACK (on_note_apply_cb), self);
  g_signal_connect (self->pages, "notify::visible-child-name", G_CALLBACK (on_page_notify_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_note_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_row), focus);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_note_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_row), keys);
}

void
gloss_sidebar_set_document (GlossSidebar  *self,
                            GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (gloss_document_get_labels (self->document), self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_sentences (self->document), self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_annotations (self->document), self);
      gloss_list_mirror_set_source (self->mirror, NULL);
      g_clear_object (&self->document);
    }

  cancel_current (self);
  self->position = -1;
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  gloss_sidebar_set_span (self, G_MAXUINT);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect (gloss_document_get_labels (document), "items-changed",
                        G_CALLBACK (on_labels_changed_cb), self);
      g_signal_connect (gloss_document_get_sentences (document), "items-changed",
                        G_CALLBACK (on_sentences_changed_cb), self);
      g_signal_connect (gloss_document_get_annotations (document), "items-changed",
                        G_CALLBACK (on_annotations_changed_cb), self);

      /* The article comes first: a long list of annotations fills in
       * after the first frame */
      gloss_list_mirror_set_source (self->mirror, gloss_document_get_annotations (document));
      update_count (self);
    }

  gloss_span_list_set_document (self->span_list, document);
  rebuild_label_buttons (self);
  rebuild_problems (self);
}

/**
 * gloss_sidebar_set_loading:
 *
 * Says that the annotations are being read, while the article shows its
 * text already; the next gloss_sidebar_set_document() ends it.
 */
void
gloss_sidebar_set_loading (GlossSidebar *self,
                           gboolean      loading)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  gloss_sidebar_set_document (self, NULL);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_label_set_text (self->count_label, "");
  gtk_stack_set_visible_child_name (self->annotations_stack, loading ? "loading" : "empty");
}

/**
 * gloss_sidebar_set_position:
 *
 * Shows the current sentence after the next frame, which shows the move
 * in the article (at once when the sidebar is not on screen).
 */
void
gloss_sidebar_set_position (GlossSidebar *self,
                            int           position)
{
  GdkFrameClock *clock;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  self->next_position = position;
  clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (clock == NULL || self->document == NULL)
    {
      cancel_current (self);
      self->position = position;
      update_current (self);
      return;
    }

  if (current_pending (self))
    return;

  self->current_clock = g_object_ref (clock);
  self->current_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_current_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

void
gloss_sidebar_set_annotator (GlossSidebar *self,
                             const char   *annotator)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  text = g_strdup_printf (_("Annotating as %s"), annotator);
  gtk_label_set_text (self->annotator_label, text);
}

/**
 * gloss_sidebar_commit_note:
 *
 * Keeps a note being typed, before another sentence becomes current.
 */
void
gloss_sidebar_commit_note (GlossSidebar *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_row)) &&
      gtk_widget_is_sensitive (GTK_WIDGET (self->note_row)))
    on_note_apply_cb (self->note_row, self);
}

/**
 * gloss_sidebar_get_note_pending:
 *
 * Returns: whether the note field holds text not yet in the document: a
 *   note being typed
 */
gboolean
gloss_sidebar_get_note_pending (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  if (self->document == NULL || self->position < 0 ||
      (guint)self->position >= gloss_document_get_n_sentences (self->document) ||
      !gtk_widget_is_sensitive (GTK_WIDGET (self->note_row)))
    return FALSE;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                    gloss_document_get_note (self->document, self->position)) != 0;
}

void
gloss_sidebar_focus_note (GlossSidebar *self)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  flush_current (self);
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->note_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

GtkWidget *
gloss_sidebar_get_note_row (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  flush_current (self);
  return GTK_WIDGET (self->note_row);
}

/**
 * gloss_sidebar_get_label_button:
 *
 * Returns: (transfer none) (nullable): the toggle button of @label_id
 */
GtkWidget *
gloss_sidebar_get_label_button (GlossSidebar *self,
                                const char   *label_id)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  flush_current (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "gloss-label"), label_id) == 0)
        return child;
    }

  return NULL;
}

/**
 * gloss_sidebar_get_problem_rows:
 *
 * Returns: (transfer full): the rows of the problems list, for tests
 */
GListModel *
gloss_sidebar_get_problem_rows (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  if (!gtk_widget_get_visible (self->problems_box))
    return G_LIST_MODEL (g_list_store_new (GTK_TYPE_WIDGET));

  return gtk_widget_observe_children (GTK_WIDGET (self->problems_list));
}

/**
 * gloss_sidebar_get_annotation_list:
 *
 * Returns: (transfer none): the list of the document's annotations
 */
GtkListView *
gloss_sidebar_get_annotation_list (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return self->annotations_view;
}

const char *
gloss_sidebar_get_sentence_text (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  flush_current (self);
  return gtk_label_get_text (self->sentence_label);
}

/**
 * gloss_sidebar_set_span:
 * @id: the current span's id, or %G_MAXUINT for none
 *
 * Shows the current span's card, or hides it; called again when the span
 * or its links may have changed.
 */
void
gloss_sidebar_set_span (GlossSidebar *self,
                        guint         id)
{
  gboolean show;

  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  show = self->document != NULL && id != G_MAXUINT && gloss_document_lookup_span (self->document, id) != NULL;
  gloss_span_card_set_span (self->span_card, show ? self->document : NULL, show ? id : G_MAXUINT);
  gtk_widget_set_visible (self->span_scroller, show);
  gloss_span_list_set_current (self->span_list, show ? id : G_MAXUINT);
  self->span_id = show ? id : G_MAXUINT;
  update_codebook (self);
}

/**
 * gloss_sidebar_set_codebook_expanded:
 *
 * Opens or closes the codebook section under the label buttons: the
 * entries of the current span's label, else of the current sentence's
 * labels, else of every label. Opening it shows the page of the current
 * sentence.
 */
void
gloss_sidebar_set_codebook_expanded (GlossSidebar *self,
                                     gboolean      expanded)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  if (expanded)
    gtk_stack_set_visible_child_name (self->pages, "current");
  gtk_toggle_button_set_active (self->codebook_button, expanded);
}

gboolean
gloss_sidebar_get_codebook_expanded (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  return gtk_toggle_button_get_active (self->codebook_button);
}

/**
 * gloss_sidebar_get_codebook_view:
 *
 * Returns: (transfer none): the codebook section's view, for tests
 */
GtkWidget *
gloss_sidebar_get_codebook_view (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->codebook_view);
}

/**
 * gloss_sidebar_show_spans:
 * @spans: the list of spans, or the current sentence and span
 *
 * Shows one page of the sidebar; the list of spans only with span labels
 * in the set, but it stays chosen for the next document that has them.
 *
 * Returns: whether the page asked for is shown
 */
gboolean
gloss_sidebar_show_spans (GlossSidebar *self,
                          gboolean      spans)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  self->want_spans = !!spans;
  if (spans && !gtk_widget_get_visible (self->pages_switcher))
    return FALSE;

  gtk_stack_set_visible_child_name (self->pages, spans ? "spans" : "current");

  return TRUE;
}

/* The page the user chose stays for the next document */
static void
on_page_notify_cb (GtkStack     *pages,
                   GParamSpec   *pspec,
                   GlossSidebar *self)
{
  if (gtk_widget_get_visible (self->pages_switcher))
    self->want_spans = g_strcmp0 (gtk_stack_get_visible_child_name (pages), "spans") == 0;
}

/**
 * gloss_sidebar_focus_span_list:
 *
 * Shows the list of spans and gives the keyboard focus to the current
 * span's row (Escape gives it back to the article).
 *
 * Returns: whether there is a list of spans
 */
gboolean
gloss_sidebar_focus_span_list (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), FALSE);

  if (!gloss_sidebar_show_spans (self, TRUE))
    return FALSE;

  gloss_span_list_focus (self->span_list);

  return TRUE;
}

/**
 * gloss_sidebar_get_span_list:
 *
 * Returns: (transfer none): the list of the document's spans
 */
GtkWidget *
gloss_sidebar_get_span_list (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->span_list);
}

void
gloss_sidebar_focus_span_note (GlossSidebar *self)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  if (gtk_widget_get_visible (self->span_scroller))
    gloss_span_card_focus_note (self->span_card);
}

/**
 * gloss_sidebar_get_span_card:
 *
 * Returns: (transfer none): the card of the current span
 */
GtkWidget *
gloss_sidebar_get_span_card (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->span_card);
}

/**
 * gloss_sidebar_get_span_button:
 *
 * Returns: (transfer none) (nullable): the button that tags the selection
 *   with the span label @label_id
 */
GtkWidget *
gloss_sidebar_get_span_button (GlossSidebar *self,
                               const char   *label_id)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->span_buttons));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "gloss-label"), label_id) == 0)
        return button;
    }

  return NULL;
}
