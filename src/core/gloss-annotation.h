/* gloss-annotation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION (gloss_annotation_get_type ())

G_DECLARE_FINAL_TYPE (GlossAnnotation, gloss_annotation, GLOSS, ANNOTATION, GObject)

GlossAnnotation *gloss_annotation_new            (guint            id,
                                                  const char      *label,
                                                  guint            start,
                                                  guint            end,
                                                  const char      *text,
                                                  guint            sentence,
                                                  const char      *note,
                                                  const char      *annotator,
                                                  const char      *created,
                                                  const char      *modified);
guint            gloss_annotation_get_id         (GlossAnnotation *self);
const char      *gloss_annotation_get_label      (GlossAnnotation *self);
guint            gloss_annotation_get_start      (GlossAnnotation *self);
guint            gloss_annotation_get_end        (GlossAnnotation *self);
const char      *gloss_annotation_get_text       (GlossAnnotation *self);
guint            gloss_annotation_get_sentence   (GlossAnnotation *self);
const char      *gloss_annotation_get_note       (GlossAnnotation *self);
void             gloss_annotation_set_note       (GlossAnnotation *self,
                                                  const char      *note,
                                                  const char      *modified);
gboolean         gloss_annotation_get_review     (GlossAnnotation *self);
void             gloss_annotation_set_review     (GlossAnnotation *self,
                                                  gboolean         review);
const char      *gloss_annotation_get_annotator  (GlossAnnotation *self);
const char      *gloss_annotation_get_created    (GlossAnnotation *self);
const char      *gloss_annotation_get_modified   (GlossAnnotation *self);
char            *gloss_timestamp_now             (void);
gboolean         gloss_timestamp_is_valid        (const char      *timestamp);

G_END_DECLS
