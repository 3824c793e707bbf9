/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-file-writer.h"
#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", name, NULL);

  return g_file_new_for_path (path);
}

/* A writable copy of a text (and its annotations, if any) in a temp folder */
static GFile *
copy_to_tmp (const char *tmpdir,
             const char *name,
             const char *contents,
             gssize      length)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_load_contents (file, NULL, &data, NULL, NULL, &error);
  g_assert_no_error (error);

  return data;
}

static void
test_valid (void)
{
  g_autoptr(GFile) file = fixture ("valid.txt");
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlossSentence *sentence;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  g_assert_false (gloss_document_get_read_only (document));
  g_assert_cmpstr (gloss_document_get_language (document), ==, "de");
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 2);
  g_assert_cmpuint (gloss_label_set_get_n_labels (gloss_document_get_labels (document)), ==, 2);

  sentence = gloss_document_get_sentence (document, 1);
  g_assert_cmpuint (gloss_sentence_get_start (sentence), ==, 27);
  g_assert_cmpuint (gloss_sentence_get_end (sentence), ==, 45);

  sentence = gloss_document_get_sentence (document, 0);
  g_assert_true (gloss_sentence_has_label (sentence, "quote"));
  g_assert_false (gloss_sentence_has_label (sentence, "claim"));
  g_assert_cmpuint (gloss_document_get_n_annotated (document), ==, 1);
}

typedef struct
{
  const char *name;
  const char *path;      /* the JSON path of the expected problem */
  const char *message;   /* a part of its message */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "not-json", "$", "not valid JSON" },
  { "not-object", "$", "must hold a JSON object" },
  { "deep", "$", "nested more than" },
  { "wrong-type", "$.sentences[0].start", "must be a whole number, not a string" },
  { "float-offset", "$.sentences[0].end", "whole number, not 26.5" },
  { "missing-key", "$.annotations[0].label", "is missing" },
  { "missing-sentences", "$.sentences", "is missing" },
  { "out-of-range", "$.annotations[0].end", "beyond the end of the text" },
  { "huge-number", "$.sentences[1].end", "beyond the largest allowed value" },
  { "negative", "$.sentences[0].start", "is negative" },
  { "start-after-end", "$.sentences[1].start", "is not before the end" },
  { "overlap", "$.sentences[1]", "overlaps" },
  { "text-differs", "$.annotations[0]", "differs from the text at [0, 26)" },
  { "unknown-label", "$.annotations[0]", "“rumour” is not in the label set" },
  { "duplicate-sentence-id", "$.sentences[1]", "sentence id 0 is used twice" },
  { "duplicate-annotation-id", "$.annotations[1]", "annotation id 1 is used twice" },
  { "duplicate-label-id", "$.labels[2]", "used twice" },
  { "newer-version", "$.version", "newer than this Gloss reads" },
  { "sha-differs", "$.text.sha256", "has changed since it was annotated" },
  { "unknown-field", "$.annotations[0].confidence", "Unknown field" },
  { "bad-time", "$.annotations[0]", "not an ISO 8601 time" },
  { "no-such-sentence", "$.annotations[0]", "no sentence with the id 7" },
  { "not-its-sentence", "$.annotations[0]", "does not cover its sentence" },
  { "untrimmed", "$.sentences[1]", "white space" },
  { "wrong-format", "$.format", "not “gloss”" },
  { "bad-language", "$.language", "neither" },
  /* Version 2: spans, relations and their labels */
  { "span-out-of-range", "$.spans[0].parts[1]", "The part [27, 4000) ends beyond the end of the text (45 characters)" },
  { "span-text-differs", "$.spans[0].text[0]", "The text “Ja” differs from the text at [20, 24): “Nein”" },
  { "span-parts-order", "$.spans[0].parts[1]", "The part [20, 24) overlaps the part before it or comes before it" },
  { "span-parts-overlap", "$.spans[0].parts[1]", "The part [22, 30) overlaps the part before it" },
  { "span-part-empty", "$.spans[0].parts[0]", "The part [20, 20) is empty" },
  { "span-no-parts", "$.spans[0].parts", "A span has at least one part" },
  { "span-part-not-pair", "$.spans[0].parts[0]", "A part must be two whole numbers [start, end], not a list" },
  { "span-texts-count", "$.spans[0].text", "The number of texts (1) differs from the number of parts (2)" },
  { "span-unknown-label", "$.spans[1]", "The label “rumour” is not in the label set" },
  { "span-wrong-scope", "$.spans[1]", "The label “claim” is a sentence label, not a span label" },
  { "span-undeclared-attribute", "$.spans[0].attributes.tone", "The label “utterance” has no attribute “tone”" },
  { "span-undeclared-value", "$.spans[0].attributes.type",
    "“ironic” is not a value of the attribute “type” of the label “utterance”" },
  { "span-attribute-not-string", "$.spans[0].attributes.type", "The value of an attribute must be a string, not a number" },
  { "span-duplicate-id", "$.spans[2]", "The span id 2 is used twice" },
  { "span-bad-origin", "$.spans[1].origin", "The origin “imported” is not “suggested”" },
  { "spans-not-list", "$.spans", "“spans” must be a list, not an object" },
  { "relation-missing-span", "$.relations[0].to", "There is no span with the id 9" },
  { "relation-wrong-labels", "$.relations[1]", "The relation label “speaker” does not join a “utterance” span to a “cue” span" },
  { "relation-unknown-label", "$.relations[0]", "The relation label “said” is not in the label set" },
  { "relation-duplicate-id", "$.relations[1]", "The relation id 1 is used twice" },
  { "relation-to-itself", "$.relations[0]", "The relation joins the span 1 to itself" },
  { "label-unknown-scope", "$.labels[2].scope", "The scope “passage” of label “utterance” is none of" },
  { "label-bad-value", "$.labels[2].attributes[0].values[1]", "“direct” is given twice" },
  { "label-key-clash", "$.labels[3]", "The key “q” of label “speaker” is used by another label" },
  { "relation-label-not-span", "$.relation_labels[0].to[0]",
    "The relation label “speaker” names the label “claim”, which is not a span label" },
  { "relation-label-unknown-end", "$.relation_labels[1].from[0]",
    "The relation label “cue” names the label “speech”, which is not in the label set" },
  { "v1-with-spans", "$.spans", "“spans” is new in version 2 of the format, but the file says version 1" },
  { "v1-span-labels", "$.version", "The file is of version 1, but span and relation labels need version 2" },
  { "conflict-unknown-kind", "$.conflicts[0].kind", "“guess” is not a kind of clash Gloss knows" },
  { "conflict-both-null", "$.conflicts[0]", "A clash needs at least one version that is not null" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autofree char *name = g_strconcat (c->name, ".txt", NULL);
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = read_file (json_file);
  g_autofree char *after = NULL;
  GPtrArray *problems;
  gboolean found = FALSE;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);

  problems = gloss_document_get_problems (document);
  for (guint i = 0; i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->path, c->path) == 0 && strstr (problem->message, c->message) != NULL)
        found = TRUE;
      else
        g_test_message ("other problem: %s: %s", problem->path, problem->message);
    }
  g_assert_true (found);

  /* A file with problems is shown but never overwritten */
  g_assert_true (gloss_document_get_read_only (document));
  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  after = read_file (json_file);
  g_assert_cmpstr (before, ==, after);

  /* The text is still there to read */
  g_assert_cmpuint (gloss_text_get_length (gloss_document_get_text (document)), ==, 45);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), >, 0);
}

/* Offsets in code points: umlauts, „…“, an emoji with a skin tone modifier,
 * a combining accent, CRLF and a BOM. Every stored text must equal the text
 * at its offsets. */
static const char *round_trip_text =
  "\xEF\xBB\xBF" "Die Ministerin sagte: „Wir prüfen das.“\r\n"
  "Das Ergebnis 👍🏽 kommt im März.\r\n"
  "Cafe\xCC\x81 und Crème: beides gut.";

static void
test_round_trip (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "article.txt", round_trip_text, -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  GlossText *text;
  GListModel *annotations;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);

  text = gloss_document_get_text (document);
  g_assert_true (gloss_text_get_has_bom (text));
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 3);

  gloss_document_set_annotator (document, "Ada Lovelace");
  g_assert_true (gloss_document_add_label (document, 0, "source"));
  g_assert_true (gloss_document_add_label (document, 0, "quote"));
  g_assert_true (gloss_document_add_label (document, 1, "claim"));
  g_assert_true (gloss_document_add_label (document, 2, "claim"));
  g_assert_true (gloss_document_set_note (document, 1, "Emoji \"👍🏽\" mitten drin\tund ein \\"));

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  saved = read_file (json_file);

  /* Offsets as Python's str counts them: the BOM is not part of the text */
  g_assert_nonnull (strstr (saved, "{\"id\": 1, \"start\": 41, \"end\": 71}"));
  g_assert_nonnull (strstr (saved, "\"text\": \"Das Ergebnis 👍🏽 kommt im März.\""));
  g_assert_nonnull (strstr (saved, "\"note\": \"Emoji \\\"👍🏽\\\" mitten drin\\tund ein \\\\\""));
  g_assert_nonnull (strstr (saved, "\"bom\": true"));

  annotations = gloss_document_get_annotations (document);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) a = g_list_model_get_item (annotations, i);

      g_assert_true (gloss_text_slice_equals (text, gloss_annotation_get_start (a),
                                              gloss_annotation_get_end (a), gloss_annotation_get_text (a)));
    }

  /* Load and save again: the same bytes */
  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_cmpstr (gloss_document_get_note (reloaded, 1), ==, "Emoji \"👍🏽\" mitten drin\tund ein \\");
  first = gloss_format_serialize (document);
  second = gloss_format_serialize (reloaded);
  g_assert_true (g_bytes_equal (first, second));

  g_assert_true (gloss_document_save (reloaded, NULL, &error));
  saved_again = read_file (json_file);
  g_assert_cmpstr (saved, ==, saved_again);

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* The worked example of the README loads without a problem and is written
 * back byte for byte */
static void
test_readme_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example", "artikel.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *original = read_file (json_file);

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  g_assert_cmpstr (gloss_document_get_note (document, 0), ==, "Zitat der Ärztin 😊");

  bytes = gloss_format_serialize (document);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, strlen (original));
}

static GFile *
span_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "spans", name, NULL);

  return g_file_new_for_path (path);
}

/* Version 2, as make-fixtures.py writes it independently of Gloss (German
 * and English, CR LF, „…“, an emoji outside the BMP, a quote in two parts
 * across sentences, nested and overlapping spans; and the README's
 * example): loaded without a problem and written back byte for byte */
static void
test_v2_round_trip (void)
{
  const struct
  {
    const char *folder;
    const char *name;
    guint       n_spans;
    guint       n_relations;
    guint       n_annotated;
    gboolean    crosses;       /* the first quote crosses sentences */
  } cases[] = {
    { "spans", "de-zitate.txt", 13, 9, 1, TRUE },
    { "spans", "en-quotes.txt", 11, 8, 1, TRUE },
    { "example", "zitat.txt", 3, 2, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", cases[i].folder, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *original = read_file (json_file);
      GlossSpan *quote;

      document = gloss_document_load (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (document)), ==, cases[i].n_spans);
      g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_relations (document)), ==, cases[i].n_relations);
      g_assert_cmpuint (gloss_document_get_n_annotated (document), ==, cases[i].n_annotated);

      quote = gloss_document_lookup_span (document, 1);
      g_assert_cmpuint (gloss_span_get_n_parts (quote), ==, 2);
      g_assert_cmpstr (gloss_span_get_attribute (quote, "type"), ==, "direct");
      g_assert_cmpint (gloss_document_find_sentence_at (document, gloss_span_get_start (quote)) <
                       gloss_document_find_sentence_at (document, gloss_span_get_end (quote) - 1),
                       ==, cases[i].crosses);

      bytes = gloss_format_serialize (document);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, strlen (original));
    }
}

/* A version 1 file stays version 1, byte for byte, until it holds
 * something of version 2; and goes back to it when that is undone */
static void
test_v1_until_spans (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example", "artikel.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossLabel) speaker = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SPAN, "speaker", "Speaker",
                                                              "#e66100", "p", "");
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = read_file (json_file);
  GlossLabelSet *labels;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  labels = gloss_document_get_labels (document);

  for (guint step = 0; step < 4; step++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *json = NULL;

      if (step == 1)
        gloss_label_set_insert (labels, 3, speaker);
      else if (step == 2)
        {
          span = gloss_document_new_span (document, "speaker", (GlossRange[]) { { 0, 10 } }, 1);
          g_assert_true (gloss_document_add_span (document, span, &error));
        }
      else if (step == 3)
        {
          g_assert_true (gloss_document_undo (document));
          gloss_label_set_remove (labels, "speaker");
        }

      bytes = gloss_format_serialize (document);
      json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (step == 0 || step == 3)
        g_assert_cmpstr (json, ==, original);
      else
        {
          g_autoptr(GlossDocument) reloaded = NULL;
          g_autoptr(GlossText) text = gloss_text_load (file, NULL, &error);
          g_autoptr(GBytes) again = NULL;

          g_assert_nonnull (strstr (json, "\n  \"version\": 2,\n"));
          g_assert_nonnull (strstr (json, "\"scope\": \"span\"}\n  ],\n  \"relation_labels\": [],\n  \"sentences\""));
          g_assert_true (g_str_has_suffix (json, step == 1 ? "\n  ],\n  \"spans\": [],\n  \"relations\": []\n}\n"
                                                           : "\n  ],\n  \"relations\": []\n}\n"));
          if (step == 2)
            g_assert_nonnull (strstr (json, "\"spans\": [\n    {\"id\": 1, \"label\": \"speaker\", \"parts\": [[0, 10]], "
                                            "\"text\": [\"Die Ärztin\"], \"attributes\": {}, \"note\": \"\", "));

          /* and read back, the same (but for the file's name, which a
           * document without a file does not know) */
          reloaded = gloss_format_parse (text, "artikel.txt", json, strlen (json), NULL, NULL);
          g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
          again = gloss_format_serialize (reloaded);
          {
            g_autoptr(GString) expected = g_string_new (json);

            g_string_replace (expected, "\"file\": \"artikel.txt\"", "\"file\": \"\"", 1);
            g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again), expected->str, expected->len);
          }
        }
    }
}

/* A project with span labels makes every file of it version 2 */
static void
test_v2_project (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (tmpdir, "gloss-project.json", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "„Nein“, sagte er. Dann ging er.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (gloss_project_save_labels (project, quotation, &error));
  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_save (document, NULL, &error));
  saved = read_file (json_file);
  g_assert_nonnull (strstr (saved, "\"version\": 2,"));
  g_assert_nonnull (strstr (saved, "\"relation_labels\": [\n    {\"id\": \"speaker\""));
  g_assert_nonnull (strstr (saved, "\"spans\": [],\n  \"relations\": []\n}"));

  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_true (gloss_label_set_equal (gloss_document_get_labels (reloaded), quotation));

  g_remove (project_path);
  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* The ids of orphaned spans and relations are not given again; orphans
 * stay as they were read */
static void
test_orphan_ids (void)
{
  g_autoptr(GFile) file = span_fixture ("de-zitate.txt");
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossText) text = gloss_text_load (file, NULL, NULL);
  g_autofree char *original = read_file (json_file);
  g_autoptr(GString) json = g_string_new (original);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *orphans = ",\n  \"orphans\": [\n"
                        "    {\"kind\":\"span\",\"id\":40,\"label\":\"quote\",\"parts\":[[3,5]],\"text\":[\"ab\"]},\n"
                        "    {\"kind\":\"relation\",\"id\":30,\"label\":\"cue\",\"from\":40,\"to\":3},\n"
                        "    {\"something\":\"else\"}\n  ]\n}\n";

  g_string_truncate (json, json->len - 3);
  g_string_append (json, orphans);
  document = gloss_format_parse (text, "de-zitate.txt", json->str, json->len, NULL, NULL);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  g_assert_cmpuint (gloss_document_get_n_orphans (document), ==, 3);

  span = gloss_document_new_span (document, "cue", (GlossRange[]) { { 0, 5 } }, 1);
  g_assert_cmpuint (gloss_span_get_id (span), ==, 41);
  relation = gloss_document_new_relation (document, "cue", 1, 3);
  g_assert_cmpuint (gloss_relation_get_id (relation), ==, 31);

  /* a document without a file writes no file name */
  bytes = gloss_format_serialize (document);
  g_string_replace (json, "\"file\": \"de-zitate.txt\"", "\"file\": \"\"", 1);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), json->str, json->len);
}

/* The snapshot takes references only; the file is the document as it was
 * when the save began */
static void
test_v2_snapshot (void)
{
  g_autoptr(GFile) file = span_fixture ("en-quotes.txt");
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autofree char *original = read_file (json_file);
  g_autoptr(GlossDocument) document = gloss_document_load (file, NULL, NULL, NULL);
  g_autoptr(GlossFormatSnapshot) snapshot = gloss_format_snapshot (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossSpan) copy = gloss_span_copy (gloss_document_lookup_span (document, 2));
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_remove_span (document, 1));
  gloss_span_set_note (copy, "später");
  g_assert_true (gloss_document_replace_span (document, copy, &error));
  g_assert_no_error (error);

  bytes = gloss_format_snapshot_serialize (snapshot);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), original, strlen (original));
}

static void
test_meta_kept (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "One. Two.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *saved = NULL;

  document = gloss_document_load (file, "en", NULL, &error);
  g_assert_no_error (error);
  bytes = gloss_format_serialize (document);

  /* A "meta" object (e.g. from an import) survives loading and saving */
  json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) - 3);
  g_assert_true (g_str_has_suffix (json, "]"));
  {
    g_autofree char *with_meta = g_strconcat (json, ",\n  \"meta\": {\"source\":\"crawler\",\"n\":[1,2]}\n}\n", NULL);
    g_autoptr(GlossDocument) reloaded = NULL;

    g_file_set_contents (g_file_peek_path (json_file), with_meta, -1, &error);
    g_assert_no_error (error);

    reloaded = gloss_document_load (file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
    g_assert_true (gloss_document_save (reloaded, NULL, &error));
    saved = read_file (json_file);
    g_assert_cmpstr (saved, ==, with_meta);
  }

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* Numbers in "meta" and "orphans", which Gloss keeps without reading
 * them, come back as they were: json-glib wrote 1e20 as 1e+20.0 and 1e400
 * as inf, which no JSON reader takes, so the file saved could not be
 * opened again, and 12345678901234567890 as another number */
static void
test_meta_numbers (void)
{
  static const char * const numbers[] = {
    "1e20", "1e-7", "0.1", "1e308", "-0.0", "12345678901234567890", "1e400", "-1E+400", "2.50", "0",
  };
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "One. Two.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;

  {
    g_autoptr(GlossDocument) document = gloss_document_load (file, "en", NULL, &error);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_no_error (error);
    bytes = gloss_format_serialize (document);
    head = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) - 3);
  }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *orphan = g_strdup_printf ("{\"id\":7,\"label\":\"claim\",\"n\":%s,\"list\":[%s,{\"x\":%s}]}",
                                                 numbers[i], numbers[i], numbers[i]);
      g_autofree char *meta = g_strdup_printf ("{\"x\":%s,\"y\":[%s],\"s\":\"\\u001f\"}", numbers[i], numbers[i]);
      g_autofree char *contents = g_strdup_printf ("%s,\n  \"orphans\": [\n    %s\n  ],\n  \"meta\": %s\n}\n",
                                                   head, orphan, meta);

      g_file_set_contents (g_file_peek_path (json_file), contents, -1, &error);
      g_assert_no_error (error);

      /* Loaded, saved, loaded and saved again: the same bytes each time */
      for (guint round = 0; round < 2; round++)
        {
          g_autoptr(GlossDocument) document = gloss_document_load (file, NULL, NULL, &error);
          g_autofree char *saved = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
          g_assert_cmpuint (gloss_document_get_n_orphans (document), ==, 1);
          g_assert_true (gloss_document_save (document, NULL, &error));
          g_assert_no_error (error);
          saved = read_file (json_file);
          g_assert_cmpstr (saved, ==, contents);
        }
    }

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* Times as Gloss writes them are checked without GDateTime; every
 * verdict is GDateTime's */
static void
test_timestamps (void)
{
  static const char * const cases[] = {
    "2026-11-28T09:15:02Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2000-02-29T23:59:59Z",
    "1900-02-29T12:00:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z",
    "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01t10:00:00z", "2026-01-01T10:00:00+02:00",
    "2026-01-01T10:00:00", "2026-01-01 10:00:00Z", "2026-1-01T10:00:00Z", "2026-01-01T10:00:00.5Z",
    "20260101T100000Z", "", "2026-01-01T10:00:0xZ", "+2026-01-01T10:00:00Z",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (cases[i], NULL);

      g_test_message ("%s", cases[i]);
      g_assert_true (gloss_timestamp_is_valid (cases[i]) == (time != NULL));
    }

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *timestamp = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                                                    g_rand_int_range (rand, 0, 10000), g_rand_int_range (rand, 0, 14),
                                                    g_rand_int_range (rand, 0, 33), g_rand_int_range (rand, 0, 26),
                                                    g_rand_int_range (rand, 0, 62), g_rand_int_range (rand, 0, 62));
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (timestamp, NULL);

      g_assert_true (gloss_timestamp_is_valid (timestamp) == (time != NULL));
    }
}

static void
test_unwritable (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "One. Two.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *still = NULL;

  document = gloss_document_load (file, "en", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 0, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));
  saved = read_file (json_file);

  gloss_document_add_label (document, 1, "quote");

  if (geteuid () != 0)
    {
      /* A folder that cannot be written: the old file stays as it was */
      g_chmod (tmpdir, 0555);
      g_assert_false (gloss_document_save (document, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_chmod (tmpdir, 0755);

      still = read_file (json_file);
      g_assert_cmpstr (saved, ==, still);
    }
  else
    {
      /* Root writes any folder; a folder in the file's place fails the
       * rename instead, and what is there stays */
      g_autofree char *inner = g_build_filename (g_file_peek_path (json_file), "keep", NULL);

      g_file_delete (json_file, NULL, NULL);
      g_mkdir (g_file_peek_path (json_file), 0755);
      g_file_set_contents (inner, saved, -1, &error);
      g_assert_no_error (error);

      g_assert_false (gloss_document_save (document, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      {
        g_autoptr(GFile) inner_file = g_file_new_for_path (inner);

        still = read_file (inner_file);
      }
      g_assert_cmpstr (saved, ==, still);
      g_remove (inner);
      g_rmdir (g_file_peek_path (json_file));
    }

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

static void
test_project_labels (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (tmpdir, "2026", NULL);
  g_autofree char *project_path = g_build_filename (tmpdir, "gloss-project.json", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) broken = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  g_autoptr(GError) error = NULL;
  GlossProblem *problem;

  g_mkdir (sub, 0755);
  file = copy_to_tmp (sub, "a.txt", "Gerüchte halten sich. Niemand weiß, woher.", -1);
  json_file = gloss_document_dup_annotation_file_for (file);

  /* The project's labels, from a folder above the document */
  g_file_set_contents (project_path,
                       "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": ["
                       "{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\", \"key\": \"c\"},"
                       "{\"id\": \"rumour\", \"name\": \"Gerücht\", \"color\": \"#9141ac\", \"key\": \"r\"}]}",
                       -1, &error);
  g_assert_no_error (error);

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  labels = g_object_ref (gloss_document_get_labels (document));
  g_assert_cmpuint (gloss_label_set_get_n_labels (labels), ==, 2);
  g_assert_nonnull (gloss_label_set_lookup (labels, "rumour"));
  g_assert_nonnull (gloss_label_set_lookup_key (labels, "r"));
  g_assert_null (gloss_label_set_lookup (labels, "quote"));
  g_assert_true (gloss_document_add_label (document, 0, "rumour"));
  g_assert_true (gloss_document_save (document, NULL, &error));

  /* Saving the project's labels and reading them back gives the same set */
  g_assert_true (gloss_project_save_labels (project, labels, &error));
  g_assert_no_error (error);

  /* A broken project file: the document is read-only and the problem names the project file */
  g_file_set_contents (project_path, "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": [{\"id\": \"Bad Id\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  broken = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_get_read_only (broken));
  problem = g_ptr_array_index (gloss_document_get_problems (broken), 0);
  g_assert_cmpstr (problem->file, ==, project_path);
  g_assert_cmpstr (problem->path, ==, "$.labels[0]");

  g_remove (project_path);
  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (sub);
  g_rmdir (tmpdir);
}

/* A document loaded only to be read, as an export loads each: the
 * project of its folder is read once for all its documents, each gets
 * labels of its own, and a save never replaces its annotation file,
 * whose contents were not recorded */
static void
test_load_to_read (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (tmpdir, "gloss-project.json", NULL);
  g_autoptr(GFile) a = copy_to_tmp (tmpdir, "a.txt", "Gerüchte halten sich. Niemand weiß, woher.", -1);
  g_autoptr(GFile) b = copy_to_tmp (tmpdir, "b.txt", "Noch ein Text. Mit zwei Sätzen.", -1);
  g_autoptr(GFile) a_json = gloss_document_dup_annotation_file_for (a);
  g_autoptr(GFile) b_json = gloss_document_dup_annotation_file_for (b);
  GFile *texts[] = { a, b };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Annotation files as Gloss writes them */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GlossDocument) document = gloss_document_load (texts[i], "de", NULL, &error);

      g_assert_no_error (error);
      g_assert_true (gloss_document_add_label (document, 0, "claim"));
      g_assert_true (gloss_document_save (document, NULL, &error));
      g_assert_no_error (error);
    }
  g_file_set_contents (project_path,
                       "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": ["
                       "{\"id\": \"claim\", \"key\": \"c\"}, {\"id\": \"rumour\", \"key\": \"r\"}]}",
                       -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GlossProjectCache) projects = gloss_project_cache_new ();
    g_autoptr(GlossDocument) first = _gloss_document_load_to_read (a, NULL, projects, NULL, &error);
    g_autoptr(GlossDocument) second = _gloss_document_load_to_read (b, NULL, projects, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_document_get_problems (first)->len, ==, 0);
    g_assert_cmpuint (gloss_document_get_problems (second)->len, ==, 0);
    g_assert_nonnull (gloss_label_set_lookup (gloss_document_get_labels (first), "rumour"));
    g_assert_nonnull (gloss_label_set_lookup (gloss_document_get_labels (second), "rumour"));
    g_assert_true (gloss_document_get_labels (first) != gloss_document_get_labels (second));
    g_assert_cmpuint (gloss_document_get_n_annotated (second), ==, 1);

    before = read_file (a_json);
    g_assert_true (gloss_document_add_label (first, 1, "rumour"));
    g_assert_false (gloss_document_save (first, NULL, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
    g_clear_error (&error);
    after = read_file (a_json);
    g_assert_cmpstr (after, ==, before);
  }

  /* A broken project: each document gets its problem */
  g_file_set_contents (project_path, "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": [{\"id\": \"Bad Id\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GlossProjectCache) projects = gloss_project_cache_new ();

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GlossDocument) document = _gloss_document_load_to_read (texts[i], NULL, projects, NULL, &error);
        GlossProblem *problem;

        g_assert_no_error (error);
        g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 1);
        problem = g_ptr_array_index (gloss_document_get_problems (document), 0);
        g_assert_cmpstr (problem->file, ==, project_path);
        g_assert_cmpstr (problem->path, ==, "$.labels[0]");
      }
  }

  g_remove (project_path);
  g_file_delete (a_json, NULL, NULL);
  g_file_delete (b_json, NULL, NULL);
  g_file_delete (a, NULL, NULL);
  g_file_delete (b, NULL, NULL);
  g_rmdir (tmpdir);
}

/* Boundary edits are saved: ids stay stable and review marks are kept */
static void
test_boundaries_saved (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "Er sagte, es regne. Sie widersprach ihm heftig.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 0, "source");
  g_assert_true (gloss_document_split_sentence (document, 0, 9));
  g_assert_true (gloss_document_save (document, NULL, &error));
  saved = read_file (json_file);
  g_assert_nonnull (strstr (saved, "{\"id\": 0, \"start\": 0, \"end\": 9},\n    {\"id\": 2, \"start\": 10, \"end\": 19},\n    {\"id\": 1, \"start\": 20, \"end\": 47}"));
  g_assert_nonnull (strstr (saved, "\"text\": \"Er sagte,\""));
  g_assert_nonnull (strstr (saved, "\"review\": true}"));

  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_true (gloss_document_save (reloaded, NULL, &error));
  again = read_file (json_file);
  g_assert_cmpstr (saved, ==, again);

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_save_finish (GLOSS_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* An autosave writes the document as it was when the save began, while
 * the user goes on working */
static void
test_save_async_snapshot (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "Eins. Zwei. Drei.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gboolean done = FALSE;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 0, "claim");
  gloss_document_set_note (document, 0, "vorher");
  expected = gloss_format_serialize (document);

  gloss_document_save_async (document, NULL, on_saved_cb, &done);
  gloss_document_set_note (document, 0, "nachher");
  gloss_document_add_label (document, 1, "quote");
  gloss_document_undo (document);
  gloss_document_undo (document);
  gloss_document_undo (document);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  saved = read_file (json_file);
  g_assert_cmpmem (saved, strlen (saved), g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* A Windows-1252 file: opened as such once, read as such again, because
 * its annotation file records the encoding */
static void
test_windows_1252 (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  /* "Grüße aus Köln. Das kostet 5 €." */
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "alt.txt", "Gr\xfc\xdf" "e aus K\xf6ln. Das kostet 5 \x80.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *second = NULL;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  document = gloss_document_load_encoded (file, "de", "windows-1252", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_get_encoding (gloss_document_get_text (document)), ==, "windows-1252");
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 2);
  second = gloss_document_dup_sentence_text (document, 1);
  g_assert_cmpstr (second, ==, "Das kostet 5 €.");
  gloss_document_add_label (document, 1, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));
  saved = read_file (json_file);
  g_assert_nonnull (strstr (saved, "\"bom\": false, \"encoding\": \"windows-1252\"}"));
  g_assert_nonnull (strstr (saved, "\"start\": 16, \"end\": 31, \"sentence\": 1, \"text\": \"Das kostet 5 €.\""));

  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_true (gloss_document_save (reloaded, NULL, &error));
  again = read_file (json_file);
  g_assert_cmpstr (saved, ==, again);

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

static void
on_save_failed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (gloss_document_save_finish (GLOSS_DOCUMENT (object), result, error));
}

/* Someone else's change on disk is never written over: not by a save,
 * not by an autosave */
static void
test_changed_on_disk (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "Eins. Zwei. Drei.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *their_bytes = NULL;
  g_autofree char *after = NULL;
  GError *async_error = NULL;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 0, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);

  /* A colleague's version arrives (a git pull) */
  theirs = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (theirs, 2, "quote");
  g_usleep (20000);
  g_assert_true (gloss_document_save (theirs, NULL, &error));
  their_bytes = read_file (json_file);

  gloss_document_add_label (document, 1, "source");
  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  gloss_document_save_async (document, NULL, on_save_failed_cb, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&async_error);

  after = read_file (json_file);
  g_assert_cmpstr (after, ==, their_bytes);

  /* The message names the file readably, whatever its name's bytes
   * (issue 10, item 5) */
  {
    g_autoptr(GFile) latin = copy_to_tmp (tmpdir, "caf\xe9.txt", "Eins. Zwei. Drei.", -1);
    g_autoptr(GFile) latin_json = gloss_document_dup_annotation_file_for (latin);
    g_autoptr(GlossDocument) mine = gloss_document_load (latin, "de", NULL, &error);

    g_assert_no_error (error);
    gloss_document_add_label (mine, 0, "claim");
    g_assert_true (gloss_document_save (mine, NULL, &error));
    g_assert_true (g_file_replace_contents (latin_json, "{}", 2, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                            &error));
    g_assert_false (gloss_document_save (mine, NULL, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_assert_nonnull (strstr (error->message, "“caf\xef\xbf\xbd.txt.gloss.json”"));
    g_clear_error (&error);
    g_file_delete (latin_json, NULL, NULL);
    g_file_delete (latin, NULL, NULL);
  }

  /* A deleted file is simply written again */
  g_file_delete (json_file, NULL, NULL);
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_document_save (document, NULL, &error));

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* Rewrites @path in place (same inode, same size) with @contents and puts
 * its modification time back: what an editor, a sync tool or a `git
 * checkout` within the same second can leave */
static void
rewrite_keeping_time (const char *path,
                      const char *contents)
{
  struct stat before, after;
  struct timespec times[2];
  gsize length = strlen (contents);
  int fd;

  g_assert_cmpint (stat (path, &before), ==, 0);
  g_assert_cmpuint ((gsize)before.st_size, ==, length);
  g_usleep (20000);

  fd = open (path, O_WRONLY | O_TRUNC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, length), ==, (gssize)length);
  g_assert_cmpint (close (fd), ==, 0);

  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
}

/* Someone else makes the first claim of @json_file a quote: the same
 * length, the same size, the time put back. Returns their bytes. */
static char *
rewrite_claim_as_quote (GFile *json_file)
{
  char *theirs = read_file (json_file);
  char *label = strstr (theirs, "\"label\": \"claim\"");

  g_assert_nonnull (label);
  memcpy (label, "\"label\": \"quote\"", strlen ("\"label\": \"quote\""));
  rewrite_keeping_time (g_file_peek_path (json_file), theirs);

  return theirs;
}

/* Issue 10, item 2: a change of the same size whose time was put back is
 * still seen, by its contents; a file touched without a change is not
 * taken for one */
static void
test_changed_same_size (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "Eins. Zwei. Drei.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  GError *async_error = NULL;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 0, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_true (gloss_document_check_disk (document, NULL, &error));
  g_assert_no_error (error);

  /* Someone else makes the claim a quote: same length, same size */
  theirs = rewrite_claim_as_quote (json_file);

  g_assert_false (gloss_document_check_disk (document, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  gloss_document_add_label (document, 1, "source");
  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  gloss_document_save_async (document, NULL, on_save_failed_cb, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);
  g_clear_error (&async_error);

  after = read_file (json_file);
  g_assert_cmpstr (after, ==, theirs);

  /* Their file, read again, then touched and written back with the same
   * bytes: no change, the save goes ahead */
  g_clear_object (&document);
  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_usleep (20000);
  g_assert_true (g_file_set_contents (g_file_peek_path (json_file), theirs, -1, &error));
  g_assert_true (gloss_document_check_disk (document, NULL, &error));
  g_assert_no_error (error);
  gloss_document_add_label (document, 1, "source");
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (gloss_document_check_disk_finish (GLOSS_DOCUMENT (object), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "unchanged");
}

/* Waits for a check; TRUE when it said the file is unchanged */
static gboolean
check_disk_async (GlossDocument  *document,
                  GError        **error)
{
  GError *result = NULL;

  gloss_document_check_disk_async (document, NULL, on_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (g_error_matches (result, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_error_free (result);
      return TRUE;
    }

  g_propagate_error (error, result);
  return FALSE;
}

/* The window's look at the disk, in a worker thread: our own write is
 * never taken for someone else's, not even one that lands while the
 * check runs; another's change of the same size is seen */
static void
test_check_disk_async (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "Eins. Zwei. Drei.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *theirs = NULL;
  gboolean saved = FALSE;
  gint64 deadline;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  /* No file yet, none now */
  g_assert_true (check_disk_async (document, &error));
  gloss_document_add_label (document, 0, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_true (check_disk_async (document, &error));
  g_assert_no_error (error);

  /* Our autosave's bytes are on disk, but its result has not reached the
   * main loop yet when the check begins: the check waits for it */
  before = read_file (json_file);
  gloss_document_add_label (document, 1, "quote");
  gloss_document_save_async (document, NULL, on_saved_cb, &saved);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autofree char *now = NULL;

      if (g_file_load_contents (json_file, NULL, &now, NULL, NULL, NULL) && g_strcmp0 (now, before) != 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_assert_false (saved);
  g_assert_true (check_disk_async (document, &error));
  g_assert_no_error (error);
  g_assert_true (saved);

  /* Someone else's claim becomes a quote, the size and time kept */
  theirs = rewrite_claim_as_quote (json_file);
  g_assert_false (check_disk_async (document, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK);

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* Issue 10, item 4: an annotation file nobody may write (mode 0444, even
 * for root) opens read-only with the reason and is never replaced; saving
 * elsewhere still works */
static void
test_read_only_file (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "a.txt", "Eins. Zwei. Drei.", -1);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GFile) elsewhere = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_path = g_build_filename (tmpdir, "mine.gloss.json", NULL);
  const char *reason;
  struct stat st;

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  gloss_document_add_label (document, 0, "claim");
  g_assert_true (gloss_document_save (document, NULL, &error));
  g_clear_object (&document);
  saved = read_file (json_file);
  g_assert_cmpint (g_chmod (g_file_peek_path (json_file), 0444), ==, 0);

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_document_get_read_only (document));
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  reason = gloss_document_get_read_only_reason (document);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "a.txt.gloss.json"));
  g_assert_nonnull (strstr (reason, "read-only"));

  g_assert_false (gloss_document_save (document, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, reason);
  g_clear_error (&error);

  after = read_file (json_file);
  g_assert_cmpstr (after, ==, saved);
  g_assert_cmpint (stat (g_file_peek_path (json_file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);

  /* Save Elsewhere */
  elsewhere = g_file_new_for_path (copy_path);
  bytes = gloss_format_serialize (document);
  g_assert_true (gloss_file_write (elsewhere, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   GLOSS_FILE_WRITER_NONE, NULL, &error));
  g_assert_no_error (error);
  copy = read_file (elsewhere);
  g_assert_cmpstr (copy, ==, saved);

  g_file_delete (elsewhere, NULL, NULL);
  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

static void
test_empty_text (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GFile) file = copy_to_tmp (tmpdir, "empty.txt", "", 0);
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 0);
  g_assert_true (gloss_document_save (document, NULL, &error));

  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_cmpuint (gloss_document_get_n_sentences (reloaded), ==, 0);

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* A 10 MB text: split, annotated throughout, saved, loaded again exactly */
static void
test_large_text (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-test-XXXXXX", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  guint n;

  while (text->len < 10 * 1000 * 1000)
    g_string_append (text, "Die Ministerin sagte am 3. März: „Wir prüfen das 👍🏽.“ Der Bericht folgt z. B. im Mai.\n"
                           "The minister said on Monday that the U.S. plan would cost $3.5 million.\n\n");

  file = copy_to_tmp (tmpdir, "large.txt", text->str, text->len);
  json_file = gloss_document_dup_annotation_file_for (file);

  document = gloss_document_load (file, "de", NULL, &error);
  g_assert_no_error (error);
  n = gloss_document_get_n_sentences (document);
  g_assert_cmpuint (n, ==, 175440);

  for (guint i = 0; i < n; i += 7)
    gloss_document_add_label (document, i, i % 2 ? "claim" : "quote");

  g_assert_true (gloss_document_save (document, NULL, &error));
  g_assert_no_error (error);

  reloaded = gloss_document_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (reloaded)->len, ==, 0);
  g_assert_cmpuint (gloss_document_get_n_sentences (reloaded), ==, n);
  g_assert_cmpuint (gloss_document_get_n_annotated (reloaded), ==, (n + 6) / 7);

  first = gloss_format_serialize (document);
  second = gloss_format_serialize (reloaded);
  g_assert_true (g_bytes_equal (first, second));

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (tmpdir);
}

/* What json-glib let through but JSON does not allow is refused, with
 * where it is: "end": 032 was read as 26 (octal), a comment or 'quotes'
 * went unnoticed. A file that is not JSON at all keeps json-glib's
 * message. */
static void
test_strict_json (void)
{
  const struct
  {
    const char *from;
    const char *to;
    const char *where;
  } cases[] = {
    { "\"end\": 26\n", "\"end\": 032\n", "line 32, column 12" },
    { "\"end\": 26\n", "\"end\": 0x1A\n", "line 32, column 12" },
    { "\"language\": \"de\"", "\"language\": 'de'", "line 10, column 14" },
    { "\"done\": false,", "\"done\": false, /* not yet */", "line 11, column 17" },
    { "\"annotator\": \"Ada\"", "\"annotator\": \"A\tda\"", "line 49, column 19" },
  };
  g_autoptr(GFile) file = fixture ("valid.txt");
  g_autoptr(GFile) json_file = gloss_document_dup_annotation_file_for (file);
  g_autoptr(GlossText) text = gloss_text_load (file, NULL, NULL);
  g_autofree char *valid = read_file (json_file);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (valid);
      g_autoptr(GlossDocument) document = NULL;
      GPtrArray *problems;
      GlossProblem *problem;

      g_assert_cmpuint (g_string_replace (json, cases[i].from, cases[i].to, 1), ==, 1);
      document = gloss_format_parse (text, "valid.txt", json->str, json->len, NULL, NULL);
      problems = gloss_document_get_problems (document);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->path, ==, "$");
      g_test_message ("%s", problem->message);
      g_assert_true (g_str_has_prefix (problem->message, "The file is not valid JSON at "));
      g_assert_nonnull (strstr (problem->message, cases[i].where));
      g_assert_true (gloss_document_get_read_only (document));
    }

  /* Not JSON at all: json-glib's message, as always */
  {
    g_autoptr(GlossDocument) document = gloss_format_parse (text, "valid.txt", "{\"format\": ", 11, NULL, NULL);
    GlossProblem *problem = g_ptr_array_index (gloss_document_get_problems (document), 0);

    g_assert_true (g_str_has_prefix (problem->message, "The file is not valid JSON: <data>:1:"));
  }
}

/* json-glib ends its strings at a NUL: "a\u0000b" would be read as "a",
 * a document id or label name cut short unsaid. It is refused instead. */
static void
test_nul_escape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = gloss_json_parse ("{\"id\": \"ok\",\n \"name\": \"a\\u0000b\"}", -1, &error);
  g_assert_null (node);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON);
  g_assert_nonnull (strstr (error->message, "line 2, column 12"));
  g_clear_error (&error);

  /* A backslash, then the letters u0000, is no NUL */
  node = gloss_json_parse ("{\"name\": \"a\\\\u0000b\", \"other\": \"\\u0001\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "a\\u0000b");
}

static GlossLabelSet *
labels_from_json (const char *json,
                  GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = gloss_json_parse (json, -1, &error);

  g_assert_no_error (error);

  return gloss_label_set_new_from_json (json_node_get_array (node), "$.labels", problems);
}

/* What the window looks at when a text changed on disk: the SHA-256 its
 * annotation file records, read without a tree */
static void
test_text_sha256 (void)
{
  static const char with[] = "{\"format\": \"gloss\", \"text\": {\"file\": \"a.txt\", \"sha256\": \"abc\"}}";
  g_autofree char *found = gloss_format_dup_text_sha256 (with, strlen (with));
  static const char * const without[] = {
    "", "[1]", "{\"text\": 1}", "{\"text\": {\"sha256\": 7}}", "{\"text\": {\"file\": \"a\"}}", "{\"text\": {",
  };

  g_assert_cmpstr (found, ==, "abc");
  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    {
      g_autofree char *none = gloss_format_dup_text_sha256 (without[i], strlen (without[i]));

      g_assert_null (none);
    }
}

/* A megabyte-long label name or id makes a short message, and a set of
 * more than GLOSS_LABEL_SET_MAX_LABELS labels is refused */
static void
test_label_limits (void)
{
  g_autoptr(GPtrArray) problems = gloss_problems_new ();
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *long_name = g_strnfill (1000 * 1000, 'x');
  g_autofree char *ok_name = g_strnfill (GLOSS_LABEL_MAX_NAME_LENGTH, 'y');
  g_autofree char *text = NULL;
  g_autoptr(GlossLabelSet) labels = NULL;
  GlossProblem *problem;

  text = g_strdup_printf ("[{\"id\": \"claim\", \"name\": \"%s\"}, {\"id\": \"q\", \"name\": \"%s\"}]",
                          long_name, ok_name);
  labels = labels_from_json (text, problems);
  g_assert_null (labels);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "$.labels[0]");
  g_assert_cmpuint (strlen (problem->message), <, 300);
  g_assert_nonnull (strstr (problem->message, "1000000 characters long"));
  g_ptr_array_set_size (problems, 0);
  g_free (text);

  text = g_strdup_printf ("[{\"id\": \"%s\"}]", long_name);
  g_assert_null (labels_from_json (text, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (strlen (problem->message), <, 300);
  g_ptr_array_set_size (problems, 0);

  for (guint i = 0; i <= GLOSS_LABEL_SET_MAX_LABELS; i++)
    g_string_append_printf (json, "%s{\"id\": \"l%u\"}", i ? ", " : "", i);
  g_string_append_c (json, ']');
  g_assert_null (labels_from_json (json->str, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->message, ==, "The label set has 10001 labels; Gloss accepts at most 10000");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/format/valid", test_valid);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/format/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/gloss/format/round-trip", test_round_trip);
  g_test_add_func ("/gloss/format/readme-example", test_readme_example);
  g_test_add_func ("/gloss/format/v2-round-trip", test_v2_round_trip);
  g_test_add_func ("/gloss/format/v1-until-spans", test_v1_until_spans);
  g_test_add_func ("/gloss/format/v2-project", test_v2_project);
  g_test_add_func ("/gloss/format/v2-snapshot", test_v2_snapshot);
  g_test_add_func ("/gloss/format/orphan-ids", test_orphan_ids);
  g_test_add_func ("/gloss/format/meta-kept", test_meta_kept);
  g_test_add_func ("/gloss/format/meta-numbers", test_meta_numbers);
  g_test_add_func ("/gloss/format/timestamps", test_timestamps);
  g_test_add_func ("/gloss/format/unwritable", test_unwritable);
  g_test_add_func ("/gloss/format/project-labels", test_project_labels);
  g_test_add_func ("/gloss/format/load-to-read", test_load_to_read);
  g_test_add_func ("/gloss/format/boundaries-saved", test_boundaries_saved);
  g_test_add_func ("/gloss/format/save-async-snapshot", test_save_async_snapshot);
  g_test_add_func ("/gloss/format/windows-1252", test_windows_1252);
  g_test_add_func ("/gloss/format/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gloss/format/changed-same-size", test_changed_same_size);
  g_test_add_func ("/gloss/format/check-disk-async", test_check_disk_async);
  g_test_add_func ("/gloss/format/read-only-file", test_read_only_file);
  g_test_add_func ("/gloss/format/empty-text", test_empty_text);
  g_test_add_func ("/gloss/format/large-text", test_large_text);
  g_test_add_func ("/gloss/format/nul-escape", test_nul_escape);
  g_test_add_func ("/gloss/format/strict-json", test_strict_json);
  g_test_add_func ("/gloss/format/label-limits", test_label_limits);
  g_test_add_func ("/gloss/format/text-sha256", test_text_sha256);

  return g_test_run ();
}
