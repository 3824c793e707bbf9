/* test-suggestions.c
 *
 * A document's suggestions: set, saved and read back in the
 * "suggestions" member, accepted (new ids, origin, an identical span
 * reused), rejected (remembered, not suggested again), undone and redone;
 * never among the spans. German text with „…“, CR LF and an emoji.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-format.h"
#include "gloss-history.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-suggester.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"

/* 0: 😊, 1: space; the first quote starts at 2 */
static const char text_utf8[] =
  "😊 „Wir bauen die Brücke“, sagte Anna Schmidt.\r\n"
  "„Das kostet zu viel“, sagte Anna Schmidt.\r\n";

static GlossSpan *
make_span (GlossText  *text,
           guint       id,
           const char *label,
           guint       start,
           guint       end)
{
  GlossRange part = { start, end };
  g_autofree char *slice = gloss_text_dup_slice (text, start, end);
  const char *texts[] = { slice, NULL };
  GlossSpan *span = gloss_span_new (id, label, &part, 1, texts);

  gloss_span_set_origin (span, GLOSS_ORIGIN_SUGGESTED, GLOSS_SUGGESTER_VERSION);
  return span;
}

static GlossRelation *
make_relation (guint       id,
               const char *label,
               guint       from,
               guint       to)
{
  GlossRelation *relation = gloss_relation_new (id, label, from, to);

  gloss_relation_set_origin (relation, GLOSS_ORIGIN_SUGGESTED, GLOSS_SUGGESTER_VERSION);
  return relation;
}

/* Two quotes by one speaker: 1 quote [2, 24), 2 cue, 3 speaker (shared),
 * 4 quote [47, 67) on the second line, 5 its cue */
static GlossDocument *
make_document (void)
{
  g_autoptr(GlossText) text = gloss_text_new (text_utf8, -1, NULL);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  GlossDocument *document = gloss_document_new (text, "de", labels);
  g_autoptr(GlossSpan) quote = NULL;
  guint n_skipped = 99;

  quote = make_span (text, 1, "quote", 2, 24);
  gloss_span_set_attribute (quote, "type", "direct");
  g_ptr_array_add (spans, g_object_ref (quote));
  g_ptr_array_add (spans, make_span (text, 2, "cue", 26, 31));
  g_ptr_array_add (spans, make_span (text, 3, "speaker", 32, 44));
  g_ptr_array_add (spans, make_span (text, 4, "quote", 47, 67));
  g_ptr_array_add (spans, make_span (text, 5, "cue", 69, 74));
  g_ptr_array_add (relations, make_relation (1, "cue", 1, 2));
  g_ptr_array_add (relations, make_relation (2, "speaker", 1, 3));
  g_ptr_array_add (relations, make_relation (3, "cue", 4, 5));
  g_ptr_array_add (relations, make_relation (4, "speaker", 4, 3));

  g_assert_cmpuint (gloss_document_set_suggestions (document, spans, relations, &n_skipped), ==, 2);
  g_assert_cmpuint (n_skipped, ==, 0);

  return document;
}

static gpointer
copy_ref (gconstpointer item,
          gpointer      data)
{
  return g_object_ref ((gpointer)item);
}

static char *
serialize (GlossDocument *document)
{
  g_autoptr(GBytes) bytes = gloss_format_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The part of the file from "spans" on */
static const char *
spans_part (const char *file)
{
  const char *spans = strstr (file, "  \"spans\"");

  g_assert_nonnull (spans);
  return spans;
}

static void
test_texts (void)
{
  g_autoptr(GlossText) text = gloss_text_new (text_utf8, -1, NULL);
  g_autofree char *quote = gloss_text_dup_slice (text, 2, 24);
  g_autofree char *speaker = gloss_text_dup_slice (text, 32, 44);
  g_autofree char *quote2 = gloss_text_dup_slice (text, 47, 67);
  g_autofree char *cue2 = gloss_text_dup_slice (text, 69, 74);

  g_assert_cmpstr (quote, ==, "„Wir bauen die Brücke“");
  g_assert_cmpstr (speaker, ==, "Anna Schmidt");
  g_assert_cmpstr (quote2, ==, "„Das kostet zu viel“");
  g_assert_cmpstr (cue2, ==, "sagte");
}

static const char expected_pending[] =
  "  \"spans\": [],\n"
  "  \"relations\": [],\n"
  "  \"suggestions\": {\n"
  "    \"spans\": [\n"
  "      {\"id\": 1, \"label\": \"quote\", \"parts\": [[2, 24]], \"text\": [\"„Wir bauen die Brücke“\"], \"attributes\": {\"type\": \"direct\"}, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 2, \"label\": \"cue\", \"parts\": [[26, 31]], \"text\": [\"sagte\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 3, \"label\": \"speaker\", \"parts\": [[32, 44]], \"text\": [\"Anna Schmidt\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 4, \"label\": \"quote\", \"parts\": [[47, 67]], \"text\": [\"„Das kostet zu viel“\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 5, \"label\": \"cue\", \"parts\": [[69, 74]], \"text\": [\"sagte\"], \"attributes\": {}, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"}\n"
  "    ],\n"
  "    \"relations\": [\n"
  "      {\"id\": 1, \"label\": \"cue\", \"from\": 1, \"to\": 2, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 2, \"label\": \"speaker\", \"from\": 1, \"to\": 3, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 3, \"label\": \"cue\", \"from\": 4, \"to\": 5, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"},\n"
  "      {\"id\": 4, \"label\": \"speaker\", \"from\": 4, \"to\": 3, \"note\": \"\", \"annotator\": \"\", \"created\": \"T\", \"modified\": \"T\", \"origin\": \"suggested\", \"suggester\": \"gloss-suggest 1\"}\n"
  "    ],\n"
  "    \"rejected\": []\n"
  "  }\n"
  "}\n";

/* Times as T, so that the bytes can be compared */
static char *
mask_times (const char *file)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, file, -1, 0, "\"T\"", 0, NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GlossDocument) again = NULL;
  g_autofree char *file = serialize (document);
  g_autofree char *masked = mask_times (file);
  g_autofree char *file_again = NULL;

  g_assert_cmpstr (spans_part (masked), ==, expected_pending);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 0);

  again = gloss_format_parse (gloss_document_get_text (document), "a.txt", file, strlen (file), "de", NULL);
  g_assert_cmpuint (gloss_document_get_problems (again)->len, ==, 0);
  g_assert_cmpuint (gloss_suggestions_get_spans (gloss_document_get_suggestions (again))->len, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (again)), ==, 0);
  file_again = serialize (again);
  g_assert_cmpstr (file_again, ==, file);
}

static void
test_accept_reject_undo (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) heads = NULL;
  g_autofree char *before = serialize (document);
  g_autofree char *after_accept = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GlossDocument) again = NULL;
  GListModel *spans = gloss_document_get_spans (document);
  GListModel *relations = gloss_document_get_relations (document);
  GlossSpan *quote;

  gloss_document_set_annotator (document, "Ada");
  heads = gloss_suggestions_dup_heads (gloss_document_get_suggestions (document));
  g_assert_cmpuint (heads->len, ==, 2);
  g_assert_cmpuint (gloss_span_get_id (g_ptr_array_index (heads, 0)), ==, 1);
  g_assert_cmpuint (gloss_span_get_id (g_ptr_array_index (heads, 1)), ==, 4);

  /* A role is not what one accepts */
  g_assert_false (gloss_document_accept_suggestion (document, 3, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (gloss_document_accept_suggestion (document, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (spans), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  quote = g_list_model_get_item (spans, 0);
  g_object_unref (quote);
  g_assert_cmpstr (gloss_span_get_label (quote), ==, "quote");
  g_assert_cmpstr (gloss_span_get_part_text (quote, 0), ==, "„Wir bauen die Brücke“");
  g_assert_cmpstr (gloss_span_get_attribute (quote, "type"), ==, "direct");
  g_assert_cmpstr (gloss_span_get_origin (quote), ==, "suggested");
  g_assert_cmpstr (gloss_span_get_suggester (quote), ==, GLOSS_SUGGESTER_VERSION);
  g_assert_cmpstr (gloss_span_get_annotator (quote), ==, "Ada");
  /* The shared speaker stays suggested for the second quote */
  g_assert_cmpuint (gloss_suggestions_get_spans (gloss_document_get_suggestions (document))->len, ==, 3);
  g_assert_nonnull (gloss_suggestions_lookup_span (gloss_document_get_suggestions (document), 3));
  after_accept = serialize (document);

  /* The second quote reuses the speaker the first brought in */
  g_assert_true (gloss_document_accept_suggestion (document, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (spans), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 4);
  g_assert_true (gloss_suggestions_is_empty (gloss_document_get_suggestions (document)));

  /* Undo brings back the suggestion, redo accepts it again */
  g_assert_true (gloss_document_undo (document));
  file = serialize (document);
  g_assert_cmpstr (file, ==, after_accept);
  g_clear_pointer (&file, g_free);
  g_assert_true (gloss_document_undo (document));
  file = serialize (document);
  g_assert_cmpstr (file, ==, before);
  g_clear_pointer (&file, g_free);
  g_assert_true (gloss_document_redo (document));
  file = serialize (document);
  g_assert_cmpstr (file, ==, after_accept);
  g_clear_pointer (&file, g_free);

  /* Rejecting the second quote takes its cue and the speaker with it */
  g_assert_true (gloss_document_reject_suggestion (document, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_suggestions_get_spans (gloss_document_get_suggestions (document))->len, ==, 0);
  g_assert_cmpuint (gloss_suggestions_get_rejected (gloss_document_get_suggestions (document))->len, ==, 1);
  file = serialize (document);
  g_assert_nonnull (strstr (file, "  \"suggestions\": {\n    \"spans\": [],\n    \"relations\": [],\n"
                                  "    \"rejected\": [\n      {\"label\": \"quote\", \"parts\": [[47, 67]]}\n    ]\n  }\n}\n"));

  /* Read back, the rejection is still known: suggesting again leaves it
   * out, and the accepted quote too */
  again = gloss_format_parse (gloss_document_get_text (document), "a.txt", file, strlen (file), "de", NULL);
  g_assert_cmpuint (gloss_document_get_problems (again)->len, ==, 0);
  {
    g_autoptr(GlossDocument) fresh = make_document ();
    GlossSuggestions *all = gloss_document_get_suggestions (fresh);
    g_autoptr(GPtrArray) all_spans = g_ptr_array_copy (gloss_suggestions_get_spans (all), copy_ref, NULL);
    g_autoptr(GPtrArray) all_relations = g_ptr_array_copy (gloss_suggestions_get_relations (all), copy_ref, NULL);
    guint n_skipped = 0;

    g_ptr_array_set_free_func (all_spans, g_object_unref);
    g_ptr_array_set_free_func (all_relations, g_object_unref);
    g_assert_cmpuint (gloss_document_set_suggestions (again, all_spans, all_relations, &n_skipped), ==, 0);
    g_assert_cmpuint (n_skipped, ==, 2);
    g_assert_cmpuint (gloss_suggestions_get_spans (gloss_document_get_suggestions (again))->len, ==, 0);
  }

  /* Undo of the rejection */
  g_assert_true (gloss_document_undo (document));
  g_clear_pointer (&file, g_free);
  file = serialize (document);
  g_assert_cmpstr (file, ==, after_accept);
}

static void
test_accept_in_sentence (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GError) error = NULL;

  /* Only the first line's quote starts in [0, 47) */
  g_assert_cmpuint (gloss_document_accept_suggestions_in (document, 0, 47, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 3);
  g_assert_cmpuint (gloss_document_accept_suggestions_in (document, 0, 200, &error), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 5);
  g_assert_true (gloss_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, 3);
}

/* A suggestion whose quote the document has already is left out */
static void
test_existing (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GlossSpan) quote = NULL;
  g_autoptr(GError) error = NULL;
  GlossRange part = { 47, 67 };
  GlossSuggestions *all = gloss_document_get_suggestions (document);
  g_autoptr(GPtrArray) all_spans = g_ptr_array_copy (gloss_suggestions_get_spans (all), copy_ref, NULL);
  g_autoptr(GPtrArray) all_relations = g_ptr_array_copy (gloss_suggestions_get_relations (all), copy_ref, NULL);
  guint n_skipped = 0;

  g_ptr_array_set_free_func (all_spans, g_object_unref);
  g_ptr_array_set_free_func (all_relations, g_object_unref);
  quote = gloss_document_new_span (document, "quote", &part, 1);
  g_assert_true (gloss_document_add_span (document, quote, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (gloss_document_set_suggestions (document, all_spans, all_relations, &n_skipped), ==, 1);
  g_assert_cmpuint (n_skipped, ==, 1);
  /* The first quote, its cue and the speaker */
  g_assert_cmpuint (gloss_suggestions_get_spans (gloss_document_get_suggestions (document))->len, ==, 3);
  g_assert_cmpuint (gloss_suggestions_get_relations (gloss_document_get_suggestions (document))->len, ==, 2);
}

/* What loading checks: a suggested span's text, a label of the set */
static void
test_problems (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autofree char *file = serialize (document);
  g_autoptr(GString) bad = g_string_new (file);
  g_autoptr(GlossDocument) again = NULL;
  GPtrArray *problems;

  g_string_replace (bad, "[\"Anna Schmidt\"]", "[\"Anna Schmitt\"]", 1);
  g_string_replace (bad, "\"rejected\": []", "\"rejected\": [{\"label\": \"claim\", \"parts\": [[0, 1]]}]", 1);
  again = gloss_format_parse (gloss_document_get_text (document), "a.txt", bad->str, bad->len, "de", NULL);
  problems = gloss_document_get_problems (again);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->path, ==, "$.suggestions.spans[2].text[0]");
  g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 1))->path, ==, "$.suggestions.rejected[0]");
}

typedef struct
{
  GlossSuggestionsFilter *filter;
  GPtrArray              *spans;
  GPtrArray              *relations;
  guint                   n_taken;
  guint                   n_skipped;
} Checking;

static gpointer
check_thread (gpointer user_data)
{
  Checking *checking = user_data;

  return gloss_suggestions_filter_run (checking->filter, checking->spans, checking->relations,
                                       &checking->n_taken, &checking->n_skipped);
}

/* A suggester's findings checked in another thread against what the
 * filter took of the document: the same suggestions, bytes and counts, as
 * gloss_document_set_suggestions() gives in this one; none taken when the
 * document's spans, labels or suggestions changed meanwhile */
static void
test_filter_in_thread (void)
{
  g_autoptr(GlossDocument) source = make_document ();
  GlossSuggestions *all = gloss_document_get_suggestions (source);
  g_autoptr(GPtrArray) all_spans = g_ptr_array_copy (gloss_suggestions_get_spans (all), copy_ref, NULL);
  g_autoptr(GPtrArray) all_relations = g_ptr_array_copy (gloss_suggestions_get_relations (all), copy_ref, NULL);
  GlossRange part = { 47, 67 };

  g_ptr_array_set_free_func (all_spans, g_object_unref);
  g_ptr_array_set_free_func (all_relations, g_object_unref);

  for (guint change = 0; change < 4; change++)
    {
      g_autoptr(GlossText) text = gloss_text_new (text_utf8, -1, NULL);
      g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");
      g_autoptr(GlossDocument) document = gloss_document_new (text, "de", labels);
      g_autoptr(GlossDocument) expected = gloss_document_new (text, "de", labels);
      g_autoptr(GlossSuggestionsFilter) filter = NULL;
      g_autoptr(GlossSuggestions) checked = NULL;
      g_autoptr(GlossSpan) quote = NULL;
      g_autofree char *file = NULL;
      g_autofree char *expected_file = NULL;
      g_autoptr(GError) error = NULL;
      Checking checking = { NULL, all_spans, all_relations, 99, 99 };
      GlossSuggestions *before;
      guint n_skipped = 99;

      /* The first quote is annotated already: left out */
      quote = gloss_document_new_span (document, "quote", &(GlossRange) { 2, 24 }, 1);
      g_assert_true (gloss_document_add_span (document, quote, &error));
      g_assert_no_error (error);
      g_clear_object (&quote);

      filter = gloss_suggestions_filter_new (document);
      checking.filter = filter;
      checked = g_thread_join (g_thread_new ("check", check_thread, &checking));
      g_assert_cmpuint (checking.n_taken, ==, 1);
      g_assert_cmpuint (checking.n_skipped, ==, 1);

      switch (change)
        {
        case 0: /* none */
          break;

        case 1: /* the second quote annotated meanwhile */
          quote = gloss_document_new_span (document, "quote", &part, 1);
          g_assert_true (gloss_document_add_span (document, quote, &error));
          g_assert_no_error (error);
          break;

        case 2: /* a value declared meanwhile */
          g_assert_true (gloss_label_add_attribute_value (gloss_label_set_lookup (gloss_document_get_labels (document),
                                                                                  "quote"), "type", "mixed-free"));
          break;

        default: /* other suggestions meanwhile */
          g_assert_cmpuint (gloss_document_set_suggestions (document, all_spans, all_relations, NULL), ==, 1);
          break;
        }

      before = gloss_document_get_suggestions (document);
      if (change > 0)
        {
          /* Left as it was; the findings are checked again */
          g_assert_false (gloss_document_take_suggestions (document, filter, checked));
          g_assert_true (gloss_document_get_suggestions (document) == before);
          continue;
        }

      g_assert_true (gloss_document_take_suggestions (document, filter, checked));
      g_assert_true (gloss_document_get_suggestions (document) == checked);

      /* As the main thread would have it */
      quote = gloss_document_new_span (expected, "quote", &(GlossRange) { 2, 24 }, 1);
      g_assert_true (gloss_document_add_span (expected, quote, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (gloss_document_set_suggestions (expected, all_spans, all_relations, &n_skipped), ==, 1);
      g_assert_cmpuint (n_skipped, ==, 1);
      file = serialize (document);
      expected_file = serialize (expected);
      g_assert_cmpstr (file, ==, expected_file);
      /* The second quote with its cue and the speaker, shared with the first */
      g_assert_cmpuint (gloss_suggestions_get_spans (checked)->len, ==, 3);
      g_assert_cmpuint (gloss_suggestions_get_relations (checked)->len, ==, 2);
      g_assert_nonnull (strstr (file, "\"parts\": [[47, 67]], \"text\": [\"„Das kostet zu viel“\"]"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/suggestions/texts", test_texts);
  g_test_add_func ("/gloss/suggestions/round-trip", test_round_trip);
  g_test_add_func ("/gloss/suggestions/accept-reject-undo", test_accept_reject_undo);
  g_test_add_func ("/gloss/suggestions/accept-in-sentence", test_accept_in_sentence);
  g_test_add_func ("/gloss/suggestions/existing", test_existing);
  g_test_add_func ("/gloss/suggestions/problems", test_problems);
  g_test_add_func ("/gloss/suggestions/filter-in-thread", test_filter_in_thread);

  return g_test_run ();
}
