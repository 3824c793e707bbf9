/* gloss-exporter-private.h
 *
 * What the exporter shares with GlossExportJob, which runs it from
 * paths to a finished dataset, and with its tests. (What it shares with
 * the formats is in formats/gloss-dataset-private.h.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-exporter.h"

G_BEGIN_DECLS

void _gloss_exporter_report_to_thread_default (GlossExporter *self);
void _gloss_exporter_report_progress          (GlossExporter *self,
                                               guint          n_done,
                                               guint          n_total);
void _gloss_exporter_set_n_workers            (GlossExporter *self,
                                               guint          n_workers);

G_END_DECLS
