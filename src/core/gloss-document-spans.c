/* gloss-document-spans.c
 *
 * The spans and relations of a GlossDocument: two list models in a fixed
 * order, lookups by id, by offset and by span, the checks every span and
 * relation passes (added by a user or read from a file), and the changes,
 * each through the history. Spans live on the text, not on sentences, so
 * boundary edits never touch them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-span-private.h"
#include "gloss-text.h"

void
_gloss_document_init_spans (GlossDocument *self)
{
  self->spans = g_list_store_new (GLOSS_TYPE_SPAN);
  self->relations = g_list_store_new (GLOSS_TYPE_RELATION);
  self->span_by_id = g_hash_table_new (NULL, NULL);
  self->relation_by_id = g_hash_table_new (NULL, NULL);
  self->relations_from = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->relations_to = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->span_index = gloss_span_index_new ();
  self->next_span_id = 1;
  self->next_relation_id = 1;
}

void
_gloss_document_finalize_spans (GlossDocument *self)
{
  /* The tables and the index borrow from the stores: they go first */
  g_clear_pointer (&self->span_index, gloss_span_index_free);
  g_clear_pointer (&self->relations_from, g_hash_table_unref);
  g_clear_pointer (&self->relations_to, g_hash_table_unref);
  g_clear_pointer (&self->span_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relation_by_id, g_hash_table_unref);
  g_clear_object (&self->relations);
  g_clear_object (&self->spans);
}

static GlossLabelSet *
relation_labels (GlossDocument *self)
{
  return gloss_label_set_get_relation_labels (self->labels);
}

/* Spans by the start of their first part, the end of their last, the
 * label's place in the set (unknown labels, only in a read-only document,
 * last) and id */
static int
compare_spans (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GlossDocument *self = user_data;
  GlossSpan *x = (GlossSpan *)a;
  GlossSpan *y = (GlossSpan *)b;
  guint px, py;

  if (gloss_span_get_start (x) != gloss_span_get_start (y))
    return gloss_span_get_start (x) < gloss_span_get_start (y) ? -1 : 1;
  if (gloss_span_get_end (x) != gloss_span_get_end (y))
    return gloss_span_get_end (x) < gloss_span_get_end (y) ? -1 : 1;

  px = (guint)gloss_label_set_get_position (self->labels, gloss_span_get_label (x));
  py = (guint)gloss_label_set_get_position (self->labels, gloss_span_get_label (y));
  if (px != py)
    return px < py ? -1 : 1;

  if (gloss_span_get_id (x) != gloss_span_get_id (y))
    return gloss_span_get_id (x) < gloss_span_get_id (y) ? -1 : 1;

  return 0;
}

/* Relations by their from span's place among the spans, the label's place
 * in the relation labels, and id */
static int
compare_relations (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GlossDocument *self = user_data;
  GlossRelation *x = (GlossRelation *)a;
  GlossRelation *y = (GlossRelation *)b;
  guint px, py;

  if (gloss_relation_get_from (x) != gloss_relation_get_from (y))
    {
      int cmp = compare_spans (gloss_document_lookup_span (self, gloss_relation_get_from (x)),
                               gloss_document_lookup_span (self, gloss_relation_get_from (y)),
                               self);

      if (cmp != 0)
        return cmp;
    }

  px = (guint)gloss_label_set_get_position (relation_labels (self), gloss_relation_get_label (x));
  py = (guint)gloss_label_set_get_position (relation_labels (self), gloss_relation_get_label (y));
  if (px != py)
    return px < py ? -1 : 1;

  if (gloss_relation_get_id (x) != gloss_relation_get_id (y))
    return gloss_relation_get_id (x) < gloss_relation_get_id (y) ? -1 : 1;

  return 0;
}

static int
compare_spans_ptr (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_spans (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

static int
compare_relations_ptr (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return compare_relations (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

/* Where @item is in @store, or would go; @found tells which */
static guint
find_position (GlossDocument    *self,
               GListStore       *store,
               gpointer          item,
               GCompareDataFunc  compare,
               gboolean         *found)
{
  GListModel *model = G_LIST_MODEL (store);
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  *found = FALSE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GObject) other = g_list_model_get_item (model, mid);
      int cmp = compare (other, item, self);

      if (cmp == 0)
        {
          *found = (gpointer)other == item;
          return mid;
        }

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
is_sorted (GListModel       *model,
           GCompareDataFunc  compare,
           gpointer          user_data)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, i - 1);
      g_autoptr(GObject) b = g_list_model_get_item (model, i);

      if (compare (a, b, user_data) > 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * _gloss_document_sort_spans:
 *
 * Puts the spans and relations in order again after the labels moved in
 * their sets (the labels editor): their lookups search them by it.
 */
void
_gloss_document_sort_spans (GlossDocument *self)
{
  if (!is_sorted (G_LIST_MODEL (self->spans), compare_spans, self))
    g_list_store_sort (self->spans, compare_spans, self);
  if (!is_sorted (G_LIST_MODEL (self->relations), compare_relations, self))
    g_list_store_sort (self->relations, compare_relations, self);
}

/* The relations of a span, as a table keeps them */
static GPtrArray *
relations_of (GHashTable *table,
              guint       span)
{
  return g_hash_table_lookup (table, GUINT_TO_POINTER (span));
}

static void
table_add (GHashTable    *table,
           guint          span,
           GlossRelation *relation)
{
  GPtrArray *relations = relations_of (table, span);

  if (relations == NULL)
    {
      relations = g_ptr_array_new ();
      g_hash_table_insert (table, GUINT_TO_POINTER (span), relations);
    }
  g_ptr_array_add (relations, relation);
}

static void
table_remove (GHashTable    *table,
              guint          span,
              GlossRelation *relation)
{
  GPtrArray *relations = relations_of (table, span);

  g_return_if_fail (relations != NULL);

  g_ptr_array_remove_fast (relations, relation);
  if (relations->len == 0)
    g_hash_table_remove (table, GUINT_TO_POINTER (span));
}

static void
store_insert (GlossDocument    *self,
              GListStore       *store,
              gpointer          item,
              GCompareDataFunc  compare)
{
  gboolean found;
  guint position = find_position (self, store, item, compare, &found);

  g_return_if_fail (!found);

  g_list_store_insert (store, position, item);
}

static void
store_remove (GlossDocument    *self,
              GListStore       *store,
              gpointer          item,
              GCompareDataFunc  compare)
{
  gboolean found;
  guint position = find_position (self, store, item, compare, &found);

  g_return_if_fail (found);

  g_list_store_remove (store, position);
}

/* The primitives under the history's commands: they change the model and
 * tell the views, but record nothing for undo */

void
_gloss_document_insert_span (GlossDocument *self,
                             GlossSpan     *span)
{
  guint id = gloss_span_get_id (span);

  g_return_if_fail (gloss_document_lookup_span (self, id) == NULL);

  _gloss_span_get_info (span)->sealed = TRUE;
  self->spans_generation++;
  g_hash_table_insert (self->span_by_id, GUINT_TO_POINTER (id), span);
  gloss_span_index_add (self->span_index, span);
  self->next_span_id = MAX (self->next_span_id, id + 1);
  store_insert (self, self->spans, span, compare_spans);
}

void
_gloss_document_remove_span (GlossDocument *self,
                             GlossSpan     *span)
{
  guint id = gloss_span_get_id (span);

  /* A relation never points at a span that is not there */
  g_return_if_fail (relations_of (self->relations_from, id) == NULL);
  g_return_if_fail (relations_of (self->relations_to, id) == NULL);
  g_return_if_fail (gloss_document_lookup_span (self, id) == span);

  /* The store may hold the last reference */
  self->spans_generation++;
  g_object_ref (span);
  store_remove (self, self->spans, span, compare_spans);
  gloss_span_index_remove (self->span_index, span);
  g_hash_table_remove (self->span_by_id, GUINT_TO_POINTER (id));
  g_object_unref (span);
}

/* A new extent or label moves a span in the list, and with it the
 * relations from it; the relations to it stay where they are */
void
_gloss_document_replace_span (GlossDocument *self,
                              GlossSpan     *old_span,
                              GlossSpan     *new_span)
{
  guint id = gloss_span_get_id (old_span);
  GPtrArray *from = relations_of (self->relations_from, id);
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (gloss_document_lookup_span (self, id) == old_span);
  g_return_if_fail (gloss_span_get_id (new_span) == id);

  /* The store may hold the relations' last references */
  if (from != NULL)
    held = g_ptr_array_copy (from, (GCopyFunc)(void (*) (void))g_object_ref, NULL);
  if (held != NULL)
    g_ptr_array_set_free_func (held, g_object_unref);

  for (guint i = 0; from != NULL && i < from->len; i++)
    store_remove (self, self->relations, g_ptr_array_index (from, i), compare_relations);

  g_object_ref (old_span);
  store_remove (self, self->spans, old_span, compare_spans);
  gloss_span_index_remove (self->span_index, old_span);
  g_hash_table_remove (self->span_by_id, GUINT_TO_POINTER (id));
  g_object_unref (old_span);

  _gloss_document_insert_span (self, new_span);

  for (guint i = 0; from != NULL && i < from->len; i++)
    store_insert (self, self->relations, g_ptr_array_index (from, i), compare_relations);
}

void
_gloss_document_insert_relation (GlossDocument *self,
                                 GlossRelation *relation)
{
  guint id = gloss_relation_get_id (relation);

  g_return_if_fail (gloss_document_lookup_relation (self, id) == NULL);
  g_return_if_fail (gloss_document_lookup_span (self, gloss_relation_get_from (relation)) != NULL);
  g_return_if_fail (gloss_document_lookup_span (self, gloss_relation_get_to (relation)) != NULL);

  _gloss_relation_get_info (relation)->sealed = TRUE;
  g_hash_table_insert (self->relation_by_id, GUINT_TO_POINTER (id), relation);
  table_add (self->relations_from, gloss_relation_get_from (relation), relation);
  table_add (self->relations_to, gloss_relation_get_to (relation), relation);
  self->next_relation_id = MAX (self->next_relation_id, id + 1);
  store_insert (self, self->relations, relation, compare_relations);
}

void
_gloss_document_remove_relation (GlossDocument *self,
                                 GlossRelation *relation)
{
  guint id = gloss_relation_get_id (relation);

  g_return_if_fail (gloss_document_lookup_relation (self, id) == relation);

  g_object_ref (relation);
  store_remove (self, self->relations, relation, compare_relations);
  table_remove (self->relations_from, gloss_relation_get_from (relation), relation);
  table_remove (self->relations_to, gloss_relation_get_to (relation), relation);
  g_hash_table_remove (self->relation_by_id, GUINT_TO_POINTER (id));
  g_object_unref (relation);
}

/**
 * _gloss_document_add_loaded_spans:
 * @spans: (element-type GlossSpan): spans read from a file, checked, with
 *   ids of their own
 *
 * Adds spans in bulk, as loading does: one sort and one splice instead of
 * a search and a signal for each.
 */
void
_gloss_document_add_loaded_spans (GlossDocument *self,
                                  GPtrArray     *spans)
{
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (self->spans)) == 0);

  g_ptr_array_sort_with_data (spans, compare_spans_ptr, self);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      guint id = gloss_span_get_id (span);

      _gloss_span_get_info (span)->sealed = TRUE;
      g_hash_table_insert (self->span_by_id, GUINT_TO_POINTER (id), span);
      self->next_span_id = MAX (self->next_span_id, id + 1);
    }
  gloss_span_index_add_all (self->span_index, spans);
  self->spans_generation++;

  g_list_store_splice (self->spans, 0, 0, spans->pdata, spans->len);
}

/**
 * _gloss_document_add_loaded_relations:
 * @relations: (element-type GlossRelation): relations read from a file,
 *   checked, between spans of the document
 */
void
_gloss_document_add_loaded_relations (GlossDocument *self,
                                      GPtrArray     *relations)
{
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (self->relations)) == 0);

  g_ptr_array_sort_with_data (relations, compare_relations_ptr, self);
  for (guint i = 0; i < relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (relations, i);
      guint id = gloss_relation_get_id (relation);

      _gloss_relation_get_info (relation)->sealed = TRUE;
      g_hash_table_insert (self->relation_by_id, GUINT_TO_POINTER (id), relation);
      table_add (self->relations_from, gloss_relation_get_from (relation), relation);
      table_add (self->relations_to, gloss_relation_get_to (relation), relation);
      self->next_relation_id = MAX (self->next_relation_id, id + 1);
    }

  g_list_store_splice (self->relations, 0, 0, relations->pdata, relations->len);
}

/**
 * _gloss_document_reserve_ids:
 *
 * Makes the next new span and relation take ids from these on at least:
 * the ids of orphans are never given again.
 */
void
_gloss_document_reserve_ids (GlossDocument *self,
                             guint          next_span_id,
                             guint          next_relation_id)
{
  self->next_span_id = MAX (self->next_span_id, next_span_id);
  self->next_relation_id = MAX (self->next_relation_id, next_relation_id);
}

/* The checks */

static void
add_at (GPtrArray  *problems,
        const char *path,
        const char *member,
        int         index,
        const char *message)
{
  g_autofree char *where = NULL;

  if (index >= 0)
    where = g_strdup_printf ("%s.%s[%d]", path, member, index);
  else if (member != NULL)
    where = g_strdup_printf ("%s.%s", path, member);

  gloss_problems_add (problems, where ? where : path, "%s", message);
}

/* Origin, times: what spans and relations share */
static void
check_info (const GlossSpanInfo *info,
            const char          *path,
            GPtrArray           *problems)
{
  if (info->origin != NULL && g_strcmp0 (info->origin, GLOSS_ORIGIN_SUGGESTED) != 0)
    {
      g_autofree char *shown = gloss_problem_shorten (info->origin);
      g_autofree char *message = g_strdup_printf (_("The origin “%s” is not “%s”"), shown, GLOSS_ORIGIN_SUGGESTED);

      add_at (problems, path, "origin", -1, message);
    }

  if (!gloss_timestamp_is_valid (info->created))
    gloss_problems_add (problems, path, _("“created” is not an ISO 8601 time: “%s”"), info->created);
  if (!gloss_timestamp_is_valid (info->modified))
    gloss_problems_add (problems, path, _("“modified” is not an ISO 8601 time: “%s”"), info->modified);
}

/**
 * _gloss_document_check_span:
 * @path: the span's JSON path, for the problems
 * @check_text: whether the parts' offsets and texts are checked against the
 *   document's text (not when the file was written for another text)
 *
 * Checks a span as adding and loading do: its label is a span label of the
 * set, each attribute and value is one the label declares, the parts are
 * in order, not empty, not overlapping, within the text and with its text,
 * and the origin and times are as the format says. The id is the caller's
 * to check.
 *
 * Returns: %TRUE if no problem was added
 */
gboolean
_gloss_document_check_span (GlossDocument *self,
                            GlossSpan     *span,
                            const char    *path,
                            gboolean       check_text,
                            GPtrArray     *problems)
{
  return _gloss_check_span_in (self->labels, self->text, span, path, check_text, problems);
}

/**
 * _gloss_check_span_in:
 * @labels: the label set
 * @text: the text
 *
 * _gloss_document_check_span() against a label set and a text of its
 * own: what checking in another thread needs (a copy of the set).
 */
gboolean
_gloss_check_span_in (GlossLabelSet *labels,
                      GlossText     *text,
                      GlossSpan     *span,
                      const char    *path,
                      gboolean       check_text,
                      GPtrArray     *problems)
{
  const char *id = gloss_span_get_label (span);
  const GlossRange *parts = gloss_span_get_parts (span);
  guint length = gloss_text_get_length (text);
  guint n_problems = problems->len;
  GlossLabel *label;

  label = gloss_label_set_lookup (labels, id);
  if (label == NULL)
    {
      g_autofree char *shown = gloss_problem_shorten (id);

      gloss_problems_add (problems, path, _("The label “%s” is not in the label set"), shown);
    }
  else if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN)
    gloss_problems_add (problems, path, _("The label “%s” is a sentence label, not a span label"), id);
  else
    {
      for (guint i = 0; i < gloss_span_get_n_attributes (span); i++)
        {
          const char *name = gloss_span_get_attribute_name (span, i);
          const char *value = gloss_span_get_attribute_value (span, i);
          g_autofree char *shown_name = gloss_problem_shorten (name);
          g_autofree char *shown_value = gloss_problem_shorten (value);
          g_autofree char *message = NULL;

          if (gloss_label_find_attribute (label, name) < 0)
            message = g_strdup_printf (_("The label “%s” has no attribute “%s”"), id, shown_name);
          else if (!gloss_label_has_value (label, name, value))
            message = g_strdup_printf (_("“%s” is not a value of the attribute “%s” of the label “%s”"),
                                       shown_value, name, id);
          if (message != NULL)
            {
              g_autofree char *member = g_strconcat ("attributes.", shown_name, NULL);

              add_at (problems, path, member, -1, message);
            }
        }
    }

  for (guint i = 0; i < gloss_span_get_n_parts (span); i++)
    {
      g_autofree char *message = NULL;

      if (parts[i].start >= parts[i].end)
        message = g_strdup_printf (_("The part [%u, %u) is empty or ends before it starts"),
                                   parts[i].start, parts[i].end);
      else if (i > 0 && parts[i].start < parts[i - 1].end)
        message = g_strdup_printf (_("The part [%u, %u) overlaps the part before it or comes before it"),
                                   parts[i].start, parts[i].end);
      else if (check_text && parts[i].end > length)
        message = g_strdup_printf (_("The part [%u, %u) ends beyond the end of the text (%u characters)"),
                                   parts[i].start, parts[i].end, length);
      if (message != NULL)
        {
          add_at (problems, path, "parts", i, message);
          continue;
        }

      if (check_text && !gloss_text_slice_equals (text, parts[i].start, parts[i].end,
                                                  gloss_span_get_part_text (span, i)))
        {
          g_autofree char *actual = gloss_text_dup_slice (text, parts[i].start, parts[i].end);
          g_autofree char *shown = gloss_problem_shorten (gloss_span_get_part_text (span, i));
          g_autofree char *shown_actual = gloss_problem_shorten (actual);

          message = g_strdup_printf (_("The text “%s” differs from the text at [%u, %u): “%s”"),
                                     shown, parts[i].start, parts[i].end, shown_actual);
          add_at (problems, path, "text", i, message);
        }
    }

  check_info (_gloss_span_get_info (span), path, problems);

  return problems->len == n_problems;
}

/**
 * _gloss_document_check_relation:
 * @path: the relation's JSON path, for the problems
 *
 * Checks a relation as adding and loading do: its label is a relation
 * label of the set, both spans are in the document, are two, and have
 * labels the relation label joins; and the origin and times. The id is
 * the caller's to check.
 *
 * Returns: %TRUE if no problem was added
 */
gboolean
_gloss_document_check_relation (GlossDocument *self,
                                GlossRelation *relation,
                                const char    *path,
                                GPtrArray     *problems)
{
  return _gloss_document_check_relation_between (self, relation,
                                                 gloss_document_lookup_span (self, gloss_relation_get_from (relation)),
                                                 gloss_document_lookup_span (self, gloss_relation_get_to (relation)),
                                                 path, problems);
}

/**
 * _gloss_document_check_relation_between:
 * @from: (nullable): the span the relation's `from` names, if there is one
 * @to: (nullable): the span its `to` names
 *
 * _gloss_document_check_relation() with the spans looked up by the caller
 * (suggestions have their own spans).
 */
gboolean
_gloss_document_check_relation_between (GlossDocument *self,
                                        GlossRelation *relation,
                                        GlossSpan     *from,
                                        GlossSpan     *to,
                                        const char    *path,
                                        GPtrArray     *problems)
{
  return _gloss_check_relation_in (self->labels, relation, from, to, path, problems);
}

/**
 * _gloss_check_relation_in:
 * @labels: the label set (with its relation labels)
 *
 * _gloss_document_check_relation_between() against a label set of its
 * own, as _gloss_check_span_in().
 */
gboolean
_gloss_check_relation_in (GlossLabelSet *labels,
                          GlossRelation *relation,
                          GlossSpan     *from,
                          GlossSpan     *to,
                          const char    *path,
                          GPtrArray     *problems)
{
  const char *id = gloss_relation_get_label (relation);
  guint n_problems = problems->len;
  GlossLabel *label = gloss_label_set_lookup (gloss_label_set_get_relation_labels (labels), id);

  if (label == NULL)
    {
      g_autofree char *shown = gloss_problem_shorten (id);

      gloss_problems_add (problems, path, _("The relation label “%s” is not in the label set"), shown);
    }

  if (from == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no span with the id %u"),
                                                  gloss_relation_get_from (relation));

      add_at (problems, path, "from", -1, message);
    }
  if (to == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no span with the id %u"),
                                                  gloss_relation_get_to (relation));

      add_at (problems, path, "to", -1, message);
    }

  if (from != NULL && from == to)
    gloss_problems_add (problems, path, _("The relation joins the span %u to itself"), gloss_span_get_id (from));
  else if (label != NULL && from != NULL && to != NULL &&
           !gloss_label_joins (label, gloss_span_get_label (from), gloss_span_get_label (to)))
    gloss_problems_add (problems, path, _("The relation label “%s” does not join a “%s” span to a “%s” span"),
                        id, gloss_span_get_label (from), gloss_span_get_label (to));

  check_info (_gloss_relation_get_info (relation), path, problems);

  return problems->len == n_problems;
}

/* A problem of something added by hand, as an error */
gboolean
_gloss_document_problems_to_error (GPtrArray  *problems,
                                   GError    **error)
{
  GlossProblem *problem;

  if (problems->len == 0)
    return TRUE;

  problem = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, problem->message);

  return FALSE;
}

static gboolean
check_writable (GlossDocument  *self,
                GError        **error)
{
  if (!gloss_document_get_read_only (self))
    return TRUE;

  g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY, gloss_document_get_read_only_reason (self));

  return FALSE;
}

/* Public API */

/**
 * gloss_document_get_spans:
 *
 * Returns: (transfer none): a #GListModel of #GlossSpan, ordered by the
 *   start of the first part, the end of the last, the label's place in
 *   the label set, and id
 */
GListModel *
gloss_document_get_spans (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->spans);
}

/**
 * gloss_document_get_relations:
 *
 * Returns: (transfer none): a #GListModel of #GlossRelation, ordered by
 *   their from span's place among the spans, the label's place in the
 *   relation labels, and id
 */
GListModel *
gloss_document_get_relations (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->relations);
}

/**
 * gloss_document_lookup_span:
 *
 * Returns: (transfer none) (nullable): the span with @id
 */
GlossSpan *
gloss_document_lookup_span (GlossDocument *self,
                            guint          id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->span_by_id, GUINT_TO_POINTER (id));
}

/**
 * gloss_document_lookup_relation:
 *
 * Returns: (transfer none) (nullable): the relation with @id
 */
GlossRelation *
gloss_document_lookup_relation (GlossDocument *self,
                                guint          id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->relation_by_id, GUINT_TO_POINTER (id));
}

/**
 * gloss_document_dup_spans_in:
 *
 * Finds the spans with a part that shares a code point with
 * `[start, end)` (an empty range shares none), in O(log n) for each
 * part found.
 *
 * Returns: (transfer full) (element-type GlossSpan): the spans, in the
 *   order of gloss_document_get_spans(), each once
 */
GPtrArray *
gloss_document_dup_spans_in (GlossDocument *self,
                             guint          start,
                             guint          end)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GPtrArray *spans;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  gloss_span_index_query (self->span_index, start, end, found);
  g_ptr_array_sort_with_data (found, compare_spans_ptr, self);

  spans = g_ptr_array_new_full (found->len, g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      /* A span with two parts in the range is found twice, side by side */
      if (i > 0 && g_ptr_array_index (found, i) == g_ptr_array_index (found, i - 1))
        continue;
      g_ptr_array_add (spans, g_object_ref (g_ptr_array_index (found, i)));
    }

  return spans;
}

/**
 * gloss_document_dup_spans_at:
 *
 * Returns: (transfer full) (element-type GlossSpan): the spans with a part
 *   that holds the code point at @offset (not those with a gap there), in
 *   the order of gloss_document_get_spans()
 */
GPtrArray *
gloss_document_dup_spans_at (GlossDocument *self,
                             guint          offset)
{
  g_return_val_if_fail (offset < G_MAXUINT, NULL);

  return gloss_document_dup_spans_in (self, offset, offset + 1);
}

static GPtrArray *
dup_relations (GlossDocument *self,
               GHashTable    *table,
               guint          span)
{
  GPtrArray *relations = relations_of (table, span);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (relations, i)));
  g_ptr_array_sort_with_data (copy, compare_relations_ptr, self);

  return copy;
}

/**
 * gloss_document_dup_relations_from:
 * @span: a span's id
 *
 * Returns: (transfer full) (element-type GlossRelation): the relations
 *   from the span (a quote's to its speaker, cue …), in the order of
 *   gloss_document_get_relations()
 */
GPtrArray *
gloss_document_dup_relations_from (GlossDocument *self,
                                   guint          span)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return dup_relations (self, self->relations_from, span);
}

/**
 * gloss_document_dup_relations_to:
 * @span: a span's id
 *
 * Returns: (transfer full) (element-type GlossRelation): the relations to
 *   the span (a speaker's from the quotes it said), in the order of
 *   gloss_document_get_relations()
 */
GPtrArray *
gloss_document_dup_relations_to (GlossDocument *self,
                                 guint          span)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return dup_relations (self, self->relations_to, span);
}

/**
 * gloss_document_new_span:
 * @label: a span label's id
 * @parts: (array length=n_parts): the parts, in text order
 *
 * Makes a span for the document, not in it yet: with the next id (taken
 * whether or not the span is added), the text of each part, the
 * document's annotator and the time now. Set its attributes, then add it
 * with gloss_document_add_span().
 *
 * Returns: (transfer full): the span
 */
GlossSpan *
gloss_document_new_span (GlossDocument    *self,
                         const char       *label,
                         const GlossRange *parts,
                         guint             n_parts)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GlossSpan *span;
  guint length;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL && parts != NULL && n_parts > 0, NULL);

  length = gloss_text_get_length (self->text);
  for (guint i = 0; i < n_parts; i++)
    g_ptr_array_add (texts, parts[i].start <= parts[i].end && parts[i].end <= length
                              ? gloss_text_dup_slice (self->text, parts[i].start, parts[i].end)
                              : g_strdup (""));
  g_ptr_array_add (texts, NULL);

  span = gloss_span_new (self->next_span_id++, label, parts, n_parts, (const char * const *)texts->pdata);
  gloss_span_set_annotator (span, self->annotator);

  return span;
}

/**
 * gloss_document_new_relation:
 * @label: a relation label's id
 * @from: the id of the span it goes from
 * @to: the id of the span it goes to
 *
 * Makes a relation for the document, not in it yet: with the next id, the
 * document's annotator and the time now. Add it with
 * gloss_document_add_relation().
 *
 * Returns: (transfer full): the relation
 */
GlossRelation *
gloss_document_new_relation (GlossDocument *self,
                             const char    *label,
                             guint          from,
                             guint          to)
{
  GlossRelation *relation;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  relation = gloss_relation_new (self->next_relation_id++, label, from, to);
  gloss_relation_set_annotator (relation, self->annotator);

  return relation;
}

/* The checks of a span that is to go into the document */
static gboolean
check_span (GlossDocument  *self,
            GlossSpan      *span,
            GError        **error)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();

  /* A span in a document never changes: an edit is a copy */
  g_return_val_if_fail (!gloss_span_is_sealed (span), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  _gloss_document_check_span (self, span, "$", TRUE, problems);
  if (!_gloss_document_problems_to_error (problems, error))
    return FALSE;

  _gloss_span_sort_attributes (span, gloss_label_set_lookup (self->labels, gloss_span_get_label (span)));

  return TRUE;
}

/**
 * gloss_document_add_span:
 * @span: a span not in a document, with an id no span of the document has
 *
 * Adds a span, as an undoable step, after the checks loading makes (see
 * the file format); its attributes are put in the order its label
 * declares them. Once added, the span never changes.
 *
 * Returns: %TRUE if the span was added; %FALSE with @error set (in
 *   %GLOSS_ERROR) when it does not pass, or the document is read-only
 */
gboolean
gloss_document_add_span (GlossDocument  *self,
                         GlossSpan      *span,
                         GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  if (!check_span (self, span, error))
    return FALSE;

  if (gloss_document_lookup_span (self, gloss_span_get_id (span)) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The span id %u is used twice"), gloss_span_get_id (span));
      return FALSE;
    }

  gloss_history_insert_span (self->history, span);

  return TRUE;
}

/**
 * gloss_document_replace_span:
 * @span: a changed copy (gloss_span_copy()) of a span of the document
 *
 * Puts @span in the place of the document's span with its id, as an
 * undoable step, after the checks of gloss_document_add_span(). Its
 * relations stay, so its label must still be one they join.
 *
 * Returns: %TRUE if the span was replaced; %FALSE with @error set
 */
gboolean
gloss_document_replace_span (GlossDocument  *self,
                             GlossSpan      *span,
                             GError        **error)
{
  GlossSpan *old;
  guint id;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (span), FALSE);

  id = gloss_span_get_id (span);
  old = gloss_document_lookup_span (self, id);
  if (old == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("There is no span with the id %u"), id);
      return FALSE;
    }

  if (!check_span (self, span, error))
    return FALSE;

  /* Its relations, with its new label */
  for (guint end = 0; end < 2; end++)
    {
      GPtrArray *relations = relations_of (end ? self->relations_to : self->relations_from, id);

      for (guint i = 0; relations != NULL && i < relations->len; i++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, i);
          GlossLabel *label = gloss_label_set_lookup (relation_labels (self), gloss_relation_get_label (relation));
          GlossSpan *from = end ? gloss_document_lookup_span (self, gloss_relation_get_from (relation)) : span;
          GlossSpan *to = end ? span : gloss_document_lookup_span (self, gloss_relation_get_to (relation));

          if (label == NULL || !gloss_label_joins (label, gloss_span_get_label (from), gloss_span_get_label (to)))
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("The relation label “%s” does not join a “%s” span to a “%s” span"),
                           gloss_relation_get_label (relation), gloss_span_get_label (from),
                           gloss_span_get_label (to));
              return FALSE;
            }
        }
    }

  gloss_history_replace_span (self->history, old, span);

  return TRUE;
}

/* Removes a span with its relations, into the open group */
static void
remove_span_with_relations (GlossDocument *self,
                            GlossSpan     *span)
{
  guint id = gloss_span_get_id (span);
  g_autoptr(GPtrArray) relations = dup_relations (self, self->relations_from, id);

  g_ptr_array_extend_and_steal (relations, dup_relations (self, self->relations_to, id));
  for (guint i = 0; i < relations->len; i++)
    gloss_history_remove_relation (self->history, g_ptr_array_index (relations, i));
  gloss_history_remove_span (self->history, span);
}

/**
 * gloss_document_remove_span:
 * @id: a span's id
 *
 * Removes a span and every relation from or to it, as one undoable step.
 *
 * Returns: %TRUE if the document had the span
 */
gboolean
gloss_document_remove_span (GlossDocument *self,
                            guint          id)
{
  GlossSpan *span;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  span = gloss_document_lookup_span (self, id);
  if (span == NULL)
    return FALSE;

  gloss_history_begin_group (self->history);
  remove_span_with_relations (self, span);
  gloss_history_end_group (self->history);

  return TRUE;
}

static gboolean
check_relation (GlossDocument  *self,
                GlossRelation  *relation,
                GError        **error)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();

  g_return_val_if_fail (!gloss_relation_is_sealed (relation), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  _gloss_document_check_relation (self, relation, "$", problems);

  return _gloss_document_problems_to_error (problems, error);
}

/**
 * gloss_document_add_relation:
 * @relation: a relation not in a document, with an id no relation of the
 *   document has
 *
 * Adds a relation, as an undoable step, after the checks loading makes:
 * its label is a relation label, its spans are in the document and have
 * labels it joins. A span and the relation that links it to a quote are
 * one step when added in one group of the history
 * (gloss_history_begin_group()).
 *
 * Returns: %TRUE if the relation was added; %FALSE with @error set
 */
gboolean
gloss_document_add_relation (GlossDocument  *self,
                             GlossRelation  *relation,
                             GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  if (!check_relation (self, relation, error))
    return FALSE;

  if (gloss_document_lookup_relation (self, gloss_relation_get_id (relation)) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The relation id %u is used twice"), gloss_relation_get_id (relation));
      return FALSE;
    }

  gloss_history_insert_relation (self->history, relation);

  return TRUE;
}

/**
 * gloss_document_replace_relation:
 * @relation: a changed copy (gloss_relation_copy()) of a relation of the
 *   document: another label, span (a re-link) or note
 *
 * Puts @relation in the place of the document's relation with its id, as
 * an undoable step, after the checks of gloss_document_add_relation().
 *
 * Returns: %TRUE if the relation was replaced; %FALSE with @error set
 */
gboolean
gloss_document_replace_relation (GlossDocument  *self,
                                 GlossRelation  *relation,
                                 GError        **error)
{
  GlossRelation *old;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (relation), FALSE);

  old = gloss_document_lookup_relation (self, gloss_relation_get_id (relation));
  if (old == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("There is no relation with the id %u"),
                   gloss_relation_get_id (relation));
      return FALSE;
    }

  if (!check_relation (self, relation, error))
    return FALSE;

  gloss_history_replace_relation (self->history, old, relation);

  return TRUE;
}

/**
 * gloss_document_remove_relation:
 *
 * Removes a relation, as an undoable step.
 *
 * Returns: %TRUE if the document had the relation
 */
gboolean
gloss_document_remove_relation (GlossDocument *self,
                                guint          id)
{
  GlossRelation *relation;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!gloss_document_get_read_only (self), FALSE);

  relation = gloss_document_lookup_relation (self, id);
  if (relation == NULL)
    return FALSE;

  gloss_history_remove_relation (self->history, relation);

  return TRUE;
}

/* The items of @model whose label is @label */
static GPtrArray *
with_label (GListModel *model,
            const char *label)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = GLOSS_IS_SPAN (item) ? gloss_span_get_label (GLOSS_SPAN (item))
                                            : gloss_relation_get_label (GLOSS_RELATION (item));

      if (g_strcmp0 (id, label) == 0)
        g_ptr_array_add (found, g_steal_pointer (&item));
    }

  return found;
}

/**
 * gloss_document_count_relation_label:
 *
 * Returns: how many relations have the relation label @label
 */
guint
gloss_document_count_relation_label (GlossDocument *self,
                                     const char    *label)
{
  g_autoptr(GPtrArray) relations = NULL;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  relations = with_label (G_LIST_MODEL (self->relations), label);

  return relations->len;
}

/**
 * gloss_document_count_label_relations:
 * @label: a span label
 *
 * Returns: how many relations go from or to spans with @label: those
 *   that deleting the label deletes with its spans
 */
guint
gloss_document_count_label_relations (GlossDocument *self,
                                      const char    *label)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (G_LIST_MODEL (self->relations), i);
      GlossSpan *from = gloss_document_lookup_span (self, gloss_relation_get_from (relation));
      GlossSpan *to = gloss_document_lookup_span (self, gloss_relation_get_to (relation));

      if (g_strcmp0 (gloss_span_get_label (from), label) == 0 || g_strcmp0 (gloss_span_get_label (to), label) == 0)
        count++;
    }

  return count;
}

/* @ids without @id */
static GStrv
strv_without (const char * const *ids,
              const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strcmp0 (ids[i], id) != 0)
        g_strv_builder_add (builder, ids[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * _gloss_document_delete_span_label:
 *
 * Into the open group: the spans of a span label with their relations,
 * the label taken out of the relation labels that name it (a relation
 * label left joining nothing goes too, its relations gone with those
 * spans), and the label.
 *
 * Returns: how many spans were removed
 */
guint
_gloss_document_delete_span_label (GlossDocument *self,
                                   GlossLabel    *label)
{
  const char *id = gloss_label_get_id (label);
  g_autoptr(GPtrArray) spans = with_label (G_LIST_MODEL (self->spans), id);
  g_autoptr(GPtrArray) emptied = g_ptr_array_new_with_free_func (g_object_unref);
  GlossLabelSet *relations = relation_labels (self);

  for (guint i = 0; i < spans->len; i++)
    remove_span_with_relations (self, g_ptr_array_index (spans, i));

  for (guint i = 0; i < gloss_label_set_get_n_labels (relations); i++)
    {
      GlossLabel *relation = gloss_label_set_get_label (relations, i);
      g_auto(GStrv) from = NULL;
      g_auto(GStrv) to = NULL;

      if (!g_strv_contains (gloss_label_get_from (relation), id) &&
          !g_strv_contains (gloss_label_get_to (relation), id))
        continue;

      from = strv_without (gloss_label_get_from (relation), id);
      to = strv_without (gloss_label_get_to (relation), id);
      if (from[0] == NULL || to[0] == NULL)
        g_ptr_array_add (emptied, g_object_ref (relation));
      else
        gloss_history_set_label_endpoints (self->history, relation,
                                           (const char * const *)from, (const char * const *)to);
    }

  for (guint i = 0; i < emptied->len; i++)
    {
      g_autoptr(GPtrArray) left = with_label (G_LIST_MODEL (self->relations),
                                              gloss_label_get_id (g_ptr_array_index (emptied, i)));

      g_warn_if_fail (left->len == 0);
      gloss_history_remove_label (self->history, g_ptr_array_index (emptied, i));
    }

  gloss_history_remove_label (self->history, label);

  return spans->len;
}

/**
 * gloss_document_delete_relation_label:
 * @label: a relation label of the document's label set
 *
 * Takes a relation label out of the set with all its relations, as one
 * undoable step.
 *
 * Returns: how many relations were removed with the label
 */
guint
gloss_document_delete_relation_label (GlossDocument *self,
                                      const char    *label)
{
  g_autoptr(GPtrArray) doomed = NULL;
  GlossLabel *definition;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (!gloss_document_get_read_only (self), 0);

  definition = gloss_label_set_lookup (relation_labels (self), label);
  g_return_val_if_fail (definition != NULL, 0);

  doomed = with_label (G_LIST_MODEL (self->relations), label);

  gloss_history_begin_group (self->history);
  for (guint i = 0; i < doomed->len; i++)
    gloss_history_remove_relation (self->history, g_ptr_array_index (doomed, i));
  gloss_history_remove_label (self->history, definition);
  gloss_history_end_group (self->history);

  return doomed->len;
}

/**
 * _gloss_document_count_spans:
 *
 * Returns: how many spans have the span label @label
 */
guint
_gloss_document_count_spans (GlossDocument *self,
                             const char    *label)
{
  g_autoptr(GPtrArray) spans = with_label (G_LIST_MODEL (self->spans), label);

  return spans->len;
}
