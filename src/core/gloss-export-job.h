/* gloss-export-job.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-exporter.h"

G_BEGIN_DECLS

/**
 * GlossExportJobStep:
 * @GLOSS_EXPORT_JOB_READY: not run yet
 * @GLOSS_EXPORT_JOB_FINDING: finding the texts of the folders given
 * @GLOSS_EXPORT_JOB_OPENING: opening the output
 * @GLOSS_EXPORT_JOB_EXPORTING: loading and writing one document after
 *   another; the output is not in place yet
 * @GLOSS_EXPORT_JOB_FINISHING: every text went through; putting the output
 *   in place and writing the data card
 * @GLOSS_EXPORT_JOB_DONE: the export is complete
 *
 * How far a job got: after a failure, the step it failed in.
 */
typedef enum
{
  GLOSS_EXPORT_JOB_READY,
  GLOSS_EXPORT_JOB_FINDING,
  GLOSS_EXPORT_JOB_OPENING,
  GLOSS_EXPORT_JOB_EXPORTING,
  GLOSS_EXPORT_JOB_FINISHING,
  GLOSS_EXPORT_JOB_DONE,
} GlossExportJobStep;

#define GLOSS_TYPE_EXPORT_JOB (gloss_export_job_get_type ())

G_DECLARE_FINAL_TYPE (GlossExportJob, gloss_export_job, GLOSS, EXPORT_JOB, GObject)

GlossExportJob *gloss_export_job_new               (GlossExporter       *exporter);
GlossExporter  *gloss_export_job_get_exporter      (GlossExportJob      *self);
void            gloss_export_job_add_input         (GlossExportJob      *self,
                                                    GFile               *input);
void            gloss_export_job_set_output        (GlossExportJob      *self,
                                                    GFile               *output);
void            gloss_export_job_set_output_stream (GlossExportJob      *self,
                                                    GOutputStream       *stream);
void            gloss_export_job_set_card          (GlossExportJob      *self,
                                                    gboolean             card);
void            gloss_export_job_set_allow_empty   (GlossExportJob      *self,
                                                    gboolean             allow_empty);
gboolean        gloss_export_job_run               (GlossExportJob      *self,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void            gloss_export_job_run_async         (GlossExportJob      *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        gloss_export_job_run_finish        (GlossExportJob      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
GlossExportJobStep gloss_export_job_get_step       (GlossExportJob      *self);
guint           gloss_export_job_get_n_texts       (GlossExportJob      *self);
GPtrArray      *gloss_export_job_get_unreadable    (GlossExportJob      *self);
GPtrArray      *gloss_export_job_get_left_out      (GlossExportJob      *self);
guint           gloss_export_job_count_left_out    (GlossExportJob      *self);

G_END_DECLS
