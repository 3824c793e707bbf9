/* test-window-long.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a long article (5 MB, 20 000 annotations, lines of
 * hundreds of kilobytes): the text is shown before its annotations are
 * read, the labels are tagged in the background, and until they all are,
 * moving works and what is on screen is tagged. Every tag lies on exactly
 * the characters of its sentence. Nothing here is timed.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-annotation.h"
#include "gloss-article-view.h"
#include "gloss-big-article.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-saver.h"
#include "gloss-sentence.h"
#include "gloss-sidebar.h"
#include "gloss-text.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static GlossApplication *app;

typedef struct
{
  GlossWindow *window;
  guint        n_inserts;
  gboolean     text_before_document;
} Watch;

static void
on_insert_text_cb (GtkTextBuffer *buffer,
                   GtkTextIter   *location,
                   char          *text,
                   int            length,
                   Watch         *watch)
{
  watch->n_inserts++;
  if (gloss_window_get_document (watch->window) == NULL)
    watch->text_before_document = TRUE;
}

/* Each text the view shows comes in a buffer of its own */
static void
on_view_notify_buffer_cb (GtkTextView *view,
                          GParamSpec  *pspec,
                          Watch       *watch)
{
  g_signal_connect (gtk_text_view_get_buffer (view), "insert-text", G_CALLBACK (on_insert_text_cb), watch);
}

/* The labels of the sentence at @position that have a tag, and no others,
 * lie on exactly its characters, and the view shows its text */
static void
check_sentence (GlossArticleView *view,
                GlossDocument    *document,
                guint             position)
{
  GlossSentence *sentence = gloss_document_get_sentence (document, position);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  guint start = gloss_sentence_get_start (sentence);
  guint end = gloss_sentence_get_end (sentence);
  g_autofree char *expected = gloss_document_dup_sentence_text (document, position);
  g_autofree char *shown = NULL;
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  shown = gtk_text_buffer_get_slice (buffer, &a, &b, TRUE);
  /* A long line is shown in pieces: a paragraph separator stands where the
   * segmenter saw a sentence begin, which need not be where the document's
   * (generated, or merged by hand) sentences begin; one code point for one */
  for (char *p = strstr (shown, "\u2029"); p != NULL; p = strstr (p, "\u2029"))
    {
      g_assert_cmpint (expected[p - shown], ==, ' ');
      memmove (p + 1, p + 3, strlen (p + 3) + 1);
      *p = ' ';
    }
  g_assert_cmpstr (shown, ==, expected);

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      const char *id = gloss_label_get_id (gloss_label_set_get_label (labels, i));
      gboolean has = FALSE;

      /* The first two labels show as tags (background, underline), all of
       * them as markers */
      for (guint j = 0; j < MIN (2, gloss_sentence_get_n_annotations (sentence)); j++)
        has |= g_strcmp0 (gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, j)), id) == 0;

      /* Sentences are apart (trimmed), so a tag begins and ends with one */
      g_assert_cmpint (gloss_article_view_has_tag_at (view, start, id), ==, has);
      g_assert_cmpint (gloss_article_view_has_tag_at (view, end - 1, id), ==, has);
      if (has)
        {
          g_assert_false (gloss_article_view_has_tag_at (view, end, id));
          if (start > 0)
            g_assert_false (gloss_article_view_has_tag_at (view, start - 1, id));
        }
    }
}

static int
first_labelled_after (GlossDocument *document,
                      guint          position)
{
  for (guint i = position; i < gloss_document_get_n_sentences (document); i++)
    if (gloss_sentence_get_n_annotations (gloss_document_get_sentence (document, i)) > 0)
      return i;

  g_assert_not_reached ();
}

static int
last_labelled (GlossDocument *document)
{
  for (int i = gloss_document_get_n_sentences (document) - 1; i >= 0; i--)
    if (gloss_sentence_get_n_annotations (gloss_document_get_sentence (document, i)) > 1)
      return i;

  return -1;
}

static gboolean
tagging_done (gpointer data)
{
  return !gloss_article_view_get_tagging (data);
}

/* A new folder with @name, a long article made from the samples */
static char *
make_article (const char  *name,
              gsize        n_bytes,
              guint        n_annotations,
              char       **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *samples = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
  char *path;

  *dir = g_dir_make_tmp ("gloss-long-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, name, NULL);
  gloss_big_article_write (path, samples, n_bytes, n_annotations, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_long_article (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_article ("long.txt", 5 * 1000 * 1000, 20000, &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *sidebar_text = NULL;
  GlossArticleView *view;
  GlossDocument *document;
  GtkTextBuffer *buffer;
  GlossWindow *window;
  Watch watch = { NULL, 0, FALSE };
  guint n;
  int last, middle;

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  watch.window = window;
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  g_signal_connect (view, "notify::buffer", G_CALLBACK (on_view_notify_buffer_cb), &watch);

  /* Without a delay, the text is shown as soon as it is read, before the
   * annotations are; their document keeps the text as it is */
  gloss_window_set_loading_delay (window, 0);
  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open (window, file);
  wait_for (document_shown, window, "the long article to open");
  g_assert_true (watch.text_before_document);
  g_assert_cmpuint (watch.n_inserts, ==, 1);
  g_signal_handlers_disconnect_by_data (view, &watch);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  document = gloss_window_get_document (window);
  n = gloss_document_get_n_sentences (document);
  g_assert_cmpuint (n, >, 40000);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, 20000);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, gloss_text_get_length (gloss_document_get_text (document)));

  /* The labels are still being tagged: the last labelled sentence can be
   * made current, and it is tagged at once, with the sidebar showing it */
  g_assert_true (gloss_article_view_get_tagging (view));
  last = last_labelled (document);
  g_assert_cmpint (last, >, (int)n / 2);
  gloss_window_set_position (window, last);
  g_assert_cmpint (gloss_window_get_position (window), ==, last);
  g_assert_cmpint (gloss_article_view_get_current (view), ==, last);
  g_assert_true (gloss_article_view_get_tagging (view));
  check_sentence (view, document, last);
  sidebar_text = gloss_document_dup_sentence_text (document, last);
  g_assert_cmpstr (gloss_sidebar_get_sentence_text (GLOSS_SIDEBAR (gloss_window_get_sidebar (window))), ==,
                   g_strstrip (sidebar_text));

  /* Changes to sentences not tagged yet are tagged right: a label, and
   * a merge and its undo, which move the sentences after them */
  g_assert_true (activate (window, "doc.toggle-label", "s", "claim"));
  check_sentence (view, document, last);
  middle = first_labelled_after (document, n / 2);
  gloss_window_set_position (window, middle);
  g_assert_true (activate (window, "doc.merge-next", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n - 1);
  check_sentence (view, document, middle);
  check_sentence (view, document, middle + 1);
  g_assert_true (activate (window, "doc.undo", NULL));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n);
  check_sentence (view, document, middle);
  check_sentence (view, document, middle + 1);
  g_assert_true (gloss_article_view_get_tagging (view));

  /* Then every sentence, labelled or not */
  wait_for (tagging_done, view, "the labels to be tagged");
  for (guint i = 0; i < n; i++)
    check_sentence (view, document, i);

  /* The lines of hundreds of kilobytes are shown in pieces, yet no
   * offset moved (as the checks above show) */
  {
    const char *contents = gloss_text_get_contents (gloss_document_get_text (document));
    int n_lines = 1;

    for (const char *p = contents; *p != '\0'; p++)
      n_lines += *p == '\n';
    g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), >, n_lines + 100);
  }

  wait_for (all_saved, window, "the autosave");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static gboolean
sentence_tagged (gpointer data)
{
  GlossWindow *window = data;
  GlossDocument *document = gloss_window_get_document (window);
  GlossArticleView *view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  guint position = gloss_document_get_n_sentences (document) / 3;
  GlossSentence *sentence = gloss_document_get_sentence (document, position);

  return gloss_article_view_sentence_has_tag (view, position,
                                              gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, 0)));
}

/* Merges and splits behind and ahead of the background tagging, on a text
 * with a label on every sentence, so that any sentence the tagging
 * skipped or any tag left over shows */
static void
test_changes_while_tagging (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_article ("labelled.txt", 2 * 1000 * 1000, 0, &dir);
  GlossArticleView *view;
  GlossDocument *document;
  GlossWindow *window;
  guint n;

  window = open_window (path);
  wait_for (document_shown, window, "the article to open");
  view = GLOSS_ARTICLE_VIEW (gloss_window_get_article_view (window));
  document = gloss_window_get_document (window);
  n = gloss_document_get_n_sentences (document);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, n + n / 10);

  /* A third of the way in the tagging, merges before it and after it */
  wait_for (sentence_tagged, window, "the first third to be tagged");
  g_assert_true (gloss_article_view_get_tagging (view));
  for (guint k = 0; k < 10; k++)
    {
      guint behind = n / 4 + 50 * k;
      guint ahead = n - n / 4 + 50 * k;

      gloss_window_set_position (window, ahead);
      g_assert_true (activate (window, "doc.merge-next", NULL));
      gloss_window_set_position (window, behind);
      g_assert_true (activate (window, "doc.merge-next", NULL));
    }
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n - 20);
  g_assert_true (gloss_article_view_get_tagging (view));

  wait_for (tagging_done, view, "the labels to be tagged");
  for (guint i = 0; i < n - 20; i++)
    check_sentence (view, document, i);

  gloss_saver_save_now (gloss_window_get_saver (window));
  wait_for (all_saved, window, "the autosave");
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static gboolean
load_failed (gpointer data)
{
  return g_strcmp0 (gloss_window_get_page (data), "failed") == 0;
}

/* The text is shown, then its annotations cannot be read: the window says
 * so, and the text without labels goes */
static void
test_failure_after_text (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_article ("broken.txt", 100 * 1000, 100, &dir);
  g_autofree char *json = g_strconcat (path, ".gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkTextView *view;
  GlossWindow *window;
  Watch watch = { NULL, 0, FALSE };

  /* A folder where the annotation file should be: not a file to read */
  g_assert_cmpint (g_remove (json), ==, 0);
  g_assert_cmpint (g_mkdir (json, 0700), ==, 0);

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, NULL);
  watch.window = window;
  view = GTK_TEXT_VIEW (gloss_window_get_article_view (window));
  g_signal_connect (view, "notify::buffer", G_CALLBACK (on_view_notify_buffer_cb), &watch);
  gloss_window_set_loading_delay (window, 0);
  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open (window, file);
  wait_for (load_failed, window, "the load to fail");

  g_assert_true (watch.text_before_document);
  g_assert_null (gloss_window_get_document (window));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)), ==, 0);
  g_signal_handlers_disconnect_by_data (view, &watch);

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (json);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossApplication) application = ui_test_init (&argc, &argv);

  app = application;
  g_test_add_func ("/gloss/window-long/article", test_long_article);
  g_test_add_func ("/gloss/window-long/changes-while-tagging", test_changes_while_tagging);
  g_test_add_func ("/gloss/window-long/failure-after-text", test_failure_after_text);

  return g_test_run ();
}
