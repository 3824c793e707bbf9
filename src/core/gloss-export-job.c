/* gloss-export-job.c
 *
 * One export, from the texts and folders a user chose to a finished
 * dataset: finds the texts, opens the output, runs the exporter over
 * them, puts the output in place and writes the data card. The window's
 * export dialog and `gloss export` both run their exports through it, so
 * that neither can leave a half-written file or skip a document in
 * silence.
 *
 * Nothing is lost: a one-file export is written to a temporary file that
 * replaces the old one only when the export is complete (a pipe or a
 * device is written straight into), and a folder format's files are
 * written together at the end, or none; a failed or cancelled export
 * leaves what was there. A document whose annotation file has problems is
 * left out and listed, never half exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-export-job.h"
#include "gloss-exporter-private.h"
#include "gloss-file-writer.h"
#include "gloss-problem.h"

struct _GlossExportJob
{
  GObject             parent_instance;

  GlossExporter      *exporter;
  GPtrArray          *inputs;       /* GFile: texts and folders */
  GFile              *output;       /* a file, or a folder format's folder */
  GOutputStream      *stream;       /* instead of a file: written into, not closed */
  gboolean            card;
  gboolean            allow_empty;

  GlossExportJobStep  step;
  guint               n_texts;
  GPtrArray          *unreadable;   /* GlossProblem: folders that could not be read */
  GPtrArray          *left_out;     /* GlossProblem: the documents left out */
};

G_DEFINE_FINAL_TYPE (GlossExportJob, gloss_export_job, G_TYPE_OBJECT)

static void
gloss_export_job_finalize (GObject *object)
{
  GlossExportJob *self = GLOSS_EXPORT_JOB (object);

  g_clear_object (&self->exporter);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_object (&self->output);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->unreadable, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_export_job_parent_class)->finalize (object);
}

static void
gloss_export_job_class_init (GlossExportJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_export_job_finalize;
}

static void
gloss_export_job_init (GlossExportJob *self)
{
  self->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  self->unreadable = gloss_problems_new ();
  self->left_out = gloss_problems_new ();
}

/**
 * gloss_export_job_new:
 * @exporter: an exporter with its format and filters set, not begun; its
 *   progress function (gloss_exporter_set_progress_func()) reports the
 *   job's progress
 *
 * Returns: (transfer full): a job that exports with @exporter
 */
GlossExportJob *
gloss_export_job_new (GlossExporter *exporter)
{
  GlossExportJob *self;

  g_return_val_if_fail (GLOSS_IS_EXPORTER (exporter), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_JOB, NULL);
  self->exporter = g_object_ref (exporter);

  return self;
}

/**
 * gloss_export_job_get_exporter:
 *
 * Returns: (transfer none): the exporter, which counts what was exported
 *   (gloss_exporter_get_n_documents()), lists the ids it escaped
 *   (gloss_exporter_get_renamed()) and what the format could not carry
 *   (gloss_exporter_count_not_carried())
 */
GlossExporter *
gloss_export_job_get_exporter (GlossExportJob *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), NULL);

  return self->exporter;
}

/**
 * gloss_export_job_add_input:
 * @input: a text, or a folder whose texts (`.txt`, in every folder below
 *   it) are exported, with ids relative to it
 */
void
gloss_export_job_add_input (GlossExportJob *self,
                            GFile          *input)
{
  g_return_if_fail (GLOSS_IS_EXPORT_JOB (self));
  g_return_if_fail (G_IS_FILE (input));
  g_return_if_fail (self->step == GLOSS_EXPORT_JOB_READY);

  g_ptr_array_add (self->inputs, g_object_ref (input));
}

/**
 * gloss_export_job_set_output:
 * @output: the file to write, or for a folder format (brat) the folder;
 *   the data card goes beside the file, or into the folder
 */
void
gloss_export_job_set_output (GlossExportJob *self,
                             GFile          *output)
{
  g_return_if_fail (GLOSS_IS_EXPORT_JOB (self));
  g_return_if_fail (G_IS_FILE (output));
  g_return_if_fail (self->step == GLOSS_EXPORT_JOB_READY);

  g_set_object (&self->output, output);
}

/**
 * gloss_export_job_set_output_stream:
 * @stream: where a one-file format writes instead of a file (the standard
 *   output): written into and flushed, not closed; there is no data card
 */
void
gloss_export_job_set_output_stream (GlossExportJob *self,
                                    GOutputStream  *stream)
{
  g_return_if_fail (GLOSS_IS_EXPORT_JOB (self));
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));
  g_return_if_fail (self->step == GLOSS_EXPORT_JOB_READY);

  g_set_object (&self->stream, stream);
}

/**
 * gloss_export_job_set_card:
 * @card: write a data card, `README.md`, beside the export
 */
void
gloss_export_job_set_card (GlossExportJob *self,
                           gboolean        card)
{
  g_return_if_fail (GLOSS_IS_EXPORT_JOB (self));

  self->card = !!card;
}

/**
 * gloss_export_job_set_allow_empty:
 * @allow_empty: write an export without documents when the inputs hold
 *   no text; by default that is an error, and nothing is written
 */
void
gloss_export_job_set_allow_empty (GlossExportJob *self,
                                  gboolean        allow_empty)
{
  g_return_if_fail (GLOSS_IS_EXPORT_JOB (self));

  self->allow_empty = !!allow_empty;
}

static void
set_no_texts_error (GlossExportJob  *self,
                    GError         **error)
{
  g_autofree char *name = NULL;

  if (self->inputs->len != 1)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("There are no texts (.txt files) in the files and folders given to export."));
      return;
    }

  name = gloss_corpus_dup_display_name (g_ptr_array_index (self->inputs, 0));
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
               _("There are no texts (.txt files) in “%s” to export."), name);
}

static gboolean
write_card (GlossExportJob  *self,
            gboolean         folder_format,
            GError         **error)
{
  g_autoptr(GFile) folder = folder_format ? g_object_ref (self->output) : g_file_get_parent (self->output);
  g_autoptr(GFile) file = g_file_get_child (folder, "README.md");
  g_autofree char *text = gloss_exporter_dup_card (self->exporter);

  return gloss_file_write (file, text, strlen (text), GLOSS_FILE_WRITER_NONE, NULL, error);
}

/* Closing a writer without a commit drops the temporary file and keeps
 * the old one */
static void
undo (GOutputStream *writer)
{
  if (writer != NULL && !g_output_stream_is_closed (writer))
    g_output_stream_close (writer, NULL, NULL);
}

/**
 * gloss_export_job_run:
 *
 * Runs the export in this thread (gloss_export_job_run_async() runs it in
 * a worker thread). It is cancelled until the output is put in place;
 * that, and the data card, are finished once begun. Run a job once.
 *
 * Returns: %FALSE with @error set if the export failed or was cancelled;
 *   gloss_export_job_get_step() says where
 */
gboolean
gloss_export_job_run (GlossExportJob  *self,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GOutputStream) writer = NULL;
  GOutputStream *stream = NULL;
  GFile *folder = NULL;
  gboolean folder_format;

  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (self->step == GLOSS_EXPORT_JOB_READY, FALSE);

  folder_format = gloss_export_format_is_folder (gloss_exporter_get_format (self->exporter));
  g_return_val_if_fail (self->output != NULL || (self->stream != NULL && !folder_format && !self->card), FALSE);

  self->step = GLOSS_EXPORT_JOB_FINDING;
  files = gloss_corpus_collect (self->inputs, ".txt", roots, self->unreadable, cancellable);
  self->n_texts = files->len;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (files->len == 0 && !self->allow_empty)
    {
      set_no_texts_error (self, error);
      return FALSE;
    }
  _gloss_exporter_report_progress (self->exporter, 0, files->len);

  /* The export is named after the folder (or text) it is of */
  if (self->inputs->len == 1)
    {
      g_autofree char *base = g_file_get_basename (g_ptr_array_index (self->inputs, 0));
      g_autofree char *title = base != NULL ? g_filename_display_name (base) : NULL;

      gloss_exporter_set_title (self->exporter, title);
    }

  self->step = GLOSS_EXPORT_JOB_OPENING;
  if (folder_format)
    folder = self->output;
  else if (self->stream != NULL)
    stream = self->stream;
  else
    {
      writer = G_OUTPUT_STREAM (gloss_file_writer_new (self->output, GLOSS_FILE_WRITER_STREAMS, cancellable, error));
      if (writer == NULL)
        return FALSE;
      stream = writer;
    }

  self->step = GLOSS_EXPORT_JOB_EXPORTING;
  if (!gloss_export_corpus (self->exporter, files, roots, stream, folder, self->left_out, cancellable, error))
    {
      undo (writer);
      return FALSE;
    }

  /* A save once begun is finished: the output replaces the old one, then
   * the card describes it */
  self->step = GLOSS_EXPORT_JOB_FINISHING;
  if (writer != NULL && !gloss_file_writer_commit (GLOSS_FILE_WRITER (writer), NULL, error))
    {
      undo (writer);
      return FALSE;
    }

  if (self->card && !write_card (self, folder_format, error))
    return FALSE;

  self->step = GLOSS_EXPORT_JOB_DONE;

  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (!gloss_export_job_run (source_object, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_export_job_run_async:
 *
 * Runs gloss_export_job_run() in a worker thread, so that a large corpus
 * never blocks the window. The exporter's progress function is called in
 * the thread-default main context of the caller, at most about every
 * 50 ms, and once when the texts are found and once at the end. Do not
 * touch the job, its exporter or its output until it finishes; a
 * cancelled job undoes what it wrote.
 */
void
gloss_export_job_run_async (GlossExportJob      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_EXPORT_JOB (self));
  g_return_if_fail (self->step == GLOSS_EXPORT_JOB_READY);

  _gloss_exporter_report_to_thread_default (self->exporter);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_export_job_run_async);
  g_task_run_in_thread (task, run_thread);
}

gboolean
gloss_export_job_run_finish (GlossExportJob  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GlossExportJobStep
gloss_export_job_get_step (GlossExportJob *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), GLOSS_EXPORT_JOB_READY);

  return self->step;
}

/**
 * gloss_export_job_get_n_texts:
 *
 * Returns: how many texts the inputs held
 */
guint
gloss_export_job_get_n_texts (GlossExportJob *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), 0);

  return self->n_texts;
}

/**
 * gloss_export_job_get_unreadable:
 *
 * Returns: (transfer none) (element-type GlossProblem): the folders below
 *   the inputs that could not be read, so that their texts are missing
 */
GPtrArray *
gloss_export_job_get_unreadable (GlossExportJob *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), NULL);

  return self->unreadable;
}

/**
 * gloss_export_job_get_left_out:
 *
 * Returns: (transfer none) (element-type GlossProblem): for each document
 *   left out, every problem of its annotation file (or why it could not
 *   be read), with the file's name
 */
GPtrArray *
gloss_export_job_get_left_out (GlossExportJob *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), NULL);

  return self->left_out;
}

/**
 * gloss_export_job_count_left_out:
 *
 * Returns: how many documents were left out (a document may have several
 *   problems)
 */
guint
gloss_export_job_count_left_out (GlossExportJob *self)
{
  g_autoptr(GHashTable) files = NULL;

  g_return_val_if_fail (GLOSS_IS_EXPORT_JOB (self), 0);

  files = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->left_out->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (self->left_out, i);

      g_hash_table_add (files, problem->file ? problem->file : (char *)"");
    }

  return g_hash_table_size (files);
}
