/* test-search.c
 *
 * GlossSearch: words whatever their case (ß and ss, ẞ, umlauts as typed),
 * white space between words matching CR LF, whole words, regular
 * expressions (and a bad one), offsets in code points after 😊, the
 * filters by sentence label, span label and spans without a relation, the
 * JSON line of a hit, and a corpus of German and English texts searched
 * in worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-relation.h"
#include "gloss-search.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* Sentences (as the German splitter makes them):
 *   0 „Wir müssen die Straße sperren“, sagte die Ministerin.   (claim)
 *   1 Die STRASSE bleibt offen 😊, sagte sie.
 *   2 Ärger über Maße und Masse; GROẞE Pläne.
 * Spans: quote 1 “Wir müssen die Straße sperren” with a speaker “die
 * Ministerin” (relation speaker); quote 2 “Die STRASSE bleibt offen”
 * without one. */
static const char text_de[] =
  "„Wir müssen die Straße sperren“, sagte die Ministerin.\r\n"
  "Die STRASSE bleibt offen 😊, sagte sie.\r\n"
  "Ärger über Maße und Masse; GROẞE Pläne.\r\n";

/* The code point offset of the @nth occurrence of @needle, found by
 * bytes, so independently of the search */
static guint
find (const char *haystack,
      const char *needle,
      guint       nth)
{
  const char *p = haystack;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        return (guint)g_utf8_pointer_to_offset (haystack, p);
      p++;
    }
}

static guint
length (const char *text)
{
  return (guint)g_utf8_strlen (text, -1);
}

static GlossDocument *
make_document (void)
{
  g_autoptr(GlossText) text = gloss_text_new (text_de, -1, NULL);
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossLabel) claim = gloss_label_new ("claim", "Claim", "#1c71d8", "k", "");
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  GlossRange quote1 = { find (text_de, "Wir", 0), find (text_de, "“", 0) };
  GlossRange speaker = { find (text_de, "die Ministerin", 0), find (text_de, ".\r\n", 0) };
  GlossRange quote2 = { find (text_de, "Die STRASSE", 0), find (text_de, " 😊", 0) };
  g_autoptr(GlossSpan) q1 = NULL;
  g_autoptr(GlossSpan) s1 = NULL;
  g_autoptr(GlossSpan) q2 = NULL;
  g_autoptr(GlossRelation) relation = NULL;

  g_assert_true (gloss_label_set_insert (labels, 0, claim));
  document = gloss_document_new (text, "de", labels);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 3);
  g_assert_true (gloss_document_add_label (document, 0, "claim"));

  q1 = gloss_document_new_span (document, "quote", &quote1, 1);
  g_assert_true (gloss_document_add_span (document, q1, &error));
  s1 = gloss_document_new_span (document, "speaker", &speaker, 1);
  g_assert_true (gloss_document_add_span (document, s1, &error));
  q2 = gloss_document_new_span (document, "quote", &quote2, 1);
  g_assert_true (gloss_document_add_span (document, q2, &error));
  relation = gloss_document_new_relation (document, "speaker", gloss_span_get_id (q1), gloss_span_get_id (s1));
  g_assert_true (gloss_document_add_relation (document, relation, &error));
  g_assert_no_error (error);

  return document;
}

/* The hits of @pattern in the document, each checked to be the text at
 * its offsets */
static GPtrArray *
search_full (GlossDocument    *document,
             const char       *pattern,
             GlossSearchFlags  flags,
             const char      **in,
             const char      **not_in,
             const char       *span,
             const char       *without)
{
  g_autoptr(GlossSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  GlossText *text = gloss_document_get_text (document);
  GPtrArray *hits;

  search = gloss_search_new (pattern, flags, &error);
  g_assert_no_error (error);
  for (guint i = 0; in != NULL && in[i] != NULL; i++)
    gloss_search_add_in (search, in[i]);
  for (guint i = 0; not_in != NULL && not_in[i] != NULL; i++)
    gloss_search_add_not_in (search, not_in[i]);
  gloss_search_set_span (search, span);
  if (without != NULL)
    gloss_search_add_without (search, without);
  g_assert_true (gloss_search_check (search, &error));

  hits = gloss_search_document (search, document, "de/a.txt");
  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);
      guint start = gloss_search_hit_get_start (hit), end = gloss_search_hit_get_end (hit);
      g_autofree char *at = gloss_text_dup_slice (text, start, end);
      g_autofree char *left = gloss_text_dup_slice (text, start - length (gloss_search_hit_get_left (hit)), start);
      g_autofree char *right = gloss_text_dup_slice (text, end, end + length (gloss_search_hit_get_right (hit)));

      g_assert_cmpstr (gloss_search_hit_get_match (hit), ==, at);
      g_assert_cmpstr (gloss_search_hit_get_left (hit), ==, left);
      g_assert_cmpstr (gloss_search_hit_get_right (hit), ==, right);
      g_assert_cmpstr (gloss_search_hit_get_document (hit), ==, "de/a.txt");
      if (i > 0)
        g_assert_cmpuint (start, >=, gloss_search_hit_get_end (g_ptr_array_index (hits, i - 1)));
    }

  return hits;
}

static GPtrArray *
search (GlossDocument    *document,
        const char       *pattern,
        GlossSearchFlags  flags)
{
  return search_full (document, pattern, flags, NULL, NULL, NULL, NULL);
}

/* "start:match" of each hit, joined by "|" */
static char *
describe (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (out, "%s%u:%s", i ? "|" : "", gloss_search_hit_get_start (hit),
                              gloss_search_hit_get_match (hit));
    }

  return g_string_free (out, FALSE);
}

#define assert_hits(hits, expected) G_STMT_START { \
    g_autoptr(GPtrArray) hits_ = (hits); \
    g_autofree char *got_ = describe (hits_); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_words_case (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autofree char *expected = NULL;

  /* ß is not ss, whatever the case; ẞ is ß */
  expected = g_strdup_printf ("%u:Straße", find (text_de, "Straße", 0));
  assert_hits (search (document, "straße", 0), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:STRASSE", find (text_de, "STRASSE", 0));
  assert_hits (search (document, "Strasse", 0), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:GROẞE", find (text_de, "GROẞE", 0));
  assert_hits (search (document, "große", 0), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:Masse", find (text_de, "Masse", 0));
  assert_hits (search (document, "MASSE", 0), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:Maße", find (text_de, "Maße", 0));
  assert_hits (search (document, "maße", 0), expected);

  /* Umlauts as typed: ä is not a, Ä is ä */
  g_free (expected);
  expected = g_strdup_printf ("%u:Ärger", find (text_de, "Ärger", 0));
  assert_hits (search (document, "ärger", 0), expected);
  assert_hits (search (document, "arger", 0), "");
  assert_hits (search (document, "PLÄNE", GLOSS_SEARCH_CASE_SENSITIVE), "");
  g_free (expected);
  expected = g_strdup_printf ("%u:Pläne", find (text_de, "Pläne", 0));
  assert_hits (search (document, "Pläne", GLOSS_SEARCH_CASE_SENSITIVE), expected);
  assert_hits (search (document, "PLÄNE", 0), expected);
}

static void
test_words_offsets (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GPtrArray) hits = NULL;
  GlossSearchHit *hit;

  /* After „ (1 code point, 3 bytes) and 😊 (1 code point, 4 bytes, 2
   * UTF-16 units): code points, fixed by hand */
  hits = search (document, "sagte", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpuint (gloss_search_hit_get_start (hit), ==, 33);
  g_assert_cmpuint (gloss_search_hit_get_end (hit), ==, 38);
  g_assert_cmpuint (gloss_search_hit_get_sentence (hit), ==, 0);
  g_assert_cmpuint (gloss_search_hit_get_sentence_start (hit), ==, 0);
  g_assert_cmpuint (gloss_search_hit_get_sentence_end (hit), ==, 54);
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpuint (gloss_search_hit_get_start (hit), ==, 84);
  g_assert_cmpuint (gloss_search_hit_get_end (hit), ==, 89);
  g_assert_cmpuint (gloss_search_hit_get_sentence (hit), ==, 1);
  g_assert_cmpstr (gloss_search_hit_get_left (hit), ==, "inisterin.\r\nDie STRASSE bleibt offen 😊, ");
  g_assert_cmpstr (gloss_search_hit_get_right (hit), ==, " sie.\r\nÄrger über Maße und Masse; GROẞE ");

  /* Words across CR LF: white space matches white space */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (document, "Ministerin.  die", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (gloss_search_hit_get_match (hit), ==, "Ministerin.\r\nDie");
  g_assert_cmpuint (gloss_search_hit_get_start (hit), ==, find (text_de, "Ministerin", 0));

  /* Not across a word's letters */
  assert_hits (search (document, "Ministerin.Die", 0), "");

  /* The emoji itself */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (document, "offen 😊,", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (gloss_search_hit_get_start (g_ptr_array_index (hits, 0)), ==, 75);
  g_assert_cmpuint (gloss_search_hit_get_end (g_ptr_array_index (hits, 0)), ==, 83);
}

static void
test_whole_words (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%u:sag|%u:sag", find (text_de, "sagte", 0), find (text_de, "sagte", 1));
  assert_hits (search (document, "SAG", 0), expected);
  assert_hits (search (document, "sag", GLOSS_SEARCH_WHOLE_WORDS), "");
  g_free (expected);
  /* "die" twice in sentence 0, "Die" in 1; sorted by offset */
  expected = g_strdup_printf ("%u:die|%u:die|%u:Die", find (text_de, "die", 0), find (text_de, "die", 1),
                              find (text_de, "Die", 0));
  assert_hits (search (document, "die", GLOSS_SEARCH_WHOLE_WORDS), expected);
  /* A match of punctuation at a word's edge is whole */
  g_free (expected);
  expected = g_strdup_printf ("%u:“,", find (text_de, "“,", 0));
  assert_hits (search (document, "“,", GLOSS_SEARCH_WHOLE_WORDS), expected);
}

static void
test_regex (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GlossSearch) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%u:Straße|%u:STRASSE", find (text_de, "Straße", 0), find (text_de, "STRASSE", 0));
  assert_hits (search (document, "stra(ß|ss)e", GLOSS_SEARCH_REGEX), expected);
  assert_hits (search (document, "stra(ß|ss)e", GLOSS_SEARCH_REGEX | GLOSS_SEARCH_CASE_SENSITIVE), "");
  g_free (expected);
  expected = g_strdup_printf ("%u:sagte|%u:sagte", find (text_de, "sagte", 0), find (text_de, "sagte", 1));
  assert_hits (search (document, "s\\w+te", GLOSS_SEARCH_REGEX | GLOSS_SEARCH_WHOLE_WORDS), expected);
  /* Offsets in code points after the emoji and across CR LF */
  g_free (expected);
  expected = g_strdup_printf ("82:, sagte sie.\r\nÄrger");
  assert_hits (search (document, ", sagte sie\\.\\s+ä\\w+", GLOSS_SEARCH_REGEX), expected);
  /* An empty match is none */
  assert_hits (search (document, "x*", GLOSS_SEARCH_REGEX), "");

  bad = gloss_search_new ("sagte (", GLOSS_SEARCH_REGEX, &error);
  g_assert_null (bad);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_str_has_prefix (error->message, "“sagte (” is not a valid regular expression: "));
  g_assert_null (strstr (error->message, "Error while compiling"));
}

static void
test_filters (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  const char *quote[] = { "quote", NULL };
  const char *claim[] = { "claim", NULL };
  const char *speaker[] = { "speaker", NULL };
  const char *claim_quote[] = { "claim", "quote", NULL };
  guint die0 = find (text_de, "die", 0), die1 = find (text_de, "die", 1), die2 = find (text_de, "Die", 0);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GlossSearchHit *hit;

  /* Inside a quote span (either), not inside one */
  expected = g_strdup_printf ("%u:die|%u:Die", die0, die2);
  assert_hits (search_full (document, "die", 0, quote, NULL, NULL, NULL), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:die", die1);
  assert_hits (search_full (document, "die", 0, NULL, quote, NULL, NULL), expected);
  assert_hits (search_full (document, "die", 0, speaker, NULL, NULL, NULL), expected);

  /* In a sentence labelled claim, not in one; both filters together */
  g_free (expected);
  expected = g_strdup_printf ("%u:die|%u:die", die0, die1);
  assert_hits (search_full (document, "die", 0, claim, NULL, NULL, NULL), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:Die", die2);
  assert_hits (search_full (document, "die", 0, NULL, claim, NULL, NULL), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:die", die0);
  assert_hits (search_full (document, "die", 0, claim_quote, NULL, NULL, NULL), expected);

  /* A match only partly inside a span is not inside it */
  assert_hits (search_full (document, "sperren“", 0, quote, NULL, NULL, NULL), "");

  /* Quotes without a speaker; and all quotes */
  g_free (expected);
  expected = g_strdup_printf ("%u:Die", die2);
  assert_hits (search_full (document, "die", 0, NULL, NULL, "quote", "speaker"), expected);
  g_free (expected);
  expected = g_strdup_printf ("%u:die|%u:Die", die0, die2);
  assert_hits (search_full (document, "die", 0, NULL, NULL, "quote", NULL), expected);
  assert_hits (search_full (document, "die", 0, NULL, NULL, "quote", "addressee"), expected);

  /* No pattern: the spans themselves */
  g_free (expected);
  expected = g_strdup_printf ("%u:Die STRASSE bleibt offen", die2);
  assert_hits (search_full (document, "", 0, NULL, NULL, "quote", "speaker"), expected);
  g_free (expected);
  expected = g_strdup_printf ("1:Wir müssen die Straße sperren|%u:Die STRASSE bleibt offen", die2);
  assert_hits (search_full (document, "", GLOSS_SEARCH_REGEX, NULL, NULL, "quote", NULL), expected);

  /* The labels at a hit: the sentence's, and the spans sharing a code
   * point with it, in the document's order */
  hits = search (document, "müssen die Straße sperren“, sagte die", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (gloss_search_hit_get_labels (hit)[0], ==, "claim");
  g_assert_null (gloss_search_hit_get_labels (hit)[1]);
  g_assert_cmpuint (gloss_search_hit_get_n_spans (hit), ==, 2);
  g_assert_cmpstr (gloss_search_hit_get_span_label (hit, 0), ==, "quote");
  g_assert_cmpuint (gloss_search_hit_get_span_id (hit, 0), ==, 1);
  g_assert_cmpstr (gloss_search_hit_get_span_label (hit, 1), ==, "speaker");
  g_assert_cmpuint (gloss_search_hit_get_span_id (hit, 1), ==, 2);
}

static void
test_check (void)
{
  g_autoptr(GlossSearch) empty = gloss_search_new ("  ", 0, NULL);
  g_autoptr(GlossSearch) without = gloss_search_new ("x", 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_search_check (empty, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  gloss_search_set_span (empty, "quote");
  g_assert_true (gloss_search_check (empty, &error));
  g_assert_no_error (error);

  gloss_search_add_without (without, "speaker");
  g_assert_false (gloss_search_check (without, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
}

static void
test_json (void)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GlossSearch) search = gloss_search_new ("\"offen\"", 0, NULL);
  g_autoptr(GlossSearch) words = gloss_search_new ("offen", 0, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  hits = gloss_search_document (search, document, "de/a.txt");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  gloss_search_set_context (words, 12);
  hits = gloss_search_document (words, document, "de/\"a\".txt");
  g_assert_cmpuint (hits->len, ==, 1);
  gloss_search_hit_append_json (g_ptr_array_index (hits, 0), out);
  g_assert_cmpstr (out->str, ==,
                   "{\"document\": \"de/\\\"a\\\".txt\", \"sentence\": 1, \"sentence_start\": 56, "
                   "\"sentence_end\": 94, \"start\": 75, \"end\": 80, \"left\": \"ASSE bleibt \", "
                   "\"match\": \"offen\", \"right\": \" 😊, sagte si\", \"labels\": [], "
                   "\"spans\": [{\"id\": 3, \"label\": \"quote\"}]}");

  /* Between two sentences: no sentence */
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_string_truncate (out, 0);
  g_clear_object (&search);
  search = gloss_search_new ("\\r\\n", GLOSS_SEARCH_REGEX, NULL);
  gloss_search_set_context (search, 0);
  hits = gloss_search_document (search, document, "a");
  g_assert_cmpuint (hits->len, ==, 3);
  gloss_search_hit_append_json (g_ptr_array_index (hits, 0), out);
  g_assert_cmpstr (out->str, ==,
                   "{\"document\": \"a\", \"sentence\": null, \"sentence_start\": null, \"sentence_end\": null, "
                   "\"start\": 54, \"end\": 56, \"left\": \"\", \"match\": \"\\r\\n\", \"right\": \"\", "
                   "\"labels\": [], \"spans\": []}");
}

/* tests/data/export-spans: a German and an English article with spans in
 * CR LF, with „…“ and “…”, 😊, a quote in two parts, relations, and an
 * English one of version 1 */
static void
test_corpus (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "export-spans", NULL);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autoptr(GlossSearch) search = gloss_search_new ("said", GLOSS_SEARCH_WHOLE_WORDS, NULL);
  g_autoptr(GlossSearch) spans = gloss_search_new ("", 0, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  const char *expected[] = {
    "en/briefing.txt 1 75 79 said",
    "en/briefing.txt 2 125 129 said",
    "en/plain.txt 1 62 66 said",
  };

  g_ptr_array_add (inputs, g_file_new_for_path (root));
  hits = gloss_search_run (search, inputs, problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (gloss_search_get_n_documents (search), ==, 3);
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *line = g_strdup_printf ("%s %u %u %u %s", gloss_search_hit_get_document (hit),
                                               gloss_search_hit_get_sentence (hit),
                                               gloss_search_hit_get_start (hit), gloss_search_hit_get_end (hit),
                                               gloss_search_hit_get_match (hit));
      g_autoptr(GlossText) text = gloss_text_load (gloss_search_hit_get_file (hit), NULL, NULL);
      g_autofree char *at = gloss_text_dup_slice (text, gloss_search_hit_get_start (hit),
                                                  gloss_search_hit_get_end (hit));

      g_assert_cmpstr (line, ==, expected[i]);
      g_assert_cmpstr (at, ==, "said");
    }

  /* Quotes without a frame: Bea's German one, the English indirect one */
  g_clear_pointer (&hits, g_ptr_array_unref);
  gloss_search_set_span (spans, "quote");
  gloss_search_add_without (spans, "frame");
  gloss_search_add_in (spans, "claim");
  gloss_search_add_not_in (spans, "nonesuch");
  hits = gloss_search_run (spans, inputs, problems, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (got, "%s %u %s\n", gloss_search_hit_get_document (hit),
                              gloss_search_hit_get_start (hit), gloss_search_hit_get_match (hit));
    }
  g_assert_cmpstr (got->str, ==,
                   "de/interview.txt 189 kritisierte die Pläne scharf\n"
                   "en/briefing.txt 130 the plan was rushed. It ignores drivers\n");
  unknown = gloss_search_dup_unknown_labels (spans);
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unknown, 0), ==, "nonesuch");
}

static void
test_cancel (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "export-spans", NULL);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossSearch) search = gloss_search_new ("said", 0, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (inputs, g_file_new_for_path (root));
  g_cancellable_cancel (cancellable);
  hits = gloss_search_run (search, inputs, NULL, cancellable, &error);
  g_assert_null (hits);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/search/words-case", test_words_case);
  g_test_add_func ("/gloss/search/words-offsets", test_words_offsets);
  g_test_add_func ("/gloss/search/whole-words", test_whole_words);
  g_test_add_func ("/gloss/search/regex", test_regex);
  g_test_add_func ("/gloss/search/filters", test_filters);
  g_test_add_func ("/gloss/search/check", test_check);
  g_test_add_func ("/gloss/search/json", test_json);
  g_test_add_func ("/gloss/search/corpus", test_corpus);
  g_test_add_func ("/gloss/search/cancel", test_cancel);

  return g_test_run ();
}
