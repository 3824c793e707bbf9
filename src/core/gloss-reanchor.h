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
 * GlossAnchor:
 *
 * What became of one annotated sentence of the old text.
 */
typedef struct
{
  GlossAnchorStatus status;
  guint             sentence;      /* the sentence's id */
  guint             old_start;
  guint             old_end;
  guint             new_start;     /* unset when lost */
  guint             new_end;
  double            similarity;    /* 1 for an exact match */
  guint             n_annotations;
  char             *old_text;
  char             *new_text;      /* NULL when lost */
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
GlossText     *gloss_reanchor_load_text (GFile        *text_file,
                                         const char   *data,
                                         gsize         length,
                                         GCancellable *cancellable,
                                         GError      **error);
double         gloss_similarity  (const char     *a,
                                  const char     *b);

G_END_DECLS
