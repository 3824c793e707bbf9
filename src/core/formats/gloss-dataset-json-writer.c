/* gloss-dataset-json-writer.c
 *
 * The documents as one JSON array, after a header that names the format
 * version and the labels. The header comes first but must name the labels
 * of every document, so the documents wait in memory until the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-dataset-writer-private.h"

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
  _gloss_export_append_document (documents, item);

  return TRUE;
}

static gboolean
json_end (GlossExporter  *self,
          GError        **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  GString *documents = _gloss_exporter_get_data (self);

  g_string_append_printf (out, "[{\"format\": \"gloss-export\", \"version\": %d, \"labels\": ",
                          GLOSS_EXPORT_VERSION);
  _gloss_export_append_labels (out, _gloss_exporter_get_stats (self)->labels);
  g_string_append_c (out, '}');
  if (documents != NULL)
    g_string_append_len (out, documents->str, documents->len);
  g_string_append (out, "\n]\n");

  return TRUE;
}

const GlossExportFormatInfo _gloss_export_json = {
  .name = "json",
  .carries_notes = TRUE,
  .carries_annotators = TRUE,
  .fields =
    "One JSON array. Its first element is a header, `{\"format\": \"gloss-export\", \"version\": 1, "
    "\"labels\": [...]}`, with the labels of all documents; every further element is one document "
    "on its own line:\n\n"
    GLOSS_EXPORT_DOCUMENT_FIELDS,
  .add = json_add,
  .end = json_end,
};
