/* bench-spans.c
 *
 * Prints how long the core takes for a 1 MB article with 2 000 spans and
 * 2 000 relations (1 000 quotes, each linked to a speaker and a cue that
 * two quotes share; a quote in three of its parts across sentences): adding
 * them through the history, the save's part on the main thread (the
 * snapshot), writing the `.gloss.json`, loading it with every check, and
 * finding the spans at an offset, as the window does at every move of the
 * caret. A benchmark, not a test: it prints medians, wall-clock and CPU
 * time, and never fails on them. Issue 12 asks for loading in at most
 * 100 ms and the main thread's part of a save in at most 5 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

#define REPEAT 7
#define N_QUOTES 1000
#define N_LOOKUPS 100000

static void
print_row (const char *what,
           Clock       time)
{
  g_print ("  %-58s %8.2f ms %8.2f ms\n", what, time.wall, time.cpu);
}

/* A span of @label on @n_parts parts of 12 to 60 code points from about
 * @start on, each after the one before */
static GlossSpan *
add_span (GlossDocument *document,
          GRand         *rand,
          const char    *label,
          guint          start,
          guint          n_parts)
{
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  GlossRange parts[3];

  for (guint k = 0; k < n_parts; k++)
    {
      parts[k].start = start + g_rand_int_range (rand, 0, 40);
      parts[k].end = parts[k].start + g_rand_int_range (rand, 12, 60);
      start = parts[k].end;
    }

  span = gloss_document_new_span (document, label, parts, n_parts);
  if (g_strcmp0 (label, "quote") == 0)
    {
      gloss_span_set_attribute (span, "medium", "speech");
      gloss_span_set_attribute (span, "type", n_parts > 1 ? "direct" : "indirect");
    }
  g_assert_true (gloss_document_add_span (document, span, &error));

  return g_steal_pointer (&span);
}

static void
relate (GlossDocument *document,
        const char    *label,
        GlossSpan     *from,
        GlossSpan     *to)
{
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GError) error = NULL;

  relation = gloss_document_new_relation (document, label, gloss_span_get_id (from), gloss_span_get_id (to));
  g_assert_true (gloss_document_add_relation (document, relation, &error));
}

/* 1 000 quotes, 500 speakers, 500 cues, a speaker and a cue relation from
 * each quote */
static void
annotate (GlossDocument *document)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint length = gloss_text_get_length (gloss_document_get_text (document));
  guint step = (length - 400) / N_QUOTES;
  GlossSpan *speaker = NULL, *cue = NULL;

  gloss_document_set_annotator (document, "Ada");
  for (guint i = 0; i < N_QUOTES; i++)
    {
      g_autoptr(GlossSpan) quote = add_span (document, rand, "quote", i * step + 80, i % 3 == 0 ? 3 : 1);

      /* Each speaker and cue serves two quotes */
      if (i % 2 == 0)
        {
          g_clear_object (&speaker);
          g_clear_object (&cue);
          speaker = add_span (document, rand, "speaker", i * step, 1);
          cue = add_span (document, rand, "cue", i * step + 30, 1);
        }

      gloss_history_begin_group (gloss_document_get_history (document));
      relate (document, "speaker", quote, speaker);
      relate (document, "cue", quote, cue);
      gloss_history_end_group (gloss_document_get_history (document));
    }
  g_clear_object (&speaker);
  g_clear_object (&cue);

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 2 * N_QUOTES);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, 2 * N_QUOTES);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "long.txt", NULL);
  g_autoptr(GString) text = make_news_text (1000 * 1000);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Clock add[REPEAT], snapshot[REPEAT], serialize[REPEAT], load[REPEAT], parse[REPEAT], lookups[REPEAT];
  g_autofree char *data = NULL;
  g_autofree guint *offsets = g_new (guint, N_LOOKUPS);
  gsize length = 0;
  guint found = 0;

  g_file_set_contents (path, text->str, text->len, NULL);
  file = g_file_new_for_path (path);
  json_file = gloss_document_dup_annotation_file_for (file);

  for (guint r = 0; r < REPEAT; r++)
    {
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossDocument) reloaded = NULL;
      g_autoptr(GlossText) gloss_text = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      Clock start;

      g_remove (g_file_peek_path (json_file));
      gloss_text = gloss_text_load (file, NULL, &error);
      g_assert_no_error (error);
      document = gloss_document_new (gloss_text, "de", labels);

      start = clock_now ();
      annotate (document);
      add[r] = clock_since (start);

      {
        g_autoptr(GlossFormatSnapshot) taken = NULL;

        start = clock_now ();
        taken = gloss_format_snapshot (document);
        snapshot[r] = clock_since (start);
      }

      start = clock_now ();
      bytes = gloss_format_serialize (document);
      serialize[r] = clock_since (start);

      g_clear_pointer (&data, g_free);
      data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      length = g_bytes_get_size (bytes);
      g_file_set_contents (g_file_peek_path (json_file), data, length, &error);
      g_assert_no_error (error);

      start = clock_now ();
      reloaded = gloss_document_load (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (reloaded)), ==, 2 * N_QUOTES);
      load[r] = clock_since (start);

      {
        g_autoptr(GlossDocument) parsed = NULL;

        start = clock_now ();
        parsed = gloss_format_parse (gloss_text, "long.txt", data, length, NULL, NULL);
        g_assert_cmpuint (gloss_document_get_problems (parsed)->len, ==, 0);
        parse[r] = clock_since (start);
      }

      for (guint i = 0; i < N_LOOKUPS; i++)
        offsets[i] = g_rand_int_range (rand, 0, gloss_text_get_length (gloss_text));
      found = 0;
      start = clock_now ();
      for (guint i = 0; i < N_LOOKUPS; i++)
        {
          g_autoptr(GPtrArray) spans = gloss_document_dup_spans_at (reloaded, offsets[i]);

          found += spans->len;
        }
      lookups[r] = clock_since (start);
    }

  g_print ("Text: %.2f MB; %u spans, %u relations; .gloss.json %.2f MB (median of %d; wall, CPU)\n",
           text->len / 1e6, 2 * N_QUOTES, 2 * N_QUOTES, length / 1e6, REPEAT);
  print_row ("add 2 000 spans and 2 000 relations through the history", median (add, REPEAT));
  print_row ("save's part on the main thread (snapshot)          [<= 5]", median (snapshot, REPEAT));
  print_row ("serialize the .gloss.json (a worker thread's part)", median (serialize, REPEAT));
  print_row ("open it again, text and file, with every check   [<= 100]", median (load, REPEAT));
  print_row ("  of which: the file's checks and objects", median (parse, REPEAT));
  {
    Clock per = median (lookups, REPEAT);

    per.wall = per.wall * 1000.0 / N_LOOKUPS;
    per.cpu = per.cpu * 1000.0 / N_LOOKUPS;
    g_print ("  %-58s %8.2f µs %8.2f µs\n", "spans at an offset, one lookup", per.wall, per.cpu);
    g_print ("  (%.2f spans found per lookup)\n", (double)found / N_LOOKUPS);
  }

  g_remove (g_file_peek_path (json_file));
  g_remove (path);
  g_rmdir (tmpdir);

  return 0;
}
