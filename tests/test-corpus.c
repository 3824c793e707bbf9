/* test-corpus.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Document ids: every file name gets an id that is UTF-8, and the id
 * gives the name back.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-corpus.h"
#include "gloss-importer.h"
#include "gloss-problem.h"

static const struct
{
  const char *name;
  const char *id;
} cases[] = {
  { "plain.txt", "plain.txt" },
  { "de/Grüße.txt", "de/Grüße.txt" },
  { "50%.txt", "50%.txt" },
  { "100 % sicher.txt", "100 % sicher.txt" },
  { "\xff\xfe.txt", "%FF%FE.txt" },
  { "Gr\xfc\xdf" "e 50%.txt", "Gr%FC%DFe 50%25.txt" },
  /* A name that holds what looks like an escape is escaped itself */
  { "a%41.txt", "a%2541.txt" },
  { "a%2541.txt", "a%252541.txt" },
  /* A UTF-8 sequence cut short */
  { "\xe2\x80.txt", "%E2%80.txt" },
};

static void
test_escape (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = gloss_corpus_escape_id (cases[i].name);
      g_autofree char *name = gloss_corpus_unescape_id (id);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (g_utf8_validate (id, -1, NULL));
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* Ids that no name escapes to are names as they are: another program's
 * `a%20b` is not decoded by surprise */
static void
test_foreign_ids (void)
{
  const char *ids[] = { "a%20b.txt", "%41.txt", "a%2Fb.txt", "a%00b.txt", "%ff%fe.txt", "50%", "%" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = gloss_corpus_unescape_id (ids[i]);

      g_assert_cmpstr (name, ==, ids[i]);
    }
}

/* Every byte string, escaped and back, is itself */
static void
test_round_trip_random (void)
{
  GRand *rand = g_rand_new_with_seed (42);
  const char alphabet[] = "ab%F0123456789\x80\xbf\xc3\xa4\xe2\x82\xac\xff/.";

  for (guint i = 0; i < 20000; i++)
    {
      char name[12];
      guint n = g_rand_int_range (rand, 1, sizeof name);
      g_autofree char *id = NULL;
      g_autofree char *back = NULL;

      for (guint k = 0; k < n; k++)
        name[k] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      name[n] = '\0';

      id = gloss_corpus_escape_id (name);
      g_assert_true (g_utf8_validate (id, -1, NULL));
      back = gloss_corpus_unescape_id (id);
      g_assert_cmpstr (back, ==, name);
    }

  g_rand_free (rand);
}

/* The import reads the ids of an export back to the file names */
static void
test_import_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gloss_import_check_id ("sub/%FF%FE", &error);
  g_autofree char *foreign = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "sub/\xff\xfe.txt");

  foreign = gloss_import_check_id ("a%20b.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (foreign, ==, "a%20b.txt");
}

static void
touch (const char *root,
       const char *path)
{
  g_autofree char *full = g_build_filename (root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (full, "Ein Satz.", -1, &error);
  g_assert_no_error (error);
}

static void
remove_all (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_all (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The texts of a folder: nested folders, in the order of their paths'
 * bytes ("a-b" before "a/b" before "a0"); hidden files and folders passed
 * over; links to texts taken, links to folders not followed (one named
 * like a text is taken as one, and fails when read); a name that is not
 * UTF-8; a named pipe reported */
static void
test_find_files (void)
{
  static const char * const texts[] = {
    "a-b.txt", "a/b.txt", "a/deep/er/est.txt", "a0.txt", "z.txt", "\xff\xfe.txt", "Grüße.txt",
  };
  static const char * const expected[] = {
    "Grüße.txt", "a-b.txt", "a/b.txt", "a/deep/er/est.txt", "a/link.txt", "a0.txt", "folder-link.txt",
    "z.txt", "\xff\xfe.txt",
  };
  g_autofree char *dir = g_dir_make_tmp ("gloss-corpus-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *fifo = g_build_filename (dir, "a", "deep", "pipe.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "a", "link.txt", NULL);
  g_autofree char *folder_link = g_build_filename (dir, "folder-link.txt", NULL);
  g_autofree char *loop = g_build_filename (dir, "a", "deep", "loop", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    touch (dir, texts[i]);
  touch (dir, ".git/hidden.txt");
  touch (dir, "a/.hidden.txt");
  touch (dir, "a/notes.md");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("b.txt", link), ==, 0);
  g_assert_cmpint (symlink ("a", folder_link), ==, 0);
  g_assert_cmpint (symlink ("..", loop), ==, 0);

  files = gloss_corpus_find_files (root, ".txt", problems, NULL);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *relative = g_file_get_relative_path (root, g_ptr_array_index (files, i));

      g_assert_cmpstr (relative, ==, expected[i]);
    }

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->message, ==,
                   "“pipe.txt” is not a regular file (it is a named pipe); skipped");
  g_assert_true (g_str_has_suffix (((GlossProblem *)g_ptr_array_index (problems, 0))->file, "a/deep/pipe.txt"));

  remove_all (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/corpus/escape", test_escape);
  g_test_add_func ("/gloss/corpus/foreign-ids", test_foreign_ids);
  g_test_add_func ("/gloss/corpus/round-trip-random", test_round_trip_random);
  g_test_add_func ("/gloss/corpus/import-id", test_import_id);
  g_test_add_func ("/gloss/corpus/find-files", test_find_files);

  return g_test_run ();
}
