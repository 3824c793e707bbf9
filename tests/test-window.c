/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under Xvfb: the actions that the keys trigger, the
 * autosave's bytes on disk, reopening, save errors, read-only documents,
 * the labels editor and folders.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation.h"
#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-document.h"
#include "gloss-document-list.h"
#include "gloss-folder-entry.h"
#include "gloss-format.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-labels-editor.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-saver.h"
#include "gloss-sentence.h"
#include "gloss-relation.h"
#include "gloss-sidebar.h"
#include "gloss-span.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

static gboolean
save_failed (gpointer data)
{
  GlossSaver *saver = gloss_window_get_saver (data);

  return saver != NULL && gloss_saver_get_state (saver) == GLOSS_SAVER_ERROR;
}

static GlossWindow *
open_text (const char *path)
{
  GlossWindow *window = open_window (path);

  wait_for (document_shown, window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (window), 300);

  return window;
}

static gboolean
button_active (GlossWindow *window,
               const char  *label)
{
  GtkWidget *button = gloss_sidebar_get_label_button (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)), label);

  g_assert_nonnull (button);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

static gboolean
view_has (GlossWindow *window,
          guint        position,
          const char  *label)
{
  return gloss_article_view_sentence_has_tag (GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window)),
                                              position, label);
}

static guint
list_length (GlossWindow *window)
{
  GtkListView *list = gloss_sidebar_get_annotation_list (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  return model ? g_list_model_get_n_items (model) : 0;
}

static gboolean
list_filled (gpointer data)
{
  return list_length (data) == 3;
}

static gboolean
list_filled_4 (gpointer data)
{
  return list_length (data) == 4;
}

static void
test_tagging (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "ui", "article.expected.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  GlossWindow *window;
  GlossDocument *document;
  GtkWidget *note_row;
  GtkWidget *delegate;
  GtkListView *list;

  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Annotator");

  window = open_text (text);
  document = gloss_window_get_document (window);
  g_assert_cmpint (gloss_window_get_position (window), ==, 0);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 6);
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));

  /* Down, c, 2 (the second label: Source) */
  g_assert_true (activate (window, "doc.move-next", NULL));
  g_assert_cmpint (gloss_window_get_position (window), ==, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  g_assert_true (activate (window, "doc.toggle-label-at", "u", 2));
  g_assert_true (button_active (window, "claim"));
  g_assert_true (button_active (window, "source"));
  g_assert_false (button_active (window, "quote"));
  g_assert_true (view_has (window, 1, "claim"));
  g_assert_true (view_has (window, 1, "source"));
  g_assert_false (view_has (window, 0, "claim"));

  /* n, type, Enter */
  g_assert_true (activate (window, "doc.edit-note", NULL));
  note_row = gloss_sidebar_get_note_row (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  g_assert_true (gtk_widget_has_focus (note_row) || gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), note_row));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Checked against the council minutes");
  delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (note_row)));
  /* Enter */
  g_signal_emit_by_name (delegate, "activate");
  g_assert_cmpstr (gloss_document_get_note (document, 1), ==, "Checked against the council minutes");

  /* Ctrl+Z takes the note back, Ctrl+Shift+Z brings it again */
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpstr (gloss_document_get_note (document, 1), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "");
  g_assert_true (activate (window, "doc.redo", NULL));
  g_assert_cmpstr (gloss_document_get_note (document, 1), ==, "Checked against the council minutes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Checked against the council minutes");

  /* j, j, q */
  g_assert_true (activate (window, "doc.move-next", NULL));
  g_assert_true (activate (window, "doc.move-next", NULL));
  g_assert_cmpint (gloss_window_get_position (window), ==, 3);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  g_assert_true (view_has (window, 3, "quote"));
  g_assert_true (button_active (window, "quote"));
  g_assert_false (button_active (window, "claim"));

  wait_for (all_saved, window, "the autosave");
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");

  /* The bytes on disk, but for the times of the annotations */
  saved = read_normalized (json);
  g_file_get_contents (expected_path, &expected, NULL, NULL);
  g_assert_cmpstr (saved, ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));

  /* Reopened, the window shows what was saved, at the sentence worked on last */
  window = open_text (text);
  document = gloss_window_get_document (window);
  g_assert_cmpint (gloss_window_get_position (window), ==, 3);
  g_assert_true (button_active (window, "quote"));
  g_assert_true (view_has (window, 1, "claim"));
  g_assert_true (view_has (window, 1, "source"));
  g_assert_true (view_has (window, 3, "quote"));
  g_assert_false (view_has (window, 2, "claim"));
  g_assert_true (activate (window, "doc.move-previous", NULL));
  g_assert_true (activate (window, "doc.move-previous", NULL));
  g_assert_true (button_active (window, "claim"));
  g_assert_true (button_active (window, "source"));
  note_row = gloss_sidebar_get_note_row (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Checked against the council minutes");
  g_assert_cmpstr (gloss_document_get_annotator (document), ==, "Test Annotator");

  /* The annotation list follows; activating a row goes to its sentence */
  wait_for (list_filled, window, "the annotation list");
  list = gloss_sidebar_get_annotation_list (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  g_signal_emit_by_name (list, "activate", 2);
  g_assert_cmpint (gloss_window_get_position (window), ==, 3);
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpint (gloss_window_get_position (window), ==, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  wait_for (list_filled_4, window, "the annotation list to follow a toggle");

  /* u: the next sentence without a label */
  g_assert_true (activate (window, "doc.next-unlabelled", NULL));
  g_assert_cmpint (gloss_window_get_position (window), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "annotator-name");
  remove_tree (dir);
}

static void
test_save_error (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  GlossWindow *window;
  GtkWindow *dialog;
  const char *banner;

  window = open_text (text);

  /* A folder where the file goes: the rename fails, even for root */
  g_assert_cmpint (g_mkdir (json, 0755), ==, 0);

  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  wait_for (save_failed, window, "the save to fail");

  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "error");
  banner = gloss_window_get_error_text (window);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "article.txt.gloss.json"));
  g_assert_true (gloss_saver_get_dirty (gloss_window_get_saver (window)));
  g_assert_nonnull (gloss_saver_get_error (gloss_window_get_saver (window)));
  g_assert_nonnull (strstr (banner, gloss_saver_get_error (gloss_window_get_saver (window))->message));

  /* More work while the error shows stays in memory too */
  g_assert_true (activate (window, "doc.move-next", NULL));
  g_assert_true (activate (window, "doc.toggle-label", "s", "source"));
  g_assert_cmpuint (gloss_document_get_n_annotated (gloss_window_get_document (window)), ==, 2);

  /* Closing asks; cancelling keeps the window and the work */
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_close (GTK_WINDOW (window));
  spin (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  spin (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Once the file can be written, Ctrl+S writes all of it */
  g_assert_cmpint (g_rmdir (json), ==, 0);
  g_assert_true (activate (window, "doc.save", NULL));
  wait_for (all_saved, window, "the retried save");
  g_assert_null (gloss_window_get_error_text (window));

  saved = read_normalized (json);
  g_assert_nonnull (strstr (saved, "\"label\": \"claim\""));
  g_assert_nonnull (strstr (saved, "\"label\": \"source\""));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "broken.txt", "broken.txt.gloss.json", NULL });
  g_autofree char *text = g_build_filename (dir, "broken.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "broken.txt.gloss.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) rows = NULL;
  GlossWindow *window;
  GlossDocument *document;
  GPtrArray *problems;

  g_file_get_contents (json, &before, NULL, NULL);

  window = open_window (text);
  wait_for (document_shown, window, "the broken document to open");
  document = gloss_window_get_document (window);

  g_assert_true (gloss_document_get_read_only (document));
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "read-only");

  /* The banner gives the document's reason, and where the problems are */
  {
    g_autofree char *banner = g_strdup_printf ("%s. The problems are listed in the sidebar.",
                                               gloss_document_get_read_only_reason (document));

    g_assert_cmpstr (gloss_window_get_read_only_text (window), ==, banner);
  }

  /* Every problem is listed, with its message */
  problems = gloss_document_get_problems (document);
  rows = gloss_sidebar_get_problem_rows (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      GlossProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, problem->message);
    }

  /* No edit gets through, and nothing is written */
  activate (window, "doc.toggle-label", "s", "claim");
  activate (window, "doc.toggle-label-at", "u", 2);
  g_assert_false (gtk_widget_get_sensitive (gloss_sidebar_get_label_button (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)),
                                                                            "claim")));
  g_assert_cmpuint (gloss_document_get_n_annotated (document), ==, 0);
  g_assert_true (activate (window, "doc.move-next", NULL));
  g_assert_cmpint (gloss_window_get_position (window), ==, 1);
  spin (800);

  g_file_get_contents (json, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_labels_editor (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *project_path = g_build_filename (dir, "gloss-project.json", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  GlossLabelsEditor *editor;
  GlossWindow *window;
  GlossDocument *document;
  GlossLabel *label;

  window = open_text (text);
  document = gloss_window_get_document (window);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));

  g_assert_true (activate (window, "win.labels", NULL));
  editor = GLOSS_LABELS_EDITOR (gloss_window_get_labels_editor (window));
  g_assert_nonnull (editor);

  /* Add, rename, give a key and a colour, move up */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.add", NULL));
  label = gloss_label_set_get_label (gloss_document_get_labels (document), 3);
  g_assert_nonnull (label);
  g_assert_true (gloss_labels_editor_rename_label (editor, gloss_label_get_id (label), "Hedge"));
  /* A name longer than a label set may hold when read again is refused:
   * the project file would make every document read-only */
  {
    g_autofree char *long_name = g_strnfill (GLOSS_LABEL_MAX_NAME_LENGTH + 1, 'x');

    g_assert_false (gloss_labels_editor_rename_label (editor, gloss_label_get_id (label), long_name));
    g_assert_cmpstr (gloss_label_get_name (label), ==, "Hedge");
  }
  g_assert_true (gloss_labels_editor_set_label_key (editor, gloss_label_get_id (label), "h"));
  g_assert_false (gloss_labels_editor_set_label_key (editor, gloss_label_get_id (label), "c"));
  g_assert_true (gloss_labels_editor_set_label_color (editor, gloss_label_get_id (label), "#c01c28"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.move-up", "s", gloss_label_get_id (label)));

  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (labels);
  g_assert_cmpuint (gloss_label_set_get_n_labels (labels), ==, 4);
  label = gloss_label_set_get_label (labels, 2);
  g_assert_cmpstr (gloss_label_get_name (label), ==, "Hedge");
  g_assert_cmpstr (gloss_label_get_key (label), ==, "h");
  g_assert_cmpstr (gloss_label_get_color (label), ==, "#c01c28");

  /* The new label is a button and a key at once */
  g_assert_nonnull (gloss_sidebar_get_label_button (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)),
                                                    gloss_label_get_id (label)));
  g_assert_true (activate (window, "doc.toggle-label-at", "u", 3));
  g_assert_true (view_has (window, 0, gloss_label_get_id (label)));

  /* Deleting a used label removes its annotations, and Undo brings both back */
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);
  gloss_labels_editor_delete_label (editor, "claim", TRUE);
  g_assert_null (gloss_label_set_lookup (gloss_document_get_labels (document), "claim"));
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 0);
  g_clear_object (&labels);
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_null (gloss_label_set_lookup (labels, "claim"));
  g_assert_cmpuint (gloss_label_set_get_n_labels (labels), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.undo-delete", NULL));
  g_assert_nonnull (gloss_label_set_lookup (gloss_document_get_labels (document), "claim"));
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);
  g_assert_true (view_has (window, 0, "claim"));
  g_clear_object (&labels);
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpint (gloss_label_set_get_position (labels, "claim"), ==, 0);

  /* The same deletion undone and redone with the window's own keys: the
   * label set, the annotations and the project file follow */
  gloss_labels_editor_delete_label (editor, "claim", TRUE);
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpint (gloss_label_set_get_position (gloss_document_get_labels (document), "claim"), ==, 0);
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);
  g_clear_object (&labels);
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpint (gloss_label_set_get_position (labels, "claim"), ==, 0);
  g_assert_true (activate (window, "doc.redo", NULL));
  g_assert_null (gloss_label_set_lookup (gloss_document_get_labels (document), "claim"));
  g_clear_object (&labels);
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_null (gloss_label_set_lookup (labels, "claim"));
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);

  /* A used label moved below another used on the same sentence: the
   * annotations follow the new order, so they are found (a toggle takes
   * the claim off and puts it back) and written in it; read back, the
   * file comes out byte for byte the same */
  label = gloss_label_set_get_label (gloss_document_get_labels (document), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.move-down", "s", "claim"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.move-down", "s", "claim"));
  g_assert_cmpint (gloss_label_set_get_position (gloss_document_get_labels (document), "claim"), ==, 2);
  gloss_window_set_position (window, 0);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  g_assert_false (view_has (window, 0, "claim"));
  gloss_window_set_position (window, 0);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  g_assert_true (view_has (window, 0, "claim"));
  g_assert_true (view_has (window, 0, gloss_label_get_id (label)));
  wait_for (all_saved, window, "the autosave after moving a label");
  {
    g_autofree char *json = g_strconcat (text, ".gloss.json", NULL);
    g_autofree char *saved = read_file (json);
    g_autoptr(GFile) file = g_file_new_for_path (text);
    g_autoptr(GlossDocument) reread = NULL;
    g_autoptr(GBytes) again = NULL;
    g_autoptr(GError) error = NULL;
    const char *hedge_at = strstr (saved, "\"label\": \"");

    /* The label now before the claim comes first */
    g_assert_nonnull (hedge_at);
    g_assert_true (g_str_has_prefix (hedge_at + strlen ("\"label\": \""), gloss_label_get_id (label)));
    reread = gloss_document_load (file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (gloss_document_get_read_only (reread));
    again = gloss_format_serialize (reread);
    g_assert_cmpmem (saved, strlen (saved), g_bytes_get_data (again, NULL), g_bytes_get_size (again));
  }

  wait_for (all_saved, window, "the autosave after editing labels");

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static char *
relation_labels_json (GlossLabelSet *labels)
{
  GString *out = g_string_new (NULL);

  gloss_label_set_append_json (gloss_label_set_get_relation_labels (labels), out, "");

  return g_string_free (out, FALSE);
}

/* A project with span and relation labels: the window gives sentences
 * sentence labels only, and the labels editor, which shows the labels of
 * the set, keeps the span labels' attributes and the relation labels
 * whole when it writes gloss-project.json; deleting a span label there
 * takes its spans, relations and relation label, undoably */
static void
test_labels_editor_spans (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_strconcat (text, ".gloss.json", NULL);
  g_autofree char *project_path = g_build_filename (dir, "gloss-project.json", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) claim = gloss_label_new ("claim", "Claim", "#3584e4", "k", "");
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossSpan) quote = NULL;
  g_autoptr(GlossSpan) addressee = NULL;
  g_autoptr(GlossRelation) told = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relations_before = NULL;
  GlossSidebar *sidebar;
  GlossLabelsEditor *editor;
  GlossWindow *window;
  GlossDocument *document;

  g_assert_true (gloss_label_set_insert (set, 0, claim));
  g_assert_true (gloss_project_save_labels (project, set, &error));
  relations_before = relation_labels_json (set);

  window = open_text (text);
  document = gloss_window_get_document (window);
  sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));
  g_assert_true (gloss_label_set_equal (gloss_document_get_labels (document), set));
  g_assert_nonnull (gloss_sidebar_get_label_button (sidebar, "claim"));
  g_assert_null (gloss_sidebar_get_label_button (sidebar, "quote"));

  /* A span label's key or number gives a sentence nothing */
  activate (window, "doc.toggle-label", "s", "quote");
  activate (window, "doc.toggle-label-at", "u", 2);
  g_assert_cmpuint (gloss_document_get_n_annotated (document), ==, 0);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  g_assert_cmpuint (gloss_document_get_n_annotated (document), ==, 1);

  quote = gloss_document_new_span (document, "quote", (GlossRange[]) { { 0, 5 } }, 1);
  gloss_span_set_attribute (quote, "type", "direct");
  g_assert_true (gloss_document_add_span (document, quote, &error));
  addressee = gloss_document_new_span (document, "addressee", (GlossRange[]) { { 6, 9 } }, 1);
  g_assert_true (gloss_document_add_span (document, addressee, &error));
  told = gloss_document_new_relation (document, "addressee", gloss_span_get_id (quote), gloss_span_get_id (addressee));
  g_assert_true (gloss_document_add_relation (document, told, &error));
  g_assert_no_error (error);

  g_assert_true (activate (window, "win.labels", NULL));
  editor = GLOSS_LABELS_EDITOR (gloss_window_get_labels_editor (window));
  g_assert_true (gloss_labels_editor_rename_label (editor, "claim", "Behauptung"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.add", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.move-down", "s", "claim"));

  /* Written back with everything but what was edited */
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (labels);
  g_assert_cmpstr (gloss_label_get_name (gloss_label_set_lookup (labels, "claim")), ==, "Behauptung");
  g_assert_cmpint (gloss_label_set_get_position (labels, "claim"), ==, 1);
  g_assert_cmpuint (gloss_label_get_n_attributes (gloss_label_set_lookup (labels, "quote")), ==, 2);
  g_assert_true (gloss_label_has_value (gloss_label_set_lookup (labels, "quote"), "medium", "speech-writing"));
  {
    g_autofree char *relations_after = relation_labels_json (labels);

    g_assert_cmpstr (relations_after, ==, relations_before);
  }

  /* Deleting a span label in the editor */
  g_assert_cmpuint (gloss_document_count_label (document, "addressee"), ==, 1);
  gloss_labels_editor_delete_label (editor, "addressee", TRUE);
  g_assert_null (gloss_document_lookup_span (document, gloss_span_get_id (addressee)));
  g_assert_null (gloss_document_lookup_relation (document, gloss_relation_get_id (told)));
  g_clear_object (&labels);
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_null (gloss_label_set_lookup (labels, "addressee"));
  g_assert_null (gloss_label_set_lookup (gloss_label_set_get_relation_labels (labels), "addressee"));
  g_assert_nonnull (gloss_label_set_lookup (gloss_label_set_get_relation_labels (labels), "speaker"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "labels.undo-delete", NULL));
  g_assert_true (gloss_document_lookup_relation (document, gloss_relation_get_id (told)) == told);
  g_clear_object (&labels);
  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  {
    g_autofree char *relations_after = relation_labels_json (labels);

    g_assert_cmpstr (relations_after, ==, relations_before);
  }

  /* The annotation file: version 2, read back as it was written */
  wait_for (all_saved, window, "the autosave after editing span labels");
  {
    g_autofree char *saved = read_file (json);
    g_autoptr(GFile) file = g_file_new_for_path (text);
    g_autoptr(GlossDocument) reread = NULL;
    g_autoptr(GBytes) again = NULL;

    g_assert_nonnull (strstr (saved, "\n  \"version\": 2,\n"));
    reread = gloss_document_load (file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gloss_document_get_problems (reread)->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (reread)), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (reread)), ==, 1);
    again = gloss_format_serialize (reread);
    g_assert_cmpmem (saved, strlen (saved), g_bytes_get_data (again, NULL), g_bytes_get_size (again));
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static gboolean
folder_opened (gpointer data)
{
  GlossWindow *window = data;
  GlossDocumentList *list = GLOSS_DOCUMENT_LIST (gloss_window_get_document_list (window));

  return document_shown (window) &&
         g_list_model_get_n_items (gloss_document_list_get_entries (list)) == 2;
}

static GlossFolderEntry *
entry_at (GlossWindow *window,
          guint        position)
{
  GlossDocumentList *list = GLOSS_DOCUMENT_LIST (gloss_window_get_document_list (window));
  GlossFolderEntry *entry = g_list_model_get_item (gloss_document_list_get_entries (list), position);

  g_object_unref (entry);

  return entry;
}

static gboolean
second_open (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);
  g_autofree char *name = NULL;

  if (document == NULL)
    return FALSE;

  name = g_file_get_basename (gloss_document_get_file (document));

  return g_str_equal (name, "two.txt");
}

static gboolean
first_open (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);
  g_autofree char *name = NULL;

  if (document == NULL)
    return FALSE;

  name = g_file_get_basename (gloss_document_get_file (document));

  return g_str_equal (name, "one.txt");
}

static void
test_folder (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "one.txt", "two.txt", NULL });
  g_autofree char *name = NULL;
  g_autofree char *json = g_build_filename (dir, "one.txt.gloss.json", NULL);
  g_autofree char *json_two = g_build_filename (dir, "two.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  GlossWindow *window;

  window = open_window (dir);
  wait_for (folder_opened, window, "the folder to open");

  /* The first unfinished text opens */
  name = g_file_get_basename (gloss_document_get_file (gloss_window_get_document (window)));
  g_assert_cmpstr (name, ==, "one.txt");
  g_assert_true (gtk_widget_get_visible (gloss_window_get_document_list (window)));
  g_assert_cmpuint (gloss_folder_entry_get_n_sentences (entry_at (window, 0)), ==, 2);
  g_assert_cmpuint (gloss_folder_entry_get_n_annotated (entry_at (window, 0)), ==, 0);

  gloss_saver_set_delay (gloss_window_get_saver (window), 200);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  g_assert_cmpuint (gloss_folder_entry_get_n_annotated (entry_at (window, 0)), ==, 1);
  g_assert_true (activate (window, "doc.mark-done", NULL));
  g_assert_true (gloss_folder_entry_get_done (entry_at (window, 0)));
  wait_for (all_saved, window, "the autosave");

  saved = read_normalized (json);
  g_assert_nonnull (strstr (saved, "\"done\": true"));

  /* Alt+Down: the next text */
  g_assert_true (activate (window, "doc.next-document", NULL));
  wait_for (second_open, window, "the second text");
  g_assert_cmpuint (gloss_folder_entry_get_n_sentences (entry_at (window, 1)), ==, 2);

  /* Moving on right after a change writes it first */
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  g_assert_true (activate (window, "doc.previous-document", NULL));
  wait_for (first_open, window, "the first text again");
  g_clear_pointer (&saved, g_free);
  saved = read_normalized (json_two);
  g_assert_nonnull (strstr (saved, "\"label\": \"quote\""));
  g_assert_cmpuint (gloss_folder_entry_get_n_annotated (entry_at (window, 1)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static gboolean
at_last_sentence (gpointer data)
{
  return gloss_window_get_position (data) == 5;
}

static void
test_search_and_windows (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  GSettings *settings = gloss_application_get_settings (app);
  GtkWindow *other;
  GtkWidget *focus;
  GlossWindow *window;
  int size;

  window = open_text (text);

  /* Ctrl+F, type: the sentence with the match becomes current */
  g_assert_true (activate (window, "win.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "INQUIRY");
  wait_for (at_last_sentence, window, "the search to find “inquiry”");

  /* Preferences take effect at once */
  g_settings_set_int (settings, "text-size", 17);
  g_object_get (gloss_window_get_article_view (window), "text-size", &size, NULL);
  g_assert_cmpint (size, ==, 17);
  g_settings_set_string (settings, "annotator-name", "Ada Researcher");
  g_assert_cmpstr (gloss_document_get_annotator (gloss_window_get_document (window)), ==, "Ada Researcher");
  g_settings_reset (settings, "annotator-name");
  g_settings_reset (settings, "text-size");
  g_assert_cmpstr (gloss_document_get_annotator (gloss_window_get_document (window)), !=, "");

  /* The templates of the other windows load */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  other = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (other);
  gtk_window_destroy (other);

  g_assert_true (activate (window, "win.show-help-overlay", NULL));
  other = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (other);
  gtk_window_destroy (other);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/window/tagging", test_tagging);
  g_test_add_func ("/gloss/window/save-error", test_save_error);
  g_test_add_func ("/gloss/window/read-only", test_read_only);
  g_test_add_func ("/gloss/window/labels-editor", test_labels_editor);
  g_test_add_func ("/gloss/window/labels-editor-spans", test_labels_editor_spans);
  g_test_add_func ("/gloss/window/folder", test_folder);
  g_test_add_func ("/gloss/window/search-and-windows", test_search_and_windows);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
