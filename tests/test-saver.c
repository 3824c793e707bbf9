/* test-saver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The autosave, without a window: debouncing, the generation written,
 * errors and their recovery, read-only documents, the synchronous flush
 * of a quit on a signal and the recovery file of work it cannot save.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-recovery.h"
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

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Written at once, without the main loop */
  gloss_document_add_label (fixture->document, 0, "claim");
  g_assert_true (gloss_saver_flush (fixture->saver, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_saver_get_dirty (fixture->saver));
  g_assert_cmpint (gloss_saver_get_state (fixture->saver), ==, GLOSS_SAVER_SAVED);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 1);

  /* A write running in its thread ends first: its older snapshot never
   * lands after the flush */
  gloss_document_add_label (fixture->document, 1, "claim");
  gloss_saver_save_now (fixture->saver);
  gloss_document_add_label (fixture->document, 2, "claim");
  g_assert_true (gloss_saver_flush (fixture->saver, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 3);
  spin (200);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 3);
  g_assert_false (gloss_saver_get_dirty (fixture->saver));

  /* Nothing pending: nothing to do */
  g_assert_true (gloss_saver_flush (fixture->saver, &error));
  g_assert_no_error (error);
}

static void
test_flush_held (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gloss_saver_set_held (fixture->saver, TRUE);
  gloss_document_add_label (fixture->document, 0, "claim");
  g_assert_false (gloss_saver_flush (fixture->saver, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_assert_false (g_file_test (fixture->json_path, G_FILE_TEST_EXISTS));
  g_assert_true (gloss_saver_get_dirty (fixture->saver));
}

/* A document replaced by another with all its work (re-anchored): the
 * write already running ends before stop returns, and nothing of it is
 * written after, not even by a flush at a quit */
static void
test_stop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gloss_document_add_label (fixture->document, 0, "claim");
  gloss_saver_save_now (fixture->saver);
  gloss_document_add_label (fixture->document, 1, "claim");
  g_assert_true (gloss_saver_stop (fixture->saver, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 1);

  gloss_document_add_label (fixture->document, 2, "claim");
  gloss_saver_save_now (fixture->saver);
  spin (300);
  g_assert_true (gloss_saver_flush (fixture->saver, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in_file (fixture->json_path, "\"label\": "), ==, 1);
}

static guint
count_recoveries (void)
{
  g_autoptr(GPtrArray) recoveries = gloss_recovery_list ();

  return recoveries->len;
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossRecovery) recovery = NULL;
  g_autoptr(GlossRecovery) listed = NULL;
  g_autoptr(GlossDocument) restored = NULL;
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autoptr(GFile) text = g_file_new_for_path (fixture->text_path);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  GStatBuf buf;

  g_assert_cmpuint (count_recoveries (), ==, 0);

  /* Nothing pending: no recovery */
  recovery = gloss_recovery_flush (fixture->saver, &error);
  g_assert_no_error (error);
  g_assert_null (recovery);

  /* A folder where the file goes: the save fails, even for root */
  g_assert_cmpint (g_mkdir (fixture->json_path, 0755), ==, 0);
  gloss_document_add_label (fixture->document, 0, "claim");
  gloss_document_set_note (fixture->document, 0, "Zitat 😊");
  recovery = gloss_recovery_flush (fixture->saver, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_assert_true (gloss_saver_get_held (fixture->saver));
  g_assert_true (gloss_saver_get_dirty (fixture->saver));
  g_assert_true (g_file_equal (gloss_recovery_get_text_file (recovery), text));
  g_assert_cmpstr (gloss_recovery_get_name (recovery), ==, "a.txt");
  g_assert_false (gloss_recovery_get_conflict (recovery));
  g_assert_cmpstr (gloss_recovery_get_reason (recovery), !=, "");

  /* Private, whole, and the only one */
  path = g_file_get_path (gloss_recovery_get_file (recovery));
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"format\" : \"gloss-recovery\""));
  recoveries = gloss_recovery_list ();
  g_assert_cmpuint (recoveries->len, ==, 1);
  listed = g_object_ref (g_ptr_array_index (recoveries, 0));
  g_assert_true (g_file_equal (gloss_recovery_get_file (listed), gloss_recovery_get_file (recovery)));

  /* The work comes back, for the text as it is */
  restored = gloss_recovery_load_document (listed, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_document_get_read_only (restored));
  g_assert_true (g_file_equal (gloss_document_get_file (restored), text));
  g_assert_cmpuint (gloss_document_count_label (restored, "claim"), ==, 1);
  g_assert_cmpstr (gloss_document_get_note (restored, 0), ==, "Zitat 😊");

  /* No annotation file then, none now: writing it replaces nobody's */
  g_assert_false (gloss_recovery_changed_on_disk (listed));
  g_assert_cmpint (g_rmdir (fixture->json_path), ==, 0);
  g_file_set_contents (fixture->json_path, "{}", -1, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_recovery_changed_on_disk (listed));

  /* The restored work replaces only the file it was made against: not
   * this one, written since */
  g_assert_false (gloss_document_save (restored, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_file_get_contents (fixture->json_path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, "{}");

  /* A second recovery of the same text replaces the first */
  g_clear_object (&recovery);
  recovery = gloss_recovery_save (fixture->document, TRUE, "held", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_recoveries (), ==, 1);
  g_assert_true (gloss_recovery_get_conflict (recovery));
  g_assert_true (gloss_recovery_changed_on_disk (recovery));

  g_assert_true (gloss_recovery_discard (recovery, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_recoveries (), ==, 0);
  /* Gone already is no error */
  g_assert_true (gloss_recovery_discard (recovery, &error));
  g_assert_no_error (error);
}

static void
test_recovery_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-saver-XXXXXX", &error);
  g_autofree char *text = g_build_filename (dir, "caf\xe9.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) restored = NULL;
  g_autoptr(GlossRecovery) recovery = NULL;

  g_file_set_contents (text, "One sentence. Another one.", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (text);
  document = gloss_document_load (file, "en", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 1, "quote");

  /* A name that is not UTF-8: the recovery is valid JSON all the same,
   * and finds the very file again */
  recovery = gloss_recovery_save (document, FALSE, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_recovery_get_name (recovery), ==, "caf\xef\xbf\xbd.txt");
  path = g_file_get_path (gloss_recovery_get_file (recovery));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  g_assert_true (g_file_equal (gloss_recovery_get_text_file (recovery), file));

  restored = gloss_recovery_load_document (recovery, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_count_label (restored, "quote"), ==, 1);

  g_assert_true (gloss_recovery_discard (recovery, &error));
  g_remove (text);
  g_rmdir (dir);
}

static void
remove_data_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_data_dir (child);
    }
  g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = g_dir_make_tmp ("gloss-data-XXXXXX", NULL);
  int status;

  /* Recovery files go to a folder of this test, not the user's */
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gloss/saver/debounce", Fixture, NULL, fixture_set_up, test_debounce, fixture_tear_down);
  g_test_add ("/gloss/saver/change-while-writing", Fixture, NULL, fixture_set_up, test_change_while_writing, fixture_tear_down);
  g_test_add ("/gloss/saver/error-and-recovery", Fixture, NULL, fixture_set_up, test_error_and_recovery, fixture_tear_down);
  g_test_add_func ("/gloss/saver/read-only", test_read_only);
  g_test_add ("/gloss/saver/flush", Fixture, NULL, fixture_set_up, test_flush, fixture_tear_down);
  g_test_add ("/gloss/saver/flush-held", Fixture, NULL, fixture_set_up, test_flush_held, fixture_tear_down);
  g_test_add ("/gloss/saver/stop", Fixture, NULL, fixture_set_up, test_stop, fixture_tear_down);
  g_test_add ("/gloss/saver/recovery", Fixture, NULL, fixture_set_up, test_recovery, fixture_tear_down);
  g_test_add_func ("/gloss/saver/recovery-name", test_recovery_name);

  status = g_test_run ();
  remove_data_dir (data_dir);

  return status;
}
