/* gloss-agreement.c
 *
 * Agreement between annotators who labelled the same texts, each in their
 * own copy of a corpus. Every (sentence, label) is one yes/no decision.
 *
 * The coefficients work on plain count tables, so that the worked examples
 * of the literature test them as published; the corpus side only turns
 * documents into such counts:
 *
 * - observed agreement: the share of agreeing pairs among all pairs of
 *   decisions on the same unit (for two annotators, the share of units
 *   they agree on; for complete data, Fleiss' P̄);
 * - Cohen's κ (1960) for one pair: (p_o − p_e) / (1 − p_e), p_e from the
 *   two annotators' own marginals;
 * - Fleiss' κ (1971) for units that every annotator decided:
 *   (P̄ − P̄_e) / (1 − P̄_e), P̄_e = Σ_j p_j²;
 * - Krippendorff's α, nominal, from the coincidence matrix, which takes
 *   missing decisions: α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-agreement-private.h"
#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

/* --- The coefficients ---------------------------------------------------- */

/**
 * gloss_agreement_table_observed:
 * @table: an @n_categories × @n_categories table of counts, rows the first
 *   annotator's category, columns the second's
 *
 * Returns: the share of items on the diagonal, or NAN for an empty table
 */
double
gloss_agreement_table_observed (const guint *table,
                                guint        n_categories)
{
  guint64 total = 0;
  guint64 agreed = 0;

  g_return_val_if_fail (table != NULL || n_categories == 0, NAN);

  for (guint i = 0; i < n_categories; i++)
    for (guint j = 0; j < n_categories; j++)
      {
        total += table[i * n_categories + j];
        if (i == j)
          agreed += table[i * n_categories + j];
      }

  if (total == 0)
    return NAN;

  return (double)agreed / (double)total;
}

/**
 * gloss_agreement_cohen_kappa:
 * @table: an @n_categories × @n_categories table of counts, rows the first
 *   annotator's category, columns the second's
 *
 * Returns: Cohen's κ, or NAN when it is undefined: an empty table, or both
 *   annotators always choosing the same one category (chance agreement 1)
 */
double
gloss_agreement_cohen_kappa (const guint *table,
                             guint        n_categories)
{
  g_autofree guint64 *rows = NULL;
  g_autofree guint64 *columns = NULL;
  guint64 total = 0;
  guint64 agreed = 0;
  double expected = 0.0;
  double observed;

  g_return_val_if_fail (table != NULL || n_categories == 0, NAN);

  rows = g_new0 (guint64, MAX (n_categories, 1));
  columns = g_new0 (guint64, MAX (n_categories, 1));
  for (guint i = 0; i < n_categories; i++)
    for (guint j = 0; j < n_categories; j++)
      {
        guint n = table[i * n_categories + j];

        rows[i] += n;
        columns[j] += n;
        total += n;
        if (i == j)
          agreed += n;
      }

  if (total == 0)
    return NAN;

  /* Decided on the counts, not on a rounded p_e */
  for (guint i = 0; i < n_categories; i++)
    if (rows[i] == total && columns[i] == total)
      return NAN;

  for (guint i = 0; i < n_categories; i++)
    expected += ((double)rows[i] / (double)total) * ((double)columns[i] / (double)total);
  observed = (double)agreed / (double)total;

  return (observed - expected) / (1.0 - expected);
}

static guint
row_total (const guint *row,
           guint        n_values)
{
  guint m = 0;

  for (guint c = 0; c < n_values; c++)
    m += row[c];

  return m;
}

/**
 * gloss_agreement_observed:
 * @counts: an @n_units × @n_values table: how many annotators gave each
 *   value to each unit
 * @weights: (nullable): how many times each row occurs; %NULL for once
 *
 * Units with fewer than two decisions are left out, having no pair.
 *
 * Returns: the share of agreeing pairs among all pairs of decisions on the
 *   same unit, or NAN when there is no pair
 */
double
gloss_agreement_observed (const guint *counts,
                          const guint *weights,
                          guint        n_units,
                          guint        n_values)
{
  double pairs = 0.0;
  double agreeing = 0.0;

  g_return_val_if_fail (counts != NULL || n_units == 0, NAN);

  for (guint u = 0; u < n_units; u++)
    {
      const guint *row = counts + (gsize)u * n_values;
      double w = weights ? weights[u] : 1.0;
      double m = row_total (row, n_values);

      if (m < 2)
        continue;

      pairs += w * m * (m - 1);
      for (guint c = 0; c < n_values; c++)
        agreeing += w * (double)row[c] * ((double)row[c] - 1);
    }

  if (pairs == 0.0)
    return NAN;

  return agreeing / pairs;
}

/**
 * gloss_agreement_fleiss_kappa:
 * @counts: an @n_units × @n_values table: how many annotators gave each
 *   value to each unit; every row must have the same total (the number of
 *   annotators, two or more)
 * @weights: (nullable): how many times each row occurs; %NULL for once
 *
 * Returns: Fleiss' κ, or NAN when it is undefined: no units, rows with
 *   different totals, fewer than two annotators, or one value only
 */
double
gloss_agreement_fleiss_kappa (const guint *counts,
                              const guint *weights,
                              guint        n_units,
                              guint        n_values)
{
  g_autofree double *totals = NULL;
  double n_subjects = 0.0;
  double agreement = 0.0;
  double expected = 0.0;
  double mean;
  guint m = 0;
  guint used = 0;

  g_return_val_if_fail (counts != NULL || n_units == 0, NAN);

  totals = g_new0 (double, MAX (n_values, 1));
  for (guint u = 0; u < n_units; u++)
    {
      const guint *row = counts + (gsize)u * n_values;
      double w = weights ? weights[u] : 1.0;
      guint total = row_total (row, n_values);
      double sum_squares = 0.0;

      if (w == 0.0)
        continue;
      if (m == 0)
        m = total;
      if (total != m)
        return NAN;

      for (guint c = 0; c < n_values; c++)
        {
          sum_squares += (double)row[c] * row[c];
          totals[c] += w * row[c];
        }
      agreement += w * (sum_squares - m);
      n_subjects += w;
    }

  if (n_subjects == 0.0 || m < 2)
    return NAN;

  for (guint c = 0; c < n_values; c++)
    {
      double p = totals[c] / (n_subjects * m);

      used += totals[c] > 0.0;
      expected += p * p;
    }
  if (used < 2)
    return NAN;

  mean = agreement / (n_subjects * m * (m - 1));

  return (mean - expected) / (1.0 - expected);
}

/**
 * gloss_agreement_krippendorff_alpha:
 * @counts: an @n_units × @n_values table: how many annotators gave each
 *   value to each unit; annotators who gave none are simply not counted
 * @weights: (nullable): how many times each row occurs; %NULL for once
 *
 * Krippendorff's α for nominal data. Units with fewer than two values
 * cannot be paired and are left out, as Krippendorff prescribes.
 *
 * Returns: α, or NAN when it is undefined: fewer than two pairable values,
 *   or only one value used (no expected disagreement)
 */
double
gloss_agreement_krippendorff_alpha (const guint *counts,
                                    const guint *weights,
                                    guint        n_units,
                                    guint        n_values)
{
  g_autofree double *marginals = NULL;
  double coincident = 0.0;   /* Σ_c o_cc */
  double n = 0.0;
  double sum_squares = 0.0;
  guint used = 0;

  g_return_val_if_fail (counts != NULL || n_units == 0, NAN);

  marginals = g_new0 (double, MAX (n_values, 1));
  for (guint u = 0; u < n_units; u++)
    {
      const guint *row = counts + (gsize)u * n_values;
      double w = weights ? weights[u] : 1.0;
      double m = row_total (row, n_values);

      if (m < 2)
        continue;

      for (guint c = 0; c < n_values; c++)
        {
          coincident += w * (double)row[c] * ((double)row[c] - 1) / (m - 1);
          marginals[c] += w * row[c];
        }
      n += w * m;
    }

  for (guint c = 0; c < n_values; c++)
    {
      used += marginals[c] > 0.0;
      sum_squares += marginals[c] * marginals[c];
    }

  if (n < 2 || used < 2)
    return NAN;

  return 1.0 - (n - 1) * (n - coincident) / (n * n - sum_squares);
}

/* --- Counts of yes/no decisions ------------------------------------------ */

struct _GlossAgreementCounts
{
  guint  n_annotators;
  guint  n_units;
  guint  n_complete;
  guint *pairs;      /* 4 per ordered pair a < b, at pair_index () */
  guint *profiles;   /* units by (yes, no): [yes * (n_annotators + 1) + no] */
};

static gsize
pair_index (const GlossAgreementCounts *self,
            guint                       a,
            guint                       b)
{
  return 4 * ((gsize)a * self->n_annotators + b);
}

/**
 * gloss_agreement_counts_new:
 * @n_annotators: two or more
 *
 * Returns: (transfer full): empty counts
 */
GlossAgreementCounts *
gloss_agreement_counts_new (guint n_annotators)
{
  GlossAgreementCounts *self;

  g_return_val_if_fail (n_annotators >= 2 && n_annotators <= GLOSS_AGREEMENT_MAX_ANNOTATORS, NULL);

  self = g_new0 (GlossAgreementCounts, 1);
  self->n_annotators = n_annotators;
  self->pairs = g_new0 (guint, 4 * n_annotators * n_annotators);
  self->profiles = g_new0 (guint, (n_annotators + 1) * (n_annotators + 1));

  return self;
}

void
gloss_agreement_counts_free (GlossAgreementCounts *self)
{
  if (self == NULL)
    return;

  g_free (self->pairs);
  g_free (self->profiles);
  g_free (self);
}

/**
 * gloss_agreement_counts_add:
 * @decisions: per annotator 1 (yes), 0 (no) or %GLOSS_AGREEMENT_MISSING
 *
 * Counts one unit. A unit with fewer than two decisions has nothing to
 * agree with and is not counted.
 */
void
gloss_agreement_counts_add (GlossAgreementCounts *self,
                            const guint8         *decisions)
{
  gloss_agreement_counts_add_n (self, decisions, 1);
}

/**
 * gloss_agreement_counts_add_n:
 * @decisions: per annotator 1 (yes), 0 (no) or %GLOSS_AGREEMENT_MISSING
 * @n: how many units decided so
 *
 * Counts @n units with the same decisions at once, as
 * gloss_agreement_counts_add() @n times would.
 */
void
gloss_agreement_counts_add_n (GlossAgreementCounts *self,
                              const guint8         *decisions,
                              guint                 n)
{
  guint yes = 0;
  guint no = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (decisions != NULL);

  for (guint a = 0; a < self->n_annotators; a++)
    {
      if (decisions[a] == GLOSS_AGREEMENT_MISSING)
        continue;
      if (decisions[a])
        yes++;
      else
        no++;
    }

  if (yes + no < 2 || n == 0)
    return;

  self->n_units += n;
  if (yes + no == self->n_annotators)
    self->n_complete += n;
  self->profiles[yes * (self->n_annotators + 1) + no] += n;

  for (guint a = 0; a < self->n_annotators; a++)
    for (guint b = a + 1; b < self->n_annotators; b++)
      {
        if (decisions[a] == GLOSS_AGREEMENT_MISSING || decisions[b] == GLOSS_AGREEMENT_MISSING)
          continue;

        /* Yes comes first, as in the textbooks' tables */
        self->pairs[pair_index (self, a, b) + 2 * !decisions[a] + !decisions[b]] += n;
      }
}

/**
 * gloss_agreement_counts_merge:
 *
 * Adds @other's counts (of the same annotators) to @self.
 */
void
gloss_agreement_counts_merge (GlossAgreementCounts       *self,
                              const GlossAgreementCounts *other)
{
  guint n;

  g_return_if_fail (self != NULL && other != NULL);
  g_return_if_fail (self->n_annotators == other->n_annotators);

  n = self->n_annotators;
  self->n_units += other->n_units;
  self->n_complete += other->n_complete;
  for (guint i = 0; i < 4 * n * n; i++)
    self->pairs[i] += other->pairs[i];
  for (guint i = 0; i < (n + 1) * (n + 1); i++)
    self->profiles[i] += other->profiles[i];
}

guint
gloss_agreement_counts_get_n_annotators (const GlossAgreementCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_annotators;
}

/**
 * gloss_agreement_counts_get_n_units:
 *
 * Returns: the units that at least two annotators decided
 */
guint
gloss_agreement_counts_get_n_units (const GlossAgreementCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_units;
}

/**
 * gloss_agreement_counts_get_n_complete:
 *
 * Returns: the units that every annotator decided, which Fleiss' κ uses
 */
guint
gloss_agreement_counts_get_n_complete (const GlossAgreementCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_complete;
}

/* The profiles as a units × (yes, no) table with weights, for the
 * coefficients; only complete ones if @complete */
static guint
profiles_to_table (const GlossAgreementCounts *self,
                   gboolean                    complete,
                   guint                     **counts,
                   guint                     **weights)
{
  guint n = self->n_annotators;
  guint rows = 0;

  *counts = g_new0 (guint, 2 * (n + 1) * (n + 1));
  *weights = g_new0 (guint, (n + 1) * (n + 1));

  for (guint yes = 0; yes <= n; yes++)
    for (guint no = 0; no + yes <= n; no++)
      {
        guint w = self->profiles[yes * (n + 1) + no];

        if (w == 0 || (complete && yes + no != n))
          continue;

        (*counts)[2 * rows] = yes;
        (*counts)[2 * rows + 1] = no;
        (*weights)[rows] = w;
        rows++;
      }

  return rows;
}

double
gloss_agreement_counts_get_observed (const GlossAgreementCounts *self)
{
  g_autofree guint *counts = NULL;
  g_autofree guint *weights = NULL;
  guint rows;

  g_return_val_if_fail (self != NULL, NAN);

  rows = profiles_to_table (self, FALSE, &counts, &weights);

  return gloss_agreement_observed (counts, weights, rows, 2);
}

/**
 * gloss_agreement_counts_get_fleiss_kappa:
 *
 * Returns: Fleiss' κ over the complete units, or NAN
 */
double
gloss_agreement_counts_get_fleiss_kappa (const GlossAgreementCounts *self)
{
  g_autofree guint *counts = NULL;
  g_autofree guint *weights = NULL;
  guint rows;

  g_return_val_if_fail (self != NULL, NAN);

  rows = profiles_to_table (self, TRUE, &counts, &weights);

  return gloss_agreement_fleiss_kappa (counts, weights, rows, 2);
}

double
gloss_agreement_counts_get_alpha (const GlossAgreementCounts *self)
{
  g_autofree guint *counts = NULL;
  g_autofree guint *weights = NULL;
  guint rows;

  g_return_val_if_fail (self != NULL, NAN);

  rows = profiles_to_table (self, FALSE, &counts, &weights);

  return gloss_agreement_krippendorff_alpha (counts, weights, rows, 2);
}

/**
 * gloss_agreement_counts_get_pair_table:
 * @a: an annotator
 * @b: a later annotator (@a < @b)
 *
 * Returns: (array fixed-size=4): the 2×2 table of the units both decided:
 *   [0] both yes, [1] @a yes and @b no, [2] @a no and @b yes, [3] both no
 */
const guint *
gloss_agreement_counts_get_pair_table (const GlossAgreementCounts *self,
                                       guint                       a,
                                       guint                       b)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (a < b && b < self->n_annotators, NULL);

  return self->pairs + pair_index (self, a, b);
}

guint
gloss_agreement_counts_get_pair_n_units (const GlossAgreementCounts *self,
                                         guint                       a,
                                         guint                       b)
{
  const guint *table = gloss_agreement_counts_get_pair_table (self, a, b);

  g_return_val_if_fail (table != NULL, 0);

  return table[0] + table[1] + table[2] + table[3];
}

double
gloss_agreement_counts_get_pair_observed (const GlossAgreementCounts *self,
                                          guint                       a,
                                          guint                       b)
{
  const guint *table = gloss_agreement_counts_get_pair_table (self, a, b);

  g_return_val_if_fail (table != NULL, NAN);

  return gloss_agreement_table_observed (table, 2);
}

double
gloss_agreement_counts_get_cohen_kappa (const GlossAgreementCounts *self,
                                        guint                       a,
                                        guint                       b)
{
  const guint *table = gloss_agreement_counts_get_pair_table (self, a, b);

  g_return_val_if_fail (table != NULL, NAN);

  return gloss_agreement_cohen_kappa (table, 2);
}

/* --- Comparing annotators' copies of a corpus ---------------------------- */

/* The decisions of one compared document, kept until the labels to report
 * are known (a label may first appear in the last document) */
typedef struct
{
  guint   n_units;
  guint8 *present;    /* per unit and annotator: the copy has the sentence */
  guint  *offsets;    /* per unit and annotator: where its labels start in labels */
  GArray *labels;     /* guint: indices into self->seen_labels */
} Decisions;

G_DEFINE_FINAL_TYPE (GlossAgreement, gloss_agreement, G_TYPE_OBJECT)

static void
document_free (GlossAgreementDocument *document)
{
  g_free (document->id);
  g_free (document->copies);
  g_free (document->unaligned);
  g_clear_pointer (&document->counts, gloss_agreement_counts_free);
  g_free (document);
}

static void
decisions_free (Decisions *decisions)
{
  if (decisions == NULL)
    return;

  g_free (decisions->present);
  g_free (decisions->offsets);
  g_array_unref (decisions->labels);
  g_free (decisions);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Decisions, decisions_free)

static void
reset (GlossAgreement *self)
{
  g_ptr_array_set_size (self->seen_labels, 0);
  g_hash_table_remove_all (self->seen_index);
  g_hash_table_remove_all (self->sentence_scope);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->label_counts, 0);
  g_ptr_array_set_size (self->documents, 0);
  g_clear_pointer (&self->overall, gloss_agreement_counts_free);
  self->overall = gloss_agreement_counts_new (self->n_copies);
  self->n_units = 0;
  memset (self->unaligned, 0, sizeof (guint) * self->n_copies);
  _gloss_agreement_reset_spans (self);
}

static void
gloss_agreement_finalize (GObject *object)
{
  GlossAgreement *self = GLOSS_AGREEMENT (object);

  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_object (&self->git);
  g_clear_pointer (&self->revisions, g_strfreev);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->trees, g_ptr_array_unref);
  g_clear_pointer (&self->requested, g_strfreev);
  g_clear_pointer (&self->seen_labels, g_ptr_array_unref);
  g_clear_pointer (&self->seen_index, g_hash_table_unref);
  g_clear_pointer (&self->sentence_scope, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->label_counts, g_ptr_array_unref);
  g_clear_pointer (&self->overall, gloss_agreement_counts_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->unaligned, g_free);
  _gloss_agreement_finalize_spans (self);

  G_OBJECT_CLASS (gloss_agreement_parent_class)->finalize (object);
}

static void
gloss_agreement_class_init (GlossAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_agreement_finalize;
}

static void
gloss_agreement_init (GlossAgreement *self)
{
  self->seen_labels = g_ptr_array_new_with_free_func (g_free);
  self->seen_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->sentence_scope = g_hash_table_new (g_str_hash, g_str_equal);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->label_counts = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_agreement_counts_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify)document_free);
}

/**
 * gloss_agreement_new:
 * @roots: (element-type GFile): each annotator's copy of the corpus: a
 *   folder; two or more
 * @names: (nullable) (array zero-terminated=1): the annotators' names, in
 *   the order of @roots; %NULL names them by their folders
 *
 * Returns: (transfer full): a comparison; gloss_agreement_compare() runs it
 */
GlossAgreement *
gloss_agreement_new (GPtrArray          *roots,
                     const char * const *names)
{
  GlossAgreement *self;

  g_return_val_if_fail (roots != NULL, NULL);
  g_return_val_if_fail (roots->len >= 2 && roots->len <= GLOSS_AGREEMENT_MAX_ANNOTATORS, NULL);
  g_return_val_if_fail (names == NULL || g_strv_length ((char **)names) == roots->len, NULL);

  self = g_object_new (GLOSS_TYPE_AGREEMENT, NULL);
  self->n_copies = roots->len;
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < roots->len; i++)
    {
      g_ptr_array_add (self->roots, g_object_ref (g_ptr_array_index (roots, i)));
      g_ptr_array_add (self->names, names ? g_strdup (names[i]) : gloss_corpus_dup_display_name (g_ptr_array_index (roots, i)));
    }
  self->unaligned = g_new0 (guint, roots->len);
  self->overall = gloss_agreement_counts_new (roots->len);
  _gloss_agreement_init_spans (self);

  return self;
}

/**
 * gloss_agreement_new_for_revisions:
 * @git: the repository
 * @revisions: (array zero-terminated=1): two or more revisions (branches,
 *   tags, commits), each an annotator's copy of the corpus; they name the
 *   annotators
 * @path: (nullable): what to compare, relative to the top of the work
 *   tree: a folder, or one text; %NULL for the path @git was opened at
 *
 * Like gloss_agreement_new(), with each annotator's copy read from a
 * revision of the repository, without checking it out (gloss-git.c):
 * texts are matched by their path below @path at each revision.
 *
 * Returns: (transfer full): a comparison; gloss_agreement_compare() runs it
 */
GlossAgreement *
gloss_agreement_new_for_revisions (GlossGit           *git,
                                   const char * const *revisions,
                                   const char         *path)
{
  GlossAgreement *self;
  guint n;

  g_return_val_if_fail (GLOSS_IS_GIT (git), NULL);
  g_return_val_if_fail (revisions != NULL, NULL);
  n = g_strv_length ((char **)revisions);
  g_return_val_if_fail (n >= 2 && n <= GLOSS_AGREEMENT_MAX_ANNOTATORS, NULL);

  self = g_object_new (GLOSS_TYPE_AGREEMENT, NULL);
  self->n_copies = n;
  self->git = g_object_ref (git);
  self->revisions = g_strdupv ((char **)revisions);
  self->path = g_strdup (path ? path : gloss_git_get_prefix (git));
  self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->names, g_strdup (revisions[i]));
  self->unaligned = g_new0 (guint, n);
  self->overall = gloss_agreement_counts_new (n);
  _gloss_agreement_init_spans (self);

  return self;
}

/**
 * gloss_agreement_set_labels:
 * @labels: (nullable): the label ids to compare, in this order; %NULL or
 *   empty compares every label the documents define or use
 */
void
gloss_agreement_set_labels (GlossAgreement     *self,
                            const char * const *labels)
{
  g_return_if_fail (GLOSS_IS_AGREEMENT (self));

  g_clear_pointer (&self->requested, g_strfreev);
  if (labels != NULL && labels[0] != NULL)
    self->requested = g_strdupv ((char **)labels);
}

static guint
intern_label (GlossAgreement *self,
              const char     *label)
{
  gpointer index = g_hash_table_lookup (self->seen_index, label);

  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;

  g_ptr_array_add (self->seen_labels, g_strdup (label));
  g_hash_table_insert (self->seen_index, g_ptr_array_index (self->seen_labels, self->seen_labels->len - 1),
                       GUINT_TO_POINTER (self->seen_labels->len));

  return self->seen_labels->len - 1;
}

/* The label is one of sentences in a set or an annotation: it is
 * reported with the sentences even beside spans */
static void
mark_sentence_scope (GlossAgreement *self,
                     guint           index)
{
  g_hash_table_add (self->sentence_scope, g_ptr_array_index (self->seen_labels, index));
}

typedef GlossAgreementSpan Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->annotator != y->annotator)
    return x->annotator < y->annotator ? -1 : 1;

  return 0;
}

static void
append_sentence_labels (GlossAgreement *self,
                        GArray         *labels,
                        GlossSentence  *sentence)
{
  guint first = labels->len;

  for (guint k = 0; k < gloss_sentence_get_n_annotations (sentence); k++)
    {
      GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, k);
      guint index = intern_label (self, gloss_annotation_get_label (annotation));
      gboolean seen = FALSE;

      mark_sentence_scope (self, index);

      for (guint i = first; i < labels->len && !seen; i++)
        seen = g_array_index (labels, guint, i) == index;
      if (!seen)
        g_array_append_val (labels, index);
    }
}

/**
 * gloss_agreement_collect_spans:
 * @documents: (array length=n_documents): the copies of one text; a %NULL
 *   copy has no sentences
 *
 * The alignment under the comparison: every sentence of every copy,
 * sorted by span and, within a span, by copy. Sentences that follow each
 * other with the same span are the copies' versions of one sentence.
 *
 * Returns: (transfer full) (element-type GlossAgreementSpan): the spans
 */
GArray *
gloss_agreement_collect_spans (GlossDocument * const *documents,
                               guint                  n_documents)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  g_return_val_if_fail (documents != NULL || n_documents == 0, spans);

  for (guint a = 0; a < n_documents; a++)
    {
      if (documents[a] == NULL)
        continue;

      for (guint i = 0; i < gloss_document_get_n_sentences (documents[a]); i++)
        {
          GlossSentence *sentence = gloss_document_get_sentence (documents[a], i);
          Span span = { gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence), a, i };

          g_array_append_val (spans, span);
        }
    }
  g_array_sort (spans, compare_spans);

  return spans;
}

/* Matches the sentences of the copies by their spans: a span that two
 * copies or more share is a unit; a copy without it has no decision
 * there. A sentence no other copy splits alike cannot be compared. */
static Decisions *
align (GlossAgreement          *self,
       GlossDocument          **documents,
       GlossAgreementDocument  *record)
{
  guint n = self->n_copies;
  g_autoptr(GArray) spans = gloss_agreement_collect_spans (documents, n);
  g_autoptr(Decisions) decisions = g_new0 (Decisions, 1);
  guint n_units = 0;
  guint unit = 0;

  for (guint i = 0; i < spans->len;)
    {
      Span *first = &g_array_index (spans, Span, i);
      guint j = i + 1;

      while (j < spans->len &&
             g_array_index (spans, Span, j).start == first->start &&
             g_array_index (spans, Span, j).end == first->end)
        j++;

      if (j - i >= 2)
        n_units++;
      else
        record->unaligned[first->annotator]++;
      i = j;
    }

  decisions->n_units = n_units;
  decisions->present = g_new0 (guint8, (gsize)MAX (n_units, 1) * n);
  decisions->offsets = g_new0 (guint, (gsize)n_units * n + 1);
  decisions->labels = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < spans->len;)
    {
      Span *first = &g_array_index (spans, Span, i);
      guint j = i;

      while (j < spans->len &&
             g_array_index (spans, Span, j).start == first->start &&
             g_array_index (spans, Span, j).end == first->end)
        j++;

      if (j - i >= 2)
        {
          guint k = i;

          /* The spans are sorted by annotator within a unit */
          for (guint a = 0; a < n; a++)
            {
              decisions->offsets[unit * n + a] = decisions->labels->len;
              if (k < j && g_array_index (spans, Span, k).annotator == a)
                {
                  Span *span = &g_array_index (spans, Span, k);

                  decisions->present[unit * n + a] = 1;
                  append_sentence_labels (self, decisions->labels,
                                          gloss_document_get_sentence (documents[a], span->position));
                  k++;
                }
            }
          unit++;
        }
      i = j;
    }
  decisions->offsets[(gsize)n_units * n] = decisions->labels->len;

  record->n_units = n_units;

  return g_steal_pointer (&decisions);
}

static void
add_problems (GPtrArray     *problems,
              GlossDocument *document)
{
  GPtrArray *found = gloss_document_get_problems (document);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file (document);
  g_autofree char *name = gloss_corpus_dup_display_name (json_file);

  for (guint k = 0; problems != NULL && k < found->len; k++)
    {
      GlossProblem *problem = gloss_problem_copy (g_ptr_array_index (found, k));

      if (problem->file == NULL)
        problem->file = g_strdup (name);
      g_ptr_array_add (problems, problem);
    }
}

/* One copy of a document between revisions: the text at revision @a */
static gboolean
load_revision_copy (GlossAgreement      *self,
                    guint                a,
                    GFile               *file,
                    GHashTable          *texts,
                    GlossDocument      **document,
                    GlossAgreementCopy  *copy,
                    GPtrArray           *problems,
                    GCancellable        *cancellable,
                    GError             **error)
{
  GlossGitTree *tree = g_ptr_array_index (self->trees, a);
  g_autofree char *path = g_file_get_relative_path (gloss_git_get_toplevel (self->git), file);
  g_autofree char *json_path = g_strconcat (path, ".gloss.json", NULL);
  g_autoptr(GError) local_error = NULL;

  if (gloss_git_tree_lookup (tree, json_path) == NULL)
    {
      *copy = GLOSS_AGREEMENT_COPY_NOT_ANNOTATED;
      return TRUE;
    }

  *document = _gloss_document_load_from_revision (self->git, tree, path, texts, cancellable, &local_error);
  if (*document == NULL)
    {
      g_autofree char *name = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      name = g_strdup_printf ("%s:%s", gloss_git_tree_get_revision (tree), json_path);
      *copy = GLOSS_AGREEMENT_COPY_BROKEN;
      gloss_problems_add (problems, "", "%s", local_error->message);
      gloss_problems_set_file (problems, problems->len - 1, name);
      return TRUE;
    }

  if (gloss_document_get_problems (*document)->len > 0)
    {
      GPtrArray *found = gloss_document_get_problems (*document);

      for (guint k = 0; problems != NULL && k < found->len; k++)
        g_ptr_array_add (problems, gloss_problem_copy (g_ptr_array_index (found, k)));
      g_clear_object (document);
      *copy = GLOSS_AGREEMENT_COPY_BROKEN;
      return TRUE;
    }

  *copy = GLOSS_AGREEMENT_COPY_OK;
  return TRUE;
}

/* Loads one document from every copy that has it, only to be read. Runs
 * in a worker thread: it touches nothing of @self but the number of
 * copies. Returns %FALSE only when cancelled. */
static gboolean
load_copies (GlossAgreement      *self,
             GFile              **files,
             GlossDocument      **documents,
             GlossAgreementCopy  *copies,
             GPtrArray           *problems,
             GlossProjectCache   *projects,
             GCancellable        *cancellable,
             GError             **error)
{
  /* Between revisions, the same text at several is read once */
  g_autoptr(GHashTable) texts = NULL;

  if (self->git != NULL)
    texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint a = 0; a < self->n_copies; a++)
    {
      g_autoptr(GFile) json_file = NULL;
      g_autoptr(GError) local_error = NULL;

      if (files[a] == NULL)
        {
          copies[a] = GLOSS_AGREEMENT_COPY_MISSING;
          continue;
        }

      if (self->git != NULL)
        {
          if (!load_revision_copy (self, a, files[a], texts, &documents[a], &copies[a], problems, cancellable, error))
            return FALSE;
          continue;
        }

      /* A text nobody annotated is no decision that nothing applies */
      json_file = gloss_document_dup_annotation_file_for (files[a]);
      if (!g_file_query_exists (json_file, cancellable))
        {
          copies[a] = GLOSS_AGREEMENT_COPY_NOT_ANNOTATED;
          continue;
        }

      documents[a] = _gloss_document_load_to_read (files[a], NULL, projects, cancellable, &local_error);
      if (documents[a] == NULL)
        {
          g_autofree char *name = gloss_corpus_dup_display_name (files[a]);

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          copies[a] = GLOSS_AGREEMENT_COPY_BROKEN;
          gloss_problems_add (problems, "", "%s", local_error->message);
          gloss_problems_set_file (problems, problems->len - 1, name);
          continue;
        }

      if (gloss_document_get_problems (documents[a])->len > 0)
        {
          add_problems (problems, documents[a]);
          g_clear_object (&documents[a]);
          copies[a] = GLOSS_AGREEMENT_COPY_BROKEN;
          continue;
        }

      copies[a] = GLOSS_AGREEMENT_COPY_OK;
    }

  return TRUE;
}

static void
collect_label_set (GlossAgreement *self,
                   GlossDocument  *document)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);
      guint index = intern_label (self, gloss_label_get_id (label));

      if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SENTENCE)
        mark_sentence_scope (self, index);
    }
}

static Decisions *
compare_document (GlossAgreement          *self,
                  GlossDocument          **documents,
                  GlossAgreementDocument  *record)
{
  const char *sha256 = NULL;
  guint n_ok = 0;

  for (guint a = 0; a < self->n_copies; a++)
    {
      const char *other;

      if (documents[a] == NULL)
        continue;

      n_ok++;
      other = gloss_text_get_sha256 (gloss_document_get_text (documents[a]));
      if (sha256 == NULL)
        sha256 = other;
      else if (g_strcmp0 (sha256, other) != 0)
        record->status = GLOSS_AGREEMENT_TEXTS_DIFFER;
    }

  if (n_ok < 2)
    record->status = GLOSS_AGREEMENT_TOO_FEW;
  if (record->status != GLOSS_AGREEMENT_COMPARED)
    return NULL;

  for (guint a = 0; a < self->n_copies; a++)
    if (documents[a] != NULL)
      collect_label_set (self, documents[a]);

  _gloss_agreement_compare_spans (self, documents);

  return align (self, documents, record);
}

static gboolean
has_label (Decisions *decisions,
           gsize      slot,
           guint      label)
{
  for (guint i = decisions->offsets[slot]; i < decisions->offsets[slot + 1]; i++)
    if (g_array_index (decisions->labels, guint, i) == label)
      return TRUE;

  return FALSE;
}

/* Beside spans, a span or relation label is not a sentence label too, as
 * it always was without them; one that is unknown still is (all no) */
static gboolean
is_sentence_label (GlossAgreement *self,
                   const char     *label)
{
  if (!self->has_spans || g_hash_table_contains (self->sentence_scope, label))
    return TRUE;

  return !_gloss_agreement_labels_spans (self, label);
}

/* Turns the decisions kept per document into the counts, now that the
 * labels are known */
static void
count_decisions (GlossAgreement *self,
                 GPtrArray      *pending)
{
  guint n = self->n_copies;
  g_autofree guint8 *values = g_new0 (guint8, n);

  if (self->requested != NULL)
    {
      for (guint i = 0; self->requested[i] != NULL; i++)
        if (!g_ptr_array_find_with_equal_func (self->labels, self->requested[i], g_str_equal, NULL) &&
            is_sentence_label (self, self->requested[i]))
          g_ptr_array_add (self->labels, g_strdup (self->requested[i]));
    }
  else
    {
      for (guint i = 0; i < self->seen_labels->len; i++)
        if (is_sentence_label (self, g_ptr_array_index (self->seen_labels, i)))
          g_ptr_array_add (self->labels, g_strdup (g_ptr_array_index (self->seen_labels, i)));
    }

  for (guint l = 0; l < self->labels->len; l++)
    g_ptr_array_add (self->label_counts, gloss_agreement_counts_new (n));

  for (guint d = 0; d < self->documents->len; d++)
    {
      GlossAgreementDocument *record = g_ptr_array_index (self->documents, d);
      Decisions *decisions = g_ptr_array_index (pending, d);

      if (decisions == NULL)
        continue;

      record->counts = gloss_agreement_counts_new (n);
      for (guint l = 0; l < self->labels->len; l++)
        {
          gpointer found = g_hash_table_lookup (self->seen_index, g_ptr_array_index (self->labels, l));
          GlossAgreementCounts *counts = g_ptr_array_index (self->label_counts, l);

          for (guint u = 0; u < decisions->n_units; u++)
            {
              for (guint a = 0; a < n; a++)
                {
                  gsize slot = (gsize)u * n + a;

                  if (!decisions->present[slot])
                    values[a] = GLOSS_AGREEMENT_MISSING;
                  else
                    values[a] = found != NULL && has_label (decisions, slot, GPOINTER_TO_UINT (found) - 1);
                }
              gloss_agreement_counts_add (counts, values);
              gloss_agreement_counts_add (record->counts, values);
            }
        }
    }

  for (guint l = 0; l < self->label_counts->len; l++)
    gloss_agreement_counts_merge (self->overall, g_ptr_array_index (self->label_counts, l));
}

/* One document id: its text in each copy, or NULL */
typedef struct
{
  char  *id;
  guint  n_files;
  GFile *files[];
} Entry;

static void
entry_free (Entry *entry)
{
  for (guint a = 0; a < entry->n_files; a++)
    g_clear_object (&entry->files[a]);
  g_free (entry->id);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry **)a;
  const Entry *y = *(Entry **)b;

  return strcmp (x->id, y->id);
}

static Entry *
lookup_entry (GHashTable *by_id,
              GPtrArray  *entries,
              char       *id,
              guint       n)
{
  Entry *entry = g_hash_table_lookup (by_id, id);

  if (entry == NULL)
    {
      entry = g_malloc0 (sizeof (Entry) + n * sizeof (GFile *));
      entry->id = g_strdup (id);
      entry->n_files = n;
      g_ptr_array_add (entries, entry);
      g_hash_table_insert (by_id, entry->id, entry);
    }

  return entry;
}

/* Lists each revision, and its texts as entries */
static gboolean
list_revisions (GlossAgreement  *self,
                GHashTable      *by_id,
                GPtrArray       *entries,
                GCancellable    *cancellable,
                GError         **error)
{
  g_auto(GStrv) paths = gloss_corpus_revision_paths (self->path);

  g_clear_pointer (&self->trees, g_ptr_array_unref);
  self->trees = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_git_tree_unref);
  for (guint a = 0; a < self->n_copies; a++)
    {
      GlossGitTree *tree = gloss_git_list (self->git, self->revisions[a], (const char * const *)paths,
                                           cancellable, error);

      if (tree == NULL)
        return FALSE;
      g_ptr_array_add (self->trees, tree);

      for (guint i = 0; i < gloss_git_tree_get_n_files (tree); i++)
        {
          const char *path = gloss_git_tree_get_path (tree, i);
          g_autofree char *id = gloss_corpus_dup_revision_id (self->path, path);
          Entry *entry;

          if (id == NULL)
            continue;
          entry = lookup_entry (by_id, entries, id, self->n_copies);
          if (entry->files[a] == NULL)
            entry->files[a] = gloss_git_get_file (self->git, path);
        }
    }

  return TRUE;
}

/* The copies of one document, loaded by a worker thread while the
 * documents before it are compared */
typedef struct
{
  Entry              *entry;
  GlossDocument     **documents;
  GlossAgreementCopy *copies;
  GPtrArray          *problems;
  GError             *error;
  gboolean            loaded;
  gboolean            done;
  gboolean            compared;   /* handed back to a worker to be freed */
} Slot;

typedef struct
{
  GlossAgreement    *self;
  GMutex             mutex;
  GCond              cond;
  GlossProjectCache *projects;
  GCancellable      *cancellable;
} Loading;

/* Documents loaded ahead of the one compared, per worker: enough to keep
 * the workers busy, few enough that memory does not grow with the corpus */
#define LOAD_AHEAD 4
#define MAX_WORKERS 8

static void
slot_clear (Slot *slot,
            guint n)
{
  for (guint a = 0; slot->documents != NULL && a < n; a++)
    g_clear_object (&slot->documents[a]);
  g_clear_pointer (&slot->documents, g_free);
  g_clear_pointer (&slot->copies, g_free);
  g_clear_pointer (&slot->problems, g_ptr_array_unref);
  g_clear_error (&slot->error);
}

static void
load_slot (Slot    *slot,
           Loading *loading)
{
  guint n = loading->self->n_copies;

  slot->documents = g_new0 (GlossDocument *, n);
  slot->copies = g_new0 (GlossAgreementCopy, n);
  slot->problems = gloss_problems_new ();
  slot->loaded = load_copies (loading->self, slot->entry->files, slot->documents, slot->copies, slot->problems,
                              loading->projects, loading->cancellable, &slot->error);
}

static void
load_slot_cb (gpointer data,
              gpointer user_data)
{
  Slot *slot = data;
  Loading *loading = user_data;

  /* Freeing a document takes a sixth of the time its loading does: not
   * in the thread that compares */
  if (slot->compared)
    {
      slot_clear (slot, loading->self->n_copies);
      return;
    }

  load_slot (slot, loading);

  g_mutex_lock (&loading->mutex);
  slot->done = TRUE;
  g_cond_broadcast (&loading->cond);
  g_mutex_unlock (&loading->mutex);
}

/**
 * gloss_agreement_compare:
 * @problems: (nullable) (element-type GlossProblem): where each broken
 *   annotation file (and each folder that cannot be read) is reported,
 *   with its file's name; such a copy of a document counts as missing
 *
 * Finds the texts in every copy, matches them by their path relative to
 * the copy's folder, and compares the copies of each document whose texts
 * are the same (by SHA-256). Documents are listed in the order of their
 * ids, so that the result does not depend on the file system. When there
 * are several processors, worker threads load the next documents while
 * one is compared; the result is the same.
 *
 * Between revisions (gloss_agreement_new_for_revisions()), each revision
 * is listed first: one that does not exist is an error
 * (%G_IO_ERROR_NOT_FOUND), as is a git that fails (%GLOSS_ERROR_GIT).
 *
 * Returns: %FALSE with @error set only when cancelled, or a revision
 *   cannot be listed
 */
gboolean
gloss_agreement_compare (GlossAgreement  *self,
                         GPtrArray       *problems,
                         GCancellable    *cancellable,
                         GError         **error)
{
  guint n;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify)decisions_free);
  g_autoptr(GlossProjectCache) projects = gloss_project_cache_new ();
  g_autofree Slot *slots = NULL;
  GThreadPool *pool = NULL;
  Loading loading = { 0 };
  guint n_workers;
  guint next = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), FALSE);

  n = self->n_copies;
  reset (self);

  if (self->git != NULL && !list_revisions (self, by_id, entries, cancellable, error))
    {
      reset (self);
      return FALSE;
    }

  for (guint a = 0; self->roots != NULL && a < n; a++)
    {
      GFile *root = g_ptr_array_index (self->roots, a);
      g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", problems, cancellable);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint i = 0; i < files->len; i++)
        {
          GFile *file = g_ptr_array_index (files, i);
          g_autofree char *id = gloss_corpus_dup_id (root, file);
          Entry *entry = lookup_entry (by_id, entries, id, n);

          entry->files[a] = g_object_ref (file);
        }
    }

  g_ptr_array_sort (entries, compare_entries);
  slots = g_new0 (Slot, MAX (entries->len, 1));
  for (guint e = 0; e < entries->len; e++)
    slots[e].entry = g_ptr_array_index (entries, e);

  loading.self = self;
  loading.projects = projects;
  loading.cancellable = cancellable;
  g_mutex_init (&loading.mutex);
  g_cond_init (&loading.cond);
  n_workers = MIN (g_get_num_processors (), MAX_WORKERS);
  if (n_workers > 1 && entries->len > 1)
    pool = g_thread_pool_new (load_slot_cb, &loading, n_workers, FALSE, NULL);

  for (guint e = 0; ok && e < entries->len; e++)
    {
      Slot *slot = &slots[e];
      GlossAgreementDocument *record = g_new0 (GlossAgreementDocument, 1);

      while (pool != NULL && next < entries->len && next <= e + LOAD_AHEAD * n_workers)
        g_thread_pool_push (pool, &slots[next++], NULL);

      if (pool != NULL)
        {
          g_mutex_lock (&loading.mutex);
          while (!slot->done)
            g_cond_wait (&loading.cond, &loading.mutex);
          g_mutex_unlock (&loading.mutex);
        }
      else
        load_slot (slot, &loading);

      record->id = g_strdup (slot->entry->id);
      record->copies = g_steal_pointer (&slot->copies);
      record->unaligned = g_new0 (guint, n);
      g_ptr_array_add (self->documents, record);

      for (guint k = 0; problems != NULL && k < slot->problems->len; k++)
        g_ptr_array_add (problems, gloss_problem_copy (g_ptr_array_index (slot->problems, k)));

      ok = slot->loaded;
      if (ok)
        {
          g_ptr_array_add (pending, compare_document (self, slot->documents, record));
          self->n_units += record->n_units;
          for (guint a = 0; a < n; a++)
            self->unaligned[a] += record->unaligned[a];
        }
      else
        g_propagate_error (error, g_steal_pointer (&slot->error));

      slot->compared = TRUE;
      if (pool != NULL)
        g_thread_pool_push (pool, slot, NULL);
      else
        slot_clear (slot, n);
    }

  /* After a cancel, what is loaded ahead is loaded no further (the load
   * sees the cancellable) and freed */
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  for (guint e = 0; e < entries->len; e++)
    slot_clear (&slots[e], n);
  g_cond_clear (&loading.cond);
  g_mutex_clear (&loading.mutex);

  if (!ok)
    {
      reset (self);
      return FALSE;
    }

  g_clear_pointer (&self->trees, g_ptr_array_unref);
  _gloss_agreement_finish_spans (self);
  count_decisions (self, pending);

  return TRUE;
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (!gloss_agreement_compare (source_object, task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_agreement_compare_async:
 *
 * Runs gloss_agreement_compare() in a worker thread, since it reads and
 * compares every copy of every document. @self must not be used until it
 * finishes.
 */
void
gloss_agreement_compare_async (GlossAgreement      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_AGREEMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_agreement_compare_async);
  g_task_set_task_data (task, gloss_problems_new (), (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, compare_thread);
}

/**
 * gloss_agreement_compare_finish:
 * @problems: (out) (optional) (transfer full) (element-type GlossProblem):
 *   the broken annotation files and unreadable folders
 */
gboolean
gloss_agreement_compare_finish (GlossAgreement  *self,
                                GAsyncResult    *result,
                                GPtrArray      **problems,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (problems != NULL)
    *problems = g_ptr_array_ref (g_task_get_task_data (G_TASK (result)));

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
gloss_agreement_get_n_annotators (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->n_copies;
}

const char *
gloss_agreement_get_annotator (GlossAgreement *self,
                               guint           position)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->names->len, NULL);

  return g_ptr_array_index (self->names, position);
}

/**
 * gloss_agreement_get_n_labels:
 *
 * Returns: how many labels were compared: those asked for, or else every
 *   label the compared documents define or use
 */
guint
gloss_agreement_get_n_labels (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->labels->len;
}

const char *
gloss_agreement_get_label (GlossAgreement *self,
                           guint           position)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, position);
}

/**
 * gloss_agreement_get_counts:
 * @label: (nullable): a label compared, or %NULL for all labels pooled
 *
 * Returns: (transfer none) (nullable): the counts of the compared
 *   documents, or %NULL if @label was not compared
 */
const GlossAgreementCounts *
gloss_agreement_get_counts (GlossAgreement *self,
                            const char     *label)
{
  guint position;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  if (label == NULL)
    return self->overall;

  if (!g_ptr_array_find_with_equal_func (self->labels, label, g_str_equal, &position))
    return NULL;

  return g_ptr_array_index (self->label_counts, position);
}

/**
 * gloss_agreement_get_n_documents:
 *
 * Returns: how many document ids the copies hold together
 */
guint
gloss_agreement_get_n_documents (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->documents->len;
}

const GlossAgreementDocument *
gloss_agreement_get_document (GlossAgreement *self,
                              guint           position)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->documents->len, NULL);

  return g_ptr_array_index (self->documents, position);
}

guint
gloss_agreement_count_documents (GlossAgreement       *self,
                                 GlossAgreementStatus  status)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  for (guint i = 0; i < self->documents->len; i++)
    n += ((GlossAgreementDocument *)g_ptr_array_index (self->documents, i))->status == status;

  return n;
}

/**
 * gloss_agreement_count_copies:
 *
 * Returns: for how many documents @annotator's copy is in the state @copy
 */
guint
gloss_agreement_count_copies (GlossAgreement     *self,
                              guint               annotator,
                              GlossAgreementCopy  copy)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (annotator < self->n_copies, 0);

  for (guint i = 0; i < self->documents->len; i++)
    n += ((GlossAgreementDocument *)g_ptr_array_index (self->documents, i))->copies[annotator] == copy;

  return n;
}

/**
 * gloss_agreement_get_n_units:
 *
 * Returns: the sentences compared: spans that two copies or more share
 */
guint
gloss_agreement_get_n_units (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->n_units;
}

/**
 * gloss_agreement_get_n_unaligned:
 *
 * Returns: @annotator's sentences, in compared documents, that no other
 *   copy splits alike, so that they could not be compared
 */
guint
gloss_agreement_get_n_unaligned (GlossAgreement *self,
                                 guint           annotator)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (annotator < self->n_copies, 0);

  return self->unaligned[annotator];
}
