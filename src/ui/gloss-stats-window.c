/* gloss-stats-window.c
 *
 * The folder's statistics (Ctrl+Shift+T): a page a table of GlossStats,
 * its chart (gloss-chart.c, drawn in a GtkDrawingArea) beside the table
 * of its numbers, which a screen reader reads. The numbers are counted in
 * a worker thread. Each chart exports as SVG or PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-chart.h"
#include "gloss-dialog-util.h"
#include "gloss-stats.h"
#include "gloss-stats-window.h"

typedef struct
{
  const GlossStatsTable *table;
  GlossChart            *chart;     /* drawn for the style in use */
  GtkWidget             *area;
} Page;

struct _GlossStatsWindow
{
  AdwWindow       parent_instance;

  GFile          *folder;
  GlossStats     *stats;
  GCancellable   *cancellable;
  GPtrArray      *pages;            /* of Page */
  gboolean        loaded;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack       *main_stack;
  GtkSpinner     *spinner;
  GtkStack       *chart_stack;
};

G_DEFINE_FINAL_TYPE (GlossStatsWindow, gloss_stats_window, ADW_TYPE_WINDOW)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
page_free (Page *page)
{
  g_clear_pointer (&page->chart, gloss_chart_free);
  g_free (page);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
update_chart (Page *page)
{
  g_clear_pointer (&page->chart, gloss_chart_free);
  page->chart = gloss_chart_new (page->table, is_dark ());
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (page->area), gloss_chart_get_width (page->chart));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (page->area), gloss_chart_get_height (page->chart));
  gtk_widget_queue_draw (page->area);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  Page *page = user_data;

  if (page->chart != NULL)
    gloss_chart_draw (page->chart, cr);
}

/* The table beside the chart ---------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column < 0 ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column >= 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Page                     *page)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  guint row = (guint)g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (item)), NULL, 10);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (column < 0)
    text = g_strdup (g_ptr_array_index (page->table->row_titles, row));
  else
    {
      GlossStatsColumn *info = g_ptr_array_index (page->table->columns, column);

      text = gloss_stats_format_value (info->value, gloss_stats_table_get (page->table, row, column));
    }
  gtk_label_set_text (label, text);
}

static void
add_table_column (GtkColumnView *view,
                  Page          *page,
                  int            column,
                  const char    *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), page);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column < 0);
  gtk_column_view_append_column (view, view_column);
}

static GtkWidget *
make_table (Page *page)
{
  const GlossStatsTable *table = page->table;
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GtkWidget *view;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  const char *header;

  for (guint r = 0; r < table->rows->len; r++)
    {
      g_autofree char *index = g_strdup_printf ("%u", r);

      gtk_string_list_append (rows, index);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
  gtk_widget_add_css_class (view, "data-table");

  if (g_str_equal (table->row_header, "document"))
    header = _("Document");
  else if (g_str_equal (table->row_header, "annotator"))
    header = _("Annotator");
  else
    header = _("Label");
  add_table_column (GTK_COLUMN_VIEW (view), page, -1, header);
  for (guint c = 0; c < table->columns->len; c++)
    add_table_column (GTK_COLUMN_VIEW (view), page, (int)c,
                      ((GlossStatsColumn *)g_ptr_array_index (table->columns, c))->title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, table->title, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 480, -1);

  return scrolled;
}

static void
add_page (GlossStatsWindow      *self,
          const GlossStatsTable *table)
{
  Page *page = g_new0 (Page, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autofree char *description = NULL;

  page->table = table;
  /* An image to a screen reader, which says where its numbers are */
  page->area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  gtk_widget_set_halign (page->area, GTK_ALIGN_START);
  gtk_widget_set_valign (page->area, GTK_ALIGN_START);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (page->area), draw_cb, page, NULL);
  description = g_strdup_printf (_("%s: a chart; the table beside it holds its numbers"), table->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->area), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  update_chart (page);
  g_ptr_array_add (self->pages, page);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page->area);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), make_table (page));

  gtk_stack_add_titled (self->chart_stack, box, table->id, table->title);
}

static void
on_dark_changed_cb (GlossStatsWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    update_chart (g_ptr_array_index (self->pages, i));
}

static void
on_collected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GlossStatsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gloss_stats_collect_finish (GLOSS_STATS (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, gloss_dialog_util_new_toast (error->message));
      return;
    }

  for (guint i = 0; i < gloss_stats_get_n_tables (self->stats); i++)
    add_page (self, gloss_stats_get_table (self->stats, i));

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "charts");
  self->loaded = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export", TRUE);
  g_signal_emit (self, signals[LOADED], 0);
}

/* Export ------------------------------------------------------------------ */

/**
 * gloss_stats_window_export:
 * @table_id: the page's table
 * @format: `svg` or `png`
 *
 * Writes that page's chart, in the light style whatever the window's.
 */
gboolean
gloss_stats_window_export (GlossStatsWindow  *self,
                           const char        *table_id,
                           const char        *format,
                           GFile             *file,
                           GError           **error)
{
  const GlossStatsTable *table;
  g_autoptr(GlossChart) chart = NULL;

  g_return_val_if_fail (GLOSS_IS_STATS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  table = gloss_stats_lookup_table (self->stats, table_id);
  g_return_val_if_fail (table != NULL, FALSE);

  chart = gloss_chart_new (table, FALSE);
  if (g_str_equal (format, "png"))
    return gloss_chart_write_png (chart, file, error);

  return gloss_chart_write_svg (chart, file, error);
}

typedef struct
{
  GlossStatsWindow *self;
  char             *table_id;
  char             *format;
} Exporting;

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       Exporting       *exporting)
{
  GlossStatsWindow *self = exporting->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!gloss_stats_window_export (self, exporting->table_id, exporting->format, file, &error))
        gloss_dialog_util_show_error (GTK_WINDOW (self), _("The chart could not be saved"), error);
      else
        {
          g_autofree char *name = gloss_dialog_util_dup_display_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved as %s"), name);

          adw_toast_overlay_add_toast (self->toast_overlay, gloss_dialog_util_new_toast (message));
        }
    }

  g_object_unref (self);
  g_free (exporting->table_id);
  g_free (exporting->format);
  g_free (exporting);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossStatsWindow *self = GLOSS_STATS_WINDOW (widget);
  const char *format = g_variant_get_string (param, NULL);
  const char *table_id = gtk_stack_get_visible_child_name (self->chart_stack);
  const GlossStatsTable *table;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  Exporting *exporting;
  g_autofree char *name = NULL;

  if (!self->loaded || table_id == NULL || (table = gloss_stats_lookup_table (self->stats, table_id)) == NULL)
    return;

  chooser = gloss_dialog_util_new_chooser (GTK_WINDOW (self),
                                           g_str_equal (format, "png") ? _("Export the Chart as PNG")
                                                                       : _("Export the Chart as SVG"),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  name = g_strdup_printf ("%s.%s", table->id, g_str_equal (format, "png") ? "png" : "svg");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, g_str_equal (format, "png") ? _("PNG images") : _("SVG drawings"));
  gtk_file_filter_add_mime_type (filter, g_str_equal (format, "png") ? "image/png" : "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  exporting = g_new0 (Exporting, 1);
  exporting->self = g_object_ref (self);
  exporting->table_id = g_strdup (table_id);
  exporting->format = g_strdup (format);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), exporting);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The object -------------------------------------------------------------- */

static void
gloss_stats_window_dispose (GObject *object)
{
  GlossStatsWindow *self = GLOSS_STATS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  G_OBJECT_CLASS (gloss_stats_window_parent_class)->dispose (object);
}

static void
gloss_stats_window_finalize (GObject *object)
{
  GlossStatsWindow *self = GLOSS_STATS_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_ptr_array_unref (self->pages);
  g_clear_object (&self->stats);

  G_OBJECT_CLASS (gloss_stats_window_parent_class)->finalize (object);
}

static void
gloss_stats_window_class_init (GlossStatsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_stats_window_dispose;
  object_class->finalize = gloss_stats_window_finalize;

  /**
   * GlossStatsWindow::loaded:
   *
   * The numbers are counted and the charts shown.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gloss_annotator/Gloss/gloss-stats-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossStatsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossStatsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossStatsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossStatsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossStatsWindow, chart_stack);

  gtk_widget_class_install_action (widget_class, "stats.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_stats_window_init (GlossStatsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export", FALSE);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed_cb), self);
}

/**
 * gloss_stats_window_new:
 * @folder: whose texts are counted, in a worker thread, at once
 */
GlossStatsWindow *
gloss_stats_window_new (GFile *folder)
{
  GlossStatsWindow *self = g_object_new (GLOSS_TYPE_STATS_WINDOW, NULL);
  g_autofree char *name = g_file_get_basename (folder);

  self->folder = g_object_ref (folder);
  self->stats = gloss_stats_new ();
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gloss_stats_collect_async (self->stats, folder, self->cancellable, on_collected_cb, g_object_ref (self));

  return self;
}

gboolean
gloss_stats_window_get_loaded (GlossStatsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATS_WINDOW (self), FALSE);

  return self->loaded;
}

/**
 * gloss_stats_window_show_page:
 *
 * Shows the page of the table @id.
 */
void
gloss_stats_window_show_page (GlossStatsWindow *self,
                              const char       *id)
{
  g_return_if_fail (GLOSS_IS_STATS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->chart_stack, id);
}

GlossStats *
gloss_stats_window_get_stats (GlossStatsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATS_WINDOW (self), NULL);

  return self->stats;
}
