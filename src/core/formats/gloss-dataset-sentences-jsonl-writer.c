/* gloss-dataset-sentences-jsonl-writer.c
 *
 * One JSON line per sentence, labelled or not: what a sentence classifier
 * trains on, and what `pandas.read_json (path, lines=True)` reads as a
 * table with one row per sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-dataset-writer-private.h"
#include "gloss-json.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

static void
append_context (GString         *out,
                GlossExportItem *item,
                guint            from,
                guint            to)
{
  g_string_append_c (out, '[');
  for (guint i = from; i < to; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (item->document, i);

      g_string_append (out, i > from ? ", " : "");
      _gloss_export_append_slice (out, item->text,
                                  gloss_sentence_get_start (sentence),
                                  gloss_sentence_get_end (sentence));
    }
  g_string_append_c (out, ']');
}

static gboolean
sentences_jsonl_add (GlossExporter    *self,
                     GlossExportItem  *item,
                     GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  guint context = _gloss_exporter_get_context (self);

  for (guint i = 0; i < item->n_sentences; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (item->document, i);
      GPtrArray *annotations = item->by_sentence[i];
      guint n = annotations ? annotations->len : 0;

      g_string_append (out, "{\"document\": ");
      gloss_json_append_string (out, item->id);
      g_string_append_printf (out, ", \"sentence\": %u, \"index\": %u, \"start\": %u, \"end\": %u, \"text\": ",
                              gloss_sentence_get_id (sentence), i,
                              gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence));
      _gloss_export_append_slice (out, item->text, gloss_sentence_get_start (sentence),
                                  gloss_sentence_get_end (sentence));

      /* notes and annotators run parallel to labels: notes[k] and
       * annotators[k] belong to labels[k] */
      g_string_append (out, ", \"labels\": [");
      for (guint k = 0; k < n; k++)
        {
          g_string_append (out, k ? ", " : "");
          gloss_json_append_string (out, gloss_annotation_get_label (g_ptr_array_index (annotations, k)));
        }
      g_string_append (out, "], \"notes\": [");
      for (guint k = 0; k < n; k++)
        {
          g_string_append (out, k ? ", " : "");
          gloss_json_append_string (out, gloss_annotation_get_note (g_ptr_array_index (annotations, k)));
        }
      g_string_append (out, "], \"annotators\": [");
      for (guint k = 0; k < n; k++)
        {
          g_string_append (out, k ? ", " : "");
          gloss_json_append_string (out, gloss_annotation_get_annotator (g_ptr_array_index (annotations, k)));
        }
      g_string_append (out, "], \"language\": ");
      gloss_json_append_string (out, gloss_document_get_language (item->document));

      if (context > 0)
        {
          g_string_append (out, ", \"context_before\": ");
          append_context (out, item, i > context ? i - context : 0, i);
          g_string_append (out, ", \"context_after\": ");
          append_context (out, item, i + 1, MIN (item->n_sentences, i + 1 + context));
        }

      g_string_append (out, "}\n");
    }

  return TRUE;
}

const GlossExportFormatInfo _gloss_export_sentences_jsonl = {
  .name = "sentences-jsonl",
  .carries_notes = TRUE,
  .carries_annotators = TRUE,
  .fields =
    "One JSON object per line, one line per sentence, labelled or not, in document order. "
    "Load it with `pandas.read_json(path, lines=True)`.\n\n"
    "| field | meaning |\n"
    "| --- | --- |\n"
    "| `document` | the document id: the text's path relative to the exported folder |\n"
    "| `sentence` | the sentence's id in its document (stable across edits) |\n"
    "| `index` | the sentence's position in its document, from 0 |\n"
    "| `start`, `end` | the sentence's span in the document text, in Unicode code points, end exclusive |\n"
    "| `text` | the sentence: `document_text[start:end]` |\n"
    "| `labels` | the sentence's label ids, in label set order; `[]` for none |\n"
    "| `notes` | the annotators' notes, parallel to `labels` (`\"\"` for none) |\n"
    "| `annotators` | who gave each label, parallel to `labels` |\n"
    "| `language` | the document's language, `de` or `en` |\n"
    "| `context_before`, `context_after` | with `--context N`: the texts of the N sentences before and after |\n",
  .add = sentences_jsonl_add,
};
