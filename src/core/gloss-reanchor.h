/* gloss-reanchor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* The least similarity for a changed sentence to keep its labels */
#define GLOSS_REANCHOR_MIN_SIMILARITY 0.75

/**
 * GlossAnchorStatus:
 * @GLOSS_ANCHOR_KEPT: the sentence is where it was, unchanged
 * @GLOSS_ANCHOR_MOVED: the same text, at other offsets
 * @GLOSS_ANCHOR_CHANGED: found by similarity; its labels are marked for review
 * @GLOSS_ANCHOR_LOST: not found; its annotations are kept as orphans
 */
typedef enum
{
  GLOSS_ANCHOR_KEPT,
  GLOSS_ANCHOR_MOVED,
  GLOSS_ANCHOR_CHANGED,
  GLOSS_ANCHOR_LOST,
} GlossAnchorStatus;

/**
 * GlossAnchorKind:
 * @GLOSS_ANCHOR_SENTENCE: an annotated sentence
 * @GLOSS_ANCHOR_SPAN: a span; changed means placed but marked for review
 * @GLOSS_ANCHOR_RELATION: a relation; only lost ones (a span of it was
 *   lost) are reported
 */
typedef enum
{
  GLOSS_ANCHOR_SENTENCE,
  GLOSS_ANCHOR_SPAN,
  GLOSS_ANCHOR_RELATION,
} GlossAnchorKind;

/**
 * GlossAnchor:
 *
 * What became of one annotated sentence of the old text, or of one span
 * or relation.
 */
typedef struct
{
  GlossAnchorStatus status;
  guint             sentence;      /* the sentence's id; a span's or relation's */
  guint             old_start;
  guint             old_end;
  guint             new_start;     /* unset when lost */
  guint             new_end;
  double            similarity;    /* 1 for an exact match */
  guint             n_annotations;
  char             *old_text;      /* a span's: its parts' texts, " … " between them */
  char             *new_text;      /* NULL when lost */
  GlossAnchorKind   kind;
  char             *label;         /* a span's or relation's label */
  guint             from;          /* a relation's spans */
  guint             to;
} GlossAnchor;

void           gloss_anchor_free (GlossAnchor    *anchor);
const char    *gloss_anchor_status_to_string (GlossAnchorStatus status);

GlossDocument *gloss_reanchor    (GFile          *file,
                                  GlossText      *text,
                                  const char     *data,
                                  gsize           length,
                                  const char     *language,
                                  GlossLabelSet  *labels,
                                  GPtrArray     **anchors,
                                  GError        **error);
GlossDocument *gloss_reanchor_full (GFile         *file,
                                    GlossText     *text,
                                    const char    *data,
                                    gsize          length,
                                    const char    *language,
                                    GlossLabelSet *labels,
                                    GPtrArray    **anchors,
                                    GPtrArray    **span_anchors,
                                    GError       **error);
GlossText     *gloss_reanchor_load_text (GFile        *text_file,
                                         const char   *data,
                                         gsize         length,
                                         GCancellable *cancellable,
                                         GError      **error);
double         gloss_similarity  (const char     *a,
                                  const char     *b);

G_END_DECLS
