/* gloss-stats-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss-stats.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_STATS_WINDOW (gloss_stats_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossStatsWindow, gloss_stats_window, GLOSS, STATS_WINDOW, AdwWindow)

GlossStatsWindow *gloss_stats_window_new        (GFile            *folder);
gboolean          gloss_stats_window_get_loaded (GlossStatsWindow *self);
GlossStats       *gloss_stats_window_get_stats  (GlossStatsWindow *self);
void              gloss_stats_window_show_page  (GlossStatsWindow *self,
                                                 const char       *id);
gboolean          gloss_stats_window_export     (GlossStatsWindow *self,
                                                 const char       *table_id,
                                                 const char       *format,
                                                 GFile            *file,
                                                 GError          **error);

G_END_DECLS
