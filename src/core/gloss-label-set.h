/* gloss-label-set.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LABEL_SET (gloss_label_set_get_type ())

/* Far more than anyone annotates with; a file with more is refused */
#define GLOSS_LABEL_SET_MAX_LABELS 10000

G_DECLARE_FINAL_TYPE (GlossLabelSet, gloss_label_set, GLOSS, LABEL_SET, GObject)

GlossLabelSet *gloss_label_set_new            (void);
GlossLabelSet *gloss_label_set_new_default    (void);
GlossLabelSet *gloss_label_set_new_builtin    (const char    *id);
const char * const *gloss_label_set_list_builtin (void);
const char    *gloss_label_set_get_builtin_name (const char  *id);
GlossLabelSet *gloss_label_set_new_from_json  (JsonArray     *array,
                                               const char    *path,
                                               GPtrArray     *problems);
GlossLabelSet *gloss_label_set_new_from_json_full (JsonArray *labels,
                                                   const char *path,
                                                   JsonArray  *relation_labels,
                                                   const char *relations_path,
                                                   GPtrArray  *problems);
GlossLabelSet *gloss_label_set_new_from_object (JsonObject   *object,
                                                const char   *path,
                                                GPtrArray    *problems);
GlossLabelSet *gloss_label_set_copy           (GlossLabelSet *self);
GlossLabelSet *gloss_label_set_get_relation_labels (GlossLabelSet *self);
gboolean       gloss_label_set_is_sentence_only (GlossLabelSet *self);
gboolean       gloss_label_set_equal          (GlossLabelSet *self,
                                               GlossLabelSet *other);
GlossLabel    *gloss_label_set_lookup         (GlossLabelSet *self,
                                               const char    *id);
GlossLabel    *gloss_label_set_lookup_key     (GlossLabelSet *self,
                                               const char    *key);
int            gloss_label_set_get_position   (GlossLabelSet *self,
                                               const char    *id);
GlossLabel    *gloss_label_set_get_label      (GlossLabelSet *self,
                                               guint          position);
guint          gloss_label_set_get_n_labels   (GlossLabelSet *self);
gboolean       gloss_label_set_insert         (GlossLabelSet *self,
                                               guint          position,
                                               GlossLabel    *label);
gboolean       gloss_label_set_remove         (GlossLabelSet *self,
                                               const char    *id);
gboolean       gloss_label_set_move           (GlossLabelSet *self,
                                               guint          from,
                                               guint          to);
void           gloss_label_set_append_json    (GlossLabelSet *self,
                                               GString       *out,
                                               const char    *indent);

G_END_DECLS
