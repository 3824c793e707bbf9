/* bench-export.c
 *
 * `gloss export -f sentences-jsonl` against a short Python script with the
 * standard json module that writes the same lines (export-sentences.py),
 * each as a whole process on the same corpus, as a researcher runs them.
 * The corpus is made by make-export-corpus.py in a temporary folder (by
 * default 2,000 documents, about 24 MB of text, 50,000 sentences and
 * 38,000 annotations) and removed at the end. Before timing, the two
 * outputs must be the same bytes, or the comparison would not be fair.
 *
 * The two run in turn, the first changing each time, each writing a file
 * that does not exist yet (so neither pays for freeing the last run's).
 * It prints the medians of wall-clock and CPU time (the child's user +
 * system time) and the ratio. A benchmark, not a test: it prints figures
 * and never fails on them.
 *
 *   bench-export [--runs N] [--documents N] [--gloss PATH] [--python PATH] [--corpus DIR]
 *
 * --gloss runs another build's `gloss`, to compare one before a change;
 * --python another Python (by default the interpreter `python3` on the
 * PATH runs, not a shim in front of it); --corpus exports an existing
 * folder instead of making one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"

typedef struct
{
  const char *name;
  char      **argv;
  const char *output;
  Clock      *times;
} Program;

/* The interpreter itself: a `python3` on the PATH may be a shim (pyenv's
 * is a shell script) that would add its own start-up to every run */
static char *
resolve_python (char *python)
{
  char *argv[] = { python, (char *)"-c", (char *)"import sys; print(sys.executable)", NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || g_strstrip (out)[0] == '\0')
    return python;

  g_free (python);

  return g_steal_pointer (&out);
}

/* Both outputs must be the same bytes; says where they part if not */
static gboolean
same_output (const char *a,
             const char *b,
             guint      *n_lines,
             gsize      *n_bytes)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  gsize nx = 0, ny = 0;
  gsize i = 0;
  guint line = 1;

  if (!g_file_get_contents (a, &x, &nx, NULL) || !g_file_get_contents (b, &y, &ny, NULL))
    return FALSE;

  while (i < nx && i < ny && x[i] == y[i])
    line += x[i++] == '\n';

  if (i < nx || i < ny)
    {
      g_printerr ("The outputs differ at byte %" G_GSIZE_FORMAT ", line %u:\n  %.200s\n  %.200s\n",
                  i, line, x + i - MIN (i, 60), y + i - MIN (i, 60));
      return FALSE;
    }

  *n_lines = line - 1;
  *n_bytes = nx;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gloss_path = NULL;
  g_autofree char *python = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *gloss_out = NULL;
  g_autofree char *python_out = NULL;
  g_autofree char *figures = NULL;
  char *gloss_argv[] = { (char *)GLOSS_PATH, (char *)"export", (char *)"-f", (char *)"sentences-jsonl",
                         (char *)"-o", NULL, NULL, NULL };
  char *python_argv[] = { NULL, (char *)EXPORT_SCRIPT, NULL, NULL, NULL };
  Program programs[2] = {
    { "python3 export-sentences.py", python_argv, NULL, NULL },
    { "gloss export", gloss_argv, NULL, NULL },
  };
  int runs = 7;
  int n_documents = 2000;
  guint n_lines = 0;
  gsize n_bytes = 0;
  Clock python_time, gloss_time;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs of each program (the median is printed; at least 5)", "N" },
    { "documents", 'd', 0, G_OPTION_ARG_INT, &n_documents, "Documents in the corpus made (2000)", "N" },
    { "gloss", 'g', 0, G_OPTION_ARG_FILENAME, &gloss_path, "The gloss program to run (this build's)", "PATH" },
    { "python", 'p', 0, G_OPTION_ARG_FILENAME, &python, "The Python to run (python3)", "PATH" },
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus, "Export this folder instead of making a corpus", "DIR" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("— gloss export and a Python script, each as a process");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  runs = MAX (runs, 5);
  if (python == NULL)
    python = g_find_program_in_path ("python3");
  if (python == NULL)
    {
      g_printerr ("No python3 found\n");
      return 1;
    }
  python = resolve_python (python);
  if (gloss_path != NULL)
    gloss_argv[0] = gloss_path;
  python_argv[0] = python;

  tmpdir = g_dir_make_tmp ("gloss-bench-export-XXXXXX", &error);
  g_assert_no_error (error);

  if (corpus == NULL)
    {
      char *make_argv[] = { python, (char *)MAKE_CORPUS_SCRIPT, NULL, NULL, NULL };
      g_autofree char *count = g_strdup_printf ("%d", n_documents);
      int status;

      corpus = g_build_filename (tmpdir, "corpus", NULL);
      make_argv[2] = corpus;
      make_argv[3] = count;
      g_spawn_sync (NULL, make_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &figures, NULL, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("make-export-corpus.py: %s\n", error->message);
          return 1;
        }
      g_strstrip (figures);
    }

  gloss_out = g_build_filename (tmpdir, "gloss.jsonl", NULL);
  python_out = g_build_filename (tmpdir, "python.jsonl", NULL);
  gloss_argv[5] = gloss_out;
  gloss_argv[6] = corpus;
  python_argv[2] = corpus;
  python_argv[3] = python_out;
  programs[0].output = python_out;
  programs[1].output = gloss_out;

  /* Once each to fill the page cache, and to see the lines are the same */
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      g_remove (programs[p].output);
      run_process (NULL, programs[p].argv);
      programs[p].times = g_new (Clock, runs);
    }
  if (!same_output (python_out, gloss_out, &n_lines, &n_bytes))
    {
      g_printerr ("Not comparable: the script and gloss wrote different lines\n");
      return 1;
    }

  for (int r = 0; r < runs; r++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (programs); k++)
        {
          Program *program = &programs[(k + r) % G_N_ELEMENTS (programs)];

          g_remove (program->output);
          program->times[r] = run_process (NULL, program->argv);
        }
    }

  python_time = median (programs[0].times, runs);
  gloss_time = median (programs[1].times, runs);

  g_print ("Corpus: %s\n", figures ? figures : corpus);
  g_print ("Python: %s\n", python);
  g_print ("Output: %u lines, %.1f MB, the same bytes from both; median of %d runs, each a process of its own\n",
           n_lines, n_bytes / 1e6, runs);
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      Clock t = median (programs[p].times, runs);

      g_print ("  %-30s %7.0f ms wall %7.0f ms CPU\n", programs[p].name, t.wall, t.cpu);
    }
  g_print ("gloss export is %.2fx as fast as the script (wall-clock), %.2fx by CPU time\n",
           python_time.wall / gloss_time.wall, python_time.cpu / gloss_time.cpu);

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    g_free (programs[p].times);
  remove_tree (tmpdir);

  return 0;
}
