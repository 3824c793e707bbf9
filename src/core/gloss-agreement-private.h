/* gloss-agreement-private.h
 *
 * What the comparison of sentence labels (gloss-agreement.c) shares with
 * the comparison of spans and relations (gloss-agreement-spans.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-agreement.h"
#include "gloss-git.h"

G_BEGIN_DECLS

/* A span label, over the compared documents */
typedef struct
{
  char                  *id;
  guint                  position;   /* in span_labels_seen: the order of the spans' sort */
  guint                 *n_spans;    /* per annotator */
  GlossAgreementMatches *exact;      /* per pair a < b, at a * n + b */
  GlossAgreementMatches *overlap;
  GlossAgreementCounts  *tokens;
  GArray                *documents;  /* guint: the compared documents whose tokens are counted */
} GlossAgreementSpanLabel;

/* A relation label, over the compared documents */
typedef struct
{
  char                  *id;
  guint                  position;
  guint                 *n_relations;
  GlossAgreementMatches *matches;    /* per pair a < b, at a * n + b */
} GlossAgreementRelationLabel;

struct _GlossAgreement
{
  GObject               parent_instance;

  guint                 n_copies;       /* the annotators */
  GPtrArray            *roots;          /* GFile, or NULL between revisions */
  GPtrArray            *names;          /* char * */
  GlossGit             *git;            /* between revisions: the repository */
  GStrv                 revisions;      /* and the revisions compared */
  char                 *path;           /* what is compared, relative to its top */
  GPtrArray            *trees;          /* GlossGitTree, per revision, while comparing */
  GStrv                 requested;

  GPtrArray            *seen_labels;    /* char *, in order of appearance */
  GHashTable           *seen_index;     /* label -> index + 1 */
  GHashTable           *sentence_scope; /* the seen labels that label sentences somewhere */

  GPtrArray            *labels;         /* char *: the labels reported */
  GPtrArray            *label_counts;   /* GlossAgreementCounts, per label */
  GlossAgreementCounts *overall;
  GPtrArray            *documents;      /* GlossAgreementDocument */
  guint                 n_units;
  guint                *unaligned;

  /* Spans and relations (gloss-agreement-spans.c) */
  gboolean              has_spans;
  guint                 n_tokens;
  GArray               *blank;          /* per compared document: its tokens and copies */
  GPtrArray            *span_labels_seen;     /* GlossAgreementSpanLabel, in order of appearance */
  GHashTable           *span_label_index;     /* id -> GlossAgreementSpanLabel */
  GPtrArray            *span_labels;          /* the reported ones, borrowed */
  GlossAgreementSpanLabel *span_total;        /* the reported ones summed */
  GPtrArray            *relation_labels_seen; /* GlossAgreementRelationLabel */
  GHashTable           *relation_label_index;
  GPtrArray            *relation_labels;
  GlossAgreementRelationLabel *relation_total;
};

void     _gloss_agreement_init_spans     (GlossAgreement  *self);
void     _gloss_agreement_reset_spans    (GlossAgreement  *self);
void     _gloss_agreement_finalize_spans (GlossAgreement  *self);
void     _gloss_agreement_compare_spans  (GlossAgreement  *self,
                                          GlossDocument  **documents);
void     _gloss_agreement_finish_spans   (GlossAgreement  *self);
gboolean _gloss_agreement_labels_spans   (GlossAgreement  *self,
                                          const char      *label);

G_END_DECLS
