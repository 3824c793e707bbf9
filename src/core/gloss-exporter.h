/* gloss-exporter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-agreement.h"
#include "gloss-dataset.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/* The version of the layout of Gloss's own exports (json, the JSONL
 * formats), written into the json header and the data card. */
#define GLOSS_EXPORT_VERSION 1

/**
 * GlossExportFormat:
 * @GLOSS_EXPORT_SENTENCES_JSONL: one JSON line per sentence
 * @GLOSS_EXPORT_DOCUMENTS_JSONL: one JSON line per document, self-contained
 * @GLOSS_EXPORT_JSON: one JSON array: a header, then the documents
 * @GLOSS_EXPORT_DOCCANO: doccano's JSONL for sequence labelling
 * @GLOSS_EXPORT_LABEL_STUDIO: Label Studio's JSON task list
 * @GLOSS_EXPORT_BRAT: a folder of brat `.txt` / `.ann` pairs
 * @GLOSS_EXPORT_CSV: one RFC 4180 row per sentence
 * @GLOSS_EXPORT_SPANS_CSV: one RFC 4180 row per span
 * @GLOSS_EXPORT_QDPX: a REFI-QDA project (`.qdpx`) for QDA software
 */
typedef enum
{
  GLOSS_EXPORT_SENTENCES_JSONL,
  GLOSS_EXPORT_DOCUMENTS_JSONL,
  GLOSS_EXPORT_JSON,
  GLOSS_EXPORT_DOCCANO,
  GLOSS_EXPORT_LABEL_STUDIO,
  GLOSS_EXPORT_BRAT,
  GLOSS_EXPORT_CSV,
  GLOSS_EXPORT_SPANS_CSV,
  GLOSS_EXPORT_QDPX,
  GLOSS_EXPORT_N_FORMATS
} GlossExportFormat;

#define GLOSS_TYPE_EXPORTER (gloss_exporter_get_type ())

G_DECLARE_FINAL_TYPE (GlossExporter, gloss_exporter, GLOSS, EXPORTER, GObject)

/**
 * GlossExportProgressFunc:
 * @n_done: how many of the texts given were exported or left out so far
 * @n_total: how many texts were given
 * @user_data: the data given with the function
 *
 * Reports how far gloss_export_corpus() has got.
 */
typedef void (*GlossExportProgressFunc) (guint    n_done,
                                         guint    n_total,
                                         gpointer user_data);

gboolean       gloss_export_format_from_name    (const char          *name,
                                                 GlossExportFormat   *format);
const char    *gloss_export_format_get_name     (GlossExportFormat    format);
gboolean       gloss_export_format_is_folder    (GlossExportFormat    format);
GlossOffsets   gloss_export_format_get_offsets  (GlossExportFormat    format);
char          *gloss_export_format_list_names   (void);

GlossExporter *gloss_exporter_new               (GlossExportFormat    format);
GlossExportFormat gloss_exporter_get_format     (GlossExporter       *self);
void           gloss_exporter_set_context       (GlossExporter       *self,
                                                 guint                n_sentences);
void           gloss_exporter_set_done_only     (GlossExporter       *self,
                                                 gboolean             done_only);
void           gloss_exporter_set_title         (GlossExporter       *self,
                                                 const char          *title);
void           gloss_exporter_set_labels        (GlossExporter       *self,
                                                 const char * const  *labels);
void           gloss_exporter_set_annotator     (GlossExporter       *self,
                                                 const char          *annotator);
void           gloss_exporter_set_encoding      (GlossExporter       *self,
                                                 const char          *encoding);
void           gloss_exporter_set_agreement     (GlossExporter       *self,
                                                 GlossAgreement      *agreement);
void           gloss_exporter_set_offsets       (GlossExporter       *self,
                                                 GlossOffsets         offsets);
GlossOffsets   gloss_exporter_get_offsets       (GlossExporter       *self);
void           gloss_exporter_set_doccano_layout (GlossExporter      *self,
                                                  GlossDoccanoLayout  layout);
GlossDoccanoLayout gloss_exporter_get_doccano_layout (GlossExporter  *self);
void           gloss_exporter_set_progress_func (GlossExporter       *self,
                                                 GlossExportProgressFunc func,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);
gboolean       gloss_exporter_begin_stream      (GlossExporter       *self,
                                                 GOutputStream       *stream,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
gboolean       gloss_exporter_begin_folder      (GlossExporter       *self,
                                                 GFile               *folder,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
gboolean       gloss_exporter_add               (GlossExporter       *self,
                                                 GlossDocument       *document,
                                                 const char          *id,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
gboolean       gloss_exporter_end               (GlossExporter       *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
char          *gloss_exporter_dup_card          (GlossExporter       *self);
guint          gloss_exporter_get_n_documents   (GlossExporter       *self);
guint          gloss_exporter_count_not_carried (GlossExporter       *self,
                                                 GlossDatasetCarries  what);
char          *gloss_exporter_dup_not_carried   (GlossExporter       *self);
GPtrArray     *gloss_exporter_get_notices       (GlossExporter       *self);
guint          gloss_exporter_get_n_renamed     (GlossExporter       *self);
void           gloss_exporter_get_renamed       (GlossExporter       *self,
                                                 guint                position,
                                                 const char         **name,
                                                 const char         **id);

gboolean       gloss_export_corpus              (GlossExporter       *exporter,
                                                 GPtrArray           *files,
                                                 GPtrArray           *roots,
                                                 GOutputStream       *stream,
                                                 GFile               *folder,
                                                 GPtrArray           *invalid,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
void           gloss_export_corpus_async        (GlossExporter       *exporter,
                                                 GPtrArray           *files,
                                                 GPtrArray           *roots,
                                                 GOutputStream       *stream,
                                                 GFile               *folder,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       gloss_export_corpus_finish       (GlossExporter       *exporter,
                                                 GAsyncResult        *result,
                                                 GPtrArray          **invalid,
                                                 GError             **error);

G_END_DECLS
