/* gloss-cli-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-stats.h"

static void
add_count (GHashTable *counts,
           const char *label,
           guint       n)
{
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (counts, label));

  g_hash_table_insert (counts, g_strdup (label), GUINT_TO_POINTER (old + n));
}

/* What is counted per label: annotations of sentence labels, spans of
 * span labels, relations of relation labels (whose ids are their own) */
typedef enum
{
  KIND_ANNOTATIONS,
  KIND_SPANS,
  KIND_RELATIONS,
  N_KINDS
} Kind;

typedef struct
{
  char       *id;
  char       *language;
  guint       sentences;
  guint       annotated;
  guint       problems;
  gboolean    done;
  GHashTable *counts[N_KINDS];  /* label id -> count */
} Row;

typedef struct
{
  GPtrArray  *ids;        /* label ids, in order of first appearance */
  GHashTable *known;      /* the same ids, so a label is found without a walk */
} Columns;

typedef struct
{
  Columns     columns[N_KINDS];
  GPtrArray  *rows;
  Row         total;
  guint       n_done;
} Stats;

/* The members of the JSON output, one per kind */
static const char * const kind_members[N_KINDS] = { "labels", "spans", "relations" };

static guint
get_count (Row        *row,
           Kind        kind,
           const char *label)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (row->counts[kind], label));
}

static void
row_init_counts (Row *row)
{
  for (guint k = 0; k < N_KINDS; k++)
    row->counts[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
row_clear_counts (Row *row)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&row->counts[k], g_hash_table_unref);
}

static void
row_free (Row *row)
{
  g_free (row->id);
  g_free (row->language);
  row_clear_counts (row);
  g_free (row);
}

static void
add_label (Stats      *stats,
           Kind        kind,
           const char *id)
{
  Columns *columns = &stats->columns[kind];
  char *copy;

  if (g_hash_table_contains (columns->known, id))
    return;

  copy = g_strdup (id);
  g_ptr_array_add (columns->ids, copy);
  g_hash_table_add (columns->known, copy);
}

/* Counts the item of @kind with @label in the row and the total */
static void
count (Stats      *stats,
       Row        *row,
       Kind        kind,
       const char *label)
{
  add_label (stats, kind, label);
  add_count (row->counts[kind], label, 1);
  add_count (stats->total.counts[kind], label, 1);
}


static void
add_document (Stats         *stats,
              GlossDocument *document,
              const char    *id)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (labels);
  GListModel *annotations = gloss_document_get_annotations (document);
  GListModel *spans = gloss_document_get_spans (document);
  GListModel *relations = gloss_document_get_relations (document);
  Row *row = g_new0 (Row, 1);
  guint n;

  row->id = g_strdup (id);
  row->language = g_strdup (gloss_document_get_language (document));
  row->sentences = gloss_document_get_n_sentences (document);
  row->annotated = gloss_document_get_n_annotated (document);
  row->problems = gloss_document_get_problems (document)->len;
  row->done = gloss_document_get_done (document);
  row_init_counts (row);

  /* Every label of the set gets a column, used or not */
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (labels, i);

      add_label (stats, gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN ? KIND_SPANS : KIND_ANNOTATIONS,
                 gloss_label_get_id (label));
    }
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    add_label (stats, KIND_RELATIONS, gloss_label_get_id (gloss_label_set_get_label (relation_labels, i)));

  n = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      count (stats, row, KIND_ANNOTATIONS, gloss_annotation_get_label (annotation));
    }

  n = g_list_model_get_n_items (spans);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      count (stats, row, KIND_SPANS, gloss_span_get_label (span));
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);

      count (stats, row, KIND_RELATIONS, gloss_relation_get_label (relation));
    }

  stats->total.sentences += row->sentences;
  stats->total.annotated += row->annotated;
  stats->total.problems += row->problems;
  stats->n_done += row->done;

  g_ptr_array_add (stats->rows, row);
}

static double
progress (Row *row)
{
  return row->sentences ? (double)row->annotated / row->sentences : 0.0;
}

static void
append_json_row (GString *out,
                 Stats   *stats,
                 Row     *row,
                 gboolean total)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!total)
    {
      g_string_append (out, "{\"id\": ");
      gloss_json_append_string (out, row->id);
      g_string_append (out, ", \"language\": ");
      gloss_json_append_string (out, row->language);
      g_string_append (out, ", ");
    }
  else
    g_string_append_printf (out, "{\"documents\": %u, \"done\": %u, ", stats->rows->len, stats->n_done);

  /* JSON numbers have a decimal point in every locale */
  g_string_append_printf (out, "\"sentences\": %u, \"annotated\": %u, \"progress\": %s, ",
                          row->sentences, row->annotated,
                          g_ascii_formatd (number, sizeof number, "%.4f", progress (row)));
  if (!total)
    g_string_append_printf (out, "\"done\": %s, ", row->done ? "true" : "false");
  g_string_append_printf (out, "\"problems\": %u", row->problems);

  for (Kind k = 0; k < N_KINDS; k++)
    {
      GPtrArray *ids = stats->columns[k].ids;

      g_string_append_printf (out, ", \"%s\": {", kind_members[k]);
      for (guint i = 0; i < ids->len; i++)
        {
          const char *label = g_ptr_array_index (ids, i);

          g_string_append (out, i ? ", " : "");
          gloss_json_append_string (out, label);
          g_string_append_printf (out, ": %u", get_count (row, k, label));
        }
      g_string_append_c (out, '}');
    }

  g_string_append_c (out, '}');
}

static void
print_json (Stats *stats)
{
  g_autoptr(GString) out = g_string_new ("{\"documents\": [");

  for (guint i = 0; i < stats->rows->len; i++)
    {
      g_string_append (out, i ? ",\n  " : "\n  ");
      append_json_row (out, stats, g_ptr_array_index (stats->rows, i), FALSE);
    }

  g_string_append (out, stats->rows->len ? "\n],\n\"total\": " : "],\n\"total\": ");
  append_json_row (out, stats, &stats->total, TRUE);
  g_string_append (out, "}\n");

  gloss_cli_print ("%s", out->str);
}

static void
print_cell (GString    *out,
            const char *text,
            int         width,
            gboolean    left)
{
  int pad = width - (int)g_utf8_strlen (text, -1);

  if (!left)
    for (; pad > 0; pad--)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (left)
    for (; pad > 0; pad--)
      g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

static void
print_text_row (GString *out,
                Stats   *stats,
                Row     *row,
                int      id_width,
                int     *widths,
                const char *done)
{
  g_autofree char *sentences = g_strdup_printf ("%u", row->sentences);
  g_autofree char *annotated = g_strdup_printf ("%u", row->annotated);
  g_autofree char *share = g_strdup_printf ("%.0f %%", 100.0 * progress (row));

  print_cell (out, row->id, id_width, TRUE);
  print_cell (out, sentences, widths[0], FALSE);
  print_cell (out, annotated, widths[1], FALSE);
  print_cell (out, share, widths[2], FALSE);
  print_cell (out, done, widths[3], TRUE);

  for (Kind k = 0, column = 4; k < N_KINDS; k++)
    for (guint i = 0; i < stats->columns[k].ids->len; i++, column++)
      {
        g_autofree char *n = g_strdup_printf ("%u", get_count (row, k, g_ptr_array_index (stats->columns[k].ids, i)));

        print_cell (out, n, widths[column], FALSE);
      }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
print_text (Stats *stats)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) label_headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *widths = NULL;
  g_autofree char *total_id = NULL;
  g_autofree char *n_done = NULL;
  const char *headers[] = { _("Sentences"), _("Annotated"), _("Progress"), _("Done") };
  int id_width;

  /* A relation label's column is marked with an arrow: it may have the id
   * of a span label ("speaker") */
  for (Kind k = 0; k < N_KINDS; k++)
    for (guint i = 0; i < stats->columns[k].ids->len; i++)
      g_ptr_array_add (label_headers, g_strconcat (k == KIND_RELATIONS ? "→" : "",
                                                   g_ptr_array_index (stats->columns[k].ids, i), NULL));
  widths = g_new0 (int, 4 + label_headers->len);

  total_id = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total (%u document)", "Total (%u documents)",
                                           stats->rows->len),
                              stats->rows->len);
  id_width = MAX (g_utf8_strlen (_("Document"), -1), g_utf8_strlen (total_id, -1));
  for (guint i = 0; i < stats->rows->len; i++)
    id_width = MAX (id_width, g_utf8_strlen (((Row *)g_ptr_array_index (stats->rows, i))->id, -1));

  for (guint i = 0; i < 4; i++)
    widths[i] = MAX (9, g_utf8_strlen (headers[i], -1));
  for (guint i = 0; i < label_headers->len; i++)
    widths[4 + i] = MAX (6, g_utf8_strlen (g_ptr_array_index (label_headers, i), -1));

  print_cell (out, _("Document"), id_width, TRUE);
  for (guint i = 0; i < 4; i++)
    print_cell (out, headers[i], widths[i], i == 3);
  for (guint i = 0; i < label_headers->len; i++)
    print_cell (out, g_ptr_array_index (label_headers, i), widths[4 + i], FALSE);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < stats->rows->len; i++)
    {
      Row *row = g_ptr_array_index (stats->rows, i);

      print_text_row (out, stats, row, id_width, widths,
                      row->problems ? _("problems") : row->done ? _("yes") : _("no"));
    }

  n_done = g_strdup_printf ("%u/%u", stats->n_done, stats->rows->len);
  g_free (stats->total.id);
  stats->total.id = g_steal_pointer (&total_id);
  print_text_row (out, stats, &stats->total, id_width, widths, n_done);

  gloss_cli_print ("%s", out->str);
}

int
gloss_cli_stats (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *encoding = NULL;
  g_autofree char *format = NULL;
  g_autofree char *table_id = NULL;
  g_autoptr(GlossStats) tables = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  Stats stats = { 0 };
  GOptionEntry entries[] = {
    gloss_cli_json_entry (&json),
    gloss_cli_encoding_entry (&encoding),
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("text (the table, the default), json (every table of the statistics view) or csv (one of them, --table)"),
      N_("FORMAT") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_id,
      N_("With --format csv: labels (the default), documents, progress, annotators, cooccurrence or agreement"),
      N_("TABLE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATH…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Counts, for every text (.txt) in the given files and folders and in total, "
                                  "its sentences, the sentences with a label, the annotations per label and "
                                  "the share done. A text without an annotation file counts as not started."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code) ||
      !gloss_cli_check_encoding (context, encoding, &exit_code))
    return exit_code;

  if (args == NULL || args[0] == NULL)
    {
      gloss_cli_usage_error (context, _("Give at least one file or folder"));
      return GLOSS_EXIT_USAGE;
    }
  if (format != NULL && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0 &&
      g_strcmp0 (format, "csv") != 0)
    {
      gloss_cli_usage_error (context, _("Unknown format “%s”: use text, json or csv"), format);
      return GLOSS_EXIT_USAGE;
    }
  if (json && format != NULL && g_strcmp0 (format, "text") != 0)
    {
      gloss_cli_usage_error (context, _("--json is the report of --format text; give one of them"));
      return GLOSS_EXIT_USAGE;
    }
  if (table_id != NULL && g_strcmp0 (format, "csv") != 0)
    {
      gloss_cli_usage_error (context, _("--table needs --format csv"));
      return GLOSS_EXIT_USAGE;
    }
  if (table_id != NULL && !g_strv_contains ((const char * const[]) { "labels", "documents", "progress", "annotators",
                                                                     "cooccurrence", "agreement", NULL }, table_id))
    {
      gloss_cli_usage_error (context, _("Unknown table “%s”: use labels, documents, progress, annotators, "
                                        "cooccurrence or agreement"), table_id);
      return GLOSS_EXIT_USAGE;
    }
  if (format != NULL && (g_str_equal (format, "json") || g_str_equal (format, "csv")))
    tables = gloss_stats_new ();

  files = gloss_cli_collect (args, ".txt", roots, problems, &exit_code);
  if (files == NULL)
    return exit_code;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, NULL);

      gloss_cli_printerr ("gloss stats: %s\n", line);
      exit_code = GLOSS_EXIT_FAILURE;
    }

  for (Kind k = 0; k < N_KINDS; k++)
    {
      stats.columns[k].ids = g_ptr_array_new_with_free_func (g_free);
      stats.columns[k].known = g_hash_table_new (g_str_hash, g_str_equal);
    }
  stats.rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  row_init_counts (&stats.total);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = gloss_corpus_dup_id (g_ptr_array_index (roots, i), file);
      g_autofree char *id = gloss_corpus_escape_id (path);
      g_autofree char *display_id = json ? g_strdup (id) : gloss_cli_escape (id);
      GPtrArray *document_problems;

      document = gloss_document_load_fallback (file, NULL, encoding, NULL, &error);
      if (document == NULL)
        {
          gloss_cli_print_error ("gloss stats", file, error);
          exit_code = GLOSS_EXIT_FAILURE;
          continue;
        }

      /* Not counted while a merge's clashes wait in it */
      if (gloss_document_get_n_conflicts (document) > 0)
        {
          g_autoptr(GFile) json_file = gloss_document_dup_annotation_file (document);
          g_autofree char *name = gloss_cli_display_name (json_file);
          guint n = gloss_document_get_n_conflicts (document);

          gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                           "gloss stats: %s: %u clash of a merge waits to be resolved, so the "
                                           "file is not counted; “gloss validate” lists it\n",
                                           "gloss stats: %s: %u clashes of a merge wait to be resolved, so the "
                                           "file is not counted; “gloss validate” lists them\n", n),
                              name, n);
          exit_code = GLOSS_EXIT_FAILURE;
          continue;
        }

      /* A problem of another file, the project's, holds for every
       * document below it: said once */
      document_problems = gloss_document_get_problems (document);
      for (guint k = 0; k < document_problems->len; k++)
        {
          GlossProblem *problem = g_ptr_array_index (document_problems, k);
          g_autofree char *line = NULL;

          if (problem->file == NULL)
            continue;

          exit_code = GLOSS_EXIT_FAILURE;
          line = gloss_cli_problem_line (problem, NULL, NULL);
          if (g_hash_table_add (reported, g_strdup (line)))
            gloss_cli_printerr ("gloss stats: %s\n", line);
        }

      add_document (&stats, document, display_id);
      if (tables != NULL)
        gloss_stats_add_document (tables, document, id);
    }

  /* One folder of annotators' copies: their agreement too */
  if (tables != NULL && args[1] == NULL && g_file_test (args[0], G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (args[0]);
      g_autoptr(GPtrArray) copies = gloss_stats_find_copies (folder, NULL);

      if (copies != NULL)
        {
          g_autoptr(GlossAgreement) agreement = gloss_agreement_new (copies, NULL);

          gloss_agreement_compare (agreement, NULL, NULL, NULL);
          gloss_stats_add_agreement (tables, agreement);
        }
    }

  if (tables != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(GString) out = g_string_new (NULL);

      gloss_stats_append_json (tables, out);
      gloss_cli_print ("%s", out->str);
    }
  else if (tables != NULL)
    {
      const GlossStatsTable *table = gloss_stats_lookup_table (tables, table_id ? table_id : "labels");
      g_autoptr(GString) out = g_string_new (NULL);

      if (table == NULL)
        {
          gloss_cli_printerr (_("gloss stats: no agreement: the folder does not hold annotators’ copies "
                                "(two or more folders sharing texts)\n"));
          exit_code = GLOSS_EXIT_FAILURE;
        }
      else
        {
          gloss_stats_table_append_csv (table, out);
          gloss_cli_print ("%s", out->str);
        }
    }
  else if (json)
    print_json (&stats);
  else
    print_text (&stats);

  for (Kind k = 0; k < N_KINDS; k++)
    {
      g_hash_table_unref (stats.columns[k].known);
      g_ptr_array_unref (stats.columns[k].ids);
    }
  g_ptr_array_unref (stats.rows);
  row_clear_counts (&stats.total);
  g_free (stats.total.id);

  return exit_code;
}
