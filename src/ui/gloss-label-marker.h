/* gloss-label-marker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_LABEL_MARKER_SIZE 17

#define GLOSS_TYPE_LABEL_MARKER (gloss_label_marker_get_type ())

G_DECLARE_FINAL_TYPE (GlossLabelMarker, gloss_label_marker, GLOSS, LABEL_MARKER, GtkWidget)

GtkWidget *gloss_label_marker_new      (void);
void       gloss_label_marker_set_label (GlossLabelMarker *self,
                                         GlossLabel       *label,
                                         gboolean          round,
                                         gboolean          filled);
void       gloss_label_marker_snapshot (GtkWidget        *widget,
                                        GtkSnapshot      *snapshot,
                                        GlossLabel       *label,
                                        float             x,
                                        float             y,
                                        gboolean          round,
                                        gboolean          filled);

G_END_DECLS
