/* gloss-dataset-json.c
 *
 * Gloss's json: the documents as one JSON array, after a header that names
 * the format version and the labels; each document as in documents-jsonl.
 *
 * Writing: the header comes first but must name the labels of every
 * document, so the documents wait in memory until the end.
 *
 * Reading: the header first, then one object per document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-dataset-private.h"
#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-label-set.h"

/* Writing ---------------------------------------------------------------- */

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static gboolean
json_add (GlossExporter    *self,
          GlossExportItem  *item,
          GError          **error)
{
  GString *documents = _gloss_exporter_get_data (self);

  if (documents == NULL)
    {
      documents = g_string_new (NULL);
      _gloss_exporter_set_data (self, documents, string_free);
    }

  g_string_append (documents, ",\n");
  _gloss_dataset_append_document (documents, item);

  return TRUE;
}

static gboolean
json_end (GlossExporter  *self,
          GError        **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  GString *documents = _gloss_exporter_get_data (self);
  const GlossExportStats *stats = _gloss_exporter_get_stats (self);

  g_string_append_printf (out, "[{\"format\": \"gloss-export\", \"version\": %d, \"labels\": ",
                          GLOSS_EXPORT_VERSION);
  _gloss_dataset_append_labels (out, stats->labels);
  if (stats->with_spans)
    {
      g_string_append (out, ", \"relation_labels\": ");
      _gloss_dataset_append_labels (out, gloss_label_set_get_relation_labels (stats->labels));
    }
  g_string_append_c (out, '}');
  if (documents != NULL)
    g_string_append_len (out, documents->str, documents->len);
  g_string_append (out, "\n]\n");

  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

static gboolean
json_read (GlossImporter  *self,
           GFile          *input,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint n;

  root = _gloss_dataset_load_json (input, cancellable, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("A Gloss json export is a JSON array, not %s"), gloss_json_type_name (root));
      return FALSE;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("$[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _gloss_importer_problem (self, where, _("A document must be an object, not %s"), gloss_json_type_name (node));
          continue;
        }

      object = json_node_get_object (node);
      if (i == 0 && g_strcmp0 (_gloss_dataset_get_string (object, "format"), "gloss-export") == 0)
        continue;

      _gloss_dataset_read_document (self, object, where);
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_json = {
  .name = "json",
  .carries = GLOSS_DATASET_CARRIES_ALL,
  .card =
    "One JSON array. Its first element is a header, `{\"format\": \"gloss-export\", \"version\": 1, "
    "\"labels\": [...]}`, with the labels of all documents (and their `relation_labels` after `labels` when a "
    "document has spans, relations or their labels); every further element is one document on its own line:\n\n"
    GLOSS_DATASET_DOCUMENT_FIELDS,
  .read = json_read,
  .add = json_add,
  .end = json_end,
};
