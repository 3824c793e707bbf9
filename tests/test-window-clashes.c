/* test-window-clashes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clashes of a merge, resolved in the real window under Xvfb (issue
 * 15). The file is what `gloss merge` writes from the German interview of
 * tests/data/export-spans (CR LF, „…“, 😊) and the two sides of
 * tests/data/ui/clashes (make-sides.py): four clashes, of an annotation, a
 * note, a span and a relation. The banner counts them; the dialog shows
 * both versions as text, the article follows the clash chosen; one is
 * taken from the merged branch, one edited, one kept, one undone (the
 * clash back) and redone; then the file the autosave wrote, byte for byte (times the
 * window set masked), without its "conflicts", and `gloss validate` on it.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-clash-dialog.h"
#include "gloss-cli.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge.h"
#include "gloss-relation.h"
#include "gloss-saver.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

static GBytes *
read_bytes (const char *first,
            ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *part;
  char *contents;
  gsize length;
  va_list args;

  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **)parts->pdata);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static GlossText *
find_text (const char *sha256,
           gpointer    user_data)
{
  GlossText *text = user_data;

  return g_strcmp0 (sha256, gloss_text_get_sha256 (text)) == 0 ? g_object_ref (text) : NULL;
}

static char *write_merged_sides (GBytes *ours, GBytes *theirs, guint expected);

/* The interview and its annotation file as gloss merge leaves it when
 * git stops the merge, from the sides of tests/data/ui/clashes: in a new
 * folder, whose path is returned */
static char *
write_merged (void)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GBytes) ours = read_bytes (data, "ui", "clashes", "ours.gloss.json", NULL);
  g_autoptr(GBytes) theirs = read_bytes (data, "ui", "clashes", "theirs.gloss.json", NULL);

  return write_merged_sides (ours, theirs, 4);
}

/* The same from @ours and @theirs, with @expected clashes */
static char *
write_merged_sides (GBytes *ours,
                    GBytes *theirs,
                    guint   expected)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GBytes) text = read_bytes (data, "export-spans", "de", "interview.txt", NULL);
  g_autoptr(GBytes) base = read_bytes (data, "export-spans", "de", "interview.txt.gloss.json", NULL);
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text_path = g_build_filename (dir, "interview.txt", NULL);
  g_autofree char *json_path = g_build_filename (dir, "interview.txt.gloss.json", NULL);
  g_autoptr(GlossText) loaded = NULL;
  guint n_conflicts = 0;

  g_assert_true (g_file_set_contents (text_path, g_bytes_get_data (text, NULL), g_bytes_get_size (text), &error));
  loaded = gloss_text_new (g_bytes_get_data (text, NULL), g_bytes_get_size (text), &error);
  g_assert_no_error (error);
  merged = gloss_merge_files (base, ours, theirs, "interview.txt", find_text, NULL, loaded, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, expected);
  g_assert_true (g_file_set_contents (json_path, g_bytes_get_data (merged, NULL), g_bytes_get_size (merged), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

/* The times of the inputs stay; those the window set (now) are masked */
static gboolean
mask_time (const GMatchInfo *info,
           GString          *out,
           gpointer          data)
{
  static const char * const kept[] = {
    "\"2026-12-02T08:00:00Z\"", "\"2026-12-02T08:30:00Z\"", "\"2026-12-02T09:00:00Z\"",
    "\"2026-12-02T09:10:00Z\"", "\"2026-12-02T09:30:00Z\"", NULL
  };
  g_autofree char *time = g_match_info_fetch (info, 0);

  g_string_append (out, g_strv_contains (kept, time) ? time : "\"NOW\"");

  return FALSE;
}

static char *
mask_times (const char *file)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\"", 0, 0, NULL);

  return g_regex_replace_eval (regex, file, -1, 0, 0, mask_time, NULL, NULL);
}

/* gloss validate passes on the file, as the command runs it */
static void
assert_validates (const char *json_path)
{
  char *argv[] = { (char *)"gloss", (char *)"validate", (char *)json_path, NULL };

  g_assert_cmpint (gloss_cli_run (3, argv), ==, 0);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog_for (GTK_WINDOW (data), GLOSS_TYPE_CLASH_DIALOG) == NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_toplevel (GLOSS_TYPE_CLASH_DIALOG) == NULL;
}

static gboolean
label_with_text (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The key that presses the button labelled @text, with Alt */
static guint
mnemonic (GtkWidget  *dialog,
          const char *text)
{
  GtkWidget *label = find_widget (dialog, label_with_text, text);

  g_assert_nonnull (label);
  g_assert_nonnull (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON));

  return gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)));
}

static guint
sentence_position (GlossDocument *document,
                   guint          id)
{
  GlossSentence *sentence = gloss_document_lookup_sentence (document, id);

  g_assert_nonnull (sentence);

  return gloss_document_find_sentence_at (document, gloss_sentence_get_start (sentence));
}

static void
test_resolve (void)
{
  g_autofree char *dir = write_merged ();
  g_autofree char *text_path = g_build_filename (dir, "interview.txt", NULL);
  g_autofree char *json_path = g_build_filename (dir, "interview.txt.gloss.json", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "ui", "clashes", "expected.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *title = NULL;
  GlossWindow *window;
  GlossDocument *document;
  GlossClashDialog *dialog;

  window = open_window (text_path);
  wait_for (document_shown, window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (window), 100);
  document = gloss_window_get_document (window);
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 4);

  /* The banner counts them */
  g_assert_true (label_shows (GTK_WIDGET (window), "This file has 4 merge clashes"));

  /* Ctrl+Shift+M: the dialog, the first clash selected, the article at
   * its sentence */
  g_assert_true (activate (window, "win.resolve-clashes", NULL));
  dialog = GLOSS_CLASH_DIALOG (find_dialog_for (GTK_WINDOW (window), GLOSS_TYPE_CLASH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (gloss_clash_dialog_get_selected (dialog), ==, 0);

  title = gloss_clash_dialog_dup_title (document, 0);
  g_assert_cmpstr (title, ==, "Label “claim” of sentence 5");
  g_clear_pointer (&title, g_free);
  title = gloss_clash_dialog_dup_title (document, 1);
  g_assert_cmpstr (title, ==, "Note of sentence 1");
  g_clear_pointer (&title, g_free);
  title = gloss_clash_dialog_dup_title (document, 2);
  g_assert_cmpstr (title, ==, "Span 1 “Quote”");
  g_clear_pointer (&title, g_free);
  title = gloss_clash_dialog_dup_title (document, 3);
  g_assert_cmpstr (title, ==, "Relation 3 “Frame”");
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Relation 3 “Frame”"));

  /* Alt+O, Alt+T, Alt+E; the list has the focus, for the arrows */
  g_assert_cmpuint (mnemonic (GTK_WIDGET (dialog), "Keep Ours"), ==, GDK_KEY_o);
  g_assert_cmpuint (mnemonic (GTK_WIDGET (dialog), "Take Theirs"), ==, GDK_KEY_t);
  g_assert_cmpuint (mnemonic (GTK_WIDGET (dialog), "Edit…"), ==, GDK_KEY_e);
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (dialog))));

  g_assert_cmpint (gloss_window_get_position (window), ==, (int)sentence_position (document, 4));
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, FALSE), ==, "Deleted on this branch");
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, TRUE), ==,
                   "Label: Claim\n"
                   "Sentence: “Der Verkehrsclub kritisierte die Pläne scharf.”\n"
                   "Note: none\n"
                   "Annotator: Bea\n"
                   "Changed: 2026-12-02 09:10 UTC\n"
                   "Review: to be checked");

  /* The span: the article makes it current; both versions as text */
  gloss_clash_dialog_select (dialog, 2);
  g_assert_cmpuint (gloss_window_get_current_span (window), ==, 1);
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, FALSE), ==,
                   "Label: Quote\n"
                   "Text: “Wir wollen die Gehwege freihalten” … “Die Roller stehen überall im Weg. Das muss aufhören.”\n"
                   "Characters: 32–65, 117–169\n"
                   "Attributes: type: direct, medium: speech\n"
                   "Note: Zitat über zwei Sätze, geprüft\n"
                   "Annotator: Ada\n"
                   "Changed: 2026-12-02 09:00 UTC");
  g_assert_nonnull (strstr (gloss_clash_dialog_get_version (dialog, TRUE), "Note: „Zwei Sätze“ 😊\nAnnotator: Bea\n"));

  /* The note: the article at its sentence, no span current; the relation:
   * its first span current */
  gloss_clash_dialog_select (dialog, 1);
  g_assert_cmpint (gloss_window_get_position (window), ==, (int)sentence_position (document, 0));
  g_assert_cmpuint (gloss_window_get_current_span (window), ==, G_MAXUINT);
  gloss_clash_dialog_select (dialog, 3);
  g_assert_cmpuint (gloss_window_get_current_span (window), ==, 1);
  gloss_clash_dialog_select (dialog, 2);

  /* A version that the file cannot hold is refused, and said */
  g_assert_true (activate (dialog, "clash.edit", NULL));
  g_assert_true (gloss_clash_dialog_get_editing (dialog));
  gloss_clash_dialog_set_edit_text (dialog, "{\"id\": 1, \"label\": \"quote\", \"parts\": [[32, 65]], \"text\": [\"falsch\"]}");
  g_assert_true (activate (dialog, "clash.take-edited", NULL));
  g_assert_nonnull (gloss_clash_dialog_get_error (dialog));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 4);
  g_assert_true (activate (dialog, "clash.cancel-edit", NULL));
  g_assert_false (gloss_clash_dialog_get_editing (dialog));

  /* Alt+O: ours kept; the next clash, the relation, takes its place */
  g_assert_true (activate (dialog, "clash.keep-ours", NULL));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 3);
  g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (document, 1)), ==, "Zitat über zwei Sätze, geprüft");
  g_assert_cmpint (gloss_clash_dialog_get_selected (dialog), ==, 2);
  g_assert_cmpint (gloss_document_get_conflict (document, 2)->kind, ==, GLOSS_MERGE_CONFLICT_RELATION);
  g_assert_true (label_shows (GTK_WIDGET (window), "This file has 3 merge clashes"));

  /* Alt+T: theirs */
  g_assert_true (activate (dialog, "clash.take-theirs", NULL));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 2);
  g_assert_cmpstr (gloss_relation_get_note (gloss_document_lookup_relation (document, 3)), ==, "Rahmen (Bea)");

  /* Ctrl+Z in the dialog undoes it in the document and brings the clash
   * back, selected again; Ctrl+Shift+Z takes theirs again */
  g_assert_true (activate (dialog, "clash.undo", NULL));
  g_assert_cmpstr (gloss_relation_get_note (gloss_document_lookup_relation (document, 3)), ==, "Rahmen „so“ (Ada)");
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 3);
  g_assert_cmpint (gloss_document_get_conflict (document, 2)->kind, ==, GLOSS_MERGE_CONFLICT_RELATION);
  g_assert_cmpint (gloss_clash_dialog_get_selected (dialog), ==, 2);
  g_assert_true (label_shows (GTK_WIDGET (window), "This file has 3 merge clashes"));
  g_assert_true (activate (dialog, "clash.redo", NULL));
  g_assert_cmpstr (gloss_relation_get_note (gloss_document_lookup_relation (document, 3)), ==, "Rahmen (Bea)");
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 2);

  /* The label of sentence 4 from the merged branch */
  gloss_clash_dialog_select (dialog, 0);
  g_assert_true (activate (dialog, "clash.take-theirs", NULL));
  g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (document, sentence_position (document, 4)), "claim"));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 1);

  /* The note, edited: prefilled with ours as text, not JSON */
  g_assert_cmpint (gloss_clash_dialog_get_selected (dialog), ==, 0);
  g_assert_cmpint (gloss_window_get_position (window), ==, (int)sentence_position (document, 0));
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, FALSE), ==, "Note: Überschrift „kurz“");
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, TRUE), ==, "Note: Titel 😊");
  g_assert_true (activate (dialog, "clash.edit", NULL));
  gloss_clash_dialog_set_edit_text (dialog, "Überschrift „kurz“, Titel 😊\r\nzweite Zeile");
  g_assert_true (activate (dialog, "clash.take-edited", NULL));

  /* The last one: the dialog and the banner go, the toast says git add */
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);
  g_assert_cmpstr (gloss_document_get_note (document, 0), ==, "Überschrift „kurz“, Titel 😊\r\nzweite Zeile");
  wait_for (dialog_gone, window, "the dialog to close");
  g_assert_false (label_shows (GTK_WIDGET (window), "merge clash"));
  g_assert_true (label_shows (GTK_WIDGET (window), "git add interview.txt.gloss.json"));
  activate (window, "win.resolve-clashes", NULL);
  g_assert_null (find_dialog_for (GTK_WINDOW (window), GLOSS_TYPE_CLASH_DIALOG));

  /* Ctrl+Z in the window brings the last clash back, with its banner;
   * a redo with the dialog open resolves it again and closes the dialog */
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 1);
  g_assert_true (label_shows (GTK_WIDGET (window), "This file has 1 merge clash:"));
  g_assert_true (activate (window, "win.resolve-clashes", NULL));
  dialog = GLOSS_CLASH_DIALOG (find_dialog_for (GTK_WINDOW (window), GLOSS_TYPE_CLASH_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, TRUE), ==, "Note: Titel 😊");
  g_assert_true (activate (window, "doc.redo", NULL));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);
  wait_for (dialog_gone, window, "the dialog to close again");
  g_assert_false (label_shows (GTK_WIDGET (window), "merge clash"));

  /* The file as the autosave wrote it */
  wait_for (all_saved, window, "the autosave");
  saved = read_file (json_path);
  g_assert_null (strstr (saved, "\"conflicts\""));
  masked = mask_times (saved);
  if (g_getenv ("GLOSS_WRITE_EXPECTED") != NULL)
    g_file_set_contents (g_getenv ("GLOSS_WRITE_EXPECTED"), masked, -1, NULL);
  expected = read_file (expected_path);
  g_assert_cmpstr (masked, ==, expected);

  assert_validates (json_path);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* The window closes with the dialog open, or opens another text: the
 * dialog goes with the document */
static void
test_close_with_dialog (void)
{
  g_autofree char *dir = write_merged ();
  g_autofree char *text_path = g_build_filename (dir, "interview.txt", NULL);
  g_autofree char *json_path = g_build_filename (dir, "interview.txt.gloss.json", NULL);
  g_autofree char *before = read_file (json_path);
  g_autofree char *after = NULL;
  GlossWindow *window = open_window (text_path);

  wait_for (document_shown, window, "the document to open");
  g_assert_true (activate (window, "win.resolve-clashes", NULL));
  g_assert_nonnull (find_dialog_for (GTK_WINDOW (window), GLOSS_TYPE_CLASH_DIALOG));
  g_assert_true (activate (window, "win.close", NULL));
  wait_for (no_dialog, NULL, "the dialog to go");

  /* Nothing chosen, nothing written */
  after = read_file (json_path);
  g_assert_cmpstr (after, ==, before);
  remove_tree (dir);
}

/* @base with OLD replaced by NEW, once */
static GBytes *
edit_base (const char *old,
           const char *replacement,
           const char *old2,
           const char *replacement2)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export-spans", "de", "interview.txt.gloss.json", NULL);
  g_autofree char *base = read_file (path);
  GString *out = g_string_new (base);

  g_assert_cmpuint (g_string_replace (out, old, replacement, 0), ==, 1);
  g_assert_cmpuint (g_string_replace (out, old2, replacement2, 0), ==, 1);

  return g_string_free_to_bytes (out);
}

/* Boundaries moved differently and a label of the set changed
 * differently: the boundaries with their text, theirs taken (by a merge
 * and a split); the label's fields, theirs taken */
static void
test_boundaries_and_label (void)
{
  const char *sentence = "{\"id\": 1, \"start\": 31, \"end\": 115}";
  const char *description = "\"description\": \"A statement presented as fact that could be checked.\"";
  g_autoptr(GBytes) ours = edit_base (sentence, "{\"id\": 1, \"start\": 31, \"end\": 67},\n    {\"id\": 5, \"start\": 68, \"end\": 115}",
                                      description, "\"description\": \"Eine prüfbare Aussage „so“\"");
  g_autoptr(GBytes) theirs = edit_base (sentence, "{\"id\": 1, \"start\": 31, \"end\": 73},\n    {\"id\": 5, \"start\": 74, \"end\": 115}",
                                        description, "\"description\": \"A checkable statement 😊\"");
  g_autofree char *dir = write_merged_sides (ours, theirs, 3);
  g_autofree char *text_path = g_build_filename (dir, "interview.txt", NULL);
  g_autofree char *json_path = g_build_filename (dir, "interview.txt.gloss.json", NULL);
  g_autofree char *title = NULL;
  GlossWindow *window = open_window (text_path);
  GlossDocument *document;
  GlossClashDialog *dialog;

  wait_for (document_shown, window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (window), 100);
  document = gloss_window_get_document (window);
  g_assert_true (activate (window, "win.resolve-clashes", NULL));
  dialog = GLOSS_CLASH_DIALOG (find_dialog_for (GTK_WINDOW (window), GLOSS_TYPE_CLASH_DIALOG));

  title = gloss_clash_dialog_dup_title (document, 0);
  g_assert_cmpstr (title, ==, "Label “claim” of the set");
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, FALSE), ==,
                   "Name: Claim\nKey: k\nColour: #3584e4\nDescription: Eine prüfbare Aussage „so“\nLabels: sentences");
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, TRUE), ==,
                   "Name: Claim\nKey: k\nColour: #3584e4\nDescription: A checkable statement 😊\nLabels: sentences");
  g_assert_true (activate (dialog, "clash.take-theirs", NULL));
  g_assert_cmpstr (gloss_label_get_description (gloss_label_set_lookup (gloss_document_get_labels (document), "claim")), ==,
                   "A checkable statement 😊");

  /* The boundaries: the article at the sentence, both extents with their
   * text; theirs taken */
  g_clear_pointer (&title, g_free);
  title = gloss_clash_dialog_dup_title (document, 0);
  g_assert_cmpstr (title, ==, "Boundaries of sentence 2");
  g_assert_cmpint (gloss_clash_dialog_get_selected (dialog), ==, 0);
  g_assert_cmpint (gloss_window_get_position (window), ==, 1);
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, FALSE), ==,
                   "Characters: 31–67\nText: “„Wir wollen die Gehwege freihalten“,”");
  g_assert_cmpstr (gloss_clash_dialog_get_version (dialog, TRUE), ==,
                   "Characters: 31–73\nText: “„Wir wollen die Gehwege freihalten“, sagte”");
  g_assert_true (label_shows (GTK_WIDGET (dialog), "splitting and merging sentences"));
  g_assert_true (activate (dialog, "clash.take-theirs", NULL));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 1);
  g_assert_cmpuint (gloss_sentence_get_end (gloss_document_lookup_sentence (document, 1)), ==, 73);
  g_assert_true (activate (dialog, "clash.take-theirs", NULL));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);
  wait_for (no_dialog, NULL, "the dialog to close");

  wait_for (all_saved, window, "the autosave");
  {
    g_autofree char *saved = read_file (json_path);

    g_assert_null (strstr (saved, "\"conflicts\""));
    /* The merged branch's second part is a new sentence of a split here */
    g_assert_nonnull (strstr (saved, "{\"id\": 1, \"start\": 31, \"end\": 73},\n    {\"id\": 6, \"start\": 74, \"end\": 115},\n"));
    g_assert_nonnull (strstr (saved, "\"description\": \"A checkable statement 😊\""));
    assert_validates (json_path);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/window-clashes/resolve", test_resolve);
  g_test_add_func ("/gloss/window-clashes/close-with-dialog", test_close_with_dialog);
  g_test_add_func ("/gloss/window-clashes/boundaries-and-label", test_boundaries_and_label);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
