/* gloss-dataset-private.h
 *
 * The table of dataset formats (one GlossDatasetFormat per format, each
 * in its own gloss-dataset-FORMAT.c), and what the formats share: the
 * private API the exporter and the importer give them, and the helpers of
 * gloss-dataset.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-agreement.h"
#include "gloss-dataset.h"
#include "gloss-exporter.h"
#include "gloss-importer.h"

G_BEGIN_DECLS

/* One document as the writers see it: the filters are applied already. */
typedef struct
{
  GlossDocument *document;
  GlossText     *text;
  const char    *id;
  guint          index;        /* of the document in the export, from 0 */
  GPtrArray     *annotations;  /* GlossAnnotation, kept ones, in document order */
  GlossSentence **sentences;   /* the document's, by position */
  GPtrArray    **by_sentence;  /* per sentence position: its kept annotations, or NULL */
  guint          n_sentences;
  GPtrArray     *spans;        /* GlossSpan, kept ones, in document order */
  GPtrArray     *relations;    /* GlossRelation, kept ones (both spans kept), in document order */
  gboolean       with_spans;   /* the document has spans, relations or their labels (its file is
                                * of version 2): the formats that carry spans write their members */
} GlossExportItem;

/* A labelled span as a reader gives it: the importer makes it a span of
 * the text or maps it to the sentences it covers (_gloss_importer_add_spans()) */
typedef struct
{
  guint      start;       /* of the first part */
  guint      end;         /* of the last part */
  char      *label;
  char      *note;        /* nullable */
  char      *annotator;   /* nullable: the importer's annotator */
  char      *key;         /* nullable: the format's own id of the span (brat "T3"), for relations */
  GArray    *parts;       /* nullable: GlossRange, every part, when there is more than one */
  GPtrArray *attributes;  /* nullable: name, value, name, value … */
  gboolean   span_layer;  /* the input says it is a span of the text, not a sentence label */
} GlossImportSpan;

/* A relation as a reader gives it, between spans of one document */
typedef struct
{
  char *label;
  char *from;        /* the key of a GlossImportSpan */
  char *to;
  char *note;        /* nullable */
  char *annotator;   /* nullable: the importer's annotator */
} GlossImportRelation;

/**
 * GlossDatasetFormat:
 * @name: the format's name, as the command line, the data card and the
 *   error messages write it (`sentences-jsonl`)
 * @folder: %TRUE if the format is a folder of files (brat), not one file
 * @carries: what the format holds beyond text, ids and labelled spans
 * @offsets: %GLOSS_OFFSETS_AUTO for a format whose offsets are code
 *   points; else the unit its writer uses unless told otherwise, for a
 *   format whose offsets may count either way (doccano: UTF-16 units)
 * @labels: (nullable): the built-in label set an import of the format
 *   starts from when none is given (gloss_label_set_new_builtin():
 *   "quotation"); %NULL: the default set
 * @card: (nullable): the data card's section on the format, in Markdown
 *   (English, not translated: datasets travel); every writer has one
 * @read: (nullable): reads the file or folder given into documents,
 *   through the importer's private API; %NULL: Gloss does not import the
 *   format
 * @begin: (nullable): writes what comes before the first document
 * @add: (nullable): writes one document; %NULL: Gloss does not export
 *   the format
 * @end: (nullable): writes what comes after the last document
 *
 * A writer appends to the exporter's buffer (_gloss_exporter_get_buffer()),
 * which the exporter flushes to the stream; a folder format writes its
 * files through _gloss_exporter_write_file(), all at once at the end.
 * A reader records what it cannot take as problems of the importer
 * (_gloss_importer_problem()), never as an error, which is for an input
 * that cannot be read at all.
 */
typedef struct
{
  const char          *name;
  gboolean             folder;
  GlossDatasetCarries  carries;
  GlossOffsets         offsets;
  const char          *labels;
  const char          *card;
  gboolean           (*read)  (GlossImporter    *self,
                               GFile            *input,
                               GCancellable     *cancellable,
                               GError          **error);
  gboolean           (*begin) (GlossExporter    *self,
                               GError          **error);
  gboolean           (*add)   (GlossExporter    *self,
                               GlossExportItem  *item,
                               GError          **error);
  gboolean           (*end)   (GlossExporter    *self,
                               GError          **error);
} GlossDatasetFormat;

extern const GlossDatasetFormat _gloss_dataset_sentences_jsonl;
extern const GlossDatasetFormat _gloss_dataset_documents_jsonl;
extern const GlossDatasetFormat _gloss_dataset_json;
extern const GlossDatasetFormat _gloss_dataset_doccano;
extern const GlossDatasetFormat _gloss_dataset_label_studio;
extern const GlossDatasetFormat _gloss_dataset_brat;
extern const GlossDatasetFormat _gloss_dataset_csv;
extern const GlossDatasetFormat _gloss_dataset_spans_csv;
extern const GlossDatasetFormat _gloss_dataset_qdpx;
extern const GlossDatasetFormat _gloss_dataset_articles_jsonl;
extern const GlossDatasetFormat _gloss_dataset_wikinews_quotes;

const GlossDatasetFormat *_gloss_dataset_for_export (GlossExportFormat format);
const GlossDatasetFormat *_gloss_dataset_for_import (GlossImportFormat format);

/* The exporter, for the writers (gloss-exporter.c) -------------------- */

/* The bits of GlossDatasetCarries */
#define GLOSS_DATASET_N_CARRIES 9

typedef struct
{
  guint          n_documents;
  guint          n_sentences;
  guint          n_labelled;     /* sentences with at least one kept label */
  guint          n_annotations;
  GlossLabelSet *labels;         /* the union of the documents' label sets, relation labels too */
  GPtrArray     *label_ids;      /* every label counted, in order of appearance */
  GHashTable    *label_counts;   /* label id -> count */
  GPtrArray     *annotators;     /* in order of appearance */
  GHashTable    *annotator_counts;
  GPtrArray     *languages;
  GHashTable    *language_counts;
  GPtrArray     *document_annotators; /* per document with several annotators: its names, joined */
  GPtrArray     *renamed;        /* per document whose id was escaped: its name, then its id */
  guint          not_carried[GLOSS_DATASET_N_CARRIES]; /* by the bit of GlossDatasetCarries */
  GPtrArray     *card_notes;     /* what the writer says on the card, English Markdown */
  gboolean       with_spans;     /* some document had spans, relations or their labels */
  guint          n_spans;        /* kept ones */
  guint          n_relations;
  GHashTable    *span_counts;    /* span label id -> count */
  GHashTable    *relation_counts; /* relation label id -> count */
  GHashTable    *annotator_spans; /* annotator (in annotators) -> count */
  GHashTable    *annotator_relations;
} GlossExportStats;

GString      *_gloss_exporter_get_buffer      (GlossExporter    *self);
GFile        *_gloss_exporter_get_folder      (GlossExporter    *self);
const char   *_gloss_exporter_get_title       (GlossExporter    *self);
guint         _gloss_exporter_get_context     (GlossExporter    *self);
GCancellable *_gloss_exporter_get_cancellable (GlossExporter    *self);
gpointer      _gloss_exporter_get_data        (GlossExporter    *self);
void          _gloss_exporter_set_data        (GlossExporter    *self,
                                               gpointer          data,
                                               GDestroyNotify    destroy);
const GlossExportStats *_gloss_exporter_get_stats (GlossExporter *self);
gboolean      _gloss_exporter_write_file      (GlossExporter    *self,
                                               GFile            *file,
                                               const char       *data,
                                               gsize             length,
                                               GError          **error);
void          _gloss_exporter_add_notice      (GlossExporter    *self,
                                               const char       *notice,
                                               const char       *card_note);

/* The importer, for the readers (gloss-importer.c) -------------------- */

void        _gloss_importer_problem         (GlossImporter  *self,
                                             const char     *where,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (3, 4);
void        _gloss_importer_warning         (GlossImporter  *self,
                                             const char     *where,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (3, 4);
const char *_gloss_importer_get_language    (GlossImporter  *self);
const char *_gloss_importer_get_annotator   (GlossImporter  *self);
const char *_gloss_importer_get_encoding    (GlossImporter  *self);
GlossOffsets _gloss_importer_get_offsets    (GlossImporter  *self);
const char *_gloss_importer_get_label_config (GlossImporter *self,
                                             const char    **name);
void        _gloss_importer_note_dropped    (GlossImporter  *self,
                                             GlossDroppedKind kind,
                                             const char     *where,
                                             const char     *example);
gboolean    _gloss_importer_add_spans       (GlossImporter  *self,
                                             const char     *id,
                                             GlossText      *text,
                                             const char     *language,
                                             GPtrArray      *sentences,
                                             GArray         *spans,
                                             GArray         *relations,
                                             char           *meta,
                                             const char     *where);
gboolean    _gloss_importer_add_text_only   (GlossImporter  *self,
                                             const char     *id,
                                             GlossText      *text,
                                             const char     *language,
                                             char           *meta,
                                             const char     *where);
gboolean    _gloss_importer_add_document    (GlossImporter  *self,
                                             const char     *id,
                                             GlossDocument  *document,
                                             const char     *where);

/* What the writers share (gloss-dataset.c) ----------------------------- */

void      _gloss_dataset_append_slice      (GString          *out,
                                            GlossText        *text,
                                            guint             start,
                                            guint             end);
void      _gloss_dataset_append_labels     (GString          *out,
                                            GlossLabelSet    *labels);
void      _gloss_dataset_append_csv_field  (GString          *out,
                                            const char       *value,
                                            gssize            length);

/* The data card (gloss-dataset-card.c) */
char     *_gloss_dataset_card_build        (const GlossExportStats   *stats,
                                            const GlossDatasetFormat *format,
                                            GlossOffsets              offsets,
                                            const char * const       *filters,
                                            GlossAgreement           *agreement);

/* UTF-16 units and code points (gloss-dataset.c) ------------------------ */

GArray     *_gloss_dataset_find_astral      (GlossText      *text);
guint       _gloss_dataset_to_utf16         (GArray         *astral,
                                             guint           offset);
guint       _gloss_dataset_from_utf16       (GlossText      *text,
                                             GArray         *astral,
                                             guint           units);

/* What the readers share (gloss-dataset.c) ----------------------------- */

typedef void (*GlossDatasetLineFunc) (GlossImporter *self,
                                      JsonNode      *node,
                                      guint          number,
                                      const char    *where,
                                      gpointer       user_data);

GArray     *_gloss_dataset_spans_new        (void);
void        _gloss_dataset_spans_add        (GArray         *spans,
                                             guint           start,
                                             guint           end,
                                             const char     *label,
                                             const char     *note,
                                             const char     *annotator);
GlossImportSpan *_gloss_dataset_spans_add_full (GArray       *spans,
                                             const GlossRange *parts,
                                             guint           n_parts,
                                             const char     *label,
                                             const char     *note,
                                             const char     *annotator,
                                             const char     *key);
void        _gloss_import_span_add_attribute (GlossImportSpan *span,
                                             const char     *name,
                                             const char     *value);
int         _gloss_dataset_compare_ranges   (gconstpointer   a,
                                             gconstpointer   b);
/* The label of the relations that join the parts of a span in a format
 * without spans in parts (Label Studio, doccano): not an id (ids have no
 * colon), so never a label of a set */
#define GLOSS_DATASET_PART_LABEL "gloss:part"

guint      *_gloss_dataset_groups_new       (guint           n);
guint       _gloss_dataset_groups_find      (guint          *groups,
                                             guint           i);
void        _gloss_dataset_groups_join      (guint          *groups,
                                             guint           a,
                                             guint           b);
guint      *_gloss_dataset_groups_list      (guint          *groups,
                                             guint           n);
GArray     *_gloss_dataset_relations_new    (void);
void        _gloss_dataset_relations_add    (GArray         *relations,
                                             const char     *label,
                                             const char     *from,
                                             const char     *to,
                                             const char     *note,
                                             const char     *annotator);
char       *_gloss_dataset_load             (GFile          *input,
                                             gsize          *length,
                                             GCancellable   *cancellable,
                                             GError        **error);
char       *_gloss_dataset_next_line        (char          **cursor,
                                             char           *end);
gboolean    _gloss_dataset_read_lines       (GlossImporter  *self,
                                             GFile          *input,
                                             GlossDatasetLineFunc func,
                                             gpointer        user_data,
                                             GCancellable   *cancellable,
                                             GError        **error);
JsonNode   *_gloss_dataset_load_json        (GFile          *input,
                                             GCancellable   *cancellable,
                                             GError        **error);
char       *_gloss_dataset_dup_example      (JsonNode       *node);
JsonNode   *_gloss_dataset_parse_line       (GlossImporter  *self,
                                             const char     *line,
                                             const char     *where);
gboolean    _gloss_dataset_get_offset       (JsonNode       *node,
                                             guint          *value);
const char *_gloss_dataset_get_string       (JsonObject     *object,
                                             const char     *member);
char       *_gloss_dataset_dup_id           (JsonNode       *node);
char       *_gloss_dataset_dup_meta         (JsonObject     *object,
                                             const char * const *skip);
GlossText  *_gloss_dataset_text_new         (GlossImporter  *self,
                                             const char     *contents,
                                             const char     *where);

/* documents-jsonl's document object, which json shares
 * (gloss-dataset-documents-jsonl.c) ------------------------------------ */

/* Its fields, for the data card */
#define GLOSS_DATASET_DOCUMENT_FIELDS \
  "| field | meaning |\n" \
  "| --- | --- |\n" \
  "| `id` | the document id: the text's path relative to the exported folder |\n" \
  "| `language` | `de` or `en` |\n" \
  "| `done` | whether the annotators marked the document done |\n" \
  "| `text` | the full text (without a byte order mark); every offset counts its Unicode code points |\n" \
  "| `labels` | the document's label set: `id`, `name`, `color`, `key`, `description`; a span label also " \
  "`\"scope\": \"span\"` and, if it declares any, its `attributes` (`[{\"name\": ..., \"values\": [...]}]`); any " \
  "label, when it has rules or examples, its `codebook` (`include`, `exclude`, `examples`, `negative_examples`) |\n" \
  "| `relation_labels` | only in a document with spans, relations or their labels: the relation labels, `id`, " \
  "`name`, `color`, `key` (when it has one), `description`, `from` and `to` (the span labels it joins) |\n" \
  "| `sentences` | `id`, `start`, `end` of every sentence, in text order |\n" \
  "| `annotations` | `id`, `label`, `start`, `end` (the sentence's span), `sentence` (its id), `text` " \
  "(`text[start:end]`), `note`, `annotator`, `created`, `modified` (ISO 8601) |\n" \
  "| `spans` | only with `relation_labels`: `id`, `label`, `parts` (`[[start, end], ...]` in text order), " \
  "`text` (each part's text, `[text[s:e] for s, e in parts]`), `attributes` (`{name: value}`), `note`, " \
  "`annotator`, `created`, `modified`; `origin`, `suggester` and `review` when set |\n" \
  "| `relations` | only with `relation_labels`: `id`, `label` (a relation label), `from` and `to` (span ids), " \
  "`note`, `annotator`, `created`, `modified`; `origin`, `suggester` and `review` when set |\n" \
  "| `meta` | only when the document has it: the metadata an import kept (e.g. a crawler's fields) |\n"

void      _gloss_dataset_append_document   (GString          *out,
                                            GlossExportItem  *item);
gboolean  _gloss_dataset_read_document     (GlossImporter    *self,
                                            JsonObject       *object,
                                            const char       *where);

G_END_DECLS
