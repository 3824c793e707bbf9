/* test-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export… and Import… in the real window under Xvfb: the dialogs are
 * driven through their properties and actions, as their widgets drive
 * them, and the files they write are compared byte for byte with what the
 * core writes for the same input.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-exporter.h"
#include "gloss-export-dialog.h"
#include "gloss-importer.h"
#include "gloss-import-dialog.h"
#include "gloss-problem.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static gboolean
not_busy (gpointer data)
{
  gboolean busy;

  g_object_get (data, "busy", &busy, NULL);

  return !busy;
}

static char *
make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-export-ui-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* The corpus of the export tests: German and English, nested folders,
 * a text without annotations */
static char *
make_corpus (const char *tmp)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "export", "corpus", NULL);
  char *corpus = g_build_filename (tmp, "corpus", NULL);

  copy_tree (source, corpus);

  return corpus;
}

/* A window on the folder @path, shown once it has opened; without @path,
 * an empty window */
static GlossWindow *
open_folder (const char *path)
{
  GlossWindow *window;

  if (path == NULL)
    {
      window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
      gtk_window_present (GTK_WINDOW (window));

      return window;
    }

  window = open_window (path);
  wait_for (document_shown, window, "the folder to open");

  return window;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static GlossExportDialog *
open_export_dialog (GlossWindow *window)
{
  GtkWindow *dialog;

  /* Ctrl+E */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_toplevel (GLOSS_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  return GLOSS_EXPORT_DIALOG (dialog);
}

/* What the core (and so `gloss export`) writes for the folder */
static GBytes *
export_with_core (const char        *corpus,
                  GlossExportFormat  format,
                  guint              context,
                  char             **card)
{
  g_autoptr(GFile) root = g_file_new_for_path (corpus);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", problems, NULL);
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (roots, g_object_ref (root));

  gloss_exporter_set_context (exporter, context);
  gloss_export_corpus (exporter, files, roots, stream, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  if (card != NULL)
    *card = gloss_exporter_dup_card (exporter);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
assert_file_equals (const char *path,
                    GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_export (void)
{
  static const struct
  {
    GlossExportFormat format;
    guint             context;
    gboolean          card;
    const char       *name;
  } cases[] = {
    { GLOSS_EXPORT_SENTENCES_JSONL, 0, FALSE, "out.sentences.jsonl" },
    { GLOSS_EXPORT_SENTENCES_JSONL, 2, TRUE, "context.sentences.jsonl" },
    { GLOSS_EXPORT_DOCUMENTS_JSONL, 0, FALSE, "out.documents.jsonl" },
    { GLOSS_EXPORT_JSON, 0, FALSE, "out.json" },
    { GLOSS_EXPORT_DOCCANO, 0, FALSE, "out.doccano.jsonl" },
    { GLOSS_EXPORT_LABEL_STUDIO, 0, FALSE, "out.label-studio.json" },
    { GLOSS_EXPORT_CSV, 0, FALSE, "out.csv" },
  };
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = make_corpus (tmp);
  GlossWindow *window = open_folder (corpus);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out_dir = g_build_filename (tmp, i % 2 ? "exports" : "", NULL);
      g_autofree char *path = g_build_filename (out_dir, cases[i].name, NULL);
      g_autofree char *card_path = g_build_filename (out_dir, "README.md", NULL);
      g_autofree char *card = NULL;
      g_autofree char *expected_card = NULL;
      g_autoptr(GFile) destination = g_file_new_for_path (path);
      g_autoptr(GBytes) expected = NULL;
      GlossExportDialog *dialog = open_export_dialog (window);

      g_mkdir_with_parents (out_dir, 0700);
      g_remove (card_path);
      g_object_set (dialog,
                    "format", cases[i].format,
                    "destination", destination,
                    "context", cases[i].context,
                    "card", cases[i].card,
                    NULL);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));

      /* A complete export without problems closes the dialog */
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      wait_for (pointer_cleared, &dialog, "the export to finish");

      expected = export_with_core (corpus, cases[i].format, cases[i].context, &expected_card);
      assert_file_equals (path, expected);

      if (cases[i].card)
        {
          g_file_get_contents (card_path, &card, NULL, NULL);
          g_assert_cmpstr (card, ==, expected_card);
        }
      else
        g_assert_false (g_file_test (card_path, G_FILE_TEST_EXISTS));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

static void
test_export_brat (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = make_corpus (tmp);
  g_autofree char *out = g_build_filename (tmp, "brat", NULL);
  g_autofree char *ann = g_build_filename (out, "de", "rathaus.ann", NULL);
  g_autofree char *conf = g_build_filename (out, "annotation.conf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) destination = g_file_new_for_path (out);
  GlossWindow *window = open_folder (corpus);
  GlossExportDialog *dialog = open_export_dialog (window);

  /* A file is no destination for brat: choosing brat forgets it */
  g_object_set (dialog, "destination", destination, "format", GLOSS_EXPORT_BRAT, NULL);
  g_assert_null (gloss_export_dialog_get_destination (dialog));
  gloss_export_dialog_set_destination (dialog, destination);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  wait_for (pointer_cleared, &dialog, "the brat export to finish");

  g_assert_true (g_file_get_contents (ann, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "T1\t"));
  g_assert_true (g_file_test (conf, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

static gboolean
toast_names_escaped (gpointer data)
{
  return label_shows (data, "1 file name is not UTF-8") && label_shows (data, "“en/caf%E9.txt”");
}

/* A text whose name is not UTF-8: its id is escaped, and the window says
 * so, as `gloss export` does (issue 10, item 8) */
static void
test_export_renamed (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = make_corpus (tmp);
  g_autofree char *council = g_build_filename (corpus, "en", "council.txt", NULL);
  g_autofree char *latin = g_build_filename (corpus, "en", "caf\xe9.txt", NULL);
  g_autofree char *path = g_build_filename (tmp, "out.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossExportDialog *dialog;
  GlossWindow *window;

  g_file_get_contents (council, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (latin, contents, -1, &error);
  g_assert_no_error (error);

  window = open_folder (corpus);
  dialog = open_export_dialog (window);
  g_object_set (dialog, "format", GLOSS_EXPORT_DOCUMENTS_JSONL, "destination", destination, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  wait_for (pointer_cleared, &dialog, "the export to finish");

  written = read_file (path);
  g_assert_true (g_utf8_validate (written, -1, NULL));
  g_assert_nonnull (strstr (written, "\"id\": \"en/caf%E9.txt\""));
  wait_for (toast_names_escaped, window, "the toast that names the escaped id");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

/* A broken annotation file: the others are exported, it is listed */
static void
test_export_left_out (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = make_corpus (tmp);
  g_autofree char *broken = g_build_filename (corpus, "en", "council.txt.gloss.json", NULL);
  g_autofree char *path = g_build_filename (tmp, "out.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossExportDialog *dialog;
  GlossWindow *window;
  GPtrArray *left_out;
  gboolean found = FALSE;

  window = open_folder (corpus);
  /* Broken after the window opened, so that it is the export that sees it */
  g_file_set_contents (broken, "{\"version\": 1, \"annotations\": 3}", -1, &error);
  g_assert_no_error (error);

  dialog = open_export_dialog (window);
  g_object_set (dialog, "format", GLOSS_EXPORT_CSV, "destination", destination, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for (not_busy, dialog, "the export to finish");

  /* The dialog stays open on the list of what was left out */
  g_assert_true (find_toplevel (GLOSS_TYPE_EXPORT_DIALOG) == GTK_WINDOW (dialog));
  left_out = gloss_export_dialog_get_left_out (dialog);
  g_assert_cmpuint (left_out->len, >, 0);
  for (guint i = 0; i < left_out->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (left_out, i);

      found |= problem->file != NULL && strstr (problem->file, "council.txt.gloss.json") != NULL;
    }
  g_assert_true (found);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_for (pointer_cleared, &dialog, "the dialog to close");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

static void
on_progress_cb (GObject    *dialog,
                GParamSpec *pspec,
                gboolean   *cancelled)
{
  double progress;

  g_object_get (dialog, "progress", &progress, NULL);
  if (!*cancelled && progress > 0 && progress < 1)
    {
      *cancelled = TRUE;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
    }
}

/* Cancelled halfway: a new file is removed, an old one stays as it was */
static void
test_export_cancel (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = g_build_filename (tmp, "many", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "export", "corpus", "de", "rathaus.txt", NULL);
  g_autofree char *source_json = g_strconcat (source, ".gloss.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *window;

  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (source_json, &json, NULL, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (corpus, 0700);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/article-%04u.txt", corpus, i);
      g_autofree char *json_name = g_strconcat (name, ".gloss.json", NULL);

      g_file_set_contents (name, text, -1, &error);
      g_assert_no_error (error);
      g_file_set_contents (json_name, json, -1, &error);
      g_assert_no_error (error);
    }

  window = open_folder (corpus);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (tmp, i == 0 ? "new.jsonl" : "old.jsonl", NULL);
      g_autoptr(GFile) destination = g_file_new_for_path (path);
      GlossExportDialog *dialog = open_export_dialog (window);
      gboolean cancelled = FALSE;
      g_autofree char *contents = NULL;

      if (i == 1)
        {
          g_file_set_contents (path, "old\n", -1, &error);
          g_assert_no_error (error);
        }

      g_object_set (dialog, "format", GLOSS_EXPORT_DOCUMENTS_JSONL, "destination", destination, NULL);
      g_signal_connect (dialog, "notify::progress", G_CALLBACK (on_progress_cb), &cancelled);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
      g_assert_true (gloss_export_dialog_get_busy (dialog));
      wait_for (not_busy, dialog, "the export to stop");
      g_assert_true (cancelled);

      /* Back on the options, nothing announced */
      g_assert_true (find_toplevel (GLOSS_TYPE_EXPORT_DIALOG) == GTK_WINDOW (dialog));
      g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

      if (i == 0)
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      else
        {
          g_file_get_contents (path, &contents, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (contents, ==, "old\n");
        }

      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* Nothing but the one old file beside the corpus: no temporary files */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

static GlossImportDialog *
open_import_dialog (GlossWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = find_toplevel (GLOSS_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);

  return GLOSS_IMPORT_DIALOG (dialog);
}

static void
test_import (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = make_corpus (tmp);
  g_autofree char *input = g_build_filename (tmp, "dataset.jsonl", NULL);
  g_autofree char *into = g_build_filename (tmp, "imported", NULL);
  g_autofree char *text = g_build_filename (into, "de", "rathaus.txt", NULL);
  g_autofree char *json = g_build_filename (into, "de", "rathaus.txt.gloss.json", NULL);
  g_autofree char *original = g_build_filename (corpus, "de", "rathaus.txt", NULL);
  g_autofree char *first_json = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) dataset = export_with_core (corpus, GLOSS_EXPORT_DOCUMENTS_JSONL, 0, NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) into_file = g_file_new_for_path (into);
  g_autoptr(GError) error = NULL;
  GlossImportDialog *dialog;
  GlossWindow *window;
  GtkWindow *question;

  g_file_set_contents (input, g_bytes_get_data (dataset, NULL), g_bytes_get_size (dataset), &error);
  g_assert_no_error (error);

  /* From the start page, into a new folder that then opens */
  window = open_folder (NULL);
  g_assert_cmpstr (gloss_window_get_page (window), ==, "start");
  dialog = open_import_dialog (window);
  g_object_set (dialog, "format", GLOSS_IMPORT_DOCUMENTS_JSONL, "input", input_file, "destination", into_file, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  wait_for (pointer_cleared, &dialog, "the import to finish");
  wait_for (document_shown, window, "the imported folder to open");

  contents = read_file (text);
  expected = read_file (original);
  g_assert_cmpstr (contents, ==, expected);
  first_json = read_file (json);
  g_assert_nonnull (strstr (first_json, "\"annotations\""));

  /* Again: the existing files are listed, and nothing is written without
   * asking */
  g_file_set_contents (json, "changed by hand", -1, &error);
  g_assert_no_error (error);
  dialog = open_import_dialog (window);
  /* The folder open in the window is where it imports by default */
  {
    g_autoptr(GFile) suggested = NULL;

    g_object_get (dialog, "destination", &suggested, NULL);
    g_assert_true (suggested != NULL && g_file_equal (suggested, into_file));
  }
  g_object_set (dialog, "format", GLOSS_IMPORT_DOCUMENTS_JSONL, "input", input_file, "destination", into_file, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for (message_dialog_shown, NULL, "the question about existing files");
  g_assert_cmpuint (gloss_import_dialog_get_conflicts (dialog)->len, ==, 8);
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  gtk_window_destroy (question);
  g_clear_pointer (&contents, g_free);
  contents = read_file (json);
  g_assert_cmpstr (contents, ==, "changed by hand");
  g_assert_false (gloss_import_dialog_get_busy (dialog));

  /* Replace, after asking */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for (message_dialog_shown, NULL, "the question about existing files");
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "replace");
  gtk_window_destroy (question);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  wait_for (pointer_cleared, &dialog, "the import to finish");
  g_clear_pointer (&contents, g_free);
  contents = read_file (json);
  g_assert_cmpstr (contents, ==, first_json);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

/* An id that would land outside the folder: nothing is written, and the
 * core's reason is listed */
static void
test_import_outside (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *input = g_build_filename (tmp, "articles.jsonl", NULL);
  g_autofree char *into = g_build_filename (tmp, "a", "b", NULL);
  g_autofree char *outside = g_build_filename (tmp, "x", NULL);
  g_autofree char *expected_message = NULL;
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) into_file = g_file_new_for_path (into);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  GlossImportDialog *dialog;
  GlossWindow *window;
  GPtrArray *problems;
  gboolean found = FALSE;

  g_file_set_contents (input,
                       "{\"id\": \"fine\", \"text\": \"Ein Satz.\"}\n"
                       "{\"id\": \"../../x\", \"text\": \"Ein Satz.\"}\n", -1, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (into, 0700);
  g_assert_null (gloss_import_check_id ("../../x", &check_error));
  g_assert_nonnull (check_error);
  expected_message = g_strdup (check_error->message);

  window = open_folder (NULL);
  dialog = open_import_dialog (window);
  g_object_set (dialog, "format", GLOSS_IMPORT_ARTICLES_JSONL, "input", input_file, "destination", into_file, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for (not_busy, dialog, "the import to stop");

  problems = gloss_import_dialog_get_problems (dialog);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      found |= strstr (problem->message, expected_message) != NULL;
    }
  g_assert_true (found);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  {
    g_autofree char *fine = g_build_filename (into, "fine", NULL);

    g_assert_false (g_file_test (fine, G_FILE_TEST_EXISTS));
  }
  g_assert_true (find_toplevel (GLOSS_TYPE_IMPORT_DIALOG) == GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

/* The folder's project file has problems: the import stops, as `gloss
 * import` does, lists them, and writes nothing */
static void
test_import_project_problems (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *input = g_build_filename (tmp, "articles.jsonl", NULL);
  g_autofree char *into = g_build_filename (tmp, "project", NULL);
  g_autofree char *project = g_build_filename (into, "gloss-project.json", NULL);
  g_autofree char *text = g_build_filename (into, "fine.txt", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) into_file = g_file_new_for_path (into);
  g_autoptr(GError) error = NULL;
  GlossImportDialog *dialog;
  GlossWindow *window;
  GPtrArray *problems;
  GlossProblem *problem;

  g_file_set_contents (input, "{\"id\": \"fine\", \"text\": \"Ein Satz.\"}\n", -1, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (into, 0700);
  g_file_set_contents (project, "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": 3}", -1, &error);
  g_assert_no_error (error);

  window = open_folder (NULL);
  dialog = open_import_dialog (window);
  g_object_set (dialog, "format", GLOSS_IMPORT_ARTICLES_JSONL, "input", input_file, "destination", into_file, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for (not_busy, dialog, "the import to stop");

  problems = gloss_import_dialog_get_problems (dialog);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_suffix (problem->file, "gloss-project.json"));
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
  g_assert_true (find_toplevel (GLOSS_TYPE_IMPORT_DIALOG) == GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

/* doccano's offsets: UTF-16 units by default, as the core writes them;
 * code points when chosen */
static void
test_export_doccano_offsets (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *corpus = make_corpus (tmp);
  g_autofree char *path = g_build_filename (tmp, "out.doccano.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  GlossWindow *window = open_folder (corpus);
  GlossExportDialog *dialog = open_export_dialog (window);
  guint offsets;

  g_object_set (dialog, "format", GLOSS_EXPORT_DOCCANO, "destination", destination, NULL);
  g_object_get (dialog, "offsets", &offsets, NULL);
  g_assert_cmpuint (offsets, ==, GLOSS_OFFSETS_AUTO);
  g_object_set (dialog, "offsets", GLOSS_OFFSETS_CODE_POINTS, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  wait_for (pointer_cleared, &dialog, "the export to finish");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"offsets\": \"codepoints\""));
  /* After the emoji 😀, as code points */
  g_assert_nonnull (strstr (contents, "\"label\": [[29, 73, \"quote\"], [75, 117, \"claim\"]]"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

/* What the dataset holds that Gloss has no place for is listed after the
 * import, which wrote the rest and opened the folder */
static void
test_import_dropped (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *brat = g_build_filename (tmp, "brat", NULL);
  g_autofree char *txt = g_build_filename (brat, "a.txt", NULL);
  g_autofree char *ann = g_build_filename (brat, "a.ann", NULL);
  g_autofree char *into = g_build_filename (tmp, "imported", NULL);
  g_autofree char *json = g_build_filename (into, "a.txt.gloss.json", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (brat);
  g_autoptr(GFile) into_file = g_file_new_for_path (into);
  g_autoptr(GError) error = NULL;
  GlossImportDialog *dialog;
  GlossWindow *window;
  GPtrArray *dropped;
  GlossProblem *problem;

  g_mkdir_with_parents (brat, 0700);
  g_file_set_contents (txt, "Eins. Zwei.", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (ann, "T1\tclaim 0 5\tEins.\nT2\tsource 6 11\tZwei.\nR1\tSays Arg1:T1 Arg2:T2\n", -1, &error);
  g_assert_no_error (error);

  window = open_folder (NULL);
  dialog = open_import_dialog (window);
  g_object_set (dialog, "format", GLOSS_IMPORT_BRAT, "input", input_file, "destination", into_file, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for (not_busy, dialog, "the import to finish");
  wait_for (document_shown, window, "the imported folder to open");

  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  dropped = gloss_import_dialog_get_dropped (dialog);
  g_assert_cmpuint (dropped->len, ==, 1);
  problem = g_ptr_array_index (dropped, 0);
  /* claim and source label sentences, which a relation cannot join: the
   * importer counts it for the document */
  g_assert_cmpstr (problem->path, ==, "a.ann");
  g_assert_nonnull (strstr (problem->message, "1 relation"));
  g_assert_true (find_toplevel (GLOSS_TYPE_IMPORT_DIALOG) == GTK_WINDOW (dialog));

  /* Closed, not back to the options: the import is done */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  wait_for (pointer_cleared, &dialog, "the dialog to close");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

/* A doccano file whose spans read either way: refused, until the offsets
 * are chosen */
static void
test_import_offsets (void)
{
  g_autofree char *tmp = make_tmp ();
  g_autofree char *input = g_build_filename (tmp, "doccano.jsonl", NULL);
  g_autofree char *into = g_build_filename (tmp, "imported", NULL);
  g_autofree char *json = g_build_filename (into, "a.txt.gloss.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) into_file = g_file_new_for_path (into);
  g_autoptr(GError) error = NULL;
  GlossImportDialog *dialog;
  GlossWindow *window;

  /* "Zwei." is [9, 14) in UTF-16 units, and [9, 14) in code points is
   * "wei. " */
  g_file_set_contents (input, "{\"id\": \"a\", \"text\": \"Eins 😀. Zwei. Drei.\", \"label\": [[9, 14, \"claim\"]]}\n",
                       -1, &error);
  g_assert_no_error (error);

  window = open_folder (NULL);
  dialog = open_import_dialog (window);
  g_object_set (dialog, "format", GLOSS_IMPORT_DOCCANO, "input", input_file, "destination", into_file, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  wait_for (not_busy, dialog, "the import to stop");
  g_assert_cmpuint (gloss_import_dialog_get_problems (dialog)->len, ==, 1);
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));

  g_object_set (dialog, "offsets", GLOSS_OFFSETS_UTF16, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  wait_for (pointer_cleared, &dialog, "the import to finish");

  contents = read_file (json);
  g_assert_nonnull (strstr (contents, "\"start\": 8, \"end\": 13, \"sentence\": 1, \"text\": \"Zwei.\""));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);
  wait_for_set_timeout (30);

  g_test_add_func ("/gloss/export-dialog/export", test_export);
  g_test_add_func ("/gloss/export-dialog/brat", test_export_brat);
  g_test_add_func ("/gloss/export-dialog/left-out", test_export_left_out);
  g_test_add_func ("/gloss/export-dialog/renamed", test_export_renamed);
  g_test_add_func ("/gloss/export-dialog/cancel", test_export_cancel);
  g_test_add_func ("/gloss/export-dialog/import", test_import);
  g_test_add_func ("/gloss/export-dialog/import-outside", test_import_outside);
  g_test_add_func ("/gloss/export-dialog/import-project-problems", test_import_project_problems);
  g_test_add_func ("/gloss/export-dialog/doccano-offsets", test_export_doccano_offsets);
  g_test_add_func ("/gloss/export-dialog/import-dropped", test_import_dropped);
  g_test_add_func ("/gloss/export-dialog/import-offsets", test_import_offsets);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
