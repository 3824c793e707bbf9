/* gloss-span-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-marker.h"
#include "gloss-label-set.h"
#include "gloss-list-mirror.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-span-card.h"
#include "gloss-span-list.h"

/* The document's spans in the sidebar, in text order, filtered by label:
 * each row shows its label's marker (the key in a ring, filled for the
 * current span) and name, the span's text and, for a span with roles (a
 * quote), the spans its relations link ("— Dr. Miriam Okafor · sagte").
 * Activating a row is doc.select-span: the window makes the span current
 * and scrolls the article to it.
 *
 * The list view shows a copy of the document's spans that follows them a
 * frame later (GlossListMirror), so tagging repaints the article at once
 * and leaves the list to the frame after; only the rows on screen are
 * built. A change of a relation changes no span, so it refreshes the
 * rows on screen, a frame later too. */

#define NO_SPAN   G_MAXUINT
#define ROW_CHARS 160   /* of a span's text: the label ellipsizes the rest */
#define ROLE_CHARS 40

struct _GlossSpanList
{
  GtkWidget           parent_instance;

  GlossDocument      *document;
  guint               current;          /* a span id, or NO_SPAN */
  GlossListMirror    *mirror;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GPtrArray          *filter_ids;       /* the drop-down's label ids, NULL first (all) */
  char               *filter_label;     /* the label shown, or NULL for all */
  GHashTable         *bound;            /* the GtkListItems with a span, as a set */
  guint               focus_tick;       /* tries to focus the current row */
  guint               focus_tries;
  guint               focus_scrolled : 1;
  guint               rows_dirty : 1;   /* the rows on screen are to be refreshed */
  guint               current_dirty : 1; /* the current span's row is to be shown */
  guint               updating : 1;

  GtkWidget          *box;
  GtkDropDown        *filter_dropdown;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkLabel           *empty_label;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (GlossSpanList, gloss_span_list, GTK_TYPE_WIDGET)

static GlossLabelSet *
get_labels (GlossSpanList *self)
{
  return gloss_document_get_labels (self->document);
}

static const char *
display_name (GlossLabelSet *set,
              const char    *id)
{
  GlossLabel *label = gloss_label_set_lookup (set, id);

  return label ? gloss_label_get_display_name (label) : id;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossSpanList *self = user_data;

  return self->filter_label == NULL || g_strcmp0 (gloss_span_get_label (item), self->filter_label) == 0;
}

/* The linked spans of @span, in the order of the relation labels: only
 * their texts for the eye ("Dr. Miriam Okafor · sagte"), with the role
 * names for a screen reader ("Speaker: Dr. Miriam Okafor · Cue: sagte") */
static char *
dup_roles (GlossSpanList *self,
           GlossSpan     *span,
           gboolean       named)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (get_labels (self));
  g_autoptr(GPtrArray) roles = gloss_span_card_dup_roles (self->document, span);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (roles, i);
      GlossSpan *to = gloss_document_lookup_span (self->document, gloss_relation_get_to (relation));
      g_autofree char *text = gloss_span_card_dup_text_line (to, ROLE_CHARS);

      if (line->len > 0)
        g_string_append (line, " · ");
      if (named)
        g_string_append_printf (line, _("%s: %s"),
                                display_name (relation_labels, gloss_relation_get_label (relation)), text);
      else
        g_string_append (line, text);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* What a screen reader hears of a row */
static char *
dup_description (GlossSpanList *self,
                 GlossSpan     *span)
{
  g_autofree char *title = gloss_span_card_dup_title (self->document, span);
  g_autofree char *text = gloss_span_card_dup_text_line (span, ROW_CHARS);
  g_autofree char *roles = dup_roles (self, span, TRUE);

  if (roles[0] == '\0')
    return g_strdup_printf (_("%s: %s"), title, text);

  return g_strdup_printf (_("%s: %s — %s"), title, text, roles);
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  /* Only a change lays the row out again */
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_row (GlossSpanList *self,
            GtkListItem   *item)
{
  GlossSpan *span = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GlossLabel *label;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *description = NULL;
  gboolean current;

  if (span == NULL || box == NULL || self->document == NULL)
    return;

  current = gloss_span_get_id (span) == self->current;
  label = gloss_label_set_lookup (get_labels (self), gloss_span_get_label (span));
  title = gloss_span_card_dup_title (self->document, span);
  text = gloss_span_card_dup_text_line (span, ROW_CHARS);
  roles = dup_roles (self, span, FALSE);
  description = dup_description (self, span);

  /* The current span's marker is filled, as in the article, and its row
   * tinted */
  gloss_label_marker_set_label (g_object_get_data (G_OBJECT (box), "marker"), label,
                                TRUE, current);
  if (gtk_widget_get_parent (box) != NULL)
    {
      if (current)
        gtk_widget_add_css_class (gtk_widget_get_parent (box), "gloss-current-span");
      else
        gtk_widget_remove_css_class (gtk_widget_get_parent (box), "gloss-current-span");
    }
  set_text (g_object_get_data (G_OBJECT (box), "title"), title);
  set_text (g_object_get_data (G_OBJECT (box), "text"), text);
  {
    GtkWidget *roles_label = g_object_get_data (G_OBJECT (box), "roles");
    g_autofree char *line = roles[0] != '\0' ? g_strdup_printf (_("— %s"), roles) : g_strdup ("");

    set_text (roles_label, line);
    gtk_widget_set_visible (roles_label, roles[0] != '\0');
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  if (current)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("The current span"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GlossSpanList            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *marker = gloss_label_marker_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *roles = gtk_label_new (NULL);

  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption-heading");
  /* One line each, of a fixed natural width: a row never makes the
   * sidebar wider, and needs no height-for-width layout */
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (text), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_xalign (GTK_LABEL (roles), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (roles), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (roles), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (roles), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (roles), 20);
  gtk_widget_add_css_class (roles, "caption");
  gtk_widget_add_css_class (roles, "dim-label");
  gtk_widget_set_hexpand (text_box, TRUE);

  gtk_box_append (GTK_BOX (text_box), title);
  gtk_box_append (GTK_BOX (text_box), text);
  gtk_box_append (GTK_BOX (text_box), roles);
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  g_object_set_data (G_OBJECT (box), "marker", marker);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "text", text);
  g_object_set_data (G_OBJECT (box), "roles", roles);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GlossSpanList            *self)
{
  g_hash_table_add (self->bound, item);
  update_row (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GlossSpanList            *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
refresh_rows (GlossSpanList *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row (self, item);
}

/* Where the span @id is among the rows, or GTK_INVALID_LIST_POSITION */
static guint
find_row (GlossSpanList *self,
          guint          id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  if (id == NO_SPAN)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (model, i);

      if (gloss_span_get_id (span) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
show_current (GlossSpanList *self)
{
  guint position = find_row (self, self->current);

  /* Only a list on screen scrolls: a hidden one does when it is shown */
  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
update_count (GlossSpanList *self)
{
  guint n_all = self->document ? g_list_model_get_n_items (gloss_document_get_spans (self->document)) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  /* Until the list follows, the document says how many there are */
  if (self->filter_label == NULL && gloss_list_mirror_is_pending (self->mirror))
    n_shown = n_all;

  if (self->filter_label == NULL)
    count = g_strdup_printf ("%u", n_all);
  else
    /* Translators: spans shown of the document's spans */
    count = g_strdup_printf (_("%u of %u"), n_shown, n_all);
  gtk_label_set_text (self->count_label, self->document ? count : "");

  if (n_all == 0)
    gtk_label_set_text (self->empty_label, _("No spans yet. Select text and press a span label’s key."));
  else
    gtk_label_set_text (self->empty_label, _("No spans of this label."));
  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
}

static void
on_synced_cb (GlossListMirror *mirror,
              GlossSpanList   *self)
{
  update_count (self);

  if (self->rows_dirty)
    refresh_rows (self);
  self->rows_dirty = FALSE;

  /* Once the whole list is in */
  if (self->current_dirty && !gloss_list_mirror_is_pending (mirror))
    {
      show_current (self);
      self->current_dirty = FALSE;
    }
}

/* A change the rows show that is no change of the spans (a relation, a
 * label's name), after the next frame */
static void
queue_refresh (GlossSpanList *self)
{
  self->rows_dirty = TRUE;
  gloss_list_mirror_queue_sync (self->mirror);
}

static void
on_relations_changed_cb (GListModel    *model,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GlossSpanList *self)
{
  queue_refresh (self);
}

static void rebuild_filter (GlossSpanList *self);

static void
on_label_notify_cb (GlossLabel    *label,
                    GParamSpec    *pspec,
                    GlossSpanList *self)
{
  rebuild_filter (self);
  queue_refresh (self);
}

static void
on_labels_changed_cb (GListModel    *model,
                      guint          position,
                      guint          removed,
                      guint          added,
                      GlossSpanList *self)
{
  rebuild_filter (self);
  queue_refresh (self);
}

static void
disconnect_labels (GlossSpanList *self)
{
  GlossLabelSet *labels = get_labels (self);
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (labels);

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    g_signal_handlers_disconnect_by_func (gloss_label_set_get_label (labels, i), on_label_notify_cb, self);
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    g_signal_handlers_disconnect_by_func (gloss_label_set_get_label (relation_labels, i), on_label_notify_cb, self);
}

static void
set_filter_label (GlossSpanList *self,
                  const char    *label)
{
  if (g_strcmp0 (self->filter_label, label) == 0)
    return;

  g_free (self->filter_label);
  self->filter_label = g_strdup (label);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  self->current_dirty = TRUE;
  gloss_list_mirror_queue_sync (self->mirror);
}

/* The drop-down: all labels, then each span label of the set */
static void
rebuild_filter (GlossSpanList *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GlossLabelSet *labels;
  guint selected = 0;

  g_ptr_array_set_size (self->filter_ids, 0);
  g_ptr_array_add (self->filter_ids, NULL);
  gtk_string_list_append (names, _("All Labels"));

  if (self->document != NULL)
    {
      labels = get_labels (self);
      disconnect_labels (self);
      for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
        {
          GlossLabel *label = gloss_label_set_get_label (labels, i);

          if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN)
            continue;

          if (g_strcmp0 (self->filter_label, gloss_label_get_id (label)) == 0)
            selected = self->filter_ids->len;
          g_ptr_array_add (self->filter_ids, g_strdup (gloss_label_get_id (label)));
          gtk_string_list_append (names, gloss_label_get_display_name (label));
          /* Renamed, recoloured or given another key in the labels editor */
          g_signal_connect_object (label, "notify", G_CALLBACK (on_label_notify_cb), self, 0);
        }

      /* A role's name, which a screen reader hears */
      labels = gloss_label_set_get_relation_labels (labels);
      for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
        g_signal_connect_object (gloss_label_set_get_label (labels, i), "notify",
                                 G_CALLBACK (on_label_notify_cb), self, 0);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->filter_dropdown, selected);
  self->updating = FALSE;

  /* A label that went shows all again */
  if (selected == 0)
    set_filter_label (self, NULL);
}

static void
on_filter_selected_cb (GtkDropDown   *dropdown,
                       GParamSpec    *pspec,
                       GlossSpanList *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected >= self->filter_ids->len)
    return;

  set_filter_label (self, g_ptr_array_index (self->filter_ids, selected));
}

static void
on_activate_cb (GtkListView   *view,
                guint          position,
                GlossSpanList *self)
{
  g_autoptr(GlossSpan) span = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (span != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "doc.select-span", "u", gloss_span_get_id (span));
}

static void
on_list_map_cb (GtkWidget     *view,
                GlossSpanList *self)
{
  /* Shown again: the current span's row in sight */
  self->current_dirty = TRUE;
  gloss_list_mirror_queue_sync (self->mirror);
}

static void
stop_focusing (GlossSpanList *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
}

/* The row of the current span (or the first) takes the focus once it is
 * on screen: a frame or two after the list is shown and scrolled to it */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GlossSpanList *self = user_data;
  guint position;
  GHashTableIter iter;
  gpointer item;

  /* The spans of a document just opened are not in the list yet */
  if (gloss_list_mirror_is_pending (self->mirror) && self->focus_tries++ < 20)
    return G_SOURCE_CONTINUE;

  position = find_row (self, self->current);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  if (!self->focus_scrolled && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      self->focus_scrolled = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      return G_SOURCE_CONTINUE;
    }

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *row = gtk_widget_get_parent (gtk_list_item_get_child (item));

      if (gtk_list_item_get_position (item) == position && row != NULL && gtk_widget_grab_focus (row))
        {
          self->focus_tick = 0;
          return G_SOURCE_REMOVE;
        }
    }

  /* No row to take it: the list itself, or the filter of an empty list */
  if (self->focus_tries++ >= 24 || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    {
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->list_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->filter_dropdown));
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
gloss_span_list_dispose (GObject *object)
{
  GlossSpanList *self = (GlossSpanList *)object;

  stop_focusing (self);
  gloss_span_list_set_document (self, NULL);
  g_clear_object (&self->mirror);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SPAN_LIST);

  G_OBJECT_CLASS (gloss_span_list_parent_class)->dispose (object);
}

static void
gloss_span_list_finalize (GObject *object)
{
  GlossSpanList *self = (GlossSpanList *)object;

  g_clear_object (&self->filtered);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);
  g_clear_pointer (&self->filter_label, g_free);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_span_list_parent_class)->finalize (object);
}

static void
gloss_span_list_class_init (GlossSpanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_span_list_dispose;
  object_class->finalize = gloss_span_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-span-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSpanList, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanList, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanList, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSpanList, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossspanlist");
}

static void
gloss_span_list_init (GlossSpanList *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->current = NO_SPAN;
  self->filter_ids = g_ptr_array_new_with_free_func (g_free);
  self->bound = g_hash_table_new (NULL, NULL);

  /* No selection: a row under the pointer is not the current span, whose
   * marker is filled instead */
  self->mirror = gloss_list_mirror_new (GTK_WIDGET (self), GLOSS_TYPE_SPAN);
  g_signal_connect (self->mirror, "synced", G_CALLBACK (on_synced_cb), self);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (gloss_list_mirror_get_model (self->mirror)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_object_unref (self->filter);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect (self->list_view, "map", G_CALLBACK (on_list_map_cb), self);
  g_signal_connect (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_selected_cb), self);

  rebuild_filter (self);
  update_count (self);
}

void
gloss_span_list_set_document (GlossSpanList *self,
                              GlossDocument *document)
{
  g_return_if_fail (GLOSS_IS_SPAN_LIST (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      disconnect_labels (self);
      g_signal_handlers_disconnect_by_data (get_labels (self), self);
      g_signal_handlers_disconnect_by_data (gloss_label_set_get_relation_labels (get_labels (self)), self);
      g_signal_handlers_disconnect_by_data (gloss_document_get_relations (self->document), self);
      g_clear_object (&self->document);
    }

  self->current = NO_SPAN;
  self->rows_dirty = FALSE;
  self->current_dirty = FALSE;

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect (get_labels (self), "items-changed", G_CALLBACK (on_labels_changed_cb), self);
      g_signal_connect (gloss_label_set_get_relation_labels (get_labels (self)), "items-changed",
                        G_CALLBACK (on_labels_changed_cb), self);
      g_signal_connect (gloss_document_get_relations (document), "items-changed",
                        G_CALLBACK (on_relations_changed_cb), self);
    }

  /* The article comes first: a long list fills in after the first frame */
  gloss_list_mirror_set_source (self->mirror, document ? gloss_document_get_spans (document) : NULL);
  if (self->mirror != NULL)
    {
      rebuild_filter (self);
      update_count (self);
    }
}

/**
 * gloss_span_list_set_current:
 * @id: the current span's id, or %G_MAXUINT for none
 *
 * Marks the current span's row and brings it into sight, a frame later.
 */
void
gloss_span_list_set_current (GlossSpanList *self,
                             guint          id)
{
  g_return_if_fail (GLOSS_IS_SPAN_LIST (self));

  if (self->current == id)
    return;

  self->current = id;
  self->current_dirty = id != NO_SPAN;
  queue_refresh (self);
}

/**
 * gloss_span_list_focus:
 *
 * Gives the keyboard focus to the row of the current span, or to the
 * first row, once the list is on screen.
 */
void
gloss_span_list_focus (GlossSpanList *self)
{
  g_return_if_fail (GLOSS_IS_SPAN_LIST (self));

  stop_focusing (self);
  self->focus_tries = 0;
  self->focus_scrolled = FALSE;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, self, NULL);
}

/**
 * gloss_span_list_is_pending:
 *
 * Returns: whether the list is still to follow a change, or to take the
 *   focus
 */
gboolean
gloss_span_list_is_pending (GlossSpanList *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_LIST (self), FALSE);

  return gloss_list_mirror_is_pending (self->mirror) || self->focus_tick != 0;
}

/**
 * gloss_span_list_get_list_view:
 *
 * Returns: (transfer none): the list view, whose model holds the rows
 *   shown
 */
GtkListView *
gloss_span_list_get_list_view (GlossSpanList *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_LIST (self), NULL);

  return self->list_view;
}

/**
 * gloss_span_list_get_filter:
 *
 * Returns: (transfer none): the drop-down of the labels to show
 */
GtkDropDown *
gloss_span_list_get_filter (GlossSpanList *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_LIST (self), NULL);

  return self->filter_dropdown;
}

/**
 * gloss_span_list_set_filter_label:
 * @label: (nullable): a span label's id, or %NULL for all
 *
 * Chooses in the drop-down the spans to show.
 *
 * Returns: whether the drop-down has @label
 */
gboolean
gloss_span_list_set_filter_label (GlossSpanList *self,
                                  const char    *label)
{
  g_return_val_if_fail (GLOSS_IS_SPAN_LIST (self), FALSE);

  for (guint i = 0; i < self->filter_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->filter_ids, i), label) == 0)
        {
          gtk_drop_down_set_selected (self->filter_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_span_list_dup_row_description:
 * @position: a row of the list as it is shown
 *
 * Returns: (nullable): what a screen reader hears of the row
 */
char *
gloss_span_list_dup_row_description (GlossSpanList *self,
                                     guint          position)
{
  g_autoptr(GlossSpan) span = NULL;

  g_return_val_if_fail (GLOSS_IS_SPAN_LIST (self), NULL);

  span = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (span == NULL || self->document == NULL)
    return NULL;

  return dup_description (self, span);
}
