/* gloss-corpus-search.c
 *
 * The folder's search (Ctrl+Shift+F): words or a regular expression in
 * every text of the folder, optionally only where a label is or is not,
 * as a keyword-in-context list. The search runs in a worker thread
 * (gloss_search_run_async()), a new one cancelling the last, so typing
 * never waits. A hit opens in the window, and is tagged from the list, by
 * the window's actions `win.go-to-hit` and `win.tag-hit`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-corpus-search.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-search.h"

typedef enum
{
  FILTER_EVERYWHERE,
  FILTER_IN,
  FILTER_NOT_IN,
  FILTER_SPAN_WITHOUT,
} FilterKind;

typedef struct
{
  FilterKind  kind;
  char       *label;
  char       *relation;
} Filter;

struct _GlossCorpusSearch
{
  AdwWindow          parent_instance;

  GFile             *folder;
  GlossLabelSet     *labels;
  GListStore        *hits;
  GtkSingleSelection *selection;
  GCancellable      *cancellable;
  GArray            *filters;      /* of Filter, as the filter drop-down lists them */
  GPtrArray         *tag_labels;   /* label ids, as the tag drop-down lists them */
  guint              generation;   /* of the search whose hits are shown */
  gboolean           searching;

  AdwWindowTitle    *window_title;
  GtkSearchEntry    *entry;
  GtkToggleButton   *regex_button;
  GtkToggleButton   *whole_button;
  GtkToggleButton   *case_button;
  GtkDropDown       *filter_dropdown;
  GtkLabel          *status_label;
  GtkColumnView     *column_view;
  GtkDropDown       *tag_dropdown;
};

G_DEFINE_FINAL_TYPE (GlossCorpusSearch, gloss_corpus_search, ADW_TYPE_WINDOW)

enum {
  SEARCH_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
filter_clear (gpointer data)
{
  Filter *filter = data;

  g_free (filter->label);
  g_free (filter->relation);
}

/* The text of the context as one line: line breaks and tabs as spaces */
static char *
flatten (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
label_name (GlossCorpusSearch *self,
            const char        *id)
{
  GlossLabel *label = self->labels ? gloss_label_set_lookup (self->labels, id) : NULL;

  return label != NULL ? gloss_label_get_display_name (label) : id;
}

static char *
describe_labels (GlossCorpusSearch *self,
                 GlossSearchHit    *hit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *labels = gloss_search_hit_get_labels (hit);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; labels[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", out->len ? ", " : "", label_name (self, labels[i]));
  for (guint i = 0; i < gloss_search_hit_get_n_spans (hit); i++)
    {
      const char *id = gloss_search_hit_get_span_label (hit, i);

      if (g_hash_table_add (seen, (gpointer)id))
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", label_name (self, id));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The columns ------------------------------------------------------------- */

typedef enum
{
  COLUMN_DOCUMENT,
  COLUMN_LEFT,
  COLUMN_MATCH,
  COLUMN_RIGHT,
  COLUMN_LABELS,
} Column;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  switch (column)
    {
    case COLUMN_LEFT:
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      break;

    case COLUMN_MATCH:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "heading");
      break;

    case COLUMN_DOCUMENT:
    case COLUMN_RIGHT:
    case COLUMN_LABELS:
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    }
  if (column == COLUMN_DOCUMENT || column == COLUMN_LABELS)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GlossCorpusSearch        *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GlossSearchHit *hit = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_DOCUMENT:
      text = g_strdup (gloss_search_hit_get_document (hit));
      break;

    case COLUMN_LEFT:
      text = flatten (gloss_search_hit_get_left (hit));
      break;

    case COLUMN_MATCH:
      text = flatten (gloss_search_hit_get_match (hit));
      break;

    case COLUMN_RIGHT:
      text = flatten (gloss_search_hit_get_right (hit));
      break;

    case COLUMN_LABELS:
    default:
      text = describe_labels (self, hit);
      break;
    }

  gtk_label_set_text (label, text);
}

static void
add_column (GlossCorpusSearch *self,
            Column             column,
            const char        *title,
            gboolean           expand,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Searching --------------------------------------------------------------- */

static void
set_status (GlossCorpusSearch *self,
            const char        *status,
            gboolean           error)
{
  gtk_label_set_text (self->status_label, status);
  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
    }
}

static void
update_actions (GlossCorpusSearch *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.open", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.tag", selected && self->tag_labels->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.tag-with", selected);
}

static void
show_hits (GlossCorpusSearch *self,
           GPtrArray         *hits)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->hits));

  g_list_store_splice (self->hits, 0, n_old, hits ? hits->pdata : NULL, hits ? hits->len : 0);
  if (hits != NULL && hits->len > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_actions (self);
}

typedef struct
{
  GlossCorpusSearch *self;
  guint              generation;
} Pending;

static void
on_search_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GlossCorpusSearch) self = pending->self;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint generation = pending->generation;

  g_free (pending);
  hits = gloss_search_run_finish (GLOSS_SEARCH (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || generation != self->generation)
    return;

  self->searching = FALSE;
  if (hits == NULL)
    {
      show_hits (self, NULL);
      set_status (self, error->message, TRUE);
      g_signal_emit (self, signals[SEARCH_DONE], 0);
      return;
    }

  documents = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (documents, (gpointer)gloss_search_hit_get_document (g_ptr_array_index (hits, i)));

  if (hits->len == 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No hits in %u document", "No hits in %u documents",
                                           gloss_search_get_n_documents (GLOSS_SEARCH (object))),
                              gloss_search_get_n_documents (GLOSS_SEARCH (object)));
  else
    {
      g_autofree char *n_hits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hit", "%u hits", hits->len),
                                                 hits->len);

      /* Translators: “12 hits” in “3 of 100 documents” */
      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u of %u document", "%s in %u of %u documents",
                                             gloss_search_get_n_documents (GLOSS_SEARCH (object))),
                                n_hits, g_hash_table_size (documents),
                                gloss_search_get_n_documents (GLOSS_SEARCH (object)));
    }

  show_hits (self, hits);
  set_status (self, status, FALSE);
  g_signal_emit (self, signals[SEARCH_DONE], 0);
}

static void
start_search (GlossCorpusSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  const Filter *filter = NULL;
  g_autoptr(GlossSearch) search = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  GlossSearchFlags flags = GLOSS_SEARCH_NONE;
  Pending *pending;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->searching = FALSE;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->filters->len)
    filter = &g_array_index (self->filters, Filter, selected);

  if (self->folder == NULL ||
      (text[0] == '\0' && (filter == NULL || filter->kind != FILTER_SPAN_WITHOUT)))
    {
      show_hits (self, NULL);
      set_status (self, "", FALSE);
      return;
    }

  if (gtk_toggle_button_get_active (self->regex_button))
    flags |= GLOSS_SEARCH_REGEX;
  if (gtk_toggle_button_get_active (self->whole_button))
    flags |= GLOSS_SEARCH_WHOLE_WORDS;
  if (gtk_toggle_button_get_active (self->case_button))
    flags |= GLOSS_SEARCH_CASE_SENSITIVE;

  search = gloss_search_new (text, flags, &error);
  if (search == NULL)
    {
      show_hits (self, NULL);
      set_status (self, error->message, TRUE);
      g_signal_emit (self, signals[SEARCH_DONE], 0);
      return;
    }

  if (filter != NULL)
    switch (filter->kind)
      {
      case FILTER_IN:
        gloss_search_add_in (search, filter->label);
        break;

      case FILTER_NOT_IN:
        gloss_search_add_not_in (search, filter->label);
        break;

      case FILTER_SPAN_WITHOUT:
        gloss_search_set_span (search, filter->label);
        gloss_search_add_without (search, filter->relation);
        break;

      case FILTER_EVERYWHERE:
      default:
        break;
      }

  self->cancellable = g_cancellable_new ();
  self->searching = TRUE;
  set_status (self, _("Searching…"), FALSE);
  inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (inputs, g_object_ref (self->folder));
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->generation = self->generation;
  gloss_search_run_async (search, inputs, self->cancellable, on_search_done_cb, pending);
}

static void
on_search_changed_cb (GlossCorpusSearch *self)
{
  start_search (self);
}

/* Enter in the entry goes to the list, at its selected hit */
static void
on_entry_activate_cb (GlossCorpusSearch *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->hits)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* The filters and the labels to tag with ---------------------------------- */

static void
add_filter (GlossCorpusSearch *self,
            GtkStringList     *names,
            FilterKind         kind,
            const char        *label,
            const char        *relation,
            const char        *name)
{
  Filter filter = { kind, g_strdup (label), g_strdup (relation) };

  g_array_append_val (self->filters, filter);
  gtk_string_list_append (names, name);
}

static void
update_labels (GlossCorpusSearch *self)
{
  g_autoptr(GtkStringList) filter_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tag_names = gtk_string_list_new (NULL);
  GlossLabelSet *relations = self->labels ? gloss_label_set_get_relation_labels (self->labels) : NULL;
  guint n = self->labels ? gloss_label_set_get_n_labels (self->labels) : 0;

  g_array_set_size (self->filters, 0);
  g_ptr_array_set_size (self->tag_labels, 0);

  add_filter (self, filter_names, FILTER_EVERYWHERE, NULL, NULL, _("Everywhere"));
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);
      g_autofree char *in = g_strdup_printf (_("In “%s”"), gloss_label_get_display_name (label));

      add_filter (self, filter_names, FILTER_IN, gloss_label_get_id (label), NULL, in);
    }
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);
      g_autofree char *not_in = g_strdup_printf (_("Not in “%s”"), gloss_label_get_display_name (label));

      add_filter (self, filter_names, FILTER_NOT_IN, gloss_label_get_id (label), NULL, not_in);
    }

  /* A span label without each relation that starts at it: quotes without
   * a speaker */
  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);

      if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN)
        continue;
      for (guint r = 0; relations != NULL && r < gloss_label_set_get_n_labels (relations); r++)
        {
          GlossLabel *relation = gloss_label_set_get_label (relations, r);
          const char * const *from = gloss_label_get_from (relation);
          g_autofree char *name = NULL;

          if (from == NULL || !g_strv_contains (from, gloss_label_get_id (label)))
            continue;
          /* Translators: a filter of the search: quotes without a speaker */
          name = g_strdup_printf (_("“%s” without “%s”"), gloss_label_get_display_name (label),
                                  gloss_label_get_display_name (relation));
          add_filter (self, filter_names, FILTER_SPAN_WITHOUT, gloss_label_get_id (label),
                      gloss_label_get_id (relation), name);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      GlossLabel *label = gloss_label_set_get_label (self->labels, i);

      g_ptr_array_add (self->tag_labels, g_strdup (gloss_label_get_id (label)));
      gtk_string_list_append (tag_names, gloss_label_get_display_name (label));
    }

  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filter_names));
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tag_names));
  update_actions (self);
}

/* Actions ----------------------------------------------------------------- */

static GlossSearchHit *
get_selected (GlossCorpusSearch *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static GtkWidget *
get_main_window (GlossCorpusSearch *self)
{
  return GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossCorpusSearch *self = GLOSS_CORPUS_SEARCH (widget);
  GlossSearchHit *hit = get_selected (self);
  GtkWidget *window = get_main_window (self);
  g_autofree char *uri = NULL;

  if (hit == NULL || window == NULL || gloss_search_hit_get_file (hit) == NULL)
    return;

  uri = g_file_get_uri (gloss_search_hit_get_file (hit));
  gtk_widget_activate_action (window, "win.go-to-hit", "(suu)", uri,
                              gloss_search_hit_get_start (hit), gloss_search_hit_get_end (hit));
}

static void
tag_hit (GlossCorpusSearch *self,
         const char        *label)
{
  GlossSearchHit *hit = get_selected (self);
  GtkWidget *window = get_main_window (self);
  g_autofree char *uri = NULL;

  if (hit == NULL || window == NULL || gloss_search_hit_get_file (hit) == NULL)
    return;

  uri = g_file_get_uri (gloss_search_hit_get_file (hit));
  gtk_widget_activate_action (window, "win.tag-hit", "(suus)", uri,
                              gloss_search_hit_get_start (hit), gloss_search_hit_get_end (hit), label);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  GlossCorpusSearch *self = GLOSS_CORPUS_SEARCH (widget);
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (selected < self->tag_labels->len)
    tag_hit (self, g_ptr_array_index (self->tag_labels, selected));
}

static void
tag_with_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  tag_hit (GLOSS_CORPUS_SEARCH (widget), g_variant_get_string (param, NULL));
}

static void
on_activate_cb (GtkColumnView     *view,
                guint              position,
                GlossCorpusSearch *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "search.open", NULL);
}

/* A label's key in the list tags the hit with it */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GlossCorpusSearch     *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gunichar ch = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  char key[7] = { 0 };
  GlossLabel *label;

  if ((mods & ~GDK_SHIFT_MASK) != 0 || ch == 0 || self->labels == NULL || g_unichar_isspace (ch))
    return FALSE;

  g_unichar_to_utf8 (ch, key);
  label = gloss_label_set_lookup_key (self->labels, key);
  if (label == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "search.tag-with", "s", gloss_label_get_id (label));
}

static void
on_selection_changed_cb (GlossCorpusSearch *self)
{
  update_actions (self);
}

/* The object -------------------------------------------------------------- */

static void
gloss_corpus_search_dispose (GObject *object)
{
  GlossCorpusSearch *self = GLOSS_CORPUS_SEARCH (object);

  /* A search that ends after this is not shown */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_corpus_search_parent_class)->dispose (object);
}

static void
gloss_corpus_search_finalize (GObject *object)
{
  GlossCorpusSearch *self = GLOSS_CORPUS_SEARCH (object);

  g_clear_object (&self->folder);
  g_clear_object (&self->labels);
  g_clear_object (&self->hits);
  g_clear_object (&self->selection);
  g_array_unref (self->filters);
  g_ptr_array_unref (self->tag_labels);

  G_OBJECT_CLASS (gloss_corpus_search_parent_class)->finalize (object);
}

static void
gloss_corpus_search_class_init (GlossCorpusSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_corpus_search_dispose;
  object_class->finalize = gloss_corpus_search_finalize;

  /**
   * GlossCorpusSearch::search-done:
   *
   * A search finished and its hits are in the list (or it failed and
   * says why); for tests and the benchmark.
   */
  signals[SEARCH_DONE] = g_signal_new ("search-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gloss_annotator/Gloss/gloss-corpus-search.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, regex_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, whole_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, case_button);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, column_view);
  gtk_widget_class_bind_template_child (widget_class, GlossCorpusSearch, tag_dropdown);

  gtk_widget_class_install_action (widget_class, "search.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "search.tag", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "search.tag-with", "s", tag_with_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_corpus_search_init (GlossCorpusSearch *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filters = g_array_new (FALSE, FALSE, sizeof (Filter));
  g_array_set_clear_func (self->filters, filter_clear);
  self->tag_labels = g_ptr_array_new_with_free_func (g_free);
  self->hits = g_list_store_new (GLOSS_TYPE_SEARCH_HIT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->hits)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, COLUMN_DOCUMENT, _("Document"), FALSE, 180);
  add_column (self, COLUMN_LEFT, _("Before"), TRUE, -1);
  add_column (self, COLUMN_MATCH, C_("search hit", "Match"), FALSE, -1);
  add_column (self, COLUMN_RIGHT, _("After"), TRUE, -1);
  add_column (self, COLUMN_LABELS, _("Labels"), FALSE, 140);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect_swapped (self->regex_button, "toggled", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->whole_button, "toggled", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->case_button, "toggled", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);

  update_labels (self);
}

GlossCorpusSearch *
gloss_corpus_search_new (void)
{
  return g_object_new (GLOSS_TYPE_CORPUS_SEARCH, NULL);
}

/**
 * gloss_corpus_search_set_folder:
 * @folder: (nullable): the folder whose texts are searched
 * @labels: (nullable): its labels, for the filters, the names and tagging
 */
void
gloss_corpus_search_set_folder (GlossCorpusSearch *self,
                                GFile             *folder,
                                GlossLabelSet     *labels)
{
  g_return_if_fail (GLOSS_IS_CORPUS_SEARCH (self));

  if (g_set_object (&self->folder, folder))
    {
      g_autofree char *name = folder ? g_file_get_basename (folder) : NULL;

      adw_window_title_set_subtitle (self->window_title, name ? name : "");
    }
  g_set_object (&self->labels, labels);
  update_labels (self);
  start_search (self);
}

/**
 * gloss_corpus_search_search:
 *
 * Searches again, at once (a tag changed the labels shown).
 */
void
gloss_corpus_search_search (GlossCorpusSearch *self)
{
  g_return_if_fail (GLOSS_IS_CORPUS_SEARCH (self));

  start_search (self);
}

/**
 * gloss_corpus_search_focus_entry:
 *
 * Puts the keyboard focus into the search entry, its text selected.
 */
void
gloss_corpus_search_focus_entry (GlossCorpusSearch *self)
{
  g_return_if_fail (GLOSS_IS_CORPUS_SEARCH (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

GtkSearchEntry *
gloss_corpus_search_get_entry (GlossCorpusSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_SEARCH (self), NULL);

  return self->entry;
}

/**
 * gloss_corpus_search_get_hits:
 *
 * Returns: (transfer none): the hits shown, a list of #GlossSearchHit
 */
GListModel *
gloss_corpus_search_get_hits (GlossCorpusSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_SEARCH (self), NULL);

  return G_LIST_MODEL (self->hits);
}

/**
 * gloss_corpus_search_select:
 *
 * Selects the hit at @position, as a click or the arrow keys do.
 */
void
gloss_corpus_search_select (GlossCorpusSearch *self,
                            guint              position)
{
  g_return_if_fail (GLOSS_IS_CORPUS_SEARCH (self));

  gtk_single_selection_set_selected (self->selection, position);
}

gboolean
gloss_corpus_search_get_searching (GlossCorpusSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_SEARCH (self), FALSE);

  return self->searching;
}

const char *
gloss_corpus_search_get_status (GlossCorpusSearch *self)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS_SEARCH (self), NULL);

  return gtk_label_get_text (self->status_label);
}
