/* test-git.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a corpus at git revisions without checking them out (issue 15),
 * with real git in a repository made in a temporary folder: the work tree
 * a path is in, a revision's files and their contents (CR LF, „…“, 😊 byte
 * for byte, from many threads at once), the branches, a document loaded
 * from a revision with that revision's project labels, agreement between
 * revisions, and adjudication between them into a gold folder, byte for
 * byte as between folders. Skipped without git.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-adjudication.h"
#include "gloss-agreement.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-git.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-text.h"

#include "git-fixtures.h"

#define TIME "2026-12-02T09:00:00Z"
#define NOTIZ "Notiz: „Zitat“ 😊\r\nzweite Zeile\r\n"


typedef struct
{
  char  *dir;     /* the work tree, on main */
  GFile *top;
} Fixture;

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

/* Branches Ada, Bea and Cem with the study's copies in Korpus/; main with
 * a note and a project file of its own */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *names[][2] = { { "Ada", "ada" }, { "Bea", "bea" }, { "Cem", "cem" } };
  g_autoptr(GError) error = NULL;
  g_autofree char *korpus = NULL;

  if (!git_fixtures_init ())
    return;

  fixture->dir = g_dir_make_tmp ("gloss-git-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->top = g_file_new_for_path (fixture->dir);
  korpus = g_build_filename (fixture->dir, "Korpus", NULL);

  g_free (git_fixtures_run (fixture->dir, "init", "-q", "-b", "main", NULL));
  write_file (fixture->dir, "notiz.txt", NOTIZ);
  g_free (git_fixtures_run (fixture->dir, "add", "notiz.txt", NULL));
  g_free (git_fixtures_run (fixture->dir, "commit", "-q", "-m", "Beginn", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_free (git_fixtures_run (fixture->dir, "checkout", "-q", "-b", names[i][0], "main", NULL));
      git_fixtures_copy_study (names[i][1], korpus);
      g_free (git_fixtures_run (fixture->dir, "add", "Korpus", NULL));
      g_free (git_fixtures_run (fixture->dir, "commit", "-q", "-m", names[i][0], NULL));
      g_free (git_fixtures_run (fixture->dir, "checkout", "-q", "main", NULL));
    }
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->dir != NULL)
    remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_object (&fixture->top);
}

static GlossGit *
open_at (Fixture    *fixture,
         const char *path)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (fixture->top, path);
  g_autoptr(GError) error = NULL;
  GlossGit *repository = gloss_git_open (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (repository);

  return repository;
}

/* --- The repository ------------------------------------------------------ */

static void
test_open (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GlossGit) top = NULL;
  g_autoptr(GlossGit) sub = NULL;
  g_autoptr(GlossGit) file = NULL;
  g_autoptr(GFile) outside = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *real = NULL;
  g_autofree char *outside_dir = NULL;

  if (!git_fixtures_have_git ())
    return;

  real = realpath (fixture->dir, NULL);
  top = open_at (fixture, ".");
  g_assert_cmpstr (g_file_peek_path (gloss_git_get_toplevel (top)), ==, real);
  g_assert_cmpstr (gloss_git_get_prefix (top), ==, "");

  /* Korpus is on the branches only: still a path of the work tree */
  sub = open_at (fixture, "Korpus/de");
  g_assert_cmpstr (gloss_git_get_prefix (sub), ==, "Korpus/de");
  file = open_at (fixture, "notiz.txt");
  g_assert_cmpstr (gloss_git_get_prefix (file), ==, "notiz.txt");

  outside_dir = g_dir_make_tmp ("gloss-no-git-XXXXXX", &error);
  g_assert_no_error (error);
  outside = g_file_new_for_path (outside_dir);
  g_assert_null (gloss_git_open (outside, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "is not in a git work tree"));
  g_rmdir (outside_dir);
}

static void
test_list_and_read (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GlossGit) repository = NULL;
  g_autoptr(GlossGitTree) tree = NULL;
  g_autoptr(GlossGitTree) korpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) branches = NULL;
  const char *paths[] = { "Korpus/en", NULL };
  g_autofree char *expected = NULL;
  gsize length = 0;

  if (!git_fixtures_have_git ())
    return;

  repository = open_at (fixture, ".");
  tree = gloss_git_list (repository, "main", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_git_tree_get_n_files (tree), ==, 1);
  g_assert_cmpstr (gloss_git_tree_get_path (tree, 0), ==, "notiz.txt");
  g_assert_cmpstr (gloss_git_tree_get_revision (tree), ==, "main");
  g_assert_cmpuint (strlen (gloss_git_tree_get_commit (tree)), ==, 40);

  bytes = gloss_git_read_blob (repository, gloss_git_tree_lookup (tree, "notiz.txt"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NOTIZ, strlen (NOTIZ));

  korpus = gloss_git_list (repository, "Bea", paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_git_tree_get_n_files (korpus), ==, 4);
  g_assert_cmpstr (gloss_git_tree_get_path (korpus, 0), ==, "Korpus/en/changed.txt");
  g_assert_cmpstr (gloss_git_tree_get_path (korpus, 3), ==, "Korpus/en/council.txt.gloss.json");
  g_assert_null (gloss_git_tree_lookup (korpus, "notiz.txt"));
  g_assert_null (gloss_git_tree_lookup (korpus, "Korpus/de/rathaus.txt"));

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = gloss_git_read_blob (repository, gloss_git_tree_lookup (korpus, "Korpus/en/council.txt"), NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "agreement", "study", "bea", "en",
                                                     "council.txt", NULL);

    g_file_get_contents (source, &expected, &length, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, length);
  }

  /* What does not exist */
  g_assert_null (gloss_git_list (repository, "Zoe", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "There is no revision “Zoe”"));
  g_clear_error (&error);
  g_assert_null (gloss_git_read_blob (repository, "0123456789012345678901234567890123456789", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT);
  g_clear_error (&error);
  /* The same process answers on */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = gloss_git_read_blob (repository, gloss_git_tree_lookup (tree, "notiz.txt"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (NOTIZ));

  branches = gloss_git_list_branches (repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (branches, ((const char *[]) { "Ada", "Bea", "Cem", "main", NULL }));
}

typedef struct
{
  GlossGit   *repository;
  const char *object;
  guint       failures;
} ReadData;

static gpointer
read_many (gpointer data)
{
  ReadData *read = data;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GBytes) bytes = gloss_git_read_blob (read->repository, read->object, NULL, NULL);

      if (bytes == NULL || g_bytes_get_size (bytes) != strlen (NOTIZ) ||
          memcmp (g_bytes_get_data (bytes, NULL), NOTIZ, strlen (NOTIZ)) != 0)
        g_atomic_int_inc (&read->failures);
    }

  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GlossGit) repository = NULL;
  g_autoptr(GlossGitTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  GThread *threads[6];
  ReadData data = { 0 };

  if (!git_fixtures_have_git ())
    return;

  repository = open_at (fixture, ".");
  tree = gloss_git_list (repository, "main", NULL, NULL, &error);
  g_assert_no_error (error);
  data.repository = repository;
  data.object = gloss_git_tree_lookup (tree, "notiz.txt");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_many, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (data.failures, ==, 0);
}

/* --- Documents at a revision --------------------------------------------- */

static void
test_document_project (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GlossGit) repository = NULL;
  g_autoptr(GlossGitTree) tree = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *korpus = g_build_filename (fixture->dir, "Korpus", NULL);
  g_autofree char *id = NULL;
  g_auto(GStrv) paths = NULL;
  GPtrArray *problems;
  GlossProblem *problem;

  if (!git_fixtures_have_git ())
    return;

  /* On Cem's branch, a project above the corpus without "source" */
  g_free (git_fixtures_run (fixture->dir, "checkout", "-q", "Cem", NULL));
  write_file (fixture->dir, "gloss-project.json",
              "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": [{\"id\": \"quote\"}, "
              "{\"id\": \"claim\"}]}\n");
  g_free (git_fixtures_run (fixture->dir, "add", "gloss-project.json", NULL));
  g_free (git_fixtures_run (fixture->dir, "commit", "-q", "-m", "Projekt", NULL));
  g_free (git_fixtures_run (fixture->dir, "checkout", "-q", "main", NULL));

  repository = open_at (fixture, "Korpus");
  paths = gloss_corpus_revision_paths ("Korpus");
  g_assert_cmpstrv (paths, ((const char *[]) { "Korpus", "Korpus.gloss.json", "gloss-project.json", NULL }));
  tree = gloss_git_list (repository, "Cem", (const char * const *)paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_git_tree_lookup (tree, "gloss-project.json"));

  document = _gloss_document_load_from_revision (repository, tree, "Korpus/de/split.txt", texts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  g_assert_cmpuint (gloss_label_set_get_n_labels (gloss_document_get_labels (document)), ==, 2);
  g_assert_cmpuint (gloss_document_count_label (document, "claim"), ==, 1);
  g_assert_true (gloss_document_get_read_only (document));
  g_assert_cmpstr (gloss_document_get_read_only_reason (document), ==, "Read from the revision “Cem”");
  g_assert_cmpuint (g_hash_table_size (texts), ==, 1);
  /* Its file is the work tree's, where nothing was written */
  g_assert_true (g_file_has_prefix (gloss_document_get_file (document), gloss_git_get_toplevel (repository)));
  g_assert_false (g_file_test (korpus, G_FILE_TEST_EXISTS));

  /* Cem's source is not in his project's labels: named as git names it */
  g_clear_object (&document);
  document = _gloss_document_load_from_revision (repository, tree, "Korpus/de/rathaus.txt", texts, NULL, &error);
  g_assert_no_error (error);
  problems = gloss_document_get_problems (document);
  g_assert_cmpuint (problems->len, >, 0);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "Cem:Korpus/de/rathaus.txt.gloss.json");
  g_assert_nonnull (strstr (problem->message, "source"));

  id = gloss_corpus_dup_revision_id ("Korpus", "Korpus/de/rathaus.txt");
  g_assert_cmpstr (id, ==, "de/rathaus.txt");
  g_assert_null (gloss_corpus_dup_revision_id ("Korpus", "Korpus/.hidden/a.txt"));
  g_assert_null (gloss_corpus_dup_revision_id ("Korpus", "Korpusse/a.txt"));
  g_assert_null (gloss_corpus_dup_revision_id ("Korpus", "Korpus/a.txt.gloss.json"));
}

/* --- Agreement and adjudication ------------------------------------------ */

static void
test_agreement (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GlossGit) repository = NULL;
  g_autoptr(GlossAgreement) between = NULL;
  g_autoptr(GlossAgreement) folders = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GError) error = NULL;
  const char *revisions[] = { "Ada", "Bea", "Cem", NULL };
  const GlossAgreementCounts *ours;
  const GlossAgreementCounts *theirs;

  if (!git_fixtures_have_git ())
    return;

  repository = open_at (fixture, "Korpus");
  between = gloss_agreement_new_for_revisions (repository, revisions, NULL);
  g_assert_true (gloss_agreement_compare (between, problems, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (roots, g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement", "study",
                                                                      ((const char *[]) { "ada", "bea", "cem" })[i],
                                                                      NULL)));
  folders = gloss_agreement_new (roots, revisions);
  g_assert_true (gloss_agreement_compare (folders, NULL, NULL, &error));

  g_assert_cmpstr (gloss_agreement_get_annotator (between, 1), ==, "Bea");
  g_assert_cmpuint (gloss_agreement_get_n_documents (between), ==, 4);
  g_assert_cmpuint (gloss_agreement_get_n_units (between), ==, gloss_agreement_get_n_units (folders));
  ours = gloss_agreement_get_counts (between, NULL);
  theirs = gloss_agreement_get_counts (folders, NULL);
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (ours), ==, gloss_agreement_counts_get_n_units (theirs));
  g_assert_cmpfloat (gloss_agreement_counts_get_alpha (ours), ==, gloss_agreement_counts_get_alpha (theirs));
  g_assert_cmpfloat (gloss_agreement_counts_get_fleiss_kappa (ours), ==,
                     gloss_agreement_counts_get_fleiss_kappa (theirs));
  for (guint d = 0; d < 4; d++)
    {
      const GlossAgreementDocument *a = gloss_agreement_get_document (between, d);
      const GlossAgreementDocument *b = gloss_agreement_get_document (folders, d);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpmem (a->copies, 3 * sizeof (GlossAgreementCopy), b->copies, 3 * sizeof (GlossAgreementCopy));
    }

  /* A revision that does not exist stops it */
  g_clear_object (&between);
  between = gloss_agreement_new_for_revisions (repository, (const char *[]) { "Ada", "Zoe", NULL }, NULL);
  g_assert_false (gloss_agreement_compare (between, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_adjudication (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GlossGit) repository = NULL;
  g_autoptr(GlossAdjudication) adjudication = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GFile) gold = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gold_dir_real = NULL;
  g_autofree char *gold_json = NULL;
  g_autofree char *gold_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *status = NULL;
  gsize gold_length = 0;
  gsize expected_length = 0;
  GlossAdjudicationEntry *entry;

  if (!git_fixtures_have_git ())
    return;

  gold_dir_real = g_strconcat (fixture->dir, "-gold", NULL);
  gold = g_file_new_for_path (gold_dir_real);
  repository = open_at (fixture, "Korpus");

  /* The documents of three revisions, as of three folders */
  entries = gloss_adjudication_find_documents_for_revisions (repository, (const char *[]) { "Ada", "Bea", "Cem", NULL },
                                                             NULL, gold, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, "de/rathaus.txt");
  g_assert_cmpuint (entry->n_disagreements, ==, 5);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->id, ==, "en/changed.txt");
  g_assert_nonnull (entry->problem);
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (entry->id, ==, "en/council.txt");
  g_assert_cmpuint (entry->n_disagreements, ==, 3);

  /* Eve's decisions between Ada's and Bea's branches: the gold file of
   * the folders' test, byte for byte */
  adjudication = gloss_adjudication_new_for_revisions (repository, (const char *[]) { "Ada", "Bea", NULL }, NULL, gold,
                                                       "de/rathaus.txt");
  gloss_adjudication_set_adjudicator (adjudication, "Eve");
  gloss_adjudication_set_time (adjudication, TIME);
  g_assert_true (gloss_adjudication_load (adjudication, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_adjudication_get_annotator (adjudication, 1), ==, "Bea");
  g_assert_true (gloss_adjudication_accept (adjudication, 0, 0));
  g_assert_true (gloss_adjudication_accept (adjudication, 1, 1));
  g_assert_false (gloss_adjudication_toggle_label (adjudication, 1, "source"));
  g_assert_true (gloss_adjudication_save (adjudication, NULL, &error));
  g_assert_no_error (error);

  gold_json = g_build_filename (gold_dir_real, "de", "rathaus.txt.gloss.json", NULL);
  gold_text = g_build_filename (gold_dir_real, "de", "rathaus.txt", NULL);
  expected_path = g_test_build_filename (G_TEST_DIST, "data", "adjudication", "rathaus.txt.gloss.json", NULL);
  {
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_file_get_contents (gold_json, &a, &gold_length, &error);
    g_assert_no_error (error);
    g_file_get_contents (expected_path, &b, &expected_length, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (a, ==, b);
  }
  g_file_get_contents (gold_text, &expected_text, &expected_length, &error);
  g_assert_no_error (error);
  blob = git_fixtures_run (fixture->dir, "show", "Ada:Korpus/de/rathaus.txt", NULL);
  g_assert_cmpstr (expected_text, ==, blob);

  /* Nothing of the work tree was touched */
  status = git_fixtures_run (fixture->dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
  remove_tree (gold_dir_real);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  git_fixtures_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gloss/git/open", test_open);
  ADD ("/gloss/git/list-and-read", test_list_and_read);
  ADD ("/gloss/git/threads", test_threads);
  ADD ("/gloss/git/document-project", test_document_project);
  ADD ("/gloss/git/agreement", test_agreement);
  ADD ("/gloss/git/adjudication", test_adjudication);

#undef ADD

  return g_test_run ();
}
