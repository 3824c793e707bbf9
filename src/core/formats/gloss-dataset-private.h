/* gloss-dataset-private.h
 *
 * What the importer shares with the one file per format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-importer.h"

G_BEGIN_DECLS

/* A labelled span as a format gives it, before it is mapped to sentences */
typedef struct
{
  guint  start;
  guint  end;
  char  *label;
  char  *note;       /* nullable */
  char  *annotator;  /* nullable: the importer's annotator */
} GlossImportSpan;

typedef void (*GlossImportLineFunc) (GlossImporter *self,
                                     JsonNode      *node,
                                     guint          number,
                                     const char    *where,
                                     gpointer       user_data);

typedef gboolean (*GlossImportReadFunc) (GlossImporter  *self,
                                         GFile          *input,
                                         GCancellable   *cancellable,
                                         GError        **error);

gboolean  _gloss_import_read_documents_jsonl (GlossImporter  *self,
                                              GFile          *input,
                                              GCancellable   *cancellable,
                                              GError        **error);
gboolean  _gloss_import_read_json (GlossImporter  *self,
                                   GFile          *input,
                                   GCancellable   *cancellable,
                                   GError        **error);
gboolean  _gloss_import_read_sentences_jsonl (GlossImporter  *self,
                                              GFile          *input,
                                              GCancellable   *cancellable,
                                              GError        **error);
gboolean  _gloss_import_read_doccano (GlossImporter  *self,
                                      GFile          *input,
                                      GCancellable   *cancellable,
                                      GError        **error);
gboolean  _gloss_import_read_label_studio (GlossImporter  *self,
                                           GFile          *input,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean  _gloss_import_read_brat (GlossImporter  *self,
                                   GFile          *input,
                                   GCancellable   *cancellable,
                                   GError        **error);
gboolean  _gloss_import_read_articles_jsonl (GlossImporter  *self,
                                             GFile          *input,
                                             GCancellable   *cancellable,
                                             GError        **error);

GArray   *_gloss_import_spans_new           (void);
void      _gloss_import_spans_add           (GArray         *spans,
                                             guint           start,
                                             guint           end,
                                             const char     *label,
                                             const char     *note,
                                             const char     *annotator);

void      _gloss_importer_problem           (GlossImporter  *self,
                                             const char     *where,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (3, 4);
void      _gloss_importer_warning           (GlossImporter  *self,
                                             const char     *where,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (3, 4);
const char *_gloss_importer_get_language    (GlossImporter  *self);
const char *_gloss_importer_get_annotator   (GlossImporter  *self);
const char *_gloss_importer_get_encoding    (GlossImporter  *self);

char     *_gloss_import_load                (GFile          *input,
                                             gsize          *length,
                                             GCancellable   *cancellable,
                                             GError        **error);
char     *_gloss_import_next_line           (char          **cursor,
                                             char           *end);
gboolean  _gloss_import_read_lines          (GlossImporter  *self,
                                             GFile          *input,
                                             GlossImportLineFunc func,
                                             gpointer        user_data,
                                             GCancellable   *cancellable,
                                             GError        **error);
JsonNode *_gloss_import_load_json           (GFile          *input,
                                             GCancellable   *cancellable,
                                             GError        **error);
gboolean  _gloss_import_get_offset          (JsonNode       *node,
                                             guint          *value);
JsonNode *_gloss_import_parse_line          (GlossImporter  *self,
                                             const char     *line,
                                             const char     *where);
char     *_gloss_import_dup_id              (JsonNode       *node);
char     *_gloss_import_dup_meta            (JsonObject     *object,
                                             const char * const *skip);
gboolean  _gloss_import_document_object     (GlossImporter  *self,
                                             JsonObject     *object,
                                             const char     *where);
const char *_gloss_import_get_string        (JsonObject     *object,
                                             const char     *member);
GlossText *_gloss_import_text_new           (GlossImporter  *self,
                                             const char     *contents,
                                             const char     *where);

gboolean  _gloss_importer_add_spans         (GlossImporter  *self,
                                             const char     *id,
                                             GlossText      *text,
                                             const char     *language,
                                             GPtrArray      *sentences,
                                             GArray         *spans,
                                             char           *meta,
                                             const char     *where);
gboolean  _gloss_importer_add_text_only     (GlossImporter  *self,
                                             const char     *id,
                                             GlossText      *text,
                                             const char     *language,
                                             char           *meta,
                                             const char     *where);
gboolean  _gloss_importer_add_document      (GlossImporter  *self,
                                             const char     *id,
                                             GlossDocument  *document,
                                             const char     *where);

G_END_DECLS
