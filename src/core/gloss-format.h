/* gloss-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/* The newest version of the file this Gloss reads and writes; version 2
 * added spans, relations and their labels. A file without any of those
 * is written as version 1. */
#define GLOSS_FORMAT_VERSION 2

typedef struct _GlossFormatSnapshot GlossFormatSnapshot;

GlossDocument *gloss_format_parse     (GlossText     *text,
                                       const char    *text_name,
                                       const char    *data,
                                       gsize          length,
                                       const char    *language,
                                       GlossLabelSet *labels);
GBytes        *gloss_format_serialize (GlossDocument *document);
char          *gloss_format_dup_encoding      (const char      *data,
                                               gsize            length);
char          *gloss_format_dup_text_sha256   (const char      *data,
                                               gsize            length);
GlossFormatSnapshot *gloss_format_snapshot           (GlossDocument       *document);
GBytes              *gloss_format_snapshot_serialize (GlossFormatSnapshot *snapshot);
void                 gloss_format_snapshot_free      (GlossFormatSnapshot *snapshot);
void           gloss_format_append_sentence   (GString         *out,
                                               GlossSentence   *sentence);
void           gloss_format_append_annotation (GString         *out,
                                               GlossAnnotation *annotation);
void           gloss_format_append_span       (GString         *out,
                                               GlossSpan       *span);
void           gloss_format_append_relation   (GString         *out,
                                               GlossRelation   *relation);
void           gloss_format_append_attributes (GString         *out,
                                               GlossSpan       *span);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFormatSnapshot, gloss_format_snapshot_free)

G_END_DECLS
