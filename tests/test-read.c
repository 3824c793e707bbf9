/* test-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a user's files: a named pipe, a socket or a folder where a text,
 * an annotation file or a project file should be is refused at once, with
 * a message naming it. Each read runs in a thread that the test waits for
 * a few seconds at most, so a regression fails instead of hanging.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-problem.h"
#include "gloss-read.h"
#include "gloss-text.h"

typedef enum
{
  READ_FILE,
  LOAD_TEXT,
  LOAD_DOCUMENT,
} ReadKind;

typedef struct
{
  ReadKind       kind;
  GFile         *file;
  GObject       *result;
  gboolean       ok;
  GError        *error;
  volatile gint  done;
} Job;

static gpointer
job_thread (gpointer data)
{
  Job *job = data;

  switch (job->kind)
    {
    case READ_FILE:
      {
        g_autofree char *contents = NULL;

        job->ok = gloss_read_file (job->file, 0, NULL, &contents, NULL, &job->error);
      }
      break;
    case LOAD_TEXT:
      job->result = G_OBJECT (gloss_text_load (job->file, NULL, &job->error));
      break;
    case LOAD_DOCUMENT:
      job->result = G_OBJECT (gloss_document_load (job->file, "de", NULL, &job->error));
      break;
    default:
      g_assert_not_reached ();
    }

  g_atomic_int_set (&job->done, 1);

  return NULL;
}

/* Runs the read of @name in @dir in a thread; fails the test when it does
 * not return within five seconds (a read of a pipe would wait for ever) */
static void
run_job (Job        *job,
         ReadKind    kind,
         const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GThread *thread;

  *job = (Job) { kind, g_file_new_for_path (path), NULL, FALSE, NULL, 0 };
  thread = g_thread_new ("read", job_thread, job);

  for (guint i = 0; i < 500 && !g_atomic_int_get (&job->done); i++)
    g_usleep (10 * 1000);

  g_assert_true (g_atomic_int_get (&job->done));
  g_thread_join (thread);
}

static void
job_clear (Job *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->result);
  g_clear_error (&job->error);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-read-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
make_fifo (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_regular (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  write_file (dir, "a.txt", "Ein Satz.");
  g_assert_true (gloss_read_file (file, 0, NULL, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "Ein Satz.");
  g_assert_cmpuint (length, ==, 9);
  g_clear_pointer (&contents, g_free);

  /* Too large: refused before it is read */
  g_assert_false (gloss_read_file (file, 4, NULL, &contents, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_unlink (path);
  g_assert_false (gloss_read_file (file, 0, NULL, &contents, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "a.txt"));
  g_clear_error (&error);

  /* A regular file whose size says 0 but that has more, as /proc's */
  if (g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) status = g_file_new_for_path ("/proc/self/status");

      g_assert_true (gloss_read_file (status, 0, NULL, &contents, &length, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, 100);
      g_assert_cmpuint (strlen (contents), ==, length);
      g_assert_true (g_str_has_prefix (contents, "Name:"));
      g_clear_pointer (&contents, g_free);
    }

  remove_folder (dir);
}

static void
test_fifo (void)
{
  g_autofree char *dir = make_folder ();
  Job job;

  make_fifo (dir, "pipe.txt");
  run_job (&job, READ_FILE, dir, "pipe.txt");
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (job.error->message, ==, "“pipe.txt” is not a regular file (it is a named pipe)");
  job_clear (&job);

  run_job (&job, LOAD_TEXT, dir, "pipe.txt");
  g_assert_null (job.result);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  job_clear (&job);

  run_job (&job, LOAD_DOCUMENT, dir, "pipe.txt");
  g_assert_null (job.result);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  job_clear (&job);

  remove_folder (dir);
}

static void
test_socket (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "s.txt", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  Job job;
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  strcpy (address.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *)&address, sizeof address), ==, 0);

  run_job (&job, LOAD_TEXT, dir, "s.txt");
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (job.error->message, "a socket"));
  job_clear (&job);

  close (fd);
  remove_folder (dir);
}

/* The window loads a document so: the annotation file is a pipe */
static void
test_annotation_fifo (void)
{
  g_autofree char *dir = make_folder ();
  Job job;

  write_file (dir, "a.txt", "Ein Satz. Noch einer.");
  make_fifo (dir, "a.txt.gloss.json");
  run_job (&job, LOAD_DOCUMENT, dir, "a.txt");
  g_assert_null (job.result);
  /* Said apart from a text that cannot be read */
  g_assert_error (job.error, GLOSS_ERROR, GLOSS_ERROR_UNREADABLE_ANNOTATIONS);
  g_assert_cmpstr (job.error->message, ==, "“a.txt.gloss.json” is not a regular file (it is a named pipe)");
  job_clear (&job);

  remove_folder (dir);
}

static void
test_project_fifo (void)
{
  g_autofree char *dir = make_folder ();
  Job job;
  GPtrArray *problems;
  GlossProblem *problem;

  write_file (dir, "a.txt", "Ein Satz. Noch einer.");
  make_fifo (dir, "gloss-project.json");
  run_job (&job, LOAD_DOCUMENT, dir, "a.txt");
  g_assert_no_error (job.error);

  /* It opens read-only, with the project file's problem */
  problems = gloss_document_get_problems (GLOSS_DOCUMENT (job.result));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_suffix (problem->file, "gloss-project.json"));
  g_assert_nonnull (strstr (problem->message, "named pipe"));
  g_assert_true (gloss_document_get_read_only (GLOSS_DOCUMENT (job.result)));
  job_clear (&job);

  remove_folder (dir);
}

static void
test_folder_named_like_a_file (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *json = g_build_filename (dir, "a.txt.gloss.json", NULL);
  Job job;

  write_file (dir, "a.txt", "Ein Satz.");
  g_assert_cmpint (g_mkdir (json, 0700), ==, 0);
  run_job (&job, LOAD_DOCUMENT, dir, "a.txt");
  g_assert_error (job.error, GLOSS_ERROR, GLOSS_ERROR_UNREADABLE_ANNOTATIONS);
  g_assert_nonnull (strstr (job.error->message, "a folder"));
  job_clear (&job);

  run_job (&job, LOAD_TEXT, dir, "a.txt.gloss.json");
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  job_clear (&job);

  remove_folder (dir);
}

/* Folder discovery reports what it passes over */
static void
test_discovery (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *first = NULL;
  GlossProblem *problem;

  write_file (dir, "a.txt", "Ein Satz.");
  make_fifo (dir, "b.txt");
  make_fifo (dir, "c.json");

  files = gloss_corpus_find_files (root, ".txt", problems, NULL);
  g_assert_cmpuint (files->len, ==, 1);
  first = g_file_get_basename (g_ptr_array_index (files, 0));
  g_assert_cmpstr (first, ==, "a.txt");
  /* c.json is no text: not said */
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_suffix (problem->file, "b.txt"));
  g_assert_cmpstr (problem->message, ==, "“b.txt” is not a regular file (it is a named pipe); skipped");

  remove_folder (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/read/regular", test_regular);
  g_test_add_func ("/gloss/read/fifo", test_fifo);
  g_test_add_func ("/gloss/read/socket", test_socket);
  g_test_add_func ("/gloss/read/annotation-fifo", test_annotation_fifo);
  g_test_add_func ("/gloss/read/project-fifo", test_project_fifo);
  g_test_add_func ("/gloss/read/folder-named-like-a-file", test_folder_named_like_a_file);
  g_test_add_func ("/gloss/read/discovery", test_discovery);

  return g_test_run ();
}
