/* bench-agree.c
 *
 * `gloss agree` on spans and relations (issue 12): three annotators'
 * copies of 150 documents with about 700 spans in each copy (by default),
 * made by make-agree-corpus.py in a temporary folder and removed at the
 * end. It prints the medians of
 *
 * - `gloss agree --json` as a whole process, as a researcher runs it;
 * - `gloss validate` of the three copies as a process: loading and
 *   checking every file, which the comparison must do too;
 * - gloss_agreement_compare() in this process, and the same comparison
 *   of the copies with every span taken out (the sentence labels alone),
 *   whose difference is what comparing spans and relations costs.
 *
 * A benchmark, not a test: it prints figures and never fails on them.
 *
 *   bench-agree [--runs N] [--documents N] [--spans N] [--gloss PATH] [--corpus DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "gloss-agreement.h"

static const char *names[] = { "ada", "bea", "cem", NULL };

static Clock
compare_in_process (const char *corpus,
                    guint      *n_spans)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  Clock start;
  Clock taken;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (roots, g_file_new_build_filename (corpus, names[i], NULL));
  agreement = gloss_agreement_new (roots, names);

  start = clock_now ();
  g_assert_true (gloss_agreement_compare (agreement, NULL, NULL, &error));
  taken = clock_since (start);
  g_assert_no_error (error);

  *n_spans = 0;
  for (guint a = 0; names[a] != NULL; a++)
    *n_spans += gloss_agreement_get_n_spans (agreement, NULL, a);

  return taken;
}

/* The copies without spans and relations: the same texts and sentences */
static void
strip_spans (const char *from,
             const char *to,
             const char *python)
{
  const char *script =
    "import json, os, shutil, sys\n"
    "src, dst = sys.argv[1], sys.argv[2]\n"
    "for folder, _, files in os.walk(src):\n"
    "    out = os.path.join(dst, os.path.relpath(folder, src))\n"
    "    os.makedirs(out, exist_ok=True)\n"
    "    for name in files:\n"
    "        if name.endswith('.gloss.json'):\n"
    "            with open(os.path.join(folder, name), encoding='utf-8') as f:\n"
    "                data = json.load(f)\n"
    "            data['spans'], data['relations'] = [], []\n"
    "            with open(os.path.join(out, name), 'w', encoding='utf-8') as f:\n"
    "                json.dump(data, f, ensure_ascii=False)\n"
    "        else:\n"
    "            shutil.copyfile(os.path.join(folder, name), os.path.join(out, name))\n";
  char *argv[] = { (char *)python, (char *)"-c", (char *)script, (char *)from, (char *)to, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gloss_path = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree Clock *agree = NULL;
  g_autofree Clock *validate = NULL;
  g_autofree Clock *in_process = NULL;
  g_autofree Clock *without = NULL;
  char *agree_argv[] = { (char *)GLOSS_PATH, (char *)"agree", (char *)"--json", (char *)"ada", (char *)"bea",
                         (char *)"cem", NULL };
  char *validate_argv[] = { (char *)GLOSS_PATH, (char *)"validate", (char *)"ada", (char *)"bea", (char *)"cem",
                            NULL };
  int runs = 7;
  int n_documents = 150;
  int n_spans = 700;
  guint counted = 0;
  guint counted_without = 0;
  Clock t;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs of each (the median is printed; at least 3)", "N" },
    { "documents", 'd', 0, G_OPTION_ARG_INT, &n_documents, "Documents in the corpus made (150)", "N" },
    { "spans", 's', 0, G_OPTION_ARG_INT, &n_spans, "Spans in each copy of a document (700)", "N" },
    { "gloss", 'g', 0, G_OPTION_ARG_FILENAME, &gloss_path, "The gloss program to run (this build's)", "PATH" },
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus, "Compare the copies ada, bea, cem in this folder", "DIR" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("— gloss agree on spans and relations");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  runs = MAX (runs, 3);
  if (gloss_path != NULL)
    agree_argv[0] = validate_argv[0] = gloss_path;
  if (python == NULL)
    {
      g_printerr ("No python3 found\n");
      return 1;
    }

  tmpdir = g_dir_make_tmp ("gloss-bench-agree-XXXXXX", &error);
  g_assert_no_error (error);
  if (corpus == NULL)
    {
      g_autofree char *documents = g_strdup_printf ("%d", n_documents);
      g_autofree char *spans = g_strdup_printf ("%d", n_spans);
      char *make_argv[] = { python, (char *)MAKE_CORPUS_SCRIPT, NULL, documents, spans, NULL };
      int status;

      corpus = g_build_filename (tmpdir, "corpus", NULL);
      make_argv[2] = corpus;
      g_spawn_sync (NULL, make_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &figures, NULL, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("make-agree-corpus.py: %s\n", error->message);
          return 1;
        }
      g_strstrip (figures);
    }
  plain = g_build_filename (tmpdir, "plain", NULL);
  strip_spans (corpus, plain, python);

  agree = g_new (Clock, runs);
  validate = g_new (Clock, runs);
  in_process = g_new (Clock, runs);
  without = g_new (Clock, runs);

  /* Once to fill the page cache */
  run_process (corpus, agree_argv);
  for (int r = 0; r < runs; r++)
    {
      agree[r] = run_process (corpus, agree_argv);
      validate[r] = run_process (corpus, validate_argv);
      in_process[r] = compare_in_process (corpus, &counted);
      without[r] = compare_in_process (plain, &counted_without);
    }

  g_print ("Corpus: %s\n", figures ? figures : corpus);
  g_print ("Spans compared: %u; medians of %d runs\n", counted, runs);
  t = median (agree, runs);
  g_print ("  %-44s %7.0f ms wall %7.0f ms CPU\n", "gloss agree --json (a process)", t.wall, t.cpu);
  t = median (validate, runs);
  g_print ("  %-44s %7.0f ms wall %7.0f ms CPU\n", "gloss validate, the same files (a process)", t.wall, t.cpu);
  t = median (in_process, runs);
  g_print ("  %-44s %7.0f ms wall %7.0f ms CPU\n", "gloss_agreement_compare ()", t.wall, t.cpu);
  t = median (without, runs);
  g_print ("  %-44s %7.0f ms wall %7.0f ms CPU\n", "the same without spans and relations", t.wall, t.cpu);

  remove_tree (tmpdir);

  return 0;
}
