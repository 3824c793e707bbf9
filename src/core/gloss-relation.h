/* gloss-relation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_RELATION (gloss_relation_get_type ())

G_DECLARE_FINAL_TYPE (GlossRelation, gloss_relation, GLOSS, RELATION, GObject)

GlossRelation *gloss_relation_new           (guint          id,
                                             const char    *label,
                                             guint          from,
                                             guint          to);
GlossRelation *gloss_relation_copy          (GlossRelation *self);
gboolean       gloss_relation_equal         (GlossRelation *self,
                                             GlossRelation *other);
gboolean       gloss_relation_is_sealed     (GlossRelation *self);

guint          gloss_relation_get_id        (GlossRelation *self);
const char    *gloss_relation_get_label     (GlossRelation *self);
guint          gloss_relation_get_from      (GlossRelation *self);
guint          gloss_relation_get_to        (GlossRelation *self);
const char    *gloss_relation_get_note      (GlossRelation *self);
const char    *gloss_relation_get_annotator (GlossRelation *self);
const char    *gloss_relation_get_created   (GlossRelation *self);
const char    *gloss_relation_get_modified  (GlossRelation *self);
const char    *gloss_relation_get_origin    (GlossRelation *self);
const char    *gloss_relation_get_suggester (GlossRelation *self);
gboolean       gloss_relation_get_review    (GlossRelation *self);

/* Only for a relation that is not in a document: in a document, a
 * relation never changes; an edit replaces it with a changed copy */
void           gloss_relation_set_id        (GlossRelation *self,
                                             guint          id);
void           gloss_relation_set_label     (GlossRelation *self,
                                             const char    *label);
void           gloss_relation_set_from      (GlossRelation *self,
                                             guint          from);
void           gloss_relation_set_to        (GlossRelation *self,
                                             guint          to);
void           gloss_relation_set_note      (GlossRelation *self,
                                             const char    *note);
void           gloss_relation_set_annotator (GlossRelation *self,
                                             const char    *annotator);
void           gloss_relation_set_created   (GlossRelation *self,
                                             const char    *created);
void           gloss_relation_set_modified  (GlossRelation *self,
                                             const char    *modified);
void           gloss_relation_set_origin    (GlossRelation *self,
                                             const char    *origin,
                                             const char    *suggester);
void           gloss_relation_set_review    (GlossRelation *self,
                                             gboolean       review);

G_END_DECLS
