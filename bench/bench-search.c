/* bench-search.c
 *
 * The corpus search (issue 16) on a folder of 100 news articles of about
 * 5 KB each (German and English sentences, a claim on every fourth
 * sentence, a quote span on every third with a speaker on every other
 * quote): words, whole words, a regular expression, a sentence-label
 * filter and quotes without a speaker, in-process (gloss_search_run(),
 * every document loaded and checked) and as `gloss search` processes.
 * Medians of 7 runs, wall-clock and CPU milliseconds.
 *
 *   bench-search [--documents N] [--runs N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-search.h"
#include "gloss-sentence.h"
#include "gloss-span.h"

#include "bench-util.h"

static void
make_article (const char *dir,
              guint       n)
{
  g_autofree char *name = g_strdup_printf ("article-%03u.txt", n);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = make_news_text (5000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sentences;

  g_string_append_printf (text, "Artikel %u endet hier.\n", n);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  n_sentences = gloss_document_get_n_sentences (document);
  for (guint i = 0; i < n_sentences; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (document, i);
      GlossRange whole = { gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence) };

      if (i % 4 == 0)
        gloss_document_add_label (document, i, "claim");
      if (i % 3 == 0)
        {
          g_autoptr(GlossSpan) quote = gloss_document_new_span (document, "quote", &whole, 1);

          g_assert_true (gloss_document_add_span (document, quote, &error));
          if (i % 2 == 0 && whole.end - whole.start > 4)
            {
              GlossRange first = { whole.start, whole.start + 3 };
              g_autoptr(GlossSpan) speaker = NULL;
              g_autoptr(GlossRelation) relation = NULL;

              /* A speaker inside its quote: enough for the filter */
              speaker = gloss_document_new_span (document, "speaker", &first, 1);
              g_assert_true (gloss_document_add_span (document, speaker, &error));
              relation = gloss_document_new_relation (document, "speaker", gloss_span_get_id (quote),
                                                      gloss_span_get_id (speaker));
              g_assert_true (gloss_document_add_relation (document, relation, &error));
            }
        }
    }
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

static char *
make_corpus (guint n_documents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) claim = gloss_label_new ("claim", "Claim", "#1c71d8", "k", "");
  g_autofree char *project_path = NULL;
  g_autoptr(GFile) project = NULL;
  char *dir = g_dir_make_tmp ("gloss-bench-search-XXXXXX", &error);

  g_assert_no_error (error);
  gloss_label_set_insert (labels, 0, claim);
  project_path = g_build_filename (dir, GLOSS_PROJECT_FILE_NAME, NULL);
  project = g_file_new_for_path (project_path);
  g_assert_true (gloss_project_save_labels (project, labels, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_documents; i++)
    make_article (dir, i);

  return dir;
}

typedef struct
{
  const char       *name;
  const char       *pattern;
  GlossSearchFlags  flags;
  const char       *in;
  const char       *span;
  const char       *without;
  const char       *argv[8];   /* of the process, after "gloss search" */
} Query;

int
main (int    argc,
      char **argv)
{
  int n_documents = 100, runs = 7;
  GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_INT, &n_documents, "Articles in the folder (100)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each query (7)", "N" },
    { NULL }
  };
  const Query queries[] = {
    { "words “sagte”", "sagte", 0, NULL, NULL, NULL, { "sagte" } },
    { "whole words “die”", "die", GLOSS_SEARCH_WHOLE_WORDS, NULL, NULL, NULL, { "-w", "die" } },
    { "regex \\bsag\\w*\\|said", "\\bsag\\w*|said", GLOSS_SEARCH_REGEX, NULL, NULL, NULL,
      { "-r", "\\bsag\\w*|said" } },
    { "“million” --in claim", "million", 0, "claim", NULL, NULL, { "--in", "claim", "million" } },
    { "quotes without a speaker", "", 0, NULL, "quote", "speaker",
      { "--span", "quote", "--without", "speaker", "" } },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  Clock made;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  made = clock_now ();
  dir = make_corpus ((guint)n_documents);
  made = clock_since (made);
  g_ptr_array_add (inputs, g_file_new_for_path (dir));
  printf ("%d articles of about 5 KB (made in %.0f ms); medians of %d runs, ms\n\n", n_documents, made.wall, runs);
  printf ("| query | hits | in-process wall | in-process CPU | `gloss search` wall | `gloss search` CPU |\n");
  printf ("| --- | ---: | ---: | ---: | ---: | ---: |\n");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const Query *query = &queries[q];
      g_autofree Clock *in_process = g_new0 (Clock, runs);
      g_autofree Clock *process = g_new0 (Clock, runs);
      guint n_hits = 0;
      Clock a, b;

      for (int r = 0; r < runs; r++)
        {
          g_autoptr(GlossSearch) search = gloss_search_new (query->pattern, query->flags, &error);
          g_autoptr(GPtrArray) hits = NULL;
          Clock start;

          g_assert_no_error (error);
          if (query->in != NULL)
            gloss_search_add_in (search, query->in);
          gloss_search_set_span (search, query->span);
          if (query->without != NULL)
            gloss_search_add_without (search, query->without);

          start = clock_now ();
          hits = gloss_search_run (search, inputs, NULL, NULL, &error);
          in_process[r] = clock_since (start);
          g_assert_no_error (error);
          n_hits = hits->len;
        }

      for (int r = 0; r < runs; r++)
        {
          g_autoptr(GPtrArray) args = g_ptr_array_new ();

          g_ptr_array_add (args, (gpointer)GLOSS_PATH);
          g_ptr_array_add (args, (gpointer)"search");
          for (guint i = 0; query->argv[i] != NULL; i++)
            g_ptr_array_add (args, (gpointer)query->argv[i]);
          g_ptr_array_add (args, dir);
          g_ptr_array_add (args, NULL);
          process[r] = run_process (NULL, (char **)args->pdata);
        }

      a = median (in_process, runs);
      b = median (process, runs);
      printf ("| %s | %u | %.1f | %.1f | %.1f | %.1f |\n", query->name, n_hits, a.wall, a.cpu, b.wall, b.cpu);
    }

  remove_tree (dir);

  return 0;
}
