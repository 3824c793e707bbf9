/* gloss-dataset-doccano-writer.c
 *
 * doccano's JSONL for sequence labelling: one line per document with its
 * text and `[start, end, label]` triples. doccano counts offsets in
 * Python's code points, as Gloss does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-dataset-writer-private.h"
#include "gloss-json.h"
#include "gloss-text.h"

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

const GlossExportFormatInfo _gloss_export_doccano = {
  .name = "doccano",
  .fields =
    "doccano's JSONL for sequence labelling, one line per document "
    "(in doccano: *Import Dataset → JSONL*, column *text*, label column *label*).\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `id` | the document id (doccano keeps it as metadata) |\n"
    "| `text` | the full text |\n"
    "| `label` | `[start, end, label]` per annotation: the span of a labelled sentence in Unicode code points, end "
    "exclusive; a sentence with two labels appears twice |\n\n"
    "Notes, annotators and the sentences without a label are not part of this format.\n",
  .add = doccano_add,
};
