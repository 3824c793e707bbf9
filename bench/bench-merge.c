/* bench-merge.c
 *
 * A team's corpus in git (issue 15): 100 articles, 200 annotators who each
 * branch from the same version and change a few articles (new spans, a
 * relation between them, a sentence label, an attribute of a span of
 * their own), merged one after another into one version as git merges
 * them (a three-way merge per article both sides changed). Prints the
 * time of each article's merge (in-process, gloss_merge_files(); the
 * target is at most 50 ms), and checks at the end that nothing was lost:
 * every span, relation and label each annotator added is there, ids are
 * unique, no clash.
 *
 * bench-merge [--annotators N] [--articles N] [--touch N] [--gloss PATH]
 * (with --gloss, also the whole `gloss merge` process on the final files)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

typedef struct
{
  GlossText *text;
  GBytes    *base;      /* the version every annotator branches from */
  GBytes    *main;      /* the merged version so far */
  GHashTable *spans;    /* "label start" of every span added, expected */
  GHashTable *claims;   /* sentence positions an annotator labelled */
  guint       n_spans;  /* spans added (the same span twice counts once) */
} Article;

static GlossText *
find_text (const char *sha256,
           gpointer    user_data)
{
  Article *article = user_data;

  return g_strcmp0 (sha256, gloss_text_get_sha256 (article->text)) == 0 ? g_object_ref (article->text) : NULL;
}

/* An article of about 6 KB in German: 60 sentences with quotes */
static GlossText *
make_article (guint n)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GlossText) text = NULL;

  g_string_append_printf (out, "Artikel %u: Neue Regeln für den Verkehr 😊\r\n\r\n", n);
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (out, "„Wir prüfen die Lage in Bezirk %u sehr genau“, sagte Sprecherin Anna Weber%u am Montag. ",
                            i, (n + i) % 97);
  text = gloss_text_new (out->str, out->len, NULL);
  g_string_free (out, TRUE);

  return g_steal_pointer (&text);
}

static guint
offset_of (GlossText  *text,
           const char *needle,
           guint       nth)
{
  const char *contents = gloss_text_get_contents (text);
  const char *p = contents;

  for (guint i = 0; i <= nth; i++)
    {
      p = strstr (p, needle);
      g_assert (p != NULL);
      if (i < nth)
        p++;
    }

  return g_utf8_pointer_to_offset (contents, p);
}

static GlossSpan *
add_span (GlossDocument *document,
          const char    *label,
          guint          start,
          guint          end)
{
  GlossRange part = { start, end };
  GlossSpan *span = gloss_document_new_span (document, label, &part, 1);
  g_autoptr(GError) error = NULL;

  if (!gloss_document_add_span (document, span, &error))
    g_error ("%s", error->message);

  return span;
}

static void
add_relation (GlossDocument *document,
              const char    *label,
              guint          from,
              guint          to)
{
  g_autoptr(GlossRelation) relation = gloss_document_new_relation (document, label, from, to);
  g_autoptr(GError) error = NULL;

  if (!gloss_document_add_relation (document, relation, &error))
    g_error ("%s", error->message);
}

/* The base: a quote and its speaker in every other sentence */
static GBytes *
annotate_base (GlossText     *text,
               GlossLabelSet *labels)
{
  g_autoptr(GlossDocument) document = gloss_document_new (text, "de", labels);

  gloss_document_set_annotator (document, "Base");
  for (guint i = 0; i < 60; i += 2)
    {
      guint quote = offset_of (text, "Wir prüfen", i);
      guint speaker = offset_of (text, "Sprecherin", i);
      g_autoptr(GlossSpan) q = add_span (document, "quote", quote, quote + 36);
      g_autoptr(GlossSpan) s = add_span (document, "speaker", speaker, speaker + 10);

      add_relation (document, "speaker", gloss_span_get_id (q), gloss_span_get_id (s));
    }

  return gloss_format_serialize (document);
}

/* Annotator @a's change of one article: the cue and the speaker's name
 * in its own sentence, a relation, a sentence label and an attribute */
static GBytes *
annotate (Article  *article,
          guint     a,
          guint     sentence)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) cue = NULL;
  g_autoptr(GlossSpan) name = NULL;
  g_autoptr(GlossSpan) quote = NULL;
  g_autoptr(GlossSpan) with_type = NULL;
  g_autofree char *annotator = g_strdup_printf ("Annotator %u", a);
  guint offset;

  document = gloss_format_parse (article->text, "article.txt", g_bytes_get_data (article->base, NULL),
                                 g_bytes_get_size (article->base), NULL, NULL);
  gloss_document_set_annotator (document, annotator);

  offset = offset_of (article->text, "sagte", sentence);
  cue = add_span (document, "cue", offset, offset + 5);
  offset = offset_of (article->text, "Anna", sentence);
  name = add_span (document, "speaker", offset, offset + 4);
  offset = offset_of (article->text, "Wir prüfen", sentence);
  quote = add_span (document, "quote", offset, offset + 10);
  with_type = gloss_span_copy (quote);
  gloss_span_set_attribute (with_type, "type", "direct");
  g_assert (gloss_document_replace_span (document, with_type, NULL));
  add_relation (document, "cue", gloss_span_get_id (quote), gloss_span_get_id (cue));
  add_relation (document, "speaker", gloss_span_get_id (quote), gloss_span_get_id (name));
  gloss_document_add_label (document, sentence + 1, "claim");

  {
    GlossSpan *added[] = { cue, name, quote };

    for (guint i = 0; i < G_N_ELEMENTS (added); i++)
      g_hash_table_add (article->spans, g_strdup_printf ("%s %u %u", gloss_span_get_label (added[i]),
                                                         gloss_span_get_start (added[i]),
                                                         gloss_span_get_end (added[i])));
    g_hash_table_add (article->claims, GUINT_TO_POINTER (sentence + 1));
  }

  return gloss_format_serialize (document);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint i = MIN (values->len - 1, (guint)(p * (values->len - 1) + 0.5));

  return g_array_index (values, double, i);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GError) error = NULL;
  g_autofree char *gloss = NULL;
  Article *articles;
  int n_annotators = 200, n_articles = 100, n_touch = 5;
  guint n_lost = 0, n_clashes = 0;
  gsize largest = 0;
  double total = 0;
  GOptionEntry entries[] = {
    { "annotators", 0, 0, G_OPTION_ARG_INT, &n_annotators, "Annotators' branches (200)", "N" },
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles (100)", "N" },
    { "touch", 0, 0, G_OPTION_ARG_INT, &n_touch, "Articles each annotator changes (5)", "N" },
    { "gloss", 0, 0, G_OPTION_ARG_FILENAME, &gloss, "Also time the gloss merge process", "PATH" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* The quotation set and a sentence label */
  {
    g_autoptr(GlossLabel) claim = gloss_label_new ("claim", "Claim", "#3584e4", "k", "A claim");

    gloss_label_set_insert (labels, 0, claim);
  }
  if (gloss != NULL && !g_path_is_absolute (gloss))
    {
      char *absolute = g_canonicalize_filename (gloss, NULL);

      g_free (gloss);
      gloss = absolute;
    }

  articles = g_new0 (Article, n_articles);
  for (int i = 0; i < n_articles; i++)
    {
      articles[i].text = make_article (i);
      articles[i].base = annotate_base (articles[i].text, labels);
      articles[i].main = g_bytes_ref (articles[i].base);
      articles[i].spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      articles[i].claims = g_hash_table_new (NULL, NULL);
    }

  /* Each annotator works in sentences of their own, so that nothing
   * clashes and everything must be kept */
  for (int a = 0; a < n_annotators; a++)
    {
      for (int k = 0; k < n_touch; k++)
        {
          Article *article = &articles[g_rand_int_range (rand, 0, n_articles)];
          guint sentence = (a * 7 + k * 13) % 58;
          g_autoptr(GBytes) theirs = NULL;
          g_autoptr(GBytes) merged = NULL;
          guint n_conflicts = 0;
          Clock start, took;
          double ms;

          /* One annotation per annotator and sentence of an article is
           * enough to tell whether it survives */
          theirs = annotate (article, a, sentence);
          start = clock_now ();
          merged = gloss_merge_files (article->base, article->main, theirs, "article.txt", find_text, NULL, article,
                                      &n_conflicts, &error);
          took = clock_since (start);
          ms = took.wall;
          g_array_append_val (cpu_times, took.cpu);
          if (merged == NULL)
            g_error ("%s", error->message);
          n_clashes += n_conflicts;
          g_array_append_val (times, ms);
          total += ms;
          largest = MAX (largest, g_bytes_get_size (merged));
          g_bytes_unref (article->main);
          article->main = g_steal_pointer (&merged);
        }
    }

  /* No loss: the base's 60 spans and 30 relations of each article, and
   * every annotator's; identical annotations (the same label on the same
   * sentence) are one */
  for (int i = 0; i < n_articles; i++)
    {
      g_autoptr(GlossDocument) document = gloss_format_parse (articles[i].text, "article.txt",
                                                              g_bytes_get_data (articles[i].main, NULL),
                                                              g_bytes_get_size (articles[i].main), NULL, NULL);
      GListModel *spans = gloss_document_get_spans (document);
      g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n_spans = g_list_model_get_n_items (spans);

      if (gloss_document_get_problems (document)->len > 0)
        n_lost++;
      for (guint k = 0; k < n_spans; k++)
        {
          g_autoptr(GlossSpan) span = g_list_model_get_item (spans, k);

          if (!g_hash_table_add (ids, GUINT_TO_POINTER (gloss_span_get_id (span))))
            n_lost++;
          g_hash_table_add (places, g_strdup_printf ("%s %u %u", gloss_span_get_label (span), gloss_span_get_start (span),
                                                     gloss_span_get_end (span)));
        }
      /* Every span an annotator added, once; the base's 60 and 30 */
      if (g_hash_table_size (places) != n_spans || n_spans != 60 + g_hash_table_size (articles[i].spans))
        n_lost++;
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, articles[i].spans);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (places, key))
            n_lost++;
        g_hash_table_iter_init (&iter, articles[i].claims);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!gloss_sentence_has_label (gloss_document_get_sentence (document, GPOINTER_TO_UINT (key)), "claim"))
            n_lost++;
      }
      /* Two relations for each annotator's quote */
      if (g_list_model_get_n_items (gloss_document_get_relations (document)) !=
          30 + 2 * g_hash_table_size (articles[i].spans) / 3)
        n_lost++;
    }

  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);
  g_print ("bench-merge: %d articles (texts of %.1f KB, annotation files of %.1f KB at first, %.1f KB the largest "
           "at the end), %d annotators' branches, %d articles each\n",
           n_articles, gloss_text_get_n_bytes (articles[0].text) / 1024.0, g_bytes_get_size (articles[0].base) / 1024.0,
           largest / 1024.0, n_annotators, n_touch);
  g_print ("  article merges:        %u\n", times->len);
  g_print ("  per article merge:     median %.2f ms, p95 %.2f ms, max %.2f ms (target ≤ 50 ms)\n",
           percentile (times, 0.5), percentile (times, 0.95), percentile (times, 1.0));
  g_print ("  per article merge CPU: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
           percentile (cpu_times, 0.5), percentile (cpu_times, 0.95), percentile (cpu_times, 1.0));
  g_print ("  all merges:            %.0f ms\n", total);
  g_print ("  clashes:               %u\n", n_clashes);
  g_print ("  lost (articles with a problem, a duplicate id or a missing span): %u\n", n_lost);

  if (gloss != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("bench-merge-XXXXXX", NULL);
      g_autofree char *text_path = g_build_filename (dir, "article.txt", NULL);
      g_autofree char *base_path = g_build_filename (dir, "base", NULL);
      g_autofree char *ours_path = g_build_filename (dir, "article.txt.gloss.json", NULL);
      g_autofree char *theirs_path = g_build_filename (dir, "theirs", NULL);
      Clock runs[20];

      g_file_set_contents (text_path, gloss_text_get_contents (articles[0].text),
                           gloss_text_get_n_bytes (articles[0].text), NULL);
      g_file_set_contents (base_path, g_bytes_get_data (articles[0].base, NULL), g_bytes_get_size (articles[0].base),
                           NULL);
      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autoptr(GBytes) theirs = annotate (&articles[0], 1000 + r, 59 - r % 2);
          char *args[] = { gloss, (char *)"merge", base_path, ours_path, theirs_path,
                           (char *)"article.txt.gloss.json", NULL };

          g_file_set_contents (ours_path, g_bytes_get_data (articles[0].main, NULL),
                               g_bytes_get_size (articles[0].main), NULL);
          g_file_set_contents (theirs_path, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs), NULL);
          runs[r] = run_process (dir, args);
        }
      g_print ("  gloss merge process:   median %.1f ms (wall), %.1f ms (CPU)\n",
               median (runs, G_N_ELEMENTS (runs)).wall, median (runs, G_N_ELEMENTS (runs)).cpu);
      remove_tree (dir);
    }

  for (int i = 0; i < n_articles; i++)
    {
      g_object_unref (articles[i].text);
      g_bytes_unref (articles[i].base);
      g_bytes_unref (articles[i].main);
      g_hash_table_unref (articles[i].spans);
      g_hash_table_unref (articles[i].claims);
    }
  g_free (articles);

  return n_lost > 0 || n_clashes > 0 ? 1 : 0;
}
