/* test-ls-doccano.c
 *
 * Spans and relations through Label Studio and doccano: the exact bytes
 * each writes for the fixtures of tests/data/exchange (German and
 * English, CR LF, „…“, 😊 inside and just before spans), UTF-16 offsets
 * right after the emoji, the layout doccano is written in, the labeling
 * config of the card; export → import giving the same spans, parts,
 * attributes, notes and relations but for what the format cannot hold;
 * and files as the tools themselves write them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-exporter.h"
#include "gloss-importer.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-label.h"
#include "gloss-problem.h"
#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* What a format cannot hold, left out of a comparison */
typedef enum
{
  KEEP_ALL = 0,
  NO_NOTES = 1 << 0,            /* of spans and sentences */
  NO_ATTRIBUTES = 1 << 1,
  NO_RELATION_NOTES = 1 << 2,
} Leave;

static const char * const fixture_folders[] = { "exchange", "spans" };

static GFile *
fixture_folder (const char *name)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
}

/* The fixtures' documents, by id ("de-emoji.txt") */
static GHashTable *
load_fixtures (void)
{
  GHashTable *documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint f = 0; f < G_N_ELEMENTS (fixture_folders); f++)
    {
      g_autoptr(GFile) root = fixture_folder (fixture_folders[f]);
      g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", NULL, NULL);

      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GError) error = NULL;
          GlossDocument *document = gloss_document_load (g_ptr_array_index (files, i), NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
          g_hash_table_insert (documents, gloss_corpus_dup_id (root, g_ptr_array_index (files, i)), document);
        }
    }

  return documents;
}

/* Exports the fixtures of @folders (NULL-terminated) as the command does */
static GBytes *
export_fixtures (GlossExportFormat    format,
                 GlossOffsets         offsets,
                 GlossDoccanoLayout   layout,
                 const char * const  *folders,
                 char               **card,
                 GPtrArray          **notices)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  gloss_exporter_set_offsets (exporter, offsets);
  gloss_exporter_set_doccano_layout (exporter, layout);
  gloss_exporter_begin_stream (exporter, stream, NULL, &error);
  g_assert_no_error (error);

  for (guint f = 0; folders[f] != NULL; f++)
    {
      g_autoptr(GFile) root = fixture_folder (folders[f]);
      g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", NULL, NULL);

      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GlossDocument) document = gloss_document_load (g_ptr_array_index (files, i), NULL, NULL, &error);
          g_autofree char *id = gloss_corpus_dup_id (root, g_ptr_array_index (files, i));

          g_assert_no_error (error);
          gloss_exporter_add (exporter, document, id, NULL, &error);
          g_assert_no_error (error);
        }
    }

  gloss_exporter_end (exporter, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  if (card != NULL)
    *card = gloss_exporter_dup_card (exporter);
  if (notices != NULL)
    *notices = g_ptr_array_ref (gloss_exporter_get_notices (exporter));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
read_expected (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "exchange", "expected", name, NULL), &contents,
                       NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* A part as "[s, e) “text”" */
static void
append_part (GString   *out,
             GlossSpan *span,
             guint      part)
{
  GlossRange range = gloss_span_get_part (span, part);

  g_string_append_printf (out, "[%u, %u) “%s”", range.start, range.end, gloss_span_get_part_text (span, part));
}

static char *
describe_span (GlossSpan *span,
               Leave      leave)
{
  GString *out = g_string_new (gloss_span_get_label (span));

  for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
    {
      g_string_append_c (out, ' ');
      append_part (out, span, p);
    }
  if (!(leave & NO_ATTRIBUTES))
    for (guint a = 0; a < gloss_span_get_n_attributes (span); a++)
      g_string_append_printf (out, " %s=%s", gloss_span_get_attribute_name (span, a),
                              gloss_span_get_attribute_value (span, a));
  if (!(leave & NO_NOTES) && gloss_span_get_note (span)[0] != '\0')
    g_string_append_printf (out, " note “%s”", gloss_span_get_note (span));

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Everything a document holds of spans, relations and sentence labels,
 * one line each, sorted, without ids (an import numbers them anew) */
static char *
describe_document (GlossDocument *document,
                   Leave          leave)
{
  GListModel *spans = gloss_document_get_spans (document);
  GListModel *relations = gloss_document_get_relations (document);
  GListModel *annotations = gloss_document_get_annotations (document);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *line = describe_span (span, leave);

      g_ptr_array_add (lines, g_strdup_printf ("span %s", line));
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(GlossRelation) relation = g_list_model_get_item (relations, i);
      g_autofree char *from = describe_span (gloss_document_lookup_span (document, gloss_relation_get_from (relation)),
                                             NO_NOTES | NO_ATTRIBUTES);
      g_autofree char *to = describe_span (gloss_document_lookup_span (document, gloss_relation_get_to (relation)),
                                           NO_NOTES | NO_ATTRIBUTES);
      const char *note = leave & NO_RELATION_NOTES ? "" : gloss_relation_get_note (relation);

      g_ptr_array_add (lines, g_strdup_printf ("relation %s: %s → %s%s%s", gloss_relation_get_label (relation), from,
                                               to, note[0] ? " note " : "", note));
    }
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *note = leave & NO_NOTES ? "" : gloss_annotation_get_note (annotation);

      g_ptr_array_add (lines, g_strdup_printf ("sentence %s [%u, %u)%s%s", gloss_annotation_get_label (annotation),
                                               gloss_annotation_get_start (annotation),
                                               gloss_annotation_get_end (annotation), note[0] ? " note " : "",
                                               note));
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *)g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

/* Imports @bytes as @format, starting from the label set of the
 * fixtures (the quotation set, `claim` and the relation label `cites`) */
static GlossImporter *
import_bytes (GlossImportFormat  format,
              const char        *data,
              gsize              length,
              GlossLabelSet     *labels,
              char             **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) input = NULL;
  GlossImporter *importer = gloss_importer_new (format);

  *dir = g_dir_make_tmp ("gloss-ls-doccano-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "input", NULL);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  input = g_file_new_for_path (path);

  if (labels != NULL)
    gloss_importer_set_labels (importer, labels);
  gloss_importer_read (importer, input, NULL, &error);
  g_assert_no_error (error);

  return importer;
}

static void
remove_dir (char *dir)
{
  g_autofree char *input = g_build_filename (dir, "input", NULL);

  g_remove (input);
  g_rmdir (dir);
  g_free (dir);
}

static GlossLabelSet *
fixture_labels (GHashTable *documents)
{
  return gloss_label_set_copy (gloss_document_get_labels (g_hash_table_lookup (documents, "de-emoji.txt")));
}

static void
assert_no_problems (GlossImporter *importer)
{
  GPtrArray *problems = gloss_importer_get_problems (importer);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GlossProblem *)g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Exports the fixtures, imports them back and compares every document
 * with its original, but for what @leave says the format cannot hold */
static void
round_trip (GlossExportFormat  export_format,
            GlossImportFormat  import_format,
            GlossOffsets       offsets,
            Leave              leave)
{
  const char *folders[] = { "exchange", "spans", NULL };
  g_autoptr(GHashTable) documents = load_fixtures ();
  g_autoptr(GlossLabelSet) labels = fixture_labels (documents);
  g_autoptr(GBytes) bytes = export_fixtures (export_format, offsets, GLOSS_DOCCANO_LAYOUT_AUTO, folders, NULL, NULL);
  g_autoptr(GlossImporter) importer = NULL;
  char *dir = NULL;
  guint n_spans = 0, n_parted = 0, n_relations = 0;

  importer = import_bytes (import_format, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), labels, &dir);
  assert_no_problems (importer);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, g_hash_table_size (documents));

  for (guint i = 0; i < gloss_importer_get_n_documents (importer); i++)
    {
      const char *id = NULL;
      GlossDocument *imported = gloss_importer_get_document (importer, i, &id);
      GlossDocument *original = g_hash_table_lookup (documents, id);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      GListModel *spans;

      g_assert_nonnull (original);
      expected = describe_document (original, leave);
      got = describe_document (imported, leave);
      g_assert_cmpstr (got, ==, expected);

      /* Only what the format cannot hold is left out */
      g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_spans (imported)), ==,
                        g_list_model_get_n_items (gloss_document_get_spans (original)));
      spans = gloss_document_get_spans (imported);
      for (guint k = 0; k < g_list_model_get_n_items (spans); k++)
        {
          g_autoptr(GlossSpan) span = g_list_model_get_item (spans, k);

          n_parted += gloss_span_get_n_parts (span) > 1;
        }
      n_spans += g_list_model_get_n_items (spans);
      n_relations += g_list_model_get_n_items (gloss_document_get_relations (imported));
    }

  /* 5 + 6 + 13 + 11 spans, one quote in two parts in each document */
  g_assert_cmpuint (n_spans, ==, 35);
  g_assert_cmpuint (n_parted, ==, 4);
  g_assert_cmpuint (n_relations, ==, 4 + 4 + 9 + 8);
  remove_dir (dir);
}

/* Label Studio holds everything but the notes of relations */
static void
test_label_studio_round_trip (void)
{
  round_trip (GLOSS_EXPORT_LABEL_STUDIO, GLOSS_IMPORT_LABEL_STUDIO, GLOSS_OFFSETS_AUTO, NO_RELATION_NOTES);
}

/* doccano holds no notes and no attributes; either unit of offsets */
static void
test_doccano_round_trip (void)
{
  round_trip (GLOSS_EXPORT_DOCCANO, GLOSS_IMPORT_DOCCANO, GLOSS_OFFSETS_UTF16,
              NO_NOTES | NO_ATTRIBUTES | NO_RELATION_NOTES);
  round_trip (GLOSS_EXPORT_DOCCANO, GLOSS_IMPORT_DOCCANO, GLOSS_OFFSETS_CODE_POINTS,
              NO_NOTES | NO_ATTRIBUTES | NO_RELATION_NOTES);
}

/* The exact bytes, against files checked by hand; each region's text is
 * the text at its offsets */
static void
test_label_studio_export (void)
{
  const char *folders[] = { "exchange", NULL };
  g_autofree char *card = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GBytes) bytes = export_fixtures (GLOSS_EXPORT_LABEL_STUDIO, GLOSS_OFFSETS_AUTO, GLOSS_DOCCANO_LAYOUT_AUTO,
                                             folders, &card, &notices);
  g_autofree char *data = bytes_to_string (bytes);
  g_autofree char *expected = read_expected ("label-studio.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (data, &error);
  JsonArray *tasks;

  g_assert_cmpstr (data, ==, expected);

  g_assert_no_error (error);
  tasks = json_node_get_array (root);
  for (guint t = 0; t < json_array_get_length (tasks); t++)
    {
      JsonObject *task = json_array_get_object_element (tasks, t);
      const char *text = json_object_get_string_member (json_object_get_object_member (task, "data"), "text");
      JsonArray *annotations = json_object_get_array_member (task, "annotations");
      JsonArray *results = json_object_get_array_member (json_array_get_object_element (annotations, 0), "result");
      g_autoptr(GlossText) gloss_text = gloss_text_new (text, -1, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonObject *result = json_array_get_object_element (results, i);
          JsonObject *value;

          if (!json_object_has_member (result, "value"))
            continue;
          value = json_object_get_object_member (result, "value");
          g_assert_true (gloss_text_slice_equals (gloss_text, json_object_get_int_member (value, "start"),
                                                  json_object_get_int_member (value, "end"),
                                                  json_object_get_string_member (value, "text")));
        }
    }

  /* The card's labeling config has the span tag, the relations and the
   * attributes as per-region choices */
  g_assert_nonnull (strstr (card, "  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"claim\"/>\n"
                                  "  </Labels>\n  <Labels name=\"span\" toName=\"text\">\n"
                                  "    <Label value=\"quote\"/>\n"));
  g_assert_nonnull (strstr (card, "  <Relations>\n    <Relation value=\"speaker\"/>\n"
                                  "    <Relation value=\"cue\"/>\n    <Relation value=\"frame\"/>\n"
                                  "    <Relation value=\"addressee\"/>\n    <Relation value=\"cites\"/>\n"
                                  "    <Relation value=\"gloss:part\"/>\n  </Relations>\n"));
  g_assert_nonnull (strstr (card, "  <Choices name=\"type\" toName=\"text\" perRegion=\"true\" "
                                  "whenLabelValue=\"quote\">\n    <Choice value=\"direct\"/>\n"));
  g_assert_nonnull (strstr (card, "**1 relation(s) have a note**"));
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notices, 0), ==,
                   "1 relation has a note, which Label Studio’s relations have no place for");
}

/* The relation-extraction layout for labels with spans, UTF-16 units by
 * default: the emoji before a span counts two */
static void
test_doccano_export (void)
{
  const char *folders[] = { "exchange", NULL };
  static const struct
  {
    GlossOffsets  offsets;
    const char   *expected;
  } cases[] = {
    { GLOSS_OFFSETS_AUTO, "doccano.jsonl" },
    { GLOSS_OFFSETS_CODE_POINTS, "doccano-codepoints.jsonl" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *card = NULL;
      g_autoptr(GPtrArray) notices = NULL;
      g_autoptr(GBytes) bytes = export_fixtures (GLOSS_EXPORT_DOCCANO, cases[c].offsets, GLOSS_DOCCANO_LAYOUT_AUTO,
                                                 folders, &card, &notices);
      g_autofree char *data = bytes_to_string (bytes);
      g_autofree char *expected = read_expected (cases[c].expected);

      g_assert_cmpstr (data, ==, expected);
      g_assert_nonnull (strstr (card, "layout for **relation extraction**"));
      g_assert_nonnull (strstr (card, "**5 attribute(s) of spans are not in this export**"));
      g_assert_cmpuint (notices->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (notices, 0), ==,
                       "5 attributes of spans are not in the export: doccano has no place for them");
    }

  /* The quote's second part „Das Fest war ein Erfolg.“ is [99, 123) in
   * code points: two emoji before it, so [101, 125) in UTF-16 units */
  {
    g_autoptr(GBytes) bytes = export_fixtures (GLOSS_EXPORT_DOCCANO, GLOSS_OFFSETS_AUTO, GLOSS_DOCCANO_LAYOUT_AUTO,
                                               folders, NULL, NULL);
    g_autofree char *data = bytes_to_string (bytes);

    g_assert_nonnull (strstr (data, "{\"id\": 2, \"label\": \"quote\", \"start_offset\": 101, \"end_offset\": 125}"));
    g_assert_nonnull (strstr (data, "{\"id\": 0, \"from_id\": 1, \"to_id\": 2, \"type\": \"gloss:part\"}"));
  }
}

/* The layout for sequence labelling, asked for: spans as triples, one
 * per part; what it cannot hold said; and a sentence-only export is the
 * same bytes in either of the two ways to get that layout */
static void
test_doccano_sequence_layout (void)
{
  const char *folders[] = { "exchange", NULL };
  const char *sentence_only[] = { "export/corpus", NULL };
  g_autofree char *card = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GBytes) bytes = export_fixtures (GLOSS_EXPORT_DOCCANO, GLOSS_OFFSETS_AUTO,
                                             GLOSS_DOCCANO_LAYOUT_SEQUENCE_LABELING, folders, &card, &notices);
  g_autofree char *data = bytes_to_string (bytes);
  g_autoptr(GBytes) automatic = export_fixtures (GLOSS_EXPORT_DOCCANO, GLOSS_OFFSETS_AUTO, GLOSS_DOCCANO_LAYOUT_AUTO,
                                                 sentence_only, NULL, NULL);
  g_autoptr(GBytes) sequence = export_fixtures (GLOSS_EXPORT_DOCCANO, GLOSS_OFFSETS_AUTO,
                                                GLOSS_DOCCANO_LAYOUT_SEQUENCE_LABELING, sentence_only, NULL, NULL);
  g_autofree char *automatic_data = bytes_to_string (automatic);

  g_assert_true (g_str_has_prefix (data, "{\"id\": \"de-emoji.txt\", \"text\": "));
  g_assert_nonnull (strstr (data, "\", \"offsets\": \"utf16\", \"label\": [[128, 154, \"claim\"], "
                                  "[28, 54, \"quote\"], [101, 125, \"quote\"], [57, 62, \"cue\"], "
                                  "[57, 98, \"frame\"], [63, 87, \"speaker\"], [79, 87, \"speaker\"]]}\n"));
  g_assert_null (strstr (data, "entities"));
  g_assert_cmpuint (notices->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (notices, 1), ==,
                   "8 relations are not in the export: doccano’s layout for sequence labelling has no relations "
                   "(--doccano-layout relation-extraction has)");
  g_assert_cmpstr (g_ptr_array_index (notices, 2), ==,
                   "2 spans in several parts are written as a span per part: doccano’s layout for sequence "
                   "labelling cannot join them (--doccano-layout relation-extraction can)");
  g_assert_nonnull (strstr (card, "**8 relation(s) are not in this export**"));

  g_assert_true (g_bytes_equal (automatic, sequence));
  g_assert_nonnull (strstr (automatic_data, "\"label\": [["));
  g_assert_null (strstr (automatic_data, "entities"));
}

/* A task as Label Studio writes one: random region ids, the relation
 * drawn from the speaker to the quote (`left`), per-region choices and a
 * per-region text area on the quote, choices on the whole task; 😊 is one
 * code point in current Label Studio */
static void
test_label_studio_native (void)
{
  const char *input =
    "[{\"id\": 7, \"data\": {\"text\": \"Die Ministerin sagte: „Wir feiern 😊.“ Er lachte.\"}, \"annotations\": "
    "[{\"id\": 1, \"completed_by\": 3, \"result\": ["
    "{\"id\": \"Xq81\", \"from_name\": \"type\", \"to_name\": \"text\", \"type\": \"choices\", "
    "\"value\": {\"start\": 23, \"end\": 36, \"text\": \"Wir feiern 😊.\", \"choices\": [\"direct\", \"indirect\"]}}, "
    "{\"id\": \"Xq81\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", "
    "\"value\": {\"start\": 23, \"end\": 36, \"text\": \"Wir feiern 😊.\", \"labels\": [\"quote\"]}}, "
    "{\"id\": \"Xq81\", \"from_name\": \"comment\", \"to_name\": \"text\", \"type\": \"textarea\", "
    "\"value\": {\"start\": 23, \"end\": 36, \"text\": [\"Zitat „wörtlich“ 😊\"]}}, "
    "{\"id\": \"b7Tz\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", "
    "\"value\": {\"start\": 0, \"end\": 14, \"text\": \"Die Ministerin\", \"labels\": [\"speaker\"]}}, "
    "{\"id\": \"c0Pw\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", "
    "\"value\": {\"start\": 15, \"end\": 20, \"text\": \"sagte\", \"labels\": [\"cue\"]}}, "
    "{\"id\": \"dd01\", \"from_name\": \"topic\", \"to_name\": \"text\", \"type\": \"choices\", "
    "\"value\": {\"choices\": [\"Politik\"]}}, "
    "{\"from_id\": \"b7Tz\", \"to_id\": \"Xq81\", \"type\": \"relation\", \"direction\": \"left\", "
    "\"labels\": [\"speaker\"]}, "
    "{\"from_id\": \"Xq81\", \"to_id\": \"c0Pw\", \"type\": \"relation\", \"direction\": \"bi\", "
    "\"labels\": [\"cue\"]}, "
    "{\"from_id\": \"Xq81\", \"to_id\": \"b7Tz\", \"type\": \"relation\", \"direction\": \"right\"}]}]}]";
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossImporter) importer = NULL;
  g_autofree char *described = NULL;
  GPtrArray *warnings;
  gboolean bi_said = FALSE;
  char *dir = NULL;

  importer = import_bytes (GLOSS_IMPORT_LABEL_STUDIO, input, strlen (input), quotation, &dir);
  assert_no_problems (importer);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 1);
  described = describe_document (gloss_importer_get_document (importer, 0, NULL), KEEP_ALL);
  g_assert_cmpstr (described, ==,
                   "relation cue: quote [23, 36) “Wir feiern 😊.” → cue [15, 20) “sagte”\n"
                   "relation speaker: quote [23, 36) “Wir feiern 😊.” → speaker [0, 14) “Die Ministerin”\n"
                   "span cue [15, 20) “sagte”\n"
                   "span quote [23, 36) “Wir feiern 😊.” type=direct note “Zitat „wörtlich“ 😊”\n"
                   "span speaker [0, 14) “Die Ministerin”\n");

  /* The second choice, the task's choice and the relation without a label */
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_CHOICE), ==, 2);
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_RELATION), ==, 1);
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_TEXT_AREA), ==, 0);
  warnings = gloss_importer_get_warnings (importer);
  for (guint i = 0; i < warnings->len; i++)
    bi_said |= strstr (((GlossProblem *)g_ptr_array_index (warnings, i))->message, "goes both ways") != NULL;
  g_assert_true (bi_said);
  remove_dir (dir);
}

/* Regions joined as parts must share their one label */
static void
test_label_studio_parts_differ (void)
{
  const char *input =
    "[{\"id\": 1, \"data\": {\"text\": \"Die Ministerin sagte: „Wir feiern 😊.“ Er lachte.\"}, \"annotations\": "
    "[{\"result\": ["
    "{\"id\": \"a\", \"from_name\": \"span\", \"to_name\": \"text\", \"type\": \"labels\", "
    "\"value\": {\"start\": 23, \"end\": 26, \"text\": \"Wir\", \"labels\": [\"quote\"]}}, "
    "{\"id\": \"b\", \"from_name\": \"span\", \"to_name\": \"text\", \"type\": \"labels\", "
    "\"value\": {\"start\": 27, \"end\": 33, \"text\": \"feiern\", \"labels\": [\"speaker\"]}}, "
    "{\"from_id\": \"a\", \"to_id\": \"b\", \"type\": \"relation\", \"direction\": \"right\", "
    "\"labels\": [\"gloss:part\"]}]}]}]";
  g_autoptr(GlossImporter) importer = NULL;
  GlossProblem *problem;
  char *dir = NULL;

  importer = import_bytes (GLOSS_IMPORT_LABEL_STUDIO, input, strlen (input), NULL, &dir);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 1);
  problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
  g_assert_cmpstr (problem->message, ==, "The regions [23, 26) and [27, 33), joined as parts of one span "
                                         "(“gloss:part”), do not have the same one label");
  remove_dir (dir);
}

/* JSON-MIN, as Label Studio's converter writes it: no ids, no relations;
 * a region of the tag `span` is a span even when its label is new and it
 * has one part, one of another tag labels sentences as before */
static void
test_label_studio_min_span_tag (void)
{
  const char *input =
    "[{\"id\": 3, \"text\": \"Die Ministerin sagte: „Wir feiern 😊.“ Er lachte.\", "
    "\"span\": [{\"start\": 4, \"end\": 14, \"text\": \"Ministerin\", \"labels\": [\"person\"]}], "
    "\"label\": [{\"start\": 38, \"end\": 48, \"text\": \"Er lachte.\", \"labels\": [\"topic\"]}], "
    "\"annotator\": 2, \"annotation_id\": 9}]";
  g_autoptr(GlossImporter) importer = NULL;
  g_autofree char *described = NULL;
  GlossDocument *document;
  char *dir = NULL;

  importer = import_bytes (GLOSS_IMPORT_LABEL_STUDIO, input, strlen (input), NULL, &dir);
  assert_no_problems (importer);
  document = gloss_importer_get_document (importer, 0, NULL);
  described = describe_document (document, KEEP_ALL);
  g_assert_cmpstr (described, ==, "sentence topic [38, 48)\nspan person [4, 14) “Ministerin”\n");
  g_assert_cmpint (gloss_label_get_scope (gloss_label_set_lookup (gloss_document_get_labels (document), "person")),
                   ==, GLOSS_LABEL_SCOPE_SPAN);
  remove_dir (dir);
}

/* A line as doccano writes one: entity ids from its database, no
 * "offsets", UTF-16 units (the last entity ends beyond the text's code
 * points, so no other reading fits), a quote in two parts joined as Gloss
 * joins them, and a relation from its second part */
static void
test_doccano_native (void)
{
  const char *input =
    "{\"id\": 4711, \"text\": \"😊 Sie sagte: „Wir feiern.“ Dann ging sie.\\r\\nEnde „gut“\", \"entities\": ["
    "{\"id\": 10, \"label\": \"speaker\", \"start_offset\": 3, \"end_offset\": 6}, "
    "{\"id\": 11, \"label\": \"cue\", \"start_offset\": 7, \"end_offset\": 12}, "
    "{\"id\": 12, \"label\": \"quote\", \"start_offset\": 15, \"end_offset\": 26}, "
    "{\"id\": 13, \"label\": \"quote\", \"start_offset\": 50, \"end_offset\": 53}, "
    "{\"id\": 14, \"label\": \"frame\", \"start_offset\": 44, \"end_offset\": 54}], \"relations\": ["
    "{\"id\": 1, \"from_id\": 12, \"to_id\": 13, \"type\": \"gloss:part\"}, "
    "{\"id\": 2, \"from_id\": 12, \"to_id\": 10, \"type\": \"speaker\"}, "
    "{\"id\": 3, \"from_id\": 12, \"to_id\": 11, \"type\": \"cue\"}, "
    "{\"id\": 4, \"from_id\": 13, \"to_id\": 14, \"type\": \"frame\"}], \"Comments\": []}\n";
  g_autoptr(GlossLabelSet) quotation = gloss_label_set_new_builtin ("quotation");
  g_autoptr(GlossImporter) importer = NULL;
  g_autofree char *described = NULL;
  const char *id = NULL;
  char *dir = NULL;

  importer = import_bytes (GLOSS_IMPORT_DOCCANO, input, strlen (input), quotation, &dir);
  assert_no_problems (importer);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 1);
  described = describe_document (gloss_importer_get_document (importer, 0, &id), KEEP_ALL);
  g_assert_cmpstr (id, ==, "4711.txt");
  g_assert_cmpstr (described, ==,
                   "relation cue: quote [14, 25) “Wir feiern.” [49, 52) “gut” → cue [6, 11) “sagte”\n"
                   "relation frame: quote [14, 25) “Wir feiern.” [49, 52) “gut” → frame [43, 53) “Ende „gut“”\n"
                   "relation speaker: quote [14, 25) “Wir feiern.” [49, 52) “gut” → speaker [2, 5) “Sie”\n"
                   "span cue [6, 11) “sagte”\n"
                   "span frame [43, 53) “Ende „gut“”\n"
                   "span quote [14, 25) “Wir feiern.” [49, 52) “gut”\n"
                   "span speaker [2, 5) “Sie”\n");
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_RELATION), ==, 0);
  remove_dir (dir);
}

/* gloss:part joins parts of one label only */
static void
test_doccano_parts_differ (void)
{
  const char *input =
    "{\"text\": \"Sie sagte es.\", \"offsets\": \"codepoints\", \"entities\": ["
    "{\"id\": 1, \"label\": \"speaker\", \"start_offset\": 0, \"end_offset\": 3}, "
    "{\"id\": 2, \"label\": \"cue\", \"start_offset\": 4, \"end_offset\": 9}], \"relations\": ["
    "{\"id\": 1, \"from_id\": 1, \"to_id\": 2, \"type\": \"gloss:part\"}]}\n";
  g_autoptr(GlossImporter) importer = NULL;
  GlossProblem *problem;
  char *dir = NULL;

  importer = import_bytes (GLOSS_IMPORT_DOCCANO, input, strlen (input), NULL, &dir);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, >=, 1);
  problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
  g_assert_cmpstr (problem->message, ==, "A relation “gloss:part” from “1” to “2” does not join two entities of the "
                                         "same label");
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/ls-doccano/label-studio-export", test_label_studio_export);
  g_test_add_func ("/gloss/ls-doccano/label-studio-round-trip", test_label_studio_round_trip);
  g_test_add_func ("/gloss/ls-doccano/label-studio-native", test_label_studio_native);
  g_test_add_func ("/gloss/ls-doccano/label-studio-parts-differ", test_label_studio_parts_differ);
  g_test_add_func ("/gloss/ls-doccano/label-studio-min-span-tag", test_label_studio_min_span_tag);
  g_test_add_func ("/gloss/ls-doccano/doccano-export", test_doccano_export);
  g_test_add_func ("/gloss/ls-doccano/doccano-sequence-layout", test_doccano_sequence_layout);
  g_test_add_func ("/gloss/ls-doccano/doccano-round-trip", test_doccano_round_trip);
  g_test_add_func ("/gloss/ls-doccano/doccano-native", test_doccano_native);
  g_test_add_func ("/gloss/ls-doccano/doccano-parts-differ", test_doccano_parts_differ);

  return g_test_run ();
}
