/* gloss-import-doccano.c
 *
 * doccano's JSONL for sequence labelling: `text` (or `data` in older
 * exports) and `label` as `[start, end, "label"]` triples (or `entities`
 * with `start_offset`, `end_offset` and `label` in projects with
 * relations). doccano counts code points, as Gloss does. Other members
 * are kept as the document's metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-import-private.h"
#include "gloss-json.h"
#include "gloss-text.h"

static gboolean
get_offset (JsonNode *node,
            guint    *value)
{
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXINT)
    return FALSE;

  *value = (guint)v;
  return TRUE;
}

static gboolean
read_labels (GlossImporter *self,
             JsonObject    *object,
             GArray        *spans,
             const char    *where)
{
  JsonNode *node = json_object_get_member (object, "label");
  JsonArray *array;

  if (node == NULL)
    node = json_object_get_member (object, "labels");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonArray *triple;
          guint start, end;
          const char *label;

          if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (json_node_get_array (element)) != 3)
            {
              _gloss_importer_problem (self, where, _("label[%u] is not a [start, end, label] triple"), i);
              return FALSE;
            }

          triple = json_node_get_array (element);
          element = json_array_get_element (triple, 2);
          label = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
                  ? json_node_get_string (element) : NULL;
          if (!get_offset (json_array_get_element (triple, 0), &start) ||
              !get_offset (json_array_get_element (triple, 1), &end) || label == NULL)
            {
              _gloss_importer_problem (self, where, _("label[%u] is not a [start, end, label] triple"), i);
              return FALSE;
            }

          _gloss_import_spans_add (spans, start, end, label, NULL, NULL);
        }
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      _gloss_importer_problem (self, where, _("“label” must be a list, not %s"), gloss_json_type_name (node));
      return FALSE;
    }

  node = json_object_get_member (object, "entities");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *entity;
          guint start, end;
          const char *label;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              _gloss_importer_problem (self, where, _("entities[%u] is not an object"), i);
              return FALSE;
            }

          entity = json_node_get_object (element);
          label = _gloss_import_get_string (entity, "label");
          if (!get_offset (json_object_get_member (entity, "start_offset"), &start) ||
              !get_offset (json_object_get_member (entity, "end_offset"), &end) || label == NULL)
            {
              _gloss_importer_problem (self, where, _("entities[%u] needs start_offset, end_offset and label"), i);
              return FALSE;
            }

          _gloss_import_spans_add (spans, start, end, label, NULL, NULL);
        }
    }

  return TRUE;
}

gboolean
_gloss_import_read_doccano (GlossImporter  *self,
                            GFile          *input,
                            GCancellable   *cancellable,
                            GError        **error)
{
  static const char * const known[] = { "id", "text", "data", "label", "labels", "entities", "relations", NULL };
  g_autofree char *data = NULL;
  gsize length;
  char *cursor, *line;
  guint number = 0;

  data = _gloss_import_load (input, &length, cancellable, error);
  if (data == NULL)
    return FALSE;

  cursor = data;
  while ((line = _gloss_import_next_line (&cursor, data + length)) != NULL)
    {
      g_autofree char *where = g_strdup_printf (_("line %u"), ++number);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GlossText) text = NULL;
      g_autofree char *id = NULL;
      JsonObject *object;
      const char *contents;

      if (line[strspn (line, " \t")] == '\0')
        continue;

      node = _gloss_import_parse_line (self, line, where);
      if (node == NULL)
        continue;

      object = json_node_get_object (node);
      contents = _gloss_import_get_string (object, "text");
      if (contents == NULL)
        contents = _gloss_import_get_string (object, "data");
      if (contents == NULL)
        {
          _gloss_importer_problem (self, where, _("The line has no “text” string"));
          continue;
        }

      id = _gloss_import_dup_id (json_object_get_member (object, "id"));
      if (id == NULL)
        id = g_strdup_printf ("doccano-%05u", number);

      spans = _gloss_import_spans_new ();
      if (!read_labels (self, object, spans, where))
        continue;

      text = _gloss_import_text_new (self, contents, where);
      if (text == NULL)
        continue;

      _gloss_importer_add_spans (self, id, text, NULL, NULL, spans, _gloss_import_dup_meta (object, known), where);
    }

  return TRUE;
}
