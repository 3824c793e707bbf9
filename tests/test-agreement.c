/* test-agreement.c
 *
 * The coefficients against the worked examples of the literature, as
 * published, and the comparison of annotators' copies of a corpus on the
 * fixtures of tests/data/agreement (see make-fixtures.py there; the
 * expected figures come from reference.py beside it, which computes them
 * independently, through the coincidence matrix).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-exporter.h"
#include "gloss-problem.h"

#define EPSILON 0.0005

static void
assert_close (double value,
              double expected)
{
  g_assert_false (isnan (value));
  g_assert_cmpfloat_with_epsilon (value, expected, EPSILON);
}

/* Wikipedia's and most textbooks' 2×2 example: 50 proposals, A and B
 * say yes to 20 together, A alone to 5, B alone to 10; p_o = 0.7,
 * p_e = 0.5, κ = 0.4 */
static void
test_cohen_textbook (void)
{
  const guint table[] = { 20, 5,
                          10, 15 };

  assert_close (gloss_agreement_table_observed (table, 2), 0.7);
  assert_close (gloss_agreement_cohen_kappa (table, 2), 0.4);
}

/* Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5
 * diagnoses (depression, personality disorder, schizophrenia, neurosis,
 * other), as the rater matrix R's irr package ships as `diagnoses`. */
static const guint8 diagnoses[30][6] = {
  { 4, 4, 4, 4, 4, 4 }, { 2, 2, 2, 5, 5, 5 }, { 2, 3, 3, 3, 3, 5 }, { 5, 5, 5, 5, 5, 5 },
  { 2, 2, 2, 4, 4, 4 }, { 1, 1, 3, 3, 3, 3 }, { 3, 3, 3, 3, 5, 5 }, { 1, 1, 3, 3, 3, 4 },
  { 1, 1, 4, 4, 4, 4 }, { 5, 5, 5, 5, 5, 5 }, { 1, 4, 4, 4, 4, 4 }, { 1, 2, 4, 4, 4, 4 },
  { 2, 2, 2, 3, 3, 3 }, { 1, 4, 4, 4, 4, 4 }, { 2, 2, 4, 4, 4, 5 }, { 3, 3, 3, 3, 3, 5 },
  { 1, 1, 1, 4, 5, 5 }, { 1, 1, 1, 1, 1, 2 }, { 2, 2, 4, 4, 4, 4 }, { 1, 3, 3, 5, 5, 5 },
  { 5, 5, 5, 5, 5, 5 }, { 2, 4, 4, 4, 4, 4 }, { 2, 2, 4, 5, 5, 5 }, { 1, 1, 4, 4, 4, 4 },
  { 1, 4, 4, 4, 4, 5 }, { 2, 2, 2, 2, 2, 4 }, { 1, 1, 1, 1, 5, 5 }, { 2, 2, 4, 4, 4, 4 },
  { 1, 3, 3, 3, 3, 3 }, { 5, 5, 5, 5, 5, 5 },
};

/* Fleiss (1971) reports κ = .430; irr's kappam.fleiss gives 0.4302 */
static void
test_fleiss_1971 (void)
{
  guint counts[30 * 5] = { 0 };
  guint totals[5] = { 0 };

  for (guint u = 0; u < 30; u++)
    for (guint r = 0; r < 6; r++)
      counts[u * 5 + diagnoses[u][r] - 1]++;

  /* The category totals of the table as Fleiss printed it */
  for (guint u = 0; u < 30; u++)
    for (guint c = 0; c < 5; c++)
      totals[c] += counts[u * 5 + c];
  g_assert_cmpuint (totals[0], ==, 26);
  g_assert_cmpuint (totals[1], ==, 26);
  g_assert_cmpuint (totals[2], ==, 30);
  g_assert_cmpuint (totals[3], ==, 55);
  g_assert_cmpuint (totals[4], ==, 43);

  assert_close (gloss_agreement_fleiss_kappa (counts, NULL, 30, 5), 0.430);
}

/* The two first psychiatrists of the same data: irr's kappa2 gives
 * κ = 0.651 (5 categories, not just yes/no) */
static void
test_cohen_diagnoses (void)
{
  guint table[5 * 5] = { 0 };

  for (guint u = 0; u < 30; u++)
    table[(diagnoses[u][0] - 1) * 5 + diagnoses[u][1] - 1]++;

  assert_close (gloss_agreement_cohen_kappa (table, 5), 0.651);
}

/* The 10 subjects × 14 raters × 5 categories example of Wikipedia's
 * "Fleiss' kappa" article: P̄ = 0.378, P̄_e = 0.213, κ = 0.210 */
static void
test_fleiss_wikipedia (void)
{
  const guint counts[10 * 5] = {
    0, 0, 0, 0, 14,
    0, 2, 6, 4, 2,
    0, 0, 3, 5, 6,
    0, 3, 9, 2, 0,
    2, 2, 8, 1, 1,
    7, 7, 0, 0, 0,
    3, 2, 6, 3, 0,
    2, 5, 3, 2, 2,
    6, 5, 2, 1, 0,
    0, 2, 2, 3, 7,
  };

  assert_close (gloss_agreement_observed (counts, NULL, 10, 5), 0.378);
  assert_close (gloss_agreement_fleiss_kappa (counts, NULL, 10, 5), 0.210);
}

/* Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
 * the nominal example: 4 observers, 12 units, values 1–5, with missing
 * values (0 here); unit 12 has one value and cannot be paired.
 * α = 0.743 */
static void
test_krippendorff_missing (void)
{
  const guint8 data[4][12] = {
    { 1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0 },
    { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3 },
    { 0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0 },
    { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0 },
  };
  guint counts[12 * 5] = { 0 };
  guint weights[12];

  for (guint u = 0; u < 12; u++)
    for (guint o = 0; o < 4; o++)
      if (data[o][u] != 0)
        counts[u * 5 + data[o][u] - 1]++;

  assert_close (gloss_agreement_krippendorff_alpha (counts, NULL, 12, 5), 0.743);

  /* Weights of 1 are the same as none */
  for (guint u = 0; u < 12; u++)
    weights[u] = 1;
  assert_close (gloss_agreement_krippendorff_alpha (counts, weights, 12, 5), 0.743);
}

/* Undefined is NAN, never a number made of 0/0 */
static void
test_undefined (void)
{
  const guint all_no[] = { 0, 0,
                           0, 12 };
  const guint empty[] = { 0, 0, 0, 0 };
  const guint same_value[] = { 0, 3,
                               0, 3 };
  const guint uneven[] = { 1, 2,
                           2, 0 };
  const guint opposite[] = { 0, 7,
                             0, 0 };

  g_assert_true (isnan (gloss_agreement_cohen_kappa (all_no, 2)));
  assert_close (gloss_agreement_table_observed (all_no, 2), 1.0);
  g_assert_true (isnan (gloss_agreement_cohen_kappa (empty, 2)));
  g_assert_true (isnan (gloss_agreement_table_observed (empty, 2)));
  g_assert_true (isnan (gloss_agreement_fleiss_kappa (same_value, NULL, 2, 2)));
  g_assert_true (isnan (gloss_agreement_krippendorff_alpha (same_value, NULL, 2, 2)));
  g_assert_true (isnan (gloss_agreement_fleiss_kappa (uneven, NULL, 2, 2)));
  g_assert_true (isnan (gloss_agreement_fleiss_kappa (NULL, NULL, 0, 2)));
  g_assert_true (isnan (gloss_agreement_krippendorff_alpha (NULL, NULL, 0, 2)));

  /* A always yes, B always no: defined, and no better than chance */
  assert_close (gloss_agreement_cohen_kappa (opposite, 2), 0.0);
}

/* The yes/no counts give what the plain tables give */
static void
test_counts (void)
{
  g_autoptr(GlossAgreementCounts) counts = gloss_agreement_counts_new (2);
  g_autoptr(GlossAgreementCounts) pooled = gloss_agreement_counts_new (2);
  const guint8 yes_yes[] = { 1, 1 };
  const guint8 yes_no[] = { 1, 0 };
  const guint8 no_yes[] = { 0, 1 };
  const guint8 no_no[] = { 0, 0 };
  const guint8 alone[] = { 1, GLOSS_AGREEMENT_MISSING };
  const guint *table;

  for (guint i = 0; i < 20; i++)
    gloss_agreement_counts_add (counts, yes_yes);
  for (guint i = 0; i < 5; i++)
    gloss_agreement_counts_add (counts, yes_no);
  for (guint i = 0; i < 10; i++)
    gloss_agreement_counts_add (counts, no_yes);
  for (guint i = 0; i < 15; i++)
    gloss_agreement_counts_add (counts, no_no);
  gloss_agreement_counts_add (counts, alone);

  g_assert_cmpuint (gloss_agreement_counts_get_n_units (counts), ==, 50);
  g_assert_cmpuint (gloss_agreement_counts_get_n_complete (counts), ==, 50);
  table = gloss_agreement_counts_get_pair_table (counts, 0, 1);
  g_assert_cmpuint (table[0], ==, 20);
  g_assert_cmpuint (table[1], ==, 5);
  g_assert_cmpuint (table[2], ==, 10);
  g_assert_cmpuint (table[3], ==, 15);
  assert_close (gloss_agreement_counts_get_cohen_kappa (counts, 0, 1), 0.4);
  assert_close (gloss_agreement_counts_get_observed (counts), 0.7);
  /* Fleiss' κ for two raters is Scott's π: p = (25 + 30) / 100 */
  assert_close (gloss_agreement_counts_get_fleiss_kappa (counts), (0.7 - (0.55 * 0.55 + 0.45 * 0.45)) /
                                                                  (1 - (0.55 * 0.55 + 0.45 * 0.45)));

  gloss_agreement_counts_merge (pooled, counts);
  gloss_agreement_counts_merge (pooled, counts);
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (pooled), ==, 100);
  assert_close (gloss_agreement_counts_get_cohen_kappa (pooled, 0, 1), 0.4);
}

/* --- Corpora ---------------------------------------------------------- */

static GlossAgreement *
compare_study (const char  *study,
               const char **annotators,
               const char **labels,
               GPtrArray   *problems)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GlossAgreement *agreement;

  for (guint i = 0; annotators[i] != NULL; i++)
    g_ptr_array_add (roots, g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement",
                                                                      study, annotators[i], NULL)));

  agreement = gloss_agreement_new (roots, annotators);
  gloss_agreement_set_labels (agreement, labels);
  g_assert_true (gloss_agreement_compare (agreement, problems, NULL, &error));
  g_assert_no_error (error);

  return agreement;
}

static const GlossAgreementDocument *
find_document (GlossAgreement *agreement,
               const char     *id)
{
  for (guint i = 0; i < gloss_agreement_get_n_documents (agreement); i++)
    if (g_strcmp0 (gloss_agreement_get_document (agreement, i)->id, id) == 0)
      return gloss_agreement_get_document (agreement, i);

  g_assert_not_reached ();
}

static void
test_corpus_perfect (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = compare_study ("perfect", annotators, NULL, problems);
  const GlossAgreementCounts *overall = gloss_agreement_get_counts (agreement, NULL);
  const GlossAgreementCounts *quote = gloss_agreement_get_counts (agreement, "quote");

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 1);
  g_assert_cmpuint (gloss_agreement_get_n_units (agreement), ==, 6);
  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 3);
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 0), ==, "claim");

  g_assert_cmpuint (gloss_agreement_counts_get_n_units (overall), ==, 18);
  assert_close (gloss_agreement_counts_get_observed (overall), 1.0);
  assert_close (gloss_agreement_counts_get_cohen_kappa (overall, 0, 1), 1.0);
  assert_close (gloss_agreement_counts_get_fleiss_kappa (overall), 1.0);
  assert_close (gloss_agreement_counts_get_alpha (overall), 1.0);
  assert_close (gloss_agreement_counts_get_cohen_kappa (quote, 0, 1), 1.0);
  g_assert_cmpuint (gloss_agreement_counts_get_pair_table (quote, 0, 1)[0], ==, 1);
  g_assert_cmpuint (gloss_agreement_counts_get_pair_table (quote, 0, 1)[3], ==, 5);

  assert_close (gloss_agreement_counts_get_alpha (find_document (agreement, "artikel.txt")->counts), 1.0);
}

static void
test_corpus_no_variation (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  g_autoptr(GlossAgreement) agreement = compare_study ("novariation", annotators, NULL, NULL);
  const GlossAgreementCounts *overall = gloss_agreement_get_counts (agreement, NULL);

  g_assert_cmpuint (gloss_agreement_counts_get_n_units (overall), ==, 12);
  assert_close (gloss_agreement_counts_get_observed (overall), 1.0);
  g_assert_true (isnan (gloss_agreement_counts_get_cohen_kappa (overall, 0, 1)));
  g_assert_true (isnan (gloss_agreement_counts_get_fleiss_kappa (overall)));
  g_assert_true (isnan (gloss_agreement_counts_get_alpha (overall)));
}

static void
test_corpus_study (void)
{
  const char *annotators[] = { "ada", "bea", "cem", NULL };
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = compare_study ("study", annotators, NULL, problems);
  const GlossAgreementCounts *claim = gloss_agreement_get_counts (agreement, "claim");
  const GlossAgreementCounts *source = gloss_agreement_get_counts (agreement, "source");
  const GlossAgreementCounts *overall = gloss_agreement_get_counts (agreement, NULL);
  const GlossAgreementDocument *document;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 4);
  g_assert_cmpuint (gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_COMPARED), ==, 3);

  /* Sorted by id, whatever the file system's order */
  g_assert_cmpstr (gloss_agreement_get_document (agreement, 0)->id, ==, "de/rathaus.txt");
  g_assert_cmpstr (gloss_agreement_get_document (agreement, 3)->id, ==, "en/council.txt");

  /* cem's copy has another text: reported, not compared */
  document = find_document (agreement, "en/changed.txt");
  g_assert_cmpint (document->status, ==, GLOSS_AGREEMENT_TEXTS_DIFFER);
  g_assert_null (document->counts);
  g_assert_cmpuint (gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TEXTS_DIFFER), ==, 1);

  /* cem lacks a document: missing data, ada and bea still compared */
  document = find_document (agreement, "en/council.txt");
  g_assert_cmpint (document->status, ==, GLOSS_AGREEMENT_COMPARED);
  g_assert_cmpint (document->copies[2], ==, GLOSS_AGREEMENT_COPY_MISSING);
  g_assert_cmpuint (document->n_units, ==, 4);
  g_assert_cmpuint (gloss_agreement_count_copies (agreement, 2, GLOSS_AGREEMENT_COPY_MISSING), ==, 1);
  g_assert_cmpuint (gloss_agreement_counts_get_pair_n_units (document->counts, 0, 1), ==, 12);
  g_assert_cmpuint (gloss_agreement_counts_get_pair_n_units (document->counts, 0, 2), ==, 0);

  /* bea joined two sentences: her one cannot be aligned; ada's and cem's
   * two are still compared, between them */
  document = find_document (agreement, "de/split.txt");
  g_assert_cmpuint (document->n_units, ==, 3);
  g_assert_cmpuint (document->unaligned[0], ==, 0);
  g_assert_cmpuint (document->unaligned[1], ==, 1);
  g_assert_cmpuint (document->unaligned[2], ==, 0);
  g_assert_cmpuint (gloss_agreement_get_n_unaligned (agreement, 1), ==, 1);
  g_assert_cmpuint (gloss_agreement_get_n_units (agreement), ==, 13);

  /* The figures of reference.py */
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (claim), ==, 13);
  g_assert_cmpuint (gloss_agreement_counts_get_n_complete (claim), ==, 7);
  assert_close (gloss_agreement_counts_get_fleiss_kappa (claim), 0.533333);
  assert_close (gloss_agreement_counts_get_alpha (claim), 0.492063);
  assert_close (gloss_agreement_counts_get_cohen_kappa (claim, 0, 1), 0.607143);
  assert_close (gloss_agreement_counts_get_cohen_kappa (claim, 0, 2), 0.5);
  assert_close (gloss_agreement_counts_get_cohen_kappa (claim, 1, 2), 0.3);
  assert_close (gloss_agreement_counts_get_fleiss_kappa (source), 0.2125);
  assert_close (gloss_agreement_counts_get_alpha (source), 0.36);
  assert_close (gloss_agreement_counts_get_cohen_kappa (source, 1, 2), -0.235294);
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (overall), ==, 39);
  assert_close (gloss_agreement_counts_get_fleiss_kappa (overall), 0.597187);
  assert_close (gloss_agreement_counts_get_alpha (overall), 0.605634);
  assert_close (gloss_agreement_counts_get_cohen_kappa (overall, 0, 1), 0.651163);
  assert_close (gloss_agreement_counts_get_cohen_kappa (overall, 0, 2), 0.696629);
  assert_close (gloss_agreement_counts_get_cohen_kappa (overall, 1, 2), 0.385965);
}

static void
test_corpus_labels (void)
{
  const char *annotators[] = { "ada", "bea", "cem", NULL };
  const char *labels[] = { "source", "rumour", NULL };
  g_autoptr(GlossAgreement) agreement = compare_study ("study", annotators, labels, NULL);
  const GlossAgreementCounts *rumour = gloss_agreement_get_counts (agreement, "rumour");

  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 2);
  g_assert_null (gloss_agreement_get_counts (agreement, "claim"));
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 0), ==, "source");
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (gloss_agreement_get_counts (agreement, NULL)), ==, 26);
  assert_close (gloss_agreement_counts_get_alpha (gloss_agreement_get_counts (agreement, "source")), 0.36);

  /* A label nobody used: every decision is no, so κ and α are undefined */
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (rumour), ==, 13);
  g_assert_true (isnan (gloss_agreement_counts_get_alpha (rumour)));
  assert_close (gloss_agreement_counts_get_observed (rumour), 1.0);
}

static void
test_corpus_broken (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = compare_study ("broken", annotators, NULL, problems);
  const GlossAgreementDocument *document = find_document (agreement, "b.txt");
  GlossProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_suffix (problem->file, "b.txt.gloss.json"));
  g_assert_cmpstr (problem->path, ==, "$.annotations[0]");

  g_assert_cmpint (document->copies[1], ==, GLOSS_AGREEMENT_COPY_BROKEN);
  g_assert_cmpint (document->status, ==, GLOSS_AGREEMENT_TOO_FEW);
  g_assert_cmpint (find_document (agreement, "a.txt")->status, ==, GLOSS_AGREEMENT_COMPARED);
  g_assert_cmpuint (gloss_agreement_get_n_units (agreement), ==, 3);
}

static void
on_compared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_corpus_async (void)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (roots, g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement", "broken",
                                                                    "ada", NULL)));
  g_ptr_array_add (roots, g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement", "broken",
                                                                    "bea", NULL)));
  agreement = gloss_agreement_new (roots, NULL);
  gloss_agreement_compare_async (agreement, NULL, on_compared_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gloss_agreement_compare_finish (agreement, result, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_suffix (gloss_agreement_get_annotator (agreement, 1), "bea"));
  g_assert_cmpuint (gloss_agreement_get_n_units (agreement), ==, 3);
}

/* --- Spans and relations ------------------------------------------------ */

/* Exact to the last bits but one: the figures are worked out by hand as
 * fractions, Gloss reaches them by another order of operations */
static void
assert_exactly (double value,
                double expected)
{
  g_assert_false (isnan (value));
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-12);
}

static void
assert_matches (const GlossAgreementMatches *matches,
                guint                        matched,
                guint                        only_a,
                guint                        only_b)
{
  g_assert_nonnull (matches);
  g_assert_cmpuint (matches->matched, ==, matched);
  g_assert_cmpuint (matches->only_a, ==, only_a);
  g_assert_cmpuint (matches->only_b, ==, only_b);
}

static void
assert_table (const GlossAgreementCounts *counts,
              guint                       yes_yes,
              guint                       yes_no,
              guint                       no_yes,
              guint                       no_no)
{
  const guint *table = gloss_agreement_counts_get_pair_table (counts, 0, 1);

  g_assert_cmpuint (table[0], ==, yes_yes);
  g_assert_cmpuint (table[1], ==, yes_no);
  g_assert_cmpuint (table[2], ==, no_yes);
  g_assert_cmpuint (table[3], ==, no_no);
}

/* A span label's tokens: the 2×2 table, Cohen's and Fleiss' κ and
 * Krippendorff's α (NAN: undefined) */
static void
assert_token_figures (GlossAgreement *agreement,
                      const char     *label,
                      guint           yes_yes,
                      guint           yes_no,
                      guint           no_yes,
                      guint           no_no,
                      double          cohen,
                      double          fleiss,
                      double          alpha)
{
  const GlossAgreementCounts *tokens = gloss_agreement_get_token_counts (agreement, label);
  const double expected[] = { cohen, fleiss, alpha };
  double figures[3];

  g_assert_nonnull (tokens);
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (tokens), ==, yes_yes + yes_no + no_yes + no_no);
  assert_table (tokens, yes_yes, yes_no, no_yes, no_no);
  figures[0] = gloss_agreement_counts_get_cohen_kappa (tokens, 0, 1);
  figures[1] = gloss_agreement_counts_get_fleiss_kappa (tokens);
  figures[2] = gloss_agreement_counts_get_alpha (tokens);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      if (isnan (expected[i]))
        g_assert_true (isnan (figures[i]));
      else
        assert_exactly (figures[i], expected[i]);
    }
}

static void
assert_tokens (const char        *text,
               const char * const *expected)
{
  g_autoptr(GArray) tokens = gloss_agreement_tokenize (text, -1);
  guint n = g_strv_length ((char **)expected);

  for (guint i = 0; i < MIN (n, tokens->len); i++)
    {
      GlossRange token = g_array_index (tokens, GlossRange, i);
      const char *start = g_utf8_offset_to_pointer (text, token.start);
      g_autofree char *word = g_strndup (start, g_utf8_offset_to_pointer (text, token.end) - start);

      g_assert_cmpstr (word, ==, expected[i]);
    }
  g_assert_cmpuint (tokens->len, ==, n);
}

static void
test_tokenize (void)
{
  const char *zitat[] = { "Anna", "sagte", ":", "„", "Wir", "kommen", "😊", ".", "“", "Dann", "ging", "sie", ".",
                          NULL };
  /* A combining accent stays with its letter and an emoji's variation
   * selector with it, a mark after a space starts a word; a soft hyphen
   * (Cf) and a no-break space are in no token; numbers are split at their
   * punctuation */
  const char *marks[] = { "E\xcc\x81mile", "❤\xef\xb8\x8f", "Stra", "ße", "4", ",", "5", "%", "z", ".", "B", ".",
                          "\xcc\x81x", "_", "y", NULL };
  const char *nothing[] = { NULL };
  g_autoptr(GArray) offsets = gloss_agreement_tokenize ("Anna sagte: „Wir kommen 😊.“\r\nDann ging sie.\r\n", -1);

  assert_tokens ("Anna sagte: „Wir kommen 😊.“\r\nDann ging sie.\r\n", zitat);
  assert_tokens ("E\xcc\x81mile ❤\xef\xb8\x8f Stra\xc2\xad""ße\xc2\xa0""4,5% z.B. \xcc\x81x _y", marks);
  assert_tokens (" \r\n\t\xef\xbb\xbf", nothing);
  assert_tokens ("", nothing);

  /* Code points, not bytes: 😊 is one */
  g_assert_cmpuint (g_array_index (offsets, GlossRange, 6).start, ==, 24);
  g_assert_cmpuint (g_array_index (offsets, GlossRange, 6).end, ==, 25);
  g_assert_cmpuint (g_array_index (offsets, GlossRange, 9).start, ==, 29);
  g_assert_cmpuint (g_array_index (offsets, GlossRange, 12).end, ==, 43);
}

static void
test_matches (void)
{
  const GlossAgreementMatches none = { 0, 0, 0 };
  const GlossAgreementMatches only_a = { 0, 2, 0 };
  const GlossAgreementMatches some = { 1, 2, 3 };

  g_assert_true (isnan (gloss_agreement_matches_get_precision (&none)));
  g_assert_true (isnan (gloss_agreement_matches_get_recall (&none)));
  g_assert_true (isnan (gloss_agreement_matches_get_f1 (&none)));
  g_assert_true (isnan (gloss_agreement_matches_get_precision (&only_a)));
  g_assert_cmpfloat (gloss_agreement_matches_get_recall (&only_a), ==, 0.0);
  g_assert_cmpfloat (gloss_agreement_matches_get_f1 (&only_a), ==, 0.0);
  g_assert_cmpfloat (gloss_agreement_matches_get_precision (&some), ==, 1.0 / 4);
  g_assert_cmpfloat (gloss_agreement_matches_get_recall (&some), ==, 1.0 / 3);
  g_assert_cmpfloat (gloss_agreement_matches_get_f1 (&some), ==, 2.0 / 7);
}

/* tests/data/agreement/spans: two annotators, three documents (see
 * make-fixtures.py); 13 + 16 + 12 = 41 tokens. Worked out by hand:
 *
 * de/zitat.txt   speaker Anna both; cue "sagte" / "sagte:" (IoU 5/6);
 *                quote "Wir kommen 😊." / "„Wir kommen 😊.“" (13/15)
 * en/quote.txt   ada's quote in two parts; bea has the same and a long
 *                one over both (IoU with ada's 12/26 < 1/2); speaker
 *                alike; cue "said" / "said," (4/5); an addressee of ada's
 *                only; bea's cue relation starts at the long quote
 * de/projekt.txt the quote runs over two sentences, bea's with the full
 *                stop (35/36); bea has no cue relation
 */
static void
test_spans (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = compare_study ("spans", annotators, NULL, problems);
  const char *span_labels[] = { "quote", "speaker", "cue", "frame", "addressee" };
  const char *relation_labels[] = { "speaker", "cue", "frame", "addressee" };
  const GlossAgreementCounts *tokens;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (gloss_agreement_has_spans (agreement));
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 41);

  /* Beside spans, the sentence labels are the sentence labels only */
  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 1);
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 0), ==, "claim");
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (gloss_agreement_get_counts (agreement, NULL)), ==, 6);
  assert_table (gloss_agreement_get_counts (agreement, "claim"), 1, 0, 0, 5);

  g_assert_cmpuint (gloss_agreement_get_n_span_labels (agreement), ==, G_N_ELEMENTS (span_labels));
  for (guint i = 0; i < G_N_ELEMENTS (span_labels); i++)
    g_assert_cmpstr (gloss_agreement_get_span_label (agreement, i), ==, span_labels[i]);
  g_assert_cmpuint (gloss_agreement_get_n_relation_labels (agreement), ==, G_N_ELEMENTS (relation_labels));
  for (guint i = 0; i < G_N_ELEMENTS (relation_labels); i++)
    g_assert_cmpstr (gloss_agreement_get_relation_label (agreement, i), ==, relation_labels[i]);

  g_assert_cmpuint (gloss_agreement_get_n_spans (agreement, "quote", 0), ==, 3);
  g_assert_cmpuint (gloss_agreement_get_n_spans (agreement, "quote", 1), ==, 4);
  g_assert_cmpuint (gloss_agreement_get_n_spans (agreement, "addressee", 1), ==, 0);
  g_assert_cmpuint (gloss_agreement_get_n_spans (agreement, NULL, 0), ==, 10);
  g_assert_cmpuint (gloss_agreement_get_n_spans (agreement, NULL, 1), ==, 10);

  /* quote: exact 1 (the two parts), overlap 3; P 1/4, R 1/3, F1 2/7 */
  assert_matches (gloss_agreement_get_span_matches (agreement, "quote", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 1, 2, 3);
  assert_matches (gloss_agreement_get_span_matches (agreement, "quote", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 3, 0, 1);
  g_assert_cmpfloat (gloss_agreement_matches_get_precision (
                       gloss_agreement_get_span_matches (agreement, "quote", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1)),
                     ==, 1.0 / 4);
  g_assert_cmpfloat (gloss_agreement_matches_get_f1 (
                       gloss_agreement_get_span_matches (agreement, "quote", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1)),
                     ==, 6.0 / 7);
  assert_matches (gloss_agreement_get_span_matches (agreement, "speaker", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 3, 0, 0);
  assert_matches (gloss_agreement_get_span_matches (agreement, "cue", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 1, 2, 2);
  assert_matches (gloss_agreement_get_span_matches (agreement, "cue", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 3, 0, 0);
  assert_matches (gloss_agreement_get_span_matches (agreement, "frame", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 0, 0, 0);
  assert_matches (gloss_agreement_get_span_matches (agreement, "addressee", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1),
                  0, 1, 0);
  /* No span of bea's: precision undefined, recall and F1 0 */
  g_assert_true (isnan (gloss_agreement_matches_get_precision (
                          gloss_agreement_get_span_matches (agreement, "addressee", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1))));
  g_assert_cmpfloat (gloss_agreement_matches_get_f1 (
                       gloss_agreement_get_span_matches (agreement, "addressee", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1)),
                     ==, 0.0);
  /* Micro: every label's matches added up */
  assert_matches (gloss_agreement_get_span_matches (agreement, NULL, GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 5, 5, 5);
  assert_matches (gloss_agreement_get_span_matches (agreement, NULL, GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 9, 1, 1);
  g_assert_cmpfloat (gloss_agreement_matches_get_f1 (
                       gloss_agreement_get_span_matches (agreement, NULL, GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1)),
                     ==, 0.9);

  /* Tokens: quote 17 in both, 9 in bea's only ("„", "“", the long
   * quote's "”", "she", "said", ",", "“", "”", the last "."), 15 in neither */
  assert_token_figures (agreement, "quote", 17, 0, 9, 15, 170.0 / 293, 313.0 / 559, 316.0 / 559);
  /* The same spans: κ = 1 */
  assert_token_figures (agreement, "speaker", 3, 0, 0, 38, 1.0, 1.0, 1.0);
  /* "sagte:" and "said,": bea's cue takes two tokens more */
  assert_token_figures (agreement, "cue", 3, 0, 2, 36, 108.0 / 149, 107.0 / 148, 215.0 / 296);
  /* Nobody's: every token outside, κ undefined */
  assert_token_figures (agreement, "frame", 0, 0, 0, 41, NAN, NAN, NAN);
  /* ada's alone: p_o = p_e = 40/41 */
  assert_token_figures (agreement, "addressee", 0, 1, 0, 40, 0.0, -1.0 / 81, 0.0);

  tokens = gloss_agreement_get_token_counts (agreement, NULL);
  g_assert_cmpuint (gloss_agreement_counts_get_n_units (tokens), ==, 5 * 41);
  assert_table (tokens, 23, 1, 11, 170);
  assert_exactly (gloss_agreement_counts_get_cohen_kappa (tokens, 0, 1), 3899.0 / 5129);

  /* Relations: bea's cue relation of en/quote.txt starts at the quote
   * that matches none of ada's, she has none in de/projekt.txt */
  assert_matches (gloss_agreement_get_relation_matches (agreement, "speaker", 0, 1), 3, 0, 0);
  assert_matches (gloss_agreement_get_relation_matches (agreement, "cue", 0, 1), 1, 2, 1);
  assert_matches (gloss_agreement_get_relation_matches (agreement, "frame", 0, 1), 0, 0, 0);
  assert_matches (gloss_agreement_get_relation_matches (agreement, "addressee", 0, 1), 0, 1, 0);
  assert_matches (gloss_agreement_get_relation_matches (agreement, NULL, 0, 1), 4, 3, 1);
  g_assert_cmpfloat (gloss_agreement_matches_get_f1 (gloss_agreement_get_relation_matches (agreement, "cue", 0, 1)),
                     ==, 0.4);
  g_assert_cmpuint (gloss_agreement_get_n_relations (agreement, "cue", 0), ==, 3);
  g_assert_cmpuint (gloss_agreement_get_n_relations (agreement, "cue", 1), ==, 2);
  g_assert_cmpuint (gloss_agreement_get_n_relations (agreement, NULL, 0), ==, 7);
  g_assert_null (gloss_agreement_get_relation_matches (agreement, "quote", 0, 1));
}

/* Greedy by intersection over union, ties to the first annotator's span
 * that starts first, then to the second's: here both give two matches
 * where the other order would give one */
static void
test_spans_ties (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  g_autoptr(GlossAgreement) agreement = compare_study ("ties", annotators, NULL, NULL);

  assert_matches (gloss_agreement_get_span_matches (agreement, "quote", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 2, 0, 0);
  assert_matches (gloss_agreement_get_span_matches (agreement, "cue", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 2, 0, 0);
  assert_matches (gloss_agreement_get_span_matches (agreement, "quote", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 0, 2, 2);
  /* One to one: ada's second frame is left over */
  assert_matches (gloss_agreement_get_span_matches (agreement, "frame", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 1, 1, 0);
  assert_matches (gloss_agreement_get_span_matches (agreement, "frame", GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 1, 1, 0);
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 7);
}

/* -l: the span and relation labels asked for, in that order */
static void
test_spans_labels (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  const char *labels[] = { "speaker", "claim", "quote", "rumour", NULL };
  g_autoptr(GlossAgreement) agreement = compare_study ("spans", annotators, labels, NULL);

  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 2);
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 0), ==, "claim");
  g_assert_cmpstr (gloss_agreement_get_label (agreement, 1), ==, "rumour");
  g_assert_cmpuint (gloss_agreement_get_n_span_labels (agreement), ==, 2);
  g_assert_cmpstr (gloss_agreement_get_span_label (agreement, 0), ==, "speaker");
  g_assert_cmpstr (gloss_agreement_get_span_label (agreement, 1), ==, "quote");
  g_assert_null (gloss_agreement_get_span_matches (agreement, "cue", GLOSS_AGREEMENT_MATCH_EXACT, 0, 1));
  g_assert_null (gloss_agreement_get_token_counts (agreement, "cue"));
  g_assert_cmpuint (gloss_agreement_get_n_relation_labels (agreement), ==, 1);
  g_assert_cmpstr (gloss_agreement_get_relation_label (agreement, 0), ==, "speaker");

  assert_matches (gloss_agreement_get_span_matches (agreement, NULL, GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 4, 2, 3);
  assert_table (gloss_agreement_get_token_counts (agreement, NULL), 20, 0, 9, 53);
  /* Matches of the labels left out still join relations */
  assert_matches (gloss_agreement_get_relation_matches (agreement, NULL, 0, 1), 3, 0, 0);
  g_assert_cmpuint (gloss_agreement_get_n_spans (agreement, NULL, 1), ==, 7);
}

/* Without spans nothing of them is reported, and span labels stay among
 * the sentence labels as before */
static void
test_no_spans (void)
{
  const char *annotators[] = { "ada", "bea", NULL };
  g_autoptr(GlossAgreement) agreement = compare_study ("nospans", annotators, NULL, NULL);

  g_assert_false (gloss_agreement_has_spans (agreement));
  g_assert_cmpuint (gloss_agreement_get_n_labels (agreement), ==, 6);
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 13);
  /* The set's span labels, counted but with no span */
  g_assert_cmpuint (gloss_agreement_get_n_span_labels (agreement), ==, 5);
  assert_table (gloss_agreement_get_token_counts (agreement, "quote"), 0, 0, 0, 13);
  assert_matches (gloss_agreement_get_span_matches (agreement, NULL, GLOSS_AGREEMENT_MATCH_EXACT, 0, 1), 0, 0, 0);
}

/* Cancelled: nothing is reported, and the comparison can run again */
static void
test_corpus_cancelled (void)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (roots, g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement", "spans",
                                                                      i ? "bea" : "ada", NULL)));
  agreement = gloss_agreement_new (roots, NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (gloss_agreement_compare (agreement, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (gloss_agreement_get_n_documents (agreement), ==, 0);
  g_assert_false (gloss_agreement_has_spans (agreement));

  g_assert_true (gloss_agreement_compare (agreement, NULL, NULL, NULL));
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 41);
  g_assert_true (gloss_agreement_compare (agreement, NULL, NULL, NULL));
  g_assert_cmpuint (gloss_agreement_get_n_tokens (agreement), ==, 41);
  assert_matches (gloss_agreement_get_span_matches (agreement, NULL, GLOSS_AGREEMENT_MATCH_OVERLAP, 0, 1), 9, 1, 1);
}

/* The data card of an export reports the agreement of the copies given */
static char *
export_card (const char     *study,
             const char     *annotator,
             GlossAgreement *agreement)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_SENTENCES_JSONL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GFile) root = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "agreement", study,
                                                                    annotator, NULL));
  g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", NULL, NULL);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (roots, root);

  gloss_exporter_set_agreement (exporter, agreement);
  gloss_export_corpus (exporter, files, roots, stream, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return gloss_exporter_dup_card (exporter);
}

static void
test_card (void)
{
  const char *two[] = { "ada", "bea", NULL };
  const char *three[] = { "ada", "bea", "cem", NULL };
  g_autoptr(GlossAgreement) perfect = compare_study ("perfect", two, NULL, NULL);
  g_autoptr(GlossAgreement) study = compare_study ("study", three, NULL, NULL);
  g_autofree char *without = export_card ("perfect", "ada", NULL);
  g_autofree char *card = export_card ("perfect", "ada", perfect);
  g_autofree char *card3 = export_card ("study", "ada", study);

  g_assert_null (strstr (without, "## Agreement"));
  g_assert_nonnull (strstr (card, "## Agreement\n\nBetween 2 annotators, each of whom labelled their own copy "
                                  "of the texts: ada, bea."));
  g_assert_nonnull (strstr (card, "Documents compared: 1; left out: 0 whose texts differ"));
  g_assert_nonnull (strstr (card, "| `quote` | 6 | 1.000 | 1.000 | 1.000 | 1.000 |\n"
                                  "| all labels | 18 | 1.000 | 1.000 | 1.000 | 1.000 |\n"));

  /* Three annotators: κ for each pair, named */
  g_assert_nonnull (strstr (card3, "Sentences compared: 13; sentences that another copy splits differently, "
                                   "not compared: 1."));
  g_assert_nonnull (strstr (card3, "| `claim` | 13 | 0.778 | ada–bea 0.607; ada–cem 0.500; bea–cem 0.300 | "
                                   "0.533 | 0.492 |\n"));
  g_assert_nonnull (strstr (card3, "| `source` | 13 | 0.741 | ada–bea 0.377; ada–cem 0.609; bea–cem -0.235 | "
                                   "0.213 | 0.360 |\n"));
  g_assert_null (strstr (card3, "### Spans"));
}

/* Span figures in the card only when a document has spans */
static void
test_card_spans (void)
{
  const char *two[] = { "ada", "bea", NULL };
  g_autoptr(GlossAgreement) spans = compare_study ("spans", two, NULL, NULL);
  g_autoptr(GlossAgreement) nospans = compare_study ("nospans", two, NULL, NULL);
  g_autofree char *card = export_card ("spans", "ada", spans);
  g_autofree char *without = export_card ("nospans", "ada", nospans);

  g_assert_nonnull (strstr (card, "| `claim` | 6 | 1.000 | 1.000 | 1.000 | 1.000 |\n"
                                  "| all labels | 6 | 1.000 | 1.000 | 1.000 | 1.000 |\n"));
  g_assert_nonnull (strstr (card, "\n### Spans and relations\n\nSpans in the compared documents, per annotator: "
                                  "10 / 10; tokens: 41."));
  g_assert_nonnull (strstr (card, "| `quote` | 3 / 4 | 0.286 | 0.857 | 0.580 | 0.560 |\n"));
  g_assert_nonnull (strstr (card, "| `frame` | 0 / 0 | n/a | n/a | n/a | n/a |\n"
                                  "| `addressee` | 1 / 0 | 0.000 | 0.000 | 0.000 | -0.012 |\n"
                                  "| all span labels | 10 / 10 | 0.500 | 0.900 | 0.760 | 0.759 |\n"));
  g_assert_nonnull (strstr (card, "| `cue` | 3 / 2 | 0.400 |\n"));
  g_assert_nonnull (strstr (card, "| all relation labels | 7 / 5 | 0.667 |\n"));
  g_assert_null (strstr (without, "### Spans"));
  g_assert_nonnull (strstr (without, "| `quote` | 2 | 1.000 | n/a | n/a | n/a |\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/agreement/cohen-textbook", test_cohen_textbook);
  g_test_add_func ("/gloss/agreement/cohen-diagnoses", test_cohen_diagnoses);
  g_test_add_func ("/gloss/agreement/fleiss-1971", test_fleiss_1971);
  g_test_add_func ("/gloss/agreement/fleiss-wikipedia", test_fleiss_wikipedia);
  g_test_add_func ("/gloss/agreement/krippendorff-missing", test_krippendorff_missing);
  g_test_add_func ("/gloss/agreement/undefined", test_undefined);
  g_test_add_func ("/gloss/agreement/counts", test_counts);
  g_test_add_func ("/gloss/agreement/corpus-perfect", test_corpus_perfect);
  g_test_add_func ("/gloss/agreement/corpus-no-variation", test_corpus_no_variation);
  g_test_add_func ("/gloss/agreement/corpus-study", test_corpus_study);
  g_test_add_func ("/gloss/agreement/corpus-labels", test_corpus_labels);
  g_test_add_func ("/gloss/agreement/corpus-broken", test_corpus_broken);
  g_test_add_func ("/gloss/agreement/corpus-async", test_corpus_async);
  g_test_add_func ("/gloss/agreement/card", test_card);
  g_test_add_func ("/gloss/agreement/card-spans", test_card_spans);
  g_test_add_func ("/gloss/agreement/tokenize", test_tokenize);
  g_test_add_func ("/gloss/agreement/matches", test_matches);
  g_test_add_func ("/gloss/agreement/spans", test_spans);
  g_test_add_func ("/gloss/agreement/spans-ties", test_spans_ties);
  g_test_add_func ("/gloss/agreement/spans-labels", test_spans_labels);
  g_test_add_func ("/gloss/agreement/no-spans", test_no_spans);
  g_test_add_func ("/gloss/agreement/corpus-cancelled", test_corpus_cancelled);

  return g_test_run ();
}
