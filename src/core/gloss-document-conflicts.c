/* gloss-document-conflicts.c
 *
 * The clashes a three-way merge (gloss-merge.c) left in a document, and
 * their resolution: taking our version, theirs, or one edited by hand.
 * A resolution goes through the history as any edit does, the clash's
 * removal with it. The list of clashes never changes in place (the
 * history keeps the lists it replaced).
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
#include "gloss-history.h"
#include "gloss-json-tape.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge-private.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

/**
 * _gloss_document_set_conflicts:
 * @conflicts: (transfer full) (nullable) (element-type GlossMergeConflict):
 *   the clashes; an empty list is none
 */
void
_gloss_document_set_conflicts (GlossDocument *self,
                               GPtrArray     *conflicts)
{
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  if (conflicts != NULL && conflicts->len > 0)
    self->conflicts = g_steal_pointer (&conflicts);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
}

/**
 * _gloss_document_dup_conflicts_json:
 *
 * Returns: (transfer full) (nullable): the clashes, one compact JSON object
 *   a line, each line indented; %NULL when there are none
 */
char *
_gloss_document_dup_conflicts_json (GlossDocument *self,
                                    const char    *indent)
{
  GString *out;

  if (self->conflicts == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",\n");
      g_string_append (out, indent);
      gloss_merge_conflict_append_json (out, g_ptr_array_index (self->conflicts, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_document_get_n_conflicts:
 *
 * Returns: how many clashes of a merge wait to be resolved; a document
 *   with any is not exported, counted or compared until they are
 */
guint
gloss_document_get_n_conflicts (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  return self->conflicts ? self->conflicts->len : 0;
}

/**
 * gloss_document_get_conflict:
 * @index: below gloss_document_get_n_conflicts()
 *
 * Returns: (transfer none): the clash, valid until the next resolution
 */
const GlossMergeConflict *
gloss_document_get_conflict (GlossDocument *self,
                             guint          index)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < gloss_document_get_n_conflicts (self), NULL);

  return g_ptr_array_index (self->conflicts, index);
}

/* A version that the file could not hold, as an error */
static gboolean
problems_to_error (GPtrArray  *problems,
                   GError    **error)
{
  if (_gloss_document_problems_to_error (problems, error))
    return TRUE;

  g_prefix_error (error, _("The version cannot be taken: "));

  return FALSE;
}

static gboolean
sentence_position (GlossDocument  *self,
                   guint           id,
                   guint          *position,
                   GError        **error)
{
  GlossSentence *sentence = gloss_document_lookup_sentence (self, id);

  if (sentence == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Sentence %u is not in the document: resolve the clash of its boundaries first"), id);
      return FALSE;
    }

  *position = gloss_document_find_sentence_at (self, gloss_sentence_get_start (sentence));

  return TRUE;
}

/* A span or a relation: removed, replaced or added as the window does */
static gboolean
take_item (GlossDocument             *self,
           const GlossMergeConflict  *conflict,
           const char                *json,
           GError                   **error)
{
  gboolean span = conflict->kind == GLOSS_MERGE_CONFLICT_SPAN;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GObject) item = NULL;

  if (json == NULL)
    {
      if (span)
        gloss_document_remove_span (self, conflict->id);
      else
        gloss_document_remove_relation (self, conflict->id);
      return TRUE;
    }

  item = _gloss_format_read_item (self, conflict->kind, json, problems);
  if (!problems_to_error (problems, error))
    return FALSE;

  if (span)
    {
      gloss_span_set_id (GLOSS_SPAN (item), conflict->id);
      return gloss_document_lookup_span (self, conflict->id) != NULL
               ? gloss_document_replace_span (self, GLOSS_SPAN (item), error)
               : gloss_document_add_span (self, GLOSS_SPAN (item), error);
    }

  gloss_relation_set_id (GLOSS_RELATION (item), conflict->id);
  return gloss_document_lookup_relation (self, conflict->id) != NULL
           ? gloss_document_replace_relation (self, GLOSS_RELATION (item), error)
           : gloss_document_add_relation (self, GLOSS_RELATION (item), error);
}

static gboolean
take_annotation (GlossDocument        *self,
                 const GlossMergeConflict  *conflict,
                 JsonNode             *node,
                 GError              **error)
{
  GlossSentence *sentence;
  JsonObject *object;
  guint position;

  if (!sentence_position (self, conflict->id, &position, error))
    return FALSE;
  sentence = gloss_document_get_sentence (self, position);

  if (node == NULL)
    {
      if (gloss_sentence_has_label (sentence, conflict->key))
        gloss_document_remove_label (self, position, conflict->key);
      return TRUE;
    }

  object = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "label", ""), conflict->key) != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The version must keep the label “%s”"), conflict->key);
      return FALSE;
    }
  if (gloss_label_set_lookup (gloss_document_get_labels (self), conflict->key) == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The label “%s” is not in the label set"), conflict->key);
      return FALSE;
    }

  if (!gloss_sentence_has_label (sentence, conflict->key))
    gloss_document_add_label (self, position, conflict->key);

  return TRUE;
}

static gboolean
take_note (GlossDocument        *self,
           const GlossMergeConflict  *conflict,
           JsonNode             *node,
           GError              **error)
{
  guint position;

  if (!sentence_position (self, conflict->id, &position, error))
    return FALSE;

  if (node != NULL && json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("A note must be a string"));
      return FALSE;
    }

  gloss_document_set_note (self, position, node ? json_node_get_string (node) : "");

  return TRUE;
}

/* Makes a sentence begin at @offset, splitting the one that holds it */
static void
boundary_at (GlossDocument *self,
             guint          offset)
{
  int position = gloss_document_find_sentence_at (self, offset);
  GlossSentence *sentence;

  if (position < 0)
    return;
  sentence = gloss_document_get_sentence (self, position);
  if (gloss_sentence_get_start (sentence) < offset && offset < gloss_sentence_get_end (sentence))
    gloss_document_split_sentence (self, position, offset);
}

/* A sentence's boundaries as a version has them, made by the same splits
 * and merges as in the window, each undoable; %NULL (the side merged it
 * into the one before) merges it so */
static gboolean
take_sentence (GlossDocument             *self,
               const GlossMergeConflict  *conflict,
               JsonNode                  *node,
               GError                   **error)
{
  GlossSentence *sentence = gloss_document_lookup_sentence (self, conflict->id);
  JsonObject *object = node ? json_node_get_object (node) : NULL;
  gint64 start, end;
  int position;

  if (object == NULL)
    {
      if (sentence != NULL)
        {
          position = gloss_document_find_sentence_at (self, gloss_sentence_get_start (sentence));
          if (position > 0)
            gloss_document_merge_sentences (self, position - 1);
        }
      return TRUE;
    }

  start = json_object_get_int_member_with_default (object, "start", -1);
  end = json_object_get_int_member_with_default (object, "end", -1);
  if (start < 0 || end <= start || end > gloss_text_get_length (gloss_document_get_text (self)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The version must have a start before its end, within the text"));
      return FALSE;
    }

  boundary_at (self, start);
  boundary_at (self, end);

  /* Everything from @start to @end one sentence */
  position = gloss_document_find_sentence_at (self, start);
  while (position >= 0 && (guint)position + 1 < gloss_document_get_n_sentences (self) &&
         gloss_sentence_get_end (gloss_document_get_sentence (self, position)) < end &&
         gloss_sentence_get_start (gloss_document_get_sentence (self, position + 1)) < end)
    if (!gloss_document_merge_sentences (self, position))
      break;

  return TRUE;
}

static gboolean
take_label (GlossDocument        *self,
            const GlossMergeConflict  *conflict,
            JsonNode             *node,
            GError              **error)
{
  gboolean relation = conflict->kind == GLOSS_MERGE_CONFLICT_RELATION_LABEL;
  GlossLabelSet *set = gloss_document_get_labels (self);
  GlossLabelSet *own = relation ? gloss_label_set_get_relation_labels (set) : set;
  GlossLabel *label = gloss_label_set_lookup (own, conflict->key);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonArray) labels = NULL;
  g_autoptr(GlossLabelSet) parsed = NULL;
  GlossLabel *wanted;

  if (node == NULL)
    {
      if (label != NULL && relation)
        gloss_document_delete_relation_label (self, conflict->key);
      else if (label != NULL)
        gloss_document_delete_label (self, conflict->key);
      return TRUE;
    }

  /* Read as a set would read it, beside the span labels it may join */
  array = json_array_new ();
  json_array_add_element (array, json_node_copy (node));
  if (relation)
    {
      g_autoptr(JsonNode) root = NULL;
      GString *json = g_string_new (NULL);

      gloss_label_set_append_json (set, json, NULL);
      root = gloss_json_parse (json->str, json->len, NULL);
      g_string_free (json, TRUE);
      labels = json_array_ref (json_node_get_array (root));
      parsed = gloss_label_set_new_from_json_full (labels, "$.labels", array, "$", problems);
    }
  else
    parsed = gloss_label_set_new_from_json_full (array, "$", NULL, NULL, problems);
  if (!problems_to_error (problems, error))
    return FALSE;

  wanted = gloss_label_set_lookup (relation ? gloss_label_set_get_relation_labels (parsed) : parsed, conflict->key);
  if (wanted == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The version must keep the label id “%s”"), conflict->key);
      return FALSE;
    }

  if (label == NULL)
    {
      gloss_label_set_insert (own, G_MAXUINT, wanted);
      return TRUE;
    }

  if (gloss_label_get_scope (label) != gloss_label_get_scope (wanted))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The label “%s” cannot change between sentence and span label here"), conflict->key);
      return FALSE;
    }

  /* The label is changed in place, as the labels editor changes it */
  gloss_label_set_name (label, gloss_label_get_name (wanted));
  gloss_label_set_color (label, gloss_label_get_color (wanted));
  gloss_label_set_key (label, gloss_label_get_key (wanted));
  gloss_label_set_description (label, gloss_label_get_description (wanted));
  for (guint i = 0; i < gloss_label_get_n_attributes (wanted); i++)
    {
      const char *name = gloss_label_get_attribute_name (wanted, i);
      const char * const *values = gloss_label_get_attribute_values (wanted, i);

      if (gloss_label_find_attribute (label, name) < 0)
        gloss_label_add_attribute (label, name, values);
      else
        for (guint k = 0; values[k] != NULL; k++)
          if (!gloss_label_has_value (label, name, values[k]))
            gloss_label_add_attribute_value (label, name, values[k]);
    }
  if (relation)
    gloss_label_set_endpoints (label, gloss_label_get_from (wanted), gloss_label_get_to (wanted));

  return TRUE;
}

static gboolean
take_meta (GlossDocument        *self,
           const GlossMergeConflict  *conflict,
           const char           *json)
{
  g_autofree char *meta = _gloss_merge_meta_set (_gloss_document_get_meta (self), conflict->key, json);

  _gloss_document_set_meta (self, g_steal_pointer (&meta));

  return TRUE;
}

/**
 * gloss_document_resolve_conflict:
 * @index: which clash, below gloss_document_get_n_conflicts()
 * @choice: which version to take
 * @edited: (nullable): with %GLOSS_MERGE_TAKE_EDITED, the version to take,
 *   as JSON in the item's format (`null` deletes the item)
 * @error: where a version that cannot be taken is said
 *
 * Resolves one clash: the document takes the version chosen (checked as
 * loading checks it) and the clash is removed; resolving the last one
 * removes the file's `conflicts` member at the next save. The change to
 * the document and the clash's removal are one step of its history: undo
 * brings both back, and the document's ::changed says so. A sentence's boundaries are taken by splitting and merging as
 * the window does (the sentence that results may have another id); a
 * clash of texts can only be resolved by keeping ours.
 *
 * Returns: %TRUE when resolved; %FALSE with @error, the document unchanged
 */
gboolean
gloss_document_resolve_conflict (GlossDocument     *self,
                                 guint              index,
                                 GlossMergeChoice   choice,
                                 const char        *edited,
                                 GError           **error)
{
  const GlossMergeConflict *conflict;
  g_autoptr(JsonNode) node = NULL;
  const char *json;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (index < gloss_document_get_n_conflicts (self), FALSE);
  g_return_val_if_fail (choice != GLOSS_MERGE_TAKE_EDITED || edited != NULL, FALSE);

  if (gloss_document_get_read_only (self))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY, gloss_document_get_read_only_reason (self));
      return FALSE;
    }

  conflict = g_ptr_array_index (self->conflicts, index);
  json = choice == GLOSS_MERGE_TAKE_OURS ? conflict->ours :
         choice == GLOSS_MERGE_TAKE_THEIRS ? conflict->theirs : edited;

  if (json != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      node = gloss_json_parse (json, strlen (json), &local_error);
      if (node == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("The version is not valid JSON: %s"),
                       local_error->message);
          return FALSE;
        }
      if (JSON_NODE_HOLDS_NULL (node))
        {
          g_clear_pointer (&node, json_node_unref);
          json = NULL;
        }
      else if (conflict->kind != GLOSS_MERGE_CONFLICT_NOTE && conflict->kind != GLOSS_MERGE_CONFLICT_META &&
               !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("The version must be an object or null"));
          return FALSE;
        }
    }

  gloss_history_begin_group (gloss_document_get_history (self));
  switch (conflict->kind)
    {
    case GLOSS_MERGE_CONFLICT_TEXT:
      if (choice != GLOSS_MERGE_TAKE_OURS)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("Their annotations belong to another text: keep ours here, and merge theirs after “gloss reanchor”"));
          ok = FALSE;
        }
      break;
    case GLOSS_MERGE_CONFLICT_SPAN:
    case GLOSS_MERGE_CONFLICT_RELATION:
      ok = take_item (self, conflict, json, error);
      break;
    case GLOSS_MERGE_CONFLICT_ANNOTATION:
      ok = take_annotation (self, conflict, node, error);
      break;
    case GLOSS_MERGE_CONFLICT_NOTE:
      ok = take_note (self, conflict, node, error);
      break;
    case GLOSS_MERGE_CONFLICT_SENTENCE:
      ok = take_sentence (self, conflict, node, error);
      break;
    case GLOSS_MERGE_CONFLICT_LABEL:
    case GLOSS_MERGE_CONFLICT_RELATION_LABEL:
      ok = take_label (self, conflict, node, error);
      break;
    case GLOSS_MERGE_CONFLICT_META:
      ok = take_meta (self, conflict, json);
      break;
    default:
      g_assert_not_reached ();
    }
  /* What failed part-way is undone, and nothing recorded */
  if (!ok)
    {
      gloss_history_abort_group (gloss_document_get_history (self));
      return FALSE;
    }

  /* The clash goes in the same step: undo brings it back with the item */
    {
      g_autoptr(GPtrArray) remaining = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_merge_conflict_free);

      for (guint i = 0; i < self->conflicts->len; i++)
        if (i != index)
          g_ptr_array_add (remaining, gloss_merge_conflict_copy (g_ptr_array_index (self->conflicts, i)));
      gloss_history_set_conflicts (gloss_document_get_history (self), self->conflicts,
                                   remaining->len > 0 ? remaining : NULL);
    }
  gloss_history_end_group (gloss_document_get_history (self));

  return TRUE;
}

/* Both versions in short: of two objects, only the members that differ */
static void
short_versions (const char  *ours,
                const char  *theirs,
                char       **ours_short,
                char       **theirs_short)
{
  g_autoptr(JsonNode) a = ours ? gloss_json_parse (ours, -1, NULL) : NULL;
  g_autoptr(JsonNode) b = theirs ? gloss_json_parse (theirs, -1, NULL) : NULL;

  if (a != NULL && b != NULL && JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    {
      GString *versions[2] = { g_string_new ("{"), g_string_new ("{") };
      JsonObject *objects[2] = { json_node_get_object (a), json_node_get_object (b) };

      for (guint side = 0; side < 2; side++)
        {
          g_autoptr(GList) names = json_object_get_members (objects[side]);

          for (GList *l = names; l != NULL; l = l->next)
            {
              JsonNode *mine = json_object_get_member (objects[side], l->data);
              JsonNode *other = json_object_get_member (objects[1 - side], l->data);
              g_autofree char *value = gloss_json_node_to_string (mine);
              g_autofree char *other_value = other ? gloss_json_node_to_string (other) : NULL;

              if (g_strcmp0 (value, other_value) == 0 || g_strcmp0 (l->data, "modified") == 0)
                continue;
              if (versions[side]->len > 1)
                g_string_append_c (versions[side], ',');
              gloss_json_append_string (versions[side], l->data);
              g_string_append_printf (versions[side], ":%s", value);
            }
          g_string_append_c (versions[side], '}');
        }

      *ours_short = gloss_problem_shorten (versions[0]->str);
      *theirs_short = gloss_problem_shorten (versions[1]->str);
      g_string_free (versions[0], TRUE);
      g_string_free (versions[1], TRUE);
      return;
    }

  *ours_short = ours ? gloss_problem_shorten (ours) : g_strdup (_("deleted"));
  *theirs_short = theirs ? gloss_problem_shorten (theirs) : g_strdup (_("deleted"));
}

/**
 * gloss_document_dup_conflict_problems:
 *
 * The clashes as problems, one each (`$.conflicts[i]`, what it concerns
 * and both versions in short), for `gloss validate`, and for the exports,
 * `stats` and `agree`, which do not use a file with unresolved clashes.
 *
 * Returns: (transfer full) (element-type GlossProblem): the problems;
 *   empty when there are no clashes
 */
GPtrArray *
gloss_document_dup_conflict_problems (GlossDocument *self)
{
  GPtrArray *problems = gloss_problems_new ();

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), problems);

  for (guint i = 0; i < gloss_document_get_n_conflicts (self); i++)
    {
      const GlossMergeConflict *conflict = gloss_document_get_conflict (self, i);
      g_autofree char *what = gloss_merge_conflict_dup_description (conflict);
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      g_autofree char *path = g_strdup_printf ("$.conflicts[%u]", i);

      short_versions (conflict->ours, conflict->theirs, &ours, &theirs);
      gloss_problems_add (problems, path,
                          _("A merge left a clash over %s (%s): ours %s, theirs %s; resolve it in Gloss "
                            "(“gloss validate” lists every clash)"),
                          what, gloss_merge_conflict_kind_to_string (conflict->kind), ours, theirs);
    }

  return problems;
}
