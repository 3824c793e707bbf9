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
 * number keys 1–9 and exports follow. A GListModel of GlossLabel: the
 * sentence and span labels, which share one set of ids. The relation
 * labels, whose ids are their own (a relation "speaker" joins a quote to
 * a span "speaker"), are a set of their own inside it. */
struct _GlossLabelSet
{
  GObject     parent_instance;

  GPtrArray  *labels;
  GlossLabelSet *relations;  /* NULL in a set of relation labels */
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
  g_clear_object (&self->relations);

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

/**
 * gloss_label_set_new:
 *
 * Returns: (transfer full): an empty set, with an empty set of relation
 *   labels
 */
GlossLabelSet *
gloss_label_set_new (void)
{
  GlossLabelSet *self = g_object_new (GLOSS_TYPE_LABEL_SET, NULL);

  self->relations = g_object_new (GLOSS_TYPE_LABEL_SET, NULL);

  return self;
}

/* The built-in sets, as data/labels/ has them; the names are shown
 * translated */
static const struct {
  const char *id;
  const char *name;
} builtin_sets[] = {
  { "default",   N_("Claims, sources and quotes") },
  { "quotation", N_("Quotation attribution") },
};

static const char * const builtin_ids[] = { "default", "quotation", NULL };

/**
 * gloss_label_set_list_builtin:
 *
 * Returns: (transfer none): the ids of the label sets Gloss ships,
 *   `default` first
 */
const char * const *
gloss_label_set_list_builtin (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (builtin_ids) == G_N_ELEMENTS (builtin_sets) + 1);

  return builtin_ids;
}

/**
 * gloss_label_set_get_builtin_name:
 *
 * Returns: (nullable): the translated name of the built-in set @id, or
 *   %NULL if there is none
 */
const char *
gloss_label_set_get_builtin_name (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_sets); i++)
    {
      if (g_strcmp0 (id, builtin_sets[i].id) == 0)
        return _(builtin_sets[i].name);
    }

  return NULL;
}

/**
 * gloss_label_set_new_builtin:
 * @id: "default" (claim, source and quote on sentences) or "quotation"
 *   (quotation attribution: quotes, speakers, cues, frames, addressees
 *   and the relations between them)
 *
 * Returns: (transfer full) (nullable): a new copy of the set the data
 *   file `labels/ID.json` defines, or %NULL if Gloss has no such set
 */
GlossLabelSet *
gloss_label_set_new_builtin (const char *id)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autofree char *name = NULL;
  GlossLabelSet *self;
  JsonObject *object;

  if (gloss_label_set_get_builtin_name (id) == NULL)
    return NULL;

  name = g_strconcat ("labels/", id, ".json", NULL);
  bytes = gloss_resources_lookup (name);
  g_assert (bytes != NULL);

  root = gloss_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  g_assert (root != NULL);

  object = json_node_get_object (root);
  self = gloss_label_set_new_from_object (object, "$", problems);
  g_assert (self != NULL && problems->len == 0);

  return self;
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
  return gloss_label_set_new_builtin ("default");
}

/* Reads a list of ids (attribute values, the span labels of a relation
 * label) at @path: each a valid id, none twice. Returns NULL after a
 * problem. */
static GStrv
read_ids (JsonObject *object,
          const char *member,
          const char *path,
          guint       max,
          GPtrArray  *problems)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  guint n_problems = problems->len;
  JsonArray *array;
  guint n;

  array = gloss_json_get_array (object, member, path, problems);
  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  if (n == 0)
    {
      gloss_problems_add (problems, where, _("“%s” must name at least one value"), member);
      return NULL;
    }
  if (n > max)
    {
      gloss_problems_add (problems, where, _("“%s” has %u values; Gloss accepts at most %u"), member, n, max);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", where, i);
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (gloss_json_node_kind (node) != GLOSS_JSON_STRING)
        {
          gloss_problems_add (problems, element, _("A value must be a string, not %s"), gloss_json_type_name (node));
          continue;
        }

      id = json_node_get_string (node);
      if (!gloss_label_id_is_valid (id))
        {
          g_autofree char *shown = gloss_problem_shorten (id);

          gloss_problems_add (problems, element,
                              _("“%s” is not valid: use lower-case letters, digits, “-” and “_”, starting with a letter"),
                              shown);
          continue;
        }

      if (!g_hash_table_add (seen, (gpointer)id))
        {
          gloss_problems_add (problems, element, _("“%s” is given twice"), id);
          continue;
        }

      g_strv_builder_add (builder, id);
    }

  if (problems->len > n_problems)
    return NULL;

  return g_strv_builder_end (builder);
}

/* The attributes a span label declares, at $.labels[i].attributes */
static void
read_attributes (GlossLabel *label,
                 JsonObject *object,
                 const char *path,
                 GPtrArray  *problems)
{
  static const char * const known[] = { "name", "values", NULL };
  g_autofree char *where = g_strdup_printf ("%s.attributes", path);
  JsonArray *array;
  guint n;

  array = gloss_json_get_array (object, "attributes", path, problems);
  if (array == NULL)
    return;

  n = json_array_get_length (array);
  if (n > GLOSS_LABEL_MAX_ATTRIBUTES)
    {
      gloss_problems_add (problems, where, _("The label “%s” has %u attributes; Gloss accepts at most %u"),
                          gloss_label_get_id (label), n, GLOSS_LABEL_MAX_ATTRIBUTES);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", where, i);
      JsonNode *node = json_array_get_element (array, i);
      g_auto(GStrv) values = NULL;
      JsonObject *attribute;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          gloss_problems_add (problems, element, _("An attribute must be an object, not %s"),
                              gloss_json_type_name (node));
          continue;
        }

      attribute = json_node_get_object (node);
      gloss_json_check_members (attribute, element, known, problems);
      name = gloss_json_get_string (attribute, "name", element, TRUE, problems);
      values = read_ids (attribute, "values", element, GLOSS_LABEL_MAX_VALUES, problems);
      if (name == NULL || values == NULL)
        continue;

      if (!gloss_label_id_is_valid (name))
        {
          g_autofree char *shown = gloss_problem_shorten (name);

          gloss_problems_add (problems, element,
                              _("The attribute name “%s” is not valid: use lower-case letters, digits, “-” and “_”, starting with a letter"),
                              shown);
          continue;
        }

      if (!gloss_label_add_attribute (label, name, (const char * const *)values))
        gloss_problems_add (problems, element, _("The label “%s” declares the attribute “%s” twice"),
                            gloss_label_get_id (label), name);
    }
}

/* The codebook entry of a label, at $.labels[i].codebook: lists of
 * rules and examples, each item one line (gloss_codebook_item_is_valid()) */
static void
read_codebook (GlossLabel *label,
               JsonObject *object,
               const char *path,
               GPtrArray  *problems)
{
  const char *known[GLOSS_CODEBOOK_N_LISTS + 1] = { NULL };
  g_autofree char *where = g_strdup_printf ("%s.codebook", path);
  JsonNode *node = json_object_get_member (object, "codebook");
  JsonObject *codebook;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gloss_problems_add (problems, where, _("A codebook entry must be an object, not %s"),
                          gloss_json_type_name (node));
      return;
    }

  codebook = json_node_get_object (node);
  for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
    known[list] = gloss_codebook_list_to_string (list);
  gloss_json_check_members (codebook, where, known, problems);

  for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
    {
      const char *member = gloss_codebook_list_to_string (list);
      g_autofree char *list_path = g_strdup_printf ("%s.%s", where, member);
      g_autoptr(GStrvBuilder) builder = NULL;
      g_auto(GStrv) items = NULL;
      guint n_problems = problems->len;
      JsonArray *array;
      guint n;

      if (!json_object_has_member (codebook, member))
        continue;

      array = gloss_json_get_array (codebook, member, where, problems);
      if (array == NULL)
        continue;

      n = json_array_get_length (array);
      if (n > GLOSS_CODEBOOK_MAX_ITEMS)
        {
          gloss_problems_add (problems, list_path, _("“%s” has %u entries; Gloss accepts at most %u"),
                              member, n, GLOSS_CODEBOOK_MAX_ITEMS);
          continue;
        }

      builder = g_strv_builder_new ();
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *element = g_strdup_printf ("%s[%u]", list_path, i);
          JsonNode *item = json_array_get_element (array, i);

          if (gloss_json_node_kind (item) != GLOSS_JSON_STRING)
            gloss_problems_add (problems, element, _("A value must be a string, not %s"), gloss_json_type_name (item));
          else if (!gloss_codebook_item_is_valid (json_node_get_string (item)))
            gloss_problems_add (problems, element,
                                _("A rule or an example is one line of 1 to %d characters, not empty"),
                                GLOSS_CODEBOOK_MAX_ITEM_LENGTH);
          else
            g_strv_builder_add (builder, json_node_get_string (item));
        }

      if (problems->len > n_problems)
        continue;

      items = g_strv_builder_end (builder);
      gloss_label_set_codebook (label, list, (const char * const *)items);
    }
}

/* One label of "labels" (@relation FALSE) or "relation_labels" */
static GlossLabel *
read_label (JsonNode   *node,
            const char *where,
            gboolean    relation,
            GPtrArray  *problems)
{
  static const char * const known[] = {
    "id", "name", "color", "key", "description", "scope", "attributes", "codebook", NULL
  };
  static const char * const relation_known[] = {
    "id", "name", "color", "key", "description", "scope", "from", "to", "codebook", NULL
  };
  g_autoptr(GlossLabel) label = NULL;
  const char *id, *name, *color, *key, *description, *scope_name;
  GlossLabelScope scope = relation ? GLOSS_LABEL_SCOPE_RELATION : GLOSS_LABEL_SCOPE_SENTENCE;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gloss_problems_add (problems, where, _("A label must be an object, not %s"), gloss_json_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  gloss_json_check_members (object, where, relation ? relation_known : known, problems);

  id = gloss_json_get_string (object, "id", where, TRUE, problems);
  name = gloss_json_get_string (object, "name", where, FALSE, problems);
  color = gloss_json_get_string (object, "color", where, FALSE, problems);
  key = gloss_json_get_string (object, "key", where, FALSE, problems);
  description = gloss_json_get_string (object, "description", where, FALSE, problems);
  scope_name = gloss_json_get_string (object, "scope", where, FALSE, problems);

  if (id == NULL)
    return NULL;

  if (!gloss_label_id_is_valid (id))
    {
      g_autofree char *shown = gloss_problem_shorten (id);

      gloss_problems_add (problems, where,
                          _("The label id “%s” is not valid: use lower-case letters, digits, “-” and “_”, starting with a letter"),
                          shown);
      return NULL;
    }

  if (scope_name != NULL)
    {
      g_autofree char *scope_path = g_strconcat (where, ".scope", NULL);
      g_autofree char *shown = gloss_problem_shorten (scope_name);

      /* An unknown scope is taken for "span", the one with more to
       * check, so that its attributes and relations add no problems of
       * their own */
      if (!gloss_label_scope_from_string (scope_name, &scope))
        {
          gloss_problems_add (problems, scope_path,
                              _("The scope “%s” of label “%s” is none of “sentence”, “span” and “relation”"),
                              shown, id);
          scope = GLOSS_LABEL_SCOPE_SPAN;
        }
      else if (relation && scope != GLOSS_LABEL_SCOPE_RELATION)
        gloss_problems_add (problems, scope_path,
                            _("The label “%s” has the scope “%s”: only relation labels belong in “relation_labels”"),
                            id, scope_name);
      else if (!relation && scope == GLOSS_LABEL_SCOPE_RELATION)
        gloss_problems_add (problems, scope_path,
                            _("The label “%s” is a relation label: relation labels belong in “relation_labels”"),
                            id);
      scope = relation ? GLOSS_LABEL_SCOPE_RELATION : MIN (scope, GLOSS_LABEL_SCOPE_SPAN);
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

  label = gloss_label_new_with_scope (scope, id, name, color, key, description);

  /* A relation label's "attributes" is an unknown field, said already */
  if (!relation && json_object_has_member (object, "attributes"))
    {
      if (scope == GLOSS_LABEL_SCOPE_SPAN)
        read_attributes (label, object, where, problems);
      else
        {
          g_autofree char *attributes_path = g_strconcat (where, ".attributes", NULL);

          gloss_problems_add (problems, attributes_path,
                              _("The label “%s” is a sentence label: only span labels have attributes"), id);
        }
    }

  if (relation)
    {
      g_auto(GStrv) from = read_ids (object, "from", where, GLOSS_LABEL_SET_MAX_LABELS, problems);
      g_auto(GStrv) to = read_ids (object, "to", where, GLOSS_LABEL_SET_MAX_LABELS, problems);

      if (from != NULL && to != NULL)
        gloss_label_set_endpoints (label, (const char * const *)from, (const char * const *)to);
    }

  if (json_object_has_member (object, "codebook"))
    read_codebook (label, object, where, problems);

  return g_steal_pointer (&label);
}

/* Reads @array into @self, with keys unique within it */
static void
read_labels (GlossLabelSet *self,
             JsonArray     *array,
             const char    *path,
             GPtrArray     *problems)
{
  /* The keys of the labels taken so far, as gloss_label_set_lookup_key()
   * would find them, without a walk over the list for each label */
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean relation = self->relations == NULL;
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(GlossLabel) label = read_label (json_array_get_element (array, i), where, relation, problems);
      const char *id, *key;

      if (label == NULL)
        continue;

      id = gloss_label_get_id (label);
      key = gloss_label_get_key (label);
      if (key[0] != '\0' && g_hash_table_contains (keys, key))
        gloss_problems_add (problems, where, _("The key “%s” of label “%s” is used by another label"), key, id);

      if (!gloss_label_set_insert (self, self->labels->len, label))
        gloss_problems_add (problems, where, _("The label id “%s” is used twice"), id);
      else if (key[0] != '\0')
        g_hash_table_add (keys, (gpointer)key);
    }
}

/* Each span label a relation label names must be a span label of @self */
static void
check_endpoints (GlossLabelSet *self,
                 const char    *path,
                 GPtrArray     *problems)
{
  for (guint i = 0; i < self->relations->labels->len; i++)
    {
      GlossLabel *relation = g_ptr_array_index (self->relations->labels, i);

      for (guint end = 0; end < 2; end++)
        {
          const char * const *ids = end ? gloss_label_get_to (relation) : gloss_label_get_from (relation);

          for (guint k = 0; ids[k] != NULL; k++)
            {
              g_autofree char *where = g_strdup_printf ("%s[%u].%s[%u]", path, i, end ? "to" : "from", k);
              GlossLabel *label = gloss_label_set_lookup (self, ids[k]);

              if (label == NULL)
                gloss_problems_add (problems, where,
                                    _("The relation label “%s” names the label “%s”, which is not in the label set"),
                                    gloss_label_get_id (relation), ids[k]);
              else if (gloss_label_get_scope (label) != GLOSS_LABEL_SCOPE_SPAN)
                gloss_problems_add (problems, where,
                                    _("The relation label “%s” names the label “%s”, which is not a span label"),
                                    gloss_label_get_id (relation), ids[k]);
            }
        }
    }
}

/**
 * gloss_label_set_new_from_json:
 * @array: a JSON list of label objects
 * @path: the JSON path of @array, for problems
 * @problems: (element-type GlossProblem): where problems are added
 *
 * Reads a label set without relation labels.
 *
 * Returns: (transfer full) (nullable): the label set, or %NULL if
 *   @problems got any
 */
GlossLabelSet *
gloss_label_set_new_from_json (JsonArray  *array,
                               const char *path,
                               GPtrArray  *problems)
{
  return gloss_label_set_new_from_json_full (array, path, NULL, NULL, problems);
}

/**
 * gloss_label_set_new_from_object:
 * @object: a JSON object with the list "labels" and, optionally, the list
 *   "relation_labels", as `gloss-project.json` and `data/labels/` have them
 * @path: the JSON path of @object, for problems
 *
 * Returns: (transfer full) (nullable): the label set, or %NULL if
 *   @problems got any (among them, "labels" missing)
 */
GlossLabelSet *
gloss_label_set_new_from_object (JsonObject *object,
                                 const char *path,
                                 GPtrArray  *problems)
{
  g_autofree char *labels_path = g_strconcat (path, ".labels", NULL);
  g_autofree char *relations_path = g_strconcat (path, ".relation_labels", NULL);
  JsonArray *labels, *relations = NULL;

  if (json_object_has_member (object, "relation_labels") &&
      (relations = gloss_json_get_array (object, "relation_labels", path, problems)) == NULL)
    return NULL;

  labels = gloss_json_get_array (object, "labels", path, problems);
  if (labels == NULL)
    return NULL;

  return gloss_label_set_new_from_json_full (labels, labels_path, relations, relations_path, problems);
}

/**
 * gloss_label_set_new_from_json_full:
 * @labels: a JSON list of sentence and span label objects
 * @path: the JSON path of @labels, for problems
 * @relation_labels: (nullable): a JSON list of relation label objects
 * @relations_path: (nullable): its JSON path
 * @problems: (element-type GlossProblem): where problems are added
 *
 * Reads a label set and checks it whole: ids, names, colours, keys (unique
 * among the sentence and span labels, and among the relation labels),
 * scopes, a span label's attributes and their values, and that every span
 * label a relation label joins is one.
 *
 * Returns: (transfer full) (nullable): the label set, or %NULL if
 *   @problems got any
 */
GlossLabelSet *
gloss_label_set_new_from_json_full (JsonArray  *labels,
                                    const char *path,
                                    JsonArray  *relation_labels,
                                    const char *relations_path,
                                    GPtrArray  *problems)
{
  g_autoptr(GlossLabelSet) self = gloss_label_set_new ();
  guint n_problems = problems->len;
  guint n = json_array_get_length (labels);
  guint n_relations = relation_labels ? json_array_get_length (relation_labels) : 0;

  g_return_val_if_fail (relation_labels == NULL || relations_path != NULL, NULL);

  if (n > GLOSS_LABEL_SET_MAX_LABELS)
    {
      gloss_problems_add (problems, path, _("The label set has %u labels; Gloss accepts at most %u"),
                          n, GLOSS_LABEL_SET_MAX_LABELS);
      return NULL;
    }

  if (n + n_relations > GLOSS_LABEL_SET_MAX_LABELS)
    {
      gloss_problems_add (problems, relations_path, _("The label set has %u labels; Gloss accepts at most %u"),
                          n + n_relations, GLOSS_LABEL_SET_MAX_LABELS);
      return NULL;
    }

  read_labels (self, labels, path, problems);
  if (relation_labels != NULL)
    {
      read_labels (self->relations, relation_labels, relations_path, problems);
      check_endpoints (self, relations_path, problems);
    }

  if (problems->len > n_problems)
    return NULL;

  return g_steal_pointer (&self);
}

static void
copy_labels (GlossLabelSet *from,
             GlossLabelSet *to)
{
  for (guint i = 0; i < from->labels->len; i++)
    g_ptr_array_add (to->labels, gloss_label_copy (g_ptr_array_index (from->labels, i)));
  reindex (to);
}

GlossLabelSet *
gloss_label_set_copy (GlossLabelSet *self)
{
  GlossLabelSet *copy;

  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);
  g_return_val_if_fail (self->relations != NULL, NULL);

  copy = gloss_label_set_new ();
  copy_labels (self, copy);
  copy_labels (self->relations, copy->relations);

  return copy;
}

/**
 * gloss_label_set_get_relation_labels:
 *
 * Returns: (transfer none) (nullable): the relation labels of the set,
 *   themselves a set with their own ids; %NULL for a set of relation
 *   labels
 */
GlossLabelSet *
gloss_label_set_get_relation_labels (GlossLabelSet *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), NULL);

  return self->relations;
}

/**
 * gloss_label_set_is_sentence_only:
 *
 * Returns: %TRUE if the set has sentence labels only: no span label and no
 *   relation label (such a set is what version 1 of the files holds)
 */
gboolean
gloss_label_set_is_sentence_only (GlossLabelSet *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_SET (self), TRUE);

  if (self->relations != NULL && self->relations->labels->len > 0)
    return FALSE;

  for (guint i = 0; i < self->labels->len; i++)
    {
      if (gloss_label_get_scope (g_ptr_array_index (self->labels, i)) != GLOSS_LABEL_SCOPE_SENTENCE)
        return FALSE;
    }

  return TRUE;
}

/**
 * gloss_label_set_equal:
 *
 * Returns: %TRUE if both sets have the same labels and relation labels,
 *   with the same fields, in the same order
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
  if (self->relations != NULL)
    gloss_label_set_append_json (self->relations, a, "");
  if (other->relations != NULL)
    gloss_label_set_append_json (other->relations, b, "");

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
 * Inserts a sentence or span label into a set, a relation label into a
 * set of relation labels.
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
  g_return_val_if_fail ((gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_RELATION) == (self->relations == NULL),
                        FALSE);

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

static void
append_ids (GString            *out,
            const char         *member,
            const char * const *ids)
{
  g_string_append_printf (out, ", \"%s\": [", member);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      gloss_json_append_string (out, ids[i]);
    }
  g_string_append_c (out, ']');
}

/**
 * gloss_label_set_append_json:
 * @indent: (nullable): the indentation of the list's lines; %NULL for the
 *   whole list on one line, as the JSONL exports need
 *
 * Appends the labels as a JSON list, in set order, one label a line:
 * `{"id", "name", "color", "key", "description"}`, then for a span label
 * `"scope": "span"` and its `"attributes"` if it has any; a relation
 * label (in a set of relation labels) has its `"key"` only when it has
 * one, and `"from"`, `"to"`; last, a label's `"codebook"` when it has
 * rules or examples. A set of sentence labels is written as version 1
 * of the files wrote it.
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
      GlossLabelScope scope = gloss_label_get_scope (label);
      const char *key = gloss_label_get_key (label);

      if (indent != NULL)
        g_string_append_printf (out, "%s\n%s  {\"id\": ", i ? "," : "", indent);
      else
        g_string_append (out, i ? ", {\"id\": " : "{\"id\": ");
      gloss_json_append_string (out, gloss_label_get_id (label));
      g_string_append (out, ", \"name\": ");
      gloss_json_append_string (out, gloss_label_get_name (label));
      g_string_append (out, ", \"color\": ");
      gloss_json_append_string (out, gloss_label_get_color (label));
      if (scope != GLOSS_LABEL_SCOPE_RELATION || key[0] != '\0')
        {
          g_string_append (out, ", \"key\": ");
          gloss_json_append_string (out, key);
        }
      g_string_append (out, ", \"description\": ");
      gloss_json_append_string (out, gloss_label_get_description (label));

      if (scope == GLOSS_LABEL_SCOPE_SPAN)
        {
          guint n = gloss_label_get_n_attributes (label);

          g_string_append (out, ", \"scope\": \"span\"");
          if (n > 0)
            {
              g_string_append (out, ", \"attributes\": [");
              for (guint k = 0; k < n; k++)
                {
                  g_string_append (out, k ? ", {\"name\": " : "{\"name\": ");
                  gloss_json_append_string (out, gloss_label_get_attribute_name (label, k));
                  append_ids (out, "values", gloss_label_get_attribute_values (label, k));
                  g_string_append_c (out, '}');
                }
              g_string_append_c (out, ']');
            }
        }
      else if (scope == GLOSS_LABEL_SCOPE_RELATION)
        {
          append_ids (out, "from", gloss_label_get_from (label));
          append_ids (out, "to", gloss_label_get_to (label));
        }

      if (gloss_label_has_codebook (label))
        {
          const char *separator = "";

          g_string_append (out, ", \"codebook\": {");
          for (GlossCodebookList list = 0; list < GLOSS_CODEBOOK_N_LISTS; list++)
            {
              const char * const *items = gloss_label_get_codebook (label, list);

              if (items[0] == NULL)
                continue;
              g_string_append_printf (out, "%s\"%s\": [", separator, gloss_codebook_list_to_string (list));
              for (guint k = 0; items[k] != NULL; k++)
                {
                  if (k > 0)
                    g_string_append (out, ", ");
                  gloss_json_append_string (out, items[k]);
                }
              g_string_append_c (out, ']');
              separator = ", ";
            }
          g_string_append_c (out, '}');
        }

      g_string_append_c (out, '}');
    }

  if (indent != NULL && self->labels->len > 0)
    g_string_append_printf (out, "\n%s", indent);
  g_string_append_c (out, ']');
}
