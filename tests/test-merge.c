/* test-merge.c
 *
 * The three-way merge of annotation files (issue 15): its rules, its
 * clashes in the file's `conflicts`, resolving them, bad input. The sides
 * are the German interview of tests/data/export-spans (CR LF, „…“, 😊)
 * edited as a person would edit the file, so each case says exactly what
 * changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-merge.h"
#include "gloss-problem.h"
#include "gloss-reanchor.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"

typedef struct
{
  GlossText *text;      /* the interview */
  GlossText *changed;   /* the interview with a new first sentence */
  char      *base;      /* its annotation file */
} Fixture;

static Fixture fixture;

static GlossText *
find_text (const char *sha256,
           gpointer    user_data)
{
  if (g_strcmp0 (sha256, gloss_text_get_sha256 (fixture.text)) == 0)
    return g_object_ref (fixture.text);
  if (g_strcmp0 (sha256, gloss_text_get_sha256 (fixture.changed)) == 0)
    return g_object_ref (fixture.changed);

  return NULL;
}

/* @base with each OLD replaced by NEW (NULL-terminated pairs); each OLD
 * must be there exactly once */
static char *
edit (const char *base,
      ...)
{
  GString *out = g_string_new (base);
  const char *old;
  va_list args;

  va_start (args, base);
  while ((old = va_arg (args, const char *)) != NULL)
    {
      const char *replacement = va_arg (args, const char *);
      char *at = strstr (out->str, old);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, old));
      g_string_erase (out, at - out->str, strlen (old));
      g_string_insert (out, at - out->str, replacement);
    }
  va_end (args);

  return g_string_free (out, FALSE);
}

/* The document's file as Gloss writes it, with the text's name a
 * document parsed from bytes lacks */
static GBytes *
serialize_named (GlossDocument *document)
{
  g_autoptr(GBytes) written = gloss_format_serialize (document);
  g_autofree char *copy = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  char *named = edit (copy, "\"file\": \"\"", "\"file\": \"interview.txt\"", NULL);

  return g_bytes_new_take (named, strlen (named));
}

static GBytes *
merge_strings (const char  *base,
               const char  *ours,
               const char  *theirs,
               guint       *n_conflicts,
               GError     **error)
{
  g_autoptr(GBytes) b = g_bytes_new (base, base ? strlen (base) : 0);
  g_autoptr(GBytes) o = g_bytes_new (ours, strlen (ours));
  g_autoptr(GBytes) t = g_bytes_new (theirs, strlen (theirs));

  return gloss_merge_files (b, o, t, "interview.txt", find_text, NULL, NULL, n_conflicts, error);
}

/* Merges, checks that the result loads without problems, and that the
 * same merge gives the same bytes again */
static GlossDocument *
merge_ok (const char *base,
          const char *ours,
          const char *theirs,
          guint       expected_conflicts,
          GBytes    **bytes_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  GlossDocument *document;
  guint n_conflicts = 99, n_again = 98;

  bytes = merge_strings (base, ours, theirs, &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n_conflicts, ==, expected_conflicts);

  again = merge_strings (base, ours, theirs, &n_again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_cmpuint (n_again, ==, n_conflicts);

  document = gloss_format_parse (fixture.text, "interview.txt", g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), NULL, NULL);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, expected_conflicts);

  /* What it holds is written back the same (a document parsed from bytes
   * has no file, so no name) */
  {
    g_autoptr(GBytes) written = gloss_format_serialize (document);
    g_autofree char *named = NULL;
    g_autofree char *copy = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));

    named = edit (copy, "\"file\": \"\"", "\"file\": \"interview.txt\"", NULL);
    g_assert_cmpmem (named, strlen (named), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }

  if (bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);

  return document;
}

static GlossSpan *
span_labelled (GlossDocument *document,
               const char    *label,
               guint          start)
{
  GListModel *spans = gloss_document_get_spans (document);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      if (g_strcmp0 (gloss_span_get_label (span), label) == 0 && gloss_span_get_start (span) == start)
        return span;
    }

  return NULL;
}

static void
assert_ids_unique (GlossDocument *document)
{
  g_autoptr(GHashTable) spans = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) relations = g_hash_table_new (NULL, NULL);
  GListModel *model = gloss_document_get_spans (document);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (model, i);

      g_assert_true (g_hash_table_add (spans, GUINT_TO_POINTER (gloss_span_get_id (span))));
    }
  model = gloss_document_get_relations (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (model, i);

      g_assert_true (g_hash_table_add (relations, GUINT_TO_POINTER (gloss_relation_get_id (relation))));
    }
}

#define SPAN1_NOTE "\"note\": \"Zitat über zwei Sätze 😊\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:30:00Z\""
#define SPAN1_ATTRIBUTES "\"attributes\": {\"type\": \"direct\", \"medium\": \"speech\"}"
#define SPAN6_LINE "    {\"id\": 6, \"label\": \"quote\", \"parts\": [[189, 217]]"
#define RELATION6_LINE ",\n    {\"id\": 6, \"label\": \"cue\", \"from\": 6, \"to\": 8, \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:00:00Z\"}"
#define SPAN5_LINE "    {\"id\": 5, \"label\": \"speaker\", \"parts\": [[90, 102]], \"text\": [\"Anna Schmidt\"], \"attributes\": {}, \"note\": \"nur der Name\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:30:00Z\"},\n"
#define RELATION4_LINE "    {\"id\": 4, \"label\": \"speaker\", \"from\": 1, \"to\": 5, \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:00:00Z\"},\n"
#define RELATION3_NOTE "\"note\": \"Rahmen, „so“\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:30:00Z\""
#define SENTENCE1_LINE "{\"id\": 1, \"start\": 31, \"end\": 115}"
#define CLAIM_LINE "    {\"id\": 1, \"label\": \"claim\""
#define CLAIM_FULL CLAIM_LINE ", \"start\": 172, \"end\": 218, \"sentence\": 4, \"text\": \"Der Verkehrsclub kritisierte die Pläne scharf.\", \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:00:00Z\"}"

static void
test_identical (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, fixture.base, fixture.base, 0, &bytes);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), fixture.base, strlen (fixture.base));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);
}

/* Each side changes other things: all of it is kept */
static void
test_clean (void)
{
  g_autofree char *ours = edit (fixture.base,
                                SPAN1_NOTE, "\"note\": \"Zitat über zwei Sätze 😊 (geprüft)\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"",
                                RELATION6_LINE, "",
                                SPAN6_LINE, "    {\"id\": 9, \"label\": \"cue\", \"parts\": [[0, 4]], \"text\": [\"Neue\"], \"attributes\": {}, \"note\": \"„ours“\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T09:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"},\n" SPAN6_LINE,
                                NULL);
  g_autofree char *theirs = edit (fixture.base,
                                  SPAN1_ATTRIBUTES, "\"attributes\": {\"type\": \"direct\", \"medium\": \"writing\"}",
                                  "\"done\": false", "\"done\": true",
                                  SPAN6_LINE, "    {\"id\": 9, \"label\": \"speaker\", \"parts\": [[5, 11]], \"text\": [\"Regeln\"], \"attributes\": {}, \"note\": \"theirs\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T09:10:00Z\", \"modified\": \"2026-12-02T09:10:00Z\"},\n" SPAN6_LINE,
                                  "\"modified\": \"2026-12-02T08:00:00Z\"}\n  ],\n  \"spans\"",
                                  "\"modified\": \"2026-12-02T08:00:00Z\"},\n    {\"id\": 2, \"label\": \"claim\", \"start\": 0, \"end\": 27, \"sentence\": 0, \"text\": \"Neue Regeln für E-Scooter 😊\", \"note\": \"Überschrift\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T09:10:00Z\", \"modified\": \"2026-12-02T09:10:00Z\"}\n  ],\n  \"spans\"",
                                  NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 0, NULL);
  GlossSpan *quote = gloss_document_lookup_span (document, 1);
  GlossSpan *cue = span_labelled (document, "cue", 0);
  GlossSpan *speaker = span_labelled (document, "speaker", 5);

  /* Both changes of span 1, the later time, the annotator of the later */
  g_assert_cmpstr (gloss_span_get_note (quote), ==, "Zitat über zwei Sätze 😊 (geprüft)");
  g_assert_cmpstr (gloss_span_get_attribute (quote, "medium"), ==, "writing");
  g_assert_cmpstr (gloss_span_get_modified (quote), ==, "2026-12-02T09:00:00Z");

  /* Ours keeps id 9; theirs' 9 goes past every id either side had */
  g_assert_nonnull (cue);
  g_assert_cmpuint (gloss_span_get_id (cue), ==, 9);
  g_assert_nonnull (speaker);
  g_assert_cmpuint (gloss_span_get_id (speaker), ==, 10);
  g_assert_cmpstr (gloss_span_get_part_text (speaker, 0), ==, "Regeln");

  g_assert_null (gloss_document_lookup_relation (document, 6));
  g_assert_nonnull (gloss_document_lookup_relation (document, 5));
  g_assert_true (gloss_document_get_done (document));
  g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (document, 0), "claim"));
  g_assert_cmpstr (gloss_document_get_note (document, 0), ==, "Überschrift");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, 5);
  assert_ids_unique (document);
}

/* New spans and a relation between them on both sides: ids stay unique
 * and the relation follows its spans' new ids; the same new span on both
 * sides is one */
static void
test_renumber (void)
{
  const char *quote_line = "    {\"id\": 9, \"label\": \"quote\", \"parts\": [[0, 11]], \"text\": [\"Neue Regeln\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T09:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"},\n";
  const char *relations_end = "\"to\": 8, \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:00:00Z\"}\n  ]";
  g_autofree char *ours_spans = g_strconcat (quote_line, SPAN6_LINE, NULL);
  g_autofree char *theirs_spans = g_strconcat (quote_line,
                                               "    {\"id\": 10, \"label\": \"speaker\", \"parts\": [[12, 15]], \"text\": [\"für\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T09:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"},\n",
                                               SPAN6_LINE, NULL);
  g_autofree char *ours = edit (fixture.base, SPAN6_LINE, ours_spans, NULL);
  g_autofree char *theirs = edit (fixture.base, SPAN6_LINE, theirs_spans,
                                  relations_end,
                                  "\"to\": 8, \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T08:00:00Z\"},\n    {\"id\": 7, \"label\": \"speaker\", \"from\": 9, \"to\": 10, \"note\": \"\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T09:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"}\n  ]",
                                  NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 0, NULL);
  GlossSpan *quote = span_labelled (document, "quote", 0);
  GlossSpan *speaker = span_labelled (document, "speaker", 12);
  GlossRelation *relation;

  g_assert_cmpuint (gloss_span_get_id (quote), ==, 9);   /* one span, not two */
  g_assert_cmpuint (gloss_span_get_id (speaker), ==, 10); /* ours never had 10 */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 10);
  relation = gloss_document_lookup_relation (document, 7);
  g_assert_nonnull (relation);
  g_assert_cmpuint (gloss_relation_get_from (relation), ==, 9);
  g_assert_cmpuint (gloss_relation_get_to (relation), ==, 10);
  assert_ids_unique (document);

  /* The other way round: ours had 10, so theirs' 10 is renumbered and the
   * relation follows it */
  {
    g_autoptr(GlossDocument) swapped = merge_ok (fixture.base, theirs, ours, 0, NULL);

    g_assert_cmpuint (gloss_span_get_id (span_labelled (swapped, "speaker", 12)), ==, 10);
    g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (swapped)), ==, 7);
  }

  /* Theirs adds a span with id 10 too, elsewhere: it moves to 11 */
  {
    g_autofree char *other_spans = g_strconcat ("    {\"id\": 10, \"label\": \"cue\", \"parts\": [[16, 25]], \"text\": [\"E-Scooter\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"Cem\", \"created\": \"2026-12-02T09:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"},\n", SPAN6_LINE, NULL);
    g_autofree char *other = edit (fixture.base, SPAN6_LINE, other_spans, NULL);
    g_autoptr(GlossDocument) both = merge_ok (fixture.base, theirs, other, 0, NULL);
    GlossSpan *moved = span_labelled (both, "cue", 16);

    g_assert_cmpuint (gloss_span_get_id (moved), ==, 11);
    g_assert_cmpuint (gloss_span_get_id (span_labelled (both, "speaker", 12)), ==, 10);
    g_assert_cmpuint (gloss_relation_get_to (gloss_document_lookup_relation (both, 7)), ==, 10);
    assert_ids_unique (both);
  }
}

typedef struct
{
  const char             *name;
  const char             *ours_old, *ours_new;
  const char             *ours_old2, *ours_new2;
  const char             *theirs_old, *theirs_new;
  GlossMergeConflictKind  kind;
  guint                   id;
  const char             *key;
  gboolean                ours_null, theirs_null;
  guint                   n_more;  /* clashes the same change also made */
} Clash;

static const Clash clashes[] = {
  { "both changed a span's note",
    SPAN1_NOTE, "\"note\": \"ours\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"", NULL, NULL,
    SPAN1_NOTE, "\"note\": \"theirs\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:30:00Z\"",
    GLOSS_MERGE_CONFLICT_SPAN, 1, NULL, FALSE, FALSE },
  { "both changed an attribute",
    SPAN1_ATTRIBUTES, "\"attributes\": {\"type\": \"indirect\", \"medium\": \"speech\"}", NULL, NULL,
    SPAN1_ATTRIBUTES, "\"attributes\": {\"type\": \"reported\", \"medium\": \"speech\"}",
    GLOSS_MERGE_CONFLICT_SPAN, 1, NULL, FALSE, FALSE },
  { "ours deleted a span theirs changed",
    SPAN5_LINE, "", RELATION4_LINE, "",
    "\"note\": \"nur der Name\"", "\"note\": \"Name\"",
    GLOSS_MERGE_CONFLICT_SPAN, 5, NULL, TRUE, FALSE },
  { "ours deleted a relation theirs changed",
    "    {\"id\": 3, \"label\": \"frame\", \"from\": 1, \"to\": 2, " RELATION3_NOTE "},\n", "", NULL, NULL,
    RELATION3_NOTE, "\"note\": \"Rahmen\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"",
    GLOSS_MERGE_CONFLICT_RELATION, 3, NULL, TRUE, FALSE },
  { "both changed a sentence's note",
    "scharf.\", \"note\": \"\"", "scharf.\", \"note\": \"ours\"", NULL, NULL,
    "scharf.\", \"note\": \"\"", "scharf.\", \"note\": \"theirs\"",
    GLOSS_MERGE_CONFLICT_NOTE, 4, NULL, FALSE, FALSE },
  { "both moved a boundary differently",
    SENTENCE1_LINE, "{\"id\": 1, \"start\": 31, \"end\": 67},\n    {\"id\": 5, \"start\": 68, \"end\": 115}", NULL, NULL,
    SENTENCE1_LINE, "{\"id\": 1, \"start\": 31, \"end\": 73},\n    {\"id\": 5, \"start\": 74, \"end\": 115}",
    GLOSS_MERGE_CONFLICT_SENTENCE, 1, NULL, FALSE, FALSE, 1 },
  { "a label of the set changed differently",
    "\"description\": \"A statement presented as fact that could be checked.\"", "\"description\": \"ours\"", NULL, NULL,
    "\"description\": \"A statement presented as fact that could be checked.\"", "\"description\": \"theirs\"",
    GLOSS_MERGE_CONFLICT_LABEL, 0, "claim", FALSE, FALSE },
  { "ours removed a label theirs marked for review",
    "\"annotations\": [\n" CLAIM_FULL "\n  ]", "\"annotations\": []", NULL, NULL,
    "\"modified\": \"2026-12-02T08:00:00Z\"}\n  ],\n  \"spans\"", "\"modified\": \"2026-12-02T08:00:00Z\", \"review\": true}\n  ],\n  \"spans\"",
    GLOSS_MERGE_CONFLICT_ANNOTATION, 4, "claim", TRUE, FALSE },
  { "both set a member of meta differently",
    "\n}\n", ",\n  \"meta\": {\"url\":\"https://example.org/a\"}\n}\n", NULL, NULL,
    "\n}\n", ",\n  \"meta\": {\"url\":\"https://example.org/b\"}\n}\n",
    GLOSS_MERGE_CONFLICT_META, 0, "url", FALSE, FALSE },
};

static void
test_clashes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (clashes); i++)
    {
      const Clash *clash = &clashes[i];
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossDocument) by_theirs = NULL;
      g_autoptr(GError) error = NULL;
      const GlossMergeConflict *conflict;

      g_test_message ("%s", clash->name);
      if (clash->ours_old2 != NULL)
        ours = edit (fixture.base, clash->ours_old, clash->ours_new, clash->ours_old2, clash->ours_new2, NULL);
      else
        ours = edit (fixture.base, clash->ours_old, clash->ours_new, NULL);
      theirs = edit (fixture.base, clash->theirs_old, clash->theirs_new, NULL);

      document = merge_ok (fixture.base, ours, theirs, 1 + clash->n_more, NULL);
      conflict = gloss_document_get_conflict (document, 0);
      g_assert_cmpint (conflict->kind, ==, clash->kind);
      g_assert_cmpuint (conflict->id, ==, clash->id);
      g_assert_cmpstr (conflict->key, ==, clash->key);
      g_assert_true ((conflict->ours == NULL) == clash->ours_null);
      g_assert_true ((conflict->theirs == NULL) == clash->theirs_null);

      /* validate's lines: one each, both versions in short */
      {
        g_autoptr(GPtrArray) problems = gloss_document_dup_conflict_problems (document);

        g_assert_cmpuint (problems->len, ==, 1 + clash->n_more);
      }

      /* Taking ours gives our file; taking theirs (where the document can
       * take it) theirs, both without "conflicts" */
      {
        g_autoptr(GBytes) resolved = NULL;
        g_autoptr(GlossDocument) reread = NULL;

        while (gloss_document_get_n_conflicts (document) > 0)
          {
            g_assert_true (gloss_document_resolve_conflict (document, 0, GLOSS_MERGE_TAKE_OURS, NULL, &error));
            g_assert_no_error (error);
          }
        g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);
        resolved = serialize_named (document);
        g_assert_null (g_strstr_len (g_bytes_get_data (resolved, NULL), g_bytes_get_size (resolved), "\"conflicts\""));
        reread = gloss_format_parse (fixture.text, "interview.txt", g_bytes_get_data (resolved, NULL),
                                     g_bytes_get_size (resolved), NULL, NULL);
        g_assert_cmpuint (gloss_document_get_problems (reread)->len, ==, 0);
        if (clash->kind != GLOSS_MERGE_CONFLICT_LABEL)
          g_assert_cmpmem (g_bytes_get_data (resolved, NULL), g_bytes_get_size (resolved), ours, strlen (ours));
      }

      by_theirs = merge_ok (fixture.base, ours, theirs, 1 + clash->n_more, NULL);
      if (clash->kind == GLOSS_MERGE_CONFLICT_SENTENCE)
        {
          /* Their boundaries, made by a split and a merge as in the
           * window: [31, 73) and [74, 115) */
          g_assert_cmpuint (gloss_document_get_n_conflicts (by_theirs), ==, 2);
          g_assert_cmpint (gloss_document_get_conflict (by_theirs, 1)->kind, ==, GLOSS_MERGE_CONFLICT_SENTENCE);
          g_assert_null (gloss_document_get_conflict (by_theirs, 1)->ours);
          while (gloss_document_get_n_conflicts (by_theirs) > 0)
            {
              g_assert_true (gloss_document_resolve_conflict (by_theirs, 0, GLOSS_MERGE_TAKE_THEIRS, NULL, &error));
              g_assert_no_error (error);
            }
          g_assert_cmpuint (gloss_document_get_n_sentences (by_theirs), ==, 6);
          g_assert_cmpuint (gloss_sentence_get_start (gloss_document_get_sentence (by_theirs, 1)), ==, 31);
          g_assert_cmpuint (gloss_sentence_get_end (gloss_document_get_sentence (by_theirs, 1)), ==, 73);
          g_assert_cmpuint (gloss_sentence_get_start (gloss_document_get_sentence (by_theirs, 2)), ==, 74);
          g_assert_cmpuint (gloss_sentence_get_end (gloss_document_get_sentence (by_theirs, 2)), ==, 115);
          g_assert_true (gloss_document_undo (by_theirs));
          continue;
        }

      g_assert_true (gloss_document_resolve_conflict (by_theirs, 0, GLOSS_MERGE_TAKE_THEIRS, NULL, &error));
      g_assert_no_error (error);
      if (clash->kind == GLOSS_MERGE_CONFLICT_SPAN || clash->kind == GLOSS_MERGE_CONFLICT_RELATION ||
          clash->kind == GLOSS_MERGE_CONFLICT_META)
        {
          g_autoptr(GBytes) resolved = serialize_named (by_theirs);
          g_autofree char *expected = NULL;

          /* Theirs: span 5's relation 4, which ours deleted only with the
           * span, stayed with it */
          expected = g_strdup (theirs);
          g_assert_cmpmem (g_bytes_get_data (resolved, NULL), g_bytes_get_size (resolved), expected,
                           strlen (expected));
        }
    }
}

/* A resolution is one step of the history */
static void
test_resolve_undo (void)
{
  g_autofree char *ours = edit (fixture.base, SPAN1_NOTE, "\"note\": \"ours\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"", NULL);
  g_autofree char *theirs = edit (fixture.base, SPAN1_NOTE, "\"note\": \"theirs\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:30:00Z\"", NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 1, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (document, 1)), ==, "ours");

  /* An edited version that the file could not hold is refused */
  g_assert_false (gloss_document_resolve_conflict (document, 0, GLOSS_MERGE_TAKE_EDITED,
                                                   "{\"id\": 1, \"label\": \"quote\", \"parts\": [[32, 65]], \"text\": [\"falsch\"]}",
                                                   &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 1);

  g_assert_true (gloss_document_resolve_conflict (document, 0, GLOSS_MERGE_TAKE_EDITED,
                                                  "{\"id\": 1, \"label\": \"quote\", \"parts\": [[32, 65]], \"text\": [\"Wir wollen die Gehwege freihalten\"], \"note\": \"beides\"}",
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (document, 1)), ==, "beides");
  g_assert_cmpuint (gloss_span_get_n_parts (gloss_document_lookup_span (document, 1)), ==, 1);
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);

  /* Undo brings the clash back with the span */
  g_assert_true (gloss_document_undo (document));
  g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (document, 1)), ==, "ours");
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 1);
  g_assert_cmpstr (gloss_document_get_conflict (document, 0)->theirs, ==,
                   "{\"id\":1,\"label\":\"quote\",\"parts\":[[32,65],[117,169]],\"text\":[\"Wir wollen die Gehwege freihalten\",\"Die Roller stehen überall im Weg. Das muss aufhören.\"],\"attributes\":{\"type\":\"direct\",\"medium\":\"speech\"},\"note\":\"theirs\",\"annotator\":\"Bea\",\"created\":\"2026-12-02T08:00:00Z\",\"modified\":\"2026-12-02T09:30:00Z\"}");
  g_assert_true (gloss_document_redo (document));
  g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (document, 1)), ==, "beides");
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);

  /* A failed resolution changes nothing and records nothing */
  g_assert_true (gloss_document_undo (document));
  g_assert_false (gloss_document_resolve_conflict (document, 0, GLOSS_MERGE_TAKE_EDITED, "[1]", &error));
  g_clear_error (&error);
  g_assert_true (gloss_document_redo (document));
  g_assert_cmpuint (gloss_document_get_n_conflicts (document), ==, 0);
}

/* The base with Ada's claim on the sentence [start, end) of @id, before
 * the claim the base has */
static char *
with_claim (guint id,
            guint start,
            guint end)
{
  g_autofree char *sentence = gloss_text_dup_slice (fixture.text, start, end);
  g_autofree char *annotation = g_strdup_printf ("    {\"id\": 2, \"label\": \"claim\", \"start\": %u, \"end\": %u, "
                                                 "\"sentence\": %u, \"text\": \"%s\", \"note\": \"\", "
                                                 "\"annotator\": \"Ada\", \"created\": \"2026-12-02T09:00:00Z\", "
                                                 "\"modified\": \"2026-12-02T09:00:00Z\"},\n" CLAIM_LINE,
                                                 start, end, id, sentence);

  return edit (fixture.base, CLAIM_LINE, annotation, NULL);
}

/* One side split a sentence, the other labelled it: the label stays on
 * both parts, marked for review, as a split in the window leaves it */
static void
test_split_and_label (void)
{
  g_autofree char *ours = with_claim (1, 31, 115);
  g_autofree char *theirs = edit (fixture.base, SENTENCE1_LINE,
                                  "{\"id\": 1, \"start\": 31, \"end\": 67},\n    {\"id\": 5, \"start\": 68, \"end\": 115}", NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 0, NULL);
  GlossSentence *first, *second;

  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 6);
  first = gloss_document_get_sentence (document, 1);
  second = gloss_document_get_sentence (document, 2);
  g_assert_cmpuint (gloss_sentence_get_id (first), ==, 1);
  g_assert_cmpuint (gloss_sentence_get_end (first), ==, 67);
  g_assert_cmpuint (gloss_sentence_get_id (second), ==, 5);
  g_assert_true (gloss_sentence_has_label (first, "claim"));
  g_assert_true (gloss_sentence_has_label (second, "claim"));
  g_assert_true (gloss_annotation_get_review (gloss_sentence_find_label (first, "claim")));
  g_assert_cmpstr (gloss_annotation_get_text (gloss_sentence_find_label (second, "claim")), ==,
                   "sagte Bürgermeisterin Anna Schmidt am Dienstag.");

  /* And the other way round */
  {
    g_autoptr(GlossDocument) swapped = merge_ok (fixture.base, theirs, ours, 0, NULL);

    g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (swapped, 2), "claim"));
  }
}

/* One side merged two sentences, the other labelled the second: the
 * label goes to the merged sentence, marked for review */
static void
test_merge_and_label (void)
{
  g_autofree char *ours = with_claim (3, 151, 170);
  g_autofree char *theirs = edit (fixture.base, "{\"id\": 2, \"start\": 116, \"end\": 150},\n    {\"id\": 3, \"start\": 151, \"end\": 170}",
                                  "{\"id\": 2, \"start\": 116, \"end\": 170}", NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 0, NULL);
  GlossSentence *merged = gloss_document_get_sentence (document, 2);
  GlossAnnotation *claim;

  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 4);
  g_assert_cmpuint (gloss_sentence_get_id (merged), ==, 2);
  claim = gloss_sentence_find_label (merged, "claim");
  g_assert_nonnull (claim);
  g_assert_true (gloss_annotation_get_review (claim));
  g_assert_cmpuint (gloss_annotation_get_end (claim), ==, 170);
}

/* One side deleted a label of the set (and its annotation), the other
 * used it anew: a clash, and the label stays while it waits */
static void
test_label_deleted_and_used (void)
{
  g_autofree char *ours = with_claim (0, 0, 27);
  g_autofree char *theirs = edit (fixture.base,
                                  "\"annotations\": [\n" CLAIM_FULL "\n  ]", "\"annotations\": []",
                                  "    {\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\", \"key\": \"k\", \"description\": \"A statement presented as fact that could be checked.\"},\n", "",
                                  NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 1, NULL);
  const GlossMergeConflict *conflict = gloss_document_get_conflict (document, 0);

  g_assert_cmpint (conflict->kind, ==, GLOSS_MERGE_CONFLICT_LABEL);
  g_assert_cmpstr (conflict->key, ==, "claim");
  g_assert_nonnull (conflict->ours);
  g_assert_null (conflict->theirs);
  g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (document, 0), "claim"));
  /* Their deletion of the old annotation is kept */
  g_assert_false (gloss_sentence_has_label (gloss_document_get_sentence (document, 4), "claim"));

  /* Taking theirs deletes the label with what uses it */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_document_resolve_conflict (document, 0, GLOSS_MERGE_TAKE_THEIRS, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (gloss_label_set_lookup (gloss_document_get_labels (document), "claim"));
    g_assert_cmpuint (gloss_document_get_n_annotated (document), ==, 0);
  }
}

static GlossSpan *
suggested_span (guint       id,
                const char *label,
                guint       start,
                guint       end)
{
  GlossRange part = { start, end };
  g_autofree char *text = gloss_text_dup_slice (fixture.text, start, end);
  const char *texts[] = { text, NULL };
  GlossSpan *span = gloss_span_new (id, label, &part, 1, texts);

  gloss_span_set_origin (span, "suggested", "gloss-suggest 1");

  return span;
}

/* Suggestions: the union of both sides', without what either accepted
 * or rejected */
static void
test_suggestions (void)
{
  g_autoptr(GlossDocument) ours_doc = gloss_format_parse (fixture.text, "interview.txt", fixture.base,
                                                          strlen (fixture.base), NULL, NULL);
  g_autoptr(GlossDocument) theirs_doc = gloss_format_parse (fixture.text, "interview.txt", fixture.base,
                                                            strlen (fixture.base), NULL, NULL);
  g_autoptr(GPtrArray) ours_spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) theirs_spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) no_relations = g_ptr_array_new ();
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_string = NULL;
  g_autofree char *theirs_string = NULL;
  GPtrArray *pending;

  /* Ours: "Neue" and "Regeln"; theirs: "Regeln", "E-Scooter" (rejected)
   * and "Schmidt"'s sentence's word at 47 (accepted) */
  g_ptr_array_add (ours_spans, suggested_span (0, "speaker", 0, 4));
  g_ptr_array_add (ours_spans, suggested_span (1, "speaker", 5, 11));
  g_assert_cmpuint (gloss_document_set_suggestions (ours_doc, ours_spans, no_relations, NULL), ==, 2);
  g_ptr_array_add (theirs_spans, suggested_span (0, "speaker", 5, 11));
  g_ptr_array_add (theirs_spans, suggested_span (1, "speaker", 16, 25));
  g_ptr_array_add (theirs_spans, suggested_span (2, "speaker", 47, 54));
  g_assert_cmpuint (gloss_document_set_suggestions (theirs_doc, theirs_spans, no_relations, NULL), ==, 3);
  g_assert_true (gloss_document_accept_suggestion (theirs_doc, 2, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_document_reject_suggestion (theirs_doc, 1, &error));
  g_assert_no_error (error);

  ours = gloss_format_serialize (ours_doc);
  theirs = gloss_format_serialize (theirs_doc);
  {
    g_autofree char *a = g_strndup (g_bytes_get_data (ours, NULL), g_bytes_get_size (ours));
    g_autofree char *b = g_strndup (g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs));

    /* Parsed from bytes, the documents had no name */
    ours_string = edit (a, "\"file\": \"\"", "\"file\": \"interview.txt\"", NULL);
    theirs_string = edit (b, "\"file\": \"\"", "\"file\": \"interview.txt\"", NULL);
  }
  document = merge_ok (fixture.base, ours_string, theirs_string, 0, NULL);

  pending = gloss_suggestions_get_spans (gloss_document_get_suggestions (document));
  g_assert_cmpuint (pending->len, ==, 2);
  g_assert_cmpuint (gloss_span_get_start (g_ptr_array_index (pending, 0)), ==, 0);
  g_assert_cmpuint (gloss_span_get_start (g_ptr_array_index (pending, 1)), ==, 5);
  g_assert_cmpuint (gloss_suggestions_get_rejected (gloss_document_get_suggestions (document))->len, ==, 1);
  g_assert_nonnull (span_labelled (document, "speaker", 47));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 9);
}

/* Both add a label with the same key: theirs is kept without it, and
 * the clash says so */
static void
test_label_keys (void)
{
  const char *last = "\"scope\": \"span\"}\n  ],\n  \"relation_labels\"";
  g_autofree char *ours = edit (fixture.base, last, "\"scope\": \"span\"},\n    {\"id\": \"evidence\", \"name\": \"Evidence\", \"color\": \"#2ec27e\", \"key\": \"e\", \"description\": \"\"}\n  ],\n  \"relation_labels\"", NULL);
  g_autofree char *theirs = edit (fixture.base, last, "\"scope\": \"span\"},\n    {\"id\": \"example\", \"name\": \"Example\", \"color\": \"#2ec27e\", \"key\": \"e\", \"description\": \"\"}\n  ],\n  \"relation_labels\"", NULL);
  g_autoptr(GlossDocument) document = merge_ok (fixture.base, ours, theirs, 1, NULL);
  GlossLabelSet *labels = gloss_document_get_labels (document);
  const GlossMergeConflict *conflict = gloss_document_get_conflict (document, 0);

  g_assert_cmpstr (gloss_label_get_key (gloss_label_set_lookup (labels, "evidence")), ==, "e");
  g_assert_cmpstr (gloss_label_get_key (gloss_label_set_lookup (labels, "example")), ==, "");
  g_assert_cmpint (conflict->kind, ==, GLOSS_MERGE_CONFLICT_LABEL);
  g_assert_cmpstr (conflict->key, ==, "example");
  g_assert_null (conflict->ours);
  g_assert_nonnull (strstr (conflict->theirs, "\"key\":\"e\""));

  /* Resolved with a key of its own */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_document_resolve_conflict (document, 0, GLOSS_MERGE_TAKE_EDITED,
                                                    "{\"id\": \"example\", \"name\": \"Example\", \"color\": \"#2ec27e\", \"key\": \"x\", \"description\": \"\"}",
                                                    &error));
    g_assert_no_error (error);
    g_assert_cmpstr (gloss_label_get_key (gloss_label_set_lookup (labels, "example")), ==, "x");
  }
}

/* Their text changed (a new first sentence): ours is re-anchored in it,
 * then merged */
static void
test_text_changed (void)
{
  g_autoptr(GlossDocument) theirs_doc = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = edit (fixture.base, SPAN1_NOTE, "\"note\": \"ours\", \"annotator\": \"Ada\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:00:00Z\"", NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint n_conflicts = 9;
  GlossSpan *quote;

  theirs_doc = gloss_reanchor (NULL, fixture.changed, fixture.base, strlen (fixture.base), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_document_set_annotator (theirs_doc, "Bea");
  g_assert_true (gloss_document_add_label (theirs_doc, 0, "claim"));
  theirs = gloss_format_serialize (theirs_doc);

  bytes = merge_strings (fixture.base, ours, g_bytes_get_data (theirs, NULL), &n_conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 0);
  document = gloss_format_parse (fixture.changed, "interview.txt", g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), NULL, NULL);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  quote = gloss_document_lookup_span (document, 1);
  g_assert_cmpstr (gloss_span_get_note (quote), ==, "ours");
  g_assert_cmpstr (gloss_span_get_part_text (quote, 0), ==, "Wir wollen die Gehwege freihalten");
  g_assert_true (gloss_sentence_has_label (gloss_document_get_sentence (document, 0), "claim"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 8);

  /* A text nobody can find is a clash of kind "text", never a guess */
  {
    g_autoptr(GlossText) saved = g_steal_pointer (&fixture.changed);
    g_autoptr(GBytes) clash = NULL;
    g_autoptr(GlossDocument) kept = NULL;

    fixture.changed = gloss_text_new ("something else", -1, NULL);
    clash = merge_strings (fixture.base, ours, g_bytes_get_data (theirs, NULL), &n_conflicts, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_conflicts, ==, 1);
    kept = gloss_format_parse (fixture.text, "interview.txt", g_bytes_get_data (clash, NULL),
                               g_bytes_get_size (clash), NULL, NULL);
    g_assert_cmpuint (gloss_document_get_problems (kept)->len, ==, 0);
    g_assert_cmpint (gloss_document_get_conflict (kept, 0)->kind, ==, GLOSS_MERGE_CONFLICT_TEXT);
    g_assert_cmpstr (gloss_span_get_note (gloss_document_lookup_span (kept, 1)), ==, "ours");
    g_assert_false (gloss_document_resolve_conflict (kept, 0, GLOSS_MERGE_TAKE_THEIRS, NULL, &error));
    g_clear_error (&error);
    g_assert_true (gloss_document_resolve_conflict (kept, 0, GLOSS_MERGE_TAKE_OURS, NULL, &error));
    g_clear_object (&fixture.changed);
    fixture.changed = g_steal_pointer (&saved);
  }
}

/* No common ancestor: both sides' items are kept */
static void
test_no_base (void)
{
  g_autofree char *theirs = edit (fixture.base, SPAN1_NOTE, "\"note\": \"theirs\", \"annotator\": \"Bea\", \"created\": \"2026-12-02T08:00:00Z\", \"modified\": \"2026-12-02T09:30:00Z\"", NULL);
  g_autoptr(GlossDocument) same = merge_ok (NULL, fixture.base, fixture.base, 0, NULL);
  g_autoptr(GlossDocument) clash = merge_ok ("", fixture.base, theirs, 1, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (same)), ==, 8);
  g_assert_cmpint (gloss_document_get_conflict (clash, 0)->kind, ==, GLOSS_MERGE_CONFLICT_SPAN);
}

/* A side that is not a good annotation file stops the merge */
static void
test_bad_input (void)
{
  static const char * const broken[] = {
    "{\"format\": \"gloss\",",
    "[]",
    "{\"format\": \"gloss\", \"version\": 2}",
  };
  g_autofree char *problem = edit (fixture.base, "\"text\": [\"sagte\"]", "\"text\": [\"sprach\"]", NULL);
  g_autofree char *with_conflicts = edit (fixture.base, "\n}\n", ",\n  \"conflicts\": [\n    {\"kind\":\"note\",\"sentence\":4,\"ours\":\"a\",\"theirs\":\"b\"}\n  ]\n}\n", NULL);
  guint n_conflicts = 7;

  for (guint i = 0; i < G_N_ELEMENTS (broken) + 2; i++)
    for (guint side = 0; side < 3; side++)
      {
        const char *bad = i < G_N_ELEMENTS (broken) ? broken[i] : i == G_N_ELEMENTS (broken) ? problem : with_conflicts;
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = merge_strings (side == 0 ? bad : fixture.base, side == 1 ? bad : fixture.base,
                                                 side == 2 ? bad : fixture.base, &n_conflicts, &error);

        g_assert_null (bytes);
        g_assert_nonnull (error);
        g_assert_cmpuint (n_conflicts, ==, 0);
      }
}

/* The member is checked as strictly as the rest of the file */
static void
test_format_checks (void)
{
  static const struct { const char *entry; const char *path; } cases[] = {
    { "{\"kind\":\"guess\",\"ours\":null,\"theirs\":1}", "$.conflicts[0].kind" },
    { "{\"kind\":\"span\",\"id\":1,\"ours\":null}", "$.conflicts[0]" },
    { "{\"kind\":\"span\",\"id\":1,\"ours\":null,\"theirs\":null}", "$.conflicts[0]" },
    { "{\"kind\":\"span\",\"ours\":{},\"theirs\":null}", "$.conflicts[0]" },
    { "{\"kind\":\"span\",\"id\":1,\"key\":\"x\",\"ours\":{},\"theirs\":null}", "$.conflicts[0].key" },
    { "{\"kind\":\"span\",\"id\":1,\"ours\":\"x\",\"theirs\":null}", "$.conflicts[0].ours" },
    { "{\"kind\":\"note\",\"sentence\":1,\"ours\":{},\"theirs\":null}", "$.conflicts[0].ours" },
    { "{\"kind\":\"span\",\"id\":1,\"ours\":{},\"theirs\":null,\"why\":1}", "$.conflicts[0]" },
    { "7", "$.conflicts[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *member = g_strdup_printf (",\n  \"conflicts\": [\n    %s\n  ]\n}\n", cases[i].entry);
      g_autofree char *data = edit (fixture.base, "\n}\n", member, NULL);
      g_autoptr(GlossDocument) document = gloss_format_parse (fixture.text, "interview.txt", data, strlen (data),
                                                              NULL, NULL);
      GPtrArray *problems = gloss_document_get_problems (document);

      g_test_message ("%s", cases[i].entry);
      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_true (g_str_has_prefix (((GlossProblem *)g_ptr_array_index (problems, 0))->path, cases[i].path));
    }

  /* Not a list */
  {
    g_autofree char *data = edit (fixture.base, "\n}\n", ",\n  \"conflicts\": {}\n}\n", NULL);
    g_autoptr(GlossDocument) document = gloss_format_parse (fixture.text, "interview.txt", data, strlen (data),
                                                            NULL, NULL);

    g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (gloss_document_get_problems (document), 0))->path, ==,
                     "$.conflicts");
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "export-spans", "de", "interview.txt", NULL);
  json_path = g_strconcat (path, ".gloss.json", NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    fixture.text = gloss_text_load (file, NULL, &error);
  }
  g_assert_no_error (error);
  g_file_get_contents (json_path, &fixture.base, NULL, &error);
  g_assert_no_error (error);
  contents = g_strconcat ("Vorab 😊: „Ein neuer Satz.“\r\n", gloss_text_get_contents (fixture.text), NULL);
  length = strlen (contents);
  fixture.changed = gloss_text_new (contents, length, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gloss/merge/identical", test_identical);
  g_test_add_func ("/gloss/merge/clean", test_clean);
  g_test_add_func ("/gloss/merge/renumber", test_renumber);
  g_test_add_func ("/gloss/merge/clashes", test_clashes);
  g_test_add_func ("/gloss/merge/resolve-undo", test_resolve_undo);
  g_test_add_func ("/gloss/merge/split-and-label", test_split_and_label);
  g_test_add_func ("/gloss/merge/merge-and-label", test_merge_and_label);
  g_test_add_func ("/gloss/merge/label-deleted-and-used", test_label_deleted_and_used);
  g_test_add_func ("/gloss/merge/suggestions", test_suggestions);
  g_test_add_func ("/gloss/merge/label-keys", test_label_keys);
  g_test_add_func ("/gloss/merge/text-changed", test_text_changed);
  g_test_add_func ("/gloss/merge/no-base", test_no_base);
  g_test_add_func ("/gloss/merge/bad-input", test_bad_input);
  g_test_add_func ("/gloss/merge/format-checks", test_format_checks);

  status = g_test_run ();

  g_clear_object (&fixture.text);
  g_clear_object (&fixture.changed);
  g_free (fixture.base);

  return status;
}
