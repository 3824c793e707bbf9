/* gloss-document-suggestions.c
 *
 * The suggestions of a GlossDocument (a GlossSuggestions, replaced whole
 * on each change): setting what a suggester found, accepting a
 * suggestion into the spans and relations, and rejecting one. Accepting
 * and rejecting go through the history, so they are undone as one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-suggester.h"

void
_gloss_document_set_suggestions_internal (GlossDocument    *self,
                                          GlossSuggestions *suggestions)
{
  g_return_if_fail (GLOSS_IS_SUGGESTIONS (suggestions));

  if (self->suggestions == suggestions)
    return;

  g_set_object (&self->suggestions, suggestions);
  _gloss_document_emit_suggestions_changed (self);
}

/**
 * gloss_document_get_suggestions:
 *
 * Returns: (transfer none): the pending and rejected suggestions; never
 *   %NULL, and replaced (never changed) by each change
 */
GlossSuggestions *
gloss_document_get_suggestions (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->suggestions;
}

/* A span of the document with the label and parts of @span */
static GlossSpan *
find_same_span (GlossDocument *self,
                GlossSpan     *span)
{
  g_autoptr(GPtrArray) spans = NULL;

  spans = gloss_document_dup_spans_in (self, gloss_span_get_start (span), gloss_span_get_start (span) + 1);
  for (guint i = 0; i < spans->len; i++)
    if (gloss_suggestions_same_span (g_ptr_array_index (spans, i), span))
      return g_ptr_array_index (spans, i);

  return NULL;
}

/* What checking a suggester's findings needs of a document, taken in the
 * main thread, so that the checking can be done in another: a copy of the
 * label set, the text (which never changes), the document's spans (which
 * never change once in it) and its suggestions (likewise, replaced whole),
 * for the rejected ones. */
struct _GlossSuggestionsFilter
{
  GlossLabelSet    *labels;
  char             *labels_json;  /* the document's labels when taken */
  GlossText        *text;
  GPtrArray        *spans;        /* GlossSpan, the document's */
  GHashTable       *spans_at;     /* start -> GPtrArray of GlossSpan; made when run */
  GlossSuggestions *suggestions;  /* the document's when taken */
  guint             spans_generation;
};

/**
 * gloss_suggestions_filter_new:
 *
 * Takes what gloss_suggestions_filter_run() needs of @document, in the
 * thread the document belongs to (a copy of the labels, references to
 * the rest).
 *
 * Returns: (transfer full): a filter
 */
/* The labels as their file has them: what the checks depend on, and
 * what a change of any of it (an attribute's value too) changes */
static char *
dup_labels_json (GlossLabelSet *labels)
{
  GString *json = g_string_new (NULL);

  gloss_label_set_append_json (labels, json, "");
  gloss_label_set_append_json (gloss_label_set_get_relation_labels (labels), json, "");

  return g_string_free (json, FALSE);
}

GlossSuggestionsFilter *
gloss_suggestions_filter_new (GlossDocument *document)
{
  GlossSuggestionsFilter *self;
  GListModel *spans;
  guint n;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  spans = G_LIST_MODEL (document->spans);
  n = g_list_model_get_n_items (spans);

  self = g_new0 (GlossSuggestionsFilter, 1);
  self->labels = gloss_label_set_copy (document->labels);
  self->labels_json = dup_labels_json (document->labels);
  self->text = g_object_ref (document->text);
  self->spans = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->spans, g_list_model_get_item (spans, i));
  self->suggestions = g_object_ref (document->suggestions);
  self->spans_generation = document->spans_generation;

  return self;
}

void
gloss_suggestions_filter_free (GlossSuggestionsFilter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->labels);
  g_free (self->labels_json);
  g_clear_object (&self->text);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->spans_at, g_hash_table_unref);
  g_clear_object (&self->suggestions);
  g_free (self);
}

/* find_same_span() among the spans taken: one with the same first part
 * starts where @span starts */
static GlossSpan *
filter_find_same_span (GlossSuggestionsFilter *self,
                       GlossSpan              *span)
{
  GPtrArray *at;

  if (self->spans_at == NULL)
    {
      self->spans_at = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
      for (guint i = 0; i < self->spans->len; i++)
        {
          GlossSpan *other = g_ptr_array_index (self->spans, i);
          gpointer key = GUINT_TO_POINTER (gloss_span_get_start (other));

          at = g_hash_table_lookup (self->spans_at, key);
          if (at == NULL)
            {
              at = g_ptr_array_new ();
              g_hash_table_insert (self->spans_at, key, at);
            }
          g_ptr_array_add (at, other);
        }
    }

  at = g_hash_table_lookup (self->spans_at, GUINT_TO_POINTER (gloss_span_get_start (span)));
  for (guint i = 0; at != NULL && i < at->len; i++)
    if (gloss_suggestions_same_span (g_ptr_array_index (at, i), span))
      return g_ptr_array_index (at, i);

  return NULL;
}

/**
 * gloss_suggestions_filter_run:
 * @spans: (element-type GlossSpan): what a suggester found (not in a
 *   document)
 * @relations: (element-type GlossRelation): the relations between them
 * @n_taken: (out) (optional): the suggestions taken
 * @n_skipped: (out) (optional): the suggestions left out
 *
 * What gloss_document_set_suggestions() keeps of @spans and @relations,
 * checked against what the filter took of the document; in any thread,
 * one at a time.
 *
 * Returns: (transfer full): the suggestions, with the document's rejected
 *   ones, for gloss_document_take_suggestions()
 */
GlossSuggestions *
gloss_suggestions_filter_run (GlossSuggestionsFilter *self,
                              GPtrArray              *spans,
                              GPtrArray              *relations,
                              guint                  *n_taken,
                              guint                  *n_skipped)
{
  g_autoptr(GlossSuggestions) all = NULL;
  g_autoptr(GPtrArray) heads = NULL;
  g_autoptr(GPtrArray) kept_spans = g_ptr_array_new ();
  g_autoptr(GPtrArray) kept_relations = g_ptr_array_new ();
  g_autoptr(GHashTable) skipped = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) needed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  guint taken = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (spans != NULL && relations != NULL, NULL);

  all = gloss_suggestions_new (spans, relations, NULL);
  heads = gloss_suggestions_dup_heads (all);
  for (guint i = 0; i < heads->len; i++)
    {
      GlossSpan *head = g_ptr_array_index (heads, i);

      g_ptr_array_set_size (problems, 0);
      if (filter_find_same_span (self, head) != NULL ||
          gloss_suggestions_is_rejected (self->suggestions, head) ||
          !_gloss_check_span_in (self->labels, self->text, head, "$", TRUE, problems))
        g_hash_table_add (skipped, GUINT_TO_POINTER (gloss_span_get_id (head)));
      else
        taken++;
    }

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);
      GlossSpan *from = gloss_suggestions_lookup_span (all, gloss_relation_get_from (relation));
      GlossSpan *to = gloss_suggestions_lookup_span (all, gloss_relation_get_to (relation));

      g_ptr_array_set_size (problems, 0);
      if (g_hash_table_contains (skipped, GUINT_TO_POINTER (gloss_relation_get_from (relation))) ||
          !_gloss_check_relation_in (self->labels, relation, from, to, "$", problems) ||
          !_gloss_check_span_in (self->labels, self->text, to, "$", TRUE, problems))
        continue;
      g_ptr_array_add (kept_relations, relation);
      g_hash_table_add (needed, GUINT_TO_POINTER (gloss_relation_get_to (relation)));
    }

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      guint id = gloss_span_get_id (span);

      if (gloss_suggestions_is_head (all, span) ? !g_hash_table_contains (skipped, GUINT_TO_POINTER (id))
                                                : g_hash_table_contains (needed, GUINT_TO_POINTER (id)))
        g_ptr_array_add (kept_spans, span);
    }

  if (n_taken != NULL)
    *n_taken = taken;
  if (n_skipped != NULL)
    *n_skipped = heads->len - taken;

  return gloss_suggestions_new (kept_spans, kept_relations, gloss_suggestions_get_rejected (self->suggestions));
}

/**
 * gloss_document_take_suggestions:
 * @filter: what was taken of the document
 * @suggestions: what gloss_suggestions_filter_run() gave with @filter
 *
 * Makes @suggestions the document's, unless the document has changed
 * since @filter was taken in a way that could change them (its spans,
 * labels or suggestions): then nothing is done, and the caller gives the
 * suggester's findings to gloss_document_set_suggestions() instead.
 *
 * Returns: %TRUE if taken
 */
gboolean
gloss_document_take_suggestions (GlossDocument          *self,
                                 GlossSuggestionsFilter *filter,
                                 GlossSuggestions       *suggestions)
{
  g_autofree char *labels_json = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS (suggestions), FALSE);

  if (filter->text != self->text ||
      filter->suggestions != self->suggestions ||
      filter->spans_generation != self->spans_generation)
    return FALSE;

  labels_json = dup_labels_json (self->labels);
  if (g_strcmp0 (labels_json, filter->labels_json) != 0)
    return FALSE;

  _gloss_document_set_suggestions_internal (self, suggestions);

  return TRUE;
}

/**
 * gloss_document_set_suggestions:
 * @spans: (element-type GlossSpan): what a suggester found (not in a
 *   document)
 * @relations: (element-type GlossRelation): the relations between them
 * @n_skipped: (out) (optional): the suggestions left out
 *
 * Replaces the pending suggestions with @spans and @relations, keeping
 * the rejected ones. A suggestion (a span no relation points to, with the
 * spans its relations point to) is left out when the document has a span
 * of its label and parts, when it was rejected, or when its label is not
 * a span label of the document's set. Not a change to undo, and not
 * saved by itself: computing suggestions is not an edit. To check them
 * in another thread: gloss_suggestions_filter_new(),
 * gloss_suggestions_filter_run() there, gloss_document_take_suggestions().
 *
 * Returns: the number of suggestions taken
 */
guint
gloss_document_set_suggestions (GlossDocument *self,
                                GPtrArray     *spans,
                                GPtrArray     *relations,
                                guint         *n_skipped)
{
  g_autoptr(GlossSuggestionsFilter) filter = NULL;
  g_autoptr(GlossSuggestions) result = NULL;
  guint n_taken = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (spans != NULL && relations != NULL, 0);

  filter = gloss_suggestions_filter_new (self);
  result = gloss_suggestions_filter_run (filter, spans, relations, &n_taken, n_skipped);
  /* Nothing can have changed meanwhile */
  _gloss_document_set_suggestions_internal (self, result);

  return n_taken;
}

static gboolean
check_head (GlossDocument  *self,
            guint           head,
            GError        **error)
{
  GlossSpan *span = gloss_suggestions_lookup_span (self->suggestions, head);

  if (gloss_document_get_read_only (self))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY, gloss_document_get_read_only_reason (self));
      return FALSE;
    }

  if (span == NULL || !gloss_suggestions_is_head (self->suggestions, span))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("There is no suggestion %u"), head);
      return FALSE;
    }

  return TRUE;
}

/* Puts one suggestion's spans and relations into the document, inside an
 * open history group */
static gboolean
accept_unit (GlossDocument  *self,
             guint           head,
             GError        **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) unit = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GlossSuggestions) rest = NULL;

  unit = gloss_suggestions_dup_unit (self->suggestions, head, &relations);

  for (guint i = 0; i < unit->len; i++)
    {
      GlossSpan *suggested = g_ptr_array_index (unit, i);
      GlossSpan *same = find_same_span (self, suggested);
      g_autoptr(GlossSpan) span = NULL;
      const char *suggester = gloss_span_get_suggester (suggested);

      if (same != NULL)
        {
          g_hash_table_insert (ids, GUINT_TO_POINTER (gloss_span_get_id (suggested)),
                               GUINT_TO_POINTER (gloss_span_get_id (same)));
          continue;
        }

      span = gloss_document_new_span (self, gloss_span_get_label (suggested), gloss_span_get_parts (suggested),
                                      gloss_span_get_n_parts (suggested));
      for (guint k = 0; k < gloss_span_get_n_attributes (suggested); k++)
        gloss_span_set_attribute (span, gloss_span_get_attribute_name (suggested, k),
                                  gloss_span_get_attribute_value (suggested, k));
      gloss_span_set_origin (span, GLOSS_ORIGIN_SUGGESTED, suggester ? suggester : GLOSS_SUGGESTER_VERSION);
      if (!gloss_document_add_span (self, span, error))
        return FALSE;
      g_hash_table_insert (ids, GUINT_TO_POINTER (gloss_span_get_id (suggested)),
                           GUINT_TO_POINTER (gloss_span_get_id (span)));
    }

  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *suggested = g_ptr_array_index (relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (ids, GUINT_TO_POINTER (gloss_relation_get_from (suggested))));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (ids, GUINT_TO_POINTER (gloss_relation_get_to (suggested))));
      g_autoptr(GPtrArray) existing = gloss_document_dup_relations_from (self, from);
      g_autoptr(GlossRelation) relation = NULL;
      const char *suggester = gloss_relation_get_suggester (suggested);
      gboolean found = FALSE;

      for (guint k = 0; k < existing->len && !found; k++)
        {
          GlossRelation *other = g_ptr_array_index (existing, k);

          found = gloss_relation_get_to (other) == to &&
                  g_strcmp0 (gloss_relation_get_label (other), gloss_relation_get_label (suggested)) == 0;
        }
      if (found)
        continue;

      relation = gloss_document_new_relation (self, gloss_relation_get_label (suggested), from, to);
      gloss_relation_set_origin (relation, GLOSS_ORIGIN_SUGGESTED, suggester ? suggester : GLOSS_SUGGESTER_VERSION);
      if (!gloss_document_add_relation (self, relation, error))
        return FALSE;
    }

  rest = gloss_suggestions_without_unit (self->suggestions, head, FALSE);
  gloss_history_set_suggestions (self->history, self->suggestions, rest);

  return TRUE;
}

/**
 * gloss_document_accept_suggestion:
 * @head: the id of a suggested span that no suggested relation points to
 *   (a quote)
 *
 * Makes the suggestion annotations: the head and the spans its relations
 * point to become spans of the document with new ids (a span of the same
 * label and parts that the document has is used instead), with
 * `"origin": "suggested"`, the suggester, the annotator and the time now;
 * the relations likewise. One step to undo.
 *
 * Returns: %TRUE if accepted
 */
gboolean
gloss_document_accept_suggestion (GlossDocument  *self,
                                  guint           head,
                                  GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (!check_head (self, head, error))
    return FALSE;

  gloss_history_begin_group (self->history);
  ok = accept_unit (self, head, error);
  if (ok)
    gloss_history_end_group (self->history);
  else
    gloss_history_abort_group (self->history);

  return ok;
}

/**
 * gloss_document_accept_suggestions_in:
 *
 * Accepts, as one step, every suggestion whose head starts in
 * [@start, @end) (the suggestions of a sentence).
 *
 * Returns: the number accepted; 0 with @error set on a failure, when
 *   nothing was changed
 */
guint
gloss_document_accept_suggestions_in (GlossDocument  *self,
                                      guint           start,
                                      guint           end,
                                      GError        **error)
{
  g_autoptr(GPtrArray) heads = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  if (gloss_document_get_read_only (self))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY, gloss_document_get_read_only_reason (self));
      return 0;
    }

  /* Ids first: each acceptance replaces the suggestions */
  heads = gloss_suggestions_dup_heads (self->suggestions);
  for (guint i = 0; i < heads->len; i++)
    {
      guint head_start = gloss_span_get_start (g_ptr_array_index (heads, i));
      guint id = gloss_span_get_id (g_ptr_array_index (heads, i));

      if (head_start >= start && head_start < end)
        g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return 0;

  gloss_history_begin_group (self->history);
  for (guint i = 0; i < ids->len && ok; i++)
    ok = accept_unit (self, g_array_index (ids, guint, i), error);
  if (!ok)
    {
      gloss_history_abort_group (self->history);
      return 0;
    }
  gloss_history_end_group (self->history);

  return ids->len;
}

/**
 * gloss_document_reject_suggestion:
 * @head: the id of a suggested span no suggested relation points to
 *
 * Takes the suggestion out of the pending ones, with the spans only it
 * links, and remembers its label and parts, so that suggesting again
 * leaves it out. One step to undo.
 *
 * Returns: %TRUE if rejected
 */
gboolean
gloss_document_reject_suggestion (GlossDocument  *self,
                                  guint           head,
                                  GError        **error)
{
  g_autoptr(GlossSuggestions) rest = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (!check_head (self, head, error))
    return FALSE;

  rest = gloss_suggestions_without_unit (self->suggestions, head, TRUE);
  gloss_history_set_suggestions (self->history, self->suggestions, rest);

  return TRUE;
}
