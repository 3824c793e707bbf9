/* gloss-dataset-card.c
 *
 * The data card (`README.md`) written beside an export: what is in it,
 * the label definitions and the meaning of every field. It is in English
 * and not translated, since a dataset travels between research groups;
 * and it carries no date, so that the same export gives the same card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "gloss-agreement.h"
#include "gloss-dataset-private.h"
#include "gloss-label.h"
#include "gloss-label-set.h"

/* Table cells must not break the table */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static guint
lookup_count (GHashTable *counts,
              const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

/* The same in every locale, so that the same export gives the same card */
static void
append_value (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (out, "n/a");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

static void
append_label_cell (GString    *out,
                   const char *label,
                   const char *all)
{
  if (label != NULL)
    g_string_append_printf (out, "| `%s` | ", label);
  else
    g_string_append_printf (out, "| %s | ", all);
}

/* The figures of a pair of annotators in the card's tables */
typedef enum
{
  SENTENCE_KAPPA,
  EXACT_F1,
  OVERLAP_F1,
  TOKEN_KAPPA,
  RELATION_F1,
} PairFigure;

static double
get_pair_figure (GlossAgreement *agreement,
                 PairFigure      figure,
                 const char     *label,
                 guint           a,
                 guint           b)
{
  switch (figure)
    {
    case SENTENCE_KAPPA:
      return gloss_agreement_counts_get_cohen_kappa (gloss_agreement_get_counts (agreement, label), a, b);
    case EXACT_F1:
      return gloss_agreement_matches_get_f1 (gloss_agreement_get_span_matches (agreement, label,
                                                                               GLOSS_AGREEMENT_MATCH_EXACT, a, b));
    case OVERLAP_F1:
      return gloss_agreement_matches_get_f1 (gloss_agreement_get_span_matches (agreement, label,
                                                                               GLOSS_AGREEMENT_MATCH_OVERLAP, a, b));
    case TOKEN_KAPPA:
      return gloss_agreement_counts_get_cohen_kappa (gloss_agreement_get_token_counts (agreement, label), a, b);
    case RELATION_F1:
    default:
      return gloss_agreement_matches_get_f1 (gloss_agreement_get_relation_matches (agreement, label, a, b));
    }
}

/* A figure of each pair, named when there are more than two annotators */
static void
append_pair_values (GString        *out,
                    GlossAgreement *agreement,
                    PairFigure      figure,
                    const char     *label)
{
  guint n = gloss_agreement_get_n_annotators (agreement);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        if (a > 0 || b > 1)
          g_string_append (out, "; ");
        if (n > 2)
          {
            append_cell (out, gloss_agreement_get_annotator (agreement, a));
            g_string_append (out, "–");
            append_cell (out, gloss_agreement_get_annotator (agreement, b));
            g_string_append_c (out, ' ');
          }
        append_value (out, get_pair_figure (agreement, figure, label, a, b));
      }
}

static void
append_agreement_row (GString                    *out,
                      GlossAgreement             *agreement,
                      const char                 *label,
                      const GlossAgreementCounts *counts)
{
  append_label_cell (out, label, "all labels");
  g_string_append_printf (out, "%u | ", gloss_agreement_counts_get_n_units (counts));
  append_value (out, gloss_agreement_counts_get_observed (counts));
  g_string_append (out, " | ");
  append_pair_values (out, agreement, SENTENCE_KAPPA, label);
  g_string_append (out, " | ");
  append_value (out, gloss_agreement_counts_get_fleiss_kappa (counts));
  g_string_append (out, " | ");
  append_value (out, gloss_agreement_counts_get_alpha (counts));
  g_string_append (out, " |\n");
}

/* "3 / 4": each annotator's, in the order of the annotators */
static void
append_per_annotator (GString        *out,
                      GlossAgreement *agreement,
                      guint         (*count) (GlossAgreement *, const char *, guint),
                      const char     *label)
{
  for (guint a = 0; a < gloss_agreement_get_n_annotators (agreement); a++)
    g_string_append_printf (out, "%s%u", a ? " / " : "", count (agreement, label, a));
}

static void
append_span_row (GString        *out,
                 GlossAgreement *agreement,
                 const char     *label)
{
  append_label_cell (out, label, "all span labels");
  append_per_annotator (out, agreement, gloss_agreement_get_n_spans, label);
  g_string_append (out, " | ");
  append_pair_values (out, agreement, EXACT_F1, label);
  g_string_append (out, " | ");
  append_pair_values (out, agreement, OVERLAP_F1, label);
  g_string_append (out, " | ");
  append_pair_values (out, agreement, TOKEN_KAPPA, label);
  g_string_append (out, " | ");
  append_value (out, gloss_agreement_counts_get_fleiss_kappa (gloss_agreement_get_token_counts (agreement, label)));
  g_string_append (out, " |\n");
}

static void
append_relation_row (GString        *out,
                     GlossAgreement *agreement,
                     const char     *label)
{
  append_label_cell (out, label, "all relation labels");
  append_per_annotator (out, agreement, gloss_agreement_get_n_relations, label);
  g_string_append (out, " | ");
  append_pair_values (out, agreement, RELATION_F1, label);
  g_string_append (out, " |\n");
}

/* Only when a compared document has spans, so that a card without them
 * stays as it was */
static void
append_span_agreement (GString        *out,
                       GlossAgreement *agreement)
{
  g_string_append_printf (out, "\n### Spans and relations\n\nSpans in the compared documents, per annotator: ");
  append_per_annotator (out, agreement, gloss_agreement_get_n_spans, NULL);
  g_string_append_printf (out, "; tokens: %u. F1 of the spans matched one to one for each pair of annotators: "
                               "exact, the same label and parts; overlap, the same label and an intersection "
                               "over union of the characters of at least 0.5, the largest first. Token κ: each "
                               "token (a run of letters and digits, or one other character) is in a span of the "
                               "label or not, for each annotator, as the Redewiedergabe corpus reports it.\n\n",
                          gloss_agreement_get_n_tokens (agreement));

  g_string_append (out, "| span label | spans | exact F1 | overlap F1 | token Cohen's κ | token Fleiss' κ |\n"
                        "| --- | ---: | --- | --- | --- | ---: |\n");
  for (guint l = 0; l < gloss_agreement_get_n_span_labels (agreement); l++)
    append_span_row (out, agreement, gloss_agreement_get_span_label (agreement, l));
  append_span_row (out, agreement, NULL);

  g_string_append (out, "\n| relation label | relations | F1 |\n"
                        "| --- | ---: | --- |\n");
  for (guint l = 0; l < gloss_agreement_get_n_relation_labels (agreement); l++)
    append_relation_row (out, agreement, gloss_agreement_get_relation_label (agreement, l));
  append_relation_row (out, agreement, NULL);

  g_string_append (out, "\nA relation matches one of the same label whose spans at both ends are overlap matches. "
                        "Precision and recall of each are in `gloss agree`. n/a: undefined (neither annotator has "
                        "a span of the label, say).\n");
}

static void
append_agreement (GString        *out,
                  GlossAgreement *agreement)
{
  guint n = gloss_agreement_get_n_annotators (agreement);
  guint unaligned = 0;

  g_string_append_printf (out, "\n## Agreement\n\nBetween %u annotators, each of whom labelled their own copy of the "
                               "texts: ", n);
  for (guint a = 0; a < n; a++)
    {
      g_string_append (out, a ? ", " : "");
      append_cell (out, gloss_agreement_get_annotator (agreement, a));
    }
  for (guint a = 0; a < n; a++)
    unaligned += gloss_agreement_get_n_unaligned (agreement, a);
  g_string_append_printf (out, ". Each sentence and label is one yes/no decision. Documents compared: %u; left out: "
                               "%u whose texts differ between the copies, %u held by fewer than two annotators. "
                               "Sentences compared: %u; sentences that another copy splits differently, not "
                               "compared: %u.\n\n",
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_COMPARED),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TEXTS_DIFFER),
                          gloss_agreement_count_documents (agreement, GLOSS_AGREEMENT_TOO_FEW),
                          gloss_agreement_get_n_units (agreement), unaligned);

  g_string_append (out, "| label | decisions | observed | Cohen's κ | Fleiss' κ | Krippendorff's α |\n"
                        "| --- | ---: | ---: | --- | ---: | ---: |\n");
  for (guint l = 0; l < gloss_agreement_get_n_labels (agreement); l++)
    {
      const char *label = gloss_agreement_get_label (agreement, l);

      append_agreement_row (out, agreement, label, gloss_agreement_get_counts (agreement, label));
    }
  append_agreement_row (out, agreement, NULL, gloss_agreement_get_counts (agreement, NULL));

  g_string_append (out, "\nObserved: the share of agreeing pairs of decisions. Cohen's κ is given for each pair of "
                        "annotators; Fleiss' κ uses the sentences every annotator decided; Krippendorff's α "
                        "(nominal) uses all, a document missing from a copy counting as missing data. "
                        "n/a: undefined, as there was no variation (a label that no annotator chose, say).\n");

  if (gloss_agreement_has_spans (agreement))
    append_span_agreement (out, agreement);
}

/* The labels of an export with spans: sentence and span labels in one
 * table, as they share their ids, and the relation labels in another */
static void
append_span_labels (GString                *out,
                    const GlossExportStats *stats)
{
  GlossLabelSet *relation_labels = gloss_label_set_get_relation_labels (stats->labels);

  g_string_append (out, "\n## Labels\n\nA sentence label applies to a whole sentence (`annotations`); a span label "
                        "to parts of the text (`spans`), with the attributes it declares; a relation label joins "
                        "two spans (`relations`), from a span of a label in *from* to one in *to*.\n\n"
                        "| id | name | scope | description | attributes | count |\n"
                        "| --- | --- | --- | --- | --- | ---: |\n");
  for (guint i = 0; i < gloss_label_set_get_n_labels (stats->labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (stats->labels, i);
      gboolean span = gloss_label_get_scope (label) == GLOSS_LABEL_SCOPE_SPAN;

      g_string_append_printf (out, "| `%s` | ", gloss_label_get_id (label));
      append_cell (out, gloss_label_get_display_name (label));
      g_string_append_printf (out, " | %s | ", span ? "span" : "sentence");
      append_cell (out, gloss_label_get_description (label));
      g_string_append (out, " | ");
      for (guint k = 0; k < gloss_label_get_n_attributes (label); k++)
        {
          g_autofree char *values = g_strjoinv ("`, `", (char **)gloss_label_get_attribute_values (label, k));

          g_string_append_printf (out, "%s`%s`: `%s`", k ? "; " : "", gloss_label_get_attribute_name (label, k),
                                  values);
        }
      g_string_append_printf (out, " | %u |\n",
                              lookup_count (span ? stats->span_counts : stats->label_counts, gloss_label_get_id (label)));
    }

  if (gloss_label_set_get_n_labels (relation_labels) == 0)
    return;

  g_string_append (out, "\n| relation label | name | description | from | to | count |\n"
                        "| --- | --- | --- | --- | --- | ---: |\n");
  for (guint i = 0; i < gloss_label_set_get_n_labels (relation_labels); i++)
    {
      GlossLabel *label = gloss_label_set_get_label (relation_labels, i);
      g_autofree char *from = g_strjoinv ("`, `", (char **)gloss_label_get_from (label));
      g_autofree char *to = g_strjoinv ("`, `", (char **)gloss_label_get_to (label));

      g_string_append_printf (out, "| `%s` | ", gloss_label_get_id (label));
      append_cell (out, gloss_label_get_display_name (label));
      g_string_append (out, " | ");
      append_cell (out, gloss_label_get_description (label));
      g_string_append_printf (out, " | `%s` | `%s` | %u |\n", from, to,
                              lookup_count (stats->relation_counts, gloss_label_get_id (label)));
    }
}

/* What the documents held that the format has no place for */
static void
append_not_carried (GString                  *out,
                    const GlossExportStats   *stats,
                    const GlossDatasetFormat *format)
{
  static const char * const what[GLOSS_DATASET_N_CARRIES] = {
    "sentences without a label",
    "notes",
    "annotations with an annotator's name",
    "annotations' times (given, changed)",
    "documents marked done",
    "documents' languages",
    "documents with metadata (kept from an import)",
    "spans",
    "relations",
  };
  gboolean any = FALSE;

  for (guint bit = 0; bit < GLOSS_DATASET_N_CARRIES; bit++)
    {
      if (stats->not_carried[bit] == 0)
        continue;

      if (!any)
        g_string_append_printf (out, "\n## Not in this export\n\n`%s` has no place for these; they stay in the "
                                     "annotation files (`.gloss.json`) of the corpus.\n\n"
                                     "| what | count |\n| --- | ---: |\n", format->name);
      g_string_append_printf (out, "| %s | %u |\n", what[bit], stats->not_carried[bit]);
      any = TRUE;
    }
}

char *
_gloss_dataset_card_build (const GlossExportStats   *stats,
                           const GlossDatasetFormat *format,
                           GlossOffsets              offsets,
                           const char * const       *filters,
                           GlossAgreement           *agreement)
{
  GString *out = g_string_new (NULL);
  guint n_labels = gloss_label_set_get_n_labels (stats->labels);

  g_string_append_printf (out, "# Data card\n\nExported by Gloss %s as `%s` (Gloss export version %d).\n\n",
                          PACKAGE_VERSION, format->name, GLOSS_EXPORT_VERSION);

  g_string_append (out, "## Contents\n\n| | count |\n| --- | ---: |\n");
  g_string_append_printf (out, "| documents | %u |\n| sentences | %u |\n", stats->n_documents, stats->n_sentences);
  {
    char share[G_ASCII_DTOSTR_BUF_SIZE];

    /* The card is English: a decimal point whatever the locale */
    g_ascii_formatd (share, sizeof share, "%.1f",
                     stats->n_sentences ? 100.0 * stats->n_labelled / stats->n_sentences : 0.0);
    g_string_append_printf (out, "| sentences with a label | %u (%s %%) |\n", stats->n_labelled, share);
  }
  g_string_append_printf (out, "| annotations | %u |\n", stats->n_annotations);
  if (stats->with_spans)
    g_string_append_printf (out, "| spans | %u |\n| relations | %u |\n", stats->n_spans, stats->n_relations);
  for (guint i = 0; i < stats->languages->len; i++)
    {
      const char *language = g_ptr_array_index (stats->languages, i);

      g_string_append_printf (out, "| documents in `%s` | %u |\n", language,
                              lookup_count (stats->language_counts, language));
    }

  g_string_append (out, "\nFilters: ");
  if (filters[0] == NULL)
    g_string_append (out, "none, every annotation of every valid document.\n");
  for (guint i = 0; filters[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", filters[i], filters[i + 1] ? "; " : ".\n");

  if (stats->with_spans)
    append_span_labels (out, stats);
  else
    {
      g_string_append (out, "\n## Labels\n\nA label applies to a whole sentence.\n\n"
                            "| id | name | description | annotations |\n| --- | --- | --- | ---: |\n");
      for (guint i = 0; i < n_labels; i++)
        {
          GlossLabel *label = gloss_label_set_get_label (stats->labels, i);

          g_string_append_printf (out, "| `%s` | ", gloss_label_get_id (label));
          append_cell (out, gloss_label_get_display_name (label));
          g_string_append (out, " | ");
          append_cell (out, gloss_label_get_description (label));
          g_string_append_printf (out, " | %u |\n", lookup_count (stats->label_counts, gloss_label_get_id (label)));
        }
    }
  for (guint i = 0; i < stats->label_ids->len; i++)
    {
      const char *id = g_ptr_array_index (stats->label_ids, i);

      /* Cannot happen for valid documents, but a count must never vanish */
      if (gloss_label_set_lookup (stats->labels, id) == NULL)
        g_string_append_printf (out, "| `%s` | | (not defined) | %u |\n", id, lookup_count (stats->label_counts, id));
    }

  if (stats->with_spans)
    g_string_append (out, "\n## Annotators\n\n| annotator | annotations | spans | relations |\n"
                          "| --- | ---: | ---: | ---: |\n");
  else
    g_string_append (out, "\n## Annotators\n\n| annotator | annotations |\n| --- | ---: |\n");
  for (guint i = 0; i < stats->annotators->len; i++)
    {
      const char *name = g_ptr_array_index (stats->annotators, i);

      g_string_append (out, "| ");
      append_cell (out, name[0] ? name : "(no name)");
      g_string_append_printf (out, " | %u", lookup_count (stats->annotator_counts, name));
      if (stats->with_spans)
        g_string_append_printf (out, " | %u | %u", lookup_count (stats->annotator_spans, name),
                                lookup_count (stats->annotator_relations, name));
      g_string_append (out, " |\n");
    }
  if (stats->annotators->len == 0)
    g_string_append (out, stats->with_spans ? "| (none) | 0 | 0 | 0 |\n" : "| (none) | 0 |\n");

  if (stats->document_annotators->len > 0)
    {
      g_string_append_printf (out, "\n%u document(s) hold annotations by several annotators: ",
                              stats->document_annotators->len);
      for (guint i = 0; i < stats->document_annotators->len; i++)
        g_string_append_printf (out, "%s`%s`", i ? ", " : "",
                                (char *)g_ptr_array_index (stats->document_annotators, i));
      g_string_append (out, ". They are not taken for independent double annotation: agreement is computed only "
                            "between separate copies of the corpus, one per annotator.\n");
    }

  if (stats->renamed->len > 0)
    {
      g_string_append_printf (out, "\n%u document id(s) are escaped, as their file names are not UTF-8 (or hold "
                                   "`%%` and two hex digits): each byte that is not UTF-8 is written as `%%XX`, "
                                   "and each `%%` as `%%25`: ", stats->renamed->len / 2);
      for (guint i = 1; i < stats->renamed->len; i += 2)
        g_string_append_printf (out, "%s`%s`", i > 1 ? ", " : "", (char *)g_ptr_array_index (stats->renamed, i));
      g_string_append (out, ". `gloss import` gives such an id its file name back.\n");
    }

  if (agreement != NULL)
    append_agreement (out, agreement);

  g_string_append (out, "\n## Format\n\n");
  g_string_append (out, format->card);
  for (guint i = 0; i < stats->card_notes->len; i++)
    g_string_append_printf (out, "\n%s\n", (const char *)g_ptr_array_index (stats->card_notes, i));
  if (offsets == GLOSS_OFFSETS_UTF16)
    g_string_append (out, "\nEvery offset counts UTF-16 code units, as JavaScript's strings and doccano's annotation "
                          "view do (exported with `--offsets utf16`, the default for this format): a character "
                          "beyond U+FFFF, such as the emoji 😊, counts two, and 👨‍👩‍👧 (three emoji joined) "
                          "counts eight. In JavaScript `text.slice(start, end)` is the span's text; in Python "
                          "`text.encode('utf-16-le')[2 * start:2 * end].decode('utf-16-le')` is, while "
                          "`text[start:end]` is only up to the first such character (export with "
                          "`--offsets codepoints` for Python's counting). Line ends are kept as in the original texts "
                          "(CRLF counts as two).\n");
  else
    g_string_append (out, "\nEvery offset counts Unicode code points, as Python's `str` does, so `text[start:end]` "
                          "is the span's text. Line ends are kept as in the original texts (CRLF counts as two).\n");

  append_not_carried (out, stats, format);

  return g_string_free (out, FALSE);
}
