/* gloss-agreement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* The most annotators' copies one comparison takes */
#define GLOSS_AGREEMENT_MAX_ANNOTATORS 64

/* A decision in gloss_agreement_counts_add(): the annotator made none */
#define GLOSS_AGREEMENT_MISSING ((guint8) 0xff)

/* The coefficients, on plain count tables. Each returns NAN when it is
 * undefined (no data, or no variation so that chance agreement is 1). */
double gloss_agreement_table_observed     (const guint *table,
                                           guint        n_categories);
double gloss_agreement_cohen_kappa        (const guint *table,
                                           guint        n_categories);
double gloss_agreement_observed           (const guint *counts,
                                           const guint *weights,
                                           guint        n_units,
                                           guint        n_values);
double gloss_agreement_fleiss_kappa       (const guint *counts,
                                           const guint *weights,
                                           guint        n_units,
                                           guint        n_values);
double gloss_agreement_krippendorff_alpha (const guint *counts,
                                           const guint *weights,
                                           guint        n_units,
                                           guint        n_values);

/**
 * GlossAgreementCounts:
 *
 * What the coefficients need of many yes/no decisions by several
 * annotators: for each pair of annotators its 2×2 table, and the units
 * grouped by how many annotators said yes and no. Counts add up, so those
 * of labels and documents pool by merging.
 */
typedef struct _GlossAgreementCounts GlossAgreementCounts;

GlossAgreementCounts *gloss_agreement_counts_new        (guint                       n_annotators);
void        gloss_agreement_counts_free                 (GlossAgreementCounts       *self);
void        gloss_agreement_counts_add                  (GlossAgreementCounts       *self,
                                                         const guint8               *decisions);
void        gloss_agreement_counts_add_n                (GlossAgreementCounts       *self,
                                                         const guint8               *decisions,
                                                         guint                       n);
void        gloss_agreement_counts_merge                (GlossAgreementCounts       *self,
                                                         const GlossAgreementCounts *other);
guint       gloss_agreement_counts_get_n_annotators     (const GlossAgreementCounts *self);
guint       gloss_agreement_counts_get_n_units          (const GlossAgreementCounts *self);
guint       gloss_agreement_counts_get_n_complete       (const GlossAgreementCounts *self);
double      gloss_agreement_counts_get_observed         (const GlossAgreementCounts *self);
double      gloss_agreement_counts_get_fleiss_kappa     (const GlossAgreementCounts *self);
double      gloss_agreement_counts_get_alpha            (const GlossAgreementCounts *self);
const guint *gloss_agreement_counts_get_pair_table      (const GlossAgreementCounts *self,
                                                         guint                       a,
                                                         guint                       b);
guint       gloss_agreement_counts_get_pair_n_units     (const GlossAgreementCounts *self,
                                                         guint                       a,
                                                         guint                       b);
double      gloss_agreement_counts_get_pair_observed    (const GlossAgreementCounts *self,
                                                         guint                       a,
                                                         guint                       b);
double      gloss_agreement_counts_get_cohen_kappa      (const GlossAgreementCounts *self,
                                                         guint                       a,
                                                         guint                       b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreementCounts, gloss_agreement_counts_free)

/**
 * GlossAgreementCopy:
 * @GLOSS_AGREEMENT_COPY_OK: the annotator's copy holds the document
 * @GLOSS_AGREEMENT_COPY_MISSING: the copy has no such text
 * @GLOSS_AGREEMENT_COPY_NOT_ANNOTATED: the copy has the text but no
 *   annotation file
 * @GLOSS_AGREEMENT_COPY_BROKEN: the annotation file has problems
 *
 * What one annotator's copy holds of a document.
 */
typedef enum
{
  GLOSS_AGREEMENT_COPY_OK,
  GLOSS_AGREEMENT_COPY_MISSING,
  GLOSS_AGREEMENT_COPY_NOT_ANNOTATED,
  GLOSS_AGREEMENT_COPY_BROKEN,
} GlossAgreementCopy;

/**
 * GlossAgreementStatus:
 * @GLOSS_AGREEMENT_COMPARED: compared
 * @GLOSS_AGREEMENT_TEXTS_DIFFER: the copies' texts differ: not compared
 * @GLOSS_AGREEMENT_TOO_FEW: fewer than two copies hold it: not compared
 */
typedef enum
{
  GLOSS_AGREEMENT_COMPARED,
  GLOSS_AGREEMENT_TEXTS_DIFFER,
  GLOSS_AGREEMENT_TOO_FEW,
} GlossAgreementStatus;

/**
 * GlossAgreementDocument:
 * @id: the document id: the text's path relative to each copy's folder
 * @status: whether it was compared
 * @copies: per annotator, what the copy holds
 * @n_units: the sentences compared: spans that two copies or more share
 * @unaligned: per annotator, its sentences that no other copy splits alike
 * @counts: (nullable): the decisions of all labels pooled, when compared
 */
typedef struct
{
  char                 *id;
  GlossAgreementStatus  status;
  GlossAgreementCopy   *copies;
  guint                 n_units;
  guint                *unaligned;
  GlossAgreementCounts *counts;
} GlossAgreementDocument;

/**
 * GlossAgreementSpan:
 * @start: where the sentence starts, in characters
 * @end: where it ends
 * @annotator: whose copy it is in: an index into the copies
 * @position: its position among that copy's sentences
 *
 * One sentence of one copy, as the copies are aligned: copies that split
 * a stretch of text alike have sentences with the same span.
 */
typedef struct
{
  guint start;
  guint end;
  guint annotator;
  guint position;
} GlossAgreementSpan;

GArray *gloss_agreement_collect_spans (GlossDocument * const *documents,
                                       guint                  n_documents);

/**
 * GlossAgreementMatches:
 * @matched: the first annotator's spans (or relations) matched, one to
 *   one, with one of the second's
 * @only_a: the first annotator's that are not matched
 * @only_b: the second's that are not matched
 *
 * Span or relation matches of a pair of annotators. The first is the
 * reference and the second the prediction: precision is matched / (matched
 * + @only_b), recall matched / (matched + @only_a); F1 is the same either
 * way round.
 */
typedef struct
{
  guint matched;
  guint only_a;
  guint only_b;
} GlossAgreementMatches;

double gloss_agreement_matches_get_precision (const GlossAgreementMatches *self);
double gloss_agreement_matches_get_recall    (const GlossAgreementMatches *self);
double gloss_agreement_matches_get_f1        (const GlossAgreementMatches *self);

/**
 * GlossAgreementMatch:
 * @GLOSS_AGREEMENT_MATCH_EXACT: the same label and the same parts
 * @GLOSS_AGREEMENT_MATCH_OVERLAP: the same label, and the code points the
 *   two spans cover have an intersection over union of at least one half
 *
 * When a span of one annotator matches a span of another.
 */
typedef enum
{
  GLOSS_AGREEMENT_MATCH_EXACT,
  GLOSS_AGREEMENT_MATCH_OVERLAP,
} GlossAgreementMatch;

GArray *gloss_agreement_tokenize (const char *text,
                                  gssize      length);

#define GLOSS_TYPE_AGREEMENT (gloss_agreement_get_type ())

G_DECLARE_FINAL_TYPE (GlossAgreement, gloss_agreement, GLOSS, AGREEMENT, GObject)

GlossAgreement *gloss_agreement_new                 (GPtrArray            *roots,
                                                     const char * const   *names);
GlossAgreement *gloss_agreement_new_for_revisions   (GlossGit             *git,
                                                     const char * const   *revisions,
                                                     const char           *path);
void            gloss_agreement_set_labels          (GlossAgreement       *self,
                                                     const char * const   *labels);
gboolean        gloss_agreement_compare             (GlossAgreement       *self,
                                                     GPtrArray            *problems,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void            gloss_agreement_compare_async       (GlossAgreement       *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean        gloss_agreement_compare_finish      (GlossAgreement       *self,
                                                     GAsyncResult         *result,
                                                     GPtrArray           **problems,
                                                     GError              **error);
guint           gloss_agreement_get_n_annotators    (GlossAgreement       *self);
const char     *gloss_agreement_get_annotator       (GlossAgreement       *self,
                                                     guint                 position);
guint           gloss_agreement_get_n_labels        (GlossAgreement       *self);
const char     *gloss_agreement_get_label           (GlossAgreement       *self,
                                                     guint                 position);
const GlossAgreementCounts *gloss_agreement_get_counts (GlossAgreement    *self,
                                                     const char           *label);
guint           gloss_agreement_get_n_documents     (GlossAgreement       *self);
const GlossAgreementDocument *gloss_agreement_get_document (GlossAgreement *self,
                                                     guint                 position);
guint           gloss_agreement_count_documents     (GlossAgreement       *self,
                                                     GlossAgreementStatus  status);
guint           gloss_agreement_count_copies        (GlossAgreement       *self,
                                                     guint                 annotator,
                                                     GlossAgreementCopy    copy);
guint           gloss_agreement_get_n_units         (GlossAgreement       *self);
guint           gloss_agreement_get_n_unaligned     (GlossAgreement       *self,
                                                     guint                 annotator);
gboolean        gloss_agreement_has_spans           (GlossAgreement       *self);
guint           gloss_agreement_get_n_tokens        (GlossAgreement       *self);
guint           gloss_agreement_get_n_span_labels   (GlossAgreement       *self);
const char     *gloss_agreement_get_span_label      (GlossAgreement       *self,
                                                     guint                 position);
guint           gloss_agreement_get_n_spans         (GlossAgreement       *self,
                                                     const char           *label,
                                                     guint                 annotator);
const GlossAgreementMatches *gloss_agreement_get_span_matches (GlossAgreement *self,
                                                     const char           *label,
                                                     GlossAgreementMatch   match,
                                                     guint                 a,
                                                     guint                 b);
const GlossAgreementCounts *gloss_agreement_get_token_counts (GlossAgreement *self,
                                                     const char           *label);
guint           gloss_agreement_get_n_relation_labels (GlossAgreement     *self);
const char     *gloss_agreement_get_relation_label  (GlossAgreement       *self,
                                                     guint                 position);
guint           gloss_agreement_get_n_relations     (GlossAgreement       *self,
                                                     const char           *label,
                                                     guint                 annotator);
const GlossAgreementMatches *gloss_agreement_get_relation_matches (GlossAgreement *self,
                                                     const char           *label,
                                                     guint                 a,
                                                     guint                 b);

G_END_DECLS
