/* test-window-codebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codebook in the real window under Xvfb (issue 16): a label's
 * definition, rules and examples typed into the labels editor's fields
 * (a relation label's too) and written into gloss-project.json; the label
 * buttons' tooltips; the sidebar's codebook section that Ctrl+I opens and
 * closes, showing the current span's label, else the current sentence's
 * labels, else every sentence label.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-codebook-view.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-labels-editor.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-span.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

typedef struct
{
  const char *label;
  int         field;  /* -1: the definition */
  gboolean    relation;
} FieldMatch;

static gboolean
is_field (GtkWidget     *widget,
          gconstpointer  data)
{
  const FieldMatch *match = data;

  return GTK_IS_TEXT_VIEW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "gloss-label"), match->label) == 0 &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "gloss-field")) == match->field &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "gloss-relation")) == match->relation;
}

/* Types @text into a field of the labels editor, as a user would */
static void
type_into (GtkWidget  *editor,
           const char *label,
           int         field,
           gboolean    relation,
           const char *text)
{
  FieldMatch match = { label, field, relation };
  GtkWidget *view = find_widget (editor, is_field, &match);
  GtkTextBuffer *buffer;

  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, text, -1);
}

static char *
view_text (GlossWindow *window)
{
  GtkWidget *view = gloss_sidebar_get_codebook_view (GLOSS_SIDEBAR (gloss_window_get_sidebar (window)));

  return g_strdup (gloss_codebook_view_get_text (GLOSS_CODEBOOK_VIEW (view)));
}

typedef struct
{
  GlossWindow *window;
  const char  *expected;
} Shows;

static gboolean
view_shows (gpointer data)
{
  Shows *shows = data;
  g_autofree char *text = view_text (shows->window);

  return g_strcmp0 (text, shows->expected) == 0;
}

static void
assert_view (GlossWindow *window,
             const char  *expected)
{
  Shows shows = { window, expected };
  g_autofree char *text = NULL;

  wait_for_set_timeout (5);
  if (!view_shows (&shows))
    spin (300);
  text = view_text (window);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_codebook (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *project_path = g_build_filename (dir, "gloss-project.json", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) claim = gloss_label_new ("claim", "Claim", "#3584e4", "k", "");
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) quote = NULL;
  g_autofree char *data = NULL;
  GlossLabelsEditor *editor;
  GlossSidebar *sidebar;
  GlossWindow *window;
  GlossDocument *document;
  GtkWidget *button;
  const char *tooltip;

  g_assert_true (gloss_label_set_insert (set, 0, claim));
  g_assert_true (gloss_project_save_labels (project, set, &error));
  g_assert_no_error (error);

  window = open_window (text);
  wait_for (document_shown, window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (window), 300);
  document = gloss_window_get_document (window);
  sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

  /* The fields of the labels editor: a definition of two lines, rules
   * one a line (blank lines and spaces around left out), a relation
   * label's exclusion rule; kept when the window closes */
  g_assert_true (activate (window, "win.labels", NULL));
  editor = GLOSS_LABELS_EDITOR (gloss_window_get_labels_editor (window));
  g_assert_nonnull (editor);
  type_into (GTK_WIDGET (editor), "claim", -1, FALSE, "A checkable statement.\nEine überprüfbare Behauptung.\n");
  type_into (GTK_WIDGET (editor), "claim", GLOSS_CODEBOOK_INCLUDE, FALSE,
             "  Numbers and dates „300 000“ \n\n😊 Predictions stated as certain\n");
  type_into (GTK_WIDGET (editor), "claim", GLOSS_CODEBOOK_NEGATIVE_EXAMPLES, FALSE, "Vielleicht regnet es.");
  type_into (GTK_WIDGET (editor), "speaker", GLOSS_CODEBOOK_EXCLUDE, TRUE, "A speaker the text only implies");
  gtk_window_close (GTK_WINDOW (editor));
  spin (50);

  labels = gloss_project_load_labels (project, problems, NULL);
  g_assert_cmpuint (problems->len, ==, 0);
  data = read_file (project_path);
  g_assert_nonnull (strstr (data, "{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\", \"key\": \"k\", "
                                  "\"description\": \"A checkable statement.\\nEine überprüfbare Behauptung.\", "
                                  "\"codebook\": {\"include\": [\"Numbers and dates „300 000“\", "
                                  "\"😊 Predictions stated as certain\"], "
                                  "\"negative_examples\": [\"Vielleicht regnet es.\"]}},\n"));
  g_assert_nonnull (strstr (data, "\"from\": [\"quote\"], \"to\": [\"speaker\"], \"codebook\": {\"exclude\": "
                                  "[\"A speaker the text only implies\"]}},\n"));
  g_assert_true (gloss_label_set_equal (labels, gloss_document_get_labels (document)));

  /* Too long an item is refused and changes nothing */
  g_assert_true (activate (window, "win.labels", NULL));
  editor = GLOSS_LABELS_EDITOR (gloss_window_get_labels_editor (window));
  {
    g_autofree char *long_item = g_strnfill (GLOSS_CODEBOOK_MAX_ITEM_LENGTH + 1, 'x');

    g_assert_false (gloss_labels_editor_set_label_codebook (editor, FALSE, "claim", GLOSS_CODEBOOK_EXAMPLES,
                                                            long_item));
    g_assert_null (gloss_label_get_codebook (gloss_label_set_lookup (gloss_document_get_labels (document), "claim"),
                                             GLOSS_CODEBOOK_EXAMPLES)[0]);
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The label button's tooltip: what it does, then the entry */
  button = gloss_sidebar_get_label_button (sidebar, "claim");
  g_assert_nonnull (button);
  tooltip = gtk_widget_get_tooltip_text (button);
  g_assert_cmpstr (tooltip, ==,
                   "Toggle the label “Claim” on the current sentence\n\n"
                   "A checkable statement.\nEine überprüfbare Behauptung.\n\n"
                   "Include:\n• Numbers and dates „300 000“\n• 😊 Predictions stated as certain\n\n"
                   "Negative Examples:\n• Vielleicht regnet es.");
  tooltip = gtk_widget_get_tooltip_text (gloss_sidebar_get_span_button (sidebar, "quote"));
  g_assert_true (g_str_has_prefix (tooltip, "Tag the selection as “Quote”\n\nThe words of a quotation: "));

  /* Ctrl+I opens the section: no label on the sentence, so every
   * sentence label's entry */
  g_assert_false (gloss_sidebar_get_codebook_expanded (sidebar));
  g_assert_true (activate (window, "win.show-codebook", NULL));
  g_assert_true (gloss_sidebar_get_codebook_expanded (sidebar));
  assert_view (window,
               "Claim\nA checkable statement.\nEine überprüfbare Behauptung.\n"
               "Include\n• Numbers and dates „300 000“\n• 😊 Predictions stated as certain\n"
               "Negative Examples\n• Vielleicht regnet es.\n");

  /* The current span's label wins; a label without an entry says where
   * one is written */
  quote = gloss_document_new_span (document, "quote", (GlossRange[]) { { 0, 7 } }, 1);
  g_assert_true (gloss_document_add_span (document, quote, &error));
  g_assert_no_error (error);
  g_assert_true (activate (window, "doc.select-span", "u", gloss_span_get_id (quote)));
  assert_view (window,
               "Quote\nThe words of a quotation: what someone said, thought or wrote, given directly or indirectly. "
               "A quote interrupted by its frame has several parts; it may run over several sentences.\n");

  /* Pressed again, it closes; the sidebar hidden, it shows both */
  g_assert_true (activate (window, "win.show-codebook", NULL));
  g_assert_false (gloss_sidebar_get_codebook_expanded (sidebar));
  g_object_set (window, "sidebar-visible", FALSE, NULL);
  g_assert_true (activate (window, "win.show-codebook", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar)));
  g_assert_true (gloss_sidebar_get_codebook_expanded (sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/window-codebook/codebook", test_codebook);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
