/* gloss-adjudication-spans.c
 *
 * The spans and relations of an adjudication, in units. A label that a
 * relation label goes from (the quotation set's quote) is a head: each
 * head span with the spans its relations link (speaker, cue, frame,
 * addressee) is one unit; a span of any other label that no head links
 * (a plain entity) is a unit of its own. The annotators' spans of one
 * label are grouped by overlap: two are of one unit when the code points
 * they cover have an intersection over union of at least 1/2 (against
 * the member of the unit it overlaps most), the pairs with the largest
 * overlap first, at most one span of each annotator in a unit; a span
 * that overlaps none is a unit of its own, which the others miss.
 *
 * The annotators agree on a unit when every copy has it exactly alike:
 * the same parts, the same attributes, and the same relations to spans of
 * the same label, parts and attributes. Notes, annotators and times are
 * not compared. A unit they agree on goes into a new gold copy as it is;
 * any other is a disagreement, decided by taking one annotator's version
 * or none.
 *
 * The gold copy holds a unit's version as new spans and relations (new
 * ids, by the adjudicator, at the decision's time, without notes). They
 * are found again by label and parts, not by id, so a decision made in an
 * earlier session can be changed: a span the gold copy has already (the
 * same speaker for two quotes) is taken, never added twice, and deciding
 * a unit again takes out only what no relation and no other unit's
 * decision still needs.
 *
 * A decision is recorded in meta.adjudication as
 *
 *   {"label": "quote", "parts": [[3, 40]], "accepted": "Bea" | "rejected": true,
 *    "decided_by": "Eve", "decided": "2026-12-01T10:00:00Z"}
 *
 * keyed by the label and parts of the unit's first span (the earliest
 * start, then end, then annotator); resuming gives it to the unit one of
 * whose spans has exactly that label and those parts, so neither the
 * order of the annotators nor which of them has the key matters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-adjudication-private.h"
#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-span.h"

typedef GlossAdjudicationUnit Unit;
typedef GlossAdjudicationVersion Version;

void
_gloss_adjudication_unit_free (GlossAdjudicationUnit *unit)
{
  if (unit == NULL)
    return;

  g_free (unit->label);
  for (guint a = 0; unit->versions != NULL && a < unit->n_versions; a++)
    {
      g_clear_object (&unit->versions[a].span);
      g_clear_pointer (&unit->versions[a].relations, g_ptr_array_unref);
      g_free (unit->versions[a].signature);
    }
  g_free (unit->versions);
  g_free (unit);
}

/* --- Keys and comparisons ------------------------------------------------ */

static gboolean
has_extent (GlossSpan        *span,
            const char       *label,
            const GlossRange *parts,
            guint             n_parts)
{
  if (g_strcmp0 (gloss_span_get_label (span), label) != 0 || gloss_span_get_n_parts (span) != n_parts)
    return FALSE;

  for (guint i = 0; i < n_parts; i++)
    {
      GlossRange part = gloss_span_get_part (span, i);

      if (part.start != parts[i].start || part.end != parts[i].end)
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_extent (GlossSpan *a,
             GlossSpan *b)
{
  return has_extent (a, gloss_span_get_label (b), gloss_span_get_parts (b), gloss_span_get_n_parts (b));
}

static gboolean
same_attributes (GlossSpan *a,
                 GlossSpan *b)
{
  guint n = gloss_span_get_n_attributes (a);

  if (n != gloss_span_get_n_attributes (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gloss_span_get_attribute_value (a, i),
                   gloss_span_get_attribute (b, gloss_span_get_attribute_name (a, i))) != 0)
      return FALSE;

  return TRUE;
}

/* "quote 3-20,25-40": the label and parts */
static void
append_extent (GString   *out,
               GlossSpan *span)
{
  g_string_append (out, gloss_span_get_label (span));
  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      GlossRange part = gloss_span_get_part (span, i);

      g_string_append_printf (out, "%c%u-%u", i == 0 ? ' ' : ',', part.start, part.end);
    }
}

static char *
dup_extent_key (GlossSpan *span)
{
  GString *out = g_string_new (NULL);

  append_extent (out, span);

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The label, parts and attributes (sorted by name) */
static void
append_span (GString   *out,
             GlossSpan *span)
{
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func (g_free);

  append_extent (out, span);
  for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
    g_ptr_array_add (attributes, g_strdup_printf ("%s=%s", gloss_span_get_attribute_name (span, i),
                                                  gloss_span_get_attribute_value (span, i)));
  g_ptr_array_sort (attributes, compare_strings);
  for (guint i = 0; i < attributes->len; i++)
    g_string_append_printf (out, "\x1f%s", (const char *)g_ptr_array_index (attributes, i));
}

/* What two versions have alike when they agree exactly */
static char *
dup_signature (GlossDocument *copy,
               Version       *version)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  if (version->span == NULL)
    return g_string_free (out, FALSE);

  append_span (out, version->span);
  for (guint i = 0; i < version->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (version->relations, i);
      GlossSpan *target = gloss_document_lookup_span (copy, gloss_relation_get_to (relation));
      GString *role = g_string_new (gloss_relation_get_label (relation));

      g_string_append_c (role, '\x1e');
      if (target != NULL)
        append_span (role, target);
      g_ptr_array_add (roles, g_string_free (role, FALSE));
    }
  g_ptr_array_sort (roles, compare_strings);
  for (guint i = 0; i < roles->len; i++)
    g_string_append_printf (out, "\x1d%s", (const char *)g_ptr_array_index (roles, i));

  return g_string_free (out, FALSE);
}

static guint64
span_size (GlossSpan *span)
{
  guint64 size = 0;

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      GlossRange part = gloss_span_get_part (span, i);

      size += part.end - part.start;
    }

  return size;
}

/* The code points both cover: the parts of each are in order and apart */
static guint64
span_intersection (GlossSpan *a,
                   GlossSpan *b)
{
  guint na = gloss_span_get_n_parts (a);
  guint nb = gloss_span_get_n_parts (b);
  guint64 shared = 0;
  guint i = 0, j = 0;

  while (i < na && j < nb)
    {
      GlossRange x = gloss_span_get_part (a, i);
      GlossRange y = gloss_span_get_part (b, j);
      guint start = MAX (x.start, y.start);
      guint end = MIN (x.end, y.end);

      if (start < end)
        shared += end - start;
      if (x.end <= y.end)
        i++;
      else
        j++;
    }

  return shared;
}

/* --- Finding the units --------------------------------------------------- */

/* The spans of one label, of one annotator or more, grouped so far */
typedef struct
{
  GlossSpan **members;   /* one per annotator, or NULL */
  guint       start;
  guint       end;       /* the last end of any member */
} Cluster;

/* A candidate span and a cluster it overlaps enough: the overlap as the
 * fraction shared / size, compared exactly (texts have at most 2³⁰ code
 * points, so the products of two such numbers fit in 64 bits) */
typedef struct
{
  guint   candidate;
  guint   cluster;
  guint64 shared;
  guint64 size;
} Pair;

static int
compare_clusters (gconstpointer a,
                  gconstpointer b)
{
  const Cluster *x = *(const Cluster **)a;
  const Cluster *y = *(const Cluster **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  return 0;
}

/* The largest overlap first, then text order */
static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *x = a;
  const Pair *y = b;
  guint64 left = x->shared * y->size;
  guint64 right = y->shared * x->size;

  if (left != right)
    return left > right ? -1 : 1;
  if (x->candidate != y->candidate)
    return x->candidate < y->candidate ? -1 : 1;
  if (x->cluster != y->cluster)
    return x->cluster < y->cluster ? -1 : 1;

  return 0;
}

static void
cluster_add (Cluster   *cluster,
             guint      annotator,
             GlossSpan *span)
{
  cluster->members[annotator] = span;
  cluster->start = MIN (cluster->start, gloss_span_get_start (span));
  cluster->end = MAX (cluster->end, gloss_span_get_end (span));
}

static void
cluster_free (Cluster *cluster)
{
  g_free (cluster->members);
  g_free (cluster);
}

/* Groups @candidates (GPtrArray of GlossSpan per annotator, in text
 * order; NULL for none) into clusters, one annotator after another */
static GPtrArray *
cluster_spans (GPtrArray **candidates,
               guint       n)
{
  GPtrArray *clusters = g_ptr_array_new_with_free_func ((GDestroyNotify)cluster_free);

  for (guint a = 0; a < n; a++)
    {
      GPtrArray *spans = candidates[a];
      g_autoptr(GArray) pairs = NULL;
      g_autofree guint64 *max_end = NULL;
      g_autofree gboolean *taken_span = NULL;
      g_autofree gboolean *taken_cluster = NULL;
      guint n_clusters = clusters->len;

      if (spans == NULL || spans->len == 0)
        continue;

      /* The clusters in text order, with the largest end up to each, to
       * find those a span overlaps without trying all */
      g_ptr_array_sort (clusters, compare_clusters);
      max_end = g_new0 (guint64, n_clusters + 1);
      for (guint c = 0; c < n_clusters; c++)
        max_end[c] = MAX (c > 0 ? max_end[c - 1] : 0, ((Cluster *)g_ptr_array_index (clusters, c))->end);

      pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
      for (guint i = 0; i < spans->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (spans, i);
          guint start = gloss_span_get_start (span);
          guint end = gloss_span_get_end (span);
          guint64 size = span_size (span);
          guint lo = 0, hi = n_clusters;

          /* The first cluster that starts at or after the span's end */
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (((Cluster *)g_ptr_array_index (clusters, mid))->start < end)
                lo = mid + 1;
              else
                hi = mid;
            }

          for (guint c = lo; c-- > 0 && max_end[c] > start;)
            {
              Cluster *cluster = g_ptr_array_index (clusters, c);
              Pair best = { i, c, 0, 1 };

              if (cluster->end <= start)
                continue;

              for (guint b = 0; b < a; b++)
                {
                  GlossSpan *member = cluster->members[b];
                  guint64 shared, total;

                  if (member == NULL)
                    continue;

                  shared = span_intersection (span, member);
                  total = size + span_size (member) - shared;
                  if (shared * best.size > best.shared * total)
                    {
                      best.shared = shared;
                      best.size = total;
                    }
                }

              /* shared / size ≥ 1/2 */
              if (best.shared > 0 && 2 * best.shared >= best.size)
                g_array_append_val (pairs, best);
            }
        }

      g_array_sort (pairs, compare_pairs);
      taken_span = g_new0 (gboolean, spans->len);
      taken_cluster = g_new0 (gboolean, n_clusters);
      for (guint p = 0; p < pairs->len; p++)
        {
          Pair *pair = &g_array_index (pairs, Pair, p);

          if (taken_span[pair->candidate] || taken_cluster[pair->cluster])
            continue;

          taken_span[pair->candidate] = TRUE;
          taken_cluster[pair->cluster] = TRUE;
          cluster_add (g_ptr_array_index (clusters, pair->cluster), a, g_ptr_array_index (spans, pair->candidate));
        }

      for (guint i = 0; i < spans->len; i++)
        if (!taken_span[i])
          {
            Cluster *cluster = g_new0 (Cluster, 1);

            cluster->members = g_new0 (GlossSpan *, n);
            cluster->start = G_MAXUINT;
            cluster_add (cluster, a, g_ptr_array_index (spans, i));
            g_ptr_array_add (clusters, cluster);
          }
    }

  return clusters;
}

/* The span labels that relation labels go from */
static GHashTable *
dup_head_labels (GlossLabelSet *set)
{
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (set);
  GHashTable *heads = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; l < gloss_label_set_get_n_labels (relations); l++)
    {
      const char * const *from = gloss_label_get_from (gloss_label_set_get_label (relations, l));

      for (guint i = 0; from != NULL && from[i] != NULL; i++)
        g_hash_table_add (heads, (gpointer)from[i]);
    }

  return heads;
}

/* Whether a head links @span: then it is a role of that head's unit */
static gboolean
is_role (GlossDocument *copy,
         GlossSpan     *span,
         GHashTable    *heads)
{
  g_autoptr(GPtrArray) relations = gloss_document_dup_relations_to (copy, gloss_span_get_id (span));

  for (guint i = 0; i < relations->len; i++)
    {
      GlossSpan *from = gloss_document_lookup_span (copy, gloss_relation_get_from (g_ptr_array_index (relations, i)));

      if (from != NULL && g_hash_table_contains (heads, gloss_span_get_label (from)))
        return TRUE;
    }

  return FALSE;
}

static int
compare_parts (GlossSpan *a,
               GlossSpan *b)
{
  guint na = gloss_span_get_n_parts (a);
  guint nb = gloss_span_get_n_parts (b);

  for (guint i = 0; i < MIN (na, nb); i++)
    {
      GlossRange x = gloss_span_get_part (a, i);
      GlossRange y = gloss_span_get_part (b, i);

      if (x.start != y.start)
        return x.start < y.start ? -1 : 1;
      if (x.end != y.end)
        return x.end < y.end ? -1 : 1;
    }

  return na == nb ? 0 : na < nb ? -1 : 1;
}

static int
compare_units (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GlossLabelSet *set = user_data;
  const Unit *x = *(const Unit **)a;
  const Unit *y = *(const Unit **)b;
  guint px, py;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  px = (guint)gloss_label_set_get_position (set, x->label);
  py = (guint)gloss_label_set_get_position (set, y->label);
  if (px != py)
    return px < py ? -1 : 1;

  return compare_parts (x->versions[x->key].span, y->versions[y->key].span);
}

static Unit *
unit_new (GlossAdjudication *self,
          const char        *label,
          gboolean           head,
          Cluster           *cluster)
{
  guint n = self->n_copies;
  Unit *unit = g_new0 (Unit, 1);
  const char *agreed = NULL;
  int key = -1;

  unit->label = g_strdup (label);
  unit->head = head;
  unit->n_versions = n;
  unit->versions = g_new0 (Version, n);
  unit->disagreement = -1;
  unit->agreed = TRUE;

  for (guint a = 0; a < n; a++)
    {
      Version *version = &unit->versions[a];
      GlossSpan *span = cluster->members[a];

      if (span != NULL)
        {
          GlossSpan *first = key >= 0 ? unit->versions[key].span : NULL;

          version->span = g_object_ref (span);
          if (first == NULL ||
              gloss_span_get_start (span) < gloss_span_get_start (first) ||
              (gloss_span_get_start (span) == gloss_span_get_start (first) &&
               gloss_span_get_end (span) < gloss_span_get_end (first)))
            key = a;
        }

      version->relations = head && span != NULL
                             ? gloss_document_dup_relations_from (self->copies[a], gloss_span_get_id (span))
                             : g_ptr_array_new_with_free_func (g_object_unref);
      if (self->copies[a] == NULL)
        continue;

      version->signature = dup_signature (self->copies[a], version);
      if (agreed == NULL)
        agreed = version->signature;
      else if (strcmp (agreed, version->signature) != 0)
        unit->agreed = FALSE;
    }

  unit->key = key;
  unit->start = gloss_span_get_start (unit->versions[key].span);
  unit->end = cluster->end;

  return unit;
}

/**
 * _gloss_adjudication_find_units:
 *
 * Groups the copies' spans into units, in text order, and finds which of
 * them every copy has alike.
 */
void
_gloss_adjudication_find_units (GlossAdjudication *self)
{
  guint n = self->n_copies;
  GlossLabelSet *set = gloss_document_get_labels (self->gold);
  g_autoptr(GHashTable) heads = dup_head_labels (set);
  g_autoptr(GHashTable) by_label = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_set_size (self->units, 0);

  /* Each copy's candidates by label, in text order */
  for (guint a = 0; a < n; a++)
    {
      GListModel *spans;

      if (self->copies[a] == NULL)
        continue;

      spans = gloss_document_get_spans (self->copies[a]);
      for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
        {
          g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
          const char *label = gloss_span_get_label (span);
          GPtrArray **candidates;

          if (!g_hash_table_contains (heads, label) && is_role (self->copies[a], span, heads))
            continue;

          candidates = g_hash_table_lookup (by_label, label);
          if (candidates == NULL)
            {
              candidates = g_new0 (GPtrArray *, n);
              g_hash_table_insert (by_label, (gpointer)gloss_span_get_label (span), candidates);
              g_ptr_array_add (labels, (gpointer)gloss_span_get_label (span));
            }
          if (candidates[a] == NULL)
            candidates[a] = g_ptr_array_new ();
          g_ptr_array_add (candidates[a], span);
        }
    }

  for (guint l = 0; l < labels->len; l++)
    {
      const char *label = g_ptr_array_index (labels, l);
      GPtrArray **candidates = g_hash_table_lookup (by_label, label);
      g_autoptr(GPtrArray) clusters = cluster_spans (candidates, n);

      for (guint c = 0; c < clusters->len; c++)
        g_ptr_array_add (self->units, unit_new (self, label, g_hash_table_contains (heads, label),
                                                g_ptr_array_index (clusters, c)));
      for (guint a = 0; a < n; a++)
        g_clear_pointer (&candidates[a], g_ptr_array_unref);
    }

  g_ptr_array_sort_with_data (self->units, compare_units, set);
}

/* --- The gold copy's spans ----------------------------------------------- */

/* The gold's span with the label and parts of @like */
static GlossSpan *
find_gold_span (GlossAdjudication *self,
                GlossSpan         *like)
{
  guint start = gloss_span_get_start (like);
  g_autoptr(GPtrArray) found = gloss_document_dup_spans_in (self->gold, start, start + 1);

  for (guint i = 0; i < found->len; i++)
    if (same_extent (g_ptr_array_index (found, i), like))
      return g_ptr_array_index (found, i);

  return NULL;
}

/* The version whose spans the gold copy holds for @unit now, or -1 */
static int
chosen_version (GlossAdjudication *self,
                Unit              *unit)
{
  GlossAdjudicationDecision *decision;

  if (unit->agreed)
    return unit->key;

  decision = &g_array_index (self->disagreements, GlossAdjudicationDecision, unit->disagreement);
  if (!decision->decided || decision->rejected)
    return -1;

  return decision->accepted;
}

static void
add_version_keys (GlossAdjudication *self,
                  GHashTable        *keys,
                  guint              annotator,
                  Version           *version)
{
  if (version->span == NULL)
    return;

  g_hash_table_add (keys, dup_extent_key (version->span));
  for (guint i = 0; i < version->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (version->relations, i);
      GlossSpan *target = gloss_document_lookup_span (self->copies[annotator], gloss_relation_get_to (relation));

      if (target != NULL)
        g_hash_table_add (keys, dup_extent_key (target));
    }
}

/* The spans, by label and parts, that the gold copy holds for the units
 * other than @except */
static GHashTable *
dup_kept_elsewhere (GlossAdjudication *self,
                    Unit              *except)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (self->units, u);
      int chosen;

      if (unit == except)
        continue;

      chosen = chosen_version (self, unit);
      if (chosen >= 0)
        add_version_keys (self, keys, chosen, &unit->versions[chosen]);
    }

  return keys;
}

static gboolean
has_relations (GlossDocument *gold,
               GlossSpan     *span)
{
  g_autoptr(GPtrArray) to = gloss_document_dup_relations_to (gold, gloss_span_get_id (span));
  g_autoptr(GPtrArray) from = gloss_document_dup_relations_from (gold, gloss_span_get_id (span));

  return to->len > 0 || from->len > 0;
}

static void
add_found (GPtrArray *spans,
           GlossSpan *span)
{
  if (span != NULL && !g_ptr_array_find (spans, span, NULL))
    g_ptr_array_add (spans, g_object_ref (span));
}

/* Takes out of the gold copy what any version of @unit put there, but
 * what other units keep or relations still link */
static gboolean
remove_unit (GlossAdjudication *self,
             Unit              *unit)
{
  g_autoptr(GHashTable) kept = dup_kept_elsewhere (self, unit);
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean changed = FALSE;

  for (guint a = 0; a < unit->n_versions; a++)
    {
      Version *version = &unit->versions[a];

      if (version->span == NULL)
        continue;

      add_found (heads, find_gold_span (self, version->span));
      for (guint i = 0; i < version->relations->len; i++)
        {
          GlossRelation *relation = g_ptr_array_index (version->relations, i);
          GlossSpan *target = gloss_document_lookup_span (self->copies[a], gloss_relation_get_to (relation));

          if (target != NULL)
            add_found (spans, find_gold_span (self, target));
        }
    }

  for (guint i = 0; i < heads->len; i++)
    {
      GlossSpan *head = g_ptr_array_index (heads, i);
      g_autoptr(GPtrArray) relations = gloss_document_dup_relations_from (self->gold, gloss_span_get_id (head));

      for (guint r = 0; r < relations->len; r++)
        changed |= gloss_document_remove_relation (self->gold, gloss_relation_get_id (g_ptr_array_index (relations, r)));
    }

  /* The roles after the heads: a role may be another unit's head */
  for (guint i = 0; i < spans->len; i++)
    add_found (heads, g_ptr_array_index (spans, i));
  for (guint i = 0; i < heads->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (heads, i);
      g_autofree char *key = dup_extent_key (span);

      if (gloss_document_lookup_span (self->gold, gloss_span_get_id (span)) != span ||
          g_hash_table_contains (kept, key) || has_relations (self->gold, span))
        continue;

      changed |= gloss_document_remove_span (self->gold, gloss_span_get_id (span));
    }

  return changed;
}

/* The gold's span like @like (label, parts, attributes), added if the
 * gold has none; its id, or G_MAXUINT when it cannot be added */
static guint
take_span (GlossAdjudication *self,
           GlossSpan         *like,
           const char        *time,
           gboolean          *changed)
{
  GlossSpan *found = find_gold_span (self, like);
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;

  if (found != NULL && same_attributes (found, like))
    return gloss_span_get_id (found);

  if (found != NULL)
    {
      span = gloss_span_copy (found);
      for (guint i = gloss_span_get_n_attributes (span); i-- > 0;)
        gloss_span_set_attribute (span, gloss_span_get_attribute_name (span, i), NULL);
      gloss_span_set_modified (span, time);
    }
  else
    {
      span = gloss_document_new_span (self->gold, gloss_span_get_label (like),
                                      gloss_span_get_parts (like), gloss_span_get_n_parts (like));
      gloss_span_set_annotator (span, self->adjudicator);
      gloss_span_set_created (span, time);
      gloss_span_set_modified (span, time);
    }

  for (guint i = 0; i < gloss_span_get_n_attributes (like); i++)
    gloss_span_set_attribute (span, gloss_span_get_attribute_name (like, i), gloss_span_get_attribute_value (like, i));

  if (found != NULL ? !gloss_document_replace_span (self->gold, span, &error)
                    : !gloss_document_add_span (self->gold, span, &error))
    {
      /* The gold's labels hold every copy's, so this is a bug */
      g_warning ("The gold copy cannot take a span of “%s”: %s", gloss_span_get_label (like), error->message);
      return G_MAXUINT;
    }

  *changed = TRUE;

  return gloss_span_get_id (span);
}

/* Puts @annotator's version of @unit into the gold copy */
static gboolean
add_version (GlossAdjudication *self,
             Unit              *unit,
             guint              annotator)
{
  Version *version = &unit->versions[annotator];
  g_autofree char *time = _gloss_adjudication_dup_now (self);
  gboolean changed = FALSE;
  guint head;

  if (version->span == NULL)
    return FALSE;

  head = take_span (self, version->span, time, &changed);
  if (head == G_MAXUINT)
    return changed;

  for (guint i = 0; i < version->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (version->relations, i);
      GlossSpan *target = gloss_document_lookup_span (self->copies[annotator], gloss_relation_get_to (relation));
      g_autoptr(GPtrArray) existing = NULL;
      g_autoptr(GlossRelation) added = NULL;
      g_autoptr(GError) error = NULL;
      gboolean there = FALSE;
      guint to;

      if (target == NULL || (to = take_span (self, target, time, &changed)) == G_MAXUINT)
        continue;

      existing = gloss_document_dup_relations_from (self->gold, head);
      for (guint r = 0; r < existing->len && !there; r++)
        {
          GlossRelation *other = g_ptr_array_index (existing, r);

          there = gloss_relation_get_to (other) == to &&
                  g_strcmp0 (gloss_relation_get_label (other), gloss_relation_get_label (relation)) == 0;
        }
      if (there)
        continue;

      added = gloss_document_new_relation (self->gold, gloss_relation_get_label (relation), head, to);
      gloss_relation_set_annotator (added, self->adjudicator);
      gloss_relation_set_created (added, time);
      gloss_relation_set_modified (added, time);
      if (!gloss_document_add_relation (self->gold, added, &error))
        g_warning ("The gold copy cannot take a relation “%s”: %s", gloss_relation_get_label (relation), error->message);
      else
        changed = TRUE;
    }

  return changed;
}

/**
 * _gloss_adjudication_fill_agreed_units:
 *
 * Puts every unit that the copies have alike into a new gold copy, as it
 * is, not as a step to undo.
 */
void
_gloss_adjudication_fill_agreed_units (GlossAdjudication *self)
{
  gboolean changed = FALSE;

  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (self->units, u);

      if (unit->agreed)
        changed |= add_version (self, unit, unit->key);
    }

  if (changed)
    gloss_history_clear (gloss_document_get_history (self->gold));
}

/**
 * _gloss_adjudication_decide_unit:
 * @annotator: whose version the gold copy takes, or -1 for none
 *
 * Changes the gold copy for a decision, in the history's open group; the
 * decision itself is not recorded yet, so the gold copy's spans of the
 * unit are found by every version.
 *
 * Returns: whether the gold copy changed
 */
gboolean
_gloss_adjudication_decide_unit (GlossAdjudication *self,
                                 guint              unit,
                                 int                annotator)
{
  Unit *the_unit = g_ptr_array_index (self->units, unit);
  gboolean changed = remove_unit (self, the_unit);

  if (annotator >= 0)
    changed |= add_version (self, the_unit, annotator);

  return changed;
}

/* --- The record in meta.adjudication ------------------------------------- */

/**
 * _gloss_adjudication_build_unit_record:
 *
 * Adds the record of a decided unit to the "decisions" array @builder is
 * in.
 */
void
_gloss_adjudication_build_unit_record (GlossAdjudication         *self,
                                       JsonBuilder               *builder,
                                       GlossAdjudicationDecision *decision)
{
  Unit *unit = g_ptr_array_index (self->units, decision->position);
  GlossSpan *key = unit->versions[unit->key].span;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, unit->label);
  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_span_get_n_parts (key); i++)
    {
      GlossRange part = gloss_span_get_part (key, i);

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, part.start);
      json_builder_add_int_value (builder, part.end);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  if (decision->rejected)
    {
      json_builder_set_member_name (builder, "rejected");
      json_builder_add_boolean_value (builder, TRUE);
    }
  _gloss_adjudication_build_decided (self, builder, decision);
}

/* The parts of a record, or FALSE when they are not whole numbers in
 * order */
static gboolean
read_parts (JsonObject *record,
            GArray     *parts)
{
  JsonNode *node = json_object_get_member (record, "parts");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonArray *pair;
      gint64 bounds[2];

      if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (json_node_get_array (element)) != 2)
        return FALSE;

      pair = json_node_get_array (element);
      for (guint b = 0; b < 2; b++)
        {
          JsonNode *bound = json_array_get_element (pair, b);

          if (!JSON_NODE_HOLDS_VALUE (bound) || json_node_get_value_type (bound) != G_TYPE_INT64)
            return FALSE;
          bounds[b] = json_node_get_int (bound);
        }
      if (bounds[0] < 0 || bounds[0] >= bounds[1] || bounds[1] > G_MAXUINT)
        return FALSE;

      g_array_append_val (parts, ((GlossRange) { bounds[0], bounds[1] }));
    }

  return parts->len > 0;
}

/**
 * _gloss_adjudication_find_unit_record:
 * @record: a decision of meta.adjudication with "label" and "parts"
 *
 * Returns: the disagreement the record decides: the unit with a span of
 *   exactly that label and those parts; -1 when none has, or the copies
 *   agree on it
 */
int
_gloss_adjudication_find_unit_record (GlossAdjudication *self,
                                      JsonObject        *record)
{
  JsonNode *node = json_object_get_member (record, "label");
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  const char *label;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !read_parts (record, parts))
    return -1;

  label = json_node_get_string (node);
  for (guint u = 0; u < self->units->len; u++)
    {
      Unit *unit = g_ptr_array_index (self->units, u);

      if (unit->agreed || strcmp (unit->label, label) != 0)
        continue;

      for (guint a = 0; a < unit->n_versions; a++)
        if (unit->versions[a].span != NULL &&
            has_extent (unit->versions[a].span, label, (GlossRange *)parts->data, parts->len))
          return unit->disagreement;
    }

  return -1;
}
