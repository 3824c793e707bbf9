/* gloss-merge.c
 *
 * The three-way merge of `.gloss.json` files by meaning (git's merge
 * driver, `gloss merge`): each side's additions, removals and changes of
 * labels, boundaries, annotations, notes, spans, relations, attributes,
 * `done` and `meta` are applied when the other side did not touch the
 * same thing; new spans and relations of both sides are kept with ids
 * that stay unique; identical changes are one change; and what both
 * changed differently is never guessed but kept, both versions, in the
 * file's `conflicts` (gloss_document_resolve_conflict() resolves them).
 * The result is written by the file's own writer, so the same three
 * inputs always give the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-json-tape.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge-private.h"
#include "gloss-problem.h"
#include "gloss-reanchor.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span-private.h"
#include "gloss-span.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"

static const char * const kind_names[] = {
  "text", "label", "relation_label", "sentence", "annotation", "note", "span", "relation", "meta",
};

const char *
gloss_merge_conflict_kind_to_string (GlossMergeConflictKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
gloss_merge_conflict_kind_from_string (const char        *string,
                                 GlossMergeConflictKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (string, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * gloss_merge_conflict_new:
 * @ours: (nullable): our version as JSON (any spacing; kept compact)
 * @theirs: (nullable): their version
 *
 * Returns: (transfer full): a clash
 */
GlossMergeConflict *
gloss_merge_conflict_new (GlossMergeConflictKind  kind,
                    guint              id,
                    const char        *key,
                    const char        *ours,
                    const char        *theirs)
{
  GlossMergeConflict *conflict = g_new0 (GlossMergeConflict, 1);

  conflict->kind = kind;
  conflict->id = id;
  conflict->key = g_strdup (key);
  conflict->ours = g_strdup (ours);
  conflict->theirs = g_strdup (theirs);

  return conflict;
}

GlossMergeConflict *
gloss_merge_conflict_copy (const GlossMergeConflict *conflict)
{
  return gloss_merge_conflict_new (conflict->kind, conflict->id, conflict->key, conflict->ours, conflict->theirs);
}

void
gloss_merge_conflict_free (GlossMergeConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->key);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

/**
 * gloss_merge_conflict_append_json:
 *
 * Appends the clash as the file's `conflicts` writes it, on one line:
 * `{"kind":…, "id"|"sentence"|"label"|"key":…, "ours":…, "theirs":…}`.
 */
void
gloss_merge_conflict_append_json (GString             *out,
                            const GlossMergeConflict *conflict)
{
  g_string_append (out, "{\"kind\":");
  gloss_json_append_string (out, kind_names[conflict->kind]);

  switch (conflict->kind)
    {
    case GLOSS_MERGE_CONFLICT_SENTENCE:
    case GLOSS_MERGE_CONFLICT_SPAN:
    case GLOSS_MERGE_CONFLICT_RELATION:
      g_string_append_printf (out, ",\"id\":%u", conflict->id);
      break;
    case GLOSS_MERGE_CONFLICT_ANNOTATION:
      g_string_append_printf (out, ",\"sentence\":%u,\"label\":", conflict->id);
      gloss_json_append_string (out, conflict->key);
      break;
    case GLOSS_MERGE_CONFLICT_NOTE:
      g_string_append_printf (out, ",\"sentence\":%u", conflict->id);
      break;
    case GLOSS_MERGE_CONFLICT_LABEL:
    case GLOSS_MERGE_CONFLICT_RELATION_LABEL:
      g_string_append (out, ",\"label\":");
      gloss_json_append_string (out, conflict->key);
      break;
    case GLOSS_MERGE_CONFLICT_META:
      g_string_append (out, ",\"key\":");
      gloss_json_append_string (out, conflict->key);
      break;
    case GLOSS_MERGE_CONFLICT_TEXT:
    default:
      break;
    }

  g_string_append_printf (out, ",\"ours\":%s,\"theirs\":%s}",
                          conflict->ours ? conflict->ours : "null",
                          conflict->theirs ? conflict->theirs : "null");
}

/**
 * gloss_merge_conflict_dup_description:
 *
 * Returns: (transfer full): what the clash concerns, for people:
 *   “span 4”, “label “quote” of sentence 2” …
 */
char *
gloss_merge_conflict_dup_description (const GlossMergeConflict *conflict)
{
  switch (conflict->kind)
    {
    case GLOSS_MERGE_CONFLICT_TEXT:
      return g_strdup (_("the text"));
    case GLOSS_MERGE_CONFLICT_LABEL:
      return g_strdup_printf (_("the label “%s” of the set"), conflict->key);
    case GLOSS_MERGE_CONFLICT_RELATION_LABEL:
      return g_strdup_printf (_("the relation label “%s” of the set"), conflict->key);
    case GLOSS_MERGE_CONFLICT_SENTENCE:
      return g_strdup_printf (_("the boundaries of sentence %u"), conflict->id);
    case GLOSS_MERGE_CONFLICT_ANNOTATION:
      return g_strdup_printf (_("the label “%s” of sentence %u"), conflict->key, conflict->id);
    case GLOSS_MERGE_CONFLICT_NOTE:
      return g_strdup_printf (_("the note of sentence %u"), conflict->id);
    case GLOSS_MERGE_CONFLICT_SPAN:
      return g_strdup_printf (_("span %u"), conflict->id);
    case GLOSS_MERGE_CONFLICT_RELATION:
      return g_strdup_printf (_("relation %u"), conflict->id);
    case GLOSS_MERGE_CONFLICT_META:
      return g_strdup_printf (_("“%s” in meta"), conflict->key);
    default:
      g_assert_not_reached ();
    }
}

/* JSON as the conflicts keep it: compact, numbers as written */
static char *
compact_json (const char *json)
{
  g_autoptr(GlossJsonTape) tape = gloss_json_tape_parse (json, strlen (json), NULL);
  GString *out = g_string_new (NULL);

  g_assert (tape != NULL);
  gloss_json_tape_append_compact (out, tape, 0);

  return g_string_free (out, FALSE);
}

static gboolean
same (const char *a,
      const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* Which side a three-way merge of one value takes */
typedef enum
{
  TAKE_OURS,
  TAKE_THEIRS,
  TAKE_CLASH,
} Take;

/* The rule of every merge here: a side that did not change it takes the
 * other's change; the same change on both is one; else a clash */
static Take
merge3 (const char *base,
        const char *ours,
        const char *theirs)
{
  if (same (ours, theirs) || same (theirs, base))
    return TAKE_OURS;
  if (same (ours, base))
    return TAKE_THEIRS;

  return TAKE_CLASH;
}

/* The later of two times (ISO 8601 in UTC, as Gloss writes them, sort as
 * strings); NULL counts as earliest */
static const char *
later (const char *a,
       const char *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_strcmp0 (a, b) >= 0 ? a : b;
}

/* meta: an object, merged member by member */

typedef struct
{
  GPtrArray  *keys;    /* in the object's order */
  GHashTable *values;  /* key -> compact JSON */
} Members;

static void
members_clear (Members *members)
{
  g_clear_pointer (&members->keys, g_ptr_array_unref);
  g_clear_pointer (&members->values, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Members, members_clear)

static void
members_read (Members    *members,
              const char *object)
{
  g_autoptr(GlossJsonTape) tape = NULL;

  members->keys = g_ptr_array_new_with_free_func (g_free);
  members->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (object == NULL)
    return;

  tape = gloss_json_tape_parse (object, strlen (object), NULL);
  if (tape == NULL || gloss_json_tape_kind (tape, 0) != GLOSS_JSON_OBJECT)
    return;

  for (guint m = 1; m < gloss_json_tape_end (tape, 0); m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
    {
      char *key = g_strdup (gloss_json_tape_get_string (tape, m));
      GString *value = g_string_new (NULL);

      gloss_json_tape_append_compact (value, tape, m + 1);
      if (!g_hash_table_contains (members->values, key))
        g_ptr_array_add (members->keys, key);
      else
        {
          /* A name given twice: the last counts, as the tape reads it */
          for (guint i = 0; i < members->keys->len; i++)
            if (strcmp (g_ptr_array_index (members->keys, i), key) == 0)
              {
                g_free (key);
                key = g_ptr_array_index (members->keys, i);
                break;
              }
        }
      g_hash_table_insert (members->values, key, g_string_free (value, FALSE));
    }
}

static char *
members_write (Members *members)
{
  GString *out;

  if (members->keys->len == 0)
    return NULL;

  out = g_string_new ("{");
  for (guint i = 0; i < members->keys->len; i++)
    {
      const char *key = g_ptr_array_index (members->keys, i);

      if (i > 0)
        g_string_append_c (out, ',');
      gloss_json_append_string (out, key);
      g_string_append_c (out, ':');
      g_string_append (out, g_hash_table_lookup (members->values, key));
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/**
 * _gloss_merge_meta_set:
 * @meta: (nullable): the document's `meta`, compact JSON
 * @value: (nullable): the member's new value as JSON; %NULL removes it
 *
 * Returns: (transfer full) (nullable): @meta with the member @key set
 */
char *
_gloss_merge_meta_set (const char *meta,
                       const char *key,
                       const char *value)
{
  g_auto(Members) members = { NULL, NULL };

  members_read (&members, meta);
  if (value == NULL)
    {
      for (guint i = 0; i < members.keys->len; i++)
        if (strcmp (g_ptr_array_index (members.keys, i), key) == 0)
          {
            g_hash_table_remove (members.values, key);
            g_ptr_array_remove_index (members.keys, i);
            break;
          }
    }
  else
    {
      if (!g_hash_table_contains (members.values, key))
        g_ptr_array_add (members.keys, g_strdup (key));
      for (guint i = 0; i < members.keys->len; i++)
        if (strcmp (g_ptr_array_index (members.keys, i), key) == 0)
          g_hash_table_insert (members.values, g_ptr_array_index (members.keys, i), compact_json (value));
    }

  return members_write (&members);
}

/* The merge */

typedef struct
{
  GlossDocument *doc;
  GHashTable    *sentences;  /* the side's sentence id -> the merged one; NULL: the same */
} Side;

typedef struct
{
  Side           base, ours, theirs;
  GlossText     *text;
  GlossLabelSet *labels;
  GPtrArray     *conflicts;
  GPtrArray     *sentences;     /* merged, GlossSentence, in text order */
  GHashTable    *sentence_by_id;
  GHashTable    *notes;         /* merged sentence id -> the merged note */
  GHashTable    *span_map;      /* their span id -> the merged one */
  GHashTable    *relation_map;  /* their relation id -> the merged one */
  GHashTable    *used_by_ours;  /* span ids new or changed relations of ours join */
  GHashTable    *used_by_theirs;
  GHashTable    *kept;          /* span ids one side deleted and a clash keeps */
  GPtrArray     *spans;
  GPtrArray     *relations;
  guint          next_span_id;
  guint          next_relation_id;
} Merge;

static void
add_conflict (Merge             *merge,
              GlossMergeConflictKind  kind,
              guint              id,
              const char        *key,
              const char        *ours,
              const char        *theirs)
{
  g_autofree char *ours_compact = ours ? compact_json (ours) : NULL;
  g_autofree char *theirs_compact = theirs ? compact_json (theirs) : NULL;

  g_ptr_array_add (merge->conflicts, gloss_merge_conflict_new (kind, id, key, ours_compact, theirs_compact));
}

static guint
map_id (GHashTable *map,
        guint       id)
{
  gpointer value;

  if (map != NULL && g_hash_table_lookup_extended (map, GUINT_TO_POINTER (id), NULL, &value))
    return GPOINTER_TO_UINT (value);

  return id;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* Labels of the set, merged label by label as the file writes them */

typedef struct
{
  GPtrArray  *ids;     /* in set order */
  GHashTable *json;    /* id -> the label as JSON */
  GHashTable *nodes;   /* id -> JsonNode */
  JsonNode   *root;
} LabelList;

static void
label_list_clear (LabelList *list)
{
  g_clear_pointer (&list->ids, g_ptr_array_unref);
  g_clear_pointer (&list->json, g_hash_table_unref);
  g_clear_pointer (&list->nodes, g_hash_table_unref);
  g_clear_pointer (&list->root, json_node_unref);
}

static void
label_list_read (LabelList     *list,
                 GlossLabelSet *set)
{
  GString *json = g_string_new (NULL);
  JsonArray *array;

  gloss_label_set_append_json (set, json, NULL);
  list->root = gloss_json_parse (json->str, json->len, NULL);
  g_string_free (json, TRUE);

  list->ids = g_ptr_array_new ();
  list->json = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  list->nodes = g_hash_table_new (g_str_hash, g_str_equal);

  array = json_node_get_array (list->root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      char *id = (char *)json_object_get_string_member (json_node_get_object (node), "id");

      g_ptr_array_add (list->ids, id);
      g_hash_table_insert (list->json, id, gloss_json_node_to_string (node));
      g_hash_table_insert (list->nodes, id, node);
    }
}

static void
add_label (JsonArray  *merged,
           LabelList  *from,
           const char *id)
{
  json_array_add_element (merged, json_node_copy (g_hash_table_lookup (from->nodes, id)));
}

static gboolean spans_differ     (GlossSpan     *a,
                                  GlossSpan     *b);
static gboolean relations_differ (GlossRelation *a,
                                  GHashTable    *a_map,
                                  GlossRelation *b,
                                  GHashTable    *b_map);

/* The labels that what @side added or changed uses: a label the other
 * side deleted is then a clash, not a loss */
static GHashTable *
labels_in_use (GlossDocument *base,
               GlossDocument *side)
{
  GHashTable *used = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model = gloss_document_get_annotations (side);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);
      GlossSentence *before = gloss_document_lookup_sentence (base, gloss_annotation_get_sentence (annotation));

      if (before == NULL || !gloss_sentence_has_label (before, gloss_annotation_get_label (annotation)))
        g_hash_table_add (used, (gpointer)g_intern_string (gloss_annotation_get_label (annotation)));
    }

  model = gloss_document_get_spans (side);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (model, i);
      GlossSpan *before = gloss_document_lookup_span (base, gloss_span_get_id (span));

      if (before == NULL || spans_differ (before, span))
        g_hash_table_add (used, (gpointer)g_intern_string (gloss_span_get_label (span)));
    }

  model = gloss_document_get_relations (side);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (model, i);
      GlossRelation *before = gloss_document_lookup_relation (base, gloss_relation_get_id (relation));

      if (before == NULL || relations_differ (before, NULL, relation, NULL))
        g_hash_table_add (used, (gpointer)g_intern_string (gloss_relation_get_label (relation)));
    }

  return used;
}

/* Ours in our order (each label merged), then the labels only theirs
 * added, in their order */
static JsonArray *
merge_label_list (Merge             *merge,
                  GlossMergeConflictKind  kind,
                  GlossLabelSet     *base_set,
                  GlossLabelSet     *ours_set,
                  GlossLabelSet     *theirs_set)
{
  LabelList base = { NULL, }, ours = { NULL, }, theirs = { NULL, };
  JsonArray *merged = json_array_new ();
  g_autoptr(GHashTable) ours_use = labels_in_use (merge->base.doc, merge->ours.doc);
  g_autoptr(GHashTable) theirs_use = labels_in_use (merge->base.doc, merge->theirs.doc);

  label_list_read (&base, base_set);
  label_list_read (&ours, ours_set);
  label_list_read (&theirs, theirs_set);

  for (guint pass = 0; pass < 2; pass++)
    {
      LabelList *list = pass == 0 ? &ours : &theirs;

      for (guint i = 0; i < list->ids->len; i++)
        {
          const char *id = g_ptr_array_index (list->ids, i);
          const char *b = g_hash_table_lookup (base.json, id);
          const char *o = g_hash_table_lookup (ours.json, id);
          const char *t = g_hash_table_lookup (theirs.json, id);

          Take take = merge3 (b, o, t);

          if (pass == 1 && o != NULL)
            continue;

          /* Deleted by one side, used anew by the other */
          if ((take == TAKE_OURS && o == NULL && t != NULL && g_hash_table_contains (theirs_use, g_intern_string (id))) ||
              (take == TAKE_THEIRS && t == NULL && g_hash_table_contains (ours_use, g_intern_string (id))))
            take = TAKE_CLASH;

          switch (take)
            {
            case TAKE_OURS:
              if (o != NULL)
                add_label (merged, &ours, id);
              break;
            case TAKE_THEIRS:
              if (t != NULL)
                add_label (merged, &theirs, id);
              break;
            case TAKE_CLASH:
              add_conflict (merge, kind, 0, id, o, t);
              add_label (merged, o ? &ours : &theirs, id);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  /* A label of theirs whose key a label of ours has: kept without its
   * key, and a clash, so that the set stays one a file can hold */
  {
    g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint pass = 0; pass < 2; pass++)
      for (guint i = 0; i < json_array_get_length (merged); i++)
        {
          JsonObject *label = json_array_get_object_element (merged, i);
          const char *id = json_object_get_string_member (label, "id");
          const char *key = json_object_get_string_member_with_default (label, "key", "");
          const char *o = g_hash_table_lookup (ours.json, id);
          g_autofree char *node = gloss_json_node_to_string (json_array_get_element (merged, i));
          gboolean from_ours = o != NULL && strcmp (o, node) == 0;

          if (key[0] == '\0' || from_ours != (pass == 0))
            continue;
          if (g_hash_table_add (keys, (gpointer)key))
            continue;

          add_conflict (merge, kind, 0, id, o, node);
          json_object_set_string_member (label, "key", "");
        }
  }

  label_list_clear (&base);
  label_list_clear (&ours);
  label_list_clear (&theirs);

  return merged;
}

static gboolean
merge_labels (Merge   *merge,
              GError **error)
{
  g_autoptr(JsonArray) labels = NULL;
  g_autoptr(JsonArray) relation_labels = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  GlossLabelSet *b = gloss_document_get_labels (merge->base.doc);
  GlossLabelSet *o = gloss_document_get_labels (merge->ours.doc);
  GlossLabelSet *t = gloss_document_get_labels (merge->theirs.doc);

  labels = merge_label_list (merge, GLOSS_MERGE_CONFLICT_LABEL, b, o, t);
  relation_labels = merge_label_list (merge, GLOSS_MERGE_CONFLICT_RELATION_LABEL, gloss_label_set_get_relation_labels (b),
                                      gloss_label_set_get_relation_labels (o), gloss_label_set_get_relation_labels (t));

  merge->labels = gloss_label_set_new_from_json_full (labels, "$.labels", relation_labels, "$.relation_labels",
                                                      problems);
  if (merge->labels == NULL || problems->len > 0)
    {
      GlossProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("The label sets of the two sides do not merge (%s: %s)"), problem->path, problem->message);
      return FALSE;
    }

  return TRUE;
}

/* Sentences: merged id by id; a split keeps the id of the first part */

static char *
range_json (GlossSentence *sentence)
{
  GString *out;

  if (sentence == NULL)
    return NULL;

  out = g_string_new (NULL);
  gloss_format_append_sentence (out, sentence);

  return g_string_free (out, FALSE);
}

static char *
range_key (GlossSentence *sentence)
{
  return sentence ? g_strdup_printf ("%u-%u", gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence))
                  : NULL;
}

static GHashTable *
sentence_ids (GlossDocument *doc)
{
  GHashTable *ids = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < gloss_document_get_n_sentences (doc); i++)
    g_hash_table_add (ids, GUINT_TO_POINTER (gloss_sentence_get_id (gloss_document_get_sentence (doc, i))));

  return ids;
}

static int
compare_sentences (gconstpointer a,
                   gconstpointer b)
{
  GlossSentence *x = *(GlossSentence **)a, *y = *(GlossSentence **)b;

  if (gloss_sentence_get_start (x) != gloss_sentence_get_start (y))
    return gloss_sentence_get_start (x) < gloss_sentence_get_start (y) ? -1 : 1;
  if (gloss_sentence_get_end (x) != gloss_sentence_get_end (y))
    return gloss_sentence_get_end (x) < gloss_sentence_get_end (y) ? -1 : 1;

  return gloss_sentence_get_id (x) < gloss_sentence_get_id (y) ? -1 : gloss_sentence_get_id (x) > gloss_sentence_get_id (y);
}

static gboolean
layout_is_valid (GPtrArray *sentences)
{
  for (guint i = 1; i < sentences->len; i++)
    if (gloss_sentence_get_start (g_ptr_array_index (sentences, i)) <
        gloss_sentence_get_end (g_ptr_array_index (sentences, i - 1)))
      return FALSE;

  return TRUE;
}

static void
merge_sentences (Merge *merge)
{
  GlossDocument *b = merge->base.doc, *o = merge->ours.doc, *t = merge->theirs.doc;
  g_autoptr(GHashTable) base_ids = sentence_ids (b);
  g_autoptr(GHashTable) ours_ids = sentence_ids (o);
  g_autoptr(GHashTable) ours_ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) theirs_changes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next_id = 0;

  if (merge->theirs.sentences == NULL)
    merge->theirs.sentences = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < 3; s++)
    {
      GlossDocument *doc = s == 0 ? b : s == 1 ? o : t;

      for (guint i = 0; i < gloss_document_get_n_sentences (doc); i++)
        next_id = MAX (next_id, gloss_sentence_get_id (gloss_document_get_sentence (doc, i)) + 1);
    }

  /* Ours, each of its sentences merged with theirs */
  for (guint i = 0; i < gloss_document_get_n_sentences (o); i++)
    {
      GlossSentence *os = gloss_document_get_sentence (o, i);
      guint id = gloss_sentence_get_id (os);
      GlossSentence *bs = gloss_document_lookup_sentence (b, id);
      GlossSentence *ts = bs ? gloss_document_lookup_sentence (t, id) : NULL;
      g_autofree char *bk = range_key (bs), *ok = range_key (os), *tk = range_key (ts);

      g_hash_table_insert (ours_ranges, g_strdup (ok), GUINT_TO_POINTER (id));
      g_hash_table_add (taken, GUINT_TO_POINTER (id));

      if (bs == NULL)
        {
          /* New in ours */
          g_ptr_array_add (merged, gloss_sentence_new (id, gloss_sentence_get_start (os), gloss_sentence_get_end (os)));
          continue;
        }

      switch (merge3 (bk, ok, tk))
        {
        case TAKE_THEIRS:
          if (ts != NULL)
            g_ptr_array_add (merged, gloss_sentence_new (id, gloss_sentence_get_start (ts), gloss_sentence_get_end (ts)));
          g_array_append_val (theirs_changes, id);
          break;
        case TAKE_CLASH:
          {
            g_autofree char *oj = range_json (os), *tj = range_json (ts);

            add_conflict (merge, GLOSS_MERGE_CONFLICT_SENTENCE, id, NULL, oj, tj);
          }
          G_GNUC_FALLTHROUGH;
        case TAKE_OURS:
        default:
          g_ptr_array_add (merged, gloss_sentence_new (id, gloss_sentence_get_start (os), gloss_sentence_get_end (os)));
          break;
        }
    }

  /* Deleted by ours (merged into the one before), changed by theirs */
  for (guint i = 0; i < gloss_document_get_n_sentences (b); i++)
    {
      GlossSentence *bs = gloss_document_get_sentence (b, i);
      guint id = gloss_sentence_get_id (bs);
      GlossSentence *ts = gloss_document_lookup_sentence (t, id);
      g_autofree char *bk = range_key (bs), *tk = range_key (ts);

      if (g_hash_table_contains (ours_ids, GUINT_TO_POINTER (id)) || ts == NULL || same (bk, tk))
        continue;

      {
        g_autofree char *tj = range_json (ts);

        add_conflict (merge, GLOSS_MERGE_CONFLICT_SENTENCE, id, NULL, NULL, tj);
      }
    }

  /* New in theirs: the same sentence new in ours is one; else kept with
   * its id while that is free */
  for (guint i = 0; i < gloss_document_get_n_sentences (t); i++)
    {
      GlossSentence *ts = gloss_document_get_sentence (t, i);
      guint id = gloss_sentence_get_id (ts);
      g_autofree char *tk = range_key (ts);
      gpointer found;

      if (g_hash_table_contains (base_ids, GUINT_TO_POINTER (id)))
        continue;

      if (g_hash_table_lookup_extended (ours_ranges, tk, NULL, &found) &&
          !g_hash_table_contains (base_ids, found))
        {
          g_hash_table_insert (merge->theirs.sentences, GUINT_TO_POINTER (id), found);
          continue;
        }

      if (g_hash_table_contains (taken, GUINT_TO_POINTER (id)))
        g_hash_table_insert (merge->theirs.sentences, GUINT_TO_POINTER (id), GUINT_TO_POINTER (next_id++));
      g_hash_table_add (taken, GUINT_TO_POINTER (map_id (merge->theirs.sentences, id)));
      g_ptr_array_add (merged, gloss_sentence_new (map_id (merge->theirs.sentences, id), gloss_sentence_get_start (ts),
                                                   gloss_sentence_get_end (ts)));
      g_array_append_val (theirs_changes, id);
    }

  g_ptr_array_sort (merged, compare_sentences);

  if (!layout_is_valid (merged))
    {
      /* Their boundaries do not fit ours: ours are kept, and each of
       * their changes is a clash */
      g_ptr_array_set_size (merged, 0);
      for (guint i = 0; i < gloss_document_get_n_sentences (o); i++)
        {
          GlossSentence *os = gloss_document_get_sentence (o, i);

          g_ptr_array_add (merged, gloss_sentence_new (gloss_sentence_get_id (os), gloss_sentence_get_start (os),
                                                       gloss_sentence_get_end (os)));
        }

      g_array_sort (theirs_changes, compare_uint);
      for (guint i = 0; i < theirs_changes->len; i++)
        {
          guint id = g_array_index (theirs_changes, guint, i);
          guint merged_id = map_id (merge->theirs.sentences, id);
          GlossSentence *ts = gloss_document_lookup_sentence (t, id);
          GlossSentence *os = gloss_document_lookup_sentence (o, merged_id);
          g_autoptr(GlossSentence) shown = ts ? gloss_sentence_new (merged_id, gloss_sentence_get_start (ts),
                                                                      gloss_sentence_get_end (ts)) : NULL;
          g_autofree char *oj = range_json (os), *tj = range_json (shown);

          add_conflict (merge, GLOSS_MERGE_CONFLICT_SENTENCE, merged_id, NULL, oj, tj);
        }
    }

  merge->sentences = g_steal_pointer (&merged);
  merge->sentence_by_id = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < merge->sentences->len; i++)
    g_hash_table_insert (merge->sentence_by_id,
                         GUINT_TO_POINTER (gloss_sentence_get_id (g_ptr_array_index (merge->sentences, i))),
                         g_ptr_array_index (merge->sentences, i));
}

/* The merged sentence of an id, or NULL */
static GlossSentence *
merged_sentence (Merge *merge,
                 guint  id)
{
  return g_hash_table_lookup (merge->sentence_by_id, GUINT_TO_POINTER (id));
}

/* The merged sentence that holds [start, end), or NULL */
static GlossSentence *
containing_sentence (Merge *merge,
                     guint  start,
                     guint  end)
{
  guint low = 0, high = merge->sentences->len;

  /* The last sentence that starts at or before @start */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (gloss_sentence_get_start (g_ptr_array_index (merge->sentences, middle)) <= start)
        low = middle + 1;
      else
        high = middle;
    }
  if (low == 0)
    return NULL;

  {
    GlossSentence *sentence = g_ptr_array_index (merge->sentences, low - 1);

    return gloss_sentence_get_end (sentence) >= end ? sentence : NULL;
  }
}

/* Annotations and notes: an annotation is a sentence and a label */

/* The note of a side's sentence (each annotation of it keeps the same) */
static const char *
side_note (GlossDocument *doc,
           guint          id)
{
  GlossSentence *sentence = gloss_document_lookup_sentence (doc, id);

  if (sentence == NULL || gloss_sentence_get_n_annotations (sentence) == 0)
    return "";

  return gloss_annotation_get_note (gloss_sentence_get_annotation (sentence, 0));
}

/* Side id of a merged sentence id in @side, or G_MAXUINT */
static GHashTable *
reverse_map (GlossDocument *doc,
             GHashTable    *map)
{
  GHashTable *reverse = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < gloss_document_get_n_sentences (doc); i++)
    {
      guint id = gloss_sentence_get_id (gloss_document_get_sentence (doc, i));

      g_hash_table_insert (reverse, GUINT_TO_POINTER (map_id (map, id)), GUINT_TO_POINTER (id));
    }

  return reverse;
}

static GlossAnnotation *
find_annotation (GlossDocument *doc,
                 GHashTable    *reverse,
                 guint          merged_id,
                 const char    *label)
{
  gpointer id;
  GlossSentence *sentence;

  if (!g_hash_table_lookup_extended (reverse, GUINT_TO_POINTER (merged_id), NULL, &id))
    return NULL;
  sentence = gloss_document_lookup_sentence (doc, GPOINTER_TO_UINT (id));

  return sentence ? gloss_sentence_find_label (sentence, label) : NULL;
}

static char *
annotation_json (GlossAnnotation *annotation,
                 guint            sentence)
{
  g_autoptr(GlossAnnotation) shown = NULL;
  GString *out;

  if (annotation == NULL)
    return NULL;

  shown = gloss_annotation_new (gloss_annotation_get_id (annotation), gloss_annotation_get_label (annotation),
                                gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                                gloss_annotation_get_text (annotation), sentence,
                                gloss_annotation_get_note (annotation), gloss_annotation_get_annotator (annotation),
                                gloss_annotation_get_created (annotation), gloss_annotation_get_modified (annotation));
  gloss_annotation_set_review (shown, gloss_annotation_get_review (annotation));
  out = g_string_new (NULL);
  gloss_format_append_annotation (out, shown);

  return g_string_free (out, FALSE);
}

static const char *
review_key (GlossAnnotation *annotation)
{
  return annotation == NULL ? NULL : gloss_annotation_get_review (annotation) ? "review" : "";
}

typedef struct
{
  guint       sentence;  /* merged id */
  const char *label;
} AnnotationKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const AnnotationKey *x = a, *y = b;
  GlossLabelSet *labels = user_data;

  if (x->sentence != y->sentence)
    return x->sentence < y->sentence ? -1 : 1;

  return gloss_label_set_get_position (labels, x->label) - gloss_label_set_get_position (labels, y->label);
}

static void
collect_keys (GArray        *keys,
              GHashTable    *seen,
              GlossDocument *doc,
              GHashTable    *map)
{
  GListModel *annotations = gloss_document_get_annotations (doc);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      AnnotationKey key = { map_id (map, gloss_annotation_get_sentence (annotation)),
                            gloss_annotation_get_label (annotation) };
      g_autofree char *name = g_strdup_printf ("%u\x1f%s", key.sentence, key.label);

      if (g_hash_table_contains (seen, name))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&name));
      g_array_append_val (keys, key);
    }
}

static void
merge_notes (Merge      *merge,
             GHashTable *ours_reverse,
             GHashTable *theirs_reverse)
{
  merge->notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < merge->sentences->len; i++)
    {
      guint id = gloss_sentence_get_id (g_ptr_array_index (merge->sentences, i));
      gpointer side_id;
      const char *b = side_note (merge->base.doc, id);
      const char *o = "", *t = "";

      if (g_hash_table_lookup_extended (ours_reverse, GUINT_TO_POINTER (id), NULL, &side_id))
        o = side_note (merge->ours.doc, GPOINTER_TO_UINT (side_id));
      if (g_hash_table_lookup_extended (theirs_reverse, GUINT_TO_POINTER (id), NULL, &side_id))
        t = side_note (merge->theirs.doc, GPOINTER_TO_UINT (side_id));

      switch (merge3 (b, o, t))
        {
        case TAKE_THEIRS:
          g_hash_table_insert (merge->notes, GUINT_TO_POINTER (id), g_strdup (t));
          break;
        case TAKE_CLASH:
          {
            GString *oj = g_string_new (NULL), *tj = g_string_new (NULL);

            gloss_json_append_string (oj, o);
            gloss_json_append_string (tj, t);
            add_conflict (merge, GLOSS_MERGE_CONFLICT_NOTE, id, NULL, oj->str, tj->str);
            g_string_free (oj, TRUE);
            g_string_free (tj, TRUE);
          }
          G_GNUC_FALLTHROUGH;
        case TAKE_OURS:
        default:
          g_hash_table_insert (merge->notes, GUINT_TO_POINTER (id), g_strdup (o));
          break;
        }
    }
}

/* An annotation made on @range, in the merged @sentence: when the
 * boundaries moved, it goes on each merged sentence within the range it
 * was made on, marked for review, as a split leaves labels on both parts */
static void
place_annotation (Merge           *merge,
                  GPtrArray       *out,
                  GHashTable      *placed,
                  GlossAnnotation *from,
                  GlossAnnotation *times,
                  gboolean         review,
                  guint            id_hint,
                  GlossSentence   *sentence,
                  GHashTable      *used_ids,
                  guint           *next_id)
{
  guint made_start = gloss_annotation_get_start (from), made_end = gloss_annotation_get_end (from);
  gboolean moved = made_start != gloss_sentence_get_start (sentence) || made_end != gloss_sentence_get_end (sentence);
  guint low = 0, high = merge->sentences->len;
  guint from_offset = MIN (made_start, gloss_sentence_get_start (sentence));
  guint to_offset = MAX (made_end, gloss_sentence_get_end (sentence));

  /* Only the sentences from the first that starts at @from_offset on can
   * be it or lie within the range it was made on */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (gloss_sentence_get_start (g_ptr_array_index (merge->sentences, middle)) < from_offset)
        low = middle + 1;
      else
        high = middle;
    }

  for (guint i = low; i < merge->sentences->len &&
                      gloss_sentence_get_start (g_ptr_array_index (merge->sentences, i)) < to_offset; i++)
    {
      GlossSentence *target = g_ptr_array_index (merge->sentences, i);
      guint start = gloss_sentence_get_start (target), end = gloss_sentence_get_end (target);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GlossAnnotation) annotation = NULL;
      const char *note;
      guint id;

      if (target != sentence && (!moved || start < made_start || end > made_end))
        continue;

      name = g_strdup_printf ("%u\x1f%s", gloss_sentence_get_id (target), gloss_annotation_get_label (from));
      if (g_hash_table_contains (placed, name))
        continue;
      g_hash_table_add (placed, g_steal_pointer (&name));

      id = id_hint;
      if (g_hash_table_contains (used_ids, GUINT_TO_POINTER (id)))
        id = (*next_id)++;
      g_hash_table_add (used_ids, GUINT_TO_POINTER (id));

      note = g_hash_table_lookup (merge->notes, GUINT_TO_POINTER (gloss_sentence_get_id (target)));
      text = gloss_text_dup_slice (merge->text, start, end);
      annotation = gloss_annotation_new (id, gloss_annotation_get_label (from), start, end, text,
                                         gloss_sentence_get_id (target), note ? note : "",
                                         gloss_annotation_get_annotator (times), gloss_annotation_get_created (times),
                                         gloss_annotation_get_modified (times));
      gloss_annotation_set_review (annotation, review || moved);
      g_ptr_array_add (out, g_steal_pointer (&annotation));
    }
}

static GPtrArray *
merge_annotations (Merge *merge)
{
  g_autoptr(GHashTable) base_reverse = reverse_map (merge->base.doc, merge->base.sentences);
  g_autoptr(GHashTable) ours_reverse = reverse_map (merge->ours.doc, merge->ours.sentences);
  g_autoptr(GHashTable) theirs_reverse = reverse_map (merge->theirs.doc, merge->theirs.sentences);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used_ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (AnnotationKey));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint next_id = 0;

  merge_notes (merge, ours_reverse, theirs_reverse);

  collect_keys (keys, seen, merge->ours.doc, merge->ours.sentences);
  collect_keys (keys, seen, merge->theirs.doc, merge->theirs.sentences);
  collect_keys (keys, seen, merge->base.doc, merge->base.sentences);
  g_array_sort_with_data (keys, compare_keys, merge->labels);

  for (guint s = 0; s < 3; s++)
    {
      GlossDocument *doc = s == 0 ? merge->base.doc : s == 1 ? merge->ours.doc : merge->theirs.doc;
      GListModel *annotations = gloss_document_get_annotations (doc);

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

          next_id = MAX (next_id, gloss_annotation_get_id (annotation) + 1);
        }
    }

  /* Ours keep their ids: they are placed first */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < keys->len; k++)
      {
        AnnotationKey *key = &g_array_index (keys, AnnotationKey, k);
        GlossAnnotation *b = find_annotation (merge->base.doc, base_reverse, key->sentence, key->label);
        GlossAnnotation *o = find_annotation (merge->ours.doc, ours_reverse, key->sentence, key->label);
        GlossAnnotation *t = find_annotation (merge->theirs.doc, theirs_reverse, key->sentence, key->label);
        GlossSentence *sentence = merged_sentence (merge, key->sentence);
        GlossAnnotation *from = NULL;
        GlossAnnotation *times;
        gboolean review;
        Take take;

        if ((pass == 0) != (o != NULL))
          continue;

        if (b != NULL && o == NULL && t == NULL)
          continue;

        if (o != NULL && t != NULL)
          take = TAKE_OURS;
        else if (b == NULL)
          take = o ? TAKE_OURS : TAKE_THEIRS;
        else if (o == NULL)
          take = same (review_key (t), review_key (b)) ? TAKE_OURS : TAKE_CLASH;
        else
          take = same (review_key (o), review_key (b)) ? TAKE_THEIRS : TAKE_CLASH;

        if (take == TAKE_CLASH)
          {
            g_autofree char *oj = annotation_json (o, key->sentence);
            g_autofree char *tj = annotation_json (t, key->sentence);

            add_conflict (merge, GLOSS_MERGE_CONFLICT_ANNOTATION, key->sentence, key->label, oj, tj);
            from = o ? o : t;
          }
        else
          from = take == TAKE_OURS ? o : t;

        if (from == NULL)
          continue;

        /* Its sentence was merged into another by the other side: it goes
         * there, marked for review, as a merge in the window keeps it */
        if (sentence == NULL)
          sentence = containing_sentence (merge, gloss_annotation_get_start (from), gloss_annotation_get_end (from));

        if (sentence == NULL)
          {
            /* Its sentence is not in the merged boundaries: it waits in a
             * clash */
            if (take != TAKE_CLASH)
              {
                g_autofree char *oj = annotation_json (o, key->sentence);
                g_autofree char *tj = annotation_json (t, key->sentence);

                add_conflict (merge, GLOSS_MERGE_CONFLICT_ANNOTATION, key->sentence, key->label, oj, tj);
              }
            continue;
          }

        /* Both have it: the review mark merges as a flag (the side that
         * changed it wins), the annotator and times are the later
         * change's */
        review = gloss_annotation_get_review (from);
        times = from;
        if (o != NULL && t != NULL)
          {
            review = same (review_key (o), review_key (b)) ? gloss_annotation_get_review (t)
                                                           : gloss_annotation_get_review (o);
            if (!same (gloss_annotation_get_modified (o), gloss_annotation_get_modified (t)) &&
                same (later (gloss_annotation_get_modified (o), gloss_annotation_get_modified (t)),
                      gloss_annotation_get_modified (t)))
              times = t;
          }

        place_annotation (merge, out, placed, from, times, review,
                          gloss_annotation_get_id (o ? o : from), sentence, used_ids, &next_id);
      }

  return out;
}

/* Spans and relations: merged member by member */

static const char *
info_field (GlossSpanInfo *info,
            const char    *field)
{
  if (strcmp (field, "note") == 0)
    return info->note ? info->note : "";
  if (strcmp (field, "origin") == 0)
    return info->origin ? info->origin : "";
  if (strcmp (field, "suggester") == 0)
    return info->suggester ? info->suggester : "";
  if (strcmp (field, "review") == 0)
    return info->review ? "true" : "false";

  return NULL;
}

static char *
span_field (GlossSpan  *span,
            const char *field)
{
  if (span == NULL)
    return NULL;

  if (strcmp (field, "label") == 0)
    return g_strdup (gloss_span_get_label (span));
  if (strcmp (field, "parts") == 0)
    {
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
        g_string_append_printf (out, "%u-%u,", gloss_span_get_part (span, i).start, gloss_span_get_part (span, i).end);
      return g_string_free (out, FALSE);
    }
  if (g_str_has_prefix (field, "attribute:"))
    return g_strdup (gloss_span_get_attribute (span, field + strlen ("attribute:")));

  return g_strdup (info_field (_gloss_span_get_info (span), field));
}

static char *
relation_field (GlossRelation *relation,
                GHashTable    *span_map,
                const char    *field)
{
  if (relation == NULL)
    return NULL;

  if (strcmp (field, "label") == 0)
    return g_strdup (gloss_relation_get_label (relation));
  if (strcmp (field, "from") == 0)
    return g_strdup_printf ("%u", map_id (span_map, gloss_relation_get_from (relation)));
  if (strcmp (field, "to") == 0)
    return g_strdup_printf ("%u", map_id (span_map, gloss_relation_get_to (relation)));

  return g_strdup (info_field (_gloss_relation_get_info (relation), field));
}

static const char * const info_fields[] = { "note", "origin", "suggester", "review", NULL };

static GPtrArray *
span_fields (GlossSpan *b,
             GlossSpan *o,
             GlossSpan *t)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GlossSpan *sides[] = { o, t, b };

  g_ptr_array_add (fields, g_strdup ("label"));
  g_ptr_array_add (fields, g_strdup ("parts"));
  for (guint i = 0; info_fields[i] != NULL; i++)
    g_ptr_array_add (fields, g_strdup (info_fields[i]));

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; sides[s] != NULL && i < gloss_span_get_n_attributes (sides[s]); i++)
      {
        const char *name = gloss_span_get_attribute_name (sides[s], i);

        if (g_hash_table_add (seen, (gpointer)name))
          g_ptr_array_add (fields, g_strconcat ("attribute:", name, NULL));
      }

  return fields;
}

static void
set_info_field (GlossSpanInfo *to,
                GlossSpanInfo *from,
                const char    *field)
{
  if (strcmp (field, "note") == 0)
    _gloss_span_info_set (to, &to->note, from->note);
  else if (strcmp (field, "origin") == 0)
    _gloss_span_info_set (to, &to->origin, from->origin);
  else if (strcmp (field, "suggester") == 0)
    _gloss_span_info_set (to, &to->suggester, from->suggester);
  else if (strcmp (field, "review") == 0)
    to->review = from->review;
}

/* The times and annotator of a merged item: the later change's, created
 * when it was first made */
static void
set_times (GlossSpanInfo *to,
           GlossSpanInfo *base,
           GlossSpanInfo *ours,
           GlossSpanInfo *theirs)
{
  const char *modified = later (ours->modified, theirs->modified);
  GlossSpanInfo *last = same (modified, ours->modified) ? ours : theirs;

  _gloss_span_info_set (to, &to->annotator, last->annotator);
  _gloss_span_info_set (to, &to->modified, modified);
  if (base != NULL)
    _gloss_span_info_set (to, &to->created, base->created);
  else
    _gloss_span_info_set (to, &to->created, g_strcmp0 (ours->created, theirs->created) <= 0 ? ours->created
                                                                                          : theirs->created);
}

static gboolean
spans_differ (GlossSpan *a,
              GlossSpan *b)
{
  g_autoptr(GPtrArray) fields = span_fields (a, b, NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *x = span_field (a, g_ptr_array_index (fields, i));
      g_autofree char *y = span_field (b, g_ptr_array_index (fields, i));

      if (!same (x, y))
        return TRUE;
    }

  return FALSE;
}

/* Merges one span present on both sides; NULL on a clash */
static GlossSpan *
merge_span (Merge     *merge,
            GlossSpan *b,
            GlossSpan *o,
            GlossSpan *t)
{
  g_autoptr(GPtrArray) fields = span_fields (b, o, t);
  g_autoptr(GlossSpan) merged = gloss_span_copy (o);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      g_autofree char *bv = span_field (b, field), *ov = span_field (o, field), *tv = span_field (t, field);
      Take take = merge3 (bv, ov, tv);

      /* Two new spans at the same place: a member one side left out and
       * the other gave is taken */
      if (take == TAKE_CLASH && b == NULL && (ov == NULL || tv == NULL))
        take = ov == NULL ? TAKE_THEIRS : TAKE_OURS;

      if (take == TAKE_CLASH)
        return NULL;
      if (take == TAKE_OURS)
        continue;

      if (strcmp (field, "label") == 0)
        gloss_span_set_label (merged, gloss_span_get_label (t));
      else if (strcmp (field, "parts") == 0)
        {
          g_autoptr(GPtrArray) texts = g_ptr_array_new ();

          for (guint k = 0; k < gloss_span_get_n_parts (t); k++)
            g_ptr_array_add (texts, (gpointer)gloss_span_get_part_text (t, k));
          gloss_span_set_parts (merged, gloss_span_get_parts (t), gloss_span_get_n_parts (t),
                                (const char * const *)texts->pdata);
        }
      else if (g_str_has_prefix (field, "attribute:"))
        gloss_span_set_attribute (merged, field + strlen ("attribute:"), tv);
      else
        set_info_field (_gloss_span_get_info (merged), _gloss_span_get_info (t), field);
    }

  set_times (_gloss_span_get_info (merged), b ? _gloss_span_get_info (b) : NULL, _gloss_span_get_info (o),
             _gloss_span_get_info (t));

  return g_steal_pointer (&merged);
}

static char *
span_json (GlossSpan *span,
           guint      id)
{
  g_autoptr(GlossSpan) shown = NULL;
  GString *out;

  if (span == NULL)
    return NULL;

  shown = gloss_span_copy (span);
  gloss_span_set_id (shown, id);
  out = g_string_new (NULL);
  gloss_format_append_span (out, shown);

  return g_string_free (out, FALSE);
}

static GArray *
sorted_ids (GListModel *model,
            guint     (*get_id) (gpointer))
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      guint id = get_id (item);

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_uint);

  return ids;
}

static guint
span_id (gpointer item)
{
  return gloss_span_get_id (item);
}

static guint
relation_id (gpointer item)
{
  return gloss_relation_get_id (item);
}

/* The spans the relations of @side join that it added or changed: a span
 * the other side deleted is then a clash, not a loss */
static GHashTable *
spans_in_use (GlossDocument *base,
              GlossDocument *side)
{
  GHashTable *used = g_hash_table_new (NULL, NULL);
  GListModel *relations = gloss_document_get_relations (side);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      GlossRelation *before = gloss_document_lookup_relation (base, gloss_relation_get_id (relation));

      if (before == NULL || relations_differ (before, NULL, relation, NULL))
        {
          g_hash_table_add (used, GUINT_TO_POINTER (gloss_relation_get_from (relation)));
          g_hash_table_add (used, GUINT_TO_POINTER (gloss_relation_get_to (relation)));
        }
    }

  return used;
}

static void
merge_spans (Merge *merge)
{
  GlossDocument *bd = merge->base.doc, *od = merge->ours.doc, *td = merge->theirs.doc;
  g_autoptr(GArray) ours_ids = sorted_ids (gloss_document_get_spans (od), span_id);
  g_autoptr(GArray) theirs_ids = sorted_ids (gloss_document_get_spans (td), span_id);
  g_autoptr(GArray) base_ids = sorted_ids (gloss_document_get_spans (bd), span_id);
  g_autoptr(GHashTable) ours_new = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  merge->span_map = g_hash_table_new (NULL, NULL);
  merge->spans = g_ptr_array_new_with_free_func (g_object_unref);
  merge->next_span_id = MAX (MAX (bd->next_span_id, od->next_span_id), td->next_span_id);
  merge->used_by_ours = spans_in_use (bd, od);
  merge->used_by_theirs = spans_in_use (bd, td);
  merge->kept = g_hash_table_new (NULL, NULL);

  /* Ours, and what became of each in theirs */
  for (guint i = 0; i < ours_ids->len; i++)
    {
      guint id = g_array_index (ours_ids, guint, i);
      GlossSpan *o = gloss_document_lookup_span (od, id);
      GlossSpan *b = gloss_document_lookup_span (bd, id);
      GlossSpan *t = b ? gloss_document_lookup_span (td, id) : NULL;
      GlossSpan *merged;

      if (b == NULL)
        {
          g_autofree char *parts = span_field (o, "parts");
          g_autofree char *place = g_strdup_printf ("%s\x1f%s", gloss_span_get_label (o), parts);

          g_hash_table_insert (ours_new, g_steal_pointer (&place), o);
          g_ptr_array_add (merge->spans, gloss_span_copy (o));
          continue;
        }

      if (t == NULL)
        {
          /* Deleted by theirs: gone, unless ours changed it or joins it */
          if (spans_differ (b, o) || g_hash_table_contains (merge->used_by_ours, GUINT_TO_POINTER (id)))
            {
              g_autofree char *oj = span_json (o, id);

              add_conflict (merge, GLOSS_MERGE_CONFLICT_SPAN, id, NULL, oj, NULL);
              g_hash_table_add (merge->kept, GUINT_TO_POINTER (id));
              g_ptr_array_add (merge->spans, gloss_span_copy (o));
            }
          continue;
        }

      merged = merge_span (merge, b, o, t);
      if (merged == NULL)
        {
          g_autofree char *oj = span_json (o, id), *tj = span_json (t, id);

          add_conflict (merge, GLOSS_MERGE_CONFLICT_SPAN, id, NULL, oj, tj);
          merged = gloss_span_copy (o);
        }
      g_ptr_array_add (merge->spans, merged);
    }

  /* Deleted by ours, changed or joined by theirs */
  for (guint i = 0; i < base_ids->len; i++)
    {
      guint id = g_array_index (base_ids, guint, i);
      GlossSpan *b = gloss_document_lookup_span (bd, id);
      GlossSpan *t = gloss_document_lookup_span (td, id);

      if (gloss_document_lookup_span (od, id) != NULL || t == NULL)
        continue;

      if (spans_differ (b, t) || g_hash_table_contains (merge->used_by_theirs, GUINT_TO_POINTER (id)))
        {
          g_autofree char *tj = span_json (t, id);

          add_conflict (merge, GLOSS_MERGE_CONFLICT_SPAN, id, NULL, NULL, tj);
          g_hash_table_add (merge->kept, GUINT_TO_POINTER (id));
          g_ptr_array_add (merge->spans, gloss_span_copy (t));
        }
    }

  /* New in theirs: the same span new in ours is one; else it keeps its id
   * unless ours has had that id, and then takes one past every id either
   * side has had */
  for (guint i = 0; i < theirs_ids->len; i++)
    {
      guint id = g_array_index (theirs_ids, guint, i);
      GlossSpan *t = gloss_document_lookup_span (td, id);
      g_autofree char *parts = NULL;
      g_autofree char *place = NULL;
      GlossSpan *o;
      guint new_id;

      if (gloss_document_lookup_span (bd, id) != NULL)
        continue;

      parts = span_field (t, "parts");
      place = g_strdup_printf ("%s\x1f%s", gloss_span_get_label (t), parts);
      o = g_hash_table_lookup (ours_new, place);
      if (o != NULL)
        {
          GlossSpan *merged = merge_span (merge, NULL, o, t);

          g_hash_table_insert (merge->span_map, GUINT_TO_POINTER (id), GUINT_TO_POINTER (gloss_span_get_id (o)));
          for (guint k = 0; k < merge->spans->len; k++)
            if (gloss_span_get_id (g_ptr_array_index (merge->spans, k)) == gloss_span_get_id (o))
              {
                if (merged == NULL)
                  {
                    g_autofree char *oj = span_json (o, gloss_span_get_id (o));
                    g_autofree char *tj = span_json (t, gloss_span_get_id (o));

                    add_conflict (merge, GLOSS_MERGE_CONFLICT_SPAN, gloss_span_get_id (o), NULL, oj, tj);
                  }
                else
                  {
                    g_object_unref (g_ptr_array_index (merge->spans, k));
                    g_ptr_array_index (merge->spans, k) = merged;
                  }
                break;
              }
          continue;
        }

      new_id = id >= od->next_span_id ? id : merge->next_span_id++;
      g_hash_table_insert (merge->span_map, GUINT_TO_POINTER (id), GUINT_TO_POINTER (new_id));
      {
        GlossSpan *copy = gloss_span_copy (t);

        gloss_span_set_id (copy, new_id);
        g_ptr_array_add (merge->spans, copy);
      }
    }
}

static gboolean
relations_differ (GlossRelation *a,
                  GHashTable    *a_map,
                  GlossRelation *b,
                  GHashTable    *b_map)
{
  static const char * const fields[] = { "label", "from", "to", "note", "origin", "suggester", "review", NULL };

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *x = relation_field (a, a_map, fields[i]);
      g_autofree char *y = relation_field (b, b_map, fields[i]);

      if (!same (x, y))
        return TRUE;
    }

  return FALSE;
}

static GlossRelation *
merge_relation (Merge         *merge,
                GlossRelation *b,
                GlossRelation *o,
                GlossRelation *t)
{
  static const char * const fields[] = { "label", "from", "to", "note", "origin", "suggester", "review", NULL };
  g_autoptr(GlossRelation) merged = gloss_relation_copy (o);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];
      g_autofree char *bv = relation_field (b, NULL, field), *ov = relation_field (o, NULL, field);
      g_autofree char *tv = relation_field (t, merge->span_map, field);
      Take take = merge3 (bv, ov, tv);

      if (take == TAKE_CLASH)
        return NULL;
      if (take == TAKE_OURS)
        continue;

      if (strcmp (field, "label") == 0)
        gloss_relation_set_label (merged, gloss_relation_get_label (t));
      else if (strcmp (field, "from") == 0)
        gloss_relation_set_from (merged, map_id (merge->span_map, gloss_relation_get_from (t)));
      else if (strcmp (field, "to") == 0)
        gloss_relation_set_to (merged, map_id (merge->span_map, gloss_relation_get_to (t)));
      else
        set_info_field (_gloss_relation_get_info (merged), _gloss_relation_get_info (t), field);
    }

  set_times (_gloss_relation_get_info (merged), b ? _gloss_relation_get_info (b) : NULL,
             _gloss_relation_get_info (o), _gloss_relation_get_info (t));

  return g_steal_pointer (&merged);
}

/* A relation of theirs as the merged document names its spans */
static GlossRelation *
theirs_mapped (Merge         *merge,
               GlossRelation *t,
               guint          id)
{
  GlossRelation *copy;

  if (t == NULL)
    return NULL;

  copy = gloss_relation_copy (t);
  gloss_relation_set_id (copy, id);
  gloss_relation_set_from (copy, map_id (merge->span_map, gloss_relation_get_from (t)));
  gloss_relation_set_to (copy, map_id (merge->span_map, gloss_relation_get_to (t)));

  return copy;
}

static char *
relation_json (GlossRelation *relation)
{
  GString *out;

  if (relation == NULL)
    return NULL;

  out = g_string_new (NULL);
  gloss_format_append_relation (out, relation);

  return g_string_free (out, FALSE);
}

static void
relation_clash (Merge         *merge,
                guint          id,
                GlossRelation *o,
                GlossRelation *t)
{
  g_autoptr(GlossRelation) shown = theirs_mapped (merge, t, id);
  g_autofree char *oj = relation_json (o), *tj = relation_json (shown);

  add_conflict (merge, GLOSS_MERGE_CONFLICT_RELATION, id, NULL, oj, tj);
}

/* A relation one side deleted only with its span, which a clash keeps:
 * it stays with it (taking the deletion removes both again) */
static gboolean
joins_kept (Merge         *merge,
            GlossRelation *relation)
{
  return g_hash_table_contains (merge->kept, GUINT_TO_POINTER (gloss_relation_get_from (relation))) ||
         g_hash_table_contains (merge->kept, GUINT_TO_POINTER (gloss_relation_get_to (relation)));
}

static void
merge_relations (Merge *merge)
{
  GlossDocument *bd = merge->base.doc, *od = merge->ours.doc, *td = merge->theirs.doc;
  g_autoptr(GArray) ours_ids = sorted_ids (gloss_document_get_relations (od), relation_id);
  g_autoptr(GArray) theirs_ids = sorted_ids (gloss_document_get_relations (td), relation_id);
  g_autoptr(GArray) base_ids = sorted_ids (gloss_document_get_relations (bd), relation_id);
  g_autoptr(GHashTable) ours_new = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) span_ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);

  merge->relation_map = g_hash_table_new (NULL, NULL);
  merge->next_relation_id = MAX (MAX (bd->next_relation_id, od->next_relation_id), td->next_relation_id);

  for (guint i = 0; i < ours_ids->len; i++)
    {
      guint id = g_array_index (ours_ids, guint, i);
      GlossRelation *o = gloss_document_lookup_relation (od, id);
      GlossRelation *b = gloss_document_lookup_relation (bd, id);
      GlossRelation *t = b ? gloss_document_lookup_relation (td, id) : NULL;
      GlossRelation *merged;

      if (b == NULL)
        {
          g_hash_table_insert (ours_new,
                               g_strdup_printf ("%s\x1f%u\x1f%u", gloss_relation_get_label (o), gloss_relation_get_from (o),
                                                gloss_relation_get_to (o)),
                               o);
          g_ptr_array_add (relations, gloss_relation_copy (o));
          continue;
        }

      if (t == NULL)
        {
          if (relations_differ (b, NULL, o, NULL))
            {
              relation_clash (merge, id, o, NULL);
              g_ptr_array_add (relations, gloss_relation_copy (o));
            }
          else if (joins_kept (merge, o))
            g_ptr_array_add (relations, gloss_relation_copy (o));
          continue;
        }

      merged = merge_relation (merge, b, o, t);
      if (merged == NULL)
        {
          relation_clash (merge, id, o, t);
          merged = gloss_relation_copy (o);
        }
      g_ptr_array_add (relations, merged);
    }

  for (guint i = 0; i < base_ids->len; i++)
    {
      guint id = g_array_index (base_ids, guint, i);
      GlossRelation *b = gloss_document_lookup_relation (bd, id);
      GlossRelation *t = gloss_document_lookup_relation (td, id);

      if (gloss_document_lookup_relation (od, id) != NULL || t == NULL)
        continue;

      if (relations_differ (b, NULL, t, merge->span_map))
        {
          relation_clash (merge, id, NULL, t);
          g_ptr_array_add (relations, theirs_mapped (merge, t, id));
        }
      else if (joins_kept (merge, t))
        g_ptr_array_add (relations, theirs_mapped (merge, t, id));
    }

  for (guint i = 0; i < theirs_ids->len; i++)
    {
      guint id = g_array_index (theirs_ids, guint, i);
      GlossRelation *t = gloss_document_lookup_relation (td, id);
      g_autofree char *key = NULL;
      GlossRelation *o;
      guint new_id;

      if (gloss_document_lookup_relation (bd, id) != NULL)
        continue;

      key = g_strdup_printf ("%s\x1f%u\x1f%u", gloss_relation_get_label (t),
                             map_id (merge->span_map, gloss_relation_get_from (t)),
                             map_id (merge->span_map, gloss_relation_get_to (t)));
      o = g_hash_table_lookup (ours_new, key);
      if (o != NULL)
        {
          GlossRelation *merged = merge_relation (merge, NULL, o, t);

          g_hash_table_insert (merge->relation_map, GUINT_TO_POINTER (id), GUINT_TO_POINTER (gloss_relation_get_id (o)));
          for (guint k = 0; k < relations->len; k++)
            if (gloss_relation_get_id (g_ptr_array_index (relations, k)) == gloss_relation_get_id (o))
              {
                if (merged == NULL)
                  relation_clash (merge, gloss_relation_get_id (o), o, t);
                else
                  {
                    g_object_unref (g_ptr_array_index (relations, k));
                    g_ptr_array_index (relations, k) = merged;
                  }
                break;
              }
          continue;
        }

      new_id = id >= od->next_relation_id ? id : merge->next_relation_id++;
      g_hash_table_insert (merge->relation_map, GUINT_TO_POINTER (id), GUINT_TO_POINTER (new_id));
      g_ptr_array_add (relations, theirs_mapped (merge, t, new_id));
    }

  /* A relation to a span that is not in the merge waits in a clash */
  for (guint i = 0; i < merge->spans->len; i++)
    g_hash_table_add (span_ids, GUINT_TO_POINTER (gloss_span_get_id (g_ptr_array_index (merge->spans, i))));

  merge->relations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);

      if (g_hash_table_contains (span_ids, GUINT_TO_POINTER (gloss_relation_get_from (relation))) &&
          g_hash_table_contains (span_ids, GUINT_TO_POINTER (gloss_relation_get_to (relation))))
        g_ptr_array_add (merge->relations, g_object_ref (relation));
      else
        {
          guint id = gloss_relation_get_id (relation);
          GlossRelation *o = gloss_document_lookup_relation (od, id);
          g_autofree char *oj = relation_json (o);
          g_autofree char *tj = o ? NULL : relation_json (relation);

          add_conflict (merge, GLOSS_MERGE_CONFLICT_RELATION, id, NULL, oj, tj);
        }
    }
}

/* A span's label and parts, as a key */
static char *
span_place (GlossSpan *span)
{
  g_autofree char *parts = span_field (span, "parts");

  return g_strconcat (gloss_span_get_label (span), "\x1f", parts, NULL);
}

/* Suggestions: the union; what became a span or was rejected goes */
static GlossSuggestions *
merge_suggestions (Merge *merge)
{
  GlossSuggestions *sides[] = { gloss_document_get_suggestions (merge->ours.doc),
                                gloss_document_get_suggestions (merge->theirs.doc) };
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rejected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSuggestions) rejecting = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint next_id = 0;

  /* Where the merged spans are, to leave out suggestions that became one */
  for (guint i = 0; i < merge->spans->len; i++)
    g_hash_table_add (places, span_place (g_ptr_array_index (merge->spans, i)));

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *side_rejected = gloss_suggestions_get_rejected (sides[s]);

      for (guint i = 0; i < side_rejected->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (side_rejected, i);
          gboolean known = FALSE;

          for (guint k = 0; k < rejected->len && !known; k++)
            known = gloss_suggestions_same_span (g_ptr_array_index (rejected, k), span);
          if (!known)
            g_ptr_array_add (rejected, g_object_ref (span));
        }
    }
  rejecting = gloss_suggestions_new (NULL, NULL, rejected);

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *side_spans = gloss_suggestions_get_spans (sides[s]);

      for (guint i = 0; i < side_spans->len; i++)
        next_id = MAX (next_id, gloss_span_get_id (g_ptr_array_index (side_spans, i)) + 1);
    }

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *side_spans = gloss_suggestions_get_spans (sides[s]);
      GPtrArray *side_relations = gloss_suggestions_get_relations (sides[s]);
      g_autoptr(GHashTable) map = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < side_spans->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (side_spans, i);
          g_autofree char *place = span_place (span);
          GlossSpan *copy;
          gpointer same_id;

          if (gloss_suggestions_is_rejected (rejecting, span) || g_hash_table_contains (places, place))
            continue;
          if (g_hash_table_lookup_extended (suggested, place, NULL, &same_id))
            {
              /* Suggested on both sides: one */
              g_hash_table_insert (map, GUINT_TO_POINTER (gloss_span_get_id (span)), same_id);
              continue;
            }

          copy = gloss_span_copy (span);
          if (s == 1)
            gloss_span_set_id (copy, next_id++);
          g_hash_table_insert (map, GUINT_TO_POINTER (gloss_span_get_id (span)),
                               GUINT_TO_POINTER (gloss_span_get_id (copy)));
          g_hash_table_add (kept, GUINT_TO_POINTER (gloss_span_get_id (copy)));
          g_hash_table_insert (suggested, g_steal_pointer (&place), GUINT_TO_POINTER (gloss_span_get_id (copy)));
          g_ptr_array_add (spans, copy);
        }

      for (guint i = 0; i < side_relations->len; i++)
        {
          GlossRelation *relation = g_ptr_array_index (side_relations, i);
          gpointer from, to;
          GlossRelation *copy;
          gboolean known = FALSE;

          if (!g_hash_table_lookup_extended (map, GUINT_TO_POINTER (gloss_relation_get_from (relation)), NULL, &from) ||
              !g_hash_table_lookup_extended (map, GUINT_TO_POINTER (gloss_relation_get_to (relation)), NULL, &to) ||
              !g_hash_table_contains (kept, from) || !g_hash_table_contains (kept, to))
            continue;

          for (guint k = 0; k < relations->len && !known; k++)
            {
              GlossRelation *other = g_ptr_array_index (relations, k);

              known = gloss_relation_get_from (other) == GPOINTER_TO_UINT (from) &&
                      gloss_relation_get_to (other) == GPOINTER_TO_UINT (to) &&
                      same (gloss_relation_get_label (other), gloss_relation_get_label (relation));
            }
          if (known)
            continue;

          copy = gloss_relation_copy (relation);
          gloss_relation_set_id (copy, relations->len);
          gloss_relation_set_from (copy, GPOINTER_TO_UINT (from));
          gloss_relation_set_to (copy, GPOINTER_TO_UINT (to));
          g_ptr_array_add (relations, copy);
        }
    }

  return gloss_suggestions_new (spans, relations, rejected);
}

/* Orphans: the union, ours first */
static GPtrArray *
merge_orphans (Merge *merge)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GlossDocument *sides[] = { merge->ours.doc, merge->theirs.doc };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; sides[s]->orphans != NULL && i < sides[s]->orphans->len; i++)
      {
        char *orphan = g_ptr_array_index (sides[s]->orphans, i);

        if (g_hash_table_add (seen, orphan))
          g_ptr_array_add (orphans, g_strdup (orphan));
      }

  return orphans;
}

static char *
merge_meta (Merge *merge)
{
  g_auto(Members) base = { NULL, }, ours = { NULL, }, theirs = { NULL, }, merged = { NULL, };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  members_read (&base, merge->base.doc->meta);
  members_read (&ours, merge->ours.doc->meta);
  members_read (&theirs, merge->theirs.doc->meta);
  members_read (&merged, NULL);

  for (guint pass = 0; pass < 3; pass++)
    {
      Members *list = pass == 0 ? &ours : pass == 1 ? &theirs : &base;

      for (guint i = 0; i < list->keys->len; i++)
        {
          const char *key = g_ptr_array_index (list->keys, i);
          const char *b = g_hash_table_lookup (base.values, key);
          const char *o = g_hash_table_lookup (ours.values, key);
          const char *t = g_hash_table_lookup (theirs.values, key);
          const char *value = NULL;

          if (!g_hash_table_add (seen, (gpointer)key))
            continue;

          switch (merge3 (b, o, t))
            {
            case TAKE_OURS:
              value = o;
              break;
            case TAKE_THEIRS:
              value = t;
              break;
            case TAKE_CLASH:
            default:
              add_conflict (merge, GLOSS_MERGE_CONFLICT_META, 0, key, o, t);
              value = o ? o : t;
              break;
            }

          if (value != NULL)
            {
              char *copy = g_strdup (key);

              g_ptr_array_add (merged.keys, copy);
              g_hash_table_insert (merged.values, copy, g_strdup (value));
            }
        }
    }

  return members_write (&merged);
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const GlossMergeConflict *x = *(const GlossMergeConflict **)a, *y = *(const GlossMergeConflict **)b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;

  return g_strcmp0 (x->key, y->key);
}

/* Reading the three sides */

typedef struct
{
  GBytes    *bytes;
  char      *sha256;
  char      *file;      /* text.file */
  char      *language;
  gboolean   empty;
} Input;

static void
input_clear (Input *input)
{
  g_free (input->sha256);
  g_free (input->file);
  g_free (input->language);
}

/* A member's string, or NULL when it is missing or not a string */
static const char *
string_member (const GlossJsonTape *tape,
               guint                object,
               const char          *name)
{
  guint value = gloss_json_tape_lookup (tape, object, name);

  if (value == GLOSS_JSON_TAPE_NONE || gloss_json_tape_kind (tape, value) != GLOSS_JSON_STRING)
    return NULL;

  return gloss_json_tape_get_string (tape, value);
}

/* What the merge needs before the sides are read in full: the text each
 * annotates */
static gboolean
input_read (Input       *input,
            GBytes      *bytes,
            const char  *side,
            gboolean     may_be_empty,
            GError     **error)
{
  g_autoptr(GlossJsonTape) tape = NULL;
  gsize length = 0, error_offset = 0;
  const char *data;
  guint text;

  input->bytes = bytes;
  data = bytes ? g_bytes_get_data (bytes, &length) : NULL;
  if (length == 0)
    {
      if (may_be_empty)
        {
          input->empty = TRUE;
          return TRUE;
        }
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON, _("%s is empty"), side);
      return FALSE;
    }

  tape = gloss_json_tape_parse (data, length, &error_offset);
  if (tape == NULL || gloss_json_tape_kind (tape, 0) != GLOSS_JSON_OBJECT)
    {
      if (tape == NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                     _("%s is not an annotation file: it is not valid JSON (at byte %zu)"), side, error_offset);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                     _("%s is not an annotation file: it holds no JSON object"), side);
      return FALSE;
    }

  text = gloss_json_tape_lookup (tape, 0, "text");
  if (text == GLOSS_JSON_TAPE_NONE || gloss_json_tape_kind (tape, text) != GLOSS_JSON_OBJECT ||
      string_member (tape, text, "sha256") == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT, _("%s does not say which text it annotates"),
                   side);
      return FALSE;
    }

  input->sha256 = g_strdup (string_member (tape, text, "sha256"));
  input->file = g_strdup (string_member (tape, text, "file"));
  input->language = g_strdup (string_member (tape, 0, "language"));

  return TRUE;
}

static GlossDocument *
input_load (Input       *input,
            GlossText   *text,
            const char  *side,
            const char  *name,
            GError     **error)
{
  g_autoptr(GlossDocument) doc = NULL;
  gsize length = 0;
  const char *data;
  GPtrArray *problems;

  if (input->empty)
    {
      g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();

      return _gloss_document_new_empty (text, NULL, labels);
    }

  data = g_bytes_get_data (input->bytes, &length);
  if (g_strcmp0 (input->sha256, gloss_text_get_sha256 (text)) == 0)
    doc = gloss_format_parse (text, name, data, length, input->language, NULL);
  else
    {
      doc = gloss_reanchor_full (NULL, text, data, length, input->language, NULL, NULL, NULL, error);
      if (doc == NULL)
        {
          g_prefix_error (error, "%s: ", side);
          return NULL;
        }
    }

  problems = gloss_document_get_problems (doc);
  if (problems->len > 0)
    {
      GlossProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   g_dngettext (GETTEXT_PACKAGE, "%s has %u problem (%s: %s); “gloss validate” lists it",
                                "%s has %u problems (the first, %s: %s); “gloss validate” lists them", problems->len),
                   side, problems->len, problem->path, problem->message);
      return NULL;
    }

  if (gloss_document_get_n_conflicts (doc) > 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("%s holds clashes of an earlier merge: resolve them first (“gloss validate” lists them)"), side);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* Re-anchored sides name their unlabelled sentences afresh: they are
 * named as the reference names the same boundaries */
static GHashTable *
sentences_by_range (GlossDocument *side,
                    GlossDocument *reference)
{
  g_autoptr(GHashTable) ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reference_ids = sentence_ids (reference);
  GHashTable *map = g_hash_table_new (NULL, NULL);
  guint next_id = 0;

  for (guint i = 0; i < gloss_document_get_n_sentences (reference); i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (reference, i);

      g_hash_table_insert (ranges, range_key (sentence), GUINT_TO_POINTER (gloss_sentence_get_id (sentence)));
      next_id = MAX (next_id, gloss_sentence_get_id (sentence) + 1);
    }
  for (guint i = 0; i < gloss_document_get_n_sentences (side); i++)
    next_id = MAX (next_id, gloss_sentence_get_id (gloss_document_get_sentence (side, i)) + 1);

  for (guint i = 0; i < gloss_document_get_n_sentences (side); i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (side, i);
      g_autofree char *key = range_key (sentence);
      guint id = gloss_sentence_get_id (sentence);
      gpointer found;

      if (g_hash_table_lookup_extended (ranges, key, NULL, &found))
        g_hash_table_insert (map, GUINT_TO_POINTER (id), found);
      else if (g_hash_table_contains (reference_ids, GUINT_TO_POINTER (id)))
        g_hash_table_insert (map, GUINT_TO_POINTER (id), GUINT_TO_POINTER (next_id++));
    }

  return map;
}

/* A document whose sentences are named by @map */
static GlossDocument *
renamed (GlossDocument *doc,
         GHashTable    *map)
{
  GlossDocument *copy;
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  copy = _gloss_document_new_empty (gloss_document_get_text (doc), gloss_document_get_language (doc),
                                    gloss_document_get_labels (doc));
  for (guint i = 0; i < gloss_document_get_n_sentences (doc); i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (doc, i);

      g_ptr_array_add (sentences, gloss_sentence_new (map_id (map, gloss_sentence_get_id (sentence)),
                                                      gloss_sentence_get_start (sentence),
                                                      gloss_sentence_get_end (sentence)));
    }
  _gloss_document_set_sentences (copy, sentences);

  model = gloss_document_get_annotations (doc);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (model, i);
      GlossAnnotation *moved = gloss_annotation_new (gloss_annotation_get_id (a), gloss_annotation_get_label (a),
                                                     gloss_annotation_get_start (a), gloss_annotation_get_end (a),
                                                     gloss_annotation_get_text (a),
                                                     map_id (map, gloss_annotation_get_sentence (a)),
                                                     gloss_annotation_get_note (a), gloss_annotation_get_annotator (a),
                                                     gloss_annotation_get_created (a),
                                                     gloss_annotation_get_modified (a));

      gloss_annotation_set_review (moved, gloss_annotation_get_review (a));
      g_ptr_array_add (annotations, moved);
    }
  _gloss_document_add_loaded_annotations (copy, annotations);

  model = gloss_document_get_spans (doc);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (model, i);

      g_ptr_array_add (spans, gloss_span_copy (span));
    }
  _gloss_document_add_loaded_spans (copy, spans);
  model = gloss_document_get_relations (doc);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (model, i);

      g_ptr_array_add (relations, gloss_relation_copy (relation));
    }
  _gloss_document_add_loaded_relations (copy, relations);
  _gloss_document_reserve_ids (copy, doc->next_span_id, doc->next_relation_id);
  _gloss_document_set_done (copy, gloss_document_get_done (doc));
  _gloss_document_set_meta (copy, g_strdup (doc->meta));
  if (doc->orphans != NULL)
    {
      GPtrArray *orphans = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < doc->orphans->len; i++)
        g_ptr_array_add (orphans, g_strdup (g_ptr_array_index (doc->orphans, i)));
      _gloss_document_set_orphans_json (copy, orphans);
    }
  _gloss_document_set_suggestions_internal (copy, gloss_document_get_suggestions (doc));

  return copy;
}

/* The result when the texts clash: ours as it is, theirs whole in the
 * clash */
static GBytes *
text_clash (Input      *ours,
            Input      *theirs,
            GlossText  *text,
            const char *name,
            guint      *n_conflicts,
            GError    **error)
{
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_merge_conflict_free);
  g_autofree char *theirs_json = NULL;
  g_autofree char *ours_json = NULL;
  GString *sha = g_string_new ("{\"sha256\":");
  gsize length;
  const char *data;

  if (text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("The text our side annotates (SHA-256 %s) cannot be found"), ours->sha256);
      g_string_free (sha, TRUE);
      return NULL;
    }

  doc = input_load (ours, text, _("Our side"), name, error);
  if (doc == NULL)
    {
      g_string_free (sha, TRUE);
      return NULL;
    }

  gloss_json_append_string (sha, ours->sha256);
  g_string_append_c (sha, '}');
  ours_json = g_string_free (sha, FALSE);
  data = g_bytes_get_data (theirs->bytes, &length);
  {
    g_autofree char *copy = g_strndup (data, length);

    theirs_json = compact_json (copy);
  }
  g_ptr_array_add (conflicts, gloss_merge_conflict_new (GLOSS_MERGE_CONFLICT_TEXT, 0, NULL, ours_json, theirs_json));
  _gloss_document_set_conflicts (doc, g_steal_pointer (&conflicts));
  *n_conflicts = 1;

  return gloss_format_serialize (doc);
}

/**
 * gloss_merge_files:
 * @base: (nullable): the common ancestor's annotation file; %NULL or empty
 *   when there is none
 * @ours: our annotation file (git's `%A`)
 * @theirs: theirs (git's `%B`)
 * @name: the text's name, for messages
 * @find_text: finds a side's text by its SHA-256
 * @merge_texts: (nullable): merges two changed texts
 * @user_data: for both
 * @n_conflicts: (out): how many clashes the result holds
 * @error: a side that is not an annotation file Gloss reads without
 *   problems, or a text that cannot be found at all
 *
 * Merges three annotation files by meaning (see the file's comment and
 * HACKING.md): the result is an annotation file for the merged text,
 * with its clashes in `conflicts`. Where the sides annotate different
 * texts, each is re-anchored in the merged text first: the text of the
 * side that changed it, or @merge_texts' when both did; a text that
 * cannot be found or merged is a clash of kind `text`.
 *
 * Returns: (transfer full): the merged file's bytes, or %NULL with @error
 */
GBytes *
gloss_merge_files (GBytes              *base,
                   GBytes              *ours,
                   GBytes              *theirs,
                   const char          *name,
                   GlossMergeFindText   find_text,
                   GlossMergeTexts      merge_texts,
                   gpointer             user_data,
                   guint               *n_conflicts,
                   GError             **error)
{
  Input inputs[3] = { { NULL, }, };
  Input *b = &inputs[0], *o = &inputs[1], *t = &inputs[2];
  g_autoptr(GlossText) ours_text = NULL;
  g_autoptr(GlossText) theirs_text = NULL;
  g_autoptr(GlossText) base_text = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) result = NULL;
  g_autoptr(GlossSuggestions) suggestions = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GlossDocument) check = NULL;
  g_autoptr(GFile) text_file = NULL;
  GlossDocument *reference;
  Merge merge = { { NULL, }, };
  GBytes *bytes = NULL;
  gboolean done;

  g_return_val_if_fail (ours != NULL && theirs != NULL, NULL);
  g_return_val_if_fail (find_text != NULL, NULL);
  g_return_val_if_fail (n_conflicts != NULL, NULL);

  *n_conflicts = 0;

  if (!input_read (b, base, _("The common ancestor"), TRUE, error) ||
      !input_read (o, ours, _("Our side"), FALSE, error) ||
      !input_read (t, theirs, _("Their side"), FALSE, error))
    goto out;

  /* The merged text: the side's that changed it */
  ours_text = find_text (o->sha256, user_data);
  if (same (o->sha256, t->sha256) || (!b->empty && same (t->sha256, b->sha256)))
    text = ours_text ? g_object_ref (ours_text) : NULL;
  else
    {
      theirs_text = find_text (t->sha256, user_data);
      if (!b->empty && same (o->sha256, b->sha256))
        text = theirs_text ? g_object_ref (theirs_text) : NULL;
      else if (ours_text != NULL && theirs_text != NULL && merge_texts != NULL)
        {
          base_text = b->empty ? NULL : find_text (b->sha256, user_data);
          text = merge_texts (base_text, ours_text, theirs_text, user_data);
        }

      if (text == NULL)
        {
          bytes = text_clash (o, t, ours_text, name, n_conflicts, error);
          goto out;
        }
    }

  if (text == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                   _("The text of “%s” (SHA-256 %s) cannot be found"), name, o->sha256);
      goto out;
    }

  merge.text = text;
  merge.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_merge_conflict_free);
  if ((merge.ours.doc = input_load (o, text, _("Our side"), name, error)) == NULL ||
      (merge.theirs.doc = input_load (t, text, _("Their side"), name, error)) == NULL ||
      (merge.base.doc = input_load (b, text, _("The common ancestor"), name, error)) == NULL)
    goto out;

  /* Sides re-anchored in the merged text name their sentences as the side
   * that has that text names them */
  reference = same (o->sha256, gloss_text_get_sha256 (text)) ? merge.ours.doc :
              same (t->sha256, gloss_text_get_sha256 (text)) ? merge.theirs.doc : merge.ours.doc;
  for (guint s = 0; s < 3; s++)
    {
      Side *side = s == 0 ? &merge.base : s == 1 ? &merge.ours : &merge.theirs;

      if (side->doc != reference && !inputs[s].empty && !same (inputs[s].sha256, gloss_text_get_sha256 (text)))
        {
          g_autoptr(GHashTable) map = sentences_by_range (side->doc, reference);
          GlossDocument *copy = renamed (side->doc, map);

          g_object_unref (side->doc);
          side->doc = copy;
        }
    }

  if (!merge_labels (&merge, error))
    goto out;

  result = _gloss_document_new_empty (text, gloss_document_get_language (merge.ours.doc), merge.labels);
  if (merge3 (gloss_document_get_language (merge.base.doc), gloss_document_get_language (merge.ours.doc),
              gloss_document_get_language (merge.theirs.doc)) == TAKE_THEIRS && !b->empty)
    gloss_document_set_language (result, gloss_document_get_language (merge.theirs.doc));

  merge_sentences (&merge);
  _gloss_document_set_sentences (result, merge.sentences);
  annotations = merge_annotations (&merge);
  _gloss_document_add_loaded_annotations (result, annotations);

  merge_spans (&merge);
  merge_relations (&merge);
  _gloss_document_add_loaded_spans (result, merge.spans);
  _gloss_document_add_loaded_relations (result, merge.relations);
  _gloss_document_reserve_ids (result, merge.next_span_id, merge.next_relation_id);

  suggestions = merge_suggestions (&merge);
  _gloss_document_set_suggestions_internal (result, suggestions);
  _gloss_document_set_orphans_json (result, merge_orphans (&merge));
  _gloss_document_set_meta (result, merge_meta (&merge));

  /* done is a flag: the side that changed it wins, and it cannot clash */
  done = gloss_document_get_done (merge.ours.doc);
  if (!b->empty && gloss_document_get_done (merge.ours.doc) == gloss_document_get_done (merge.base.doc))
    done = gloss_document_get_done (merge.theirs.doc);
  else if (b->empty)
    done = done && gloss_document_get_done (merge.theirs.doc);
  _gloss_document_set_done (result, done);

  g_ptr_array_sort (merge.conflicts, compare_conflicts);
  *n_conflicts = merge.conflicts->len;
  _gloss_document_set_conflicts (result, g_steal_pointer (&merge.conflicts));

  /* The text's name as our side wrote it ("" stays "") */
  if (o->file != NULL && o->file[0] != '\0')
    {
      text_file = g_file_new_for_path (o->file);
      _gloss_document_set_file (result, text_file);
    }
  bytes = gloss_format_serialize (result);

  /* Never a file Gloss would not read: the result is read again */
  {
    gsize length;
    const char *data = g_bytes_get_data (bytes, &length);

    check = gloss_format_parse (text, name, data, length, NULL, NULL);
    if (gloss_document_get_problems (check)->len > 0)
      {
        GlossProblem *problem = g_ptr_array_index (gloss_document_get_problems (check), 0);

        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DOCUMENT,
                     _("The merge would give a file with problems (%s: %s); nothing was merged"), problem->path,
                     problem->message);
        g_clear_pointer (&bytes, g_bytes_unref);
        *n_conflicts = 0;
      }
  }

out:
  for (guint s = 0; s < 3; s++)
    {
      Side *side = s == 0 ? &merge.base : s == 1 ? &merge.ours : &merge.theirs;

      g_clear_object (&side->doc);
      g_clear_pointer (&side->sentences, g_hash_table_unref);
      input_clear (&inputs[s]);
    }
  g_clear_object (&merge.labels);
  g_clear_pointer (&merge.conflicts, g_ptr_array_unref);
  g_clear_pointer (&merge.sentence_by_id, g_hash_table_unref);
  g_clear_pointer (&merge.sentences, g_ptr_array_unref);
  g_clear_pointer (&merge.notes, g_hash_table_unref);
  g_clear_pointer (&merge.span_map, g_hash_table_unref);
  g_clear_pointer (&merge.relation_map, g_hash_table_unref);
  g_clear_pointer (&merge.used_by_ours, g_hash_table_unref);
  g_clear_pointer (&merge.used_by_theirs, g_hash_table_unref);
  g_clear_pointer (&merge.kept, g_hash_table_unref);
  g_clear_pointer (&merge.spans, g_ptr_array_unref);
  g_clear_pointer (&merge.relations, g_ptr_array_unref);

  return bytes;
}
