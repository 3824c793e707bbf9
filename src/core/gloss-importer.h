/* gloss-importer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-dataset.h"
#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossImportFormat:
 * @GLOSS_IMPORT_DOCUMENTS_JSONL: Gloss's documents-jsonl export
 * @GLOSS_IMPORT_JSON: Gloss's json export
 * @GLOSS_IMPORT_SENTENCES_JSONL: Gloss's sentences-jsonl export
 * @GLOSS_IMPORT_DOCCANO: doccano's JSONL for sequence labelling
 * @GLOSS_IMPORT_LABEL_STUDIO: a Label Studio JSON task list
 * @GLOSS_IMPORT_BRAT: a folder of brat `.txt` / `.ann` pairs
 * @GLOSS_IMPORT_ARTICLES_JSONL: `{"id": …, "text": …}` per line
 * @GLOSS_IMPORT_WIKINEWS_QUOTES: the German news quotation attribution
 *   dataset's articles (a folder of JSON files, or one)
 */
typedef enum
{
  GLOSS_IMPORT_DOCUMENTS_JSONL,
  GLOSS_IMPORT_JSON,
  GLOSS_IMPORT_SENTENCES_JSONL,
  GLOSS_IMPORT_DOCCANO,
  GLOSS_IMPORT_LABEL_STUDIO,
  GLOSS_IMPORT_BRAT,
  GLOSS_IMPORT_ARTICLES_JSONL,
  GLOSS_IMPORT_WIKINEWS_QUOTES,
  GLOSS_IMPORT_N_FORMATS
} GlossImportFormat;

/**
 * GlossDroppedKind:
 * @GLOSS_DROPPED_RELATION: a relation between spans (doccano, brat `R`
 *   and `*`, Label Studio `relation`)
 * @GLOSS_DROPPED_ATTRIBUTE: a brat attribute (`A`, `M`)
 * @GLOSS_DROPPED_NORMALIZATION: a brat normalization (`N`)
 * @GLOSS_DROPPED_EVENT: a brat event (`E`)
 * @GLOSS_DROPPED_NOTE: a note that belongs to no labelled span (brat `#`)
 * @GLOSS_DROPPED_CHOICE: a Label Studio `choices` result
 * @GLOSS_DROPPED_TEXT_AREA: a Label Studio `textarea` result
 * @GLOSS_DROPPED_PREDICTION: a model's pre-annotation of a task that
 *   people annotated (Label Studio takes the people's)
 * @GLOSS_DROPPED_SKIPPED: an annotation its annotator skipped (Label
 *   Studio's `was_cancelled`), or a draft
 * @GLOSS_DROPPED_OTHER: anything else the format holds that Gloss has no
 *   place for (a brat line of another kind, another Label Studio result)
 *
 * What an import leaves out, because Gloss has no place for it.
 */
typedef enum
{
  GLOSS_DROPPED_RELATION,
  GLOSS_DROPPED_ATTRIBUTE,
  GLOSS_DROPPED_NORMALIZATION,
  GLOSS_DROPPED_EVENT,
  GLOSS_DROPPED_NOTE,
  GLOSS_DROPPED_CHOICE,
  GLOSS_DROPPED_TEXT_AREA,
  GLOSS_DROPPED_PREDICTION,
  GLOSS_DROPPED_SKIPPED,
  GLOSS_DROPPED_OTHER,
  GLOSS_DROPPED_N_KINDS
} GlossDroppedKind;

#define GLOSS_TYPE_IMPORTER (gloss_importer_get_type ())

G_DECLARE_FINAL_TYPE (GlossImporter, gloss_importer, GLOSS, IMPORTER, GObject)

gboolean       gloss_import_format_from_name  (const char         *name,
                                               GlossImportFormat  *format);
const char    *gloss_import_format_get_name   (GlossImportFormat   format);
gboolean       gloss_import_format_is_folder  (GlossImportFormat   format);
gboolean       gloss_import_format_has_offsets (GlossImportFormat  format);
char          *gloss_import_format_list_names (void);

GlossImporter *gloss_importer_new             (GlossImportFormat   format);
void           gloss_importer_set_language    (GlossImporter      *self,
                                               const char         *language);
void           gloss_importer_set_annotator   (GlossImporter      *self,
                                               const char         *annotator);
void           gloss_importer_set_encoding    (GlossImporter      *self,
                                               const char         *encoding);
void           gloss_importer_set_labels      (GlossImporter      *self,
                                               GlossLabelSet      *labels);
void           gloss_importer_set_offsets     (GlossImporter      *self,
                                               GlossOffsets        offsets);
void           gloss_importer_set_strict      (GlossImporter      *self,
                                               gboolean            strict);
void           gloss_importer_set_label_config (GlossImporter     *self,
                                               GFile              *config);
gboolean       gloss_importer_read            (GlossImporter      *self,
                                               GFile              *input,
                                               GCancellable       *cancellable,
                                               GError            **error);
guint          gloss_importer_get_n_documents (GlossImporter      *self);
GlossDocument *gloss_importer_get_document    (GlossImporter      *self,
                                               guint               position,
                                               const char        **id);
GPtrArray     *gloss_importer_get_problems    (GlossImporter      *self);
GPtrArray     *gloss_importer_get_warnings    (GlossImporter      *self);
GPtrArray     *gloss_importer_get_dropped     (GlossImporter      *self);
guint          gloss_importer_count_dropped   (GlossImporter      *self,
                                               GlossDroppedKind    kind);
guint          gloss_importer_get_n_mapped    (GlossImporter      *self);
gboolean       gloss_importer_has_read        (GlossImporter      *self);
gboolean       gloss_importer_write           (GlossImporter      *self,
                                               GFile              *folder,
                                               gboolean            force,
                                               GPtrArray          *conflicts,
                                               GCancellable       *cancellable,
                                               GError            **error);

gboolean       gloss_importer_import          (GlossImporter      *self,
                                               GFile              *input,
                                               GFile              *folder,
                                               gboolean            force,
                                               GPtrArray          *conflicts,
                                               GCancellable       *cancellable,
                                               GError            **error);
void           gloss_importer_import_async    (GlossImporter      *self,
                                               GFile              *input,
                                               GFile              *folder,
                                               gboolean            force,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean       gloss_importer_import_finish   (GlossImporter      *self,
                                               GAsyncResult       *result,
                                               GPtrArray         **conflicts,
                                               GError            **error);

char          *gloss_import_check_id          (const char         *id,
                                               GError            **error);

G_END_DECLS
