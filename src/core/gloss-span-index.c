/* gloss-span-index.c
 *
 * The parts of a document's spans, for "which spans are at this offset":
 * the window asks at every move of the caret, so the answer must not walk
 * every span. The parts are kept sorted by start, and over them an
 * implicit binary tree holds the largest end of each subtree: a query
 * descends only into subtrees that start before its end and end after its
 * start, so it costs O(log n) per part found, however long or nested the
 * spans are (a span over a whole article does not make every query walk
 * the spans before it, as a plain sorted list with a running maximum
 * would). Adding or removing a part moves the array's tail (a memmove);
 * the tree is rebuilt, in linear time, at the next query only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-span.h"
#include "gloss-span-index.h"

typedef struct
{
  guint      start;
  guint      end;
  GlossSpan *span;   /* borrowed: the document holds it while it is here */
} Part;

struct _GlossSpanIndex
{
  GArray  *parts;      /* of Part, by start */
  guint   *max_end;    /* the tree: node i has children 2i and 2i + 1; leaves from size */
  guint    size;       /* the number of leaves: a power of two >= parts->len */
  gboolean stale;      /* the tree is to be rebuilt */
};

GlossSpanIndex *
gloss_span_index_new (void)
{
  GlossSpanIndex *self = g_new0 (GlossSpanIndex, 1);

  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  self->stale = TRUE;

  return self;
}

void
gloss_span_index_free (GlossSpanIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->parts);
  g_free (self->max_end);
  g_free (self);
}

/* The first part that starts at or after @start */
static guint
lower_bound (GlossSpanIndex *self,
             guint           start)
{
  guint lo = 0;
  guint hi = self->parts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->parts, Part, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

void
gloss_span_index_add (GlossSpanIndex *self,
                      GlossSpan      *span)
{
  const GlossRange *parts = gloss_span_get_parts (span);

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      Part part = { parts[i].start, parts[i].end, span };

      g_array_insert_val (self->parts, lower_bound (self, part.start), part);
    }

  self->stale = TRUE;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const Part *x = a;
  const Part *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/**
 * gloss_span_index_add_all:
 * @spans: (element-type GlossSpan): spans to add, as loading does: one
 *   sort instead of an insertion for each part
 */
void
gloss_span_index_add_all (GlossSpanIndex *self,
                          GPtrArray      *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      const GlossRange *parts = gloss_span_get_parts (span);

      for (guint k = 0; k < gloss_span_get_n_parts (span); k++)
        {
          Part part = { parts[k].start, parts[k].end, span };

          g_array_append_val (self->parts, part);
        }
    }

  g_array_sort (self->parts, compare_parts);
  self->stale = TRUE;
}

void
gloss_span_index_remove (GlossSpanIndex *self,
                         GlossSpan      *span)
{
  const GlossRange *parts = gloss_span_get_parts (span);

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      guint k = lower_bound (self, parts[i].start);

      /* Among the parts that start there, the span's own */
      while (k < self->parts->len && g_array_index (self->parts, Part, k).span != span)
        k++;
      g_return_if_fail (k < self->parts->len);

      g_array_remove_index (self->parts, k);
    }

  self->stale = TRUE;
}

void
gloss_span_index_clear (GlossSpanIndex *self)
{
  g_array_set_size (self->parts, 0);
  self->stale = TRUE;
}

static void
rebuild (GlossSpanIndex *self)
{
  guint n = self->parts->len;
  guint size = 1;

  while (size < n)
    size *= 2;

  g_free (self->max_end);
  self->size = size;
  self->max_end = g_new0 (guint, 2 * size);

  for (guint i = 0; i < n; i++)
    self->max_end[size + i] = g_array_index (self->parts, Part, i).end;
  for (guint i = size - 1; i > 0; i--)
    self->max_end[i] = MAX (self->max_end[2 * i], self->max_end[2 * i + 1]);

  self->stale = FALSE;
}

/* The parts under @node (the leaves [lo, lo + width)) that start before
 * @end and end after @start; only the first @limit parts start before
 * @end */
static void
collect (GlossSpanIndex *self,
         guint           node,
         guint           lo,
         guint           width,
         guint           limit,
         guint           start,
         GPtrArray      *found)
{
  if (lo >= limit || self->max_end[node] <= start)
    return;

  if (width == 1)
    {
      g_ptr_array_add (found, g_array_index (self->parts, Part, lo).span);
      return;
    }

  collect (self, 2 * node, lo, width / 2, limit, start, found);
  collect (self, 2 * node + 1, lo + width / 2, width / 2, limit, start, found);
}

/**
 * gloss_span_index_query:
 * @found: (element-type GlossSpan): where the spans with a part that
 *   shares a code point with `[start, end)` are added, in the order of
 *   their parts' starts; a span with two such parts comes twice
 */
void
gloss_span_index_query (GlossSpanIndex *self,
                        guint           start,
                        guint           end,
                        GPtrArray      *found)
{
  if (start >= end || self->parts->len == 0)
    return;

  if (self->stale)
    rebuild (self);

  collect (self, 1, 0, self->size, lower_bound (self, end), start, found);
}
