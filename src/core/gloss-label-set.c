/* gloss-label-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-resources.h"

/* The labels in effect for a document, in order: the order is what the
 * number keys 1–9 and exports follow. A GListModel of GlossLabel. */
struct _GlossLabelSet
{
  GObject     parent_instance;

  GPtrArray  *labels;
  /* id -> position + 1, so that a lookup does not walk the list (loading,
   * sorting and importing look up a label for every annotation). An
   * append adds to it; any other change builds it again. Ids never change,
   * so nothing else can make it stale. */
  GHashTable *positions;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossLabelSet, gloss_label_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
gloss_label_set_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_LABEL;
}

static guint
gloss_label_set_get_n_items (GListModel *model)
{
  return GLOSS_LABEL_SET (model)->labels->len;
}

static gpointer
gloss_label_set_get_item (GListModel *model,
                          guint       position)
{
  GlossLabelSet *self = GLOSS_LABEL_SET (model);

  if (position >= self->labels->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->labels, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_label_set_get_item_type;
  iface->get_n_items = gloss_label_set_get_n_items;
  iface->get_item = gloss_label_set_get_item;
}

static void
gloss_label_set_finalize (GObject *object)
{
  GlossLabelSet *self = (GlossLabelSet *)object;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_label_set_parent_class)->finalize (object);
}

static void
gloss_label_set_class_init (GlossLabelSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_label_set_finalize;
}

static void
gloss_label_set_init (GlossLabelSet *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
reindex (GlossLabelSet *self)
{
  g_hash_table_remove_all (self->positions);

  /* From the end, so that of two alike the first wins, as a walk finds it */
  for (guint i = self->labels->len; i > 0; i--)
    g_hash_table_insert (self->positions,
                         (gpointer)gloss_label_get_id (g_ptr_array_index (self->labels, i - 1)),
                         GUINT_TO_POINTER (i));
}

GlossLabelSet *
gloss_label_set_new (void)
{
  return g_object_new (GLOSS_TYPE_LABEL_SET, NULL);
}

/**
 * gloss_label_set_new_default:
 *
 * Returns: (transfer full): claim, source and quote, as the data file
 *   `labels/default.json` defines them
 */
GlossLabelSet *
gloss_label_set_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  GlossLabelSet *self;
  JsonArray *array;

  bytes = gloss_resources_lookup ("labels/default.json");
  g_assert (bytes != NULL);

  root = gloss_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  g_assert (root != NULL);

  array = json_object_get_array_member (json_node_get_object (root), "labels");
  self = gloss_label_set_new_from_json (array, "$.labels", problems);
  g_assert (self != NULL && problems->len == 0);

  return self;
}

/**
 * gloss_label_set_new_from_json:
 * @array: a JSON list of label objects
 * @path: the JSON path of @array, for problems
 * @problems: (element-type GlossProblem): where problems are added
 *
 * Returns: (transfer full) (nullable): the label set, or %NULL if
 *   @problems got any
 */
GlossLabelSet *
gloss_label_set_new_from_json (JsonArray  *array,
                               const char *path,
                               GPtrArray  *problems)
{
  static const char * const known[] = { "id", "name", "color", "key", "description", NULL };
  g_autoptr(GlossLabelSet) self = gloss_label_set_new ();
  /* The keys of the labels taken so far, as gloss_label_set_lookup_key()
   * would find them, without a walk over the list for each label */
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_problems = problems->len;
  guint n = json_array_get_length (array);

  if (n > GLOSS_LABEL_SET_MAX_LABELS)
    {
      gloss_problems_add (problems, path, _("The label set has %u labels; Gloss accepts at most %u"),
                          n, GLOSS_LABEL_SET_MAX_LABELS);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GlossLabel) label = NULL;
      const char *id, *name, *color, *key, *description;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gloss_problems_add (problems, where, _("A label must be an object, not %s"),
                              gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      gloss_json_check_members (object, where, known, problems);

      id = gloss_json_get_string (object, "id", where, TRUE, problems);
      name = gloss_json_get_string (object, "name", where, FALSE, problems);
      color = gloss_json_get_string (object, "color", where, FALSE, problems);
      key = gloss_json_get_string (object, "key", where, FALSE, problems);
      description = gloss_json_get_string (object, "description", where, FALSE, problems);

      if (id == NULL)
        continue;

      if (!gloss_label_id_is_valid (id))
        {
          g_autofree char *shown = gloss_problem_shorten (id);

          gloss_problems_add (problems, where,
                              _("The label id “%s” is not valid: use lower-case letters, digits, “-” and “_”, starting with a letter"),
                              shown);
          continue;
        }

      if (name != NULL && g_utf8_strlen (name, -1) > GLOSS_LABEL_MAX_NAME_LENGTH)
        {
          g_autofree char *shown = gloss_problem_shorten (name);

          gloss_problems_add (problems, where,
                              _("The name “%s” of label “%s” is %ld characters long; Gloss accepts names of up to %d"),
                              shown, id, g_utf8_strlen (name, -1), GLOSS_LABEL_MAX_NAME_LENGTH);
          name = NULL;
        }

      if (color != NULL && !gloss_label_color_is_valid (color))
        {
          g_autofree char *shown = gloss_problem_shorten (color);

          gloss_problems_add (problems, where, _("The color “%s” of label “%s” is not of the form #rrggbb"), shown, id);
          color = NULL;
        }

      if (key != NULL && !gloss_label_key_is_valid (key))
        {
          g_autofree char *shown = gloss_problem_shorten (key);

          gloss_problems_add (problems, where, _("The key “%s” of label “%s” must be a single character"), shown, id);
          key = NULL;
        }

      if (key != NULL && key[0] != '\0' && g_hash_table_contains (keys, key))
        gloss_problems_add (problems, where, _("The key “%s” of label “%s” is used by another label"), key, id);

      label = gloss_label_new (id, name, color, key, description);
      if (!gloss_label_set_insert (self, self->labels->len, label))
        gloss_problems_add (problems, where, _("The label id “%s” is used twice"), id);
      else if (gloss_label_get_key (label)[0] != '\0')
        g_hash_table_add (keys, (gpointer)gloss_label_get_key (label));
    }

  if (problems->len > n_problems)
    return NULL;

  return g_steal_pointer (&self);
}

GlossLabelSet *
gloss_label_set_copy (GlossLabelSet *self)
{
  GlossLabelSet *copy;

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  copy = gloss_label_set_new ();
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (copy->labels, gloss_label_copy (g_ptr_array_index (self->labels, i)));
  reindex (copy);

  return copy;
}

/**
 * gloss_label_set_equal:
 *
 * Returns: %TRUE if both sets have the same labels, with the same fields,
 *   in the same order
 */
gboolean
gloss_label_set_equal (GlossLabelSet *self,
                       GlossLabelSet *other)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (other), FALSE);

  gloss_label_set_append_json (self, a, "");
  gloss_label_set_append_json (other, b, "");

  return g_string_equal (a, b);
}

GlossLabel *
gloss_label_set_lookup (GlossLabelSet *self,
                        const char    *id)
{
  int pos = gloss_label_set_get_position (self, id);

  return pos < 0 ? NULL : g_ptr_array_index (self->labels, pos);
}

GlossLabel *
gloss_label_set_lookup_key (GlossLabelSet *self,
                            const char    *key)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  if (key == NULL || key[0] == '\0')
    return NULL;

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (gloss_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

/**
 * gloss_label_set_get_position:
 *
 * Returns: the position of the label @id, or -1
 */
int
gloss_label_set_get_position (GlossLabelSet *self,
                              const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), -1);

  if (id == NULL)
    return -1;

  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, id)) - 1;
}

GlossLabel *
gloss_label_set_get_label (GlossLabelSet *self,
                           guint          position)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  if (position >= self->labels->len)
    return NULL;

  return g_ptr_array_index (self->labels, position);
}

guint
gloss_label_set_get_n_labels (GlossLabelSet *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), 0);

  return self->labels->len;
}

/**
 * gloss_label_set_insert:
 *
 * Returns: %FALSE if a label with that id is there already
 */
gboolean
gloss_label_set_insert (GlossLabelSet *self,
                        guint          position,
                        GlossLabel    *label)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), FALSE);

  if (gloss_label_set_lookup (self, gloss_label_get_id (label)) != NULL)
    return FALSE;

  position = MIN (position, self->labels->len);
  g_ptr_array_insert (self->labels, position, g_object_ref (label));
  if (position + 1 == self->labels->len)
    g_hash_table_insert (self->positions, (gpointer)gloss_label_get_id (label), GUINT_TO_POINTER (position + 1));
  else
    reindex (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return TRUE;
}

gboolean
gloss_label_set_remove (GlossLabelSet *self,
                        const char    *id)
{
  int pos = gloss_label_set_get_position (self, id);

  if (pos < 0)
    return FALSE;

  g_ptr_array_remove_index (self->labels, pos);
  reindex (self);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);

  return TRUE;
}

gboolean
gloss_label_set_move (GlossLabelSet *self,
                      guint          from,
                      guint          to)
{
  gpointer label;

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), FALSE);

  if (from >= self->labels->len || to >= self->labels->len)
    return FALSE;

  if (from == to)
    return TRUE;

  label = g_ptr_array_steal_index (self->labels, from);
  g_ptr_array_insert (self->labels, to, label);
  reindex (self);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);

  return TRUE;
}

/**
 * gloss_label_set_append_json:
 * @indent: (nullable): the indentation of the list's lines; %NULL for the
 *   whole list on one line, as the JSONL exports need
 *
 * Appends the labels as a JSON list, in set order.
 */
void
gloss_label_set_append_json (GlossLabelSet *self,
                             GString       *out,
                             const char    *indent)
{
  g_return_if_fail (GLOSS_IS_LABEL_SET (self));

  g_string_append_c (out, '[');

  for (guint i = 0; i < self->labels->len; i++)
    {
      GlossLabel *label = g_ptr_array_index (self->labels, i);

      if (indent != NULL)
        g_string_append_printf (out, "%s\n%s  {\"id\": ", i ? "," : "", indent);
      else
        g_string_append (out, i ? ", {\"id\": " : "{\"id\": ");
      gloss_json_append_string (out, gloss_label_get_id (label));
      g_string_append (out, ", \"name\": ");
      gloss_json_append_string (out, gloss_label_get_name (label));
      g_string_append (out, ", \"color\": ");
      gloss_json_append_string (out, gloss_label_get_color (label));
      g_string_append (out, ", \"key\": ");
      gloss_json_append_string (out, gloss_label_get_key (label));
      g_string_append (out, ", \"description\": ");
      gloss_json_append_string (out, gloss_label_get_description (label));
      g_string_append_c (out, '}');
    }

  if (indent != NULL && self->labels->len > 0)
    g_string_append_printf (out, "\n%s", indent);
  g_string_append_c (out, ']');
}
