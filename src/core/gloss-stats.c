/* gloss-stats.c
 *
 * The numbers of a corpus as tables, each with the chart that shows it:
 * labels over the corpus and per document, progress per document and per
 * annotator, labels that share sentences, and agreement per label between
 * annotators' copies. The statistics view draws them (gloss-chart.c) and
 * `gloss stats --format json|csv` prints them: the same numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-stats.h"

/* Tables ------------------------------------------------------------------ */

static void
column_free (GlossStatsColumn *column)
{
  g_free (column->id);
  g_free (column->title);
  g_free (column->color);
  g_free (column);
}

static GlossStatsTable *
table_new (const char      *id,
           const char      *title,
           GlossStatsChart  chart,
           const char      *row_header)
{
  GlossStatsTable *table = g_new0 (GlossStatsTable, 1);

  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->chart = chart;
  table->row_header = g_strdup (row_header);
  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify)column_free);
  table->rows = g_ptr_array_new_with_free_func (g_free);
  table->row_titles = g_ptr_array_new_with_free_func (g_free);
  table->row_colors = g_ptr_array_new_with_free_func (g_free);
  table->values = g_array_new (FALSE, TRUE, sizeof (double));

  return table;
}

static void
table_free (GlossStatsTable *table)
{
  g_free (table->id);
  g_free (table->title);
  g_free (table->row_header);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->row_titles);
  g_ptr_array_unref (table->row_colors);
  g_array_unref (table->values);
  g_free (table);
}

static void
add_column (GlossStatsTable *table,
            const char      *id,
            const char      *title,
            const char      *color,
            GlossStatsValue  value,
            gboolean         drawn)
{
  GlossStatsColumn *column = g_new0 (GlossStatsColumn, 1);

  column->id = g_strdup (id);
  column->title = g_strdup (title);
  column->color = g_strdup (color);
  column->value = value;
  column->drawn = drawn;
  g_ptr_array_add (table->columns, column);
}

/* A new row, its values 0 */
static guint
add_row (GlossStatsTable *table,
         const char      *id,
         const char      *title,
         const char      *color)
{
  g_ptr_array_add (table->rows, g_strdup (id));
  g_ptr_array_add (table->row_titles, g_strdup (title ? title : id));
  g_ptr_array_add (table->row_colors, g_strdup (color ? color : ""));
  g_array_set_size (table->values, table->rows->len * table->columns->len);

  return table->rows->len - 1;
}

static void
set_value (GlossStatsTable *table,
           guint            row,
           guint            column,
           double           value)
{
  g_array_index (table->values, double, row * table->columns->len + column) = value;
}

/**
 * gloss_stats_table_get:
 *
 * Returns: the value at @row and @column
 */
double
gloss_stats_table_get (const GlossStatsTable *table,
                       guint                  row,
                       guint                  column)
{
  g_return_val_if_fail (table != NULL, NAN);
  g_return_val_if_fail (row < table->rows->len && column < table->columns->len, NAN);

  return g_array_index (table->values, double, row * table->columns->len + column);
}

/**
 * gloss_stats_format_value:
 *
 * Returns: (transfer full): @value for people: a count as a whole
 *   number, a share as a percentage (“42 %”), a coefficient to two
 *   decimals, “n/a” where it is undefined
 */
char *
gloss_stats_format_value (GlossStatsValue kind,
                          double          value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (kind)
    {
    case GLOSS_STATS_SHARE:
      return g_strdup_printf ("%.0f %%", 100.0 * value);

    case GLOSS_STATS_COEFFICIENT:
      if (isnan (value))
        return g_strdup (_("n/a"));
      return g_strdup (g_ascii_formatd (number, sizeof number, "%.2f", value));

    case GLOSS_STATS_COUNT:
    default:
      return g_strdup_printf ("%.0f", value);
    }
}

/* Numbers in files have a decimal point in every locale, four decimals
 * for what is not whole; JSON writes an undefined one as null, CSV as an
 * empty field */
static void
append_number (GString         *out,
               GlossStatsValue  kind,
               double           value,
               const char      *undefined)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (out, undefined);
  else if (kind == GLOSS_STATS_COUNT)
    g_string_append_printf (out, "%.0f", value);
  else
    g_string_append (out, g_ascii_formatd (number, sizeof number, "%.4f", value));
}

static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * gloss_stats_table_append_csv:
 *
 * Appends the table as CSV (RFC 4180, `\n` line ends): a header of the
 * column ids after `row_header`'s id, then a line a row.
 */
void
gloss_stats_table_append_csv (const GlossStatsTable *table,
                              GString               *out)
{
  g_return_if_fail (table != NULL);

  append_csv_field (out, table->row_header);
  for (guint c = 0; c < table->columns->len; c++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, ((GlossStatsColumn *)g_ptr_array_index (table->columns, c))->id);
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < table->rows->len; r++)
    {
      append_csv_field (out, g_ptr_array_index (table->rows, r));
      for (guint c = 0; c < table->columns->len; c++)
        {
          GlossStatsColumn *column = g_ptr_array_index (table->columns, c);

          g_string_append_c (out, ',');
          append_number (out, column->value, gloss_stats_table_get (table, r, c), "");
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * gloss_stats_table_append_json:
 *
 * Appends the table as one JSON object: `{"id", "columns": [ids],
 * "rows": [{row_header: id, column: value, …}, …]}`, a row a line.
 */
void
gloss_stats_table_append_json (const GlossStatsTable *table,
                               GString               *out)
{
  g_return_if_fail (table != NULL);

  g_string_append (out, "{\"id\": ");
  gloss_json_append_string (out, table->id);
  g_string_append (out, ", \"columns\": [");
  for (guint c = 0; c < table->columns->len; c++)
    {
      if (c > 0)
        g_string_append (out, ", ");
      gloss_json_append_string (out, ((GlossStatsColumn *)g_ptr_array_index (table->columns, c))->id);
    }
  g_string_append (out, "], \"rows\": [");
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_string_append (out, r > 0 ? ",\n    {" : "\n    {");
      gloss_json_append_string (out, table->row_header);
      g_string_append (out, ": ");
      gloss_json_append_string (out, g_ptr_array_index (table->rows, r));
      for (guint c = 0; c < table->columns->len; c++)
        {
          GlossStatsColumn *column = g_ptr_array_index (table->columns, c);

          g_string_append (out, ", ");
          gloss_json_append_string (out, column->id);
          g_string_append (out, ": ");
          append_number (out, column->value, gloss_stats_table_get (table, r, c), "null");
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, table->rows->len > 0 ? "\n  ]}" : "]}");
}

/* What is counted --------------------------------------------------------- */

typedef struct
{
  char       *id;
  char       *name;
  char       *color;
  gboolean    span;       /* a span label, else a sentence label */
  guint       count;      /* annotations or spans */
  guint       documents;  /* documents that have it */
} Label;

typedef struct
{
  char       *id;
  guint       sentences;
  guint       annotated;
  gboolean    done;
  guint       problems;
  GArray     *counts;     /* of guint, by label index */
} Document;

typedef struct
{
  char       *name;
  GHashTable *documents;  /* ids */
  guint       annotations;
  guint       spans;
  guint       sentences;  /* sentences given a label or holding a span of theirs */
  guint       done;       /* their documents marked done */
} Annotator;

struct _GlossStats
{
  GObject     parent_instance;

  GPtrArray  *labels;       /* of Label, in the order first seen */
  GHashTable *label_index;  /* id -> index + 1 */
  GPtrArray  *documents;    /* of Document */
  GHashTable *annotators;   /* name -> Annotator */
  GHashTable *together;     /* (i << 16 | j), i <= j -> sentences with both */
  guint       n_sentences;
  GlossStatsTable *agreement;
  GPtrArray  *tables;       /* built when asked for */
};

G_DEFINE_FINAL_TYPE (GlossStats, gloss_stats, G_TYPE_OBJECT)

static void
label_free (Label *label)
{
  g_free (label->id);
  g_free (label->name);
  g_free (label->color);
  g_free (label);
}

static void
document_free (Document *document)
{
  g_free (document->id);
  g_array_unref (document->counts);
  g_free (document);
}

static void
annotator_free (Annotator *annotator)
{
  g_free (annotator->name);
  g_hash_table_unref (annotator->documents);
  g_free (annotator);
}

static void
gloss_stats_finalize (GObject *object)
{
  GlossStats *self = GLOSS_STATS (object);

  g_ptr_array_unref (self->labels);
  g_hash_table_unref (self->label_index);
  g_ptr_array_unref (self->documents);
  g_hash_table_unref (self->annotators);
  g_hash_table_unref (self->together);
  g_clear_pointer (&self->agreement, table_free);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_stats_parent_class)->finalize (object);
}

static void
gloss_stats_class_init (GlossStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_stats_finalize;
}

static void
gloss_stats_init (GlossStats *self)
{
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify)label_free);
  self->label_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify)document_free);
  self->annotators = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)annotator_free);
  self->together = g_hash_table_new (g_direct_hash, g_direct_equal);
}

GlossStats *
gloss_stats_new (void)
{
  return g_object_new (GLOSS_TYPE_STATS, NULL);
}

static guint
intern_label (GlossStats *self,
              GlossLabel *from)
{
  const char *id = gloss_label_get_id (from);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->label_index, id));
  Label *label;

  if (index > 0)
    return index - 1;

  label = g_new0 (Label, 1);
  label->id = g_strdup (id);
  label->name = g_strdup (gloss_label_get_display_name (from));
  label->color = g_strdup (gloss_label_get_color (from));
  label->span = gloss_label_get_scope (from) == GLOSS_LABEL_SCOPE_SPAN;
  g_ptr_array_add (self->labels, label);
  g_hash_table_insert (self->label_index, label->id, GUINT_TO_POINTER (self->labels->len));

  return self->labels->len - 1;
}

static int
lookup_label (GlossStats *self,
              const char *id)
{
  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (self->label_index, id)) - 1;
}

static Annotator *
get_annotator (GlossStats *self,
               const char *name)
{
  Annotator *annotator = g_hash_table_lookup (self->annotators, name);

  if (annotator == NULL)
    {
      annotator = g_new0 (Annotator, 1);
      annotator->name = g_strdup (name);
      annotator->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->annotators, annotator->name, annotator);
    }

  return annotator;
}

static void
count_together (GlossStats *self,
                GArray     *present)
{
  for (guint a = 0; a < present->len; a++)
    for (guint b = a; b < present->len; b++)
      {
        guint i = MIN (g_array_index (present, guint, a), g_array_index (present, guint, b));
        guint j = MAX (g_array_index (present, guint, a), g_array_index (present, guint, b));
        gpointer key = GUINT_TO_POINTER (i << 16 | j);

        g_hash_table_insert (self->together, key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->together, key)) + 1));
      }
}

static void
add_present (GArray *present,
             guint   index)
{
  for (guint i = 0; i < present->len; i++)
    if (g_array_index (present, guint, i) == index)
      return;
  g_array_append_val (present, index);
}

/**
 * gloss_stats_add_document:
 * @id: the document's id, as the tables name it
 *
 * Counts a document: its sentences, labels and spans, by whom, and the
 * labels its sentences have together (a span counts for every sentence it
 * shares a code point with).
 */
void
gloss_stats_add_document (GlossStats    *self,
                          GlossDocument *document,
                          const char    *id)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GListModel *spans = gloss_document_get_spans (document);
  guint n_sentences = gloss_document_get_n_sentences (document);
  Document *row = g_new0 (Document, 1);
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) whose = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree GPtrArray **by_sentence = NULL;
  guint n_spans = g_list_model_get_n_items (spans);

  g_return_if_fail (GLOSS_IS_STATS (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));

  g_clear_pointer (&self->tables, g_ptr_array_unref);

  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    intern_label (self, gloss_label_set_get_label (labels, i));

  row->id = g_strdup (id);
  row->sentences = n_sentences;
  row->annotated = gloss_document_get_n_annotated (document);
  row->done = gloss_document_get_done (document);
  row->problems = gloss_document_get_problems (document)->len;
  row->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (row->counts, self->labels->len);
  self->n_sentences += n_sentences;

  /* The spans of each sentence, for what shares a sentence */
  by_sentence = g_new0 (GPtrArray *, MAX (n_sentences, 1));
  for (guint i = 0; i < n_spans; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      int index = lookup_label (self, gloss_span_get_label (span));
      Annotator *annotator = get_annotator (self, gloss_span_get_annotator (span));

      annotator->spans++;
      g_hash_table_add (annotator->documents, g_strdup (id));
      g_hash_table_add (whose, annotator);
      if (index < 0)
        continue;
      g_array_index (row->counts, guint, index)++;

      for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
        {
          GlossRange part = gloss_span_get_part (span, p);
          int s = gloss_document_find_sentence_at (document, part.start);

          for (; s >= 0 && (guint)s < n_sentences; s++)
            {
              GlossSentence *sentence = gloss_document_get_sentence (document, s);

              if (gloss_sentence_get_start (sentence) >= part.end)
                break;
              if (by_sentence[s] == NULL)
                by_sentence[s] = g_ptr_array_new_with_free_func (g_object_unref);
              g_ptr_array_add (by_sentence[s], g_object_ref (span));
            }
        }
    }

  for (guint s = 0; s < n_sentences; s++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (document, s);
      g_autoptr(GHashTable) by = g_hash_table_new (g_str_hash, g_str_equal);

      g_array_set_size (present, 0);
      for (guint a = 0; a < gloss_sentence_get_n_annotations (sentence); a++)
        {
          GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, a);
          int index = lookup_label (self, gloss_annotation_get_label (annotation));
          Annotator *annotator = get_annotator (self, gloss_annotation_get_annotator (annotation));

          annotator->annotations++;
          g_hash_table_add (annotator->documents, g_strdup (id));
          g_hash_table_add (whose, annotator);
          g_hash_table_add (by, (gpointer)annotator->name);
          if (index < 0)
            continue;
          g_array_index (row->counts, guint, index)++;
          add_present (present, index);
        }
      for (guint i = 0; by_sentence[s] != NULL && i < by_sentence[s]->len; i++)
        {
          GlossSpan *span = g_ptr_array_index (by_sentence[s], i);

          add_present (present, lookup_label (self, gloss_span_get_label (span)));
          g_hash_table_add (by, (gpointer)get_annotator (self, gloss_span_get_annotator (span))->name);
        }
      g_clear_pointer (&by_sentence[s], g_ptr_array_unref);

      count_together (self, present);
      {
        GHashTableIter iter;
        gpointer name;

        g_hash_table_iter_init (&iter, by);
        while (g_hash_table_iter_next (&iter, &name, NULL))
          get_annotator (self, name)->sentences++;
      }
    }

  /* A document done is done for each who annotated it (in a folder of
   * annotators' copies, the copy's annotator) */
  if (row->done)
    {
      GHashTableIter iter;
      gpointer annotator;

      g_hash_table_iter_init (&iter, whose);
      while (g_hash_table_iter_next (&iter, &annotator, NULL))
        ((Annotator *)annotator)->done++;
    }

  for (guint i = 0; i < row->counts->len; i++)
    if (g_array_index (row->counts, guint, i) > 0)
      {
        Label *label = g_ptr_array_index (self->labels, i);

        label->count += g_array_index (row->counts, guint, i);
        label->documents++;
      }

  g_ptr_array_add (self->documents, row);
}

/* A label's agreement: Cohen's κ averaged over the pairs of annotators
 * (the pair's own when there are two), and Krippendorff's α */
static void
add_agreement_row (GlossStatsTable            *table,
                   const GlossAgreementCounts *counts,
                   const char                 *id,
                   GlossStats                 *self)
{
  guint n = gloss_agreement_counts_get_n_annotators (counts);
  double sum = 0;
  guint pairs = 0;
  int index = lookup_label (self, id);
  Label *label = index >= 0 ? g_ptr_array_index (self->labels, index) : NULL;
  guint row;

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        double kappa = gloss_agreement_counts_get_cohen_kappa (counts, a, b);

        if (!isnan (kappa))
          {
            sum += kappa;
            pairs++;
          }
      }

  row = add_row (table, id, label ? label->name : id, label ? label->color : NULL);
  set_value (table, row, 0, pairs > 0 ? sum / pairs : NAN);
  set_value (table, row, 1, gloss_agreement_counts_get_alpha (counts));
  set_value (table, row, 2, gloss_agreement_counts_get_n_units (counts));
}

/**
 * gloss_stats_add_agreement:
 * @agreement: compared annotators' copies
 *
 * Adds the table of agreement per label: for each sentence label, on its
 * sentences; for each span label, on tokens (gloss-agreement-spans.c).
 */
void
gloss_stats_add_agreement (GlossStats     *self,
                           GlossAgreement *agreement)
{
  GlossStatsTable *table;

  g_return_if_fail (GLOSS_IS_STATS (self));
  g_return_if_fail (GLOSS_IS_AGREEMENT (agreement));

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->agreement, table_free);
  table = table_new ("agreement", _("Agreement per label"), GLOSS_STATS_CHART_BARS, "label");
  add_column (table, "kappa", _("Cohen’s κ"), "#1c71d8", GLOSS_STATS_COEFFICIENT, TRUE);
  add_column (table, "alpha", _("Krippendorff’s α"), "#c64600", GLOSS_STATS_COEFFICIENT, TRUE);
  add_column (table, "units", _("Units"), NULL, GLOSS_STATS_COUNT, FALSE);

  for (guint i = 0; i < gloss_agreement_get_n_labels (agreement); i++)
    {
      const char *id = gloss_agreement_get_label (agreement, i);
      const GlossAgreementCounts *counts = gloss_agreement_get_counts (agreement, id);
      int index = lookup_label (self, id);

      /* A span label is compared on tokens, not sentences */
      if (counts == NULL || (index >= 0 && ((Label *)g_ptr_array_index (self->labels, index))->span))
        continue;
      add_agreement_row (table, counts, id, self);
    }
  for (guint i = 0; i < gloss_agreement_get_n_span_labels (agreement); i++)
    {
      const char *id = gloss_agreement_get_span_label (agreement, i);
      const GlossAgreementCounts *counts = gloss_agreement_get_token_counts (agreement, id);

      if (counts != NULL)
        add_agreement_row (table, counts, id, self);
    }

  self->agreement = table;
}

/* The tables -------------------------------------------------------------- */

static int
compare_annotators (gconstpointer a,
                    gconstpointer b)
{
  const Annotator *x = *(Annotator **)a, *y = *(Annotator **)b;

  return g_strcmp0 (x->name, y->name);
}

static void
build_tables (GlossStats *self)
{
  GlossStatsTable *table;
  g_autoptr(GPtrArray) annotators = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify)table_free);

  /* Labels over the corpus */
  table = table_new ("labels", _("Labels in the corpus"), GLOSS_STATS_CHART_BARS, "label");
  add_column (table, "count", _("Annotations and spans"), NULL, GLOSS_STATS_COUNT, TRUE);
  add_column (table, "documents", _("Documents"), NULL, GLOSS_STATS_COUNT, FALSE);
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = g_ptr_array_index (self->labels, i);
      guint row = add_row (table, label->id, label->name, label->color);

      set_value (table, row, 0, label->count);
      set_value (table, row, 1, label->documents);
    }
  g_ptr_array_add (self->tables, table);

  /* Labels per document */
  table = table_new ("documents", _("Labels per document"), GLOSS_STATS_CHART_STACKED, "document");
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = g_ptr_array_index (self->labels, i);

      add_column (table, label->id, label->name, label->color, GLOSS_STATS_COUNT, TRUE);
    }
  for (guint d = 0; d < self->documents->len; d++)
    {
      Document *document = g_ptr_array_index (self->documents, d);
      guint row = add_row (table, document->id, NULL, NULL);

      for (guint i = 0; i < self->labels->len; i++)
        set_value (table, row, i, i < document->counts->len ? g_array_index (document->counts, guint, i) : 0);
    }
  g_ptr_array_add (self->tables, table);

  /* Progress per document */
  table = table_new ("progress", _("Progress per document"), GLOSS_STATS_CHART_BARS, "document");
  add_column (table, "sentences", _("Sentences"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "annotated", _("Annotated"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "progress", _("Share annotated"), "#2ec27e", GLOSS_STATS_SHARE, TRUE);
  add_column (table, "done", _("Done"), NULL, GLOSS_STATS_COUNT, FALSE);
  for (guint d = 0; d < self->documents->len; d++)
    {
      Document *document = g_ptr_array_index (self->documents, d);
      guint row = add_row (table, document->id, NULL, NULL);

      set_value (table, row, 0, document->sentences);
      set_value (table, row, 1, document->annotated);
      set_value (table, row, 2, document->sentences ? (double)document->annotated / document->sentences : 0.0);
      set_value (table, row, 3, document->done);
    }
  g_ptr_array_add (self->tables, table);

  /* Progress per annotator */
  table = table_new ("annotators", _("Progress per annotator"), GLOSS_STATS_CHART_BARS, "annotator");
  add_column (table, "documents", _("Documents"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "annotations", _("Sentence labels"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "spans", _("Spans"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "sentences", _("Sentences annotated"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "share", _("Share of the corpus’s sentences"), "#9141ac", GLOSS_STATS_SHARE, TRUE);
  add_column (table, "done", _("Documents done"), NULL, GLOSS_STATS_COUNT, FALSE);
  add_column (table, "done_share", _("Share of their documents done"), "#26a269", GLOSS_STATS_SHARE, TRUE);
  g_hash_table_iter_init (&iter, self->annotators);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (annotators, value);
  g_ptr_array_sort (annotators, compare_annotators);
  for (guint a = 0; a < annotators->len; a++)
    {
      Annotator *annotator = g_ptr_array_index (annotators, a);
      guint row = add_row (table, annotator->name, annotator->name[0] ? annotator->name : _("(unknown)"), NULL);

      set_value (table, row, 0, g_hash_table_size (annotator->documents));
      set_value (table, row, 1, annotator->annotations);
      set_value (table, row, 2, annotator->spans);
      set_value (table, row, 3, annotator->sentences);
      set_value (table, row, 4, self->n_sentences ? (double)annotator->sentences / self->n_sentences : 0.0);
      set_value (table, row, 5, annotator->done);
      set_value (table, row, 6, g_hash_table_size (annotator->documents)
                                ? (double)annotator->done / g_hash_table_size (annotator->documents) : 0.0);
    }
  g_ptr_array_add (self->tables, table);

  /* Labels in the same sentence */
  table = table_new ("cooccurrence", _("Labels in the same sentence"), GLOSS_STATS_CHART_HEAT_MAP, "label");
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = g_ptr_array_index (self->labels, i);

      add_column (table, label->id, label->name, label->color, GLOSS_STATS_COUNT, TRUE);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = g_ptr_array_index (self->labels, i);
      guint row = add_row (table, label->id, label->name, label->color);

      for (guint j = 0; j < self->labels->len; j++)
        {
          gpointer key = GUINT_TO_POINTER (MIN (i, j) << 16 | MAX (i, j));

          set_value (table, row, j, GPOINTER_TO_UINT (g_hash_table_lookup (self->together, key)));
        }
    }
  g_ptr_array_add (self->tables, table);
}

guint
gloss_stats_get_n_documents (GlossStats *self)
{
  g_return_val_if_fail (GLOSS_IS_STATS (self), 0);

  return self->documents->len;
}

/**
 * gloss_stats_get_n_tables:
 *
 * Returns: how many tables there are: five, and the agreement's when
 *   there is one
 */
guint
gloss_stats_get_n_tables (GlossStats *self)
{
  g_return_val_if_fail (GLOSS_IS_STATS (self), 0);

  if (self->tables == NULL)
    build_tables (self);

  return self->tables->len + (self->agreement != NULL);
}

/**
 * gloss_stats_get_table:
 *
 * Returns: (transfer none): the table at @position: `labels`,
 *   `documents`, `progress`, `annotators`, `cooccurrence`, then
 *   `agreement` when there is one. It stays valid until a document or
 *   agreement is added.
 */
const GlossStatsTable *
gloss_stats_get_table (GlossStats *self,
                       guint       position)
{
  g_return_val_if_fail (GLOSS_IS_STATS (self), NULL);
  g_return_val_if_fail (position < gloss_stats_get_n_tables (self), NULL);

  if (position < self->tables->len)
    return g_ptr_array_index (self->tables, position);

  return self->agreement;
}

const GlossStatsTable *
gloss_stats_lookup_table (GlossStats *self,
                          const char *id)
{
  g_return_val_if_fail (GLOSS_IS_STATS (self), NULL);

  for (guint i = 0; i < gloss_stats_get_n_tables (self); i++)
    if (g_strcmp0 (gloss_stats_get_table (self, i)->id, id) == 0)
      return gloss_stats_get_table (self, i);

  return NULL;
}

/**
 * gloss_stats_append_json:
 *
 * Appends every table as one JSON document: `{"documents": N,
 * "sentences": N, "tables": [table, …]}` (gloss_stats_table_append_json()).
 */
void
gloss_stats_append_json (GlossStats *self,
                         GString    *out)
{
  guint n;

  g_return_if_fail (GLOSS_IS_STATS (self));

  n = gloss_stats_get_n_tables (self);
  g_string_append_printf (out, "{\"documents\": %u, \"sentences\": %u, \"tables\": [",
                          self->documents->len, self->n_sentences);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i > 0 ? ",\n  " : "\n  ");
      gloss_stats_table_append_json (gloss_stats_get_table (self, i), out);
    }
  g_string_append (out, "\n]}\n");
}

/* A folder of annotators' copies ------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char **)a, *(char **)b);
}

/**
 * gloss_stats_find_copies:
 *
 * Looks whether @folder is laid out as `gloss agree` takes annotators'
 * copies: two or more folders right below it, each with texts, sharing
 * at least one text by its path below them.
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the copies,
 *   in the order of their names, or %NULL
 */
GPtrArray *
gloss_stats_find_copies (GFile        *folder,
                         GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean shared = FALSE;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && !g_file_info_get_is_hidden (info))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) copy = g_file_get_child (folder, g_ptr_array_index (names, i));
      g_autoptr(GPtrArray) files = gloss_corpus_find_files (copy, ".txt", NULL, cancellable);

      if (files->len == 0)
        continue;
      for (guint f = 0; f < files->len; f++)
        {
          char *id = gloss_corpus_dup_id (copy, g_ptr_array_index (files, f));

          if (!g_hash_table_add (seen, id))
            shared = TRUE;
        }
      g_ptr_array_add (copies, g_steal_pointer (&copy));
    }

  if (copies->len < 2 || !shared)
    return NULL;

  return g_steal_pointer (&copies);
}

/* Collecting a folder ----------------------------------------------------- */

/**
 * gloss_stats_collect:
 * @problems: (nullable) (element-type GlossProblem): where texts that
 *   cannot be read are reported
 *
 * Counts every text of @folder, in the order of their paths; when the
 * folder holds annotators' copies (gloss_stats_find_copies()), compares
 * them too (gloss_stats_add_agreement()).
 *
 * Returns: %FALSE with @error set only when cancelled
 */
gboolean
gloss_stats_collect (GlossStats    *self,
                     GFile         *folder,
                     GPtrArray     *problems,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GlossProjectCache) projects = gloss_project_cache_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  g_return_val_if_fail (GLOSS_IS_STATS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  files = gloss_corpus_find_files (folder, ".txt", problems, cancellable);
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *path = gloss_corpus_dup_id (folder, file);
      g_autofree char *id = gloss_corpus_escape_id (path);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      document = _gloss_document_load_to_read (file, NULL, projects, cancellable, &local_error);
      if (document == NULL)
        {
          g_autofree char *name = gloss_corpus_dup_display_name (file);

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (problems != NULL)
            {
              gloss_problems_add (problems, "", "%s", local_error->message);
              gloss_problems_set_file (problems, problems->len - 1, name);
            }
          continue;
        }

      gloss_stats_add_document (self, document, id);
    }

  copies = gloss_stats_find_copies (folder, cancellable);
  if (copies != NULL)
    {
      g_autoptr(GlossAgreement) agreement = gloss_agreement_new (copies, NULL);

      if (!gloss_agreement_compare (agreement, problems, cancellable, error))
        return FALSE;
      gloss_stats_add_agreement (self, agreement);
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (gloss_stats_collect (source_object, task_data, NULL, cancellable, &error))
    {
      /* The tables are built here, not on the main thread */
      gloss_stats_get_n_tables (source_object);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

/**
 * gloss_stats_collect_async:
 *
 * Runs gloss_stats_collect() in a worker thread; @self must not be used
 * until it finishes.
 */
void
gloss_stats_collect_async (GlossStats          *self,
                           GFile               *folder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_STATS (self));
  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_stats_collect_async);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, collect_thread);
}

gboolean
gloss_stats_collect_finish (GlossStats    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
