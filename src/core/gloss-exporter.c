/* gloss-exporter.c
 *
 * The exporter: walks one document after another, applies the filters,
 * counts what goes out for the data card, and hands each document to its
 * format's writer (formats/gloss-dataset-FORMAT.c). Documents stream
 * through, so the memory of an export does not grow with the corpus
 * (except for the json format, whose header comes first but names the
 * labels of every document).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-dataset-private.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-exporter-private.h"
#include "gloss-file-batch.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"

/* Below this the buffer is not worth a write () */
#define FLUSH_SIZE (64 * 1024)

G_STATIC_ASSERT (GLOSS_DATASET_CARRIES_ALL == (1 << GLOSS_DATASET_N_CARRIES) - 1);

struct _GlossExporter
{
  GObject           parent_instance;

  const GlossDatasetFormat *info;
  GlossExportFormat format;
  guint             context;
  gboolean          done_only;
  GStrv             labels;
  char             *annotator;
  char             *encoding;
  GlossAgreement   *agreement;
  GlossOffsets      offsets;
  GlossDoccanoLayout doccano_layout;
  char             *title;             /* the export's name, for formats that have one (qdpx) */
  guint             n_workers;         /* 0: as many as processors */

  GlossExportProgressFunc progress_func;
  gpointer          progress_data;
  GDestroyNotify    progress_destroy;
  GMainContext     *progress_context;  /* set by the async export */
  gint64            progress_time;

  GOutputStream    *stream;
  GFile            *folder;
  GlossFileBatch   *batch;             /* a folder format's files */
  GCancellable     *cancellable;
  GString          *buffer;
  gboolean          begun;

  gpointer          data;
  GDestroyNotify    data_destroy;

  GlossExportStats  stats;
  GPtrArray        *notices;           /* translated, for the user */
};

G_DEFINE_FINAL_TYPE (GlossExporter, gloss_exporter, G_TYPE_OBJECT)

static void
gloss_exporter_finalize (GObject *object)
{
  GlossExporter *self = GLOSS_EXPORTER (object);

  if (self->data_destroy != NULL)
    g_clear_pointer (&self->data, self->data_destroy);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->agreement);
  gloss_exporter_set_progress_func (self, NULL, NULL, NULL);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  g_clear_object (&self->stream);
  g_clear_object (&self->folder);
  g_clear_object (&self->batch);
  g_clear_object (&self->cancellable);
  g_string_free (self->buffer, TRUE);

  g_clear_object (&self->stats.labels);
  g_clear_pointer (&self->stats.label_ids, g_ptr_array_unref);
  g_clear_pointer (&self->stats.label_counts, g_hash_table_unref);
  g_clear_pointer (&self->stats.annotators, g_ptr_array_unref);
  g_clear_pointer (&self->stats.annotator_counts, g_hash_table_unref);
  g_clear_pointer (&self->stats.languages, g_ptr_array_unref);
  g_clear_pointer (&self->stats.language_counts, g_hash_table_unref);
  g_clear_pointer (&self->stats.document_annotators, g_ptr_array_unref);
  g_clear_pointer (&self->stats.renamed, g_ptr_array_unref);
  g_clear_pointer (&self->stats.card_notes, g_ptr_array_unref);
  g_clear_pointer (&self->stats.span_counts, g_hash_table_unref);
  g_clear_pointer (&self->stats.relation_counts, g_hash_table_unref);
  g_clear_pointer (&self->stats.annotator_spans, g_hash_table_unref);
  g_clear_pointer (&self->stats.annotator_relations, g_hash_table_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_exporter_parent_class)->finalize (object);
}

static void
gloss_exporter_class_init (GlossExporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_exporter_finalize;
}

static void
gloss_exporter_init (GlossExporter *self)
{
  self->buffer = g_string_sized_new (2 * FLUSH_SIZE);
  self->stats.labels = gloss_label_set_new ();
  self->stats.label_ids = g_ptr_array_new_with_free_func (g_free);
  self->stats.label_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->stats.annotators = g_ptr_array_new_with_free_func (g_free);
  self->stats.annotator_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->stats.languages = g_ptr_array_new_with_free_func (g_free);
  self->stats.language_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->stats.document_annotators = g_ptr_array_new_with_free_func (g_free);
  self->stats.renamed = g_ptr_array_new_with_free_func (g_free);
  self->stats.card_notes = g_ptr_array_new_with_free_func (g_free);
  /* Keyed by the strings of label_ids, of the relation labels' set, and
   * of annotators */
  self->stats.span_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->stats.relation_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stats.annotator_spans = g_hash_table_new (g_str_hash, g_str_equal);
  self->stats.annotator_relations = g_hash_table_new (g_str_hash, g_str_equal);
  self->notices = g_ptr_array_new_with_free_func (g_free);
}

/**
 * gloss_exporter_new:
 *
 * Returns: (transfer full): an exporter that writes @format
 */
GlossExporter *
gloss_exporter_new (GlossExportFormat format)
{
  GlossExporter *self;

  g_return_val_if_fail (format < GLOSS_EXPORT_N_FORMATS, NULL);

  self = g_object_new (GLOSS_TYPE_EXPORTER, NULL);
  self->format = format;
  self->info = _gloss_dataset_for_export (format);

  return self;
}

GlossExportFormat
gloss_exporter_get_format (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), 0);

  return self->format;
}

/**
 * gloss_exporter_set_context:
 * @n_sentences: how many sentences before and after each sentence the
 *   sentence formats add, for classifiers that look around
 */
void
gloss_exporter_set_context (GlossExporter *self,
                            guint          n_sentences)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  self->context = n_sentences;
}

/**
 * gloss_exporter_set_done_only:
 *
 * Leaves out documents that are not marked done.
 */
void
gloss_exporter_set_done_only (GlossExporter *self,
                              gboolean       done_only)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  self->done_only = !!done_only;
}

/**
 * gloss_exporter_set_title:
 * @title: (nullable): what the export is of (the folder's name), for a
 *   format that names its dataset (qdpx: the project's name); %NULL:
 *   "Gloss"
 */
void
gloss_exporter_set_title (GlossExporter *self,
                          const char    *title)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * gloss_exporter_set_labels:
 * @labels: (nullable): the label ids to keep; %NULL or empty keeps all
 *
 * Keeps only annotations and spans with these labels. Documents and
 * sentences stay, so that an unlabelled sentence remains a negative
 * example. A relation is kept when both its spans are kept and, if any
 * of @labels is a relation label of its document, its label is one of
 * them (relation labels have ids of their own: `speaker` may name a span
 * label and a relation label at once, and then keeps both).
 */
void
gloss_exporter_set_labels (GlossExporter      *self,
                           const char * const *labels)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  g_clear_pointer (&self->labels, g_strfreev);
  if (labels != NULL && labels[0] != NULL)
    self->labels = g_strdupv ((char **)labels);
}

/**
 * gloss_exporter_set_annotator:
 * @annotator: (nullable): keep only this annotator's annotations
 */
void
gloss_exporter_set_annotator (GlossExporter *self,
                              const char    *annotator)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
}

/**
 * gloss_exporter_set_encoding:
 * @encoding: (nullable): the encoding of texts that are not UTF-8 (see
 *   gloss_document_load_fallback()); %NULL refuses them
 */
void
gloss_exporter_set_encoding (GlossExporter *self,
                             const char    *encoding)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

/**
 * gloss_exporter_set_agreement:
 * @agreement: (nullable): a comparison of annotators' copies of the
 *   corpus, already run, whose figures the data card reports
 */
void
gloss_exporter_set_agreement (GlossExporter  *self,
                              GlossAgreement *agreement)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));
  g_return_if_fail (agreement == NULL || GLOSS_IS_AGREEMENT (agreement));

  g_set_object (&self->agreement, agreement);
}

/**
 * gloss_exporter_set_offsets:
 * @offsets: how the offsets count the text, for a format whose offsets
 *   may count either way (gloss_export_format_get_offsets()); the other
 *   formats count code points whatever is set. %GLOSS_OFFSETS_AUTO: the
 *   format's own unit
 */
void
gloss_exporter_set_offsets (GlossExporter *self,
                            GlossOffsets   offsets)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));
  g_return_if_fail (offsets <= GLOSS_OFFSETS_UTF16);

  self->offsets = offsets;
}

/**
 * gloss_exporter_get_offsets:
 *
 * Returns: how the export's offsets count the text:
 *   %GLOSS_OFFSETS_CODE_POINTS or %GLOSS_OFFSETS_UTF16, never
 *   %GLOSS_OFFSETS_AUTO
 */
GlossOffsets
gloss_exporter_get_offsets (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), GLOSS_OFFSETS_CODE_POINTS);

  if (self->info->offsets == GLOSS_OFFSETS_AUTO)
    return GLOSS_OFFSETS_CODE_POINTS;
  if (self->offsets == GLOSS_OFFSETS_AUTO)
    return self->info->offsets;

  return self->offsets;
}

/**
 * gloss_exporter_set_doccano_layout:
 * @layout: which of doccano's layouts a doccano export writes; the other
 *   formats have one
 */
void
gloss_exporter_set_doccano_layout (GlossExporter      *self,
                                   GlossDoccanoLayout  layout)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));
  g_return_if_fail (layout <= GLOSS_DOCCANO_LAYOUT_RELATION_EXTRACTION);

  self->doccano_layout = layout;
}

GlossDoccanoLayout
gloss_exporter_get_doccano_layout (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), GLOSS_DOCCANO_LAYOUT_AUTO);

  return self->doccano_layout;
}

/**
 * gloss_exporter_set_progress_func:
 * @func: (nullable): called as the texts of gloss_export_corpus() go
 *   through: in its thread by gloss_export_corpus(), and in the
 *   thread-default main context of the caller, at most about every 50 ms
 *   and once at the end, by gloss_export_corpus_async()
 * @destroy: (nullable): frees @user_data when the function is replaced
 *
 * While gloss_export_corpus_async() runs, the function may be replaced
 * (or unset) from the main context it reports to.
 */
void
gloss_exporter_set_progress_func (GlossExporter           *self,
                                  GlossExportProgressFunc  func,
                                  gpointer                 user_data,
                                  GDestroyNotify           destroy)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

typedef struct
{
  GlossExporter *exporter;
  guint          n_done;
  guint          n_total;
} ProgressReport;

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_object_unref (report->exporter);
  g_free (report);
}

static gboolean
progress_report_cb (gpointer data)
{
  ProgressReport *report = data;
  GlossExporter *self = report->exporter;

  if (self->progress_func != NULL)
    self->progress_func (report->n_done, report->n_total, self->progress_data);

  return G_SOURCE_REMOVE;
}

/* Calls the progress function, from a worker thread through the main
 * context it reports to */
void
_gloss_exporter_report_progress (GlossExporter *self,
                                 guint          n_done,
                                 guint          n_total)
{
  ProgressReport *report;
  GSource *source;
  gint64 now;

  if (self->progress_context == NULL)
    {
      if (self->progress_func != NULL)
        self->progress_func (n_done, n_total, self->progress_data);
      return;
    }

  /* From the worker thread: a window needs no more than a few reports a
   * second, and a corpus of small texts would flood its main loop */
  now = g_get_monotonic_time ();
  if (n_done < n_total && now - self->progress_time < 50 * G_TIME_SPAN_MILLISECOND)
    return;
  self->progress_time = now;

  report = g_new0 (ProgressReport, 1);
  report->exporter = g_object_ref (self);
  report->n_done = n_done;
  report->n_total = n_total;

  /* A source of the context, not g_main_context_invoke (), which calls
   * the function at once in this thread whenever no thread holds the
   * context at that moment */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_report_cb, report, progress_report_free);
  g_source_set_static_name (source, "[gloss] export progress");
  g_source_attach (source, self->progress_context);
  g_source_unref (source);
}

static gboolean
flush (GlossExporter  *self,
       gboolean        all,
       GError        **error)
{
  gboolean ok;

  if (self->stream == NULL || self->buffer->len == 0 || (!all && self->buffer->len < FLUSH_SIZE))
    return TRUE;

  ok = g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, self->cancellable, error);
  g_string_truncate (self->buffer, 0);

  return ok;
}

static gboolean
begin (GlossExporter  *self,
       GCancellable   *cancellable,
       GError        **error)
{
  self->begun = TRUE;
  g_set_object (&self->cancellable, cancellable);

  if (self->info->begin != NULL && !self->info->begin (self, error))
    return FALSE;

  return flush (self, FALSE, error);
}

/**
 * gloss_exporter_begin_stream:
 * @stream: where a stream format (all but brat) writes
 *
 * Starts an export. Then gloss_exporter_add() each document and
 * gloss_exporter_end(); the stream is not closed.
 */
gboolean
gloss_exporter_begin_stream (GlossExporter  *self,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->begun, FALSE);

  if (self->info->folder)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The format “%s” writes a folder of files; give a folder to write to"),
                   self->info->name);
      return FALSE;
    }

  self->stream = g_object_ref (stream);

  return begin (self, cancellable, error);
}

/**
 * gloss_exporter_begin_folder:
 * @folder: the folder a folder format (brat) writes into; it is created
 *   if it does not exist
 */
gboolean
gloss_exporter_begin_folder (GlossExporter  *self,
                             GFile          *folder,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (!self->begun, FALSE);

  if (!self->info->folder)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The format “%s” writes one file, not a folder"), self->info->name);
      return FALSE;
    }

  /* Every file of the folder is written at the end, together, or none:
   * a failed or cancelled export leaves the folder as it was */
  self->batch = gloss_file_batch_new ();
  if (!gloss_file_batch_make_folder (self->batch, folder, cancellable, error))
    {
      g_clear_object (&self->batch);
      return FALSE;
    }

  self->folder = g_object_ref (folder);

  return begin (self, cancellable, error);
}

static gboolean
keep_annotation (GlossExporter   *self,
                 GlossAnnotation *annotation)
{
  if (self->labels != NULL &&
      !g_strv_contains ((const char * const *)self->labels, gloss_annotation_get_label (annotation)))
    return FALSE;

  if (self->annotator != NULL &&
      g_strcmp0 (self->annotator, gloss_annotation_get_annotator (annotation)) != 0)
    return FALSE;

  return TRUE;
}

static gboolean
keep_span (GlossExporter *self,
           GlossSpan     *span)
{
  if (self->labels != NULL &&
      !g_strv_contains ((const char * const *)self->labels, gloss_span_get_label (span)))
    return FALSE;

  return self->annotator == NULL || g_strcmp0 (self->annotator, gloss_span_get_annotator (span)) == 0;
}

/* @kept: the ids of the spans kept; @filter_relations: whether a label
 * filter names a relation label of the document */
static gboolean
keep_relation (GlossExporter *self,
               GlossRelation *relation,
               GHashTable    *kept,
               gboolean       filter_relations)
{
  if (!g_hash_table_contains (kept, GUINT_TO_POINTER (gloss_relation_get_from (relation))) ||
      !g_hash_table_contains (kept, GUINT_TO_POINTER (gloss_relation_get_to (relation))))
    return FALSE;

  if (filter_relations &&
      !g_strv_contains ((const char * const *)self->labels, gloss_relation_get_label (relation)))
    return FALSE;

  return self->annotator == NULL || g_strcmp0 (self->annotator, gloss_relation_get_annotator (relation)) == 0;
}

static void
count (GPtrArray  *order,
       GHashTable *counts,
       const char *key)
{
  gpointer stored_key, value;

  if (g_hash_table_lookup_extended (counts, key, &stored_key, &value))
    {
      g_hash_table_insert (counts, stored_key, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
      return;
    }

  g_ptr_array_add (order, g_strdup (key));
  g_hash_table_insert (counts, g_ptr_array_index (order, order->len - 1), GUINT_TO_POINTER (1));
}

static void
merge_label_set (GlossLabelSet *into,
                 GlossLabelSet *labels)
{
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      if (gloss_label_set_lookup (into, gloss_label_get_id (label)) == NULL)
        {
          g_autoptr(GlossLabel) copy = gloss_label_copy (label);

          gloss_label_set_insert (into, gloss_label_set_get_n_labels (into), copy);
        }
    }
}

static void
merge_labels (GlossExporter *self,
              GlossLabelSet *labels)
{
  merge_label_set (self->stats.labels, labels);
  merge_label_set (gloss_label_set_get_relation_labels (self->stats.labels),
                   gloss_label_set_get_relation_labels (labels));
}

static void
not_carried (GlossExporter       *self,
             GlossDatasetCarries  what,
             guint                n)
{
  if ((self->info->carries & what) == 0)
    self->stats.not_carried[g_bit_nth_lsf (what, -1)] += n;
}

/* A span's or relation's note, annotator and times, as an annotation's,
 * when the format carries it but not those */
static void
info_not_carried (GlossExporter *self,
                  const char    *note,
                  const char    *annotator)
{
  not_carried (self, GLOSS_DATASET_CARRIES_NOTES, note[0] != '\0');
  not_carried (self, GLOSS_DATASET_CARRIES_ANNOTATORS, annotator[0] != '\0');
  not_carried (self, GLOSS_DATASET_CARRIES_TIMES, 1);
}

/* What the document holds that its format has no place for */
static void
count_not_carried (GlossExporter   *self,
                   GlossExportItem *item)
{
  guint n_labelled = 0;

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

      info_not_carried (self, gloss_annotation_get_note (annotation), gloss_annotation_get_annotator (annotation));
    }

  /* A span the format has no place for is counted once, as a span */
  not_carried (self, GLOSS_DATASET_CARRIES_SPANS, item->spans->len);
  for (guint i = 0; (self->info->carries & GLOSS_DATASET_CARRIES_SPANS) && i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);

      info_not_carried (self, gloss_span_get_note (span), gloss_span_get_annotator (span));
    }
  not_carried (self, GLOSS_DATASET_CARRIES_RELATIONS, item->relations->len);
  for (guint i = 0; (self->info->carries & GLOSS_DATASET_CARRIES_RELATIONS) && i < item->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (item->relations, i);

      info_not_carried (self, gloss_relation_get_note (relation), gloss_relation_get_annotator (relation));
    }

  for (guint i = 0; i < item->n_sentences; i++)
    n_labelled += item->by_sentence[i] != NULL;

  not_carried (self, GLOSS_DATASET_CARRIES_SENTENCES, item->n_sentences - n_labelled);
  not_carried (self, GLOSS_DATASET_CARRIES_DONE, gloss_document_get_done (item->document));
  not_carried (self, GLOSS_DATASET_CARRIES_LANGUAGE, 1);
  not_carried (self, GLOSS_DATASET_CARRIES_META, _gloss_document_get_meta (item->document) != NULL);
}

static void
item_clear (GlossExportItem *item)
{
  for (guint i = 0; i < item->n_sentences; i++)
    g_clear_pointer (&item->by_sentence[i], g_ptr_array_unref);
  g_free (item->by_sentence);
  g_free (item->sentences);
  g_ptr_array_unref (item->annotations);
  g_ptr_array_unref (item->spans);
  g_ptr_array_unref (item->relations);
}

/* Counts a span or a relation of @annotator in @counts, beside the
 * annotator's annotations */
static void
count_annotator (GlossExporter *self,
                 GHashTable    *counts,
                 const char    *annotator)
{
  gpointer key;

  if (!g_hash_table_lookup_extended (self->stats.annotator_counts, annotator, &key, NULL))
    {
      g_ptr_array_add (self->stats.annotators, g_strdup (annotator));
      key = g_ptr_array_index (self->stats.annotators, self->stats.annotators->len - 1);
      g_hash_table_insert (self->stats.annotator_counts, key, GUINT_TO_POINTER (0));
    }

  g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

/* The spans and relations of @document the filters keep, into @item */
static void
keep_spans (GlossExporter   *self,
            GlossExportItem *item,
            GHashTable      *document_annotators)
{
  GlossLabelSet *labels = gloss_document_get_labels (item->document);
  GListModel *spans = gloss_document_get_spans (item->document);
  GListModel *relations = gloss_document_get_relations (item->document);
  guint n_spans = g_list_model_get_n_items (spans);
  guint n_relations = g_list_model_get_n_items (relations);
  g_autoptr(GHashTable) kept = NULL;
  gboolean filter_relations = FALSE;

  item->spans = g_ptr_array_new_with_free_func (g_object_unref);
  item->relations = g_ptr_array_new_with_free_func (g_object_unref);
  item->with_spans = n_spans > 0 || n_relations > 0 || !gloss_label_set_is_sentence_only (labels);
  if (!item->with_spans)
    return;
  self->stats.with_spans = TRUE;

  kept = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_spans; i++)
    {
      GlossSpan *span = g_list_model_get_item (spans, i);

      if (!keep_span (self, span))
        {
          g_object_unref (span);
          continue;
        }

      g_hash_table_add (kept, GUINT_TO_POINTER (gloss_span_get_id (span)));
      g_ptr_array_add (item->spans, span);
      count (self->stats.label_ids, self->stats.span_counts, gloss_span_get_label (span));
      count_annotator (self, self->stats.annotator_spans, gloss_span_get_annotator (span));
      g_hash_table_add (document_annotators, (gpointer)gloss_span_get_annotator (span));
      self->stats.n_spans++;
    }

  for (guint i = 0; self->labels != NULL && self->labels[i] != NULL && !filter_relations; i++)
    filter_relations = gloss_label_set_lookup (gloss_label_set_get_relation_labels (labels), self->labels[i]) != NULL;

  for (guint i = 0; i < n_relations; i++)
    {
      GlossRelation *relation = g_list_model_get_item (relations, i);
      const char *label = gloss_relation_get_label (relation);
      gpointer n;

      if (!keep_relation (self, relation, kept, filter_relations))
        {
          g_object_unref (relation);
          continue;
        }

      g_ptr_array_add (item->relations, relation);
      n = g_hash_table_lookup (self->stats.relation_counts, label);
      g_hash_table_insert (self->stats.relation_counts, g_strdup (label), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
      count_annotator (self, self->stats.annotator_relations, gloss_relation_get_annotator (relation));
      g_hash_table_add (document_annotators, (gpointer)gloss_relation_get_annotator (relation));
      self->stats.n_relations++;
    }
}

/**
 * gloss_exporter_add:
 * @document: a document without problems
 * @id: its id in the export: its path relative to the folder exported, in
 *   the file system's bytes
 *
 * Writes one document, unless the filters leave it out. An id that is not
 * UTF-8 is escaped (gloss_corpus_escape_id()), so that every export is
 * UTF-8, and listed (gloss_exporter_get_renamed()).
 *
 * Returns: %FALSE on a write error
 */
gboolean
gloss_exporter_add (GlossExporter  *self,
                    GlossDocument  *document,
                    const char     *id,
                    GCancellable   *cancellable,
                    GError        **error)
{
  GlossExportItem item = { 0 };
  g_autoptr(GHashTable) document_annotators = NULL;
  g_autofree char *escaped = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (self->begun, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->done_only && !gloss_document_get_done (document))
    return TRUE;

  escaped = gloss_corpus_escape_id (id);
  if (strcmp (escaped, id) != 0)
    {
      g_ptr_array_add (self->stats.renamed, g_filename_display_name (id));
      g_ptr_array_add (self->stats.renamed, g_strdup (escaped));
    }
  id = escaped;

  item.document = document;
  item.text = gloss_document_get_text (document);
  item.id = id;
  item.index = self->stats.n_documents;
  item.n_sentences = gloss_document_get_n_sentences (document);
  item.sentences = g_new (GlossSentence *, MAX (item.n_sentences, 1));
  item.by_sentence = g_new0 (GPtrArray *, MAX (item.n_sentences, 1));
  item.annotations = g_ptr_array_new ();
  document_annotators = g_hash_table_new (g_str_hash, g_str_equal);

  /* A sentence holds its annotations in the document's order, and they
   * cover it exactly: sentence by sentence is the document's order */
  for (guint i = 0; i < item.n_sentences; i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (document, i);
      guint n = gloss_sentence_get_n_annotations (sentence);

      item.sentences[i] = sentence;
      for (guint k = 0; k < n; k++)
        {
          GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, k);

          if (!keep_annotation (self, annotation))
            continue;

          if (item.by_sentence[i] == NULL)
            {
              item.by_sentence[i] = g_ptr_array_new ();
              self->stats.n_labelled++;
            }
          g_ptr_array_add (item.by_sentence[i], annotation);

          count (self->stats.label_ids, self->stats.label_counts, gloss_annotation_get_label (annotation));
          count (self->stats.annotators, self->stats.annotator_counts, gloss_annotation_get_annotator (annotation));
          g_hash_table_add (document_annotators, (gpointer)gloss_annotation_get_annotator (annotation));
          self->stats.n_annotations++;

          g_ptr_array_add (item.annotations, annotation);
        }
    }
  keep_spans (self, &item, document_annotators);

  count_not_carried (self, &item);
  self->stats.n_documents++;
  self->stats.n_sentences += item.n_sentences;
  count (self->stats.languages, self->stats.language_counts, gloss_document_get_language (document));
  merge_labels (self, gloss_document_get_labels (document));
  if (g_hash_table_size (document_annotators) > 1)
    g_ptr_array_add (self->stats.document_annotators, g_strdup (id));

  g_set_object (&self->cancellable, cancellable);
  ok = self->info->add (self, &item, error) && flush (self, FALSE, error);
  item_clear (&item);

  /* Dropping the files written so far removes them */
  if (!ok)
    g_clear_object (&self->batch);

  return ok;
}

/**
 * gloss_exporter_end:
 *
 * Finishes the export: writes what the format keeps for the end and
 * flushes the stream.
 */
gboolean
gloss_exporter_end (GlossExporter  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (self->begun, FALSE);

  g_set_object (&self->cancellable, cancellable);

  if ((self->info->end != NULL && !self->info->end (self, error)) ||
      !flush (self, TRUE, error))
    {
      g_clear_object (&self->batch);
      return FALSE;
    }

  if (self->batch != NULL)
    {
      g_autoptr(GlossFileBatch) batch = g_steal_pointer (&self->batch);

      return gloss_file_batch_commit (batch, cancellable, error);
    }

  return self->stream == NULL || g_output_stream_flush (self->stream, cancellable, error);
}

/**
 * gloss_exporter_dup_card:
 *
 * Returns: (transfer full): the data card of what was exported so far, as
 *   Markdown for a `README.md` beside the export
 */
char *
gloss_exporter_dup_card (GlossExporter *self)
{
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), NULL);

  if (self->done_only)
    g_ptr_array_add (filters, g_strdup ("only documents marked done"));
  if (self->labels != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", self->labels);

      g_ptr_array_add (filters, g_strdup_printf ("only the labels %s", joined));
    }
  if (self->annotator != NULL)
    g_ptr_array_add (filters, g_strdup_printf ("only the annotations by “%s”", self->annotator));
  if (self->context > 0)
    g_ptr_array_add (filters, g_strdup_printf ("%u sentences of context before and after", self->context));
  g_ptr_array_add (filters, NULL);

  return _gloss_dataset_card_build (&self->stats, self->info, gloss_exporter_get_offsets (self),
                                    (const char * const *)filters->pdata, self->agreement);
}

/**
 * gloss_exporter_get_n_renamed:
 *
 * Returns: how many documents exported so far got an escaped id, because
 *   their file names are not UTF-8 (or hold `%XX`)
 */
guint
gloss_exporter_get_n_renamed (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), 0);

  return self->stats.renamed->len / 2;
}

/**
 * gloss_exporter_get_renamed:
 * @name: (out): the document's name, for messages (not UTF-8 shown so)
 * @id: (out): its id in the export
 */
void
gloss_exporter_get_renamed (GlossExporter  *self,
                            guint           position,
                            const char    **name,
                            const char    **id)
{
  g_return_if_fail (GLOSS_IS_EXPORTER (self));
  g_return_if_fail (position < self->stats.renamed->len / 2);

  *name = g_ptr_array_index (self->stats.renamed, 2 * position);
  *id = g_ptr_array_index (self->stats.renamed, 2 * position + 1);
}

/**
 * gloss_exporter_count_not_carried:
 * @what: one kind of thing a format may carry
 *
 * What the documents exported so far held that the format has no place
 * for, and so are not in the export: for %GLOSS_DATASET_CARRIES_NOTES and
 * %GLOSS_DATASET_CARRIES_ANNOTATORS the annotations, spans and relations
 * with a note or an annotator's name, for %GLOSS_DATASET_CARRIES_TIMES the
 * annotations, spans and relations, for
 * %GLOSS_DATASET_CARRIES_SENTENCES the sentences without a label, for
 * %GLOSS_DATASET_CARRIES_DONE the documents marked done, for
 * %GLOSS_DATASET_CARRIES_LANGUAGE the documents, for
 * %GLOSS_DATASET_CARRIES_META the documents with metadata, and for
 * %GLOSS_DATASET_CARRIES_SPANS and %GLOSS_DATASET_CARRIES_RELATIONS the
 * spans and relations (the kept ones). In a format that carries spans or
 * relations, their notes, annotators and times count with the
 * annotations'. 0 for what the format carries.
 *
 * Returns: how many were not carried
 */
guint
gloss_exporter_count_not_carried (GlossExporter       *self,
                                  GlossDatasetCarries  what)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), 0);
  g_return_val_if_fail (what != 0 && (what & (what - 1)) == 0 && what <= GLOSS_DATASET_CARRIES_ALL, 0);

  return self->stats.not_carried[g_bit_nth_lsf (what, -1)];
}

/**
 * gloss_exporter_dup_not_carried:
 *
 * Returns: (transfer full) (nullable): what the documents exported so far
 *   held that the format has no place for, counted, as a sentence for the
 *   user (gloss_exporter_count_not_carried()); %NULL when nothing was
 *   left out
 */
char *
gloss_exporter_dup_not_carried (GlossExporter *self)
{
  g_autoptr(GString) list = g_string_new (NULL);
  const guint *n;

  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), NULL);

  n = self->stats.not_carried;
  for (guint bit = 0; bit < GLOSS_DATASET_N_CARRIES; bit++)
    {
      guint count = n[bit];

      if (count == 0)
        continue;

      if (list->len > 0)
        g_string_append (list, ", ");

      switch (1 << bit)
        {
        case GLOSS_DATASET_CARRIES_SENTENCES:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "%u sentence without a label",
                                                     "%u sentences without a label", count), count);
          break;
        case GLOSS_DATASET_CARRIES_NOTES:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", count), count);
          break;
        case GLOSS_DATASET_CARRIES_ANNOTATORS:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "the annotator of %u annotation",
                                                     "the annotators of %u annotations", count), count);
          break;
        case GLOSS_DATASET_CARRIES_TIMES:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "the times of %u annotation",
                                                     "the times of %u annotations", count), count);
          break;
        case GLOSS_DATASET_CARRIES_DONE:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "the mark “done” of %u document",
                                                     "the marks “done” of %u documents", count), count);
          break;
        case GLOSS_DATASET_CARRIES_LANGUAGE:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "the language of %u document",
                                                     "the languages of %u documents", count), count);
          break;
        case GLOSS_DATASET_CARRIES_META:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "the metadata of %u document",
                                                     "the metadata of %u documents", count), count);
          break;
        case GLOSS_DATASET_CARRIES_SPANS:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", count), count);
          break;
        case GLOSS_DATASET_CARRIES_RELATIONS:
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", count), count);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (list->len == 0)
    return NULL;

  /* TRANSLATORS: %s is the format's name, then a list such as “2 notes,
   * the times of 13 annotations” */
  return g_strdup_printf (_("%s has no place for %s: they are in the annotation files, not in the export"),
                          self->info->name, list->str);
}

/**
 * gloss_exporter_get_notices:
 *
 * What the user should know of the export besides what its format leaves
 * out, said by its writer: in doccano, a sentence with several labels
 * needs a project that allows overlapping spans.
 *
 * Returns: (transfer none) (element-type utf8): the notices, translated
 */
GPtrArray *
gloss_exporter_get_notices (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), NULL);

  return self->notices;
}

/**
 * _gloss_exporter_add_notice:
 * @notice: (nullable): what the user reads, translated; %NULL: only the
 *   card says something
 * @card_note: (nullable): what the data card says of it, in English
 *   Markdown
 */
void
_gloss_exporter_add_notice (GlossExporter *self,
                            const char    *notice,
                            const char    *card_note)
{
  if (notice != NULL)
    g_ptr_array_add (self->notices, g_strdup (notice));
  if (card_note != NULL)
    g_ptr_array_add (self->stats.card_notes, g_strdup (card_note));
}

/**
 * gloss_exporter_get_n_documents:
 *
 * Returns: how many documents were exported so far (those the filters
 *   left out do not count)
 */
guint
gloss_exporter_get_n_documents (GlossExporter *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORTER (self), 0);

  return self->stats.n_documents;
}

/* Documents are independent, so worker threads load the next ones while
 * the exporter writes each in turn, in order: the output is the same as
 * from one thread. Workers take a few documents at a time, so that they
 * and the writer wake each other seldom, and free the documents they
 * loaded once written, so that the writer does not. At most
 * LOAD_AHEAD_BATCHES per worker are loaded ahead, and at most
 * LOAD_AHEAD_BYTES of texts, so that a corpus of long texts does not take
 * much more memory than one text. */
#define BATCH_DOCUMENTS 8
#define BATCH_BYTES (1024 * 1024)
#define LOAD_AHEAD_BATCHES 2
#define LOAD_AHEAD_BYTES (64 * 1024 * 1024)
#define MAX_WORKERS 8

typedef struct
{
  GFile         *file;
  goffset        size;
  guint          batch_end;  /* the position of the last document of its batch */
  GThread       *loader;     /* the worker that loaded it */
  GlossDocument *document;
  GError        *error;
  gboolean       done;
} Loaded;

typedef struct
{
  Loaded    *first;
  guint      n;
} Batch;

/* The documents written that a worker loaded, for it to free */
typedef struct
{
  GThread   *loader;
  GPtrArray *documents;
} Written;

typedef struct
{
  GMutex             mutex;
  GCond              cond;
  gboolean           waiting;   /* the writer waits for a batch */
  gboolean           stopped;   /* the writer failed: load no more */
  Written            written[MAX_WORKERS];
  const char        *encoding;
  GlossProjectCache *projects;
  GCancellable      *cancellable;
} Loading;

static void
load (Loaded  *loaded,
      Loading *loading)
{
  loaded->document = _gloss_document_load_to_read (loaded->file, loading->encoding, loading->projects,
                                                   loading->cancellable, &loaded->error);
}

static void
load_batch (gpointer data,
            gpointer user_data)
{
  Batch *batch = data;
  Loading *loading = user_data;

  for (guint i = 0; i < batch->n; i++)
    {
      Loaded result = batch->first[i];
      g_autoptr(GPtrArray) written = NULL;

      g_mutex_lock (&loading->mutex);
      for (guint k = 0; k < MAX_WORKERS && written == NULL; k++)
        if (loading->written[k].loader == g_thread_self ())
          written = g_steal_pointer (&loading->written[k].documents);
      g_mutex_unlock (&loading->mutex);
      g_clear_pointer (&written, g_ptr_array_unref);

      if (!g_atomic_int_get (&loading->stopped))
        load (&result, loading);
      result.loader = g_thread_self ();

      /* The writer that waits is woken once the batch is done */
      g_mutex_lock (&loading->mutex);
      batch->first[i] = result;
      batch->first[i].done = TRUE;
      if (loading->waiting && i == batch->n - 1)
        g_cond_signal (&loading->cond);
      g_mutex_unlock (&loading->mutex);
    }

  g_free (batch);
}

/* Gives a document written to the worker that loaded it, which frees it
 * before it loads its next: memory is freed fastest by the thread that
 * allocated it (an export took 3-10 % less time than with any worker
 * freeing any document). Without a place for it, the writer frees it. */
static void
hand_back (Loading *loading,
           Loaded  *loaded)
{
  g_mutex_lock (&loading->mutex);
  for (guint k = 0; k < MAX_WORKERS; k++)
    {
      Written *written = &loading->written[k];

      if (written->loader != NULL && written->loader != loaded->loader)
        continue;

      written->loader = loaded->loader;
      if (written->documents == NULL)
        written->documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (written->documents, g_steal_pointer (&loaded->document));
      break;
    }
  g_mutex_unlock (&loading->mutex);
}

static goffset
query_size (GFile *file)
{
  const char *path = g_file_peek_path (file);
  GStatBuf buf;

  return path != NULL && g_stat (path, &buf) == 0 ? buf.st_size : 0;
}

/* Exports the document loaded from a file, or reports why it is left out */
static gboolean
export_loaded (GlossExporter  *exporter,
               Loaded         *loaded,
               GFile          *root,
               GPtrArray      *invalid,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autofree char *id = NULL;
  GPtrArray *problems;

  if (loaded->document == NULL)
    {
      g_autofree char *name = gloss_corpus_dup_display_name (loaded->file);

      if (g_error_matches (loaded->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&exporter->batch);
          g_propagate_error (error, g_steal_pointer (&loaded->error));
          return FALSE;
        }

      if (invalid != NULL)
        {
          gloss_problems_add (invalid, "", "%s", loaded->error->message);
          gloss_problems_set_file (invalid, invalid->len - 1, name);
        }
      return TRUE;
    }

  problems = gloss_document_get_problems (loaded->document);
  if (problems->len > 0)
    {
      g_autoptr(GFile) json_file = gloss_document_dup_annotation_file (loaded->document);
      g_autofree char *name = gloss_corpus_dup_display_name (json_file);

      for (guint k = 0; invalid != NULL && k < problems->len; k++)
        {
          GlossProblem *problem = gloss_problem_copy (g_ptr_array_index (problems, k));

          if (problem->file == NULL)
            problem->file = g_strdup (name);
          g_ptr_array_add (invalid, problem);
        }
      return TRUE;
    }

  id = gloss_corpus_dup_id (root, loaded->file);

  return gloss_exporter_add (exporter, loaded->document, id, cancellable, error);
}

/**
 * gloss_export_corpus:
 * @exporter: an exporter with its filters set, not begun
 * @files: (element-type GFile): the texts, in the order to export them
 * @roots: (element-type GFile): for each text, the folder its id is
 *   relative to
 * @stream: (nullable): where a stream format writes
 * @folder: (nullable): where a folder format (brat) writes
 * @invalid: (nullable) (element-type GlossProblem): where each document
 *   left out is reported: every problem of its annotation file (or why
 *   it could not be read), with the file's name
 *
 * Loads and exports each document in turn; a document with problems is
 * left out and reported, never half exported. The documents are loaded in
 * worker threads when there are several processors, and written in order.
 *
 * Returns: %FALSE with @error set if writing failed or was cancelled
 */
gboolean
gloss_export_corpus (GlossExporter  *exporter,
                     GPtrArray      *files,
                     GPtrArray      *roots,
                     GOutputStream  *stream,
                     GFile          *folder,
                     GPtrArray      *invalid,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GlossProjectCache) projects = NULL;
  g_autofree Loaded *slots = NULL;
  GThreadPool *pool = NULL;
  Loading loading = { 0 };
  guint n_workers;
  guint next = 0;
  guint i = 0;
  goffset ahead = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_EXPORTER (exporter), FALSE);
  g_return_val_if_fail (files != NULL && roots != NULL && files->len == roots->len, FALSE);

  if (stream != NULL ? !gloss_exporter_begin_stream (exporter, stream, cancellable, error)
                     : !gloss_exporter_begin_folder (exporter, folder, cancellable, error))
    return FALSE;

  projects = gloss_project_cache_new ();
  slots = g_new0 (Loaded, files->len);
  for (guint k = 0; k < files->len; k++)
    slots[k].file = g_ptr_array_index (files, k);
  g_mutex_init (&loading.mutex);
  g_cond_init (&loading.cond);
  loading.encoding = exporter->encoding;
  loading.projects = projects;
  loading.cancellable = cancellable;

  n_workers = exporter->n_workers ? exporter->n_workers : MIN (g_get_num_processors (), MAX_WORKERS);
  if (n_workers > 1 && files->len > 1)
    pool = g_thread_pool_new (load_batch, &loading, n_workers, FALSE, NULL);

  for (i = 0; ok && i < files->len; i++)
    {
      Loaded *loaded = &slots[i];

      /* Keep the workers busy with the documents after this one */
      while (pool != NULL && next < files->len &&
             next < i + 1 + LOAD_AHEAD_BATCHES * BATCH_DOCUMENTS * n_workers &&
             (next == i || ahead < LOAD_AHEAD_BYTES))
        {
          Batch *batch = g_new0 (Batch, 1);
          goffset size = 0;

          batch->first = &slots[next];
          while (next < files->len && batch->n < BATCH_DOCUMENTS && size < BATCH_BYTES)
            {
              slots[next].size = query_size (slots[next].file);
              size += slots[next].size;
              batch->n++;
              next++;
            }
          for (guint k = 0; k < batch->n; k++)
            batch->first[k].batch_end = next - 1;
          ahead += size;
          g_thread_pool_push (pool, batch, NULL);
        }

      if (pool != NULL)
        {
          g_mutex_lock (&loading.mutex);
          if (!loaded->done)
            {
              loading.waiting = TRUE;
              while (!slots[loaded->batch_end].done)
                g_cond_wait (&loading.cond, &loading.mutex);
              loading.waiting = FALSE;
            }
          g_mutex_unlock (&loading.mutex);
          ahead -= loaded->size;
        }
      else
        load (loaded, &loading);

      ok = export_loaded (exporter, loaded, g_ptr_array_index (roots, i), invalid, cancellable, error);
      if (loaded->document != NULL && pool != NULL)
        hand_back (&loading, loaded);
      g_clear_object (&loaded->document);
      g_clear_error (&loaded->error);
      if (ok)
        _gloss_exporter_report_progress (exporter, i + 1, files->len);
    }

  /* After a failure, what is loaded ahead is dropped, and the batches not
   * yet begun only free what they hold */
  g_atomic_int_set (&loading.stopped, TRUE);
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  for (; i < next; i++)
    {
      g_clear_object (&slots[i].document);
      g_clear_error (&slots[i].error);
    }
  for (guint k = 0; k < MAX_WORKERS; k++)
    g_clear_pointer (&loading.written[k].documents, g_ptr_array_unref);
  g_cond_clear (&loading.cond);
  g_mutex_clear (&loading.mutex);

  return ok && gloss_exporter_end (exporter, cancellable, error);
}

typedef struct
{
  GPtrArray     *files;
  GPtrArray     *roots;
  GOutputStream *stream;
  GFile         *folder;
  GPtrArray     *invalid;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_ptr_array_unref (data->files);
  g_ptr_array_unref (data->roots);
  g_clear_object (&data->stream);
  g_clear_object (&data->folder);
  g_ptr_array_unref (data->invalid);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (!gloss_export_corpus (source_object, data->files, data->roots, data->stream, data->folder,
                            data->invalid, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_export_corpus_async:
 *
 * Runs gloss_export_corpus() in a worker thread, so that a large corpus
 * never blocks the window. The exporter, @stream and @folder must not be
 * used until it finishes.
 */
void
gloss_export_corpus_async (GlossExporter       *exporter,
                           GPtrArray           *files,
                           GPtrArray           *roots,
                           GOutputStream       *stream,
                           GFile               *folder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (GLOSS_IS_EXPORTER (exporter));
  g_return_if_fail (files != NULL && roots != NULL && files->len == roots->len);

  data = g_new0 (ExportData, 1);
  data->files = g_ptr_array_ref (files);
  data->roots = g_ptr_array_ref (roots);
  data->stream = stream ? g_object_ref (stream) : NULL;
  data->folder = folder ? g_object_ref (folder) : NULL;
  data->invalid = gloss_problems_new ();

  _gloss_exporter_report_to_thread_default (exporter);

  task = g_task_new (exporter, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_export_corpus_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * gloss_export_corpus_finish:
 * @invalid: (out) (optional) (transfer full) (element-type GlossProblem):
 *   the problems of the documents left out
 */
gboolean
gloss_export_corpus_finish (GlossExporter  *exporter,
                            GAsyncResult   *result,
                            GPtrArray     **invalid,
                            GError        **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, exporter), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (invalid != NULL)
    *invalid = g_ptr_array_ref (data->invalid);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* From here on, progress is reported in the caller's thread-default main
 * context: the export is about to run in a worker thread */
void
_gloss_exporter_report_to_thread_default (GlossExporter *self)
{
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();
}

/* How many threads gloss_export_corpus() loads documents in: 1 loads
 * them in the exporting thread; 0 (the default) as many as there are
 * processors. For the tests, which compare both. */
void
_gloss_exporter_set_n_workers (GlossExporter *self,
                               guint          n_workers)
{
  self->n_workers = n_workers;
}

GString *
_gloss_exporter_get_buffer (GlossExporter *self)
{
  return self->buffer;
}

const char *
_gloss_exporter_get_title (GlossExporter *self)
{
  return self->title != NULL ? self->title : "Gloss";
}

GFile *
_gloss_exporter_get_folder (GlossExporter *self)
{
  return self->folder;
}

guint
_gloss_exporter_get_context (GlossExporter *self)
{
  return self->context;
}

GCancellable *
_gloss_exporter_get_cancellable (GlossExporter *self)
{
  return self->cancellable;
}

gpointer
_gloss_exporter_get_data (GlossExporter *self)
{
  return self->data;
}

void
_gloss_exporter_set_data (GlossExporter  *self,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  if (self->data_destroy != NULL)
    g_clear_pointer (&self->data, self->data_destroy);
  self->data = data;
  self->data_destroy = destroy;
}

const GlossExportStats *
_gloss_exporter_get_stats (GlossExporter *self)
{
  return &self->stats;
}

/* A file of a folder format: written with the others at the end */
gboolean
_gloss_exporter_write_file (GlossExporter  *self,
                            GFile          *file,
                            const char     *data,
                            gsize           length,
                            GError        **error)
{
  g_return_val_if_fail (self->batch != NULL, FALSE);

  return gloss_file_batch_add (self->batch, file, data, length, self->cancellable, error);
}
