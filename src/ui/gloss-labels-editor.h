/* gloss-labels-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-label.h"
#include "gloss-types.h"

G_BEGIN_DECLS

typedef struct _GlossSaver GlossSaver;

#define GLOSS_TYPE_LABELS_EDITOR (gloss_labels_editor_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelsEditor, gloss_labels_editor, GLOSS, LABELS_EDITOR, AdwWindow)

GlossLabelsEditor *gloss_labels_editor_new             (GlossDocument     *document,
                                                        GFile             *project_file);
void               gloss_labels_editor_set_saver       (GlossLabelsEditor *self,
                                                        GlossSaver        *saver);
gboolean           gloss_labels_editor_add_label       (GlossLabelsEditor *self,
                                                        const char        *name);
gboolean           gloss_labels_editor_rename_label    (GlossLabelsEditor *self,
                                                        const char        *id,
                                                        const char        *name);
gboolean           gloss_labels_editor_set_label_key   (GlossLabelsEditor *self,
                                                        const char        *id,
                                                        const char        *key);
gboolean           gloss_labels_editor_set_label_color (GlossLabelsEditor *self,
                                                        const char        *id,
                                                        const char        *color);
void               gloss_labels_editor_delete_label    (GlossLabelsEditor *self,
                                                        const char        *id,
                                                        gboolean           confirmed);
gboolean           gloss_labels_editor_set_label_description (GlossLabelsEditor *self,
                                                        gboolean           relation,
                                                        const char        *id,
                                                        const char        *description);
gboolean           gloss_labels_editor_set_label_codebook (GlossLabelsEditor *self,
                                                        gboolean           relation,
                                                        const char        *id,
                                                        GlossCodebookList  list,
                                                        const char        *text);
void               gloss_labels_editor_apply_pending   (GlossLabelsEditor *self);
const GError      *gloss_labels_editor_get_error       (GlossLabelsEditor *self);

G_END_DECLS
