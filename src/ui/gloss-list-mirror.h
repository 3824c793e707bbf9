/* gloss-list-mirror.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_LIST_MIRROR (gloss_list_mirror_get_type ())

G_DECLARE_FINAL_TYPE (GlossListMirror, gloss_list_mirror, GLOSS, LIST_MIRROR, GObject)

GlossListMirror *gloss_list_mirror_new        (GtkWidget       *widget,
                                               GType            item_type);
void             gloss_list_mirror_set_source (GlossListMirror *self,
                                               GListModel      *source);
GListModel      *gloss_list_mirror_get_model  (GlossListMirror *self);
void             gloss_list_mirror_queue_sync (GlossListMirror *self);
gboolean         gloss_list_mirror_is_pending (GlossListMirror *self);

G_END_DECLS
