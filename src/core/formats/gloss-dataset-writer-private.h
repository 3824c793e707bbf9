/* gloss-dataset-writer-private.h
 *
 * What the exporter shares with the one file per format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-exporter.h"

G_BEGIN_DECLS

/* One document as the formats see it: the filters are applied already. */
typedef struct
{
  GlossDocument *document;
  GlossText     *text;
  const char    *id;
  guint          index;        /* of the document in the export, from 0 */
  GPtrArray     *annotations;  /* GlossAnnotation, kept ones, in document order */
  GPtrArray    **by_sentence;  /* per sentence position: its kept annotations, or NULL */
  guint          n_sentences;
} GlossExportItem;

typedef struct
{
  const char *name;
  gboolean    folder;
  gboolean    carries_notes;
  gboolean    carries_annotators;
  const char *fields;          /* Markdown for the data card */
  gboolean  (*begin) (GlossExporter    *self,
                      GError          **error);
  gboolean  (*add)   (GlossExporter    *self,
                      GlossExportItem  *item,
                      GError          **error);
  gboolean  (*end)   (GlossExporter    *self,
                      GError          **error);
} GlossExportFormatInfo;

typedef struct
{
  guint          n_documents;
  guint          n_sentences;
  guint          n_labelled;     /* sentences with at least one kept label */
  guint          n_annotations;
  GlossLabelSet *labels;         /* the union of the documents' label sets */
  GPtrArray     *label_ids;      /* every label counted, in order of appearance */
  GHashTable    *label_counts;   /* label id -> count */
  GPtrArray     *annotators;     /* in order of appearance */
  GHashTable    *annotator_counts;
  GPtrArray     *languages;
  GHashTable    *language_counts;
  GPtrArray     *document_annotators; /* per document with several annotators: its names, joined */
  GPtrArray     *renamed;        /* per document whose id was escaped: its name, then its id */
} GlossExportStats;

/* The fields of a document in documents-jsonl and json, for the data card */
#define GLOSS_EXPORT_DOCUMENT_FIELDS \
  "| field | meaning |\n" \
  "| --- | --- |\n" \
  "| `id` | the document id: the text's path relative to the exported folder |\n" \
  "| `language` | `de` or `en` |\n" \
  "| `done` | whether the annotators marked the document done |\n" \
  "| `text` | the full text (without a byte order mark); every offset counts its Unicode code points |\n" \
  "| `labels` | the document's label set: `id`, `name`, `color`, `key`, `description` |\n" \
  "| `sentences` | `id`, `start`, `end` of every sentence, in text order |\n" \
  "| `annotations` | `id`, `label`, `start`, `end` (the sentence's span), `sentence` (its id), `text` " \
  "(`text[start:end]`), `note`, `annotator`, `created`, `modified` (ISO 8601) |\n" \
  "| `meta` | only when the document has it: the metadata an import kept (e.g. a crawler's fields) |\n"

extern const GlossExportFormatInfo _gloss_export_sentences_jsonl;
extern const GlossExportFormatInfo _gloss_export_documents_jsonl;
extern const GlossExportFormatInfo _gloss_export_json;
extern const GlossExportFormatInfo _gloss_export_doccano;
extern const GlossExportFormatInfo _gloss_export_label_studio;
extern const GlossExportFormatInfo _gloss_export_brat;
extern const GlossExportFormatInfo _gloss_export_csv;

GString  *_gloss_exporter_get_buffer      (GlossExporter    *self);
GFile    *_gloss_exporter_get_folder      (GlossExporter    *self);
guint     _gloss_exporter_get_context     (GlossExporter    *self);
GCancellable *_gloss_exporter_get_cancellable (GlossExporter *self);
gpointer  _gloss_exporter_get_data        (GlossExporter    *self);
void      _gloss_exporter_set_data        (GlossExporter    *self,
                                           gpointer          data,
                                           GDestroyNotify    destroy);
const GlossExportStats *_gloss_exporter_get_stats (GlossExporter *self);

void      _gloss_export_append_slice      (GString          *out,
                                           GlossText        *text,
                                           guint             start,
                                           guint             end);
void      _gloss_export_append_labels     (GString          *out,
                                           GlossLabelSet    *labels);
void      _gloss_export_append_document   (GString          *out,
                                           GlossExportItem  *item);
gboolean  _gloss_exporter_write_file      (GlossExporter    *self,
                                           GFile            *file,
                                           const char       *data,
                                           gsize             length,
                                           GError          **error);

char     *_gloss_export_card_build        (const GlossExportStats      *stats,
                                           const GlossExportFormatInfo *info,
                                           const char * const          *filters,
                                           GlossAgreement              *agreement);

G_END_DECLS
