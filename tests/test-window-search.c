/* test-window-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder's search in the real window under Xvfb, on a copy of
 * tests/data/export-spans (German and English, CR LF, „…“, 😊, spans and
 * relations): Ctrl+Shift+F's action, typing (the search runs in a worker
 * and never blocks), the KWIC list, a bad regular expression, the filter
 * of quotes without a frame, a row opened in its document with the match
 * selected, a hit tagged from the list with a sentence label (by its key)
 * and as a span, and the saved files. The folder's statistics (Ctrl+Shift+T):
 * its pages, the tables a screen reader reads, the charts exported as SVG
 * and PNG, the agreement page for annotators' copies.
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-corpus-search.h"
#include "gloss-document.h"
#include "gloss-search.h"
#include "gloss-stats-window.h"
#include "gloss-window.h"

#include <cairo.h>

#include "gloss-test-util.h"

static GlossApplication *app;

typedef struct
{
  char              *dir;
  GlossWindow       *window;
  GlossCorpusSearch *search;
  guint              done;   /* searches finished */
} Fixture;

static void
on_search_done_cb (GlossCorpusSearch *search,
                   Fixture           *fixture)
{
  fixture->done++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "export-spans", NULL);
  g_autoptr(GError) error = NULL;

  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Annotator");
  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);

  fixture->dir = g_dir_make_tmp ("gloss-search-XXXXXX", &error);
  g_assert_no_error (error);
  copy_tree (source, fixture->dir);
  fixture->window = open_window (fixture->dir);
  wait_for (document_shown, fixture->window, "the folder's first document");

  g_assert_null (gloss_window_get_corpus_search (fixture->window));
  g_assert_true (activate (fixture->window, "win.search-corpus", NULL));
  fixture->search = GLOSS_CORPUS_SEARCH (gloss_window_get_corpus_search (fixture->window));
  g_assert_nonnull (fixture->search);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->search)));
  g_signal_connect (fixture->search, "search-done", G_CALLBACK (on_search_done_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wait_for (all_saved, fixture->window, "the last autosave");
  g_signal_handlers_disconnect_by_data (fixture->search, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
search_done (gpointer data)
{
  Fixture *fixture = data;

  return fixture->done > 0 && !gloss_corpus_search_get_searching (fixture->search);
}

/* Types @text as a user would, and waits for the list */
static void
type_full (Fixture    *fixture,
           const char *text,
           gboolean    in_worker)
{
  GtkSearchEntry *entry = gloss_corpus_search_get_entry (fixture->search);

  fixture->done = 0;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits a moment for more typing; then a worker searches */
  g_signal_emit_by_name (entry, "search-changed");
  if (in_worker)
    {
      /* The list is not there yet: the worker has it */
      g_assert_true (gloss_corpus_search_get_searching (fixture->search));
      g_assert_cmpuint (fixture->done, ==, 0);
    }
  wait_for (search_done, fixture, "the search");
}

static void
type (Fixture    *fixture,
      const char *text)
{
  type_full (fixture, text, FALSE);
}

/* "document start:match [labels]" of each row */
static char *
describe_rows (Fixture *fixture)
{
  GListModel *hits = gloss_corpus_search_get_hits (fixture->search);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(GlossSearchHit) hit = g_list_model_get_item (hits, i);
      const char * const *labels = gloss_search_hit_get_labels (hit);
      g_autofree char *joined = g_strjoinv (",", (char **)labels);

      g_string_append_printf (out, "%s %u:%s [%s]\n", gloss_search_hit_get_document (hit),
                              gloss_search_hit_get_start (hit), gloss_search_hit_get_match (hit), joined);
    }

  return g_string_free (out, FALSE);
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_column_view (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static gboolean
is_drop_down_with (GtkWidget     *widget,
                   gconstpointer  text)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget) || (model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
select_in_drop_down (Fixture    *fixture,
                     const char *text)
{
  GtkWidget *drop_down = find_widget (GTK_WIDGET (fixture->search), is_drop_down_with, text);
  GListModel *model;

  g_assert_nonnull (drop_down);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
}

static gboolean
is_search_section (GtkWidget     *widget,
                   gconstpointer  data)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_SHORTCUTS_SECTION (widget))
    return FALSE;
  g_object_get (widget, "section-name", &name, NULL);

  return g_strcmp0 (name, "search") == 0;
}

static gboolean
is_search_shortcut (GtkWidget     *widget,
                    gconstpointer  data)
{
  g_autofree char *accelerator = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, NULL);

  return g_strcmp0 (accelerator, "<Control><Shift>f") == 0;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *rows = NULL;
  GtkWidget *regex;
  GtkWindow *shortcuts;
  GtkWidget *section;

  /* The shortcuts window has the search, in a section of its own (GTK 4.8
   * aborts on a section of too many groups) */
  g_assert_true (activate (fixture->window, "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  section = find_widget (GTK_WIDGET (shortcuts), is_search_section, NULL);
  g_assert_nonnull (section);
  g_assert_nonnull (find_widget (section, is_search_shortcut, NULL));
  gtk_window_destroy (shortcuts);

  type_full (fixture, "SAID", TRUE);
  rows = describe_rows (fixture);
  g_assert_cmpstr (rows, ==,
                   "en/briefing.txt 75:said []\n"
                   "en/briefing.txt 125:said [claim]\n"
                   "en/plain.txt 62:said []\n");
  g_assert_cmpstr (gloss_corpus_search_get_status (fixture->search), ==, "3 hits in 2 of 3 documents");
  g_assert_true (label_shows (GTK_WIDGET (fixture->search), "Critics"));

  /* Words across CR LF */
  type (fixture, "AUFHÖREN.“ der");
  g_free (rows);
  rows = describe_rows (fixture);
  g_assert_cmpstr (rows, ==, "de/interview.txt 160:aufhören.“\r\nDer []\n");

  /* A bad regular expression says why, and shows nothing */
  regex = find_widget (GTK_WIDGET (fixture->search), button_labelled, ".*");
  g_assert_nonnull (regex);
  fixture->done = 0;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (regex), TRUE);
  wait_for (search_done, fixture, "the search");
  type (fixture, "sag(te");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_corpus_search_get_hits (fixture->search)), ==, 0);
  g_assert_true (g_str_has_prefix (gloss_corpus_search_get_status (fixture->search),
                                   "“sag(te” is not a valid regular expression: "));
  type (fixture, "sag(te|en)");
  g_free (rows);
  rows = describe_rows (fixture);
  g_assert_cmpstr (rows, ==, "de/interview.txt 68:sagte []\n");

  /* Quotes without a frame, listed whole without a pattern */
  fixture->done = 0;
  select_in_drop_down (fixture, "“Quote” without “Frame”");
  wait_for (search_done, fixture, "the search");
  type (fixture, "");
  g_free (rows);
  rows = describe_rows (fixture);
  g_assert_cmpstr (rows, ==,
                   "de/interview.txt 189:kritisierte die Pläne scharf [claim]\n"
                   "en/briefing.txt 130:the plan was rushed. It ignores drivers [claim]\n");
}

static gboolean
briefing_selected (gpointer data)
{
  Fixture *fixture = data;
  GlossDocument *document = gloss_window_get_document (fixture->window);
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (fixture->window));
  g_autofree char *name = NULL;
  guint start, end;

  if (document == NULL || !document_shown (fixture->window))
    return FALSE;
  name = g_file_get_basename (gloss_document_get_file (document));

  return g_str_equal (name, "briefing.txt") &&
         gloss_article_view_get_selection (view, &start, &end) && start == 125 && end == 129;
}

static gboolean
plain_tagged (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *path = g_build_filename (fixture->dir, "en", "plain.txt.gloss.json", NULL);
  g_autofree char *contents = read_file (path);

  return contents != NULL && g_strrstr (contents, "a driver said 😊.\", \"note\"") != NULL;
}

static gboolean
row_has_claim (gpointer data)
{
  Fixture *fixture = data;
  GListModel *hits = gloss_corpus_search_get_hits (fixture->search);
  g_autoptr(GlossSearchHit) hit = NULL;

  if (g_list_model_get_n_items (hits) != 3 || gloss_corpus_search_get_searching (fixture->search))
    return FALSE;
  hit = g_list_model_get_item (hits, 2);

  return gloss_search_hit_get_labels (hit)[0] != NULL &&
         g_str_equal (gloss_search_hit_get_labels (hit)[0], "claim");
}

static void
assert_annotation (const char *path,
                   const char *label,
                   guint       start,
                   guint       end,
                   const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *annotations;
  gboolean found = FALSE;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *annotation = json_array_get_object_element (annotations, i);

      if (g_str_equal (json_object_get_string_member (annotation, "label"), label) &&
          json_object_get_int_member (annotation, "start") == start)
        {
          g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==, end);
          g_assert_cmpstr (json_object_get_string_member (annotation, "text"), ==, text);
          g_assert_cmpstr (json_object_get_string_member (annotation, "annotator"), ==, "Test Annotator");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static gboolean
span_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *path = g_build_filename (fixture->dir, "en", "briefing.txt.gloss.json", NULL);
  g_autofree char *contents = read_file (path);

  return contents != NULL &&
         g_strrstr (contents, "\"label\": \"addressee\", \"parts\": [[75, 79]], \"text\": [\"said\"]") != NULL;
}

static void
test_open_and_tag (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture->dir, "en", "plain.txt.gloss.json", NULL);
  GtkWidget *column_view;
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;

  type (fixture, "said");

  /* Enter in the entry goes to the list */
  g_signal_emit_by_name (gloss_corpus_search_get_entry (fixture->search), "activate");
  g_assert_true (gtk_widget_has_focus (find_widget (GTK_WIDGET (fixture->search), is_column_view, NULL)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->search)),
                                         find_widget (GTK_WIDGET (fixture->search), is_column_view, NULL)));

  /* A row opens its document with the match selected */
  gloss_corpus_search_select (fixture->search, 1);
  g_assert_true (activate (fixture->search, "search.open", NULL));
  wait_for (briefing_selected, fixture, "the hit selected in briefing.txt");

  /* The claim key (k) on the list labels the third hit's sentence */
  gloss_corpus_search_select (fixture->search, 2);
  column_view = find_widget (GTK_WIDGET (fixture->search), is_column_view, NULL);
  controllers = gtk_widget_observe_controllers (column_view);
  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_k, 0, 0, &handled);
    }
  g_assert_true (handled);
  wait_for (plain_tagged, fixture, "the claim in plain.txt's file");
  wait_for (all_saved, fixture->window, "the save");
  assert_annotation (plain, "claim", 30, 69, "“It took long enough,” a driver said 😊.");

  /* The list is searched again and shows the label */
  wait_for (row_has_claim, fixture, "the claim in the list");

  /* A span label from the drop-down tags the match as a span */
  gloss_corpus_search_select (fixture->search, 0);
  select_in_drop_down (fixture, "Addressee");
  g_assert_true (activate (fixture->search, "search.tag", NULL));
  wait_for (span_saved, fixture, "the addressee span in briefing.txt's file");
}

static gboolean
stats_loaded (gpointer data)
{
  return gloss_stats_window_get_loaded (data);
}

static GlossStatsWindow *
open_stats (GlossWindow *window)
{
  GlossStatsWindow *stats;

  g_assert_true (activate (window, "win.statistics", NULL));
  stats = GLOSS_STATS_WINDOW (gloss_window_get_stats_window (window));
  g_assert_nonnull (stats);
  wait_for (stats_loaded, stats, "the statistics");

  return stats;
}

static gboolean
is_stack_sidebar (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK_SIDEBAR (widget);
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossStatsWindow *stats = open_stats (fixture->window);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (stats), is_stack_sidebar, NULL);
  GtkStack *stack = gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (sidebar));
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  g_autofree char *svg_path = g_build_filename (fixture->dir, "labels.svg", NULL);
  g_autofree char *png_path = g_build_filename (fixture->dir, "cooccurrence.png", NULL);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  /* A page a table; no agreement without annotators' copies */
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "labels");
  g_assert_true (label_is (GTK_WIDGET (stats), "Speaker"));
  g_assert_true (label_is (GTK_WIDGET (stats), "Annotations and spans"));
  g_assert_true (label_is (GTK_WIDGET (stats), "5"));

  gloss_stats_window_show_page (stats, "annotators");
  spin (50);
  g_assert_true (label_is (GTK_WIDGET (stats), "Grace"));
  g_assert_true (label_is (GTK_WIDGET (stats), "36 %"));

  /* The charts as files */
  g_assert_true (gloss_stats_window_export (stats, "labels", "svg", svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  g_assert_nonnull (strstr (svg, ">Speaker</text>"));
  g_assert_nonnull (strstr (svg, "<rect class=\"bar\""));
  g_assert_true (gloss_stats_window_export (stats, "cooccurrence", "png", png_file, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 400);
  cairo_surface_destroy (surface);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (stats)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stats), "window.close", NULL));
}

static void
test_statistics_agreement (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "agreement", "study", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-stats-XXXXXX", &error);
  GlossWindow *window;
  GlossStatsWindow *stats;

  copy_tree (source, dir);
  window = open_window (dir);
  wait_for (document_shown, window, "the folder's first document");
  stats = open_stats (window);

  gloss_stats_window_show_page (stats, "agreement");
  spin (50);
  g_assert_true (label_is (GTK_WIDGET (stats), "Cohen’s κ"));
  g_assert_true (label_is (GTK_WIDGET (stats), "0.47"));
  g_assert_true (label_is (GTK_WIDGET (stats), "0.49"));

  wait_for (all_saved, window, "the last autosave");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/window-search/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/gloss/window-search/open-and-tag", Fixture, NULL, fixture_set_up, test_open_and_tag,
              fixture_tear_down);

  g_test_add ("/gloss/window-search/statistics", Fixture, NULL, fixture_set_up, test_statistics, fixture_tear_down);
  g_test_add_func ("/gloss/window-search/statistics-agreement", test_statistics_agreement);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
