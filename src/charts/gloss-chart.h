/* gloss-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "gloss-stats.h"

G_BEGIN_DECLS

typedef struct _GlossChart GlossChart;

GlossChart *gloss_chart_new         (const GlossStatsTable *table,
                                     gboolean               dark);
void        gloss_chart_free        (GlossChart            *self);
int         gloss_chart_get_width   (GlossChart            *self);
int         gloss_chart_get_height  (GlossChart            *self);
void        gloss_chart_draw        (GlossChart            *self,
                                     cairo_t               *cr);
char       *gloss_chart_to_svg      (GlossChart            *self);
gboolean    gloss_chart_write_svg   (GlossChart            *self,
                                     GFile                 *file,
                                     GError               **error);
gboolean    gloss_chart_write_png   (GlossChart            *self,
                                     GFile                 *file,
                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossChart, gloss_chart_free)

G_END_DECLS
