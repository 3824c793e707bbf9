/* gloss-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "gloss-document.h"

G_BEGIN_DECLS

/* The primitives under the history's commands and the file format: they
 * change the model and tell the views, but record nothing for undo. */
GlossDocument *_gloss_document_new_empty     (GlossText       *text,
                                              const char      *language,
                                              GlossLabelSet   *labels);
GArray  *_gloss_document_split               (GlossDocument   *self);
void     _gloss_document_insert_annotation   (GlossDocument   *self,
                                              GlossAnnotation *annotation);
void     _gloss_document_add_loaded_annotations (GlossDocument *self,
                                                GPtrArray     *annotations);
void     _gloss_document_remove_annotation   (GlossDocument   *self,
                                              GlossAnnotation *annotation);
void     _gloss_document_replace_sentences   (GlossDocument   *self,
                                              guint            position,
                                              guint            n_removed,
                                              GPtrArray       *sentences);
void     _gloss_document_set_sentences       (GlossDocument   *self,
                                              GPtrArray       *sentences);
guint    _gloss_document_next_annotation_id  (GlossDocument   *self);
void     _gloss_document_add_problems        (GlossDocument   *self,
                                              GPtrArray       *problems);
void     _gloss_document_set_file            (GlossDocument   *self,
                                              GFile           *file);
void     _gloss_document_set_done            (GlossDocument   *self,
                                              gboolean         done);
void     _gloss_document_set_meta        (GlossDocument   *self,
                                              char            *meta_json);
const char *_gloss_document_get_meta     (GlossDocument   *self);
void     _gloss_document_set_orphans     (GlossDocument   *self,
                                              JsonArray       *orphans);
char    *_gloss_document_dup_orphans_json (GlossDocument  *self,
                                              const char      *indent);
void     _gloss_document_emit_changed        (GlossDocument   *self);
void     _gloss_document_copy_disk           (GlossDocument   *self,
                                              GlossDocument   *from);
void     _gloss_document_set_disk_sha256     (GlossDocument   *self,
                                              const char      *sha256);

G_END_DECLS
