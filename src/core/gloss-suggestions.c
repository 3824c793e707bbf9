/* gloss-suggestions.c
 *
 * The suggestions of a document: spans and relations a suggester found
 * that nobody has accepted or rejected yet, and the places of those that
 * were rejected, so that suggesting again does not bring them back. They
 * are not annotations: nothing exports, counts or compares them.
 *
 * A GlossSuggestions never changes; accepting or rejecting gives the
 * document a new one (gloss-document-suggestions.c), which the history
 * keeps with the old one for undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-suggestions.h"

struct _GlossSuggestions
{
  GObject    parent_instance;

  GPtrArray *spans;      /* GlossSpan, by start, end, label, id */
  GPtrArray *relations;  /* GlossRelation, by from, label, id */
  GPtrArray *rejected;   /* GlossSpan: only label and parts count */
  GHashTable *targets;   /* span id -> number of relations to it */
  GHashTable *by_id;     /* span id -> GlossSpan */
};

G_DEFINE_FINAL_TYPE (GlossSuggestions, gloss_suggestions, G_TYPE_OBJECT)

static void
gloss_suggestions_finalize (GObject *object)
{
  GlossSuggestions *self = (GlossSuggestions *)object;

  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_suggestions_parent_class)->finalize (object);
}

static void
gloss_suggestions_class_init (GlossSuggestionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_suggestions_finalize;
}

static void
gloss_suggestions_init (GlossSuggestions *self)
{
}

static int
compare_places (GlossSpan *a,
                GlossSpan *b)
{
  guint n = MIN (gloss_span_get_n_parts (a), gloss_span_get_n_parts (b));

  for (guint i = 0; i < n; i++)
    {
      GlossRange pa = gloss_span_get_part (a, i), pb = gloss_span_get_part (b, i);

      if (pa.start != pb.start)
        return pa.start < pb.start ? -1 : 1;
      if (pa.end != pb.end)
        return pa.end < pb.end ? -1 : 1;
    }
  if (gloss_span_get_n_parts (a) != gloss_span_get_n_parts (b))
    return gloss_span_get_n_parts (a) < gloss_span_get_n_parts (b) ? -1 : 1;

  return g_strcmp0 (gloss_span_get_label (a), gloss_span_get_label (b));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  GlossSpan *sa = *(GlossSpan **)a, *sb = *(GlossSpan **)b;
  int cmp = compare_places (sa, sb);

  if (cmp != 0)
    return cmp;

  return gloss_span_get_id (sa) < gloss_span_get_id (sb) ? -1 : gloss_span_get_id (sa) > gloss_span_get_id (sb);
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  GlossRelation *ra = *(GlossRelation **)a, *rb = *(GlossRelation **)b;
  int cmp;

  if (gloss_relation_get_from (ra) != gloss_relation_get_from (rb))
    return gloss_relation_get_from (ra) < gloss_relation_get_from (rb) ? -1 : 1;
  cmp = g_strcmp0 (gloss_relation_get_label (ra), gloss_relation_get_label (rb));
  if (cmp != 0)
    return cmp;

  return gloss_relation_get_id (ra) < gloss_relation_get_id (rb) ? -1 : gloss_relation_get_id (ra) > gloss_relation_get_id (rb);
}

/* What a suggester gives, and what a change of the suggestions keeps, is
 * in order already: one pass instead of a sort of tens of thousands */
static void
sort_unless_sorted (GPtrArray    *items,
                    GCompareFunc  compare)
{
  for (guint i = 1; i < items->len; i++)
    if (compare (&g_ptr_array_index (items, i - 1), &g_ptr_array_index (items, i)) > 0)
      {
        g_ptr_array_sort (items, compare);
        return;
      }
}

static GPtrArray *
copy_array (GPtrArray *items)
{
  GPtrArray *copy = g_ptr_array_new_full (items ? items->len : 0, g_object_unref);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (items, i)));

  return copy;
}

/**
 * gloss_suggestions_new:
 * @spans: (nullable) (element-type GlossSpan): the suggested spans
 * @relations: (nullable) (element-type GlossRelation): the relations
 *   between them, by the suggestions' own span ids
 * @rejected: (nullable) (element-type GlossSpan): the rejected ones, of
 *   which only the label and parts count
 *
 * Returns: (transfer full): suggestions holding references to all three,
 *   sorted
 */
GlossSuggestions *
gloss_suggestions_new (GPtrArray *spans,
                       GPtrArray *relations,
                       GPtrArray *rejected)
{
  GlossSuggestions *self = g_object_new (GLOSS_TYPE_SUGGESTIONS, NULL);

  self->spans = copy_array (spans);
  self->relations = copy_array (relations);
  self->rejected = copy_array (rejected);
  sort_unless_sorted (self->spans, compare_spans);
  sort_unless_sorted (self->relations, compare_relations);
  sort_unless_sorted (self->rejected, compare_spans);

  /* Lookups by id are hashed: relations name spans by id, and a suggester
   * finds thousands in a long article */
  self->by_id = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->spans->len; i++)
    g_hash_table_insert (self->by_id, GUINT_TO_POINTER (gloss_span_get_id (g_ptr_array_index (self->spans, i))),
                         g_ptr_array_index (self->spans, i));

  self->targets = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->relations->len; i++)
    {
      gpointer to = GUINT_TO_POINTER (gloss_relation_get_to (g_ptr_array_index (self->relations, i)));

      g_hash_table_insert (self->targets, to,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->targets, to)) + 1));
    }

  return self;
}

/**
 * gloss_suggestions_get_spans:
 *
 * Returns: (transfer none) (element-type GlossSpan): the suggested spans,
 *   ordered by their parts, label and id
 */
GPtrArray *
gloss_suggestions_get_spans (GlossSuggestions *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  return self->spans;
}

/**
 * gloss_suggestions_get_relations:
 *
 * Returns: (transfer none) (element-type GlossRelation): ordered by their
 *   from span's id, label and id
 */
GPtrArray *
gloss_suggestions_get_relations (GlossSuggestions *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  return self->relations;
}

/**
 * gloss_suggestions_get_rejected:
 *
 * Returns: (transfer none) (element-type GlossSpan): the rejected
 *   suggestions, ordered by their parts and label
 */
GPtrArray *
gloss_suggestions_get_rejected (GlossSuggestions *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  return self->rejected;
}

/* Nothing to write: no pending suggestion and none rejected */
gboolean
gloss_suggestions_is_empty (GlossSuggestions *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), TRUE);

  return self->spans->len == 0 && self->relations->len == 0 && self->rejected->len == 0;
}

GlossSpan *
gloss_suggestions_lookup_span (GlossSuggestions *self,
                               guint             id)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  return g_hash_table_lookup (self->by_id, GUINT_TO_POINTER (id));
}

/**
 * gloss_suggestions_is_head:
 *
 * Whether @span is what one accepts or rejects: a span no suggested
 * relation points to (a quote; a role belongs to its quotes).
 */
gboolean
gloss_suggestions_is_head (GlossSuggestions *self,
                           GlossSpan        *span)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), FALSE);

  return !g_hash_table_contains (self->targets, GUINT_TO_POINTER (gloss_span_get_id (span)));
}

/**
 * gloss_suggestions_dup_heads:
 *
 * Returns: (transfer container) (element-type GlossSpan): the heads, in
 *   text order
 */
GPtrArray *
gloss_suggestions_dup_heads (GlossSuggestions *self)
{
  GPtrArray *heads;

  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  heads = g_ptr_array_new ();
  for (guint i = 0; i < self->spans->len; i++)
    if (gloss_suggestions_is_head (self, g_ptr_array_index (self->spans, i)))
      g_ptr_array_add (heads, g_ptr_array_index (self->spans, i));

  return heads;
}

/**
 * gloss_suggestions_dup_unit:
 * @head: a head's id
 * @relations: (out) (optional) (transfer container) (element-type GlossRelation):
 *   the relations from the head
 *
 * Returns: (transfer container) (nullable) (element-type GlossSpan): the
 *   head, then the spans its relations point to; %NULL without such a head
 */
GPtrArray *
gloss_suggestions_dup_unit (GlossSuggestions  *self,
                            guint              head,
                            GPtrArray        **relations)
{
  GlossSpan *span;
  GPtrArray *spans;
  GPtrArray *from = g_ptr_array_new ();

  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  span = gloss_suggestions_lookup_span (self, head);
  if (span == NULL || !gloss_suggestions_is_head (self, span))
    {
      g_ptr_array_unref (from);
      if (relations != NULL)
        *relations = NULL;
      return NULL;
    }

  spans = g_ptr_array_new ();
  g_ptr_array_add (spans, span);
  for (guint i = 0; i < self->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (self->relations, i);
      GlossSpan *to;

      if (gloss_relation_get_from (relation) != head)
        continue;
      g_ptr_array_add (from, relation);
      to = gloss_suggestions_lookup_span (self, gloss_relation_get_to (relation));
      if (to != NULL && !g_ptr_array_find (spans, to, NULL))
        g_ptr_array_add (spans, to);
    }

  if (relations != NULL)
    *relations = from;
  else
    g_ptr_array_unref (from);

  return spans;
}

gboolean
gloss_suggestions_same_span (GlossSpan *a,
                             GlossSpan *b)
{
  return compare_places (a, b) == 0;
}

/* Whether a span with the label and parts of @span was rejected */
gboolean
gloss_suggestions_is_rejected (GlossSuggestions *self,
                               GlossSpan        *span)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), FALSE);

  /* The rejected are in order of place: a binary search */
  {
    guint low = 0, high = self->rejected->len;

    while (low < high)
      {
        guint middle = low + (high - low) / 2;
        int cmp = compare_places (g_ptr_array_index (self->rejected, middle), span);

        if (cmp < 0)
          low = middle + 1;
        else
          high = middle;
      }

    return low < self->rejected->len && gloss_suggestions_same_span (g_ptr_array_index (self->rejected, low), span);
  }
}

/**
 * gloss_suggestions_without_unit:
 * @head: a head's id
 * @reject: remember the head as rejected
 *
 * The suggestions without the head, its relations, and the spans they
 * point to that nothing else needs (a speaker of two quotes stays with
 * the other).
 *
 * Returns: (transfer full): new suggestions
 */
GlossSuggestions *
gloss_suggestions_without_unit (GlossSuggestions *self,
                                guint             head,
                                gboolean          reject)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();
  g_autoptr(GPtrArray) rejected = copy_array (self->rejected);
  g_autoptr(GHashTable) needed = g_hash_table_new (NULL, NULL);
  GlossSpan *span;

  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (self), NULL);

  span = gloss_suggestions_lookup_span (self, head);
  if (reject && span != NULL && !gloss_suggestions_is_rejected (self, span))
    g_ptr_array_add (rejected, g_object_ref (span));

  for (guint i = 0; i < self->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (self->relations, i);

      if (gloss_relation_get_from (relation) == head || gloss_relation_get_to (relation) == head)
        continue;
      g_ptr_array_add (relations, relation);
      g_hash_table_add (needed, GUINT_TO_POINTER (gloss_relation_get_from (relation)));
      g_hash_table_add (needed, GUINT_TO_POINTER (gloss_relation_get_to (relation)));
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      GlossSpan *other = g_ptr_array_index (self->spans, i);
      guint id = gloss_span_get_id (other);

      if (id == head)
        continue;
      /* A role of the head's that nothing else points to goes with it */
      if (g_hash_table_contains (self->targets, GUINT_TO_POINTER (id)) &&
          !g_hash_table_contains (needed, GUINT_TO_POINTER (id)))
        continue;
      g_ptr_array_add (spans, other);
    }

  return gloss_suggestions_new (spans, relations, rejected);
}

/**
 * gloss_suggestions_labels_fit:
 *
 * Whether @labels has what the suggester gives: span labels `quote`,
 * `speaker` and `cue` (the built-in quotation set, or a project's like it).
 */
gboolean
gloss_suggestions_labels_fit (GlossLabelSet *labels)
{
  static const char * const ids[] = { "quote", "speaker", "cue", NULL };

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GlossLabel *label = gloss_label_set_lookup (labels, ids[i]);

      if (label == NULL || gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN)
        return FALSE;
    }

  return TRUE;
}
