/* test-saver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The autosave, without a window: debouncing, the generation written,
 * errors and their recovery, and read-only documents.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-document.h"
#include "gloss-saver.h"

typedef struct
{
  char          *dir;
  char          *text_path;
  char          *json_path;
  GlossDocument *document;
  GlossSaver    *saver;
  guint          n_state_changes;
} Fixture;

static void
on_state_cb (GlossSaver *saver,
             GParamSpec *pspec,
             Fixture    *fixture)
{
  fixture->n_state_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-saver-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->text_path = g_build_filename (fixture->dir, "a.txt", NULL);
  fixture->json_path = g_build_filename (fixture->dir, "a.txt.gloss.json", NULL);
  g_file_set_contents (fixture->text_path, "One sentence. Another one. A third.", -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (fixture->text_path);
  fixture->document = gloss_document_load (file, "en", NULL, &error);
  g_assert_no_error (error);
  fixture->saver = gloss_saver_new (fixture->document);
  gloss_saver_set_delay (fixture->saver, 50);
  g_signal_connect (fixture->saver, "notify::state", G_CALLBACK (on_state_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->saver);
  g_clear_object (&fixture->document);
  g_remove (fixture->json_path);
  g_rmdir (fixture->json_path);
  g_remove (fixture->text_path);
  g_rmdir (fixture->dir);
  g_free (fixture->json_path);
  g_free (fixture->text_path);
  g_free (fixture->dir);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_for_state (Fixture         *fixture,
                GlossSaverState  state,
                gboolean         dirty)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (gloss_saver_get_state (fixture->saver) != state || gloss_saver_get_dirty (fixture->saver) != dirty)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static guint
count_in_file (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  for (const char *p = strstr (contents, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_debounce (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_cmpint (gloss_saver_get_state (fixture->saver), ==, GLOSS_SAVER_SAVED);
  g_assert_false (gloss_saver_get_dirty (fixture->saver));

  /* Three quick changes: one write with all of them */
  gloss_document_add_label (fixture->document, 0, "claim");
  gloss_document_add_label (fixture->document, 1, "source");
  gloss_document_add_label (fixture->document, 2, "quote");
  g_assert_cmpint (gloss_saver_get_state (fixture->saver), ==, GLOSS_SAVER_SAVING);
  g_assert_true (gloss_saver_get_dirty (fixture->saver));
  g_assert_false (g_file_test (fixture->json_path, G_FILE_TEST_EXISTS));

  wait_for_state (fixture, GLOSS_SAVER_SAVED, FALSE);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 3);
  g_assert_cmpuint (fixture->n_state_changes, ==, 2);
}

static void
test_change_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  gloss_document_add_label (fixture->document, 0, "claim");
  gloss_saver_save_now (fixture->saver);

  /* The write runs in a thread; this change must not be taken for saved */
  gloss_document_add_label (fixture->document, 1, "claim");
  g_assert_true (gloss_saver_get_dirty (fixture->saver));

  wait_for_state (fixture, GLOSS_SAVER_SAVED, FALSE);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": \"claim\""), ==, 2);
}

static void
test_error_and_recovery (Fixture       *fixture,
                         gconstpointer  data)
{
  /* A folder where the file goes: the rename fails, even for root */
  g_assert_cmpint (g_mkdir (fixture->json_path, 0755), ==, 0);

  gloss_document_add_label (fixture->document, 0, "claim");
  wait_for_state (fixture, GLOSS_SAVER_ERROR, TRUE);
  g_assert_nonnull (gloss_saver_get_error (fixture->saver));

  /* Further changes keep the error on show and the document dirty */
  gloss_document_add_label (fixture->document, 1, "quote");
  g_assert_cmpint (gloss_saver_get_state (fixture->saver), ==, GLOSS_SAVER_ERROR);
  wait_for_state (fixture, GLOSS_SAVER_ERROR, TRUE);

  g_assert_cmpint (g_rmdir (fixture->json_path), ==, 0);
  gloss_saver_save_now (fixture->saver);
  wait_for_state (fixture, GLOSS_SAVER_SAVED, FALSE);
  g_assert_null (gloss_saver_get_error (fixture->saver));
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 2);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-saver-XXXXXX", &error);
  g_autofree char *text = g_build_filename (dir, "b.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "b.txt.gloss.json", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSaver) saver = NULL;
  static const char broken[] = "{\"format\": \"gloss\", \"version\": 99}";
  gint64 until;

  g_file_set_contents (text, "A text.", -1, NULL);
  g_file_set_contents (json, broken, -1, NULL);
  file = g_file_new_for_path (text);
  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_get_read_only (document));

  saver = gloss_saver_new (document);
  gloss_saver_set_delay (saver, 10);
  gloss_saver_mark_dirty (saver);
  gloss_saver_save_now (saver);

  until = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  g_assert_false (gloss_saver_get_dirty (saver));
  g_assert_cmpint (gloss_saver_get_state (saver), ==, GLOSS_SAVER_SAVED);
  g_file_get_contents (json, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, broken);

  g_remove (json);
  g_remove (text);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gloss/saver/debounce", Fixture, NULL, fixture_set_up, test_debounce, fixture_tear_down);
  g_test_add ("/gloss/saver/change-while-writing", Fixture, NULL, fixture_set_up, test_change_while_writing, fixture_tear_down);
  g_test_add ("/gloss/saver/error-and-recovery", Fixture, NULL, fixture_set_up, test_error_and_recovery, fixture_tear_down);
  g_test_add_func ("/gloss/saver/read-only", test_read_only);

  return g_test_run ();
}
