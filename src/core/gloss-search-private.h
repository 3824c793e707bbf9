/* gloss-search-private.h
 *
 * What the search fills into its hits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-search.h"

G_BEGIN_DECLS

struct _GlossSearchHit
{
  GObject   parent_instance;

  char     *document;
  GFile    *file;
  gboolean  in_sentence;
  guint     sentence;
  guint     sentence_start;
  guint     sentence_end;
  guint     start;
  guint     end;
  char     *left;
  char     *match;
  char     *right;
  GStrv     labels;       /* the sentence's labels, in the set's order */
  GArray   *span_ids;     /* the spans sharing a code point with the match */
  GStrv     span_labels;
};

G_END_DECLS
