/* gloss-cli-agree.c
 *
 * `gloss agree`: the agreement between annotators, each of whom labelled
 * their own copy of a corpus, per label, over all labels and per
 * document, as a table or as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-git.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-problem.h"

/* --- A plain text table -------------------------------------------------- */

typedef struct
{
  guint      n_columns;
  guint      n_left;      /* the first columns are text, left aligned */
  GPtrArray *rows;        /* GStrv */
} Table;

static void
table_init (Table *table,
            guint  n_columns,
            guint  n_left)
{
  table->n_columns = n_columns;
  table->n_left = n_left;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
}

/* Takes the cells, NULL-terminated, each newly allocated */
static void
table_add (Table *table,
           ...)
{
  GStrv row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *cell = va_arg (args, char *);

      if (cell == NULL)
        break;
      row[i] = cell;
    }
  va_end (args);

  for (guint i = 0; i < table->n_columns; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");

  g_ptr_array_add (table->rows, row);
}

static void
table_print (Table   *table,
             GString *out)
{
  g_autofree int *widths = g_new0 (int, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; i < table->n_columns; i++)
        widths[i] = MAX (widths[i], (int)g_utf8_strlen (row[i], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; i < table->n_columns; i++)
        {
          int pad = widths[i] - (int)g_utf8_strlen (row[i], -1);
          gboolean left = i < table->n_left;

          if (!left)
            for (int k = 0; k < pad; k++)
              g_string_append_c (out, ' ');
          g_string_append (out, row[i]);
          if (left)
            for (int k = 0; k < pad; k++)
              g_string_append_c (out, ' ');
          g_string_append (out, "  ");
        }

      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  g_ptr_array_unref (table->rows);
  table->rows = NULL;
}

/* --- Plain text ---------------------------------------------------------- */

/* A κ or α that is undefined (no variation, no data) is "n/a", never NaN */
static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup (_("n/a"));

  return g_strdup_printf ("%.3f", value);
}

static char *
format_uint (guint value)
{
  return g_strdup_printf ("%u", value);
}

/* Annotators go by letter in the tables, which stay narrow */
static char *
annotator_letter (guint position)
{
  if (position < 26)
    return g_strdup_printf ("%c", 'A' + position);

  return g_strdup_printf ("#%u", position + 1);
}

static char *
pair_name (guint a,
           guint b)
{
  g_autofree char *x = annotator_letter (a);
  g_autofree char *y = annotator_letter (b);

  return g_strdup_printf ("%s–%s", x, y);
}

static const char *
copy_reason (GlossAgreementCopy copy)
{
  switch (copy)
    {
    case GLOSS_AGREEMENT_COPY_MISSING:
      return _("missing");
    case GLOSS_AGREEMENT_COPY_NOT_ANNOTATED:
      return _("not annotated");
    case GLOSS_AGREEMENT_COPY_BROKEN:
      return _("broken");
    case GLOSS_AGREEMENT_COPY_OK:
    default:
      return "";
    }
}

static char *
describe_document (GlossAgreement               *agreement,
                   const GlossAgreementDocument *document)
{
  g_autoptr(GString) absent = g_string_new (NULL);
  const char *status;

  for (guint a = 0; a < gloss_agreement_get_n_annotators (agreement); a++)
    {
      g_autofree char *letter = NULL;

      if (document->copies[a] == GLOSS_AGREEMENT_COPY_OK)
        continue;

      letter = annotator_letter (a);
      g_string_append_printf (absent, "%s%s %s", absent->len ? ", " : "", letter, copy_reason (document->copies[a]));
    }

  switch (document->status)
    {
    case GLOSS_AGREEMENT_TEXTS_DIFFER:
      status = _("texts differ");
      break;
    case GLOSS_AGREEMENT_TOO_FEW:
      status = _("not compared");
      break;
    case GLOSS_AGREEMENT_COMPARED:
    default:
      status = _("compared");
      break;
    }

  if (absent->len == 0)
    return g_strdup (status);

  return g_strdup_printf ("%s (%s)", status, absent->str);
}

static void
add_summary_row (Table                      *table,
                 const char                 *name,
                 const GlossAgreementCounts *counts)
{
  table_add (table, g_strdup (name),
             format_uint (gloss_agreement_counts_get_n_units (counts)),
             format_uint (gloss_agreement_counts_get_n_complete (counts)),
             format_value (gloss_agreement_counts_get_observed (counts)),
             format_value (gloss_agreement_counts_get_fleiss_kappa (counts)),
             format_value (gloss_agreement_counts_get_alpha (counts)),
             NULL);
}

static void
add_pair_rows (Table                      *table,
               const char                 *name,
               const GlossAgreementCounts *counts)
{
  guint n = gloss_agreement_counts_get_n_annotators (counts);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        const guint *cells = gloss_agreement_counts_get_pair_table (counts, a, b);

        table_add (table, g_strdup (name), pair_name (a, b),
                   format_uint (gloss_agreement_counts_get_pair_n_units (counts, a, b)),
                   format_value (gloss_agreement_counts_get_pair_observed (counts, a, b)),
                   format_value (gloss_agreement_counts_get_cohen_kappa (counts, a, b)),
                   format_uint (cells[0]), format_uint (cells[1]), format_uint (cells[2]), format_uint (cells[3]),
                   NULL);
      }
}

/* The figures of yes/no decisions per label, as two tables: the
 * coefficients of all annotators, and Cohen's κ with the 2×2 table of each
 * pair. Sentences and labels, or tokens and span labels. */
typedef struct
{
  const char                  *units;      /* the column of the units */
  const char                  *cells[4];   /* the 2×2 table's columns */
  const char                  *all;        /* the row of all labels */
  guint                      (*get_n_labels) (GlossAgreement *);
  const char                *(*get_label)    (GlossAgreement *, guint);
  const GlossAgreementCounts *(*get_counts)  (GlossAgreement *, const char *);
} CountsTables;

static void
print_counts_tables (GString            *out,
                     GlossAgreement     *agreement,
                     const CountsTables *what,
                     const char         *pairs_title)
{
  guint n_labels = what->get_n_labels (agreement);
  Table table;

  table_init (&table, 6, 1);
  table_add (&table, g_strdup (_("Label")), g_strdup (what->units), g_strdup (_("Complete")),
             g_strdup (_("Observed")), g_strdup (_("Fleiss κ")), g_strdup (_("Krippendorff α")), NULL);
  for (guint l = 0; l < n_labels; l++)
    {
      const char *label = what->get_label (agreement, l);

      add_summary_row (&table, label, what->get_counts (agreement, label));
    }
  add_summary_row (&table, what->all, what->get_counts (agreement, NULL));
  table_print (&table, out);

  g_string_append_printf (out, "\n%s\n", pairs_title);
  table_init (&table, 9, 2);
  table_add (&table, g_strdup (_("Label")), g_strdup (_("Pair")), g_strdup (what->units),
             g_strdup (_("Observed")), g_strdup (_("Cohen κ")), g_strdup (what->cells[0]), g_strdup (what->cells[1]),
             g_strdup (what->cells[2]), g_strdup (what->cells[3]), NULL);
  for (guint l = 0; l < n_labels; l++)
    {
      const char *label = what->get_label (agreement, l);

      add_pair_rows (&table, label, what->get_counts (agreement, label));
    }
  add_pair_rows (&table, what->all, what->get_counts (agreement, NULL));
  table_print (&table, out);
}

static void
add_match_row (Table                       *table,
               const char                  *label,
               guint                        a,
               guint                        b,
               const char                  *kind,
               const GlossAgreementMatches *matches)
{
  table_add (table, g_strdup (label), pair_name (a, b), g_strdup (kind),
             format_uint (matches->matched), format_uint (matches->only_a), format_uint (matches->only_b),
             format_value (gloss_agreement_matches_get_precision (matches)),
             format_value (gloss_agreement_matches_get_recall (matches)),
             format_value (gloss_agreement_matches_get_f1 (matches)),
             NULL);
}

static void
add_span_match_rows (Table          *table,
                     GlossAgreement *agreement,
                     const char     *label,
                     const char     *name)
{
  guint n = gloss_agreement_get_n_annotators (agreement);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        add_match_row (table, name, a, b, C_("match", "exact"),
                       gloss_agreement_get_span_matches (agreement, label, GLOSS_AGREEMENT_MATCH_EXACT, a, b));
        add_match_row (table, name, a, b, C_("match", "overlap"),
                       gloss_agreement_get_span_matches (agreement, label, GLOSS_AGREEMENT_MATCH_OVERLAP, a, b));
      }
}

static void
add_relation_match_rows (Table          *table,
                         GlossAgreement *agreement,
                         const char     *label,
                         const char     *name)
{
  guint n = gloss_agreement_get_n_annotators (agreement);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        const GlossAgreementMatches *matches = gloss_agreement_get_relation_matches (agreement, label, a, b);

        table_add (table, g_strdup (name), pair_name (a, b),
                   format_uint (matches->matched), format_uint (matches->only_a), format_uint (matches->only_b),
                   format_value (gloss_agreement_matches_get_precision (matches)),
                   format_value (gloss_agreement_matches_get_recall (matches)),
                   format_value (gloss_agreement_matches_get_f1 (matches)),
                   NULL);
      }
}

/* "A 10, B 12": how many each annotator has in the compared documents */
static void
append_per_annotator (GString        *out,
                      GlossAgreement *agreement,
                      guint         (*count) (GlossAgreement *, const char *, guint))
{
  for (guint a = 0; a < gloss_agreement_get_n_annotators (agreement); a++)
    {
      g_autofree char *letter = annotator_letter (a);

      g_string_append_printf (out, "%s%s %u", a ? ", " : "", letter, count (agreement, NULL, a));
    }
}

/* The sections of spans and relations, only when a document has spans */
static void
print_spans_text (GlossAgreement *agreement,
                  GString        *out)
{
  const char *all_span_labels = _("All span labels");
  const char *all_relation_labels = _("All relation labels");
  const CountsTables tokens = {
    _("Tokens"), { _("in/in"), _("in/out"), _("out/in"), _("out/out") }, all_span_labels,
    gloss_agreement_get_n_span_labels, gloss_agreement_get_span_label, gloss_agreement_get_token_counts,
  };
  Table table;

  g_string_append_printf (out, "\n%s ", _("Spans in the compared documents:"));
  append_per_annotator (out, agreement, gloss_agreement_get_n_spans);
  g_string_append_printf (out, _("; tokens: %u"), gloss_agreement_get_n_tokens (agreement));
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "\n%s\n%s\n",
                          _("Spans matched one to one, with the same label: exact, the same parts; overlap, an "
                            "intersection over union of the characters of at least 0.5, the largest first."),
                          _("The first of each pair is the reference: precision is the share of the second’s "
                            "spans matched, recall the share of the first’s."));
  table_init (&table, 9, 3);
  table_add (&table, g_strdup (_("Label")), g_strdup (_("Pair")), g_strdup (_("Match")), g_strdup (_("Matched")),
             g_strdup (_("Only first")), g_strdup (_("Only second")), g_strdup (_("Precision")),
             g_strdup (_("Recall")), g_strdup (_("F1")), NULL);
  for (guint l = 0; l < gloss_agreement_get_n_span_labels (agreement); l++)
    {
      const char *label = gloss_agreement_get_span_label (agreement, l);

      add_span_match_rows (&table, agreement, label, label);
    }
  add_span_match_rows (&table, agreement, NULL, all_span_labels);
  table_print (&table, out);

  g_string_append_printf (out, "\n%s\n%s\n",
                          _("Each token and span label is one yes/no decision: is the token in a span of the label? "
                            "A token is a run of letters and digits, or one other character."),
                          _("Fleiss’ κ uses the tokens every annotator decided (Complete); Krippendorff’s α "
                            "uses all."));
  print_counts_tables (out, agreement, &tokens,
                       _("Cohen’s κ on the tokens and the 2×2 table per pair of annotators (in/out: the first has "
                         "the token in a span, the second not)"));

  g_string_append_printf (out, "\n%s ", _("Relations in the compared documents:"));
  append_per_annotator (out, agreement, gloss_agreement_get_n_relations);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "\n%s\n",
                          _("A relation matches one of the same label whose spans at both ends are the overlap "
                            "matches of its own; the first of each pair is the reference."));
  table_init (&table, 8, 2);
  table_add (&table, g_strdup (_("Label")), g_strdup (_("Pair")), g_strdup (_("Matched")),
             g_strdup (_("Only first")), g_strdup (_("Only second")), g_strdup (_("Precision")),
             g_strdup (_("Recall")), g_strdup (_("F1")), NULL);
  for (guint l = 0; l < gloss_agreement_get_n_relation_labels (agreement); l++)
    {
      const char *label = gloss_agreement_get_relation_label (agreement, l);

      add_relation_match_rows (&table, agreement, label, label);
    }
  add_relation_match_rows (&table, agreement, NULL, all_relation_labels);
  table_print (&table, out);
}

static void
print_text (GlossAgreement *agreement)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = gloss_agreement_get_n_annotators (agreement);
  const char *all_labels = _("All labels");
  const CountsTables sentences = {
    _("Decisions"), { _("yes/yes"), _("yes/no"), _("no/yes"), _("no/no") }, all_labels,
    gloss_agreement_get_n_labels, gloss_agreement_get_label, gloss_agreement_get_counts,
  };
  gboolean any_missing = FALSE;
  Table table;

  g_string_append_printf (out, "%s\n", _("Annotators:"));
  for (guint a = 0; a < n; a++)
    {
      g_autofree char *letter = annotator_letter (a);
      g_autofree char *name = gloss_cli_escape (gloss_agreement_get_annotator (agreement, a));

      g_string_append_printf (out, "  %s  %s\n", letter, name);
    }

  g_string_append_printf (out, "\n%s ", _("Documents:"));
  g_string_append_printf (out, _("%u compared, %u with different texts, %u held by fewer than two annotators"),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_COMPARED),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TEXTS_DIFFER),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TOO_FEW));
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "%s ", _("Documents missing or unusable per annotator:"));
  for (guint a = 0; a < n; a++)
    {
      g_autofree char *letter = annotator_letter (a);
      guint absent = gloss_agreement_get_n_documents (agreement) -
                     gloss_agreement_count_copies (agreement, a, GLOSS_AGREEMENT_COPY_OK);

      any_missing |= absent > 0;
      g_string_append_printf (out, "%s%s %u", a ? ", " : "", letter, absent);
    }
  g_string_append_c (out, '\n');

  g_string_append_printf (out, _("Sentences compared: %u; sentences not aligned with another copy:"),
                          gloss_agreement_get_n_units (agreement));
  for (guint a = 0; a < n; a++)
    {
      g_autofree char *letter = annotator_letter (a);

      g_string_append_printf (out, "%s %s %u", a ? "," : "", letter, gloss_agreement_get_n_unaligned (agreement, a));
    }
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "%s\n%s\n",
                          _("Each sentence and label is one yes/no decision. Observed: the share of agreeing pairs."),
                          _("Fleiss’ κ uses the sentences every annotator decided (Complete); Krippendorff’s α "
                            "uses all."));
  print_counts_tables (out, agreement, &sentences,
                       _("Cohen’s κ and the 2×2 table per pair of annotators (yes/no: the first said yes, the "
                         "second no)"));

  g_string_append_printf (out, "\n%s\n", _("Per document, all labels pooled"));
  table_init (&table, 7, 2);
  table_add (&table, g_strdup (_("Document")), g_strdup (_("Status")), g_strdup (_("Sentences")),
             g_strdup (_("Not aligned")), g_strdup (_("Observed")), g_strdup (_("Fleiss κ")),
             g_strdup (_("Krippendorff α")), NULL);
  for (guint d = 0; d < gloss_agreement_get_n_documents (agreement); d++)
    {
      const GlossAgreementDocument *document = gloss_agreement_get_document (agreement, d);
      g_autofree char *escaped = gloss_corpus_escape_id (document->id);
      g_autofree char *id = gloss_cli_escape (escaped);
      guint unaligned = 0;

      for (guint a = 0; a < n; a++)
        unaligned += document->unaligned[a];

      if (document->counts == NULL)
        {
          table_add (&table, g_strdup (id), describe_document (agreement, document), NULL);
          continue;
        }

      table_add (&table, g_strdup (id), describe_document (agreement, document),
                 format_uint (document->n_units), format_uint (unaligned),
                 format_value (gloss_agreement_counts_get_observed (document->counts)),
                 format_value (gloss_agreement_counts_get_fleiss_kappa (document->counts)),
                 format_value (gloss_agreement_counts_get_alpha (document->counts)),
                 NULL);
    }
  table_print (&table, out);

  if (gloss_agreement_has_spans (agreement))
    print_spans_text (agreement, out);

  if (any_missing)
    g_string_append_printf (out, "\n%s\n",
                            _("A document missing from a copy, not annotated in it or broken there counts as "
                              "missing data: the other annotators are still compared."));

  gloss_cli_print ("%s", out->str);
}

/* --- JSON ---------------------------------------------------------------- */

/* Locale-independent, fixed precision, null when undefined: the same
 * input gives the same bytes */
static void
append_json_value (GString *out,
                   double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

/* The figures of spans and relations: every digit that reads back, so
 * that a script can check them */
static void
append_json_exact (GString *out,
                   double   value)
{
  gloss_json_append_double (out, value);
}

static void
append_json_counts_with (GString                    *out,
                         GlossAgreement             *agreement,
                         const GlossAgreementCounts *counts,
                         void                      (*append_number) (GString *, double))
{
  guint n = gloss_agreement_counts_get_n_annotators (counts);
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"decisions\": %u, \"complete\": %u, \"observed\": ",
                          gloss_agreement_counts_get_n_units (counts),
                          gloss_agreement_counts_get_n_complete (counts));
  append_number (out, gloss_agreement_counts_get_observed (counts));
  g_string_append (out, ", \"fleiss_kappa\": ");
  append_number (out, gloss_agreement_counts_get_fleiss_kappa (counts));
  g_string_append (out, ", \"krippendorff_alpha\": ");
  append_number (out, gloss_agreement_counts_get_alpha (counts));
  g_string_append (out, ", \"pairs\": [");

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        const guint *cells = gloss_agreement_counts_get_pair_table (counts, a, b);

        g_string_append (out, first ? "{\"annotators\": [" : ", {\"annotators\": [");
        first = FALSE;
        gloss_json_append_string (out, gloss_agreement_get_annotator (agreement, a));
        g_string_append (out, ", ");
        gloss_json_append_string (out, gloss_agreement_get_annotator (agreement, b));
        g_string_append_printf (out, "], \"decisions\": %u, \"observed\": ",
                                gloss_agreement_counts_get_pair_n_units (counts, a, b));
        append_number (out, gloss_agreement_counts_get_pair_observed (counts, a, b));
        g_string_append (out, ", \"cohen_kappa\": ");
        append_number (out, gloss_agreement_counts_get_cohen_kappa (counts, a, b));
        g_string_append_printf (out, ", \"table\": {\"yes_yes\": %u, \"yes_no\": %u, \"no_yes\": %u, \"no_no\": %u}}",
                                cells[0], cells[1], cells[2], cells[3]);
      }

  g_string_append (out, "]}");
}

static void
append_json_counts (GString                    *out,
                    GlossAgreement             *agreement,
                    const GlossAgreementCounts *counts)
{
  append_json_counts_with (out, agreement, counts, append_json_value);
}

/* The members, without the braces */
static void
append_json_match_members (GString                     *out,
                           const GlossAgreementMatches *matches)
{
  g_string_append_printf (out, "\"matched\": %u, \"only_a\": %u, \"only_b\": %u, \"precision\": ",
                          matches->matched, matches->only_a, matches->only_b);
  append_json_exact (out, gloss_agreement_matches_get_precision (matches));
  g_string_append (out, ", \"recall\": ");
  append_json_exact (out, gloss_agreement_matches_get_recall (matches));
  g_string_append (out, ", \"f1\": ");
  append_json_exact (out, gloss_agreement_matches_get_f1 (matches));
}

static void
append_json_matches (GString                     *out,
                     const GlossAgreementMatches *matches)
{
  g_string_append_c (out, '{');
  append_json_match_members (out, matches);
  g_string_append_c (out, '}');
}

static void
append_json_pair_names (GString        *out,
                        GlossAgreement *agreement,
                        guint           a,
                        guint           b)
{
  g_string_append (out, "{\"annotators\": [");
  gloss_json_append_string (out, gloss_agreement_get_annotator (agreement, a));
  g_string_append (out, ", ");
  gloss_json_append_string (out, gloss_agreement_get_annotator (agreement, b));
  g_string_append (out, "], ");
}

/* {"MEMBER": [how many each annotator has], "pairs": [ */
static void
append_json_counts_head (GString        *out,
                         GlossAgreement *agreement,
                         const char     *member,
                         guint         (*count) (GlossAgreement *, const char *, guint),
                         const char     *label)
{
  g_string_append_printf (out, "{\"%s\": [", member);
  for (guint a = 0; a < gloss_agreement_get_n_annotators (agreement); a++)
    g_string_append_printf (out, "%s%u", a ? ", " : "", count (agreement, label, a));
  g_string_append (out, "], \"pairs\": [");
}

/* One span label's figures, or all of them for NULL */
static void
append_json_span_label (GString        *out,
                        GlossAgreement *agreement,
                        const char     *label)
{
  guint n = gloss_agreement_get_n_annotators (agreement);

  append_json_counts_head (out, agreement, "spans", gloss_agreement_get_n_spans, label);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        if (a > 0 || b > 1)
          g_string_append (out, ", ");
        append_json_pair_names (out, agreement, a, b);
        g_string_append (out, "\"exact\": ");
        append_json_matches (out, gloss_agreement_get_span_matches (agreement, label, GLOSS_AGREEMENT_MATCH_EXACT,
                                                                    a, b));
        g_string_append (out, ", \"overlap\": ");
        append_json_matches (out, gloss_agreement_get_span_matches (agreement, label, GLOSS_AGREEMENT_MATCH_OVERLAP,
                                                                    a, b));
        g_string_append_c (out, '}');
      }
  g_string_append (out, "], \"tokens\": ");
  append_json_counts_with (out, agreement, gloss_agreement_get_token_counts (agreement, label), append_json_exact);
  g_string_append_c (out, '}');
}

static void
append_json_relation_label (GString        *out,
                            GlossAgreement *agreement,
                            const char     *label)
{
  guint n = gloss_agreement_get_n_annotators (agreement);

  append_json_counts_head (out, agreement, "relations", gloss_agreement_get_n_relations, label);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        const GlossAgreementMatches *matches = gloss_agreement_get_relation_matches (agreement, label, a, b);

        if (a > 0 || b > 1)
          g_string_append (out, ", ");
        append_json_pair_names (out, agreement, a, b);
        append_json_match_members (out, matches);
        g_string_append_c (out, '}');
      }
  g_string_append (out, "]}");
}

/* One of "spans" and "relations": its labels, the figures of all of them
 * and those of each */
static void
append_json_section (GString        *out,
                     GlossAgreement *agreement,
                     const char     *member,
                     const char     *more,
                     guint         (*get_n_labels) (GlossAgreement *),
                     const char   *(*get_label)    (GlossAgreement *, guint),
                     void          (*append_label) (GString *, GlossAgreement *, const char *))
{
  guint n_labels = get_n_labels (agreement);

  g_string_append_printf (out, ",\n\"%s\": {\"labels\": [", member);
  for (guint l = 0; l < n_labels; l++)
    {
      g_string_append (out, l ? ", " : "");
      gloss_json_append_string (out, get_label (agreement, l));
    }
  g_string_append_printf (out, "]%s,\n  \"overall\": ", more);
  append_label (out, agreement, NULL);
  g_string_append (out, ",\n  \"per_label\": {");
  for (guint l = 0; l < n_labels; l++)
    {
      const char *label = get_label (agreement, l);

      g_string_append (out, l ? ",\n    " : "\n    ");
      gloss_json_append_string (out, label);
      g_string_append (out, ": ");
      append_label (out, agreement, label);
    }
  g_string_append (out, n_labels ? "\n  }}" : "}}");
}

/* "spans" and "relations", only when a document has spans */
static void
append_json_spans (GString        *out,
                   GlossAgreement *agreement)
{
  g_autofree char *tokens = g_strdup_printf (", \"tokens\": %u", gloss_agreement_get_n_tokens (agreement));

  append_json_section (out, agreement, "spans", tokens, gloss_agreement_get_n_span_labels,
                       gloss_agreement_get_span_label, append_json_span_label);
  append_json_section (out, agreement, "relations", "", gloss_agreement_get_n_relation_labels,
                       gloss_agreement_get_relation_label, append_json_relation_label);
}

static const char *
copy_json_name (GlossAgreementCopy copy)
{
  switch (copy)
    {
    case GLOSS_AGREEMENT_COPY_MISSING:
      return "missing";
    case GLOSS_AGREEMENT_COPY_NOT_ANNOTATED:
      return "not_annotated";
    case GLOSS_AGREEMENT_COPY_BROKEN:
      return "broken";
    case GLOSS_AGREEMENT_COPY_OK:
    default:
      return "ok";
    }
}

static const char *
status_json_name (GlossAgreementStatus status)
{
  switch (status)
    {
    case GLOSS_AGREEMENT_TEXTS_DIFFER:
      return "texts_differ";
    case GLOSS_AGREEMENT_TOO_FEW:
      return "too_few_copies";
    case GLOSS_AGREEMENT_COMPARED:
    default:
      return "compared";
    }
}

static void
print_json (GlossAgreement *agreement)
{
  g_autoptr(GString) out = g_string_new ("{\"annotators\": [");
  guint n = gloss_agreement_get_n_annotators (agreement);

  for (guint a = 0; a < n; a++)
    {
      g_string_append (out, a ? ",\n  {\"name\": " : "\n  {\"name\": ");
      gloss_json_append_string (out, gloss_agreement_get_annotator (agreement, a));
      g_string_append_printf (out, ", \"missing\": %u, \"not_annotated\": %u, \"broken\": %u, \"unaligned\": %u}",
                              gloss_agreement_count_copies (agreement, a, GLOSS_AGREEMENT_COPY_MISSING),
                              gloss_agreement_count_copies (agreement, a, GLOSS_AGREEMENT_COPY_NOT_ANNOTATED),
                              gloss_agreement_count_copies (agreement, a, GLOSS_AGREEMENT_COPY_BROKEN),
                              gloss_agreement_get_n_unaligned (agreement, a));
    }

  g_string_append (out, "],\n\"labels\": [");
  for (guint l = 0; l < gloss_agreement_get_n_labels (agreement); l++)
    {
      g_string_append (out, l ? ", " : "");
      gloss_json_append_string (out, gloss_agreement_get_label (agreement, l));
    }

  g_string_append_printf (out, "],\n\"documents\": {\"total\": %u, \"compared\": %u, \"texts_differ\": %u, "
                               "\"too_few_copies\": %u},\n\"sentences\": %u,\n\"overall\": ",
                          gloss_agreement_get_n_documents (agreement),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_COMPARED),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TEXTS_DIFFER),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TOO_FEW),
                          gloss_agreement_get_n_units (agreement));
  append_json_counts (out, agreement, gloss_agreement_get_counts (agreement, NULL));

  g_string_append (out, ",\n\"per_label\": {");
  for (guint l = 0; l < gloss_agreement_get_n_labels (agreement); l++)
    {
      const char *label = gloss_agreement_get_label (agreement, l);

      g_string_append (out, l ? ",\n  " : "\n  ");
      gloss_json_append_string (out, label);
      g_string_append (out, ": ");
      append_json_counts (out, agreement, gloss_agreement_get_counts (agreement, label));
    }

  g_string_append (out, gloss_agreement_get_n_labels (agreement) ? "\n},\n\"per_document\": [" : "},\n\"per_document\": [");
  for (guint d = 0; d < gloss_agreement_get_n_documents (agreement); d++)
    {
      const GlossAgreementDocument *document = gloss_agreement_get_document (agreement, d);
      g_autofree char *id = gloss_corpus_escape_id (document->id);

      g_string_append (out, d ? ",\n  {\"id\": " : "\n  {\"id\": ");
      gloss_json_append_string (out, id);
      g_string_append_printf (out, ", \"status\": \"%s\", \"copies\": [", status_json_name (document->status));
      for (guint a = 0; a < n; a++)
        g_string_append_printf (out, "%s\"%s\"", a ? ", " : "", copy_json_name (document->copies[a]));
      g_string_append_printf (out, "], \"sentences\": %u, \"unaligned\": [", document->n_units);
      for (guint a = 0; a < n; a++)
        g_string_append_printf (out, "%s%u", a ? ", " : "", document->unaligned[a]);
      g_string_append (out, "], \"agreement\": ");
      if (document->counts != NULL)
        append_json_counts (out, agreement, document->counts);
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }

  g_string_append (out, gloss_agreement_get_n_documents (agreement) ? "\n]" : "]");
  if (gloss_agreement_has_spans (agreement))
    append_json_spans (out, agreement);
  g_string_append (out, "}\n");

  gloss_cli_print ("%s", out->str);
}

/* --- The command --------------------------------------------------------- */

/* The annotator's name is the folder as the user wrote it */
static char *
dup_annotator_name (const char *arg)
{
  g_autofree char *trimmed = g_strdup (arg);
  gsize length = strlen (trimmed);

  while (length > 1 && trimmed[length - 1] == G_DIR_SEPARATOR)
    trimmed[--length] = '\0';

  return g_filename_display_name (trimmed);
}

/* What follows the comparison: the problems, the figures, and whether any
 * document was compared at all */
static int
report (GlossAgreement *agreement,
        GPtrArray      *problems,
        gboolean        json,
        gboolean        revisions)
{
  int exit_code = GLOSS_EXIT_OK;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gloss_cli_problem_line (g_ptr_array_index (problems, i), NULL, "$");

      gloss_cli_printerr ("gloss agree: %s\n", line);
      exit_code = GLOSS_EXIT_FAILURE;
    }

  if (json)
    print_json (agreement);
  else
    print_text (agreement);

  /* Figures of nothing are no agreement: a script must not take them */
  if (gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_COMPARED) == 0)
    {
      if (gloss_agreement_get_n_documents (agreement) == 0 && revisions)
        gloss_cli_printerr (_("gloss agree: no document was compared: the revisions hold no texts (.txt) at the "
                              "path given\n"));
      else if (gloss_agreement_get_n_documents (agreement) == 0)
        gloss_cli_printerr (_("gloss agree: no document was compared: the folders hold no texts (.txt)\n"));
      else if (revisions)
        gloss_cli_printerr (_("gloss agree: no document was compared: of %u, %u are held (annotated and without "
                              "problems) at fewer than two revisions and %u have different texts at the "
                              "revisions; documents are matched by their path at each revision\n"),
                            gloss_agreement_get_n_documents (agreement),
                            gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TOO_FEW),
                            gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TEXTS_DIFFER));
      else
        gloss_cli_printerr (_("gloss agree: no document was compared: of %u, %u are held (annotated and without "
                              "problems) by fewer than two annotators and %u have different texts in the copies; "
                              "documents are matched by their path in each folder\n"),
                            gloss_agreement_get_n_documents (agreement),
                            gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TOO_FEW),
                            gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TEXTS_DIFFER));
      exit_code = GLOSS_EXIT_FAILURE;
    }

  return exit_code;
}

/* An error of git: a path or revision that does not exist, or a path
 * outside any work tree, is the user's (usage); git failing is not */
static int
print_git_error (const GError *error)
{
  g_autofree char *message = gloss_cli_escape (error->message);

  gloss_cli_printerr ("gloss agree: %s\n", message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    return GLOSS_EXIT_USAGE;

  return GLOSS_EXIT_FAILURE;
}

/* `gloss agree --git-rev A --git-rev B [PATH]` */
static int
agree_revisions (GOptionContext *context,
                 GStrv           revisions,
                 const char     *path,
                 guint           n_args,
                 gboolean        json,
                 GStrv           labels)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GlossGit) git = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_revisions = g_strv_length (revisions);

  if (n_revisions < 2)
    {
      gloss_cli_usage_error (context, _("Give --git-rev two or more times, one revision per annotator"));
      return GLOSS_EXIT_USAGE;
    }

  if (n_revisions > GLOSS_AGREEMENT_MAX_ANNOTATORS)
    {
      gloss_cli_usage_error (context, _("Give at most %d revisions"), GLOSS_AGREEMENT_MAX_ANNOTATORS);
      return GLOSS_EXIT_USAGE;
    }

  if (n_args > 1)
    {
      gloss_cli_usage_error (context, _("With --git-rev, give at most one PATH: the folder or text in the work tree "
                                        "to compare at each revision"));
      return GLOSS_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (path ? path : ".");
  git = gloss_git_open (file, NULL, &error);
  if (git == NULL)
    return print_git_error (error);

  agreement = gloss_agreement_new_for_revisions (git, (const char * const *)revisions, NULL);
  gloss_agreement_set_labels (agreement, (const char * const *)labels);
  if (!gloss_agreement_compare (agreement, problems, NULL, &error))
    return print_git_error (error);

  return report (agreement, problems, json, TRUE);
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) revisions = NULL;
  gboolean json = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  guint n_args;
  GOptionEntry entries[] = {
    gloss_cli_json_entry (&json),
    gloss_cli_label_entry (&labels),
    { "git-rev", 0, 0, G_OPTION_ARG_STRING_ARRAY, &revisions,
      N_("Compare the annotation files at this git revision (a branch, tag or commit), without checking it out; "
         "give it once per annotator, and at most one PATH in the work tree (default: the current folder)"),
      N_("REV") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("PATH_A PATH_B [PATH…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Compares annotators who labelled the same texts, each in their own copy of the "
                                  "corpus (a folder per annotator). Documents are matched by their path in the "
                                  "folder and must have the same text; each sentence and label is one yes/no "
                                  "decision. Prints the observed agreement, Cohen’s κ for each pair, Fleiss’ κ and "
                                  "Krippendorff’s α, per label, over all labels and per document. With --git-rev, "
                                  "each annotator’s copy is a git revision instead (a branch, say), read from the "
                                  "repository without checking it out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code))
    return exit_code;

  n_args = args ? g_strv_length (args) : 0;
  if (revisions != NULL)
    {
      if (!gloss_cli_check_labels (context, labels, &exit_code))
        return exit_code;
      return agree_revisions (context, revisions, n_args ? args[0] : NULL, n_args, json, labels);
    }

  if (n_args < 2)
    {
      gloss_cli_usage_error (context, _("Give two or more folders, one per annotator"));
      return GLOSS_EXIT_USAGE;
    }

  if (n_args > GLOSS_AGREEMENT_MAX_ANNOTATORS)
    {
      gloss_cli_usage_error (context, _("Give at most %d folders"), GLOSS_AGREEMENT_MAX_ANNOTATORS);
      return GLOSS_EXIT_USAGE;
    }

  if (!gloss_cli_check_labels (context, labels, &exit_code))
    return exit_code;

  for (guint i = 0; i < n_args; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (args[i]);
      GFileType type = g_file_query_file_type (root, G_FILE_QUERY_INFO_NONE, NULL);
      g_autofree char *name = dup_annotator_name (args[i]);

      if (type == G_FILE_TYPE_UNKNOWN)
        {
          g_autofree char *shown = gloss_cli_escape (name);

          gloss_cli_printerr (_("%s: %s: No such file or folder\n"), g_get_prgname (), shown);
          return GLOSS_EXIT_USAGE;
        }

      if (type != G_FILE_TYPE_DIRECTORY)
        {
          gloss_cli_usage_error (context, _("%s is not a folder: give each annotator’s copy of the corpus as a folder"),
                                 name);
          return GLOSS_EXIT_USAGE;
        }

      g_ptr_array_add (roots, g_steal_pointer (&root));
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_add (names, NULL);

  agreement = gloss_agreement_new (roots, (const char * const *)names->pdata);
  gloss_agreement_set_labels (agreement, (const char * const *)labels);
  if (!gloss_agreement_compare (agreement, problems, NULL, &error))
    {
      g_autofree char *message = gloss_cli_escape (error->message);

      gloss_cli_printerr ("gloss agree: %s\n", message);
      return GLOSS_EXIT_FAILURE;
    }

  return report (agreement, problems, json, FALSE);
}
