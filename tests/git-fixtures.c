/* git-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real git for the tests of issue 15 (test-git, test-window-disk,
 * test-adjudication-window): git as the test says, never as the user
 * configured it, and the study's copies put on branches.
 */

#include "config.h"

#include <stdarg.h>

#include "git-fixtures.h"

static char *git_program;

/**
 * git_fixtures_init:
 *
 * Sets git's environment for the tests: no global or system
 * configuration, an author and committer by name.
 *
 * Returns: whether git is installed
 */
gboolean
git_fixtures_init (void)
{
  g_setenv ("GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_AUTHOR_NAME", "Test", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "test@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Test", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "test@example.org", TRUE);
  g_clear_pointer (&git_program, g_free);
  git_program = g_find_program_in_path ("git");

  return git_program != NULL;
}

/* In a test: skips it without git */
gboolean
git_fixtures_have_git (void)
{
  if (git_program != NULL)
    return TRUE;

  g_test_skip ("git is not installed");
  return FALSE;
}

/* Runs git in @dir with the arguments up to NULL; fails the test if git
 * fails. Returns its output. */
char *
git_fixtures_run (const char *dir,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, git_program);
  va_start (args, dir);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed: %s", (char *)argv->pdata[1], err);

  return out;
}

/* An annotator's copy of tests/data/agreement/study as the folder @target */
void
git_fixtures_copy_study (const char *annotator,
                         const char *target)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "agreement", "study", annotator, NULL);
  const char *argv[] = { "cp", "-R", source, target, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}
