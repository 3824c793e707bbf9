/* test-file-writer.c
 *
 * The one atomic write path: a full disk (injected by fail-writes.c)
 * leaves the old file byte for byte and no temporary file; links stay
 * links; FIFOs and devices are written straight into; folders and
 * read-only files are refused by name; a batch is all or nothing; what a
 * killed process left behind goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fail-writes.h"
#include "gloss-error.h"
#include "gloss-file-batch.h"
#include "gloss-file-writer.h"

#define OLD_CONTENTS "the old contents, which must survive\n"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-writer-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      struct stat st;

      if (lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unsetenv ("GLOSS_TEST_WRITE_BUDGET");
  g_unsetenv ("GLOSS_TEST_WRITE_ERRNO");
  g_unsetenv ("GLOSS_TEST_FAIL_FSYNC");
  fail_writes_reset ();

  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
make_file (Fixture    *fixture,
           const char *name,
           const char *contents,
           int         mode)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);

  return path;
}

static char *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Nothing of Gloss's own is left in @dir */
static void
assert_no_temporaries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".gloss-tmp-") != NULL || strstr (name, ".gloss-old-") != NULL)
      g_error ("%s was left in %s", name, path);
}

/* The old file byte for byte, and nothing of Gloss's beside it */
static void
assert_left_as_it_was (Fixture    *fixture,
                       const char *path)
{
  g_autofree char *contents = read_path (path);

  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  assert_no_temporaries (fixture->dir);
}

static void
set_budget (const char *bytes,
            const char *error_name)
{
  g_setenv ("GLOSS_TEST_WRITE_BUDGET", bytes, TRUE);
  if (error_name != NULL)
    g_setenv ("GLOSS_TEST_WRITE_ERRNO", error_name, TRUE);
  else
    g_unsetenv ("GLOSS_TEST_WRITE_ERRNO");
  fail_writes_reset ();
}

static void
clear_budget (void)
{
  g_unsetenv ("GLOSS_TEST_WRITE_BUDGET");
  g_unsetenv ("GLOSS_TEST_WRITE_ERRNO");
  g_unsetenv ("GLOSS_TEST_FAIL_FSYNC");
  fail_writes_reset ();
}

static void
assert_names (const GError *error,
              const char   *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_assert_nonnull (error);
  if (strstr (error->message, name) == NULL)
    g_error ("“%s” does not name %s", error->message, name);
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  mode_t mask = umask (022);
  struct stat st;

  umask (mask);
  g_assert_true (gloss_file_write (file, "{}\n", 3, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_no_error (error);

  contents = read_path (path);
  g_assert_cmpstr (contents, ==, "{}\n");
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644 & ~mask);
  assert_no_temporaries (fixture->dir);
}

static void
test_replace_keeps_mode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "a.txt.gloss.json", OLD_CONTENTS, 0640);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat before, after;

  g_assert_cmpint (stat (path, &before), ==, 0);
  g_assert_true (gloss_file_write (file, "new", 3, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_no_error (error);

  contents = read_path (path);
  g_assert_cmpstr (contents, ==, "new");
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  /* Replaced by a rename, not written in place */
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  assert_no_temporaries (fixture->dir);
}

/* A full disk at any point of the write: the old file stays, byte for
 * byte, the message names it and says so, and no temporary is left */
static void
test_no_space (Fixture       *fixture,
               gconstpointer  data)
{
  const char *budgets[] = { "0", "1", "4096", "70000" };
  const char *errors[] = { NULL, "EDQUOT", "EIO" };
  g_autofree char *path = make_file (fixture, "a.txt.gloss.json", OLD_CONTENTS, 0644);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize length = 100000;
  g_autofree char *big = g_malloc (length);

  memset (big, 'x', length);

  for (guint e = 0; e < G_N_ELEMENTS (errors); e++)
    for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
      {
        g_autoptr(GError) error = NULL;

        set_budget (budgets[b], errors[e]);
        g_assert_false (gloss_file_write (file, big, length, GLOSS_FILE_WRITER_NONE, NULL, &error));
        clear_budget ();

        g_assert_nonnull (error);
        g_assert_true (error->domain == G_IO_ERROR);
        if (errors[e] == NULL)
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
        assert_names (error, path);
        g_assert_nonnull (strstr (error->message, "left as it was"));

        assert_left_as_it_was (fixture, path);
      }
}

/* The streaming writer: a failure in the middle, then the commit fails
 * too, and nothing changed */
static void
test_stream_failure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "export.jsonl", OLD_CONTENTS, 0644);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossFileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  char line[100];

  memset (line, 'y', sizeof line);
  writer = gloss_file_writer_new (file, GLOSS_FILE_WRITER_STREAMS, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_file_writer_get_is_straight (writer));

  set_budget ("250", NULL);
  for (guint i = 0; i < 10 && error == NULL; i++)
    g_output_stream_write_all (G_OUTPUT_STREAM (writer), line, sizeof line, NULL, NULL, &error);
  clear_budget ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  /* Gone at once, so the disk has its space back */
  assert_no_temporaries (fixture->dir);

  g_assert_false (gloss_file_writer_commit (writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_names (error, path);
  assert_left_as_it_was (fixture, path);
}

/* A failing fsync () (a network file system's late quota error, a bad
 * disk) fails the write too */
static void
test_fsync_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "a.txt", OLD_CONTENTS, 0644);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_setenv ("GLOSS_TEST_FAIL_FSYNC", "1", TRUE);
  fail_writes_reset ();
  g_assert_false (gloss_file_write (file, "new", 3, GLOSS_FILE_WRITER_NONE, NULL, &error));
  clear_budget ();

  assert_names (error, path);
  assert_left_as_it_was (fixture, path);
}

static void
test_abort (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "a.txt", OLD_CONTENTS, 0644);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossFileWriter *writer;

  writer = gloss_file_writer_new (file, GLOSS_FILE_WRITER_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (writer), "new", 3, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_file_writer_abort (writer);
  g_object_unref (writer);

  /* Dropped without a commit */
  writer = gloss_file_writer_new (file, GLOSS_FILE_WRITER_NONE, NULL, &error);
  g_output_stream_write_all (G_OUTPUT_STREAM (writer), "new", 3, NULL, NULL, &error);
  g_object_unref (writer);

  assert_left_as_it_was (fixture, path);
}

/* Written through the link: the link stays a link, the file it names
 * gets the new contents, its temporary file was beside it */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *target = NULL;
  g_autofree char *link_path = g_build_filename (fixture->dir, "out.jsonl", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "new.jsonl", NULL);
  g_autofree char *dangling_target = g_build_filename (sub, "created.jsonl", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GFile) dangling_file = g_file_new_for_path (dangling);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *created = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  target = make_file (fixture, "elsewhere/real.jsonl", OLD_CONTENTS, 0600);
  g_assert_cmpint (symlink ("elsewhere/real.jsonl", link_path), ==, 0);

  g_assert_true (gloss_file_write (link_file, "new", 3, GLOSS_FILE_WRITER_STREAMS, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  contents = read_path (target);
  g_assert_cmpstr (contents, ==, "new");
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A link to a file not there yet makes that file */
  g_assert_cmpint (symlink (dangling_target, dangling), ==, 0);
  g_assert_true (gloss_file_write (dangling_file, "made", 4, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  created = read_path (dangling_target);
  g_assert_cmpstr (created, ==, "made");

  assert_no_temporaries (fixture->dir);
  assert_no_temporaries (sub);
}

static gpointer
read_fifo_thread (gpointer data)
{
  char *contents = NULL;

  g_file_get_contents (data, &contents, NULL, NULL);

  return contents;
}

static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;
  g_autoptr(GlossFileWriter) writer = NULL;
  GThread *reader;
  struct stat st;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* Not where a document or an import writes */
  g_assert_false (gloss_file_write (file, "x", 1, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_names (error, path);
  g_clear_error (&error);

  /* An export's output: written straight into */
  reader = g_thread_new ("reader", read_fifo_thread, path);
  writer = gloss_file_writer_new (file, GLOSS_FILE_WRITER_STREAMS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_file_writer_get_is_straight (writer));
  g_output_stream_write_all (G_OUTPUT_STREAM (writer), "through the pipe", 16, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_file_writer_commit (writer, NULL, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);

  g_assert_cmpstr (received, ==, "through the pipe");
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_no_temporaries (fixture->dir);
}

static void
test_dev_null (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/null");
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (gloss_file_write (file, "nothing", 7, GLOSS_FILE_WRITER_STREAMS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  g_assert_false (gloss_file_write (file, "nothing", 7, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_names (error, "/dev/null");
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (gloss_file_write (file, "x", 1, GLOSS_FILE_WRITER_STREAMS, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_names (error, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  assert_no_temporaries (fixture->dir);
}

/* No write permission in the mode: refused even for root, as editors do;
 * the file and its permissions stay */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "a.txt.gloss.json", OLD_CONTENTS, 0444);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_false (gloss_file_check_replaceable (file, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  assert_names (error, path);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  g_assert_false (gloss_file_write (file, "new", 3, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  assert_names (error, path);

  assert_left_as_it_was (fixture, path);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
}

/* A file someone else owns but lets us write keeps its owner (where we
 * may give it: as root) and its mode */
static void
test_other_owner (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = make_file (fixture, "shared.gloss.json", OLD_CONTENTS, 0666);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("Only root can give a file to another user");
      return;
    }

  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_cmpint (chmod (path, 0666), ==, 0);
  g_assert_true (gloss_file_write (file, "new", 3, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 65534);
  g_assert_cmpuint (st.st_gid, ==, 65534);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666);
}

static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);

  return pid;
}

static char *
make_leftover (Fixture    *fixture,
               const char *name,
               gint64      age_seconds)
{
  char *path = make_file (fixture, name, "left behind by a killed process", 0600);
  struct timespec times[2];

  times[0].tv_sec = times[1].tv_sec = time (NULL) - age_seconds;
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  return path;
}

/* What a process killed while writing left behind goes with the next
 * write of that file; nothing that might be a live writer's, nothing of
 * another file's, nothing not named as Gloss names its own */
static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  pid_t gone = dead_pid ();
  g_autofree char *path = make_file (fixture, "a.txt.gloss.json", OLD_CONTENTS, 0644);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *stale_name = g_strdup_printf (".a.txt.gloss.json.gloss-tmp-%d-Ab12Cd", (int)gone);
  g_autofree char *stale_old_name = g_strdup_printf (".a.txt.gloss.json.gloss-old-%d-Ab12Cd", (int)gone);
  g_autofree char *fresh_name = g_strdup_printf (".a.txt.gloss.json.gloss-tmp-%d-Fresh1", (int)gone);
  g_autofree char *live_name = g_strdup_printf (".a.txt.gloss.json.gloss-tmp-%d-Live12", (int)getppid ());
  g_autofree char *other_name = g_strdup_printf (".b.txt.gloss.json.gloss-tmp-%d-Other1", (int)gone);
  g_autofree char *stale = make_leftover (fixture, stale_name, 120);
  g_autofree char *stale_old = make_leftover (fixture, stale_old_name, 120);
  g_autofree char *fresh = make_leftover (fixture, fresh_name, 0);
  g_autofree char *live = make_leftover (fixture, live_name, 120);
  g_autofree char *other = make_leftover (fixture, other_name, 120);
  g_autofree char *glib_style = make_leftover (fixture, "a.txt.gloss.json.X1Y2Z3", 120);

  g_assert_true (gloss_file_write (file, "new", 3, GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_style, G_FILE_TEST_EXISTS));
}

typedef struct
{
  char  *path;
  GFile *file;
} Entry;

/* A batch of three files, two of them there already, a third in a new
 * folder */
static void
make_batch_files (Fixture *fixture,
                  Entry    entries[3])
{
  const char *names[] = { "a.txt", "a.txt.gloss.json", "new/b.txt" };

  for (guint i = 0; i < 3; i++)
    {
      entries[i].path = i < 2 ? make_file (fixture, names[i], OLD_CONTENTS, 0644)
                              : g_build_filename (fixture->dir, names[i], NULL);
      entries[i].file = g_file_new_for_path (entries[i].path);
    }
}

static void
clear_batch_files (Entry entries[3])
{
  for (guint i = 0; i < 3; i++)
    {
      g_free (entries[i].path);
      g_object_unref (entries[i].file);
    }
}

static void
assert_batch_untouched (Fixture *fixture,
                        Entry    entries[3])
{
  g_autofree char *new_folder = g_build_filename (fixture->dir, "new", NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *contents = read_path (entries[i].path);

      g_assert_cmpstr (contents, ==, OLD_CONTENTS);
    }
  g_assert_false (g_file_test (new_folder, G_FILE_TEST_EXISTS));
  assert_no_temporaries (fixture->dir);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GlossFileBatch) batch = gloss_file_batch_new ();
  g_autoptr(GError) error = NULL;
  Entry entries[3];

  make_batch_files (fixture, entries);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gloss_file_batch_add (batch, entries[i].file, "new", 3, NULL, &error));
      g_assert_no_error (error);
    }

  /* Nothing is replaced before the commit */
  {
    g_autofree char *contents = read_path (entries[0].path);

    g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  }

  g_assert_true (gloss_file_batch_commit (batch, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *contents = read_path (entries[i].path);

      g_assert_cmpstr (contents, ==, "new");
    }
  assert_no_temporaries (fixture->dir);
  clear_batch_files (entries);
}

/* The disk fills while the third file is written: the two before are
 * dropped as well, the new folder goes */
static void
test_batch_no_space (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GlossFileBatch) batch = gloss_file_batch_new ();
  g_autoptr(GError) error = NULL;
  Entry entries[3];

  make_batch_files (fixture, entries);
  g_assert_true (gloss_file_batch_add (batch, entries[0].file, "new", 3, NULL, &error));
  g_assert_true (gloss_file_batch_add (batch, entries[1].file, "new", 3, NULL, &error));
  set_budget ("2", NULL);
  g_assert_false (gloss_file_batch_add (batch, entries[2].file, "new", 3, NULL, &error));
  clear_budget ();

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_names (error, entries[2].path);
  g_assert_nonnull (strstr (error->message, "other files were left as they were"));
  assert_batch_untouched (fixture, entries);
  clear_batch_files (entries);
}

/* A rename fails half-way through the commit: the file already replaced
 * is put back */
static void
test_batch_rename_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GlossFileBatch) batch = gloss_file_batch_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker_child = NULL;
  Entry entries[3];

  make_batch_files (fixture, entries);
  for (guint i = 0; i < 3; i++)
    g_assert_true (gloss_file_batch_add (batch, entries[i].file, "new", 3, NULL, &error));
  g_assert_no_error (error);

  /* The second file becomes a folder that is not empty, which no rename
   * replaces */
  g_assert_cmpint (g_unlink (entries[1].path), ==, 0);
  g_assert_cmpint (g_mkdir (entries[1].path, 0755), ==, 0);
  blocker_child = g_build_filename (entries[1].path, "keep", NULL);
  g_assert_true (g_file_set_contents (blocker_child, "x", 1, NULL));

  g_assert_false (gloss_file_batch_commit (batch, NULL, &error));
  g_assert_nonnull (error);
  assert_names (error, entries[1].path);

  {
    g_autofree char *contents = read_path (entries[0].path);
    g_autofree char *new_folder = g_build_filename (fixture->dir, "new", NULL);

    g_assert_cmpstr (contents, ==, OLD_CONTENTS);
    g_assert_false (g_file_test (new_folder, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (blocker_child, G_FILE_TEST_EXISTS));
  assert_no_temporaries (fixture->dir);

  g_unlink (blocker_child);
  g_rmdir (entries[1].path);
  clear_batch_files (entries);
}

/* Dropped without a commit (a cancelled export): nothing changes */
static void
test_batch_dropped (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossFileBatch *batch = gloss_file_batch_new ();
  g_autoptr(GError) error = NULL;
  Entry entries[3];

  make_batch_files (fixture, entries);
  for (guint i = 0; i < 3; i++)
    g_assert_true (gloss_file_batch_add (batch, entries[i].file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (batch);

  assert_batch_untouched (fixture, entries);
  clear_batch_files (entries);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/gloss/file-writer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-file", test_new_file);
  ADD ("replace-keeps-mode", test_replace_keeps_mode);
  ADD ("no-space", test_no_space);
  ADD ("stream-failure", test_stream_failure);
  ADD ("fsync-failure", test_fsync_failure);
  ADD ("abort", test_abort);
  ADD ("symlink", test_symlink);
  ADD ("fifo", test_fifo);
  ADD ("dev-null", test_dev_null);
  ADD ("directory", test_directory);
  ADD ("read-only", test_read_only);
  ADD ("other-owner", test_other_owner);
  ADD ("stale", test_stale);
  ADD ("batch", test_batch);
  ADD ("batch-no-space", test_batch_no_space);
  ADD ("batch-rename-fails", test_batch_rename_fails);
  ADD ("batch-dropped", test_batch_dropped);

#undef ADD

  return g_test_run ();
}
