/* gloss-dataset-doccano.c
 *
 * doccano's JSONL for sequence labelling (https://doccano.github.io/doccano/).
 * doccano counts offsets in Python's code points, as Gloss does.
 *
 * Writing: one line per document with its text and `[start, end, label]`
 * triples.
 *
 * Reading: `text` (or `data` in older exports) and `label` as
 * `[start, end, "label"]` triples (or `entities` with `start_offset`,
 * `end_offset` and `label` in projects with relations). Other members are
 * kept as the document's metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-dataset-private.h"
#include "gloss-json.h"
#include "gloss-text.h"

/* Writing ---------------------------------------------------------------- */

static gboolean
doccano_add (GlossExporter    *self,
             GlossExportItem  *item,
             GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);

  /* doccano keeps members other than text and label as the example's
   * metadata, so the id survives a round trip through it */
  g_string_append (out, "{\"id\": ");
  gloss_json_append_string (out, item->id);
  g_string_append (out, ", \"text\": ");
  gloss_json_append_string (out, gloss_text_get_contents (item->text));
  g_string_append (out, ", \"label\": [");
  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

      g_string_append_printf (out, "%s[%u, %u, ", i ? ", " : "",
                              gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
      gloss_json_append_string (out, gloss_annotation_get_label (annotation));
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}\n");

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

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
          if (!_gloss_dataset_get_offset (json_array_get_element (triple, 0), &start) ||
              !_gloss_dataset_get_offset (json_array_get_element (triple, 1), &end) || label == NULL)
            {
              _gloss_importer_problem (self, where, _("label[%u] is not a [start, end, label] triple"), i);
              return FALSE;
            }

          _gloss_dataset_spans_add (spans, start, end, label, NULL, NULL);
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
          label = _gloss_dataset_get_string (entity, "label");
          if (!_gloss_dataset_get_offset (json_object_get_member (entity, "start_offset"), &start) ||
              !_gloss_dataset_get_offset (json_object_get_member (entity, "end_offset"), &end) || label == NULL)
            {
              _gloss_importer_problem (self, where, _("entities[%u] needs start_offset, end_offset and label"), i);
              return FALSE;
            }

          _gloss_dataset_spans_add (spans, start, end, label, NULL, NULL);
        }
    }

  return TRUE;
}

static void
read_line (GlossImporter *self,
           JsonNode      *node,
           guint          number,
           const char    *where,
           gpointer       user_data)
{
  static const char * const known[] = { "id", "text", "data", "label", "labels", "entities", "relations", NULL };
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autofree char *id = NULL;
  const char *contents;

  contents = _gloss_dataset_get_string (object, "text");
  if (contents == NULL)
    contents = _gloss_dataset_get_string (object, "data");
  if (contents == NULL)
    {
      _gloss_importer_problem (self, where, _("The line has no “text” string"));
      return;
    }

  id = _gloss_dataset_dup_id (json_object_get_member (object, "id"));
  if (id == NULL)
    id = g_strdup_printf ("doccano-%05u", number);

  spans = _gloss_dataset_spans_new ();
  if (!read_labels (self, object, spans, where))
    return;

  text = _gloss_dataset_text_new (self, contents, where);
  if (text == NULL)
    return;

  _gloss_importer_add_spans (self, id, text, NULL, NULL, spans, _gloss_dataset_dup_meta (object, known), where);
}

static gboolean
doccano_read (GlossImporter  *self,
              GFile          *input,
              GCancellable   *cancellable,
              GError        **error)
{
  return _gloss_dataset_read_lines (self, input, read_line, NULL, cancellable, error);
}

const GlossDatasetFormat _gloss_dataset_doccano = {
  .name = "doccano",
  .carries = GLOSS_DATASET_CARRIES_NONE,
  .card =
    "doccano's JSONL for sequence labelling, one line per document "
    "(in doccano: *Import Dataset → JSONL*, column *text*, label column *label*).\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `id` | the document id (doccano keeps it as metadata) |\n"
    "| `text` | the full text |\n"
    "| `label` | `[start, end, label]` per annotation: the span of a labelled sentence in Unicode code points, end "
    "exclusive; a sentence with two labels appears twice |\n\n"
    "Notes, annotators and the sentences without a label are not part of this format.\n",
  .read = doccano_read,
  .add = doccano_add,
};
