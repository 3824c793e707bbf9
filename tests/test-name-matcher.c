/* test-name-matcher.c
 *
 * GlossNameMatcher: the speakers annotated in one document (not pronouns,
 * not one character) found as whole words in another — after an emoji,
 * across CR LF, not inside longer words, not over an annotated or a
 * pending speaker — and suggested as speaker spans of their own that
 * are accepted and rejected like the suggester's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-document.h"
#include "gloss-label-set.h"
#include "gloss-name-matcher.h"
#include "gloss-span.h"
#include "gloss-suggester.h"
#include "gloss-suggestions.h"
#include "gloss-text.h"

/* Speakers: "Miriam Okafor" [32, 45), "Er" [48, 50), "X" [66, 67),
 * "sie" [80, 83) */
static const char text_a[] =
  "😊 „Wir bauen die Brücke“, sagte Miriam Okafor.\r\n"
  "Er sagte: „Nein.“ X lachte, und sie nickte.\r\n";

/* The name at [1, 14) after the emoji, [67, 81) across CR LF, [126, 139)
 * in English, [170, 183) inside the speaker "Anna Schmidt, Miriam Okafor"
 * [156, 183), [221, 234); not in "Okafors", "Okaforova", "XMiriam",
 * "Okafor2" */
static const char text_b[] =
  "😊Miriam Okafor sprach. „Gut“, sagte sie.\r\n"
  "Miriam  Okafors Team und Miriam\r\nOkafor lachten; Miriam Okaforova kam.\r\n"
  "“We agree,” Miriam Okafor told reporters. Anna Schmidt, Miriam Okafor.\r\n"
  "XMiriam Okafor, Miriam Okafor2 und Miriam Okafor.\r\n";

static void
add_speaker (GlossDocument *document,
             guint          start,
             guint          end)
{
  GlossRange part = { start, end };
  g_autoptr(GlossSpan) span = gloss_document_new_span (document, "speaker", &part, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);
}

static GlossDocument *
make_document (const char *utf8)
{
  g_autoptr(GlossText) text = gloss_text_new (utf8, -1, NULL);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");

  return gloss_document_new (text, "de", labels);
}

static GPtrArray *
spans_of (GlossDocument *document)
{
  GListModel *model = gloss_document_get_spans (document);
  GPtrArray *spans = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (spans, g_list_model_get_item (model, i));

  return spans;
}

static char *
ranges_string (GArray *ranges)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    g_string_append_printf (out, "%s[%u, %u)", i ? " " : "", g_array_index (ranges, GlossRange, i).start,
                            g_array_index (ranges, GlossRange, i).end);

  return g_string_free (out, FALSE);
}

static void
test_names (void)
{
  g_autoptr(GlossNameMatcher) matcher = gloss_name_matcher_new ();
  g_autoptr(GPtrArray) names = NULL;

  g_assert_true (gloss_name_matcher_add_name (matcher, "  Miriam \r\n Okafor "));
  g_assert_true (gloss_name_matcher_add_name (matcher, "Miriam Okafor"));
  g_assert_true (gloss_name_matcher_add_name (matcher, "de Gaulle"));
  g_assert_true (gloss_name_matcher_add_name (matcher, "Xi"));
  g_assert_false (gloss_name_matcher_add_name (matcher, "X"));
  g_assert_false (gloss_name_matcher_add_name (matcher, "😊"));
  g_assert_false (gloss_name_matcher_add_name (matcher, "Er"));
  g_assert_false (gloss_name_matcher_add_name (matcher, "SIE"));
  g_assert_false (gloss_name_matcher_add_name (matcher, "They"));
  g_assert_false (gloss_name_matcher_add_name (matcher, "sprecher"));
  g_assert_false (gloss_name_matcher_add_name (matcher, " "));

  names = gloss_name_matcher_dup_names (matcher);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Miriam Okafor");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Xi");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "de Gaulle");
}

/* A folder's names collected once and added to each document's matcher:
 * the collected matcher is only read */
static void
test_add_matcher (void)
{
  g_autoptr(GlossNameMatcher) folder = gloss_name_matcher_new ();
  g_autoptr(GlossNameMatcher) matcher = gloss_name_matcher_new ();
  g_autoptr(GlossText) text = gloss_text_new ("😊 Jonas Berg traf Miriam Okafor.\r\n", -1, NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *found_string = NULL;

  g_assert_true (gloss_name_matcher_add_name (folder, "Miriam  Okafor"));
  g_assert_true (gloss_name_matcher_add_name (folder, "de Gaulle"));
  g_assert_true (gloss_name_matcher_add_name (matcher, "Jonas Berg"));
  g_assert_cmpuint (gloss_name_matcher_add_matcher (matcher, folder), ==, 2);
  g_assert_cmpuint (gloss_name_matcher_add_matcher (matcher, folder), ==, 2);

  names = gloss_name_matcher_dup_names (matcher);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Jonas Berg");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Miriam Okafor");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "de Gaulle");
  g_clear_pointer (&names, g_ptr_array_unref);
  names = gloss_name_matcher_dup_names (folder);
  g_assert_cmpuint (names->len, ==, 2);

  found = gloss_name_matcher_find (matcher, text, NULL);
  found_string = ranges_string (found);
  g_assert_cmpstr (found_string, ==, "[2, 12) [18, 31)");
}

static void
test_corpus (void)
{
  g_autoptr(GlossDocument) a = make_document (text_a);
  g_autoptr(GlossDocument) b = make_document (text_b);
  g_autoptr(GlossNameMatcher) matcher = gloss_name_matcher_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) annotated = NULL;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();
  g_autoptr(GPtrArray) heads = NULL;
  g_autoptr(GArray) all = NULL;
  g_autofree char *all_string = NULL;
  g_autoptr(GError) error = NULL;
  GlossSuggestions *suggestions;
  GlossSpan *accepted;
  GlossRange pending_part = { 126, 139 };
  const char *pending_texts[] = { "Miriam Okafor", NULL };
  GlossSpan *pending;
  guint n_skipped = 99;

  add_speaker (a, 32, 45);
  add_speaker (a, 48, 50);
  add_speaker (a, 66, 67);
  add_speaker (a, 80, 83);
  add_speaker (b, 156, 183);
  g_assert_cmpuint (gloss_name_matcher_add_document (matcher, a), ==, 1);
  g_assert_cmpuint (gloss_name_matcher_add_document (matcher, b), ==, 1);
  names = gloss_name_matcher_dup_names (matcher);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Anna Schmidt, Miriam Okafor");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Miriam Okafor");

  /* Nothing avoided: the longest name wins where both start */
  all = gloss_name_matcher_find (matcher, gloss_document_get_text (b), NULL);
  all_string = ranges_string (all);
  g_assert_cmpstr (all_string, ==, "[1, 14) [67, 81) [126, 139) [156, 183) [221, 234)");

  /* A quote and a speaker the suggester found */
  pending = gloss_span_new (1, "speaker", &pending_part, 1, pending_texts);
  gloss_span_set_origin (pending, GLOSS_ORIGIN_SUGGESTED, GLOSS_SUGGESTER_VERSION);
  g_ptr_array_add (spans, pending);
  annotated = spans_of (b);
  g_assert_cmpuint (gloss_name_matcher_suggest (matcher, gloss_document_get_text (b), annotated, spans), ==, 3);
  g_assert_cmpuint (spans->len, ==, 4);
  for (guint i = 1; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      static const guint starts[] = { 1, 67, 221 };
      static const guint ends[] = { 14, 81, 234 };

      g_assert_cmpuint (gloss_span_get_id (span), ==, i + 1);
      g_assert_cmpstr (gloss_span_get_label (span), ==, "speaker");
      g_assert_cmpuint (gloss_span_get_n_parts (span), ==, 1);
      g_assert_cmpuint (gloss_span_get_start (span), ==, starts[i - 1]);
      g_assert_cmpuint (gloss_span_get_end (span), ==, ends[i - 1]);
      g_assert_cmpstr (gloss_span_get_origin (span), ==, "suggested");
      g_assert_cmpstr (gloss_span_get_suggester (span), ==, "gloss-names 1");
      g_assert_cmpstr (gloss_span_get_part_text (span, 0), ==, i == 2 ? "Miriam\r\nOkafor" : "Miriam Okafor");
    }

  /* Each a suggestion of its own, with no relation: four heads */
  g_assert_cmpuint (gloss_document_set_suggestions (b, spans, relations, &n_skipped), ==, 4);
  g_assert_cmpuint (n_skipped, ==, 0);
  suggestions = gloss_document_get_suggestions (b);
  heads = gloss_suggestions_dup_heads (suggestions);
  g_assert_cmpuint (heads->len, ==, 4);

  /* Accepted: a span with its origin and suggester */
  g_assert_true (gloss_document_accept_suggestion (b, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&annotated, g_ptr_array_unref);
  annotated = spans_of (b);
  g_assert_cmpuint (annotated->len, ==, 2);
  accepted = g_ptr_array_index (annotated, 0);
  g_assert_cmpuint (gloss_span_get_start (accepted), ==, 1);
  g_assert_cmpuint (gloss_span_get_end (accepted), ==, 14);
  g_assert_cmpstr (gloss_span_get_label (accepted), ==, "speaker");
  g_assert_cmpstr (gloss_span_get_origin (accepted), ==, "suggested");
  g_assert_cmpstr (gloss_span_get_suggester (accepted), ==, "gloss-names 1");

  /* Rejected: remembered, and left out when suggested again */
  g_assert_true (gloss_document_reject_suggestion (b, 3, &error));
  g_assert_no_error (error);
  suggestions = gloss_document_get_suggestions (b);
  g_assert_cmpuint (gloss_suggestions_get_spans (suggestions)->len, ==, 2);
  g_assert_cmpuint (gloss_suggestions_get_rejected (suggestions)->len, ==, 1);
  g_assert_cmpuint (gloss_span_get_start (g_ptr_array_index (gloss_suggestions_get_rejected (suggestions), 0)), ==, 67);

  g_ptr_array_set_size (spans, 0);
  g_assert_cmpuint (gloss_name_matcher_suggest (matcher, gloss_document_get_text (b), annotated, spans), ==, 3);
  g_assert_cmpuint (gloss_document_set_suggestions (b, spans, relations, &n_skipped), ==, 2);
  g_assert_cmpuint (n_skipped, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/name-matcher/names", test_names);
  g_test_add_func ("/name-matcher/add-matcher", test_add_matcher);
  g_test_add_func ("/name-matcher/corpus", test_corpus);

  return g_test_run ();
}
