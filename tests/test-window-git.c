/* test-window-git.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under Xvfb, its text in a git repository made in a
 * temporary folder (issue 15): `git checkout` of another branch (a new
 * file in place of the old, another text with its annotations) and `git
 * merge` are loaded cleanly when nothing is unsaved; with unsaved work the
 * conflict banner stays and nothing is lost. Each test is skipped without
 * git.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "gloss-adjudication.h"
#include "gloss-adjudication-window.h"
#include "gloss-application.h"
#include "gloss-conflict-banner.h"
#include "gloss-document.h"
#include "gloss-saver.h"
#include "gloss-text.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;
static char *git_program;

/* German, „…“, CR LF, 😊: the text on main, and Bea's version of it */
#define TEXT_MAIN "Die Ministerin sagte: „Wir bauen die Brücke.“\r\nKritiker widersprachen 😊.\r\n" \
                  "The mayor said: “We will pay.”\r\n"
#define TEXT_BEA  "Die Ministerin sagte am Montag: „Wir bauen die Brücke.“\r\nKritiker widersprachen 😊.\r\n" \
                  "The mayor said: “We will pay.”\r\nNobody objected.\r\n"

static gboolean
have_git (void)
{
  if (git_program != NULL)
    return TRUE;

  g_test_skip ("git is not installed");
  return FALSE;
}

static char *
git (const char *dir,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, git_program);
  va_start (args, dir);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed: %s", (char *)argv->pdata[1], err);

  return out;
}

static void
write_bytes (const char *path,
             const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* An annotation file for @path as the core writes it, with @label on the
 * sentences at @positions (ending in -1) */
static void
annotate (const char *path,
          const char *label,
          const int  *positions)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_document_set_annotator (document, "Bea");
  for (guint i = 0; positions[i] >= 0; i++)
    g_assert_true (gloss_document_add_label (document, positions[i], label));
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

/* A repository whose main has TEXT_MAIN with a claim on its first
 * sentence; branch bea has TEXT_BEA with quotes on sentences 0 and 3, and
 * branch ada main's text with a source on sentence 2 */
static char *
make_repository (char **text)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *json = NULL;
  char *out;

  *text = g_build_filename (dir, "artikel.txt", NULL);
  json = g_strconcat (*text, ".gloss.json", NULL);

  g_free (git (dir, "init", "-q", "-b", "main", NULL));
  write_bytes (*text, TEXT_MAIN);
  annotate (*text, "claim", (const int[]) { 0, -1 });
  g_free (git (dir, "add", "-A", NULL));
  g_free (git (dir, "commit", "-q", "-m", "Ada beginnt", NULL));

  g_free (git (dir, "checkout", "-q", "-b", "ada", NULL));
  annotate (*text, "source", (const int[]) { 2, -1 });
  g_free (git (dir, "commit", "-q", "-a", "-m", "Ada: eine Quelle", NULL));

  g_free (git (dir, "checkout", "-q", "-b", "bea", "main", NULL));
  write_bytes (*text, TEXT_BEA);
  g_remove (json);
  annotate (*text, "quote", (const int[]) { 0, 3, -1 });
  g_free (git (dir, "commit", "-q", "-a", "-m", "Bea: neuer Text, zwei Zitate", NULL));
  g_free (git (dir, "checkout", "-q", "main", NULL));

  out = g_steal_pointer (&dir);
  return out;
}

static GlossWindow *
open_text (const char *path)
{
  GlossWindow *window = open_window (path);

  wait_for (document_shown, window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (window), 200);

  return window;
}

static GlossConflictBanner *
find_banner (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GlossConflictBanner *found;

      if (GLOSS_IS_CONFLICT_BANNER (child))
        return GLOSS_CONFLICT_BANNER (child);
      if ((found = find_banner (child)) != NULL)
        return found;
    }

  return NULL;
}

static GlossConflictKind
banner_kind (GlossWindow *window)
{
  return gloss_conflict_banner_get_kind (find_banner (GTK_WIDGET (window)));
}

static gboolean
banner_shows_annotations (gpointer data)
{
  return banner_kind (data) == GLOSS_CONFLICT_ANNOTATIONS;
}

static const char *
shown_text (GlossWindow *window)
{
  GlossDocument *document = gloss_window_get_document (window);

  return document ? gloss_text_get_contents (gloss_document_get_text (document)) : NULL;
}

static gboolean
shows_bea (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document_shown (data) && g_strcmp0 (shown_text (data), TEXT_BEA) == 0 &&
         gloss_document_count_label (document, "quote") == 2;
}

static gboolean
shows_merged (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document_shown (data) && gloss_document_count_label (document, "source") == 1 &&
         gloss_document_count_label (document, "claim") == 1;
}

static gboolean
toast_says_loaded (gpointer data)
{
  return label_shows (data, "The file changed on disk and was loaded again");
}

/* The window and the work tree agree, and the window writes nothing */
static void
assert_clean (GlossWindow *window,
              const char  *dir)
{
  g_autofree char *status = NULL;

  spin (800);
  g_assert_cmpint (banner_kind (window), ==, GLOSS_CONFLICT_NONE);
  g_assert_false (gloss_document_get_read_only (gloss_window_get_document (window)));
  g_assert_cmpuint (gloss_document_get_problems (gloss_window_get_document (window))->len, ==, 0);
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");
  status = git (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
}

static void
test_checkout (void)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *on_disk = NULL;
  GlossWindow *window;

  if (!have_git ())
    return;

  dir = make_repository (&text);
  json = g_strconcat (text, ".gloss.json", NULL);
  window = open_text (text);
  g_assert_cmpstr (shown_text (window), ==, TEXT_MAIN);
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "claim"), ==, 1);

  /* Another branch: another text, with its annotations, in new files */
  g_free (git (dir, "checkout", "-q", "bea", NULL));
  wait_for (shows_bea, window, "Bea's text and quotes");
  wait_for (toast_says_loaded, window, "the toast that says so");
  g_assert_cmpuint (gloss_document_count_label (gloss_window_get_document (window), "claim"), ==, 0);
  assert_clean (window, dir);
  committed = git (dir, "show", "bea:artikel.txt.gloss.json", NULL);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, committed);

  /* Work goes on, saved into Bea's file */
  gloss_window_set_position (window, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (all_saved, window, "the label to be saved");
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (json);
  g_assert_nonnull (strstr (on_disk, "\"label\": \"claim\""));
  g_assert_nonnull (strstr (on_disk, "\"text\": \"Kritiker widersprachen 😊.\""));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_merge (void)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *readme = NULL;
  GlossWindow *window;

  if (!have_git ())
    return;

  dir = make_repository (&text);
  /* main moves on elsewhere, so that the merge is a real one */
  readme = g_build_filename (dir, "LIESMICH", NULL);
  write_bytes (readme, "Korpus\n");
  g_free (git (dir, "add", "LIESMICH", NULL));
  g_free (git (dir, "commit", "-q", "-m", "Liesmich", NULL));

  window = open_text (text);
  g_free (git (dir, "merge", "-q", "--no-edit", "ada", NULL));
  wait_for (shows_merged, window, "Ada's source merged in");
  wait_for (toast_says_loaded, window, "the toast that says so");
  g_assert_cmpstr (shown_text (window), ==, TEXT_MAIN);
  assert_clean (window, dir);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_checkout_unsaved (void)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *committed = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  GlossDocument *document;
  GlossWindow *window;

  if (!have_git ())
    return;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  dir = make_repository (&text);
  json = g_strconcat (text, ".gloss.json", NULL);
  mine = g_strconcat (text, ".gloss.mine.json", NULL);
  window = open_text (text);

  /* A label that is only in the window */
  gloss_saver_set_delay (gloss_window_get_saver (window), 60000);
  gloss_window_set_position (window, 2);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  g_assert_true (gloss_saver_get_dirty (gloss_window_get_saver (window)));

  g_free (git (dir, "checkout", "-q", "bea", NULL));
  wait_for (banner_shows_annotations, window, "the conflict banner");
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "conflict");

  /* Nothing lost, nothing written over Bea's */
  document = gloss_window_get_document (window);
  g_assert_cmpstr (shown_text (window), ==, TEXT_MAIN);
  g_assert_cmpuint (gloss_document_count_label (document, "quote"), ==, 1);
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);
  gloss_saver_save_now (gloss_window_get_saver (window));
  spin (800);
  committed = git (dir, "show", "bea:artikel.txt.gloss.json", NULL);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, committed);

  /* Keep Mine: ours beside Bea's, and Bea's shown */
  g_assert_true (activate (window, "win.keep-mine", NULL));
  wait_for (shows_bea, window, "Bea's text and quotes");
  kept = read_file (mine);
  g_assert_nonnull (strstr (kept, "\"label\": \"quote\", \"start\": 74"));
  g_assert_nonnull (strstr (kept, "\"label\": \"claim\""));
  g_assert_nonnull (strstr (kept, "“We will pay.”"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

/* Adjudication between branches ----------------------------------------- */

static void
copy_study (const char *annotator,
            const char *target)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "agreement", "study", annotator, NULL);
  const char *argv[] = { "cp", "-R", source, target, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
branches_listed (gpointer data)
{
  return gloss_adjudication_window_get_branches (data) != NULL;
}

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
gold_saved (gpointer data)
{
  GlossSaver *saver = gloss_adjudication_window_get_saver (data);

  if (saver != NULL && gloss_saver_get_state (saver) == GLOSS_SAVER_ERROR)
    g_error ("The gold copy could not be saved: %s", gloss_saver_get_error (saver)->message);

  return saver != NULL && !gloss_saver_get_dirty (saver) && gloss_saver_get_state (saver) == GLOSS_SAVER_SAVED;
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

  if (!have_git ())
    return;

  /* Ada's and Bea's copies of the study on their branches */
  dir = make_workdir ((const char *[]) { NULL });
  korpus = g_build_filename (dir, "Korpus", NULL);
  g_free (git (dir, "init", "-q", "-b", "main", NULL));
  g_free (git (dir, "commit", "-q", "--allow-empty", "-m", "Beginn", NULL));
  g_free (git (dir, "checkout", "-q", "-b", "Ada", NULL));
  copy_study ("ada", korpus);
  g_free (git (dir, "add", "Korpus", NULL));
  g_free (git (dir, "commit", "-q", "-m", "Ada", NULL));
  g_free (git (dir, "checkout", "-q", "-b", "Bea", "main", NULL));
  copy_study ("bea", korpus);
  g_free (git (dir, "add", "Korpus", NULL));
  g_free (git (dir, "commit", "-q", "-m", "Bea", NULL));
  g_free (git (dir, "checkout", "-q", "main", NULL));
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
  wait_for (gold_saved, adjudication, "the gold copy");

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
  blob = git (dir, "show", "Bea:Korpus/de/rathaus.txt", NULL);
  g_assert_cmpstr (gold_text, ==, blob);

  /* Nothing was checked out or written in the work tree */
  status = git (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
  g_free (status);
  status = git (dir, "symbolic-ref", "HEAD", NULL);
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
  g_autofree char *data_dir = g_dir_make_tmp ("gloss-data-XXXXXX", NULL);
  int ret;

  /* git as the test says, not as the user configured it */
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_AUTHOR_NAME", "Test", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "test@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Test", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "test@example.org", TRUE);
  git_program = g_find_program_in_path ("git");
  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/window-git/checkout", test_checkout);
  g_test_add_func ("/gloss/window-git/merge", test_merge);
  g_test_add_func ("/gloss/window-git/checkout-unsaved", test_checkout_unsaved);
  g_test_add_func ("/gloss/window-git/adjudicate-branches", test_adjudicate_branches);

  ret = g_test_run ();

  remove_tree (data_dir);
  g_clear_object (&app);
  g_free (git_program);

  return ret;
}
