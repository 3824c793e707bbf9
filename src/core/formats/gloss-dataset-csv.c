/* gloss-dataset-csv.c
 *
 * One row per sentence for spreadsheets: RFC 4180 (CRLF between records,
 * fields quoted when they hold a comma, a quote or a line break, quotes
 * doubled), UTF-8 without a byte order mark.
 *
 * Export only: Gloss does not read CSV back; sentences-jsonl holds the
 * same rows and imports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-dataset-private.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

static gboolean
csv_begin (GlossExporter  *self,
           GError        **error)
{
  g_string_append (_gloss_exporter_get_buffer (self),
                   "document,sentence,index,start,end,language,text,labels,notes,annotators\r\n");

  return TRUE;
}

static gboolean
csv_add (GlossExporter    *self,
         GlossExportItem  *item,
         GError          **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *contents = gloss_text_get_contents (item->text);

  for (guint i = 0; i < item->n_sentences; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (item->document, i);
      GPtrArray *annotations = item->by_sentence[i];
      guint n = annotations ? annotations->len : 0;
      gsize from = gloss_text_get_byte_offset (item->text, gloss_sentence_get_start (sentence));
      gsize to = gloss_text_get_byte_offset (item->text, gloss_sentence_get_end (sentence));

      _gloss_dataset_append_csv_field (out, item->id, strlen (item->id));
      g_string_append_printf (out, ",%u,%u,%u,%u,%s,", gloss_sentence_get_id (sentence), i,
                              gloss_sentence_get_start (sentence), gloss_sentence_get_end (sentence),
                              gloss_document_get_language (item->document));
      _gloss_dataset_append_csv_field (out, contents + from, to - from);

      /* Label ids cannot hold a ";" */
      g_string_truncate (cell, 0);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (cell, "%s%s", k ? ";" : "",
                                gloss_annotation_get_label (g_ptr_array_index (annotations, k)));
      g_string_append_c (out, ',');
      _gloss_dataset_append_csv_field (out, cell->str, cell->len);

      /* A note can hold anything, so each is prefixed by its label, one a line */
      g_string_truncate (cell, 0);
      for (guint k = 0; k < n; k++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (annotations, k);

          if (gloss_annotation_get_note (annotation)[0] == '\0')
            continue;
          g_string_append_printf (cell, "%s%s: %s", cell->len ? "\n" : "",
                                  gloss_annotation_get_label (annotation), gloss_annotation_get_note (annotation));
        }
      g_string_append_c (out, ',');
      _gloss_dataset_append_csv_field (out, cell->str, cell->len);

      g_string_truncate (cell, 0);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (cell, "%s%s", k ? ";" : "",
                                gloss_annotation_get_annotator (g_ptr_array_index (annotations, k)));
      g_string_append_c (out, ',');
      _gloss_dataset_append_csv_field (out, cell->str, cell->len);

      g_string_append (out, "\r\n");
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_csv = {
  .name = "csv",
  .carries = GLOSS_DATASET_CARRIES_SENTENCES | GLOSS_DATASET_CARRIES_NOTES |
             GLOSS_DATASET_CARRIES_ANNOTATORS | GLOSS_DATASET_CARRIES_LANGUAGE,
  .card =
    "CSV after RFC 4180 (comma-separated, CRLF between rows, fields with a comma, quote or line break quoted, "
    "quotes doubled), UTF-8 without a byte order mark, a header row, then one row per sentence, labelled or not.\n\n"
    "| column | meaning |\n"
    "| --- | --- |\n"
    "| `document` | the document id |\n"
    "| `sentence` | the sentence's id in its document |\n"
    "| `index` | the sentence's position in its document, from 0 |\n"
    "| `start`, `end` | the sentence's span in Unicode code points, end exclusive |\n"
    "| `language` | `de` or `en` |\n"
    "| `text` | the sentence (line breaks inside it kept) |\n"
    "| `labels` | the label ids, separated by `;`; empty for none |\n"
    "| `notes` | one `label: note` per line for each label with a note |\n"
    "| `annotators` | who gave each label, separated by `;`, parallel to `labels` |\n",
  .begin = csv_begin,
  .add = csv_add,
};
