/* gloss-agreement-spans.c
 *
 * Agreement on spans and relations, for the documents the comparison of
 * sentence labels compares (matched by path and text SHA-256). For each
 * span label and pair of annotators, the first the reference and the
 * second the prediction:
 *
 * - exact matches: the same label and the same parts;
 * - overlap matches: the same label and an intersection over union of the
 *   code points the two spans cover of at least one half. A span is
 *   matched once at most: of all pairs of spans that qualify, the pair
 *   with the largest intersection over union is matched first, then the
 *   next among those whose spans are both still free, and so on (greedy).
 *   Ties go to the first annotator's span that starts first (the start of
 *   its first part), then ends first (the end of its last part), then has
 *   the smaller id; then the same for the second annotator's span;
 * - precision, recall and F1 of the matches (gloss_agreement_matches_*);
 * - token agreement as the Redewiedergabe corpus reports it: each token of
 *   the text (gloss_agreement_tokenize()) is in a span of the label, or
 *   not, for each annotator (in it when a part covers a code point of the
 *   token); Cohen's κ per pair and Fleiss' κ (and Krippendorff's α) over
 *   all tokens of the compared documents, with the counts of the sentence
 *   labels (GlossAgreementCounts, a token one unit);
 * - for each relation label: a relation of the first annotator matches
 *   one of the second with the same label whose `from` span is the overlap
 *   match of its `from` span, and whose `to` span that of its `to` span;
 *   one to one, as the spans.
 *
 * Every match is counted in whole numbers, intersections over union are
 * compared as fractions, so that the same copies give the same figures on
 * every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-agreement-private.h"
#include "gloss-document.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

typedef GlossAgreementSpanLabel SpanLabel;
typedef GlossAgreementRelationLabel RelationLabel;

#define NONE G_MAXUINT

/* --- Precision, recall and F1 --------------------------------------------- */

/**
 * gloss_agreement_matches_get_precision:
 *
 * Returns: the share of the second annotator's that are matched, or NAN
 *   when the second has none
 */
double
gloss_agreement_matches_get_precision (const GlossAgreementMatches *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->matched + self->only_b == 0)
    return NAN;

  return (double)self->matched / ((double)self->matched + self->only_b);
}

/**
 * gloss_agreement_matches_get_recall:
 *
 * Returns: the share of the first annotator's that are matched, or NAN
 *   when the first has none
 */
double
gloss_agreement_matches_get_recall (const GlossAgreementMatches *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->matched + self->only_a == 0)
    return NAN;

  return (double)self->matched / ((double)self->matched + self->only_a);
}

/**
 * gloss_agreement_matches_get_f1:
 *
 * Returns: the harmonic mean of precision and recall, 2 · matched / (the
 *   first's + the second's), the same either way round; 0 when only one
 *   of the two has any, NAN when neither has
 */
double
gloss_agreement_matches_get_f1 (const GlossAgreementMatches *self)
{
  double both;

  g_return_val_if_fail (self != NULL, NAN);

  both = 2.0 * self->matched + self->only_a + self->only_b;
  if (both == 0)
    return NAN;

  return 2.0 * self->matched / both;
}

static void
matches_add (GlossAgreementMatches       *self,
             const GlossAgreementMatches *other)
{
  self->matched += other->matched;
  self->only_a += other->only_a;
  self->only_b += other->only_b;
}

/* --- Tokens --------------------------------------------------------------- */

typedef enum
{
  CHAR_NONE,   /* white space, control and format characters: in no token */
  CHAR_WORD,   /* letters and digits */
  CHAR_MARK,   /* combining marks: part of the token before */
  CHAR_OTHER,  /* anything else: a token of its own */
} CharKind;

static CharKind
classify (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return CHAR_NONE;

    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return CHAR_WORD;

    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return CHAR_MARK;

    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    default:
      return CHAR_OTHER;
    }
}

/**
 * gloss_agreement_tokenize:
 * @text: UTF-8
 * @length: its length in bytes, or -1 if it is NUL-terminated
 *
 * The tokens that token agreement counts: a maximal run of letters and
 * digits (Unicode's L and N), or any other single character (punctuation,
 * a symbol, an emoji); a combining mark (M) belongs to the token before
 * it, or starts a run of letters. White space, control and format
 * characters (Z, Cc, Cf) are in no token. "„Wir kommen 😊.“" is „, Wir,
 * kommen, 😊, . and “.
 *
 * Returns: (transfer full) (element-type GlossRange): the tokens, in code
 *   points, in order
 */
GArray *
gloss_agreement_tokenize (const char *text,
                          gssize      length)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  const char *end;
  CharKind open = CHAR_NONE;   /* the kind of the token being read */
  GlossRange token = { 0, 0 };
  guint offset = 0;

  g_return_val_if_fail (text != NULL || length == 0, tokens);

  if (text == NULL)
    return tokens;
  end = text + (length < 0 ? strlen (text) : (gsize)length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p), offset++)
    {
      guchar byte = (guchar)*p;
      CharKind kind;

      /* ASCII without the table */
      if (byte < 0x80)
        kind = g_ascii_isalnum (byte) ? CHAR_WORD :
               (g_ascii_iscntrl (byte) || byte == ' ') ? CHAR_NONE : CHAR_OTHER;
      else
        kind = classify (g_utf8_get_char (p));

      if ((kind == CHAR_MARK && open != CHAR_NONE) || (kind == CHAR_WORD && open == CHAR_WORD))
        continue;

      if (open != CHAR_NONE)
        {
          token.end = offset;
          g_array_append_val (tokens, token);
          open = CHAR_NONE;
        }

      if (kind == CHAR_NONE)
        continue;

      token.start = offset;
      open = kind == CHAR_OTHER ? CHAR_OTHER : CHAR_WORD;
    }

  if (open != CHAR_NONE)
    {
      token.end = offset;
      g_array_append_val (tokens, token);
    }

  return tokens;
}

/* --- Labels --------------------------------------------------------------- */

static SpanLabel *
span_label_new (const char *id,
                guint       position,
                guint       n)
{
  SpanLabel *label = g_new0 (SpanLabel, 1);

  label->id = g_strdup (id);
  label->position = position;
  label->n_spans = g_new0 (guint, n);
  label->exact = g_new0 (GlossAgreementMatches, (gsize)n * n);
  label->overlap = g_new0 (GlossAgreementMatches, (gsize)n * n);
  label->tokens = gloss_agreement_counts_new (n);
  label->documents = g_array_new (FALSE, FALSE, sizeof (guint));

  return label;
}

static void
span_label_free (SpanLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->id);
  g_free (label->n_spans);
  g_free (label->exact);
  g_free (label->overlap);
  gloss_agreement_counts_free (label->tokens);
  g_array_unref (label->documents);
  g_free (label);
}

static RelationLabel *
relation_label_new (const char *id,
                    guint       position,
                    guint       n)
{
  RelationLabel *label = g_new0 (RelationLabel, 1);

  label->id = g_strdup (id);
  label->position = position;
  label->n_relations = g_new0 (guint, n);
  label->matches = g_new0 (GlossAgreementMatches, (gsize)n * n);

  return label;
}

static void
relation_label_free (RelationLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->id);
  g_free (label->n_relations);
  g_free (label->matches);
  g_free (label);
}

static SpanLabel *
intern_span_label (GlossAgreement *self,
                   const char     *id)
{
  SpanLabel *label = g_hash_table_lookup (self->span_label_index, id);

  if (label != NULL)
    return label;

  label = span_label_new (id, self->span_labels_seen->len, self->n_copies);
  g_ptr_array_add (self->span_labels_seen, label);
  g_hash_table_insert (self->span_label_index, label->id, label);

  return label;
}

static RelationLabel *
intern_relation_label (GlossAgreement *self,
                       const char     *id)
{
  RelationLabel *label = g_hash_table_lookup (self->relation_label_index, id);

  if (label != NULL)
    return label;

  label = relation_label_new (id, self->relation_labels_seen->len, self->n_copies);
  g_ptr_array_add (self->relation_labels_seen, label);
  g_hash_table_insert (self->relation_label_index, label->id, label);

  return label;
}

/* What a compared document adds to the labels it has no span of: its
 * tokens, outside every span */
typedef struct
{
  guint   n_tokens;
  guint64 copies;      /* the annotators whose copy was compared */
} Blank;

void
_gloss_agreement_init_spans (GlossAgreement *self)
{
  guint n = self->n_copies;

  self->blank = g_array_new (FALSE, FALSE, sizeof (Blank));
  self->span_labels_seen = g_ptr_array_new_with_free_func ((GDestroyNotify)span_label_free);
  self->span_label_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->span_labels = g_ptr_array_new ();
  self->span_total = span_label_new ("", 0, n);
  self->relation_labels_seen = g_ptr_array_new_with_free_func ((GDestroyNotify)relation_label_free);
  self->relation_label_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_labels = g_ptr_array_new ();
  self->relation_total = relation_label_new ("", 0, n);
}

void
_gloss_agreement_reset_spans (GlossAgreement *self)
{
  guint n = self->n_copies;

  self->has_spans = FALSE;
  self->n_tokens = 0;
  g_array_set_size (self->blank, 0);
  g_ptr_array_set_size (self->span_labels, 0);
  g_ptr_array_set_size (self->relation_labels, 0);
  g_hash_table_remove_all (self->span_label_index);
  g_hash_table_remove_all (self->relation_label_index);
  g_ptr_array_set_size (self->span_labels_seen, 0);
  g_ptr_array_set_size (self->relation_labels_seen, 0);
  span_label_free (self->span_total);
  self->span_total = span_label_new ("", 0, n);
  relation_label_free (self->relation_total);
  self->relation_total = relation_label_new ("", 0, n);
}

void
_gloss_agreement_finalize_spans (GlossAgreement *self)
{
  g_clear_pointer (&self->blank, g_array_unref);
  g_clear_pointer (&self->span_labels, g_ptr_array_unref);
  g_clear_pointer (&self->relation_labels, g_ptr_array_unref);
  g_clear_pointer (&self->span_label_index, g_hash_table_unref);
  g_clear_pointer (&self->relation_label_index, g_hash_table_unref);
  g_clear_pointer (&self->span_labels_seen, g_ptr_array_unref);
  g_clear_pointer (&self->relation_labels_seen, g_ptr_array_unref);
  g_clear_pointer (&self->span_total, span_label_free);
  g_clear_pointer (&self->relation_total, relation_label_free);
}

/**
 * _gloss_agreement_labels_spans:
 *
 * Returns: whether @label is a span or relation label of a compared
 *   document
 */
gboolean
_gloss_agreement_labels_spans (GlossAgreement *self,
                               const char     *label)
{
  return g_hash_table_contains (self->span_label_index, label) ||
         g_hash_table_contains (self->relation_label_index, label);
}

/* --- One copy's spans and relations -------------------------------------- */

typedef struct
{
  GlossSpan        *span;       /* the document's, borrowed */
  const GlossRange *parts;
  guint             n_parts;
  guint             label;      /* the SpanLabel's position */
  guint             start;      /* of the first part */
  guint             end;        /* of the last part */
  guint             id;
  guint             length;     /* the code points the parts cover */
} Item;

typedef struct
{
  guint label;                  /* the RelationLabel's position */
  guint from;                   /* span ids */
  guint to;
} Link;

typedef struct
{
  GArray     *items;            /* Item, by label, start, end, id */
  GHashTable *by_id;            /* span id -> position in items */
  GArray     *links;            /* Link, the copy's relations */
} Copy;

static void
copy_clear (Copy *copy)
{
  g_clear_pointer (&copy->items, g_array_unref);
  g_clear_pointer (&copy->by_id, g_hash_table_unref);
  g_clear_pointer (&copy->links, g_array_unref);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->label != y->label)
    return x->label < y->label ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;

  return 0;
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *x = a;
  const Link *y = b;

  if (x->label != y->label)
    return x->label < y->label ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  if (x->to != y->to)
    return x->to < y->to ? -1 : 1;

  return 0;
}

static void
read_copy (GlossAgreement *self,
           GlossDocument  *document,
           Copy           *copy)
{
  GListModel *spans = gloss_document_get_spans (document);
  GListModel *relations = gloss_document_get_relations (document);
  guint n_spans = g_list_model_get_n_items (spans);
  guint n_relations = g_list_model_get_n_items (relations);

  copy->items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n_spans);
  copy->by_id = g_hash_table_new (NULL, NULL);
  copy->links = g_array_sized_new (FALSE, FALSE, sizeof (Link), n_relations);

  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      Item item = { span, gloss_span_get_parts (span), gloss_span_get_n_parts (span), 0, 0, 0, 0, 0 };

      item.label = intern_span_label (self, gloss_span_get_label (span))->position;
      item.start = item.parts[0].start;
      item.end = item.parts[item.n_parts - 1].end;
      item.id = gloss_span_get_id (span);
      for (guint k = 0; k < item.n_parts; k++)
        item.length += item.parts[k].end - item.parts[k].start;
      g_array_append_val (copy->items, item);
    }
  g_array_sort (copy->items, compare_items);

  for (guint i = 0; i < copy->items->len; i++)
    g_hash_table_insert (copy->by_id, GUINT_TO_POINTER (g_array_index (copy->items, Item, i).id),
                         GUINT_TO_POINTER (i));

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      Link link = { intern_relation_label (self, gloss_relation_get_label (relation))->position,
                    gloss_relation_get_from (relation), gloss_relation_get_to (relation) };

      g_array_append_val (copy->links, link);
    }
}

/* The end of the run of items of @label that starts at @begin */
static guint
label_end (GArray *items,
           guint   begin,
           guint   label)
{
  guint end = begin;

  while (end < items->len && g_array_index (items, Item, end).label == label)
    end++;

  return end;
}

/* --- Matching one pair ---------------------------------------------------- */

static gboolean
same_parts (const Item *x,
            const Item *y)
{
  return x->n_parts == y->n_parts && memcmp (x->parts, y->parts, sizeof (GlossRange) * x->n_parts) == 0;
}

/* Identical parts: the items of one label of both copies, each sorted by
 * start and end, in step; a group of the same start and end matched one
 * to one in order */
static guint
match_exact (const Item *a,
             guint       n_a,
             const Item *b,
             guint       n_b,
             GArray     *used)
{
  guint matched = 0;
  guint i = 0;
  guint j = 0;

  while (i < n_a && j < n_b)
    {
      guint gi = i;
      guint gj = j;

      if (a[i].start != b[j].start ? a[i].start < b[j].start : a[i].end < b[j].end)
        {
          i++;
          continue;
        }
      if (a[i].start != b[j].start || a[i].end != b[j].end)
        {
          j++;
          continue;
        }

      while (gi < n_a && a[gi].start == a[i].start && a[gi].end == a[i].end)
        gi++;
      while (gj < n_b && b[gj].start == b[j].start && b[gj].end == b[j].end)
        gj++;

      g_array_set_size (used, 0);
      g_array_set_size (used, gj - j);
      memset (used->data, 0, gj - j);
      for (guint x = i; x < gi; x++)
        for (guint y = j; y < gj; y++)
          if (!g_array_index (used, guint8, y - j) && same_parts (&a[x], &b[y]))
            {
              g_array_index (used, guint8, y - j) = 1;
              matched++;
              break;
            }

      i = gi;
      j = gj;
    }

  return matched;
}

/* The code points two spans' parts both cover */
static guint
intersection (const Item *x,
              const Item *y)
{
  guint total = 0;
  guint i = 0;
  guint j = 0;

  while (i < x->n_parts && j < y->n_parts)
    {
      guint start = MAX (x->parts[i].start, y->parts[j].start);
      guint end = MIN (x->parts[i].end, y->parts[j].end);

      if (start < end)
        total += end - start;
      if (x->parts[i].end < y->parts[j].end)
        i++;
      else
        j++;
    }

  return total;
}

typedef struct
{
  guint   a;              /* positions among the label's items */
  guint   b;
  guint64 shared;         /* intersection and union, in code points */
  guint64 joined;
} Candidate;

/* By intersection over union, largest first (compared as fractions), then
 * the first annotator's span in order, then the second's */
static int
compare_candidates (gconstpointer p,
                    gconstpointer q)
{
  const Candidate *x = p;
  const Candidate *y = q;
  guint64 left = x->shared * y->joined;
  guint64 right = y->shared * x->joined;

  if (left != right)
    return left > right ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  if (x->b != y->b)
    return x->b < y->b ? -1 : 1;

  return 0;
}

static void
consider (GArray     *candidates,
          const Item *a,
          guint       i,
          const Item *b,
          guint       j)
{
  guint shared = intersection (&a[i], &b[j]);
  guint joined;

  if (shared == 0)
    return;

  joined = a[i].length + b[j].length - shared;
  if ((guint64)2 * shared >= joined)
    {
      Candidate candidate = { i, j, shared, joined };

      g_array_append_val (candidates, candidate);
    }
}

/* Drops the active items that end before @start: as items come in order
 * of their start, they can overlap no later one */
static void
prune (GArray     *active,
       const Item *items,
       guint       start)
{
  guint kept = 0;

  for (guint k = 0; k < active->len; k++)
    {
      guint position = g_array_index (active, guint, k);

      if (items[position].end > start)
        g_array_index (active, guint, kept++) = position;
    }
  g_array_set_size (active, kept);
}

typedef struct
{
  GArray *candidates;     /* Candidate */
  GArray *active_a;       /* guint */
  GArray *active_b;
  GArray *used;           /* guint8 */
} Scratch;

/* Overlap matches of the items of one label of both copies: @match_a
 * gets, for each of @a, the position of its match among @b or NONE */
static guint
match_overlap (const Item *a,
               guint       n_a,
               const Item *b,
               guint       n_b,
               guint      *match_a,
               Scratch    *scratch)
{
  GArray *candidates = scratch->candidates;
  guint8 *used_b;
  guint matched = 0;
  guint i = 0;
  guint j = 0;

  g_array_set_size (candidates, 0);
  g_array_set_size (scratch->active_a, 0);
  g_array_set_size (scratch->active_b, 0);

  /* Every pair whose extents overlap, met once: when the later of the two
   * comes in (the first copy's first on the same start) */
  while (i < n_a || j < n_b)
    {
      if (j >= n_b || (i < n_a && a[i].start <= b[j].start))
        {
          prune (scratch->active_b, b, a[i].start);
          for (guint k = 0; k < scratch->active_b->len; k++)
            consider (candidates, a, i, b, g_array_index (scratch->active_b, guint, k));
          g_array_append_val (scratch->active_a, i);
          i++;
        }
      else
        {
          prune (scratch->active_a, a, b[j].start);
          for (guint k = 0; k < scratch->active_a->len; k++)
            consider (candidates, a, g_array_index (scratch->active_a, guint, k), b, j);
          g_array_append_val (scratch->active_b, j);
          j++;
        }
    }

  g_array_sort (candidates, compare_candidates);

  g_array_set_size (scratch->used, 0);
  g_array_set_size (scratch->used, n_b);
  used_b = (guint8 *)scratch->used->data;
  memset (used_b, 0, n_b);

  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, k);

      if (match_a[candidate->a] != NONE || used_b[candidate->b])
        continue;

      match_a[candidate->a] = candidate->b;
      used_b[candidate->b] = 1;
      matched++;
    }

  return matched;
}

/* Every span label of the copies of @a and @b; fills @match (per item of
 * @a: the position of its overlap match among @b's items, or NONE) */
static void
compare_pair_spans (GlossAgreement *self,
                    Copy           *a,
                    Copy           *b,
                    gsize           pair,
                    guint          *match,
                    Scratch        *scratch)
{
  guint i = 0;
  guint j = 0;

  for (guint k = 0; k < a->items->len; k++)
    match[k] = NONE;

  while (i < a->items->len || j < b->items->len)
    {
      guint label_a = i < a->items->len ? g_array_index (a->items, Item, i).label : NONE;
      guint label_b = j < b->items->len ? g_array_index (b->items, Item, j).label : NONE;
      guint label = MIN (label_a, label_b);
      guint end_a = label_a == label ? label_end (a->items, i, label) : i;
      guint end_b = label_b == label ? label_end (b->items, j, label) : j;
      SpanLabel *stats = g_ptr_array_index (self->span_labels_seen, label);
      guint exact = 0;
      guint overlap = 0;

      if (end_a > i && end_b > j)
        {
          const Item *items_a = (const Item *)a->items->data + i;
          const Item *items_b = (const Item *)b->items->data + j;

          exact = match_exact (items_a, end_a - i, items_b, end_b - j, scratch->used);
          overlap = match_overlap (items_a, end_a - i, items_b, end_b - j, match + i, scratch);
          for (guint k = i; k < end_a; k++)
            if (match[k] != NONE)
              match[k] += j;
        }

      stats->exact[pair].matched += exact;
      stats->exact[pair].only_a += end_a - i - exact;
      stats->exact[pair].only_b += end_b - j - exact;
      stats->overlap[pair].matched += overlap;
      stats->overlap[pair].only_a += end_a - i - overlap;
      stats->overlap[pair].only_b += end_b - j - overlap;

      i = end_a;
      j = end_b;
    }
}

/* The relations of @a whose ends are matched, as @b's span ids, against
 * @b's own relations, label by label */
static void
compare_pair_relations (GlossAgreement *self,
                        Copy           *a,
                        Copy           *b,
                        gsize           pair,
                        const guint    *match,
                        GArray         *mapped)
{
  GArray *links_b = b->links;
  guint i = 0;
  guint j = 0;

  g_array_set_size (mapped, 0);
  for (guint k = 0; k < a->links->len; k++)
    {
      Link *link = &g_array_index (a->links, Link, k);
      RelationLabel *stats = g_ptr_array_index (self->relation_labels_seen, link->label);
      gpointer from = NULL;
      gpointer to = NULL;
      guint from_b;
      guint to_b;

      stats->matches[pair].only_a++;
      if (!g_hash_table_lookup_extended (a->by_id, GUINT_TO_POINTER (link->from), NULL, &from) ||
          !g_hash_table_lookup_extended (a->by_id, GUINT_TO_POINTER (link->to), NULL, &to))
        continue;

      from_b = match[GPOINTER_TO_UINT (from)];
      to_b = match[GPOINTER_TO_UINT (to)];
      if (from_b != NONE && to_b != NONE)
        {
          Link translated = { link->label, g_array_index (b->items, Item, from_b).id,
                              g_array_index (b->items, Item, to_b).id };

          g_array_append_val (mapped, translated);
        }
    }

  for (guint k = 0; k < links_b->len; k++)
    {
      RelationLabel *stats = g_ptr_array_index (self->relation_labels_seen,
                                                g_array_index (links_b, Link, k).label);

      stats->matches[pair].only_b++;
    }

  /* Both sorted: equal ones are matches, one to one */
  g_array_sort (mapped, compare_links);
  while (i < mapped->len && j < links_b->len)
    {
      Link *x = &g_array_index (mapped, Link, i);
      Link *y = &g_array_index (links_b, Link, j);
      int order = compare_links (x, y);

      if (order < 0)
        i++;
      else if (order > 0)
        j++;
      else
        {
          RelationLabel *stats = g_ptr_array_index (self->relation_labels_seen, x->label);

          stats->matches[pair].matched++;
          stats->matches[pair].only_a--;
          stats->matches[pair].only_b--;
          i++;
          j++;
        }
    }
}

/* --- Tokens of one document ----------------------------------------------- */

static void
feed_tokens (GlossAgreementCounts *counts,
             guint64               copies,
             guint64               yes,
             guint                 n_tokens,
             guint8               *decisions,
             guint                 n)
{
  for (guint a = 0; a < n; a++)
    decisions[a] = (copies >> a & 1) ? (guint8)(yes >> a & 1) : GLOSS_AGREEMENT_MISSING;

  gloss_agreement_counts_add_n (counts, decisions, n_tokens);
}

/* The first token that ends after @offset */
static guint
find_token (GArray *tokens,
            guint   offset)
{
  guint low = 0;
  guint high = tokens->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (tokens, GlossRange, middle).end <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* For each span label that has spans in a copy: each token in or out of
 * its spans, for each annotator */
static void
count_tokens (GlossAgreement *self,
              Copy           *copies,
              guint64         compared,
              GArray         *tokens,
              guint           document)
{
  guint n = self->n_copies;
  g_autofree guint *cursor = g_new0 (guint, n);
  g_autofree guint64 *in = g_new0 (guint64, MAX (tokens->len, 1));
  g_autofree guint8 *decisions = g_new0 (guint8, n);

  for (;;)
    {
      guint label = NONE;
      SpanLabel *stats;

      for (guint a = 0; a < n; a++)
        if (copies[a].items != NULL && cursor[a] < copies[a].items->len)
          label = MIN (label, g_array_index (copies[a].items, Item, cursor[a]).label);
      if (label == NONE)
        break;

      memset (in, 0, sizeof (guint64) * tokens->len);
      for (guint a = 0; a < n; a++)
        {
          guint end;

          if (copies[a].items == NULL)
            continue;

          end = label_end (copies[a].items, cursor[a], label);
          for (guint k = cursor[a]; k < end; k++)
            {
              Item *item = &g_array_index (copies[a].items, Item, k);

              for (guint p = 0; p < item->n_parts; p++)
                for (guint t = find_token (tokens, item->parts[p].start);
                     t < tokens->len && g_array_index (tokens, GlossRange, t).start < item->parts[p].end;
                     t++)
                  in[t] |= (guint64)1 << a;
            }
          cursor[a] = end;
        }

      stats = g_ptr_array_index (self->span_labels_seen, label);
      g_array_append_val (stats->documents, document);

      /* Runs of tokens alike, counted at once */
      for (guint t = 0; t < tokens->len;)
        {
          guint u = t + 1;

          while (u < tokens->len && in[u] == in[t])
            u++;
          feed_tokens (stats->tokens, compared, in[t], u - t, decisions, n);
          t = u;
        }
    }
}

/**
 * _gloss_agreement_compare_spans:
 * @documents: the copies of one document that is compared (%NULL where a
 *   copy has none)
 *
 * Adds the document's spans and relations to the figures.
 */
void
_gloss_agreement_compare_spans (GlossAgreement  *self,
                                GlossDocument  **documents)
{
  guint n = self->n_copies;
  g_autofree Copy *copies = g_new0 (Copy, n);
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) mapped = g_array_new (FALSE, FALSE, sizeof (Link));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) active_a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) active_b = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (guint8));
  Scratch scratch = { candidates, active_a, active_b, used };
  GlossText *text = NULL;
  Blank blank = { 0, 0 };
  guint document = self->blank->len;

  for (guint a = 0; a < n; a++)
    {
      GlossLabelSet *labels;
      GlossLabelSet *relation_labels;

      if (documents[a] == NULL)
        continue;

      /* The labels of the sets first, in their order */
      labels = gloss_document_get_labels (documents[a]);
      for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
        {
          GlossLabel *label = gloss_label_set_get_label (labels, i);

          if (gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN)
            intern_span_label (self, gloss_label_get_id (label));
        }
      relation_labels = gloss_label_set_get_relation_labels (labels);
      for (guint i = 0; relation_labels != NULL && i < gloss_label_set_get_n_labels (relation_labels); i++)
        intern_relation_label (self, gloss_label_get_id (gloss_label_set_get_label (relation_labels, i)));

      text = gloss_document_get_text (documents[a]);
      blank.copies |= (guint64)1 << a;
      read_copy (self, documents[a], &copies[a]);
      self->has_spans |= copies[a].items->len > 0;

      for (guint k = 0; k < copies[a].items->len; k++)
        {
          SpanLabel *stats = g_ptr_array_index (self->span_labels_seen, g_array_index (copies[a].items, Item, k).label);

          stats->n_spans[a]++;
        }
      for (guint k = 0; k < copies[a].links->len; k++)
        {
          RelationLabel *stats = g_ptr_array_index (self->relation_labels_seen,
                                                    g_array_index (copies[a].links, Link, k).label);

          stats->n_relations[a]++;
        }
    }

  for (guint a = 0; a < n; a++)
    {
      g_autofree guint *match = NULL;

      if (copies[a].items == NULL)
        continue;

      match = g_new (guint, MAX (copies[a].items->len, 1));
      for (guint b = a + 1; b < n; b++)
        {
          if (copies[b].items == NULL)
            continue;

          compare_pair_spans (self, &copies[a], &copies[b], (gsize)a * n + b, match, &scratch);
          g_array_sort (copies[b].links, compare_links);
          compare_pair_relations (self, &copies[a], &copies[b], (gsize)a * n + b, match, mapped);
        }
    }

  /* Compared documents have two copies or more, all of one text */
  g_assert (text != NULL);
  tokens = gloss_agreement_tokenize (gloss_text_get_contents (text), gloss_text_get_n_bytes (text));
  blank.n_tokens = tokens->len;
  self->n_tokens += tokens->len;
  g_array_append_val (self->blank, blank);
  count_tokens (self, copies, blank.copies, tokens, document);

  for (guint a = 0; a < n; a++)
    copy_clear (&copies[a]);
}

/* The tokens of the compared documents where @label has no span: out of
 * it for every annotator */
static void
count_blank_tokens (GlossAgreement *self,
                    SpanLabel      *label)
{
  guint n = self->n_copies;
  g_autofree guint8 *decisions = g_new0 (guint8, n);
  guint next = 0;

  for (guint d = 0; d < self->blank->len; d++)
    {
      Blank *blank = &g_array_index (self->blank, Blank, d);

      if (next < label->documents->len && g_array_index (label->documents, guint, next) == d)
        {
          next++;
          continue;
        }

      feed_tokens (label->tokens, blank->copies, 0, blank->n_tokens, decisions, n);
    }

  /* Counted once, however often the figures are asked for */
  g_array_set_size (label->documents, 0);
  for (guint d = 0; d < self->blank->len; d++)
    g_array_append_val (label->documents, d);
}

/**
 * _gloss_agreement_finish_spans:
 *
 * Picks the span and relation labels to report (those asked for that are
 * span or relation labels, or else every one the compared documents
 * define or use, in order of appearance) and sums them up.
 */
void
_gloss_agreement_finish_spans (GlossAgreement *self)
{
  guint n = self->n_copies;

  if (self->requested != NULL)
    {
      for (guint i = 0; self->requested[i] != NULL; i++)
        {
          SpanLabel *span_label = g_hash_table_lookup (self->span_label_index, self->requested[i]);
          RelationLabel *relation_label = g_hash_table_lookup (self->relation_label_index, self->requested[i]);

          if (span_label != NULL && !g_ptr_array_find (self->span_labels, span_label, NULL))
            g_ptr_array_add (self->span_labels, span_label);
          if (relation_label != NULL && !g_ptr_array_find (self->relation_labels, relation_label, NULL))
            g_ptr_array_add (self->relation_labels, relation_label);
        }
    }
  else
    {
      for (guint i = 0; i < self->span_labels_seen->len; i++)
        g_ptr_array_add (self->span_labels, g_ptr_array_index (self->span_labels_seen, i));
      for (guint i = 0; i < self->relation_labels_seen->len; i++)
        g_ptr_array_add (self->relation_labels, g_ptr_array_index (self->relation_labels_seen, i));
    }

  for (guint l = 0; l < self->span_labels->len; l++)
    {
      SpanLabel *label = g_ptr_array_index (self->span_labels, l);

      count_blank_tokens (self, label);
      gloss_agreement_counts_merge (self->span_total->tokens, label->tokens);
      for (guint a = 0; a < n; a++)
        self->span_total->n_spans[a] += label->n_spans[a];
      for (gsize p = 0; p < (gsize)n * n; p++)
        {
          matches_add (&self->span_total->exact[p], &label->exact[p]);
          matches_add (&self->span_total->overlap[p], &label->overlap[p]);
        }
    }

  for (guint l = 0; l < self->relation_labels->len; l++)
    {
      RelationLabel *label = g_ptr_array_index (self->relation_labels, l);

      for (guint a = 0; a < n; a++)
        self->relation_total->n_relations[a] += label->n_relations[a];
      for (gsize p = 0; p < (gsize)n * n; p++)
        matches_add (&self->relation_total->matches[p], &label->matches[p]);
    }
}

/* --- The figures ---------------------------------------------------------- */

/**
 * gloss_agreement_has_spans:
 *
 * Returns: whether a copy of a compared document has a span: only then
 *   are spans and relations reported, and span and relation labels left
 *   out of the sentence labels
 */
gboolean
gloss_agreement_has_spans (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), FALSE);

  return self->has_spans;
}

/**
 * gloss_agreement_get_n_tokens:
 *
 * Returns: the tokens of the compared documents (gloss_agreement_tokenize())
 */
guint
gloss_agreement_get_n_tokens (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->n_tokens;
}

/**
 * gloss_agreement_get_n_span_labels:
 *
 * Returns: how many span labels are reported: those asked for that are
 *   span labels, or else every span label the compared documents define
 *   or use
 */
guint
gloss_agreement_get_n_span_labels (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->span_labels->len;
}

const char *
gloss_agreement_get_span_label (GlossAgreement *self,
                                guint           position)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->span_labels->len, NULL);

  return ((SpanLabel *)g_ptr_array_index (self->span_labels, position))->id;
}

static SpanLabel *
lookup_span_label (GlossAgreement *self,
                   const char     *label)
{
  SpanLabel *found;

  if (label == NULL)
    return self->span_total;

  found = g_hash_table_lookup (self->span_label_index, label);
  if (found == NULL || !g_ptr_array_find (self->span_labels, found, NULL))
    return NULL;

  return found;
}

static RelationLabel *
lookup_relation_label (GlossAgreement *self,
                       const char     *label)
{
  RelationLabel *found;

  if (label == NULL)
    return self->relation_total;

  found = g_hash_table_lookup (self->relation_label_index, label);
  if (found == NULL || !g_ptr_array_find (self->relation_labels, found, NULL))
    return NULL;

  return found;
}

/**
 * gloss_agreement_get_n_spans:
 * @label: (nullable): a reported span label, or %NULL for all of them
 *
 * Returns: @annotator's spans of @label in the compared documents
 */
guint
gloss_agreement_get_n_spans (GlossAgreement *self,
                             const char     *label,
                             guint           annotator)
{
  SpanLabel *found;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (annotator < self->n_copies, 0);

  found = lookup_span_label (self, label);

  return found != NULL ? found->n_spans[annotator] : 0;
}

/**
 * gloss_agreement_get_span_matches:
 * @label: (nullable): a reported span label, or %NULL for all of them
 *   (micro: the matches of every label added up)
 * @a: the reference annotator
 * @b: a later one, the prediction (@a < @b)
 *
 * Returns: (nullable): the matches in the documents both copies hold, or
 *   %NULL if @label is not reported
 */
const GlossAgreementMatches *
gloss_agreement_get_span_matches (GlossAgreement      *self,
                                  const char          *label,
                                  GlossAgreementMatch  match,
                                  guint                a,
                                  guint                b)
{
  SpanLabel *found;
  guint n;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  n = self->n_copies;
  g_return_val_if_fail (a < b && b < n, NULL);

  found = lookup_span_label (self, label);
  if (found == NULL)
    return NULL;

  return match == GLOSS_AGREEMENT_MATCH_EXACT ? &found->exact[(gsize)a * n + b] : &found->overlap[(gsize)a * n + b];
}

/**
 * gloss_agreement_get_token_counts:
 * @label: (nullable): a reported span label, or %NULL for all of them
 *   pooled
 *
 * Returns: (nullable): the tokens of the compared documents as yes/no
 *   decisions (in a span of the label or not), or %NULL if @label is not
 *   reported
 */
const GlossAgreementCounts *
gloss_agreement_get_token_counts (GlossAgreement *self,
                                  const char     *label)
{
  SpanLabel *found;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);

  found = lookup_span_label (self, label);

  return found != NULL ? found->tokens : NULL;
}

/**
 * gloss_agreement_get_n_relation_labels:
 *
 * Returns: how many relation labels are reported: those asked for that
 *   are relation labels, or else every one the compared documents define
 *   or use
 */
guint
gloss_agreement_get_n_relation_labels (GlossAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);

  return self->relation_labels->len;
}

const char *
gloss_agreement_get_relation_label (GlossAgreement *self,
                                    guint           position)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->relation_labels->len, NULL);

  return ((RelationLabel *)g_ptr_array_index (self->relation_labels, position))->id;
}

/**
 * gloss_agreement_get_n_relations:
 * @label: (nullable): a reported relation label, or %NULL for all of them
 *
 * Returns: @annotator's relations of @label in the compared documents
 */
guint
gloss_agreement_get_n_relations (GlossAgreement *self,
                                 const char     *label,
                                 guint           annotator)
{
  RelationLabel *found;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (annotator < self->n_copies, 0);

  found = lookup_relation_label (self, label);

  return found != NULL ? found->n_relations[annotator] : 0;
}

/**
 * gloss_agreement_get_relation_matches:
 * @label: (nullable): a reported relation label, or %NULL for all of them
 * @a: the reference annotator
 * @b: a later one, the prediction (@a < @b)
 *
 * Returns: (nullable): the matches in the documents both copies hold, or
 *   %NULL if @label is not reported
 */
const GlossAgreementMatches *
gloss_agreement_get_relation_matches (GlossAgreement *self,
                                      const char     *label,
                                      guint           a,
                                      guint           b)
{
  RelationLabel *found;
  guint n;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT (self), NULL);
  n = self->n_copies;
  g_return_val_if_fail (a < b && b < n, NULL);

  found = lookup_relation_label (self, label);
  if (found == NULL)
    return NULL;

  return &found->matches[(gsize)a * n + b];
}
