/* test-window-suggest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggestions in the real window under Xvfb: computed in a worker when
 * a text without them opens, shown apart from annotations, then the
 * actions the keys trigger: next suggestion, accept (the quote with its
 * speaker and cue), reject, undo; and the autosave's bytes on disk, times
 * masked, against tests/data/ui/suggest-expected.json.
 */

#include "config.h"

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-document.h"
#include "gloss-label-set.h"
#include "gloss-project.h"
#include "gloss-saver.h"
#include "gloss-span.h"
#include "gloss-suggestions.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

/* Offsets in tests/data/ui/suggest.txt, in code points: the emoji is
 * one, each CR LF two */
#define QUOTE_1 27   /* Wir bauen die Brücke im Sommer */
#define CUE_1   60   /* sagte */
#define QUOTE_2 137  /* Das kostet zu viel Geld */

typedef struct
{
  char          *dir;
  char          *text_path;
  char          *json_path;
  GlossWindow   *window;
  GlossDocument *document;
  GlossArticleView *view;
} Fixture;

static gboolean
has_suggestions (gpointer data)
{
  Fixture *fixture = data;

  return gloss_suggestions_get_spans (gloss_document_get_suggestions (fixture->document))->len > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autofree char *project_path = NULL;
  g_autoptr(GFile) project = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (gloss_application_get_settings (app), "annotator-name", "Test Annotator");
  g_settings_set_boolean (gloss_application_get_settings (app), "suggest-on-open", TRUE);

  fixture->dir = make_workdir ((const char *[]) { "suggest.txt", NULL });
  fixture->text_path = g_build_filename (fixture->dir, "suggest.txt", NULL);
  fixture->json_path = g_strconcat (fixture->text_path, ".gloss.json", NULL);
  project_path = g_build_filename (fixture->dir, "gloss-project.json", NULL);
  project = g_file_new_for_path (project_path);
  g_assert_true (gloss_project_save_labels (project, set, &error));
  g_assert_no_error (error);

  fixture->window = open_window (fixture->text_path);
  wait_for (document_shown, fixture->window, "the document to open");
  gloss_saver_set_delay (gloss_window_get_saver (fixture->window), 200);
  fixture->document = gloss_window_get_document (fixture->window);
  fixture->view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (fixture->window));
  wait_for (has_suggestions, fixture, "the suggestions");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      wait_for (all_saved, fixture->window, "the last autosave");
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->text_path);
  g_free (fixture->json_path);
}

static guint
n_pending (Fixture *fixture)
{
  return gloss_suggestions_get_spans (gloss_document_get_suggestions (fixture->document))->len;
}

static guint
n_rejected (Fixture *fixture)
{
  return gloss_suggestions_get_rejected (gloss_document_get_suggestions (fixture->document))->len;
}

static guint
n_spans (Fixture *fixture)
{
  return g_list_model_get_n_items (gloss_document_get_spans (fixture->document));
}

static char *
mask_times (const char *file)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, file, -1, 0, "\"T\"", 0, NULL);
}

static void
test_flow (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "ui", "suggest-expected.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *masked = NULL;
  guint n_suggested = n_pending (fixture);
  GlossSpan *first;

  /* Nothing is an annotation yet; the suggestions show, none current */
  g_assert_cmpuint (n_spans (fixture), ==, 0);
  g_assert_cmpuint (n_suggested, >=, 6);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_1, "quote"), ==, 1);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, CUE_1, "cue"), ==, 1);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_1 - 2, "quote"), ==, 0);
  /* No highlight of an annotation there */
  g_assert_cmpint (gloss_article_view_get_highlight_at (fixture->view, QUOTE_1), ==, GLOSS_SPAN_HIGHLIGHT_NONE);
  g_assert_false (gloss_article_view_has_span_tag_at (fixture->view, QUOTE_1, "quote"));

  /* g: the first suggestion becomes current, with its cue */
  g_assert_true (activate (fixture->window, "doc.next-suggestion", NULL));
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_1, "quote"), ==, 2);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, CUE_1, "cue"), ==, 2);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_2, "quote"), ==, 1);
  g_assert_cmpuint (gloss_article_view_get_caret (fixture->view), ==, QUOTE_1);

  /* y: the quote, its speaker and cue are annotations now; the next
   * suggestion is current */
  g_assert_true (activate (fixture->window, "doc.accept-suggestion", NULL));
  g_assert_cmpuint (n_spans (fixture), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (fixture->document)), ==, 2);
  first = g_list_model_get_item (gloss_document_get_spans (fixture->document), 0);
  g_object_unref (first);
  g_assert_cmpstr (gloss_span_get_part_text (first, 0), ==, "Wir bauen die Brücke im Sommer");
  g_assert_cmpstr (gloss_span_get_origin (first), ==, "suggested");
  g_assert_cmpstr (gloss_span_get_annotator (first), ==, "Test Annotator");
  g_assert_cmpuint (n_pending (fixture), ==, n_suggested - 3);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_1, "quote"), ==, 0);
  g_assert_true (gloss_article_view_has_span_tag_at (fixture->view, QUOTE_1, "quote"));
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_2, "quote"), ==, 2);

  /* BackSpace: the second is rejected, and remembered */
  g_assert_true (activate (fixture->window, "doc.reject-suggestion", NULL));
  g_assert_cmpuint (n_pending (fixture), ==, n_suggested - 6);
  g_assert_cmpuint (n_rejected (fixture), ==, 1);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_2, "quote"), ==, 0);

  /* Ctrl+Z: back, and current again */
  g_assert_true (activate (fixture->window, "doc.undo", NULL));
  g_assert_cmpuint (n_pending (fixture), ==, n_suggested - 3);
  g_assert_cmpuint (n_rejected (fixture), ==, 0);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_2, "quote"), >=, 1);

  /* Rejected again, then the file as the autosave wrote it */
  g_assert_true (activate (fixture->window, "doc.next-suggestion", NULL));
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_2, "quote"), ==, 2);
  g_assert_true (activate (fixture->window, "doc.reject-suggestion", NULL));
  g_assert_cmpuint (n_rejected (fixture), ==, 1);
  wait_for (all_saved, fixture->window, "the autosave");

  saved = read_file (fixture->json_path);
  masked = mask_times (saved);
  if (g_getenv ("GLOSS_WRITE_EXPECTED") != NULL)
    g_file_set_contents (g_getenv ("GLOSS_WRITE_EXPECTED"), masked, -1, NULL);
  expected = read_file (expected_path);
  g_assert_cmpstr (masked, ==, expected);
}

/* A document with stored suggestions is not suggested again */
static void
test_stored (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_true (activate (fixture->window, "doc.next-suggestion", NULL));
  g_assert_true (activate (fixture->window, "doc.reject-suggestion", NULL));
  wait_for (all_saved, fixture->window, "the autosave");
  g_assert_true (activate (fixture->window, "win.close", NULL));
  fixture->window = NULL;

  fixture->window = open_window (fixture->text_path);
  wait_for (document_shown, fixture->window, "the document to open again");
  fixture->document = gloss_window_get_document (fixture->window);
  fixture->view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (fixture->window));
  g_assert_cmpuint (n_rejected (fixture), ==, 1);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_1, "quote"), ==, 0);
  g_assert_cmpint (gloss_article_view_get_suggestion_at (fixture->view, QUOTE_2, "quote"), ==, 1);
}

/* In folder mode: a speaker annotated in one text of the folder is
 * suggested by name in the text opened next; the folder's annotation
 * files are read once, by the first document's worker (a speaker saved
 * in another file after that is not looked for) */
typedef struct
{
  GlossWindow      *window;
  GlossSuggestions *before;  /* a.txt's when it opened (held, so never reused) */
} Opened;

/* a.txt's suggestions were set (none of them new: its quote is annotated) */
static gboolean
first_suggested (gpointer data)
{
  Opened *opened = data;
  GlossDocument *document = gloss_window_get_document (opened->window);
  g_autofree char *name = NULL;

  if (document == NULL)
    return FALSE;
  name = g_file_get_basename (gloss_document_get_file (document));

  return g_str_equal (name, "a.txt") && gloss_document_get_suggestions (document) != opened->before;
}

static void
save_with_speaker (const char *dir,
                   const char *name,
                   guint       start,
                   guint       end,
                   const char *speaker_text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) speaker = NULL;
  g_autoptr(GError) error = NULL;
  GlossRange part = { start, end };

  document = gloss_document_load_fallback (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  speaker = gloss_document_new_span (document, "speaker", &part, 1);
  g_assert_cmpstr (gloss_span_get_part_text (speaker, 0), ==, speaker_text);
  g_assert_true (gloss_document_add_span (document, speaker, &error));
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
names_suggested (gpointer data)
{
  GlossWindow *window = data;
  GlossDocument *document = gloss_window_get_document (window);
  g_autofree char *name = NULL;
  GPtrArray *spans;

  if (document == NULL)
    return FALSE;
  name = g_file_get_basename (gloss_document_get_file (document));
  spans = gloss_suggestions_get_spans (gloss_document_get_suggestions (document));

  return g_str_equal (name, "b.txt") && spans->len > 0;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
test_names_in_folder (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *project_path = g_build_filename (dir, "gloss-project.json", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GError) error = NULL;
  GlossSuggestions *suggestions;
  GlossWindow *window;
  Opened opened;
  guint n_names = 0;

  g_assert_true (gloss_project_save_labels (project, set, &error));
  g_assert_no_error (error);
  write_file (dir, "a.txt", "😊 „Wir bauen“, sagte Frau Miriam Okafor.\r\n");
  write_file (dir, "b.txt", "😊Heute kam Miriam Okafor.\r\nMiriam Okafors Team blieb.\r\nJonas Berg fehlte.\r\n");
  write_file (dir, "c.txt", "Jonas Berg kam spät.\r\n");
  save_with_speaker (dir, "a.txt", 26, 39, "Miriam Okafor");

  window = open_window (dir);
  wait_for (document_shown, window, "the folder to open");
  opened.window = window;
  opened.before = g_object_ref (gloss_document_get_suggestions (gloss_window_get_document (window)));
  wait_for (first_suggested, &opened, "the suggestions of a.txt");
  g_clear_object (&opened.before);
  /* after the folder was read: not looked for in b.txt */
  save_with_speaker (dir, "c.txt", 0, 10, "Jonas Berg");
  g_assert_true (activate (window, "doc.next-document", NULL));
  wait_for (names_suggested, window, "the suggestions of b.txt");

  suggestions = gloss_document_get_suggestions (gloss_window_get_document (window));
  for (guint i = 0; i < gloss_suggestions_get_spans (suggestions)->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (gloss_suggestions_get_spans (suggestions), i);

      if (g_strcmp0 (gloss_span_get_suggester (span), "gloss-names 1") != 0)
        continue;
      n_names++;
      g_assert_cmpstr (gloss_span_get_label (span), ==, "speaker");
      g_assert_cmpuint (gloss_span_get_start (span), ==, 11);
      g_assert_cmpuint (gloss_span_get_end (span), ==, 24);
      g_assert_true (gloss_suggestions_is_head (suggestions, span));
    }
  g_assert_cmpuint (n_names, ==, 1);

  wait_for (all_saved, window, "the last autosave");
  /* what the switch of documents left to draw, drawn before the window
   * goes (GTK 4.8 warns when a window is destroyed in the middle) */
  for (int i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add ("/gloss/window-suggest/flow", Fixture, NULL, fixture_set_up, test_flow, fixture_tear_down);
  g_test_add ("/gloss/window-suggest/stored", Fixture, NULL, fixture_set_up, test_stored, fixture_tear_down);
  g_test_add_func ("/gloss/window-suggest/names-in-folder", test_names_in_folder);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
