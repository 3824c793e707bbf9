/* test-window-boundaries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under Xvfb, issue 5's window parts: merging and
 * splitting sentences (the split mode), review marks, re-splitting, the
 * re-anchoring dialog for a changed text, changes made on disk by others
 * while the document is open, and a text that is not UTF-8. The actions
 * the keys trigger are activated; the model and the saved bytes are
 * checked.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-application.h"
#include "gloss-article-view.h"
#include "gloss-conflict-banner.h"
#include "gloss-document.h"
#include "gloss-problem.h"
#include "gloss-reanchor.h"
#include "gloss-reanchor-dialog.h"
#include "gloss-saver.h"
#include "gloss-sentence.h"
#include "gloss-text.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

static GlossWindow *
open_text (const char *path)
{
  GlossWindow *window = open_window (path);

  wait_for (document_shown, window, "the document to open");
  if (gloss_window_get_saver (window) != NULL)
    gloss_saver_set_delay (gloss_window_get_saver (window), 200);

  return window;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GlossConflictBanner *
get_banner (GlossWindow *window)
{
  return GLOSS_CONFLICT_BANNER (find_descendant (GTK_WIDGET (window), GLOSS_TYPE_CONFLICT_BANNER));
}

static char *
sentence_text (GlossWindow *window,
               guint        position)
{
  return gloss_document_dup_sentence_text (gloss_window_get_document (window), position);
}

static gboolean
sentence_has (GlossWindow *window,
              guint        position,
              const char  *label,
              gboolean     review)
{
  GlossSentence *sentence = gloss_document_get_sentence (gloss_window_get_document (window), position);

  for (guint i = 0; i < gloss_sentence_get_n_annotations (sentence); i++)
    {
      GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, i);

      if (g_strcmp0 (gloss_annotation_get_label (annotation), label) == 0)
        return gloss_annotation_get_review (annotation) == review;
    }

  return FALSE;
}

/* Renders a window into a PNG when GLOSS_SCREENSHOT_DIR is set */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("GLOSS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  spin (300);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (render_to_png (widget, path));
}

/* ------------------------------------------------------------------------ */

static void
test_merge_undo (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *joined = NULL;
  GlossArticleView *view;
  GlossWindow *window;
  GlossDocument *document;
  guint n;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  document = gloss_window_get_document (window);
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  n = gloss_document_get_n_sentences (document);
  g_assert_cmpuint (n, ==, 6);

  gloss_window_set_position (window, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  gloss_window_set_position (window, 2);
  g_assert_true (activate (window, "doc.toggle-label", "s", "source"));
  wait_for (all_saved, window, "the labels to be saved");
  before = read_normalized (json);

  /* m: sentence 1 and 2 become one, with both labels */
  gloss_window_set_position (window, 1);
  g_assert_true (activate (window, "doc.merge-next", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n - 1);
  joined = sentence_text (window, 1);
  g_assert_cmpstr (joined, ==, "The tram line to the university will open two years late. "
                               "The city council announced the delay on Monday.");
  g_assert_true (sentence_has (window, 1, "claim", FALSE));
  g_assert_true (sentence_has (window, 1, "source", FALSE));
  g_assert_cmpint (gloss_window_get_position (window), ==, 1);
  g_assert_cmpint (gloss_article_view_get_current (view), ==, 1);
  /* The view re-tagged the new boundaries */
  g_assert_true (gloss_article_view_sentence_has_tag (view, 1, "claim"));
  g_assert_true (gloss_article_view_sentence_has_tag (view, 1, "source"));
  g_assert_false (gloss_article_view_sentence_has_tag (view, 2, "source"));
  wait_for (all_saved, window, "the merge to be saved");
  merged = read_normalized (json);
  g_assert_nonnull (strstr (merged, "{\"id\": 1, \"start\": 34, \"end\": 139}"));
  g_assert_null (strstr (merged, "\"start\": 92"));

  /* Ctrl+Z: the two sentences again, each with its label, byte for byte */
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n);
  g_assert_true (sentence_has (window, 1, "claim", FALSE));
  g_assert_true (sentence_has (window, 2, "source", FALSE));
  g_assert_false (sentence_has (window, 1, "source", FALSE));
  g_assert_true (gloss_article_view_sentence_has_tag (view, 2, "source"));
  g_assert_false (gloss_article_view_sentence_has_tag (view, 1, "source"));
  wait_for (all_saved, window, "the undo to be saved");
  after_undo = read_normalized (json);
  g_assert_cmpstr (after_undo, ==, before);

  /* The last sentence has none to merge with */
  gloss_window_set_position (window, n - 1);
  g_assert_true (activate (window, "doc.merge-next", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n);

  /* Our own saves are no change by others */
  spin (800);
  g_assert_cmpint (gloss_conflict_banner_get_kind (get_banner (window)), ==, GLOSS_CONFLICT_NONE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

static void
test_split (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *reopened_bytes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GlossArticleView *view;
  GlossWindow *window;
  GlossDocument *document;
  GlossSentence *sentence;
  int caret;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  document = gloss_window_get_document (window);
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));

  gloss_window_set_position (window, 1);
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  sentence = gloss_document_get_sentence (document, 1);
  g_assert_cmpuint (gloss_sentence_get_start (sentence), ==, 34);

  /* x: the split mode, with a caret at a word start inside the sentence */
  g_assert_true (activate (window, "doc.split", NULL));
  caret = gloss_article_view_get_split_caret (view);
  g_assert_cmpint (caret, >, 34);
  g_assert_cmpint (caret, <, 91);
  screenshot (GTK_WIDGET (window), "split-mode.png");

  /* Ctrl+Left to the first word start ("tram"), Left/Right by one */
  for (guint i = 0; i < 12; i++)
    activate (window, "doc.split-move-word", "i", -1);
  g_assert_cmpint (gloss_article_view_get_split_caret (view), ==, 34 + 4);
  activate (window, "doc.split-move", "i", 1);
  g_assert_cmpint (gloss_article_view_get_split_caret (view), ==, 34 + 5);
  activate (window, "doc.split-move", "i", -1);
  /* Ctrl+Right five times: tram line to the university | will */
  for (guint i = 0; i < 5; i++)
    activate (window, "doc.split-move-word", "i", 1);
  g_assert_cmpint (gloss_article_view_get_split_caret (view), ==, 34 + 32);

  /* Escape leaves without a change; x again comes back */
  g_assert_true (activate (window, "doc.split-cancel", NULL));
  g_assert_cmpint (gloss_article_view_get_split_caret (view), ==, -1);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 6);

  /* Enter splits (Enter is doc.split in the split mode) */
  activate (window, "doc.split", NULL);
  for (guint i = 0; i < 12; i++)
    activate (window, "doc.split-move-word", "i", -1);
  for (guint i = 0; i < 5; i++)
    activate (window, "doc.split-move-word", "i", 1);
  g_assert_true (activate (window, "doc.split", NULL));
  g_assert_cmpint (gloss_article_view_get_split_caret (view), ==, -1);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 7);
  first = sentence_text (window, 1);
  second = sentence_text (window, 2);
  g_assert_cmpstr (first, ==, "The tram line to the university");
  g_assert_cmpstr (second, ==, "will open two years late.");

  /* The labels are on both halves, to review, and the view shows both */
  g_assert_true (sentence_has (window, 1, "claim", TRUE));
  g_assert_true (sentence_has (window, 1, "quote", TRUE));
  g_assert_true (sentence_has (window, 2, "claim", TRUE));
  g_assert_true (sentence_has (window, 2, "quote", TRUE));
  g_assert_true (gloss_article_view_sentence_has_tag (view, 1, "claim"));
  g_assert_true (gloss_article_view_sentence_has_tag (view, 2, "claim"));
  g_assert_cmpint (gloss_window_get_position (window), ==, 1);

  /* r on the first half; the second half is still to review */
  g_assert_true (activate (window, "doc.mark-reviewed", NULL));
  g_assert_true (sentence_has (window, 1, "claim", FALSE));
  g_assert_true (sentence_has (window, 1, "quote", FALSE));
  g_assert_true (sentence_has (window, 2, "claim", TRUE));

  /* The second half is no quote after all */
  gloss_window_set_position (window, 2);
  g_assert_true (activate (window, "doc.toggle-label", "s", "quote"));
  g_assert_false (sentence_has (window, 2, "quote", TRUE));
  g_assert_true (sentence_has (window, 2, "claim", TRUE));

  wait_for (all_saved, window, "the split to be saved");
  saved = read_normalized (json);
  g_assert_nonnull (strstr (saved, "{\"id\": 1, \"start\": 34, \"end\": 65}"));
  g_assert_nonnull (strstr (saved, "\"start\": 66, \"end\": 91}"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Reopened: the same boundaries, labels and review marks */
  window = open_text (text);
  document = gloss_window_get_document (window);
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 7);
  g_clear_pointer (&first, g_free);
  first = sentence_text (window, 1);
  g_assert_cmpstr (first, ==, "The tram line to the university");
  g_assert_true (sentence_has (window, 1, "claim", FALSE));
  g_assert_true (sentence_has (window, 1, "quote", FALSE));
  g_assert_true (sentence_has (window, 2, "claim", TRUE));
  g_assert_false (sentence_has (window, 2, "quote", TRUE));
  g_assert_false (sentence_has (window, 2, "quote", FALSE));
  spin (400);
  reopened_bytes = read_normalized (json);
  g_assert_cmpstr (reopened_bytes, ==, saved);

  /* Ctrl+Z of a split gives back the one sentence */
  gloss_window_set_position (window, 3);
  g_assert_true (activate (window, "doc.split", NULL));
  g_assert_true (activate (window, "doc.split", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 8);
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

static void
test_resplit (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  GlossWindow *window;
  GlossDocument *document;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  document = gloss_window_get_document (window);

  /* A labelled merge stays; an unlabelled one is split again */
  gloss_window_set_position (window, 1);
  activate (window, "doc.toggle-label", "s", "claim");
  activate (window, "doc.merge-next", NULL);
  gloss_window_set_position (window, 3);
  activate (window, "doc.merge-next", NULL);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 4);

  g_assert_true (activate (window, "doc.resplit-unlabelled", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 5);
  g_assert_true (sentence_has (window, 1, "claim", FALSE));
  wait_for (all_saved, window, "the re-split to be saved");
  saved = read_normalized (json);
  g_assert_nonnull (strstr (saved, "\"start\": 34, \"end\": 139}"));
  g_assert_nonnull (strstr (saved, "\"start\": 207, \"end\": 236}"));
  g_assert_nonnull (strstr (saved, "\"start\": 238, \"end\": 270}"));

  /* One undoable step */
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

/* A wrong guess of the language is put right from the menu: the
 * unlabelled sentences are split again by the other language's rules */
static void
test_language (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-language-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "mixed.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "mixed.txt.gloss.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  GlossDocument *document;

  /* Mostly English words, so English is guessed; "am 3. Mai" is German */
  g_file_set_contents (text, "The meeting of the Rat was held am 3. Mai in the town hall. It was long.", -1, &error);
  g_assert_no_error (error);

  window = open_text (text);
  document = gloss_window_get_document (window);
  g_assert_cmpstr (gloss_document_get_language (document), ==, "en");
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 3);

  g_assert_true (activate (window, "language.set", "s", "de"));
  g_assert_cmpstr (gloss_document_get_language (document), ==, "de");
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 2);

  wait_for (all_saved, window, "the new language to be saved");
  saved = read_normalized (json);
  g_assert_nonnull (strstr (saved, "\"language\": \"de\""));
  g_assert_nonnull (strstr (saved, "{\"id\": 3, \"start\": 0, \"end\": 59}"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static gboolean
dialog_ready (gpointer data)
{
  return gloss_reanchor_dialog_get_ready (data);
}

static gboolean
editable_and_saved (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document != NULL && !gloss_document_get_read_only (document) && all_saved (data) &&
         gloss_document_get_n_annotated (document) > 0;
}

static guint
char_offset (const char *haystack,
             const char *needle)
{
  const char *at = strstr (haystack, needle);

  g_assert_nonnull (at);

  return g_utf8_pointer_to_offset (haystack, at);
}

static JsonObject *
find_annotation (JsonArray  *annotations,
                 const char *label)
{
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *annotation = json_array_get_object_element (annotations, i);

      if (g_strcmp0 (json_object_get_string_member (annotation, "label"), label) == 0)
        return annotation;
    }

  return NULL;
}

static void
test_reanchor (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *old_json = NULL;
  g_autofree char *after_cancel = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *new_text =
    "UPDATED: Council delays the new tram line\n\n"
    "The tram line to the university will open two years late. The city council announced the delay on Monday.\n\n"
    "\"We underestimated the ground works,\" said the transport director. Critics call the plan a mess.\n\n"
    "Nobody else commented.\n";
  GlossReanchorDialog *dialog;
  GlossWindow *window;
  GlossDocument *document;
  GPtrArray *anchors;
  JsonArray *annotations;
  JsonObject *annotation;
  guint counts[GLOSS_ANCHOR_LOST + 1] = { 0 };

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  gloss_window_set_position (window, 1);
  activate (window, "doc.toggle-label", "s", "claim");
  gloss_window_set_position (window, 3);
  activate (window, "doc.toggle-label", "s", "quote");
  gloss_window_set_position (window, 5);
  activate (window, "doc.toggle-label", "s", "source");
  wait_for (all_saved, window, "the labels to be saved");
  gtk_window_destroy (GTK_WINDOW (window));
  old_json = read_file (json);

  /* The text is corrected after it was annotated */
  g_file_set_contents (text, new_text, -1, &error);
  g_assert_no_error (error);

  window = open_text (text);
  document = gloss_window_get_document (window);
  g_assert_true (gloss_document_get_read_only (document));
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "read-only");

  /* Cancel leaves everything as it was */
  g_assert_true (activate (window, "win.reanchor", NULL));
  dialog = GLOSS_REANCHOR_DIALOG (find_last_toplevel (GLOSS_TYPE_REANCHOR_DIALOG));
  g_assert_nonnull (dialog);
  wait_for (dialog_ready, dialog, "the re-anchoring");
  g_assert_true (activate (dialog, "reanchor.cancel", NULL));
  spin (300);
  g_assert_true (gloss_window_get_document (window) == document);
  after_cancel = read_file (json);
  g_assert_cmpstr (after_cancel, ==, old_json);

  /* The review: one moved, one changed, one not found, with counts */
  g_assert_true (activate (window, "win.reanchor", NULL));
  dialog = GLOSS_REANCHOR_DIALOG (find_last_toplevel (GLOSS_TYPE_REANCHOR_DIALOG));
  wait_for (dialog_ready, dialog, "the re-anchoring");
  anchors = gloss_reanchor_dialog_get_anchors (dialog);
  g_assert_cmpuint (anchors->len, ==, 3);
  for (guint i = 0; i < anchors->len; i++)
    counts[((GlossAnchor *)g_ptr_array_index (anchors, i))->status]++;
  g_assert_cmpuint (counts[GLOSS_ANCHOR_MOVED], ==, 1);
  g_assert_cmpuint (counts[GLOSS_ANCHOR_CHANGED], ==, 1);
  g_assert_cmpuint (counts[GLOSS_ANCHOR_LOST], ==, 1);
  g_assert_nonnull (strstr (gloss_reanchor_dialog_get_summary (dialog), "0 kept, 1 moved, 1 changed"));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (gloss_reanchor_dialog_get_list (dialog))));
  /* Nothing written before Apply */
  {
    g_autofree char *still = read_file (json);

    g_assert_cmpstr (still, ==, old_json);
  }
  screenshot (GTK_WIDGET (dialog), "reanchor-dialog.png");

  g_assert_true (activate (dialog, "reanchor.apply", NULL));
  wait_for (editable_and_saved, window, "the re-anchored document to be saved");
  document = gloss_window_get_document (window);
  g_assert_cmpuint (gloss_document_get_n_orphans (document), ==, 1);

  /* The saved spans are exact in the new text; the orphan is kept */
  saved = read_file (json);
  json_parser_load_from_data (parser, saved, -1, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 2);

  annotation = find_annotation (annotations, "claim");
  g_assert_nonnull (annotation);
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==,
                   char_offset (new_text, "The tram line"));
  g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==,
                   char_offset (new_text, " The city council"));

  annotation = find_annotation (annotations, "quote");
  g_assert_nonnull (annotation);
  g_assert_cmpint (json_object_get_int_member (annotation, "start"), ==,
                   char_offset (new_text, "\"We underestimated"));
  g_assert_cmpint (json_object_get_int_member (annotation, "end"), ==,
                   char_offset (new_text, " Critics call"));
  g_assert_true (json_object_get_boolean_member_with_default (annotation, "review", FALSE));

  g_assert_nonnull (strstr (saved, "\"orphans\": ["));
  g_assert_nonnull (strstr (saved, "The opposition wants an inquiry."));
  g_assert_null (find_annotation (annotations, "source"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

static gboolean
banner_shows_annotations (gpointer data)
{
  return gloss_conflict_banner_get_kind (get_banner (data)) == GLOSS_CONFLICT_ANNOTATIONS;
}

static gboolean
banner_shows_text (gpointer data)
{
  return gloss_conflict_banner_get_kind (get_banner (data)) == GLOSS_CONFLICT_TEXT;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
reloaded_with_one (gpointer data)
{
  GlossDocument *document = gloss_window_get_document (data);

  return document != NULL && gloss_document_get_n_annotated (document) == 1 &&
         gloss_conflict_banner_get_kind (get_banner (data)) == GLOSS_CONFLICT_NONE;
}

static void
test_external_change (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *mine = g_build_filename (dir, "article.txt.gloss.mine.json", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *mine_bytes = NULL;
  g_autoptr(GRegex) second = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  gloss_window_set_position (window, 1);
  activate (window, "doc.toggle-label", "s", "claim");
  gloss_window_set_position (window, 3);
  activate (window, "doc.toggle-label", "s", "quote");
  wait_for (all_saved, window, "the labels to be saved");
  spin (800);
  g_assert_cmpint (gloss_conflict_banner_get_kind (get_banner (window)), ==, GLOSS_CONFLICT_NONE);
  ours = read_file (json);

  /* A label here that is in no file yet */
  gloss_saver_set_delay (gloss_window_get_saver (window), 60000);
  gloss_window_set_position (window, 2);
  activate (window, "doc.toggle-label", "s", "claim");

  /* A colleague's version (a git pull): the quote is gone */
  second = g_regex_new (",\n    \\{\"id\": 2, \"label\": \"quote\"[^\n]*", 0, 0, NULL);
  theirs = g_regex_replace (second, ours, -1, 0, "", 0, NULL);
  g_assert_cmpstr (theirs, !=, ours);
  g_file_set_contents (json, theirs, -1, &error);
  g_assert_no_error (error);
  wait_for (banner_shows_annotations, window, "the conflict banner");
  g_assert_nonnull (strstr (gloss_conflict_banner_get_message (get_banner (window)),
                            "The annotations changed on disk"));

  /* Our edits go on, but nothing overwrites theirs */
  gloss_saver_set_delay (gloss_window_get_saver (window), 200);
  gloss_window_set_position (window, 4);
  activate (window, "doc.toggle-label", "s", "source");
  spin (1000);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (gloss_saver_get_dirty (gloss_window_get_saver (window)));
  /* The header says the change is held, not "Saving…" */
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "conflict");

  /* Keep Mine: ours beside theirs, theirs untouched, theirs shown */
  g_assert_true (activate (window, "win.keep-mine", NULL));
  wait_for (file_exists, mine, "the .mine.json");
  wait_for (reloaded_with_one, window, "the annotations on disk to be shown");
  mine_bytes = read_file (mine);
  g_assert_nonnull (strstr (mine_bytes, "\"label\": \"claim\""));
  g_assert_nonnull (strstr (mine_bytes, "\"label\": \"quote\""));
  g_assert_nonnull (strstr (mine_bytes, "\"label\": \"source\""));
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (sentence_has (window, 1, "claim", FALSE));
  g_assert_false (sentence_has (window, 3, "quote", FALSE));

  /* Another change on disk, unsaved changes here: Reload asks first */
  gloss_saver_set_delay (gloss_window_get_saver (window), 60000);
  gloss_window_set_position (window, 5);
  activate (window, "doc.toggle-label", "s", "claim");
  g_clear_pointer (&theirs, g_free);
  theirs = g_strconcat (on_disk, "\n", NULL);
  g_file_set_contents (json, theirs, -1, &error);
  g_assert_no_error (error);
  wait_for (banner_shows_annotations, window, "the second conflict banner");
  g_assert_true (activate (window, "win.reload-from-disk", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_last_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  wait_for (reloaded_with_one, window, "the reload");
  g_assert_false (sentence_has (window, 5, "claim", FALSE));
  g_clear_pointer (&on_disk, g_free);
  on_disk = read_file (json);
  g_assert_cmpstr (on_disk, ==, theirs);

  /* A changed text shows the banner that leads to re-anchoring */
  g_file_set_contents (text, "A wholly new text. With two sentences.\n", -1, &error);
  g_assert_no_error (error);
  wait_for (banner_shows_text, window, "the text-changed banner");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (get_banner (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

/* The text changes under an open document that is being worked on, and
 * Apply comes while a label is still waiting for the autosave: the old
 * document writes nothing more (its last write would land after the
 * re-anchored one), and the re-anchored one holds that label */
static void
test_reanchor_while_open (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { "article.txt", NULL });
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "article.txt.gloss.json", NULL);
  g_autofree char *old_text = read_file (text);
  g_autofree char *new_text = g_strconcat ("UPDATED, 10:40.\n\n", old_text, NULL);
  g_autofree char *claim = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GlossReanchorDialog *dialog;
  GlossSaver *old_saver;
  GlossWindow *window;
  JsonArray *annotations;

  g_settings_set_boolean (gloss_application_get_settings (app), "advance-after-label", FALSE);
  window = open_text (text);
  claim = sentence_text (window, 1);
  quote = sentence_text (window, 3);
  gloss_window_set_position (window, 1);
  activate (window, "doc.toggle-label", "s", "claim");
  wait_for (all_saved, window, "the first label to be saved");

  g_file_set_contents (text, new_text, -1, &error);
  g_assert_no_error (error);
  wait_for (banner_shows_text, window, "the text-changed banner");

  old_saver = gloss_window_get_saver (window);
  g_object_add_weak_pointer (G_OBJECT (old_saver), (gpointer *)&old_saver);
  gloss_saver_set_delay (old_saver, 1000);
  gloss_window_set_position (window, 3);
  activate (window, "doc.toggle-label", "s", "quote");

  g_assert_true (activate (window, "win.reanchor", NULL));
  dialog = GLOSS_REANCHOR_DIALOG (find_last_toplevel (GLOSS_TYPE_REANCHOR_DIALOG));
  wait_for (dialog_ready, dialog, "the re-anchoring");
  g_assert_nonnull (old_saver);
  g_assert_true (gloss_saver_get_dirty (old_saver));
  g_assert_true (activate (dialog, "reanchor.apply", NULL));

  /* Let go of at once: no write of the old document is left to land */
  g_assert_null (old_saver);

  wait_for (editable_and_saved, window, "the re-anchored document to be saved");
  spin (500);
  g_assert_cmpint (gloss_conflict_banner_get_kind (get_banner (window)), ==, GLOSS_CONFLICT_NONE);
  g_assert_cmpstr (gloss_window_get_save_status (window), ==, "saved");

  /* On disk: both labels, at their places in the new text */
  saved = read_file (json);
  json_parser_load_from_data (parser, saved, -1, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 2);
  g_assert_cmpint (json_object_get_int_member (find_annotation (annotations, "claim"), "start"), ==,
                   char_offset (new_text, claim));
  g_assert_cmpint (json_object_get_int_member (find_annotation (annotations, "quote"), "start"), ==,
                   char_offset (new_text, quote));
  {
    g_autoptr(GFile) file = g_file_new_for_path (text);
    g_autoptr(GlossDocument) reread = gloss_document_load (file, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (gloss_document_get_read_only (reread));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gloss_application_get_settings (app), "advance-after-label");
  remove_tree (dir);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_dialog_for (data, ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *text = g_build_filename (dir, "latin.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GlossWindow *window;
  GlossDocument *document;
  const char *body;

  g_file_set_contents (text, "Le caf\xe9 du coin ferme. Les habitu\xe9s sont tristes.\n", -1, &error);
  g_assert_no_error (error);

  window = open_window (text);
  wait_for (message_dialog_shown, window, "the encoding dialog");
  dialog = ADW_MESSAGE_DIALOG (find_dialog_for (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  body = adw_message_dialog_get_body (dialog);
  /* Where the bad byte is, in the core's words */
  g_assert_nonnull (strstr (body, "UTF-8"));
  g_assert_true (strstr (body, "6") != NULL || strstr (body, "7") != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "windows-1252"));

  adw_message_dialog_response (dialog, "windows-1252");
  wait_for (document_shown, window, "the text to open as Windows-1252");
  document = gloss_window_get_document (window);
  contents = gloss_document_dup_sentence_text (document, 0);
  g_assert_cmpstr (contents, ==, "Le café du coin ferme.");
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static gboolean
failed_shown (gpointer data)
{
  return gloss_window_get_failed_text (data) != NULL;
}

/* Bytes no older encoding explains (an overlong sequence): the text is
 * said to be damaged, where, and Windows-1252 is not offered, as it could
 * not fix them (issue 10, item 9) */
static void
test_damaged_utf8 (void)
{
  g_autofree char *dir = make_workdir ((const char *[]) { NULL });
  g_autofree char *text = g_build_filename (dir, "damaged.txt", NULL);
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  const char *message;

  g_file_set_contents (text, "Der Rat tagte. Er beschloss \xc0\xaf nichts.\n", -1, &error);
  g_assert_no_error (error);

  window = open_window (text);
  wait_for (failed_shown, window, "the window to say it could not open");
  message = gloss_window_get_failed_text (window);
  g_assert_nonnull (strstr (message, "damaged.txt” could not be opened"));
  g_assert_nonnull (strstr (message, "column 29 (byte 28)"));
  g_assert_nonnull (strstr (message, "the file is damaged"));
  spin (300);
  g_assert_null (find_dialog_for (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  app = ui_test_init (&argc, &argv);

  g_test_add_func ("/gloss/window-boundaries/merge-undo", test_merge_undo);
  g_test_add_func ("/gloss/window-boundaries/split", test_split);
  g_test_add_func ("/gloss/window-boundaries/resplit", test_resplit);
  g_test_add_func ("/gloss/window-boundaries/language", test_language);
  g_test_add_func ("/gloss/window-boundaries/reanchor", test_reanchor);
  g_test_add_func ("/gloss/window-boundaries/reanchor-while-open", test_reanchor_while_open);
  g_test_add_func ("/gloss/window-boundaries/external-change", test_external_change);
  g_test_add_func ("/gloss/window-boundaries/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/gloss/window-boundaries/damaged-utf8", test_damaged_utf8);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
