/* test-adjudication-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The adjudication window under Xvfb, on copies of Ada's and Bea's
 * folders of tests/data/agreement/study: the documents listed with their
 * disagreements, the actions that the keys trigger, and the gold copy
 * that the autosave writes.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-adjudication.h"
#include "gloss-adjudication-window.h"
#include "gloss-application.h"
#include "gloss-saver.h"

#include "gloss-test-util.h"

static GlossApplication *app;

static gboolean
documents_listed (gpointer data)
{
  return gloss_adjudication_window_get_n_documents (data) > 0;
}

static gboolean
adjudication_shown (gpointer data)
{
  return g_strcmp0 (gloss_adjudication_window_get_page (data), "document") == 0 &&
         gloss_adjudication_window_get_saver (data) != NULL;
}

static gboolean
adjudication_saved (gpointer data)
{
  GlossSaver *saver = gloss_adjudication_window_get_saver (data);

  return saver != NULL && !gloss_saver_get_dirty (saver) &&
         gloss_saver_get_state (saver) == GLOSS_SAVER_SAVED;
}

static char *
read_file_in (const char *dir,
              const char *path)
{
  g_autofree char *filename = g_build_filename (dir, path, NULL);

  return read_file (filename);
}

/* The labels of the gold annotations of the sentence at @start, checking
 * that the adjudicator made each */
static char *
gold_labels_at (JsonObject *root,
                gint64      start,
                const char *adjudicator)
{
  JsonArray *annotations = json_object_get_array_member (root, "annotations");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *annotation = json_array_get_object_element (annotations, i);

      if (json_object_get_int_member (annotation, "start") != start)
        continue;
      if (adjudicator != NULL)
        g_assert_cmpstr (json_object_get_string_member (annotation, "annotator"), ==, adjudicator);
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, json_object_get_string_member (annotation, "label"));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static JsonObject *
load_gold (const char *dir)
{
  g_autofree char *contents = read_file_in (dir, "gold/de/rathaus.txt.gloss.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
claim_saved (gpointer data)
{
  g_autoptr(JsonObject) root = load_gold (data);
  g_autofree char *labels = gold_labels_at (root, 0, NULL);

  return g_strcmp0 (labels, "claim,source,quote") == 0;
}

static guint
n_decisions (JsonObject *root)
{
  JsonObject *meta = json_object_get_object_member (root, "meta");
  JsonObject *adjudication = json_object_get_object_member (meta, "adjudication");

  return json_array_get_length (json_object_get_array_member (adjudication, "decisions"));
}

static void
test_adjudicate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-adjudication-ui-XXXXXX", &error);
  g_autofree char *gold_path = g_build_filename (dir, "gold", NULL);
  g_autoptr(GFile) gold = g_file_new_for_path (gold_path);
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *adjudicator = gloss_application_dup_annotator (app);
  g_autofree char *ada_before = NULL;
  g_autofree char *ada_after = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) third = NULL;
  g_autofree char *sentence0 = NULL;
  g_autofree char *sentence1 = NULL;
  g_autofree char *sentence3 = NULL;
  g_autofree char *undone3 = NULL;
  g_autofree char *hand3 = NULL;
  GlossAdjudicationWindow *window;
  GlossAdjudication *adjudication;

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "ada" : "bea";
      const char *source = g_test_get_filename (G_TEST_DIST, "data", "agreement", "study", name, NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      copy_tree (source, path);
      g_ptr_array_add (roots, g_file_new_for_path (path));
    }
  ada_before = read_file_in (dir, "ada/de/rathaus.txt.gloss.json");

  /* The menu's action opens the window */
  g_action_group_activate_action (G_ACTION_GROUP (app), "adjudicate", NULL);
  window = GLOSS_ADJUDICATION_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (GLOSS_IS_ADJUDICATION_WINDOW (window));
  g_assert_cmpstr (gloss_adjudication_window_get_page (window), ==, "documents");

  gloss_adjudication_window_set_folders (window, roots, gold);
  wait_for (documents_listed, window, "the documents");
  g_assert_cmpuint (gloss_adjudication_window_get_n_documents (window), ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", "de/rathaus.txt");
  wait_for (adjudication_shown, window, "the document");
  adjudication = gloss_adjudication_window_get_adjudication (window);
  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (adjudication), ==, 2);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 0);

  /* A new gold copy is written at once, with the sentences all agree on */
  wait_for (adjudication_saved, window, "the first save");
  first = load_gold (dir);
  g_assert_cmpuint (n_decisions (first), ==, 0);
  sentence1 = gold_labels_at (first, 71, adjudicator);
  g_assert_cmpstr (sentence1, ==, "claim,source");
  sentence0 = gold_labels_at (first, 0, adjudicator);
  g_assert_cmpstr (sentence0, ==, "");

  /* n, then 2: Bea's labels for the second disagreement (sentence 3) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept", "u", 1);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 1);
  wait_for (adjudication_saved, window, "the autosave");

  second = load_gold (dir);
  g_assert_cmpuint (n_decisions (second), ==, 1);
  sentence3 = gold_labels_at (second, 165, adjudicator);
  g_assert_cmpstr (sentence3, ==, "source,quote");

  /* s by hand takes the source away; Ctrl+Z gives it back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-label", "s", "source");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_for (adjudication_saved, window, "the undo");
  third = load_gold (dir);
  g_assert_cmpuint (n_decisions (third), ==, 0);
  undone3 = gold_labels_at (third, 165, adjudicator);
  g_assert_cmpstr (undone3, ==, "");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-label", "s", "quote");
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 2);
  wait_for (adjudication_saved, window, "the last decisions");
  g_clear_pointer (&third, json_object_unref);
  third = load_gold (dir);
  g_assert_cmpuint (n_decisions (third), ==, 2);
  g_assert_true (json_object_get_boolean_member (third, "done"));
  hand3 = gold_labels_at (third, 165, adjudicator);
  g_assert_cmpstr (hand3, ==, "quote");

  /* The annotators' files are as they were */
  ada_after = read_file_in (dir, "ada/de/rathaus.txt.gloss.json");
  g_assert_cmpstr (ada_before, ==, ada_after);

  /* Back to the list, which counts the decisions */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-documents", NULL);
  g_assert_cmpstr (gloss_adjudication_window_get_page (window), ==, "documents");
  wait_for (documents_listed, window, "the documents again");

  /* Resumed: all decided, so the first is shown; a decision made just
   * before leaving still reaches the disk */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", "de/rathaus.txt");
  wait_for (adjudication_shown, window, "the document again");
  adjudication = gloss_adjudication_window_get_adjudication (window);
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 2);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-label", "s", "claim");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-documents", NULL);
  wait_for (claim_saved, dir, "the decision made before leaving");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/adjudication-window/adjudicate", test_adjudicate);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
