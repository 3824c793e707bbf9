/* gloss-dataset-label-studio-writer.c
 *
 * Label Studio's JSON task list: one task per document, the annotations as
 * `labels` results of one annotation, notes as the regions' meta text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-dataset-writer-private.h"
#include "gloss-json.h"
#include "gloss-text.h"

static gboolean
label_studio_begin (GlossExporter  *self,
                    GError        **error)
{
  g_string_append_c (_gloss_exporter_get_buffer (self), '[');

  return TRUE;
}

static gboolean
label_studio_add (GlossExporter    *self,
                  GlossExportItem  *item,
                  GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);

  g_string_append_printf (out, "%s\n{\"id\": %u, \"data\": {\"text\": ", item->index ? "," : "", item->index + 1);
  gloss_json_append_string (out, gloss_text_get_contents (item->text));
  g_string_append (out, ", \"document\": ");
  gloss_json_append_string (out, item->id);
  g_string_append (out, ", \"language\": ");
  gloss_json_append_string (out, gloss_document_get_language (item->document));
  g_string_append (out, "}, \"annotations\": [{\"result\": [");

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      const char *note = gloss_annotation_get_note (annotation);

      /* Region ids need only be unique within the task; numbered by
       * position, they survive an import and export unchanged */
      g_string_append_printf (out, "%s{\"id\": \"r%u\", \"from_name\": \"label\", \"to_name\": \"text\", "
                              "\"type\": \"labels\", \"value\": {\"start\": %u, \"end\": %u, \"text\": ",
                              i ? ", " : "", i + 1,
                              gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation));
      gloss_json_append_string (out, gloss_annotation_get_text (annotation));
      g_string_append (out, ", \"labels\": [");
      gloss_json_append_string (out, gloss_annotation_get_label (annotation));
      g_string_append (out, "]}");
      if (note[0] != '\0')
        {
          g_string_append (out, ", \"meta\": {\"text\": [");
          gloss_json_append_string (out, note);
          g_string_append (out, "]}");
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "]}]}");

  return TRUE;
}

static gboolean
label_studio_end (GlossExporter  *self,
                  GError        **error)
{
  g_string_append (_gloss_exporter_get_buffer (self), "\n]\n");

  return TRUE;
}

const GlossExportFormatInfo _gloss_export_label_studio = {
  .name = "label-studio",
  .carries_notes = TRUE,
  .fields =
    "Label Studio's JSON task list (*Import* in a project whose labeling interface is shown below).\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `id` | the task's number, from 1, in document order |\n"
    "| `data.text` | the full text |\n"
    "| `data.document` | the document id |\n"
    "| `data.language` | `de` or `en` |\n"
    "| `annotations[0].result[]` | one `labels` region per annotation: `value.start`, `value.end` (Unicode code "
    "points, end exclusive), `value.text` (`text[start:end]`), `value.labels` (one label id); the note, if any, as "
    "`meta.text[0]` |\n\n"
    "Current Label Studio counts offsets in code points too; versions before its fix for emoji (2021/22) counted "
    "JavaScript's UTF-16 units, which differ after an emoji. `gloss import` detects either from `value.text`. "
    "Annotators are not part of this format.\n\n"
    "The labeling interface: `<View><Labels name=\"label\" toName=\"text\">` with one `<Label value=\"…\"/>` per "
    "label id, `</Labels><Text name=\"text\" value=\"$text\"/></View>`.\n",
  .begin = label_studio_begin,
  .add = label_studio_add,
  .end = label_studio_end,
};
