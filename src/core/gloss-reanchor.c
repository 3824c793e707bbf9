/* gloss-reanchor.c
 *
 * When a text changes after it was annotated (a typo fixed, a paragraph
 * added, the boilerplate cut), its annotations are looked up in the new
 * text by the text they recorded instead of being thrown away: an exact
 * match nearest the old position first, then the most similar sentence
 * nearby. What cannot be placed is kept in the file as an orphan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem(), for a search within a stretch of the text */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-reanchor.h"
#include "gloss-label.h"
#include "gloss-sentence.h"
#include "gloss-span-private.h"
#include "gloss-text.h"

/* How many sentences of the new text, on each side of where a sentence is
 * expected, are compared with it when it is not found as it was */
#define FUZZY_WINDOW 12

/* How far (in code points) on each side of where a sentence is expected
 * its text is looked for first; the stretch doubles until it is found */
#define EXACT_RADIUS 256

typedef struct
{
  guint      sentence;
  guint      old_start;
  guint      old_end;
  const char *text;
  GPtrArray *annotations;   /* JsonObject, borrowed from the parsed file */
} Group;

void
gloss_anchor_free (GlossAnchor *anchor)
{
  if (anchor == NULL)
    return;

  g_free (anchor->old_text);
  g_free (anchor->new_text);
  g_free (anchor->label);
  g_free (anchor);
}

const char *
gloss_anchor_status_to_string (GlossAnchorStatus status)
{
  switch (status)
    {
    case GLOSS_ANCHOR_KEPT:
      return _("kept");
    case GLOSS_ANCHOR_MOVED:
      return _("moved");
    case GLOSS_ANCHOR_CHANGED:
      return _("changed");
    case GLOSS_ANCHOR_LOST:
      return _("not found");
    default:
      g_assert_not_reached ();
    }
}

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->annotations);
  g_free (group);
}

/**
 * gloss_similarity:
 *
 * Returns: 1 minus the edit distance of @a and @b (in code points) divided
 *   by the longer length: 1 for equal texts, 0 for nothing in common
 */
double
gloss_similarity (const char *a,
                  const char *b)
{
  g_autofree gunichar *x = NULL;
  g_autofree gunichar *y = NULL;
  g_autofree guint *row = NULL;
  glong n, m;

  x = g_utf8_to_ucs4_fast (a, -1, &n);
  y = g_utf8_to_ucs4_fast (b, -1, &m);

  if (n == 0 && m == 0)
    return 1.0;

  /* Lengths alone can rule a pair out, before the quadratic part */
  if ((double)ABS (n - m) / MAX (n, m) > 1.0 - GLOSS_REANCHOR_MIN_SIMILARITY + 0.1)
    return 1.0 - (double)ABS (n - m) / MAX (n, m);

  row = g_new (guint, m + 1);
  for (glong j = 0; j <= m; j++)
    row[j] = j;

  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = x[i - 1] == y[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return 1.0 - (double)row[m] / MAX (n, m);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  guint x = GPOINTER_TO_UINT (a);
  guint y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

/* The sentences placed so far, by start (-> end): they never overlap, so
 * the only one that can overlap a span is the last that starts before its
 * end, and a search finds it. Placing 100 000 sentences must not compare
 * each with all placed before it. */
static GTree *
taken_new (void)
{
  return g_tree_new_full (compare_offsets, NULL, NULL, NULL);
}

static void
taken_add (GTree      *taken,
           GlossRange *span)
{
  g_tree_insert (taken, GUINT_TO_POINTER (span->start), GUINT_TO_POINTER (span->end));
}

static gboolean
overlaps_any (GTree *taken,
              guint  start,
              guint  end)
{
  GTreeNode *node = g_tree_lower_bound (taken, GUINT_TO_POINTER (end));

  node = node != NULL ? g_tree_node_previous (node) : g_tree_node_last (taken);

  return node != NULL && GPOINTER_TO_UINT (g_tree_node_value (node)) > start;
}

/* The exact occurrence of @needle nearest @expected that overlaps no
 * sentence placed already; of two as near, the earlier. Looked for in a
 * stretch around @expected that doubles until it holds one: an
 * occurrence found within the stretch's radius is nearer than any
 * outside it, and a text that did not change has it right at @expected,
 * so a search of the whole text for each sentence is rare. */
static gboolean
find_exact (GlossText  *text,
            const char *needle,
            guint       expected,
            GTree      *taken,
            GlossRange *found)
{
  const char *contents = gloss_text_get_contents (text);
  gsize needle_bytes = strlen (needle);
  guint length = g_utf8_strlen (needle, -1);
  guint text_length = gloss_text_get_length (text);
  gsize n_bytes = gloss_text_get_n_bytes (text);
  guint best_distance = G_MAXUINT;

  if (needle[0] == '\0')
    return FALSE;

  expected = MIN (expected, text_length);

  for (guint radius = EXACT_RADIUS; ; radius = radius > G_MAXUINT / 2 ? G_MAXUINT : 2 * radius)
    {
      guint lo = expected > radius ? expected - radius : 0;
      guint hi = text_length - expected > radius ? expected + radius : text_length;
      const char *p = contents + gloss_text_get_byte_offset (text, lo);
      const char *last = contents + gloss_text_get_byte_offset (text, hi);
      const char *end = contents + MIN (n_bytes, (gsize)(last - contents) + needle_bytes);

      /* Occurrences that start in [lo, hi] */
      while (p < end && (p = memmem (p, end - p, needle, needle_bytes)) != NULL && p <= last)
        {
          guint start = gloss_text_get_char_offset (text, p - contents);
          guint distance = start > expected ? start - expected : expected - start;

          if (distance < best_distance && !overlaps_any (taken, start, start + length))
            {
              best_distance = distance;
              found->start = start;
              found->end = start + length;
            }

          p = g_utf8_next_char (p);
        }

      if (best_distance <= radius || (lo == 0 && hi == text_length))
        break;
    }

  return best_distance != G_MAXUINT;
}

/* The most similar run of one to three sentences of the new text near
 * where the old sentence is expected */
static gboolean
find_similar (GlossText  *text,
              GArray     *spans,
              const char *needle,
              guint       expected,
              GTree      *taken,
              GlossRange *found,
              double     *similarity)
{
  guint center = 0;
  guint first, last;
  double best = 0;

  /* The first sentence that ends after @expected, or the last one */
  for (guint hi = spans->len > 0 ? spans->len - 1 : 0; center < hi;)
    {
      guint mid = center + (hi - center) / 2;

      if (g_array_index (spans, GlossRange, mid).end <= expected)
        center = mid + 1;
      else
        hi = mid;
    }

  first = center > FUZZY_WINDOW ? center - FUZZY_WINDOW : 0;
  last = MIN (center + FUZZY_WINDOW + 1, spans->len);

  for (guint i = first; i < last; i++)
    {
      for (guint k = i; k < MIN (i + 3, spans->len); k++)
        {
          guint start = g_array_index (spans, GlossRange, i).start;
          guint end = g_array_index (spans, GlossRange, k).end;
          g_autofree char *candidate = NULL;
          double score;

          if (overlaps_any (taken, start, end))
            continue;

          candidate = gloss_text_dup_slice (text, start, end);
          score = gloss_similarity (needle, candidate);
          if (score > best)
            {
              best = score;
              found->start = start;
              found->end = end;
            }
        }
    }

  *similarity = best;

  return best >= GLOSS_REANCHOR_MIN_SIMILARITY;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(const Group **)a;
  const Group *y = *(const Group **)b;

  if (x->old_start != y->old_start)
    return x->old_start < y->old_start ? -1 : 1;

  return 0;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GlossRange *x = a;
  const GlossRange *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;

  return 0;
}

static gboolean
is_space_at (GlossText *text,
             guint      offset)
{
  const char *p = gloss_text_get_contents (text) + gloss_text_get_byte_offset (text, offset);

  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Adds what is left of a segmented sentence beside the placed ones,
 * @taken sorted by start (and so by end: they do not overlap) */
static void
add_rest (GlossText *text,
          GArray    *out,
          GArray    *taken,
          GTree     *taken_tree,
          guint      start,
          guint      end)
{
  guint i = 0;

  /* The placed ones that end before the sentence cannot touch it */
  for (guint hi = taken->len; i < hi;)
    {
      guint mid = i + (hi - i) / 2;

      if (g_array_index (taken, GlossRange, mid).end <= start)
        i = mid + 1;
      else
        hi = mid;
    }

  for (; i < taken->len && start < end; i++)
    {
      GlossRange *span = &g_array_index (taken, GlossRange, i);

      if (span->start >= end)
        break;
      if (span->end <= start)
        continue;

      if (span->start > start)
        add_rest (text, out, taken, taken_tree, start, span->start);
      start = MAX (start, span->end);
    }

  while (start < end && is_space_at (text, start))
    start++;
  while (end > start && is_space_at (text, end - 1))
    end--;

  if (start < end && !overlaps_any (taken_tree, start, end))
    {
      GlossRange rest = { start, end };

      g_array_append_val (out, rest);
    }
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The first of @problems, if any, as the error of the whole re-anchoring */
static gboolean
check_problems (GPtrArray  *problems,
                GError    **error)
{
  GlossProblem *problem;

  if (problems->len == 0)
    return TRUE;

  problem = g_ptr_array_index (problems, 0);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
               _("The annotation file cannot be re-anchored: %s: %s"), problem->path, problem->message);

  return FALSE;
}

/* Reads the annotations of the old file, grouped by sentence. The offsets
 * refer to a text that is gone, so only their form is checked. */
typedef struct
{
  guint id;
  guint start;
  guint end;
} OldSentence;

static GPtrArray *
read_groups (JsonObject  *root,
             guint       *max_id,
             GArray      *old_sentences,
             GError     **error)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GHashTable) by_sentence = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  JsonArray *sentences, *annotations;

  sentences = gloss_json_get_array (root, "sentences", "$", problems);
  annotations = gloss_json_get_array (root, "annotations", "$", problems);

  for (guint i = 0; sentences != NULL && i < json_array_get_length (sentences); i++)
    {
      JsonNode *node = json_array_get_element (sentences, i);
      g_autofree char *path = g_strdup_printf ("$.sentences[%u]", i);
      guint id;

      OldSentence old;

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          gloss_json_get_uint (json_node_get_object (node), "id", path, G_MAXUINT - 1, &id, problems))
        {
          *max_id = MAX (*max_id, id);
          old.id = id;
          if (gloss_json_get_uint (json_node_get_object (node), "start", path, G_MAXUINT, &old.start, problems) &&
              gloss_json_get_uint (json_node_get_object (node), "end", path, G_MAXUINT, &old.end, problems))
            g_array_append_val (old_sentences, old);
        }
    }

  for (guint i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
    {
      JsonNode *node = json_array_get_element (annotations, i);
      g_autofree char *path = g_strdup_printf ("$.annotations[%u]", i);
      JsonObject *object;
      Group *group;
      guint start, end, sentence;
      const char *text;
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gloss_problems_add (problems, path, _("An annotation must be an object, not %s"),
                              gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      ok = gloss_json_get_uint (object, "start", path, G_MAXUINT, &start, problems);
      ok &= gloss_json_get_uint (object, "end", path, G_MAXUINT, &end, problems);
      ok &= gloss_json_get_uint (object, "sentence", path, G_MAXUINT - 1, &sentence, problems);
      ok &= gloss_json_get_uint (object, "id", path, G_MAXUINT - 1, &(guint){0}, problems);
      ok &= gloss_json_get_string (object, "label", path, TRUE, problems) != NULL;
      text = gloss_json_get_string (object, "text", path, TRUE, problems);
      if (!ok || text == NULL)
        continue;

      group = g_hash_table_lookup (by_sentence, GUINT_TO_POINTER (sentence));
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->sentence = sentence;
          group->old_start = start;
          group->old_end = end;
          group->text = text;
          group->annotations = g_ptr_array_new ();
          g_hash_table_insert (by_sentence, GUINT_TO_POINTER (sentence), group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->annotations, object);
    }

  if (!check_problems (problems, error))
    return NULL;

  g_ptr_array_sort (groups, compare_groups);

  return g_steal_pointer (&groups);
}

static GlossAnnotation *
annotation_from_json (JsonObject  *object,
                      GlossText   *text,
                      GlossRange  *span,
                      guint        sentence,
                      gboolean     changed,
                      const char  *now)
{
  g_autofree char *slice = gloss_text_dup_slice (text, span->start, span->end);
  JsonNode *review = json_object_get_member (object, "review");
  const char *modified = get_string (object, "modified");
  GlossAnnotation *annotation;

  annotation = gloss_annotation_new (json_object_get_int_member (object, "id"),
                                     get_string (object, "label"),
                                     span->start, span->end, slice, sentence,
                                     get_string (object, "note"),
                                     get_string (object, "annotator"),
                                     get_string (object, "created"),
                                     changed || modified == NULL ? now : modified);
  gloss_annotation_set_review (annotation,
                               changed || (review != NULL && JSON_NODE_HOLDS_VALUE (review) &&
                                           json_node_get_value_type (review) == G_TYPE_BOOLEAN &&
                                           json_node_get_boolean (review)));

  return annotation;
}

/* Spans and relations of the old file. A span's parts are placed one by
 * one, the longest first (a quote before the "sagte" next to it): each is
 * looked up by its text nearest where the parts and sentences placed so
 * far put it, so a short part is found beside its long neighbour rather
 * than at the first place its word occurs. A span with a part that cannot
 * be placed, and a relation with a span that was not, are kept whole as
 * orphans. */
typedef struct
{
  JsonObject *object;     /* borrowed from the parsed file */
  guint       id;
  const char *label;
  GArray     *old_parts;  /* of GlossRange */
  GArray     *new_parts;
  GPtrArray  *texts;      /* borrowed, NULL-terminated */
  gboolean    lost;
  gboolean    moved_apart; /* a part not where its neighbours put it */
} OldSpan;

static void
old_span_free (OldSpan *span)
{
  g_array_unref (span->old_parts);
  g_array_unref (span->new_parts);
  g_ptr_array_unref (span->texts);
  g_free (span);
}

/* Reads the spans of the old file; only their form is checked */
static GPtrArray *
read_old_spans (JsonObject  *root,
                GError     **error)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify)old_span_free);
  JsonArray *array = NULL;

  if (json_object_has_member (root, "spans"))
    array = gloss_json_get_array (root, "spans", "$", problems);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("$.spans[%u]", i);
      JsonArray *parts, *texts;
      OldSpan *span;
      guint n_problems = problems->len;
      guint id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gloss_problems_add (problems, path, _("A span must be an object, not %s"), gloss_json_type_name (node));
          continue;
        }

      span = g_new0 (OldSpan, 1);
      span->object = json_node_get_object (node);
      span->old_parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
      span->new_parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
      span->texts = g_ptr_array_new ();
      g_ptr_array_add (spans, span);

      gloss_json_get_uint (span->object, "id", path, G_MAXUINT - 1, &id, problems);
      span->id = id;
      span->label = gloss_json_get_string (span->object, "label", path, TRUE, problems);
      parts = gloss_json_get_array (span->object, "parts", path, problems);
      texts = gloss_json_get_array (span->object, "text", path, problems);
      if (problems->len > n_problems)
        continue;

      for (guint k = 0; k < json_array_get_length (parts) && k < json_array_get_length (texts); k++)
        {
          JsonNode *part = json_array_get_element (parts, k);
          JsonNode *text = json_array_get_element (texts, k);
          GlossRange range = { 0, 0 };
          JsonArray *pair;

          pair = JSON_NODE_HOLDS_ARRAY (part) ? json_node_get_array (part) : NULL;
          if (pair == NULL || json_array_get_length (pair) != 2 ||
              gloss_json_node_kind (json_array_get_element (pair, 0)) != GLOSS_JSON_INTEGER ||
              gloss_json_node_kind (json_array_get_element (pair, 1)) != GLOSS_JSON_INTEGER ||
              json_array_get_int_element (pair, 0) < 0 || json_array_get_int_element (pair, 0) > G_MAXUINT ||
              json_array_get_int_element (pair, 1) < 0 || json_array_get_int_element (pair, 1) > G_MAXUINT ||
              gloss_json_node_kind (text) != GLOSS_JSON_STRING)
            {
              gloss_problems_add (problems, path, _("A part must be two whole numbers [start, end] with its text"));
              break;
            }

          range.start = json_array_get_int_element (pair, 0);
          range.end = json_array_get_int_element (pair, 1);
          g_array_append_val (span->old_parts, range);
          g_ptr_array_add (span->texts, (gpointer)json_node_get_string (text));
        }

      if (json_array_get_length (parts) == 0 || json_array_get_length (parts) != json_array_get_length (texts))
        gloss_problems_add (problems, path, _("A span has at least one part, and a text for each"));
      g_ptr_array_add (span->texts, NULL);
    }

  if (!check_problems (problems, error))
    return NULL;

  return g_steal_pointer (&spans);
}

/* Where the text at @old is expected now: moved as the nearest placed
 * text before it moved (@before), or else the nearest after it */
static guint
expected_offset (GTree    *anchors,
                 guint     old,
                 gboolean *before)
{
  GTreeNode *node = g_tree_upper_bound (anchors, GUINT_TO_POINTER (old));
  gint64 expected;

  node = node != NULL ? g_tree_node_previous (node) : g_tree_node_last (anchors);
  *before = node != NULL;
  if (node == NULL)
    node = g_tree_node_first (anchors);
  if (node == NULL)
    return old;

  expected = (gint64)old + GPOINTER_TO_UINT (g_tree_node_value (node)) - GPOINTER_TO_UINT (g_tree_node_key (node));

  return (guint)CLAMP (expected, 0, G_MAXUINT);
}

typedef struct
{
  OldSpan *span;
  guint    part;
  guint    length;
} OldPart;

static int
compare_old_parts (gconstpointer a,
                   gconstpointer b)
{
  const OldPart *x = a;
  const OldPart *y = b;
  guint sx = g_array_index (x->span->old_parts, GlossRange, x->part).start;
  guint sy = g_array_index (y->span->old_parts, GlossRange, y->part).start;

  if (x->length != y->length)
    return x->length > y->length ? -1 : 1;
  if (sx != sy)
    return sx < sy ? -1 : 1;
  if (x->span->id != y->span->id)
    return x->span->id < y->span->id ? -1 : 1;

  return (x->part > y->part) - (x->part < y->part);
}

static void
place_parts (GlossText *text,
             GPtrArray *spans,
             GTree     *anchors)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (OldPart));
  g_autoptr(GTree) nothing_taken = taken_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      OldSpan *span = g_ptr_array_index (spans, i);

      g_array_set_size (span->new_parts, span->old_parts->len);
      for (guint k = 0; k < span->old_parts->len; k++)
        {
          OldPart part = { span, k, g_utf8_strlen (g_ptr_array_index (span->texts, k), -1) };

          g_array_append_val (parts, part);
        }
    }
  g_array_sort (parts, compare_old_parts);

  for (guint i = 0; i < parts->len; i++)
    {
      OldPart *part = &g_array_index (parts, OldPart, i);
      GlossRange *old = &g_array_index (part->span->old_parts, GlossRange, part->part);
      GlossRange *found = &g_array_index (part->span->new_parts, GlossRange, part->part);
      gboolean before;
      guint expected;

      if (part->span->lost)
        continue;

      expected = expected_offset (anchors, old->start, &before);
      if (!find_exact (text, g_ptr_array_index (part->span->texts, part->part), expected, nothing_taken, found))
        {
          part->span->lost = TRUE;
          continue;
        }

      /* Text changed between the part and the one before it: the same
       * words may have been found elsewhere; a person should look. With
       * nothing placed before it, there is nothing to tell. */
      part->span->moved_apart |= before && found->start != expected;
      g_tree_insert (anchors, GUINT_TO_POINTER (old->start), GUINT_TO_POINTER (found->start));
    }
}

static void
set_from_json (GlossSpanInfo *info,
               JsonObject    *object)
{
  const char *members[] = { "note", "annotator", "created", "modified", "origin", "suggester" };
  char **fields[] = { &info->note, &info->annotator, &info->created, &info->modified,
                      &info->origin, &info->suggester };
  JsonNode *review = json_object_get_member (object, "review");

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = get_string (object, members[i]);

      if (value != NULL || i >= 4)
        _gloss_span_info_set (info, fields[i], value);
    }

  info->review = review != NULL && JSON_NODE_HOLDS_VALUE (review) &&
                 json_node_get_value_type (review) == G_TYPE_BOOLEAN && json_node_get_boolean (review);
}

/* @object as an orphan: the same members, after "kind" */
static JsonObject *
orphan_of (JsonObject *object,
           const char *kind)
{
  JsonObject *orphan = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (object);

  if (!json_object_has_member (object, "kind"))
    json_object_set_string_member (orphan, "kind", kind);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (orphan, l->data, json_node_copy (json_object_get_member (object, l->data)));

  return orphan;
}

static GlossAnchor *
span_anchor (OldSpan   *old,
             GlossSpan *placed)
{
  GlossAnchor *anchor = g_new0 (GlossAnchor, 1);
  GlossRange *first = &g_array_index (old->old_parts, GlossRange, 0);
  GlossRange *last = &g_array_index (old->old_parts, GlossRange, old->old_parts->len - 1);

  anchor->kind = GLOSS_ANCHOR_SPAN;
  anchor->sentence = old->id;
  anchor->label = g_strdup (old->label);
  anchor->old_start = first->start;
  anchor->old_end = last->end;
  anchor->n_annotations = 1;
  anchor->old_text = g_strjoinv (" … ", (char **)old->texts->pdata);

  if (placed == NULL)
    {
      anchor->status = GLOSS_ANCHOR_LOST;
      return anchor;
    }

  anchor->new_start = gloss_span_get_start (placed);
  anchor->new_end = gloss_span_get_end (placed);
  anchor->new_text = gloss_span_dup_text (placed, " … ");
  anchor->similarity = 1.0;
  if (old->moved_apart)
    anchor->status = GLOSS_ANCHOR_CHANGED;
  else if (memcmp (old->old_parts->data, old->new_parts->data, old->old_parts->len * sizeof (GlossRange)) == 0)
    anchor->status = GLOSS_ANCHOR_KEPT;
  else
    anchor->status = GLOSS_ANCHOR_MOVED;

  return anchor;
}

/* Places the old spans in the document, then the relations between
 * those placed; what cannot be placed goes to @orphans. @anchors: where
 * the old text is now, as far as known (old offset -> new offset). */
static void
reanchor_spans (GlossDocument *document,
                JsonObject    *root,
                GPtrArray     *old_spans,
                GTree         *anchors,
                JsonArray     *orphans,
                GPtrArray     *result)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  GlossText *text = gloss_document_get_text (document);
  JsonNode *node = json_object_get_member (root, "relations");
  guint next_span = 0, next_relation = 0;

  place_parts (text, old_spans, anchors);

  for (guint i = 0; i < old_spans->len; i++)
    {
      OldSpan *old = g_ptr_array_index (old_spans, i);
      g_autoptr(GlossSpan) span = NULL;
      JsonNode *attributes = json_object_get_member (old->object, "attributes");
      GlossLabel *label = gloss_label_set_lookup (gloss_document_get_labels (document), old->label);

      next_span = MAX (next_span, old->id + 1);

      if (!old->lost && !g_hash_table_contains (placed, GUINT_TO_POINTER (old->id)))
        {
          span = gloss_span_new (old->id, old->label, (GlossRange *)old->new_parts->data, old->new_parts->len,
                                 (const char * const *)old->texts->pdata);
          if (attributes != NULL && JSON_NODE_HOLDS_OBJECT (attributes))
            {
              g_autoptr(GList) names = json_object_get_members (json_node_get_object (attributes));

              for (GList *l = names; l != NULL; l = l->next)
                gloss_span_set_attribute (span, l->data, get_string (json_node_get_object (attributes), l->data));
            }
          set_from_json (_gloss_span_get_info (span), old->object);
          gloss_span_set_review (span, gloss_span_get_review (span) || old->moved_apart);

          /* Parts that came out of order, a label the set no longer has … */
          g_ptr_array_set_size (problems, 0);
          if (!_gloss_document_check_span (document, span, "$", TRUE, problems))
            g_clear_object (&span);
          else
            _gloss_span_sort_attributes (span, label);
        }

      if (span != NULL)
        {
          g_hash_table_insert (placed, GUINT_TO_POINTER (old->id), span);
          g_ptr_array_add (spans, g_object_ref (span));
        }
      else
        json_array_add_object_element (orphans, orphan_of (old->object, "span"));

      if (result != NULL)
        g_ptr_array_add (result, span_anchor (old, span));
    }
  _gloss_document_add_loaded_spans (document, spans);

  for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      g_autoptr(GlossRelation) relation = NULL;
      JsonObject *object;
      JsonNode *ids[3];

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      object = json_node_get_object (element);
      ids[0] = json_object_get_member (object, "id");
      ids[1] = json_object_get_member (object, "from");
      ids[2] = json_object_get_member (object, "to");
      if (gloss_json_node_kind (ids[0]) == GLOSS_JSON_INTEGER && gloss_json_node_kind (ids[1]) == GLOSS_JSON_INTEGER &&
          gloss_json_node_kind (ids[2]) == GLOSS_JSON_INTEGER && get_string (object, "label") != NULL &&
          json_node_get_int (ids[0]) >= 0 && json_node_get_int (ids[0]) < G_MAXUINT &&
          g_hash_table_contains (placed, GUINT_TO_POINTER ((guint)json_node_get_int (ids[1]))) &&
          g_hash_table_contains (placed, GUINT_TO_POINTER ((guint)json_node_get_int (ids[2]))) &&
          json_node_get_int (ids[1]) >= 0 && json_node_get_int (ids[2]) >= 0)
        {
          relation = gloss_relation_new (json_node_get_int (ids[0]), get_string (object, "label"),
                                         json_node_get_int (ids[1]), json_node_get_int (ids[2]));
          set_from_json (_gloss_relation_get_info (relation), object);
          g_ptr_array_set_size (problems, 0);
          if (!_gloss_document_check_relation (document, relation, "$", problems))
            g_clear_object (&relation);
        }

      if (gloss_json_node_kind (ids[0]) == GLOSS_JSON_INTEGER && json_node_get_int (ids[0]) >= 0 &&
          json_node_get_int (ids[0]) < G_MAXUINT)
        next_relation = MAX (next_relation, json_node_get_int (ids[0]) + 1);

      if (relation != NULL)
        {
          g_ptr_array_add (relations, g_steal_pointer (&relation));
          continue;
        }

      json_array_add_object_element (orphans, orphan_of (object, "relation"));
      if (result != NULL)
        {
          GlossAnchor *anchor = g_new0 (GlossAnchor, 1);

          anchor->kind = GLOSS_ANCHOR_RELATION;
          anchor->status = GLOSS_ANCHOR_LOST;
          anchor->sentence = gloss_json_node_kind (ids[0]) == GLOSS_JSON_INTEGER ? json_node_get_int (ids[0]) : 0;
          anchor->from = gloss_json_node_kind (ids[1]) == GLOSS_JSON_INTEGER ? json_node_get_int (ids[1]) : 0;
          anchor->to = gloss_json_node_kind (ids[2]) == GLOSS_JSON_INTEGER ? json_node_get_int (ids[2]) : 0;
          anchor->label = g_strdup (get_string (object, "label"));
          anchor->n_annotations = 1;
          g_ptr_array_add (result, anchor);
        }
    }
  _gloss_document_add_loaded_relations (document, relations);

  /* An orphan's id is never given again */
  _gloss_document_reserve_ids (document, next_span, next_relation);
}

/**
 * gloss_reanchor_load_text:
 * @data: the annotation file
 *
 * Reads the changed text in the encoding the annotation file records
 * (UTF-8 unless it says otherwise).
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_reanchor_load_text (GFile         *text_file,
                          const char    *data,
                          gsize          length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *encoding = gloss_format_dup_encoding (data, length);

  return gloss_text_load_encoded (text_file, encoding, cancellable, error);
}

/**
 * gloss_reanchor:
 *
 * gloss_reanchor_full() without the report on spans and relations.
 */
GlossDocument *
gloss_reanchor (GFile          *file,
                GlossText      *text,
                const char     *data,
                gsize           length,
                const char     *language,
                GlossLabelSet  *labels,
                GPtrArray     **anchors,
                GError        **error)
{
  return gloss_reanchor_full (file, text, data, length, language, labels, anchors, NULL, error);
}

/**
 * gloss_reanchor_full:
 * @file: (nullable): the text file, where the document will be saved
 * @text: the text as it is now
 * @data: the annotation file written for the text as it was
 * @language: (nullable): the language if the file does not say
 * @labels: (nullable): the project's labels, which win over the file's
 * @anchors: (out) (optional) (element-type GlossAnchor): what became of
 *   each annotated sentence, in the old text's order
 * @span_anchors: (out) (optional) (element-type GlossAnchor): what became
 *   of each span, in the old file's order, then of each relation lost
 *
 * Builds the document for the new text: the annotated sentences placed
 * where their text is now, the rest split afresh, each part of a span
 * placed where its text is now, and annotations, spans and relations that
 * found no place kept as orphans (never deleted). Nothing is written.
 *
 * Returns: (transfer full): the document, or %NULL with @error set when
 *   the file is not one Gloss can re-anchor
 */
GlossDocument *
gloss_reanchor_full (GFile          *file,
                     GlossText      *text,
                     const char     *data,
                     gsize           length,
                     const char     *language,
                     GlossLabelSet  *labels,
                     GPtrArray     **anchors,
                     GPtrArray     **span_anchors,
                     GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_anchor_free);
  g_autoptr(GlossLabelSet) file_labels = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GArray) segmented = NULL;
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autoptr(GTree) taken_tree = taken_new ();
  g_autoptr(GArray) all_spans = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonArray) orphans = json_array_new ();
  g_autoptr(GHashTable) span_ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) old_sentences = g_array_new (FALSE, FALSE, sizeof (OldSentence));
  g_autoptr(GArray) shifts = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  g_autoptr(GPtrArray) old_spans = NULL;
  g_autoptr(GPtrArray) span_result = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_anchor_free);
  g_autoptr(GTree) offsets = taken_new ();
  g_autofree char *now = gloss_timestamp_now ();
  JsonObject *object;
  JsonNode *node;
  const char *string;
  guint max_id = 0;
  guint next_id;
  int shift = 0;

  g_return_val_if_fail (GLOSS_IS_TEXT (text), NULL);

  root = gloss_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (get_string (json_node_get_object (root), "format"), "gloss") != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("The file is not a Gloss annotation file"));
      return NULL;
    }

  object = json_node_get_object (root);
  if (json_object_has_member (object, "version") &&
      json_object_get_int_member (object, "version") > GLOSS_FORMAT_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("The file is of a newer version than this Gloss reads: update Gloss"));
      return NULL;
    }

  groups = read_groups (object, &max_id, old_sentences, error);
  if (groups == NULL)
    return NULL;

  old_spans = read_old_spans (object, error);
  if (old_spans == NULL)
    return NULL;

  string = get_string (object, "language");
  if (g_strcmp0 (string, "de") == 0 || g_strcmp0 (string, "en") == 0)
    language = string;

  node = json_object_get_member (object, "labels");
  if (labels == NULL && node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GPtrArray) problems = gloss_problems_new ();

      file_labels = gloss_label_set_new_from_object (object, "$", problems);
    }

  /* The new text split afresh: the sentences no annotation holds in place.
   * Only spans: the document gets its sentences once, at the end. */
  document = _gloss_document_new_empty (text, language, labels ? labels : file_labels);
  segmented = _gloss_document_split (document);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      GlossAnchor *anchor = g_new0 (GlossAnchor, 1);
      guint expected = (guint)MAX (0, (int)group->old_start + shift);
      GlossRange span = { 0, 0 };
      double similarity = 0;

      anchor->sentence = group->sentence;
      anchor->old_start = group->old_start;
      anchor->old_end = group->old_end;
      anchor->old_text = g_strdup (group->text);
      anchor->n_annotations = group->annotations->len;

      if (find_exact (text, group->text, expected, taken_tree, &span))
        {
          anchor->status = span.start == group->old_start ? GLOSS_ANCHOR_KEPT : GLOSS_ANCHOR_MOVED;
          anchor->similarity = 1.0;
        }
      else if (find_similar (text, segmented, group->text, expected, taken_tree, &span, &similarity))
        {
          anchor->status = GLOSS_ANCHOR_CHANGED;
          anchor->similarity = similarity;
        }
      else
        {
          anchor->status = GLOSS_ANCHOR_LOST;
          anchor->similarity = similarity;
        }

      if (anchor->status != GLOSS_ANCHOR_LOST)
        {
          anchor->new_start = span.start;
          anchor->new_end = span.end;
          anchor->new_text = gloss_text_dup_slice (text, span.start, span.end);
          shift = (int)span.start - (int)group->old_start;
          g_array_append_val (taken, span);
          taken_add (taken_tree, &span);
          {
            /* start: where the old text is; end: where it went */
            GlossRange moved = { group->old_start, span.start };

            g_array_append_val (shifts, moved);
          }
          g_hash_table_insert (span_ids, GUINT_TO_POINTER (span.start), GUINT_TO_POINTER (group->sentence + 1));

          for (guint j = 0; j < group->annotations->len; j++)
            {
              JsonObject *a = g_ptr_array_index (group->annotations, j);

              /* A label the set no longer has cannot be shown: an orphan */
              if (gloss_label_set_lookup (gloss_document_get_labels (document), get_string (a, "label")) == NULL)
                json_array_add_object_element (orphans, json_object_ref (a));
              else
                g_ptr_array_add (annotations,
                                 annotation_from_json (a, text, &span, group->sentence,
                                                       anchor->status == GLOSS_ANCHOR_CHANGED, now));
            }
        }
      else
        {
          for (guint j = 0; j < group->annotations->len; j++)
            json_array_add_object_element (orphans, json_object_ref (g_ptr_array_index (group->annotations, j)));
        }

      g_ptr_array_add (result, anchor);
    }

  /* The placed sentences keep their ids; the rest of the text is split
   * afresh around them, with new ids */
  g_array_sort (taken, compare_spans);
  g_array_append_vals (all_spans, taken->data, taken->len);
  for (guint i = 0; i < segmented->len; i++)
    {
      GlossRange *span = &g_array_index (segmented, GlossRange, i);

      add_rest (text, all_spans, taken, taken_tree, span->start, span->end);
    }
  g_array_sort (all_spans, compare_spans);

  next_id = max_id + 1;
  for (guint i = 0; i < groups->len; i++)
    next_id = MAX (next_id, ((Group *)g_ptr_array_index (groups, i))->sentence + 1);

  /* An unlabelled sentence that is where the shift of the text around it
   * puts it keeps its id too, so unchanged parts of the file stay as they
   * were */
  {
    g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
    guint j = 0;

    for (guint i = 0; i < groups->len; i++)
      g_hash_table_add (used, GUINT_TO_POINTER (((Group *)g_ptr_array_index (groups, i))->sentence + 1));

    for (guint i = 0; i < old_sentences->len; i++)
      {
        OldSentence *old = &g_array_index (old_sentences, OldSentence, i);
        int old_shift = 0;
        guint lo = 0, hi = all_spans->len;
        int target;

        /* Shifts are in the old text's order, so the last one before the
         * sentence applies */
        for (; j < shifts->len && g_array_index (shifts, GlossRange, j).start <= old->start; j++)
          ;
        if (j > 0)
          old_shift = (int)g_array_index (shifts, GlossRange, j - 1).end - (int)g_array_index (shifts, GlossRange, j - 1).start;

        target = (int)old->start + old_shift;
        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;

            if ((int)g_array_index (all_spans, GlossRange, mid).start < target)
              lo = mid + 1;
            else
              hi = mid;
          }

        if (lo < all_spans->len &&
            (int)g_array_index (all_spans, GlossRange, lo).start == target &&
            (int)g_array_index (all_spans, GlossRange, lo).end == (int)old->end + old_shift &&
            !g_hash_table_contains (span_ids, GUINT_TO_POINTER ((guint)target)) &&
            g_hash_table_add (used, GUINT_TO_POINTER (old->id + 1)))
          g_hash_table_insert (span_ids, GUINT_TO_POINTER ((guint)target), GUINT_TO_POINTER (old->id + 1));
      }
  }

  for (guint i = 0; i < all_spans->len; i++)
    {
      GlossRange *span = &g_array_index (all_spans, GlossRange, i);
      guint id = GPOINTER_TO_UINT (g_hash_table_lookup (span_ids, GUINT_TO_POINTER (span->start)));

      g_ptr_array_add (sentences, gloss_sentence_new (id ? id - 1 : next_id++, span->start, span->end));
    }

  _gloss_document_set_sentences (document, sentences);
  _gloss_document_add_loaded_annotations (document, annotations);

  /* Where the placed sentences went guides where their spans are looked
   * for */
  for (guint i = 0; i < shifts->len; i++)
    g_tree_insert (offsets, GUINT_TO_POINTER (g_array_index (shifts, GlossRange, i).start),
                   GUINT_TO_POINTER (g_array_index (shifts, GlossRange, i).end));
  reanchor_spans (document, object, old_spans, offsets, orphans, span_result);

  /* Orphans of an earlier re-anchoring stay too */
  node = json_object_get_member (object, "orphans");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      json_array_add_element (orphans, json_node_copy (json_array_get_element (json_node_get_array (node), i)));
  _gloss_document_set_orphans (document, orphans);

  node = json_object_get_member (object, "done");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    _gloss_document_set_done (document, json_node_get_boolean (node));

  node = json_object_get_member (object, "meta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    _gloss_document_set_meta (document, gloss_json_node_to_string (node));

  if (file != NULL)
    _gloss_document_set_file (document, file);
  gloss_history_clear (gloss_document_get_history (document));

  if (anchors != NULL)
    *anchors = g_steal_pointer (&result);
  if (span_anchors != NULL)
    *span_anchors = g_steal_pointer (&span_result);

  return g_steal_pointer (&document);
}
