/* test-segmenter-heldout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-segmenter.h"

/* The splitter's quality on news that no rule was written for
 * (tests/data/segmentation/heldout, see its README): boundary F1 may not
 * fall below what was measured. This guards quality, it times nothing. When
 * the splitter gets better, raise the figure; never lower it to make a
 * change pass. */
typedef struct
{
  const char *language;
  double      min_f1;
} Guard;

static const Guard guards[] = {
  /* 130 boundaries found, 1 spurious ("RHEINSTADT. Es lief …", a dateline
   * with a full stop), none missed */
  { "de", 0.996 },
  /* 122 found, none spurious or missed */
  { "en", 1.000 },
};

typedef struct
{
  guint cases;
  guint exact;
  guint tp;
  guint fp;
  guint fn;
} Score;

static guint
member_uint (JsonArray *pair,
             guint      index)
{
  return (guint) json_array_get_int_element (pair, index);
}

/* The gold file's spans cover their sentences exactly, so the figures
 * below measure the splitter and not a slip of the annotator. */
static void
check_gold (const char *id,
            const char *text,
            JsonArray  *sentences,
            JsonArray  *spans)
{
  guint i;

  g_assert_cmpuint (json_array_get_length (sentences), ==, json_array_get_length (spans));
  for (i = 0; i < json_array_get_length (spans); i++)
    {
      JsonArray *pair = json_array_get_array_element (spans, i);
      const char *a = g_utf8_offset_to_pointer (text, member_uint (pair, 0));
      const char *b = g_utf8_offset_to_pointer (text, member_uint (pair, 1));
      g_autofree char *got = g_strndup (a, b - a);

      if (g_strcmp0 (got, json_array_get_string_element (sentences, i)) != 0)
        g_error ("%s: span %u is “%s”, the sentence “%s”", id, i, got,
                 json_array_get_string_element (sentences, i));
    }
}

/* Boundaries are the starts of all sentences but the first, as the shared
 * scorer counts them; both lists are in text order. */
static void
score_case (Score     *score,
            GArray    *predicted,
            JsonArray *gold)
{
  guint n_gold = json_array_get_length (gold);
  gboolean exact = predicted->len == n_gold;
  guint i = 1;
  guint j = 1;
  guint k;

  for (k = 0; exact && k < n_gold; k++)
    {
      JsonArray *pair = json_array_get_array_element (gold, k);
      const GlossRange *span = &g_array_index (predicted, GlossRange, k);

      exact = span->start == member_uint (pair, 0) && span->end == member_uint (pair, 1);
    }

  while (i < predicted->len || j < n_gold)
    {
      guint p = i < predicted->len ? g_array_index (predicted, GlossRange, i).start : G_MAXUINT;
      guint g = j < n_gold ? member_uint (json_array_get_array_element (gold, j), 0) : G_MAXUINT;

      if (p == g)
        {
          score->tp++;
          i++;
          j++;
        }
      else if (p < g)
        {
          score->fp++;
          i++;
        }
      else
        {
          score->fn++;
          j++;
        }
    }
  score->cases++;
  score->exact += exact;
}

static void
test_heldout (gconstpointer data)
{
  const Guard *guard = data;
  g_autofree char *name = g_strconcat (guard->language, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "segmentation",
                                                 "heldout", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new (guard->language);
  g_autoptr(GError) error = NULL;
  Score score = { 0 };
  JsonArray *cases;
  double precision;
  double recall;
  double f1;
  guint i;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));

  for (i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *id = json_object_get_string_member (c, "id");
      const char *text = json_object_get_string_member (c, "text");
      JsonArray *spans = json_object_get_array_member (c, "spans");
      g_autoptr(GArray) predicted = NULL;

      g_assert_cmpstr (json_object_get_string_member (c, "lang"), ==, guard->language);
      check_gold (id, text, json_object_get_array_member (c, "sentences"), spans);
      predicted = gloss_segmenter_split (segmenter, text, -1);
      score_case (&score, predicted, spans);
    }
  g_assert_cmpuint (score.cases, >=, 3);

  precision = score.tp / (double) MAX (score.tp + score.fp, 1);
  recall = score.tp / (double) MAX (score.tp + score.fn, 1);
  f1 = 2.0 * score.tp / (double) MAX (2 * score.tp + score.fp + score.fn, 1);
  g_test_message ("%s: %u of %u articles exact; boundaries P %.3f R %.3f F1 %.3f "
                  "(%u found, %u spurious, %u missed)",
                  guard->language, score.exact, score.cases, precision, recall, f1,
                  score.tp, score.fp, score.fn);
  /* The guard is rounded down to three places; a hair's tolerance keeps
   * 1.000 reachable in floating point. */
  g_assert_cmpfloat (f1 + 1e-9, >=, guard->min_f1);
}

int
main (int   argc,
      char *argv[])
{
  gsize i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (guards); i++)
    {
      g_autofree char *path = g_strconcat ("/gloss/segmenter-heldout/", guards[i].language, NULL);

      g_test_add_data_func (path, &guards[i], test_heldout);
    }
  return g_test_run ();
}
