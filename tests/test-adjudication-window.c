/* test-adjudication-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The adjudication window under Xvfb, on copies of Ada's and Bea's
 * folders of tests/data/agreement/study: the documents listed with their
 * disagreements, the actions that the keys trigger, and the gold copy
 * that the autosave writes. Then span units, on the three copies of
 * adjudication-copies.c. Then the branches of a git repository in a
 * temporary folder as the copies (issue 15), skipped without git.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "adjudication-copies.h"
#include "gloss-adjudication.h"
#include "gloss-adjudication-window.h"
#include "gloss-application.h"
#include "gloss-saver.h"
#include "gloss-window.h"

#include "gloss-test-util.h"
#include "git-fixtures.h"

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

/* The menu's action opens the window, which lists the folders'
 * @n_documents and opens @id */
static GlossAdjudicationWindow *
open_adjudication (GPtrArray  *roots,
                   GFile      *gold,
                   guint       n_documents,
                   const char *id)
{
  GlossAdjudicationWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "adjudicate", NULL);
  window = GLOSS_ADJUDICATION_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (GLOSS_IS_ADJUDICATION_WINDOW (window));
  g_assert_cmpstr (gloss_adjudication_window_get_page (window), ==, "documents");

  gloss_adjudication_window_set_folders (window, roots, gold);
  wait_for (documents_listed, window, "the documents");
  g_assert_cmpuint (gloss_adjudication_window_get_n_documents (window), ==, n_documents);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", id);
  wait_for (adjudication_shown, window, "the document");

  return window;
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

  window = open_adjudication (roots, gold, 4, "de/rathaus.txt");
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
  remove_tree (dir);
}

/* --- Span units ---------------------------------------------------------- */

static JsonObject *
load_json (const char *path)
{
  g_autofree char *contents = read_file (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The gold file's spans, one a line ("quote „…“ type=direct"), each with
 * the relations from it, and its decisions */
static char *
describe_gold (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "gold", ADJUDICATION_COPIES_ID ".gloss.json", NULL);
  g_autoptr(JsonObject) root = load_json (path);
  JsonArray *spans = json_object_get_array_member (root, "spans");
  JsonArray *relations = json_object_get_array_member (root, "relations");
  JsonObject *adjudication = json_object_get_object_member (json_object_get_object_member (root, "meta"), "adjudication");
  g_autoptr(GHashTable) texts = g_hash_table_new (NULL, NULL);
  g_autofree char *adjudicator = gloss_application_dup_annotator (app);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);

      g_hash_table_insert (texts, GINT_TO_POINTER (json_object_get_int_member (span, "id")),
                           (gpointer)json_array_get_string_element (json_object_get_array_member (span, "text"), 0));
    }

  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);
      JsonObject *attributes = json_object_get_object_member (span, "attributes");
      gint64 id = json_object_get_int_member (span, "id");
      g_autoptr(GList) names = json_object_get_members (attributes);

      g_assert_cmpstr (json_object_get_string_member (span, "annotator"), ==, adjudicator);
      g_string_append_printf (out, "%s %s", json_object_get_string_member (span, "label"),
                              (const char *)g_hash_table_lookup (texts, GINT_TO_POINTER (id)));
      for (GList *l = names; l != NULL; l = l->next)
        g_string_append_printf (out, " %s=%s", (const char *)l->data, json_object_get_string_member (attributes, l->data));
      g_string_append_c (out, '\n');

      for (guint r = 0; r < json_array_get_length (relations); r++)
        {
          JsonObject *relation = json_array_get_object_element (relations, r);

          if (json_object_get_int_member (relation, "from") == id)
            g_string_append_printf (out, "  %s → %s\n", json_object_get_string_member (relation, "label"),
                                    (const char *)g_hash_table_lookup (texts, GINT_TO_POINTER (json_object_get_int_member (relation, "to"))));
        }
    }

  g_string_append_printf (out, "%u decisions\n", json_array_get_length (json_object_get_array_member (adjudication, "decisions")));

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *dir;
  const char *expected;
} GoldCheck;

static gboolean
gold_is (gpointer data)
{
  GoldCheck *check = data;
  g_autofree char *path = g_build_filename (check->dir, "gold", ADJUDICATION_COPIES_ID ".gloss.json", NULL);
  g_autofree char *actual = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  actual = describe_gold (check->dir);
  if (g_strcmp0 (actual, check->expected) == 0)
    return TRUE;
  if (g_test_verbose ())
    g_test_message ("The gold copy is now:\n%s", actual);

  return FALSE;
}

static void
wait_for_gold (GlossAdjudicationWindow *window,
               const char              *dir,
               const char              *expected,
               const char              *what)
{
  GoldCheck check = { dir, expected };

  wait_for (adjudication_saved, window, what);
  if (!gold_is (&check))
    {
      g_autofree char *actual = describe_gold (dir);

      g_assert_cmpstr (actual, ==, expected);
    }
}

static gboolean
shows_text (gpointer data)
{
  GtkWidget **args = data;

  return label_shows (args[0], (const char *)args[1]);
}

static void
assert_shows (GlossAdjudicationWindow *window,
              const char              *text)
{
  gpointer args[] = { window, (gpointer)text };

  wait_for (shows_text, args, text);
}

#define AGREED \
  "entity Brücke\n" \
  "quote „Wir bauen die Brücke bis 2027“ type=direct medium=speech\n" \
  "  speaker → Bürgermeisterin Anna Weber\n" \
  "  cue → sagte\n" \
  "cue sagte\n" \
  "speaker Bürgermeisterin Anna Weber\n"
#define STADTRAT_BEA \
  "quote Der Stadtrat sei skeptisch, type=indirect medium=speech\n" \
  "  speaker → Weber\n" \
  "  cue → erklärte\n" \
  "cue erklärte\n" \
  "speaker Weber\n"
#define BECK_CEM \
  "quote „Das Geld fehlt“ type=direct medium=speech\n" \
  "  speaker → Jonas Beck\n" \
  "  cue → sagte\n" \
  "cue sagte\n" \
  "speaker Jonas Beck\n"

static void
test_spans (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-adjudication-spans-ui-XXXXXX", &error);
  g_autofree char *gold_path = g_build_filename (dir, "gold", NULL);
  g_autoptr(GFile) gold = g_file_new_for_path (gold_path);
  g_autoptr(GPtrArray) roots = NULL;
  GlossAdjudicationWindow *window;
  GlossAdjudication *adjudication;

  g_assert_no_error (error);
  roots = adjudication_copies_write (dir);

  window = open_adjudication (roots, gold, 1, ADJUDICATION_COPIES_ID);
  adjudication = gloss_adjudication_window_get_adjudication (window);
  g_assert_cmpuint (gloss_adjudication_get_n_disagreements (adjudication), ==, 6);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 0);
  assert_shows (window, "0 of 6 decided");

  /* The quotes all agree on are in the gold copy at once */
  wait_for_gold (window, dir, AGREED "0 decisions\n", "the first save");

  /* n: the quote of three extents; 2 takes Bea's */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 1);
  g_assert_cmpint (gloss_adjudication_get_kind (adjudication, 1), ==, GLOSS_ADJUDICATION_SPANS);
  assert_shows (window, "Disagreement 2 of 6 · Quote");
  assert_shows (window, "≠ Quote");
  assert_shows (window, "Stadtrat sei skeptisch");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept", "u", 1);
  assert_shows (window, "bea’s version accepted");
  assert_shows (window, "1 of 6 decided");
  wait_for_gold (window, dir, AGREED STADTRAT_BEA "1 decisions\n", "Bea's quote");

  /* n, 0: no entity "Stadtrat" */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  assert_shows (window, "Disagreement 3 of 6 · Entity");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reject", NULL);
  assert_shows (window, "Rejected");
  wait_for_gold (window, dir, AGREED STADTRAT_BEA "2 decisions\n", "the entity rejected");

  /* n: the speakers differ, the cues not; 3 takes Cem's */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 3);
  assert_shows (window, "≠ Speaker");
  g_assert_false (label_shows (GTK_WIDGET (window), "≠ Cue"));
  g_assert_false (label_shows (GTK_WIDGET (window), "≠ Quote"));
  assert_shows (window, "Kämmerer Jonas Beck");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept", "u", 2);
  wait_for_gold (window, dir, AGREED STADTRAT_BEA BECK_CEM "3 decisions\n", "Cem's speaker");

  /* n, 2: Bea's „Wir müssen sparen.“ with the same speaker span */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  assert_shows (window, "≠ Quote");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept", "u", 1);
  wait_for_gold (window, dir,
                 AGREED STADTRAT_BEA BECK_CEM
                 "quote „Wir müssen sparen.“ type=direct medium=speech\n"
                 "  speaker → Jonas Beck\n"
                 "4 decisions\n",
                 "the shared speaker");

  /* Ctrl+Z, then 0: no quote, the speaker stays for „Das Geld fehlt“ */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 4);
  g_assert_false (gloss_adjudication_get_decided (adjudication, 4));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reject", NULL);
  wait_for_gold (window, dir, AGREED STADTRAT_BEA BECK_CEM "4 decisions\n", "the quote rejected");

  /* The label keys do nothing on a unit */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-label", "s", "claim");
  g_assert_cmpuint (gloss_adjudication_get_n_decided (adjudication), ==, 4);

  /* Back to the first: a sentence; 0 decides it for no label */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous", NULL);
  g_assert_cmpint (gloss_adjudication_window_get_current (window), ==, 0);
  g_assert_cmpint (gloss_adjudication_get_kind (adjudication, 0), ==, GLOSS_ADJUDICATION_SENTENCE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reject", NULL);
  assert_shows (window, "5 of 6 decided");
  wait_for_gold (window, dir, AGREED STADTRAT_BEA BECK_CEM "5 decisions\n", "the sentence");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* Branches as the annotators' copies (issue 15) ---------------------------- */

static gboolean
branches_listed (gpointer data)
{
  return gloss_adjudication_window_get_branches (data) != NULL;
}

static void
test_adjudicate_branches (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *korpus = NULL;
  g_autofree char *gold_dir = NULL;
  g_autofree char *gold_json = NULL;
  g_autofree char *gold_text = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GFile) korpus_file = NULL;
  g_autoptr(GFile) gold = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GlossAdjudicationWindow *adjudication;
  JsonObject *record;
  JsonArray *annotators;
  GlossWindow *window;

  if (!git_fixtures_have_git ())
    return;

  /* Ada's and Bea's copies of the study on their branches */
  dir = make_workdir ((const char *[]) { NULL });
  korpus = g_build_filename (dir, "Korpus", NULL);
  g_free (git_fixtures_run (dir, "init", "-q", "-b", "main", NULL));
  g_free (git_fixtures_run (dir, "commit", "-q", "--allow-empty", "-m", "Beginn", NULL));
  g_free (git_fixtures_run (dir, "checkout", "-q", "-b", "Ada", NULL));
  git_fixtures_copy_study ("ada", korpus);
  g_free (git_fixtures_run (dir, "add", "Korpus", NULL));
  g_free (git_fixtures_run (dir, "commit", "-q", "-m", "Ada", NULL));
  g_free (git_fixtures_run (dir, "checkout", "-q", "-b", "Bea", "main", NULL));
  git_fixtures_copy_study ("bea", korpus);
  g_free (git_fixtures_run (dir, "add", "Korpus", NULL));
  g_free (git_fixtures_run (dir, "commit", "-q", "-m", "Bea", NULL));
  g_free (git_fixtures_run (dir, "checkout", "-q", "main", NULL));
  g_assert_cmpint (g_mkdir (korpus, 0755), ==, 0);

  /* Adjudicate… from the window of the corpus folder offers its branches */
  window = open_window (korpus);
  spin (300);
  korpus_file = g_file_new_for_path (korpus);
  g_assert_true (g_file_equal (gloss_window_get_folder (window), korpus_file));
  g_action_group_activate_action (G_ACTION_GROUP (app), "adjudicate", NULL);
  adjudication = GLOSS_ADJUDICATION_WINDOW (find_last_toplevel (GLOSS_TYPE_ADJUDICATION_WINDOW));
  g_assert_nonnull (adjudication);
  wait_for (branches_listed, adjudication, "the branches");
  g_assert_cmpstrv (gloss_adjudication_window_get_branches (adjudication),
                    ((const char *[]) { "Ada", "Bea", "main", NULL }));
  g_assert_nonnull (find_widget (GTK_WIDGET (adjudication), (WidgetMatch)label_is, "Bea"));

  g_assert_true (activate (adjudication, "win.toggle-branch", "s", "Ada"));
  g_assert_true (activate (adjudication, "win.toggle-branch", "s", "Bea"));
  gold_dir = g_strconcat (dir, "-gold", NULL);
  gold = g_file_new_for_path (gold_dir);
  gloss_adjudication_window_set_gold (adjudication, gold);
  wait_for (documents_listed, adjudication, "the documents of the branches");
  g_assert_cmpuint (gloss_adjudication_window_get_n_documents (adjudication), ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (adjudication), "win.open-document", "s", "de/rathaus.txt");
  wait_for (adjudication_shown, adjudication, "the document");
  g_assert_cmpstr (gloss_adjudication_get_annotator (gloss_adjudication_window_get_adjudication (adjudication), 0),
                   ==, "Ada");
  gtk_widget_activate_action (GTK_WIDGET (adjudication), "win.accept", "u", 1);
  wait_for (adjudication_saved, adjudication, "the gold copy");

  /* The gold copy: Bea's labels taken, the annotators named by their
   * branches, the text byte for byte as git has it (CR LF, „…“) */
  gold_json = g_build_filename (gold_dir, "de", "rathaus.txt.gloss.json", NULL);
  json_parser_load_from_file (parser, gold_json, &error);
  g_assert_no_error (error);
  record = json_object_get_object_member (json_object_get_object_member (
             json_node_get_object (json_parser_get_root (parser)), "meta"), "adjudication");
  annotators = json_object_get_array_member (record, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "Ada");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "Bea");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (record, "decisions"), 0), "accepted"), ==, "Bea");
  g_free (gold_json);
  gold_json = g_build_filename (gold_dir, "de", "rathaus.txt", NULL);
  gold_text = read_file (gold_json);
  blob = git_fixtures_run (dir, "show", "Bea:Korpus/de/rathaus.txt", NULL);
  g_assert_cmpstr (gold_text, ==, blob);

  /* Nothing was checked out or written in the work tree */
  status = git_fixtures_run (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
  g_free (status);
  status = git_fixtures_run (dir, "symbolic-ref", "HEAD", NULL);
  g_assert_cmpstr (status, ==, "refs/heads/main\n");

  gtk_window_destroy (GTK_WINDOW (adjudication));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (gold_dir);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  git_fixtures_init ();
  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/adjudication-window/adjudicate", test_adjudicate);
  g_test_add_func ("/gloss/adjudication-window/spans", test_spans);
  g_test_add_func ("/gloss/adjudication-window/branches", test_adjudicate_branches);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
