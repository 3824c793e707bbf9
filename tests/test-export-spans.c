/* test-export-spans.c
 *
 * Spans and relations in Gloss's own formats (issue 12): documents-jsonl
 * and json carry them as the .gloss.json does and import them back byte
 * for byte; sentences-jsonl gives each sentence the pieces of its spans,
 * from which the document's offsets follow; spans-csv a row per span; the
 * filters keep spans and relations; every other format counts what it
 * leaves out; and an export of documents without spans is the same bytes
 * as before spans (SHA-256 of what Gloss wrote then).
 *
 * The corpus is tests/data/export-spans (German and English, CR LF, „…“,
 * 😊, a quote in two parts over a sentence boundary, nested spans, two
 * annotators in one document, and a document of version 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-export-job.h"
#include "gloss-exporter.h"
#include "gloss-format.h"
#include "gloss-importer.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

typedef struct
{
  GlossExportFormat format;
  const char       *labels[4];
  const char       *annotator;
  guint             context;
} Options;

static GFile *
fixture (const char *path)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "export-spans", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);

  return path != NULL ? g_file_resolve_relative_path (folder, path) : g_steal_pointer (&folder);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-export-spans-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

/* Exports @root as `gloss export` does, into the returned bytes */
static GBytes *
export_job (GFile          *root,
            const Options  *options,
            GlossExporter **exporter_out,
            char          **card)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (options->format);
  g_autoptr(GlossExportJob) job = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  gloss_exporter_set_labels (exporter, options->labels[0] ? options->labels : NULL);
  gloss_exporter_set_annotator (exporter, options->annotator);
  gloss_exporter_set_context (exporter, options->context);
  job = gloss_export_job_new (exporter);
  gloss_export_job_add_input (job, root);
  gloss_export_job_set_output_stream (job, stream);
  g_assert_true (gloss_export_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_export_job_count_left_out (job), ==, 0);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  if (card != NULL)
    *card = gloss_exporter_dup_card (exporter);
  if (exporter_out != NULL)
    *exporter_out = g_object_ref (exporter);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static GBytes *
export_fixture (const Options *options)
{
  g_autoptr(GFile) root = fixture (NULL);

  return export_job (root, options, NULL, NULL);
}

static char **
split_lines (GBytes *bytes)
{
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_suffix (data, "\n"));
  data[strlen (data) - 1] = '\0';
  return g_strsplit (data, "\n", -1);
}

static JsonNode *
parse (const char *data)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = gloss_json_parse (data, strlen (data), &error);

  g_assert_no_error (error);
  return node;
}

/* The list @member of a .gloss.json as the one-line exports write it:
 * its lines, without indentation and commas, joined by ", " */
static char *
file_list (const char *path,
           const char *member)
{
  g_autoptr(GFile) file = fixture (path);
  g_autofree char *contents = read_file (file);
  g_autofree char *opening = g_strdup_printf ("\n  \"%s\": [\n", member);
  g_autoptr(GString) list = g_string_new ("[");
  const char *p = strstr (contents, opening);

  g_assert_nonnull (p);
  p += strlen (opening);
  while (g_str_has_prefix (p, "    "))
    {
      const char *end = strchr (p, '\n');
      gsize length = end - p - 4;

      if (p[4 + length - 1] == ',')
        length--;
      if (list->len > 1)
        g_string_append (list, ", ");
      g_string_append_len (list, p + 4, length);
      p = end + 1;
    }
  g_assert_true (g_str_has_prefix (p, "  ]"));
  g_string_append_c (list, ']');

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Documents without spans ---------------------------------------------- */

/* The SHA-256 of each export of the corpus of version 1 as Gloss wrote it
 * before spans (tests/data/export/corpus, by the command of main at
 * 3b0e552): spans changed nothing there */
static void
test_version1_unchanged (void)
{
  static const struct
  {
    GlossExportFormat format;
    guint             context;
    const char       *sha256;
  } cases[] = {
    { GLOSS_EXPORT_SENTENCES_JSONL, 0, "13824bc390e3b10bc8965cc5a07d09e6e3bc0bb8789208991e48eb6e5183b9c0" },
    { GLOSS_EXPORT_SENTENCES_JSONL, 2, "4f4a7412c4599445c38d31509d2596db4802394e8eebc7391945e25cdec5f746" },
    { GLOSS_EXPORT_DOCUMENTS_JSONL, 0, "966a6b68b911a844fce3f1fb5db71b9e9bf7e5b9d44de53780ed4d35036319f1" },
    { GLOSS_EXPORT_JSON,            0, "dc395a6d37ba241891cbae9053a5ef574ae356cc61f5d9fa7db0723e00915979" },
    { GLOSS_EXPORT_CSV,             0, "6ed2537d3a61e57acf9178c3d7e4220c5ba2d5fe886eef20d858718ce4a85621" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", "corpus", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Options options = { cases[i].format, .context = cases[i].context };
      g_autoptr(GlossExporter) exporter = NULL;
      g_autoptr(GBytes) bytes = export_job (root, &options, &exporter, NULL);
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      g_test_message ("%s, context %u", gloss_export_format_get_name (cases[i].format), cases[i].context);
      g_assert_cmpstr (sha256, ==, cases[i].sha256);
      g_assert_cmpuint (gloss_exporter_count_not_carried (exporter, GLOSS_DATASET_CARRIES_SPANS), ==, 0);
      g_assert_cmpuint (gloss_exporter_count_not_carried (exporter, GLOSS_DATASET_CARRIES_RELATIONS), ==, 0);
    }
}

/* documents-jsonl and json --------------------------------------------- */

static void
assert_document_line (const char *line,
                      const char *path)
{
  g_autofree char *labels = file_list (path, "labels");
  g_autofree char *relation_labels = file_list (path, "relation_labels");
  g_autofree char *sentences = file_list (path, "sentences");
  g_autofree char *annotations = file_list (path, "annotations");
  g_autofree char *spans = file_list (path, "spans");
  g_autofree char *relations = file_list (path, "relations");
  g_autofree char *expected = g_strdup_printf ("\"labels\": %s, \"relation_labels\": %s, \"sentences\": %s, "
                                               "\"annotations\": %s, \"spans\": %s, \"relations\": %s}",
                                               labels, relation_labels, sentences, annotations, spans, relations);
  g_autoptr(JsonNode) node = parse (line);
  JsonObject *object = json_node_get_object (node);
  const char *text = json_object_get_string_member (object, "text");
  JsonArray *array = json_object_get_array_member (object, "spans");

  /* The members of the file, the same bytes */
  g_assert_true (g_str_has_suffix (line, expected));

  /* Every part's text is the text at its code points */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *span = json_array_get_object_element (array, i);
      JsonArray *parts = json_object_get_array_member (span, "parts");
      JsonArray *texts = json_object_get_array_member (span, "text");

      for (guint k = 0; k < json_array_get_length (parts); k++)
        {
          JsonArray *part = json_array_get_array_element (parts, k);
          g_autofree char *slice = g_utf8_substring (text, json_array_get_int_element (part, 0),
                                                     json_array_get_int_element (part, 1));

          g_assert_cmpstr (slice, ==, json_array_get_string_element (texts, k));
        }
    }
}

static void
test_documents_jsonl (void)
{
  Options options = { GLOSS_EXPORT_DOCUMENTS_JSONL };
  g_autoptr(GBytes) bytes = export_fixture (&options);
  g_auto(GStrv) lines = split_lines (bytes);
  g_autofree char *plain_annotations = file_list ("en/plain.txt.gloss.json", "annotations");
  g_autofree char *plain_end = g_strdup_printf ("\"annotations\": %s}", plain_annotations);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\": \"de/interview.txt\", \"language\": \"de\", \"done\": false, "
                                             "\"text\": \"Neue Regeln für E-Scooter 😊\\r\\n\\r\\n„Wir wollen"));
  assert_document_line (lines[0], "de/interview.txt.gloss.json");
  assert_document_line (lines[1], "en/briefing.txt.gloss.json");

  /* A document of version 1 keeps the line it had */
  g_assert_true (g_str_has_prefix (lines[2], "{\"id\": \"en/plain.txt\""));
  g_assert_true (g_str_has_suffix (lines[2], plain_end));
  g_assert_null (strstr (lines[2], "\"spans\""));
  g_assert_null (strstr (lines[2], "\"relation_labels\""));
}

static void
test_json (void)
{
  Options lines_options = { GLOSS_EXPORT_DOCUMENTS_JSONL };
  Options options = { GLOSS_EXPORT_JSON };
  g_autoptr(GBytes) lines_bytes = export_fixture (&lines_options);
  g_autoptr(GBytes) bytes = export_fixture (&options);
  g_auto(GStrv) lines = split_lines (lines_bytes);
  g_autofree char *labels = NULL;
  g_autofree char *relation_labels = file_list ("de/interview.txt.gloss.json", "relation_labels");
  g_autoptr(GString) expected = g_string_new (NULL);

  /* The header: the labels of all documents (the same set), then their
   * relation labels */
  labels = file_list ("de/interview.txt.gloss.json", "labels");
  g_string_append_printf (expected, "[{\"format\": \"gloss-export\", \"version\": 1, \"labels\": %s, "
                                    "\"relation_labels\": %s}", labels, relation_labels);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (expected, ",\n%s", lines[i]);
  g_string_append (expected, "\n]\n");

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected->str, expected->len);
}

/* export → import: the files of the corpus, byte for byte; → export: the
 * same bytes */
static void
test_round_trip (gconstpointer data)
{
  static const char * const names[] = {
    "de/interview.txt", "de/interview.txt.gloss.json", "en/briefing.txt", "en/briefing.txt.gloss.json",
    "en/plain.txt", "en/plain.txt.gloss.json",
  };
  GlossExportFormat format = GPOINTER_TO_UINT (data);
  Options options = { format };
  GlossImportFormat import_format;
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) exported = g_file_get_child (tmp, "export");
  g_autoptr(GFile) imported = g_file_get_child (tmp, "imported");
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GBytes) first = export_fixture (&options);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (exported, g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_import_format_from_name (gloss_export_format_get_name (format), &import_format));
  importer = gloss_importer_new (import_format);
  g_assert_true (gloss_importer_import (importer, exported, imported, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 3);
  g_assert_cmpuint (gloss_importer_get_warnings (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_dropped (importer)->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) original_file = fixture (names[i]);
      g_autoptr(GFile) imported_file = g_file_resolve_relative_path (imported, names[i]);
      g_autofree char *original = read_file (original_file);
      g_autofree char *copy = read_file (imported_file);

      g_test_message ("%s", names[i]);
      g_assert_cmpstr (copy, ==, original);
    }

  again = export_job (imported, &options, NULL, NULL);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (again, NULL), g_bytes_get_size (again));

  remove_tree (tmp);
}

/* A span or relation that loading refuses is a problem of the import,
 * with the line (or element) and its JSON path; nothing is written */
static void
test_import_problems (gconstpointer data)
{
  GlossExportFormat format = GPOINTER_TO_UINT (data);
  Options options = { format };
  GlossImportFormat import_format;
  g_autoptr(GBytes) bytes = export_fixture (&options);
  g_autoptr(GString) broken = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) input = g_file_get_child (tmp, "broken");
  g_autoptr(GFile) into = g_file_get_child (tmp, "into");
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  const char *second = format == GLOSS_EXPORT_JSON ? "$[2]" : "line 2";
  const char *first = format == GLOSS_EXPORT_JSON ? "$[1]" : "line 1";
  GPtrArray *problems;

  /* The English quote's second part beyond the text; the German quote's
   * attribute a value its label does not have; a relation to a span that
   * is not there */
  g_assert_cmpuint (g_string_replace (broken, "\"parts\": [[31, 63], [92, 114]]",
                                      "\"parts\": [[31, 63], [92, 999]]", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (broken, "\"attributes\": {\"type\": \"reported\"}",
                                      "\"attributes\": {\"type\": \"gesagt\"}", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (broken, "\"from\": 1, \"to\": 4,", "\"from\": 1, \"to\": 40,", 1), ==, 1);
  g_file_replace_contents (input, broken->str, broken->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_import_format_from_name (gloss_export_format_get_name (format), &import_format));
  importer = gloss_importer_new (import_format);
  g_assert_false (gloss_importer_import (importer, input, into, FALSE, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DATASET);
  g_assert_false (g_file_query_exists (into, NULL));

  problems = gloss_importer_get_problems (importer);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", ((GlossProblem *)problems->pdata[i])->path, ((GlossProblem *)problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((GlossProblem *)problems->pdata[0])->path, ==, first);
  g_assert_cmpstr (((GlossProblem *)problems->pdata[0])->message, ==,
                   "$.spans[7].attributes.type: “gesagt” is not a value of the attribute “type” of the label "
                   "“quote”");
  g_assert_cmpstr (((GlossProblem *)problems->pdata[1])->path, ==, first);
  g_assert_cmpstr (((GlossProblem *)problems->pdata[1])->message, ==,
                   "$.relations[0].to: There is no span with the id 40");
  g_assert_cmpstr (((GlossProblem *)problems->pdata[2])->path, ==, second);
  g_assert_cmpstr (((GlossProblem *)problems->pdata[2])->message, ==,
                   "$.spans[0].parts[1]: The part [92, 999) ends beyond the end of the text (184 characters)");

  remove_tree (tmp);
}

/* Filters -------------------------------------------------------------- */

/* The ids of the spans and relations of each line of a documents-jsonl
 * export, as "spans 1 4 | relations 1" */
static char **
kept_ids (const Options *options)
{
  g_autoptr(GBytes) bytes = export_fixture (options);
  g_auto(GStrv) lines = split_lines (bytes);
  g_autoptr(GPtrArray) result = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = parse (lines[i]);
      JsonObject *object = json_node_get_object (node);
      GString *ids = g_string_new ("spans");
      JsonArray *spans, *relations;

      if (!json_object_has_member (object, "spans"))
        {
          g_ptr_array_add (result, g_string_free (ids, FALSE));
          continue;
        }

      spans = json_object_get_array_member (object, "spans");
      relations = json_object_get_array_member (object, "relations");
      for (guint k = 0; k < json_array_get_length (spans); k++)
        g_string_append_printf (ids, " %" G_GINT64_FORMAT,
                                json_object_get_int_member (json_array_get_object_element (spans, k), "id"));
      g_string_append (ids, " | relations");
      for (guint k = 0; k < json_array_get_length (relations); k++)
        g_string_append_printf (ids, " %" G_GINT64_FORMAT,
                                json_object_get_int_member (json_array_get_object_element (relations, k), "id"));
      g_ptr_array_add (result, g_string_free (ids, FALSE));
    }
  g_ptr_array_add (result, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&result), FALSE);
}

static void
test_filters (void)
{
  /* speaker is a span label and a relation label: relations of other
   * labels go, even between spans kept */
  Options speakers = { GLOSS_EXPORT_DOCUMENTS_JSONL, .labels = { "quote", "speaker", NULL } };
  /* Bea's: her relation from Ada's quote goes with the quote */
  Options bea = { GLOSS_EXPORT_DOCUMENTS_JSONL, .annotator = "Bea" };
  /* claim names no span label: no span, no relation */
  Options claims = { GLOSS_EXPORT_DOCUMENTS_JSONL, .labels = { "claim", NULL } };
  g_auto(GStrv) a = kept_ids (&speakers);
  g_auto(GStrv) b = kept_ids (&bea);
  g_auto(GStrv) c = kept_ids (&claims);
  const char * const expected_a[] = { "spans 1 4 5 7 6 | relations 1 4 5", "spans 1 3 6 5 | relations 1 4",
                                      "spans", NULL };
  const char * const expected_b[] = { "spans 5 7 8 6 | relations 5 6", "spans | relations", "spans", NULL };
  const char * const expected_c[] = { "spans | relations", "spans | relations", "spans", NULL };

  g_assert_cmpstrv (a, expected_a);
  g_assert_cmpstrv (b, expected_b);
  g_assert_cmpstrv (c, expected_c);
}

static GlossLabel *
span_label (const char *id)
{
  return gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SPAN, id, NULL, NULL, NULL, NULL);
}

/* A relation label whose id is no span label's: unless a label filter
 * names a relation label, a relation between spans kept stays */
static void
test_filter_relation_labels (void)
{
  static const struct
  {
    const char *labels[4];
    const char *relations;
  } cases[] = {
    { { "quote", "person", NULL }, "\"relations\": [{\"id\": 1, \"label\": \"said-by\"" },
    { { "quote", "person", "said-by" }, "\"relations\": [{\"id\": 1, \"label\": \"said-by\"" },
    { { "quote", "person", "cited-in" }, "\"relations\": []" },
    { { "quote", NULL }, "\"relations\": []" },
  };
  const char * const from[] = { "quote", NULL };
  const char * const to[] = { "person", NULL };
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();
  g_autoptr(GlossLabel) quote = span_label ("quote");
  g_autoptr(GlossLabel) person = span_label ("person");
  g_autoptr(GlossLabel) said_by = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_RELATION, "said-by", NULL, NULL, NULL,
                                                              NULL);
  g_autoptr(GlossLabel) cited_in = gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_RELATION, "cited-in", NULL, NULL,
                                                               NULL, NULL);
  g_autoptr(GlossText) text = gloss_text_new ("“Yes 😊,” she said.", -1, NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) quote_span = NULL;
  g_autoptr(GlossSpan) person_span = NULL;
  g_autoptr(GlossRelation) relation = NULL;
  g_autoptr(GError) error = NULL;
  GlossRange quote_part = { 1, 6 };
  GlossRange person_part = { 9, 12 };

  gloss_label_set_endpoints (said_by, from, to);
  gloss_label_set_endpoints (cited_in, from, to);
  gloss_label_set_insert (labels, 0, quote);
  gloss_label_set_insert (labels, 1, person);
  gloss_label_set_insert (gloss_label_set_get_relation_labels (labels), 0, said_by);
  gloss_label_set_insert (gloss_label_set_get_relation_labels (labels), 1, cited_in);
  document = gloss_document_new (text, "en", labels);
  quote_span = gloss_document_new_span (document, "quote", &quote_part, 1);
  person_span = gloss_document_new_span (document, "person", &person_part, 1);
  g_assert_true (gloss_document_add_span (document, quote_span, &error));
  g_assert_true (gloss_document_add_span (document, person_span, &error));
  relation = gloss_document_new_relation (document, "said-by", gloss_span_get_id (quote_span),
                                          gloss_span_get_id (person_span));
  g_assert_true (gloss_document_add_relation (document, relation, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_DOCUMENTS_JSONL);
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autofree char *data = NULL;

      gloss_exporter_set_labels (exporter, cases[i].labels);
      g_assert_true (gloss_exporter_begin_stream (exporter, stream, NULL, &error));
      g_assert_true (gloss_exporter_add (exporter, document, "a.txt", NULL, &error));
      g_assert_true (gloss_exporter_end (exporter, NULL, &error));
      g_assert_no_error (error);
      data = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
      g_test_message ("case %u: %s", i, data);
      g_assert_nonnull (strstr (data, cases[i].relations));
    }
}

/* sentences-jsonl ------------------------------------------------------ */

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
test_sentences_jsonl (void)
{
  Options options = { GLOSS_EXPORT_SENTENCES_JSONL };
  g_autoptr(GBytes) bytes = export_fixture (&options);
  g_auto(GStrv) lines = split_lines (bytes);
  g_autoptr(GHashTable) rebuilt = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  const char *relations_of_quote =
    "\"relations\": [{\"id\": 1, \"label\": \"speaker\", \"from\": 1, \"to\": 4, \"note\": \"\", \"annotator\": \"Ada\"}, "
    "{\"id\": 4, \"label\": \"speaker\", \"from\": 1, \"to\": 5, \"note\": \"\", \"annotator\": \"Bea\"}, "
    "{\"id\": 2, \"label\": \"cue\", \"from\": 1, \"to\": 3, \"note\": \"\", \"annotator\": \"Ada\"}, "
    "{\"id\": 3, \"label\": \"frame\", \"from\": 1, \"to\": 2, \"note\": \"Rahmen, „so“\", \"annotator\": \"Ada\"}]}";
  g_autofree char *third = g_strconcat (
    "{\"document\": \"de/interview.txt\", \"sentence\": 2, \"index\": 2, \"start\": 116, \"end\": 150, "
    "\"text\": \"„Die Roller stehen überall im Weg.\", \"labels\": [], \"notes\": [], \"annotators\": [], "
    "\"language\": \"de\", \"spans\": [{\"id\": 1, \"label\": \"quote\", \"parts\": [[1, 34]], "
    "\"text\": [\"Die Roller stehen überall im Weg.\"], \"attributes\": {\"type\": \"direct\", \"medium\": \"speech\"}, "
    "\"note\": \"Zitat über zwei Sätze 😊\", \"annotator\": \"Ada\", \"cut\": [[0, 19]], \"continues\": true}], ",
    relations_of_quote, NULL);
  g_autofree char *fourth = g_strconcat (
    "{\"document\": \"de/interview.txt\", \"sentence\": 3, \"index\": 3, \"start\": 151, \"end\": 170, "
    "\"text\": \"Das muss aufhören.“\", \"labels\": [], \"notes\": [], \"annotators\": [], \"language\": \"de\", "
    "\"spans\": [{\"id\": 1, \"label\": \"quote\", \"parts\": [[0, 18]], \"text\": [\"Das muss aufhören.\"], "
    "\"attributes\": {\"type\": \"direct\", \"medium\": \"speech\"}, \"note\": \"Zitat über zwei Sätze 😊\", "
    "\"annotator\": \"Ada\", \"cut\": [[34, 0]], \"continues\": true}], ", relations_of_quote, NULL);
  guint n = 0;

  /* 5 + 4 + 2 sentences */
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
  g_assert_cmpstr (lines[2], ==, third);
  g_assert_cmpstr (lines[3], ==, fourth);
  /* A sentence without spans, in a document with spans */
  g_assert_true (g_str_has_suffix (lines[0], "\"language\": \"de\", \"spans\": [], \"relations\": []}"));
  /* The document of version 1: its lines as before */
  g_assert_true (g_str_has_suffix (lines[9], "\"annotators\": [\"Grace\"], \"language\": \"en\"}"));
  g_assert_true (g_str_has_suffix (lines[10], "\"annotators\": [], \"language\": \"en\"}"));

  /* Each piece gives its part's place in the document from the sentence's
   * start: all the lines give every span whole */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = parse (lines[i]);
      JsonObject *line = json_node_get_object (node);
      const char *id = json_object_get_string_member (line, "document");
      gint64 start = json_object_get_int_member (line, "start");
      const char *sentence_text = json_object_get_string_member (line, "text");
      GlossDocument *document = g_hash_table_lookup (documents, id);
      JsonArray *spans;

      if (!json_object_has_member (line, "spans"))
        continue;

      if (document == NULL)
        {
          g_autoptr(GFile) file = fixture (id);
          g_autoptr(GError) error = NULL;

          document = gloss_document_load (file, NULL, NULL, &error);
          g_assert_no_error (error);
          g_hash_table_insert (documents, g_strdup (id), document);
        }

      spans = json_object_get_array_member (line, "spans");
      for (guint k = 0; k < json_array_get_length (spans); k++)
        {
          JsonObject *piece = json_array_get_object_element (spans, k);
          JsonArray *parts = json_object_get_array_member (piece, "parts");
          JsonArray *cuts = json_object_get_array_member (piece, "cut");
          JsonArray *texts = json_object_get_array_member (piece, "text");
          GlossSpan *span = gloss_document_lookup_span (document, json_object_get_int_member (piece, "id"));
          g_autofree char *key = g_strdup_printf ("%s %u", id, gloss_span_get_id (span));
          GString *whole = g_hash_table_lookup (rebuilt, key);
          gboolean cut = FALSE;

          if (whole == NULL)
            {
              whole = g_string_new (NULL);
              g_hash_table_insert (rebuilt, g_strdup (key), whole);
            }

          for (guint p = 0; p < json_array_get_length (parts); p++)
            {
              JsonArray *part = json_array_get_array_element (parts, p);
              JsonArray *cut_off = json_array_get_array_element (cuts, p);
              gint64 s = json_array_get_int_element (part, 0);
              gint64 e = json_array_get_int_element (part, 1);
              gint64 before = json_array_get_int_element (cut_off, 0);
              gint64 after = json_array_get_int_element (cut_off, 1);
              g_autofree char *slice = g_utf8_substring (sentence_text, s, e);
              g_autofree char *document_part = g_strdup_printf ("[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                                                                start + s - before, start + e + after);

              g_assert_cmpstr (slice, ==, json_array_get_string_element (texts, p));
              /* A part cut at a sentence's end goes on in the next one */
              if (before == 0)
                g_string_append_printf (whole, "%s%s", whole->len ? ", " : "", document_part);
              else
                g_assert_true (g_str_has_suffix (whole->str, document_part));
              cut |= before > 0 || after > 0;
              n++;
            }
          g_assert_cmpint (json_object_get_boolean_member (piece, "continues"), ==,
                           cut || json_array_get_length (parts) < gloss_span_get_n_parts (span));
          g_assert_cmpstr (json_object_get_string_member (piece, "label"), ==, gloss_span_get_label (span));
          g_assert_cmpstr (json_object_get_string_member (piece, "note"), ==, gloss_span_get_note (span));
          g_assert_cmpstr (json_object_get_string_member (piece, "annotator"), ==, gloss_span_get_annotator (span));
        }
    }
  g_assert_cmpuint (n, ==, 19);

  /* Rebuilt, each span has the parts of its file */
  g_assert_cmpuint (g_hash_table_size (rebuilt), ==, 15);
  {
    GHashTableIter iter;
    const char *id;
    GlossDocument *document;

    g_hash_table_iter_init (&iter, documents);
    while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&document))
      {
        GListModel *spans = gloss_document_get_spans (document);

        for (guint k = 0; k < g_list_model_get_n_items (spans); k++)
          {
            g_autoptr(GlossSpan) span = g_list_model_get_item (spans, k);
            g_autofree char *key = g_strdup_printf ("%s %u", id, gloss_span_get_id (span));
            g_autoptr(GString) expected = g_string_new (NULL);
            GString *whole = g_hash_table_lookup (rebuilt, key);

            for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
              g_string_append_printf (expected, "%s[%u, %u]", p ? ", " : "", gloss_span_get_part (span, p).start,
                                      gloss_span_get_part (span, p).end);
            g_assert_nonnull (whole);
            g_assert_cmpstr (whole->str, ==, expected->str);
          }
      }
  }
}

/* A span as text without its id and times, its relations by the parts
 * of their spans: what an import from sentences-jsonl keeps */
static char *
describe_spans (GlossDocument *document)
{
  GListModel *spans = gloss_document_get_spans (document);
  GListModel *relations = gloss_document_get_relations (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      g_string_append_printf (out, "%s", gloss_span_get_label (span));
      for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
        g_string_append_printf (out, " [%u, %u] %s", gloss_span_get_part (span, p).start,
                                gloss_span_get_part (span, p).end, gloss_span_get_part_text (span, p));
      g_string_append_c (out, ' ');
      gloss_format_append_attributes (out, span);
      g_string_append_printf (out, " %s (%s)\n", gloss_span_get_annotator (span), gloss_span_get_note (span));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      GlossSpan *from = gloss_document_lookup_span (document, gloss_relation_get_from (relation));
      GlossSpan *to = gloss_document_lookup_span (document, gloss_relation_get_to (relation));

      g_string_append_printf (out, "%s %u → %u %s (%s)\n", gloss_relation_get_label (relation),
                              gloss_span_get_start (from), gloss_span_get_start (to),
                              gloss_relation_get_annotator (relation), gloss_relation_get_note (relation));
    }

  return g_string_free (out, FALSE);
}

/* The pieces of the lines give the spans back, and the relations join
 * them again; the importer gives them ids of its own */
static void
test_sentences_jsonl_import (void)
{
  static const char * const names[] = { "de/interview.txt", "en/briefing.txt" };
  Options options = { GLOSS_EXPORT_SENTENCES_JSONL };
  g_autoptr(GBytes) bytes = export_fixture (&options);
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) input = g_file_get_child (tmp, "sentences.jsonl");
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_SENTENCES_JSONL);
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (input, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  gloss_importer_set_labels (importer, quotation);
  g_assert_true (gloss_importer_read (importer, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_dropped (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = fixture (names[i]);
      g_autoptr(GlossDocument) original = gloss_document_load (file, NULL, NULL, &error);
      const char *id = NULL;
      GlossDocument *imported = gloss_importer_get_document (importer, i, &id);
      g_autofree char *expected = describe_spans (original);
      g_autofree char *actual = describe_spans (imported);

      g_assert_no_error (error);
      g_assert_cmpstr (id, ==, names[i]);
      g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (imported)), >, 5);
      g_assert_cmpstr (actual, ==, expected);
    }

  remove_tree (tmp);
}

/* A piece that is not one of its sentence's is a problem of the line */
static void
test_sentences_jsonl_import_problems (void)
{
  static const struct
  {
    const char *from;
    const char *to;
    const char *message;
  } cases[] = {
    { "\"parts\": [[1, 34]], \"text\": [\"Die", "\"parts\": [[1, 35]], \"text\": [\"Die",
      "Sentence 2: a part of the span 1 is not a piece of the sentence" },
    { "\"parts\": [[1, 34]], \"text\": [\"Wir", "\"parts\": [[1, 35]], \"text\": [\"Wir",
      "Sentence 1: the text of the span 1 differs from the sentence’s text at [1, 35)" },
    { "\"cut\": [[34, 0]]", "\"cut\": [[152, 0]]", "Sentence 3: a part of the span 1 is not a piece of the sentence" },
    { "\"text\": [\"Das muss aufhören.\"]", "\"text\": [\"Das muss aufhören!\"]",
      "Sentence 3: the text of the span 1 differs from the sentence’s text at [0, 18)" },
    { "\"relations\": [{\"id\": 5, \"label\": \"speaker\", \"from\": 6", "\"relations\": [{\"id\": 5, \"from\": 6",
      "Sentence 4: each of “relations” needs an “id”, a “label”, “from” and “to”" },
  };
  Options options = { GLOSS_EXPORT_SENTENCES_JSONL };
  g_autoptr(GBytes) bytes = export_fixture (&options);
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) input = g_file_get_child (tmp, "sentences.jsonl");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) broken = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_SENTENCES_JSONL);
      g_autoptr(GError) error = NULL;
      GPtrArray *problems;

      g_assert_cmpuint (g_string_replace (broken, cases[i].from, cases[i].to, 1), ==, 1);
      g_file_replace_contents (input, broken->str, broken->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (gloss_importer_read (importer, input, NULL, &error));
      g_assert_no_error (error);
      problems = gloss_importer_get_problems (importer);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (((GlossProblem *)problems->pdata[0])->path, ==, "line 1");
      g_assert_cmpstr (((GlossProblem *)problems->pdata[0])->message, ==, cases[i].message);
    }

  remove_tree (tmp);
}

/* A part in the white space between sentences is in no line: said */
static void
test_sentences_jsonl_outside (void)
{
  g_autoptr(GlossLabelSet) labels = gloss_label_set_new ();
  g_autoptr(GlossLabel) quote = span_label ("quote");
  g_autoptr(GlossText) text = gloss_text_new ("Ja 😊.  \r\n  Nein.", -1, NULL);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSpan) span = NULL;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_SENTENCES_JSONL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *card = NULL;
  g_autofree char *data = NULL;
  GlossRange parts[] = { { 0, 2 }, { 6, 8 }, { 11, 15 } };
  GPtrArray *notices;

  gloss_label_set_insert (labels, 0, quote);
  document = gloss_document_new (text, "de", labels);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, 2);
  span = gloss_document_new_span (document, "quote", parts, G_N_ELEMENTS (parts));
  g_assert_true (gloss_document_add_span (document, span, &error));

  g_assert_true (gloss_exporter_begin_stream (exporter, stream, NULL, &error));
  g_assert_true (gloss_exporter_add (exporter, document, "ja.txt", NULL, &error));
  g_assert_true (gloss_exporter_end (exporter, NULL, &error));
  g_assert_no_error (error);
  data = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_nonnull (strstr (data, "\"parts\": [[0, 2]], \"text\": [\"Ja\"], \"attributes\": {}"));
  g_assert_nonnull (strstr (data, "\"parts\": [[0, 4]], \"text\": [\"Nein\"], \"attributes\": {}"));

  notices = gloss_exporter_get_notices (exporter);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (notices->pdata[0], ==, "1 span has a part outside every sentence, in the white space between "
                                          "them: the lines hold the rest of it, and its annotation file all of it");
  card = gloss_exporter_dup_card (exporter);
  g_assert_nonnull (strstr (card, "\n**1 span(s) have a part outside every sentence** (in the white space "));
}

/* spans-csv ------------------------------------------------------------ */

static void
test_spans_csv (void)
{
  static const char expected[] =
    "document,span,label,start,end,parts,text,attributes.type,attributes.medium,annotator,note,relations\r\n"
    "de/interview.txt,1,quote,32,169,32-65;117-169,Wir wollen die Gehwege freihalten … Die Roller stehen überall im "
    "Weg. Das muss aufhören.,direct,speech,Ada,Zitat über zwei Sätze 😊,speaker:4;speaker:5;cue:3;frame:2\r\n"
    "de/interview.txt,3,cue,68,73,68-73,sagte,,,Ada,,\r\n"
    "de/interview.txt,2,frame,68,114,68-114,sagte Bürgermeisterin Anna Schmidt am Dienstag,,,Ada,,\r\n"
    "de/interview.txt,4,speaker,74,102,74-102,Bürgermeisterin Anna Schmidt,,,Ada,,\r\n"
    "de/interview.txt,5,speaker,90,102,90-102,Anna Schmidt,,,Bea,nur der Name,\r\n"
    "de/interview.txt,7,speaker,172,188,172-188,Der Verkehrsclub,,,Bea,,\r\n"
    "de/interview.txt,8,cue,189,200,189-200,kritisierte,,,Bea,,\r\n"
    "de/interview.txt,6,quote,189,217,189-217,kritisierte die Pläne scharf,reported,,Bea,,speaker:7;cue:8\r\n"
    "en/briefing.txt,1,quote,31,114,31-63;92-114,\"This is a good day for cyclists, … and for everyone else.\","
    "direct,,Grace,,speaker:3;cue:4;frame:2\r\n"
    "en/briefing.txt,3,speaker,65,74,65-74,the mayor,,,Grace,,\r\n"
    "en/briefing.txt,2,frame,65,89,65-89,the mayor said on Monday,,,Grace,,\r\n"
    "en/briefing.txt,4,cue,75,79,75-79,said,,,Grace,,\r\n"
    "en/briefing.txt,6,speaker,117,124,117-124,Critics,,,Grace,,\r\n"
    "en/briefing.txt,7,cue,125,129,125-129,said,,,Grace,,\r\n"
    "en/briefing.txt,5,quote,130,169,130-169,the plan was rushed. It ignores drivers,indirect,speech,Grace,\"a, \"\"b\"\"\",speaker:6;cue:7\r\n";
  Options options = { GLOSS_EXPORT_SPANS_CSV };
  g_autoptr(GFile) root = fixture (NULL);
  g_autoptr(GlossExporter) exporter = NULL;
  g_autofree char *card = NULL;
  g_autoptr(GBytes) bytes = export_job (root, &options, &exporter, &card);
  g_autofree char *not_carried = gloss_exporter_dup_not_carried (exporter);
  GPtrArray *notices = gloss_exporter_get_notices (exporter);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, sizeof expected - 1);

  g_assert_cmpstr (not_carried, ==, "spans-csv has no place for 8 sentences without a label, the times of 29 "
                                    "annotations, the languages of 3 documents: they are in the annotation files, "
                                    "not in the export");
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpstr (notices->pdata[0], ==, "spans-csv holds spans only: 3 sentence annotations are not in it "
                                          "(sentences-jsonl or csv hold them)");
  g_assert_cmpstr (notices->pdata[1], ==, "spans-csv gives each relation’s label and target only, and has no place "
                                          "for the note of 1 relation, the annotator of 1 relation, who is not its "
                                          "span’s: they are in the annotation files");
  g_assert_nonnull (strstr (card, "\n**3 sentence annotation(s) are not in this export**, which holds spans only"));
  g_assert_nonnull (strstr (card, "| `attributes.NAME` | one column for each attribute"));
}

/* What a format has no place for, and the card ------------------------ */

static void
test_not_carried (void)
{
  static const struct
  {
    GlossExportFormat format;
    guint             spans;
    guint             relations;
    guint             times;
    const char       *message;
  } cases[] = {
    /* 15 spans, 11 relations, 3 sentence annotations */
    { GLOSS_EXPORT_CSV, 15, 11, 3,
      "csv has no place for the times of 3 annotations, 15 spans, 11 relations: they are in the annotation "
      "files, not in the export" },
    { GLOSS_EXPORT_SENTENCES_JSONL, 0, 0, 29,
      "sentences-jsonl has no place for the times of 29 annotations: they are in the annotation files, not in the "
      "export" },
    { GLOSS_EXPORT_DOCUMENTS_JSONL, 0, 0, 0, NULL },
    { GLOSS_EXPORT_JSON, 0, 0, 0, NULL },
  };
  g_autoptr(GFile) root = fixture (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Options options = { cases[i].format };
      g_autoptr(GlossExporter) exporter = NULL;
      g_autofree char *card = NULL;
      g_autoptr(GBytes) bytes = export_job (root, &options, &exporter, &card);
      g_autofree char *message = gloss_exporter_dup_not_carried (exporter);

      g_test_message ("%s", gloss_export_format_get_name (cases[i].format));
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 900);
      g_assert_cmpuint (gloss_exporter_count_not_carried (exporter, GLOSS_DATASET_CARRIES_SPANS), ==, cases[i].spans);
      g_assert_cmpuint (gloss_exporter_count_not_carried (exporter, GLOSS_DATASET_CARRIES_RELATIONS), ==,
                        cases[i].relations);
      g_assert_cmpuint (gloss_exporter_count_not_carried (exporter, GLOSS_DATASET_CARRIES_TIMES), ==, cases[i].times);
      g_assert_cmpstr (message, ==, cases[i].message);
      if (cases[i].spans > 0)
        g_assert_nonnull (strstr (card, "| spans | 15 |\n| relations | 11 |\n"));
    }
}

static void
test_card (void)
{
  Options options = { GLOSS_EXPORT_DOCUMENTS_JSONL };
  g_autoptr(GFile) root = fixture (NULL);
  g_autofree char *card = NULL;
  g_autoptr(GBytes) bytes = export_job (root, &options, NULL, &card);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_nonnull (strstr (card, "| annotations | 3 |\n| spans | 15 |\n| relations | 11 |\n"));
  g_assert_nonnull (strstr (card, "| id | name | scope | description | attributes | count |\n"));
  g_assert_nonnull (strstr (card, "| `claim` | Claim | sentence | A statement presented as fact that could be "
                                  "checked. |  | 3 |\n"));
  g_assert_nonnull (strstr (card, " | `type`: `direct`, `indirect`, `free-indirect`, `indirect-free-indirect`, "
                                  "`reported`; `medium`: `speech`, `thought`, `writing`, `speech-thought`, "
                                  "`speech-writing`, `thought-writing` | 4 |\n"));
  g_assert_nonnull (strstr (card, "| `speaker` | Speaker | Joins a quote to its speaker. | `quote` | `speaker` | 5 |\n"));
  g_assert_nonnull (strstr (card, "| annotator | annotations | spans | relations |\n| --- | ---: | ---: | ---: |\n"
                                  "| Bea | 1 | 4 | 3 |\n| Ada | 0 | 4 | 3 |\n| Grace | 2 | 7 | 5 |\n"));
  g_assert_nonnull (strstr (card, "| `relations` | only with `relation_labels`: `id`, `label` (a relation label)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/export-spans/version1-unchanged", test_version1_unchanged);
  g_test_add_func ("/gloss/export-spans/documents-jsonl", test_documents_jsonl);
  g_test_add_func ("/gloss/export-spans/json", test_json);
  g_test_add_data_func ("/gloss/export-spans/round-trip/documents-jsonl",
                        GUINT_TO_POINTER (GLOSS_EXPORT_DOCUMENTS_JSONL), test_round_trip);
  g_test_add_data_func ("/gloss/export-spans/round-trip/json", GUINT_TO_POINTER (GLOSS_EXPORT_JSON),
                        test_round_trip);
  g_test_add_data_func ("/gloss/export-spans/import-problems/documents-jsonl",
                        GUINT_TO_POINTER (GLOSS_EXPORT_DOCUMENTS_JSONL), test_import_problems);
  g_test_add_data_func ("/gloss/export-spans/import-problems/json", GUINT_TO_POINTER (GLOSS_EXPORT_JSON),
                        test_import_problems);
  g_test_add_func ("/gloss/export-spans/filters", test_filters);
  g_test_add_func ("/gloss/export-spans/filter-relation-labels", test_filter_relation_labels);
  g_test_add_func ("/gloss/export-spans/sentences-jsonl", test_sentences_jsonl);
  g_test_add_func ("/gloss/export-spans/sentences-jsonl-outside", test_sentences_jsonl_outside);
  g_test_add_func ("/gloss/export-spans/sentences-jsonl-import", test_sentences_jsonl_import);
  g_test_add_func ("/gloss/export-spans/sentences-jsonl-import-problems", test_sentences_jsonl_import_problems);
  g_test_add_func ("/gloss/export-spans/spans-csv", test_spans_csv);
  g_test_add_func ("/gloss/export-spans/not-carried", test_not_carried);
  g_test_add_func ("/gloss/export-spans/card", test_card);

  return g_test_run ();
}
