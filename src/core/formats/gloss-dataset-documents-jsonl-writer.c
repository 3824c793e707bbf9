/* gloss-dataset-documents-jsonl-writer.c
 *
 * One JSON line per document with its full text, sentences and
 * annotations: everything Gloss knows of it, so that an import gives
 * the same documents back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-dataset-writer-private.h"

static gboolean
documents_jsonl_add (GlossExporter    *self,
                     GlossExportItem  *item,
                     GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);

  _gloss_export_append_document (out, item);
  g_string_append_c (out, '\n');

  return TRUE;
}

const GlossExportFormatInfo _gloss_export_documents_jsonl = {
  .name = "documents-jsonl",
  .carries_notes = TRUE,
  .carries_annotators = TRUE,
  .fields =
    "One JSON object per line, one line per document, each self-contained. "
    "Load it with `pandas.read_json(path, lines=True)`.\n\n"
    GLOSS_EXPORT_DOCUMENT_FIELDS,
  .add = documents_jsonl_add,
};
