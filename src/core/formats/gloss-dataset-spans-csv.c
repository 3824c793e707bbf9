/* gloss-dataset-spans-csv.c
 *
 * One row per span for spreadsheets and pandas, as csv writes sentences:
 * RFC 4180, UTF-8 without a byte order mark. A span's parts are one cell
 * ("1-17;43-61"), its texts another (joined by " … "), each attribute a
 * column of its own, and the relations from it a cell of `label:span`.
 *
 * Writing: the attribute columns are those the documents' labels declare,
 * known only at the end, so the rows wait in memory until then (as the
 * json format's documents do); they are much smaller than the texts.
 *
 * Export only, like csv: documents-jsonl holds the same spans and imports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-dataset-private.h"
#include "gloss-document.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-relation.h"
#include "gloss-span.h"

/* Writing ---------------------------------------------------------------- */

/* One span: its cells before the attributes and after them, and its
 * attributes, name and value, to be put in their columns at the end */
typedef struct
{
  char      *head;
  char      *tail;
  GPtrArray *attributes;  /* name, value, name, value … (the span's own strings) */
  GlossSpan *span;        /* holds them */
} Row;

typedef struct
{
  GPtrArray  *rows;
  GPtrArray  *names;           /* the attribute columns, in the order the label sets declare them */
  GHashTable *columns;         /* name -> its column, from 1 */
  guint       n_annotations;   /* sentence annotations, which have no row */
  guint       n_relation_notes;
  guint       n_relation_annotators;  /* relations by another than their span's annotator */
} Written;

static void
row_free (Row *row)
{
  g_free (row->head);
  g_free (row->tail);
  g_clear_pointer (&row->attributes, g_ptr_array_unref);
  g_clear_object (&row->span);
  g_free (row);
}

static void
written_free (Written *written)
{
  g_ptr_array_unref (written->rows);
  g_ptr_array_unref (written->names);
  g_hash_table_unref (written->columns);
  g_free (written);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static Written *
get_written (GlossExporter *self)
{
  Written *written = _gloss_exporter_get_data (self);

  if (written == NULL)
    {
      written = g_new0 (Written, 1);
      written->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
      written->names = g_ptr_array_new_with_free_func (g_free);
      written->columns = g_hash_table_new (g_str_hash, g_str_equal);
      _gloss_exporter_set_data (self, written, (GDestroyNotify)written_free);
    }

  return written;
}

/* The attribute names the labels declare, after those seen before */
static void
add_columns (Written       *written,
             GlossLabelSet *labels)
{
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      for (guint k = 0; k < gloss_label_get_n_attributes (label); k++)
        {
          const char *name = gloss_label_get_attribute_name (label, k);

          if (g_hash_table_contains (written->columns, name))
            continue;
          g_ptr_array_add (written->names, g_strdup (name));
          g_hash_table_insert (written->columns, g_ptr_array_index (written->names, written->names->len - 1),
                               GUINT_TO_POINTER (written->names->len));
        }
    }
}

static gboolean
spans_csv_add (GlossExporter    *self,
               GlossExportItem  *item,
               GError          **error)
{
  Written *written = get_written (self);
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GString) row_text = g_string_new (NULL);

  written->n_annotations += item->annotations->len;
  if (item->spans->len == 0)
    return TRUE;

  add_columns (written, gloss_document_get_labels (item->document));

  /* The relations from each span, in the document's order: `label:to` */
  targets = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  for (guint i = 0; i < item->relations->len; i++)
    {
      GlossRelation *relation = g_ptr_array_index (item->relations, i);
      GlossSpan *from = gloss_document_lookup_span (item->document, gloss_relation_get_from (relation));
      gpointer key = GUINT_TO_POINTER (gloss_relation_get_from (relation));
      GString *list = g_hash_table_lookup (targets, key);

      if (list == NULL)
        {
          list = g_string_new (NULL);
          g_hash_table_insert (targets, key, list);
        }
      /* Label ids cannot hold a ":" or a ";" */
      g_string_append_printf (list, "%s%s:%u", list->len ? ";" : "", gloss_relation_get_label (relation),
                              gloss_relation_get_to (relation));

      written->n_relation_notes += gloss_relation_get_note (relation)[0] != '\0';
      written->n_relation_annotators += g_strcmp0 (gloss_relation_get_annotator (relation),
                                                   gloss_span_get_annotator (from)) != 0;
    }

  for (guint i = 0; i < item->spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (item->spans, i);
      const GlossRange *parts = gloss_span_get_parts (span);
      guint n_parts = gloss_span_get_n_parts (span);
      GString *relations = g_hash_table_lookup (targets, GUINT_TO_POINTER (gloss_span_get_id (span)));
      Row *row = g_new0 (Row, 1);

      g_string_truncate (row_text, 0);
      _gloss_dataset_append_csv_field (row_text, item->id, -1);
      g_string_append_printf (row_text, ",%u,%s,%u,%u,", gloss_span_get_id (span), gloss_span_get_label (span),
                              gloss_span_get_start (span), gloss_span_get_end (span));
      for (guint k = 0; k < n_parts; k++)
        g_string_append_printf (row_text, "%s%u-%u", k ? ";" : "", parts[k].start, parts[k].end);
      g_string_truncate (cell, 0);
      for (guint k = 0; k < n_parts; k++)
        g_string_append_printf (cell, "%s%s", k ? " … " : "", gloss_span_get_part_text (span, k));
      g_string_append_c (row_text, ',');
      _gloss_dataset_append_csv_field (row_text, cell->str, cell->len);
      row->head = g_strdup (row_text->str);

      g_string_truncate (row_text, 0);
      _gloss_dataset_append_csv_field (row_text, gloss_span_get_annotator (span), -1);
      g_string_append_c (row_text, ',');
      _gloss_dataset_append_csv_field (row_text, gloss_span_get_note (span), -1);
      g_string_append_c (row_text, ',');
      if (relations != NULL)
        g_string_append_len (row_text, relations->str, relations->len);
      row->tail = g_strdup (row_text->str);

      row->span = g_object_ref (span);
      if (gloss_span_get_n_attributes (span) > 0)
        {
          row->attributes = g_ptr_array_new ();
          for (guint k = 0; k < gloss_span_get_n_attributes (span); k++)
            {
              g_ptr_array_add (row->attributes, (gpointer)gloss_span_get_attribute_name (span, k));
              g_ptr_array_add (row->attributes, (gpointer)gloss_span_get_attribute_value (span, k));
            }
        }
      g_ptr_array_add (written->rows, row);
    }

  return TRUE;
}

static gboolean
spans_csv_end (GlossExporter  *self,
               GError        **error)
{
  GString *out = _gloss_exporter_get_buffer (self);
  Written *written = get_written (self);
  guint n_columns = written->names->len;
  g_autofree const char **values = g_new0 (const char *, n_columns + 1);

  g_string_append (out, "document,span,label,start,end,parts,text");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (out, ",attributes.%s", (const char *)g_ptr_array_index (written->names, i));
  g_string_append (out, ",annotator,note,relations\r\n");

  for (guint i = 0; i < written->rows->len; i++)
    {
      Row *row = g_ptr_array_index (written->rows, i);

      memset (values, 0, sizeof *values * n_columns);
      for (guint k = 0; row->attributes != NULL && k < row->attributes->len; k += 2)
        {
          guint column = GPOINTER_TO_UINT (g_hash_table_lookup (written->columns,
                                                                g_ptr_array_index (row->attributes, k)));

          /* Every attribute of a span is one its label declares */
          g_assert (column > 0);
          values[column - 1] = g_ptr_array_index (row->attributes, k + 1);
        }

      g_string_append (out, row->head);
      for (guint k = 0; k < n_columns; k++)
        {
          g_string_append_c (out, ',');
          /* Values are ids: never a comma or a quote */
          if (values[k] != NULL)
            g_string_append (out, values[k]);
        }
      g_string_append_c (out, ',');
      g_string_append (out, row->tail);
      g_string_append (out, "\r\n");
    }

  /* What the rows have no place for, beside what the exporter counts */
  if (written->n_annotations > 0)
    {
      g_autofree char *notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "spans-csv holds spans only: %u sentence annotation "
                                                              "is not in it (sentences-jsonl or csv hold it)",
                                                              "spans-csv holds spans only: %u sentence annotations "
                                                              "are not in it (sentences-jsonl or csv hold them)",
                                                              written->n_annotations),
                                                 written->n_annotations);
      g_autofree char *card_note = g_strdup_printf ("**%u sentence annotation(s) are not in this export**, which "
                                                    "holds spans only; `sentences-jsonl`, `csv` and "
                                                    "`documents-jsonl` hold them.", written->n_annotations);

      _gloss_exporter_add_notice (self, notice, card_note);
    }

  if (written->n_relation_notes > 0 || written->n_relation_annotators > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *notice = NULL;
      g_autofree char *card_note = NULL;
      guint n_notes = written->n_relation_notes;
      guint n_annotators = written->n_relation_annotators;

      if (n_notes > 0)
        g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "the note of %u relation",
                                                   "the notes of %u relations", n_notes), n_notes);
      if (n_notes > 0 && n_annotators > 0)
        g_string_append (list, ", ");
      if (n_annotators > 0)
        g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE,
                                                   "the annotator of %u relation, who is not its span’s",
                                                   "the annotators of %u relations, who are not their spans’",
                                                   n_annotators), n_annotators);
      /* TRANSLATORS: %s is a list such as “the notes of 2 relations” */
      notice = g_strdup_printf (_("spans-csv gives each relation’s label and target only, and has no place for %s: "
                                  "they are in the annotation files"), list->str);
      card_note = g_strdup_printf ("The `relations` column gives each relation's label and target only: the notes "
                                   "of %u relation(s), and the annotators of %u relation(s) who are not their "
                                   "span's, are only in the annotation files (`.gloss.json`).", n_notes, n_annotators);
      _gloss_exporter_add_notice (self, notice, card_note);
    }

  return TRUE;
}

const GlossDatasetFormat _gloss_dataset_spans_csv = {
  .name = "spans-csv",
  .carries = GLOSS_DATASET_CARRIES_NOTES | GLOSS_DATASET_CARRIES_ANNOTATORS |
             GLOSS_DATASET_CARRIES_SPANS | GLOSS_DATASET_CARRIES_RELATIONS,
  .card =
    "CSV after RFC 4180 (comma-separated, CRLF between rows, fields with a comma, quote or line break quoted, "
    "quotes doubled), UTF-8 without a byte order mark, a header row, then one row per span, in document order. "
    "Sentence labels are not in it. Load it with `pandas.read_csv(path, keep_default_na=False, "
    "dtype={\"document\": str, \"text\": str, \"annotator\": str, \"note\": str})`, so that every value is read "
    "as written.\n\n"
    "| column | meaning |\n"
    "| --- | --- |\n"
    "| `document` | the document id |\n"
    "| `span` | the span's id in its document |\n"
    "| `label` | the span label's id |\n"
    "| `start`, `end` | the start of the span's first part and the end of its last, in Unicode code points, end "
    "exclusive |\n"
    "| `parts` | each part as `start-end`, separated by `;` (`1-17;43-61`) |\n"
    "| `text` | the text of each part, joined by ` … ` |\n"
    "| `attributes.NAME` | one column for each attribute the labels declare, in the label set's order: the "
    "span's value, empty when it has none |\n"
    "| `annotator` | who made the span |\n"
    "| `note` | the annotator's note |\n"
    "| `relations` | the relations from this span, each `label:span` (the relation label and the id of the span it "
    "goes to), separated by `;`, in the document's order |\n",
  .add = spans_csv_add,
  .end = spans_csv_end,
};
