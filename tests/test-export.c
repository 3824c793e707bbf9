/* test-export.c
 *
 * Every format exported from the fixture corpus (German and English,
 * umlauts, „…“ quotes, emoji outside the BMP, CRLF): each span checked
 * against the text, the bytes the same on every run, and export → import
 * → export giving the same bytes for each format that can carry it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-export-job.h"
#include "gloss-exporter-private.h"
#include "gloss-exporter.h"
#include "gloss-importer.h"
#include "gloss-json.h"
#include "gloss-problem.h"
#include "gloss-text.h"

typedef struct
{
  GlossExportFormat format;
  const char       *labels[3];
  const char       *annotator;
  gboolean          done_only;
  guint             context;
  GlossOffsets      offsets;
} Options;

static GFile *
corpus_root (void)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "export", "corpus", NULL));
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-export-XXXXXX", &error);

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

/* Exports every text below @root as the command does; for brat into
 * @folder, else into the returned bytes */
static GBytes *
export_with (GFile         *root,
             const Options *options,
             GFile         *folder,
             char         **card)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (options->format);
  g_autoptr(GPtrArray) files = gloss_corpus_find_files (root, ".txt", NULL, NULL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  gloss_exporter_set_labels (exporter, options->labels[0] ? options->labels : NULL);
  gloss_exporter_set_annotator (exporter, options->annotator);
  gloss_exporter_set_done_only (exporter, options->done_only);
  gloss_exporter_set_context (exporter, options->context);
  gloss_exporter_set_offsets (exporter, options->offsets);

  if (gloss_export_format_is_folder (options->format))
    gloss_exporter_begin_folder (exporter, folder, NULL, &error);
  else
    gloss_exporter_begin_stream (exporter, stream, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GlossDocument) document = gloss_document_load (g_ptr_array_index (files, i), NULL, NULL, &error);
      g_autofree char *id = gloss_corpus_dup_id (root, g_ptr_array_index (files, i));

      g_assert_no_error (error);
      g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
      gloss_exporter_add (exporter, document, id, NULL, &error);
      g_assert_no_error (error);
    }

  gloss_exporter_end (exporter, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  if (card != NULL)
    *card = gloss_exporter_dup_card (exporter);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static GBytes *
export_corpus (const Options *options,
               GFile         *folder)
{
  g_autoptr(GFile) root = corpus_root ();

  return export_with (root, options, folder, NULL);
}

static GlossText *
load_text (const char *id)
{
  g_autoptr(GFile) root = corpus_root ();
  g_autoptr(GFile) file = g_file_resolve_relative_path (root, id);
  g_autoptr(GError) error = NULL;
  GlossText *text = gloss_text_load (file, NULL, &error);

  g_assert_no_error (error);
  return text;
}

/* Asserts text[start:end] of the document @id is @expected */
static void
assert_span (const char *id,
             gint64      start,
             gint64      end,
             const char *expected)
{
  g_autoptr(GlossText) text = load_text (id);
  g_autofree char *slice = NULL;

  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (end, <=, gloss_text_get_length (text));
  slice = gloss_text_dup_slice (text, start, end);
  g_assert_cmpstr (slice, ==, expected);
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
parse (const char *data,
       gssize      length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = gloss_json_parse (data, length, &error);

  g_assert_no_error (error);
  return node;
}

static guint
check_document_object (JsonObject *document)
{
  const char *id = json_object_get_string_member (document, "id");
  const char *text = json_object_get_string_member (document, "text");
  JsonArray *annotations = json_object_get_array_member (document, "annotations");
  JsonArray *sentences = json_object_get_array_member (document, "sentences");
  g_autoptr(GlossText) original = load_text (id);

  /* The text in the export is the file's text, byte for byte */
  g_assert_cmpstr (text, ==, gloss_text_get_contents (original));

  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);

      assert_span (id, json_object_get_int_member (a, "start"), json_object_get_int_member (a, "end"),
                   json_object_get_string_member (a, "text"));
    }
  for (guint i = 0; i < json_array_get_length (sentences); i++)
    {
      JsonObject *s = json_array_get_object_element (sentences, i);

      g_assert_cmpint (json_object_get_int_member (s, "start"), <, json_object_get_int_member (s, "end"));
    }

  return json_array_get_length (annotations);
}

static void
test_sentences_jsonl (void)
{
  Options options = { GLOSS_EXPORT_SENTENCES_JSONL, .context = 1 };
  g_autoptr(GBytes) bytes = export_corpus (&options, NULL);
  g_auto(GStrv) lines = split_lines (bytes);
  guint n_labels = 0;

  /* Every sentence, labelled or not */
  g_assert_cmpuint (g_strv_length (lines), ==, 14);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = parse (lines[i], -1);
      JsonObject *row = json_node_get_object (node);
      JsonArray *labels = json_object_get_array_member (row, "labels");

      assert_span (json_object_get_string_member (row, "document"),
                   json_object_get_int_member (row, "start"), json_object_get_int_member (row, "end"),
                   json_object_get_string_member (row, "text"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "notes")), ==,
                        json_array_get_length (labels));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "annotators")), ==,
                        json_array_get_length (labels));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "context_before")), <=, 1);
      n_labels += json_array_get_length (labels);
    }
  g_assert_cmpuint (n_labels, ==, 13);

  /* The second sentence of the German article, with both its labels, a
   * note and the context around it */
  g_assert_cmpstr (lines[1], ==,
                   "{\"document\": \"de/rathaus.txt\", \"sentence\": 1, \"index\": 1, \"start\": 6, \"end\": 76, "
                   "\"text\": \"Der Bürgermeister sagte am Montag: „Die Brücke wird im März gesperrt.“\", "
                   "\"labels\": [\"source\", \"quote\"], \"notes\": [\"Bürgermeister = Quelle\", \"\"], "
                   "\"annotators\": [\"Ada\", \"Ada\"], \"language\": \"de\", \"context_before\": [\"Köln.\"], "
                   "\"context_after\": [\"Laut Stadtverwaltung kostet die Sanierung 4,5 Millionen Euro 💶.\"]}");
}

static void
test_documents_jsonl (void)
{
  Options options = { GLOSS_EXPORT_DOCUMENTS_JSONL };
  g_autoptr(GBytes) bytes = export_corpus (&options, NULL);
  g_auto(GStrv) lines = split_lines (bytes);
  guint n = 0;

  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = parse (lines[i], -1);

      n += check_document_object (json_node_get_object (node));
    }
  g_assert_cmpuint (n, ==, 13);

  /* The crawler's metadata travels with the document */
  g_assert_nonnull (strstr (lines[0],
                            ", \"meta\": {\"url\":\"https://example.org/köln/1\",\"outlet\":\"Rheinblatt\"}}"));
}

static void
test_json (void)
{
  Options options = { GLOSS_EXPORT_JSON };
  g_autoptr(GBytes) bytes = export_corpus (&options, NULL);
  g_autoptr(JsonNode) root = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  JsonArray *array = json_node_get_array (root);
  JsonObject *header = json_array_get_object_element (array, 0);
  guint n = 0;

  g_assert_cmpstr (json_object_get_string_member (header, "format"), ==, "gloss-export");
  g_assert_cmpint (json_object_get_int_member (header, "version"), ==, GLOSS_EXPORT_VERSION);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (header, "labels")), ==, 3);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  for (guint i = 1; i < 5; i++)
    n += check_document_object (json_array_get_object_element (array, i));
  g_assert_cmpuint (n, ==, 13);
}

/* text.slice (start, end) as JavaScript (doccano's annotation view)
 * reads it: the offsets count UTF-16 units */
static char *
slice_utf16 (const char *text,
             glong       start,
             glong       end)
{
  g_autoptr(GError) error = NULL;
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n_units, &error);
  char *slice;

  g_assert_no_error (error);
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (end, <=, n_units);
  /* Neither end between the two units of one character */
  g_assert_false ((units[start] & 0xFC00) == 0xDC00);
  g_assert_false (end < n_units && (units[end] & 0xFC00) == 0xDC00);

  slice = g_utf16_to_utf8 (units + start, end - start, NULL, NULL, &error);
  g_assert_no_error (error);
  return slice;
}

/* Every span is its annotation's sentence when doccano reads it: in
 * UTF-16 units by default, in code points when asked */
static void
test_doccano (void)
{
  for (guint units = 0; units < 2; units++)
    {
      /* AUTO, the default, is UTF-16 units */
      Options options = { GLOSS_EXPORT_DOCCANO, .offsets = units ? GLOSS_OFFSETS_AUTO : GLOSS_OFFSETS_CODE_POINTS };
      g_autoptr(GBytes) bytes = export_corpus (&options, NULL);
      g_auto(GStrv) lines = split_lines (bytes);
      guint n = 0;

      g_assert_cmpuint (g_strv_length (lines), ==, 4);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(JsonNode) node = parse (lines[i], -1);
          JsonObject *row = json_node_get_object (node);
          JsonArray *labels = json_object_get_array_member (row, "label");
          const char *id = json_object_get_string_member (row, "id");
          g_autoptr(GFile) root = corpus_root ();
          g_autoptr(GFile) file = g_file_resolve_relative_path (root, id);
          g_autoptr(GError) error = NULL;
          g_autoptr(GlossDocument) document = gloss_document_load (file, NULL, NULL, &error);
          GListModel *annotations = gloss_document_get_annotations (document);
          GlossText *text = gloss_document_get_text (document);

          g_assert_no_error (error);
          g_assert_cmpstr (json_object_get_string_member (row, "text"), ==, gloss_text_get_contents (text));
          g_assert_cmpstr (json_object_get_string_member (row, "offsets"), ==, units ? "utf16" : "codepoints");
          g_assert_cmpuint (json_array_get_length (labels), ==, g_list_model_get_n_items (annotations));
          for (guint k = 0; k < json_array_get_length (labels); k++)
            {
              JsonArray *triple = json_array_get_array_element (labels, k);
              guint start = json_array_get_int_element (triple, 0);
              guint end = json_array_get_int_element (triple, 1);
              g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, k);
              g_autofree char *slice = NULL;

              if (units)
                slice = slice_utf16 (gloss_text_get_contents (text), start, end);
              else
                slice = gloss_text_dup_slice (text, start, end);
              g_assert_cmpstr (slice, ==, gloss_annotation_get_text (annotation));
              g_assert_cmpstr (json_array_get_string_element (triple, 2), ==, gloss_annotation_get_label (annotation));
              n++;
            }
        }
      g_assert_cmpuint (n, ==, 13);

      /* After the emoji 😀: one code point, two UTF-16 units */
      if (units)
        g_assert_nonnull (strstr (lines[1], "\"label\": [[30, 74, \"quote\"], [76, 118, \"claim\"]]"));
      else
        g_assert_nonnull (strstr (lines[1], "\"label\": [[29, 73, \"quote\"], [75, 117, \"claim\"]]"));
    }
}

/* The card says which offsets were written, and how to create the
 * doccano project so that it keeps a sentence's second label; the
 * exporter counts those sentences for the command to say */
static void
test_doccano_card (void)
{
  for (guint units = 0; units < 2; units++)
    {
      Options options = { GLOSS_EXPORT_DOCCANO, .offsets = units ? GLOSS_OFFSETS_UTF16 : GLOSS_OFFSETS_CODE_POINTS };
      Options quotes = { GLOSS_EXPORT_DOCCANO, .labels = { "quote", NULL } };
      g_autoptr(GFile) root = corpus_root ();
      g_autofree char *card = NULL;
      g_autofree char *quotes_card = NULL;
      g_autoptr(GBytes) bytes = export_with (root, &options, NULL, &card);
      g_autoptr(GBytes) quote_bytes = export_with (root, &quotes, NULL, &quotes_card);

      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      g_assert_cmpuint (g_bytes_get_size (quote_bytes), >, 0);
      g_assert_nonnull (strstr (card, "*Allow overlapping spans*"));
      g_assert_nonnull (strstr (card, "**4 sentence(s) of this export have more than one label**"));
      if (units)
        {
          g_assert_nonnull (strstr (card, "Every offset counts UTF-16 code units"));
          g_assert_null (strstr (card, "Every offset counts Unicode code points"));
        }
      else
        {
          g_assert_nonnull (strstr (card, "Every offset counts Unicode code points"));
          g_assert_null (strstr (card, "Every offset counts UTF-16 code units"));
        }
      g_assert_nonnull (strstr (card, "## Not in this export\n"));
      g_assert_nonnull (strstr (card, "| notes | 5 |\n"));

      /* One label per sentence: nothing to say */
      g_assert_null (strstr (quotes_card, "more than one label**"));
    }
}

static void
test_label_studio (void)
{
  Options options = { GLOSS_EXPORT_LABEL_STUDIO };
  g_autoptr(GBytes) bytes = export_corpus (&options, NULL);
  g_autoptr(JsonNode) root = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  JsonArray *tasks = json_node_get_array (root);
  guint n = 0, n_notes = 0;

  g_assert_cmpuint (json_array_get_length (tasks), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *task = json_array_get_object_element (tasks, i);
      JsonObject *data = json_object_get_object_member (task, "data");
      JsonArray *annotations = json_object_get_array_member (task, "annotations");
      JsonArray *results = json_object_get_array_member (json_array_get_object_element (annotations, 0), "result");

      g_assert_cmpint (json_object_get_int_member (task, "id"), ==, i + 1);
      for (guint k = 0; k < json_array_get_length (results); k++)
        {
          JsonObject *result = json_array_get_object_element (results, k);
          JsonObject *value = json_object_get_object_member (result, "value");

          g_assert_cmpstr (json_object_get_string_member (result, "type"), ==, "labels");
          assert_span (json_object_get_string_member (data, "document"),
                       json_object_get_int_member (value, "start"), json_object_get_int_member (value, "end"),
                       json_object_get_string_member (value, "text"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (value, "labels")), ==, 1);
          n_notes += json_object_has_member (result, "meta");
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpuint (n_notes, ==, 5);
}

static void
test_csv (void)
{
  Options options = { GLOSS_EXPORT_CSV };
  g_autoptr(GBytes) bytes = export_corpus (&options, NULL);
  g_autofree char *data = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (data,
                                   "document,sentence,index,start,end,language,text,labels,notes,annotators\r\n"));
  /* RFC 4180: a comma or quote means quoting, quotes are doubled, a line
   * break inside a field stays */
  g_assert_nonnull (strstr (data, "\r\nde/rathaus.txt,2,2,78,141,de,\"Laut Stadtverwaltung kostet die Sanierung 4,5 "
                                  "Millionen Euro 💶.\",claim;source,\"source: Stadtverwaltung, \"\"offiziell\"\"\","
                                  "Ada;Bea\r\n"));
  g_assert_nonnull (strstr (data, ",quote,\"quote: Zitat mit\nZeilenumbruch\tund Tab\",Bea\r\n"));
  g_assert_nonnull (strstr (data,
                            "\r\nen/unannotated.txt,1,1,35,71,en,\"It still exports, with empty labels.\",,,\r\n"));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
}

static char *
read_file (GFile      *folder,
           const char *name)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_load_contents (file, NULL, &data, NULL, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
test_brat (void)
{
  Options options = { GLOSS_EXPORT_BRAT };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) bytes = export_corpus (&options, folder);
  g_autofree char *conf = read_file (folder, "annotation.conf");
  const char *ids[] = { "de/rathaus", "de/sport/fussball", "en/council", "en/unannotated" };
  guint n = 0;

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);

  g_assert_true (g_str_has_prefix (conf, "[entities]\nclaim\nsource\nquote\n"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *txt_name = g_strconcat (ids[i], ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (ids[i], ".ann", NULL);
      g_autofree char *txt = read_file (folder, txt_name);
      g_autofree char *ann = read_file (folder, ann_name);
      g_autoptr(GlossText) original = load_text (txt_name);
      g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);

      g_assert_cmpstr (txt, ==, gloss_text_get_contents (original));
      for (guint k = 0; lines[k] != NULL && lines[k][0] != '\0'; k++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[k], "\t", 3);
          guint start, end;
          char label[16];

          if (lines[k][0] == '#')
            {
              g_assert_true (g_str_has_prefix (fields[1], "AnnotatorNotes T"));
              g_assert_null (strchr (fields[2], '\t'));
              continue;
            }

          /* The fixture's sentences hold no line break, so one fragment */
          g_assert_cmpint (sscanf (fields[1], "%15s %u %u", label, &start, &end), ==, 3);
          g_assert_null (strchr (fields[1], ';'));
          assert_span (txt_name, start, end, fields[2]);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 13);

  remove_tree (folder);
}

static void
test_deterministic (void)
{
  for (guint f = 0; f < GLOSS_EXPORT_N_FORMATS; f++)
    {
      Options options = { f, .context = 2 };
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;

      if (gloss_export_format_is_folder (f))
        continue;

      a = export_corpus (&options, NULL);
      b = export_corpus (&options, NULL);
      g_assert_true (g_bytes_equal (a, b));
      /* The corpus has no spans: spans-csv has its header only */
      if (f == GLOSS_EXPORT_SPANS_CSV)
        g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                         "document,span,label,start,end,parts,text,annotator,note,relations\r\n", 67);
      else
        g_assert_cmpuint (g_bytes_get_size (a), >, 100);
    }
}

static void
test_filters (void)
{
  Options quotes = { GLOSS_EXPORT_DOCCANO, .labels = { "quote", NULL } };
  Options bea = { GLOSS_EXPORT_SENTENCES_JSONL, .annotator = "Bea" };
  Options done = { GLOSS_EXPORT_DOCUMENTS_JSONL, .done_only = TRUE };
  g_autoptr(GBytes) a = export_corpus (&quotes, NULL);
  g_autoptr(GBytes) b = export_corpus (&bea, NULL);
  g_autoptr(GBytes) c = export_corpus (&done, NULL);
  g_auto(GStrv) lines_a = split_lines (a);
  g_auto(GStrv) lines_b = split_lines (b);
  g_auto(GStrv) lines_c = split_lines (c);
  guint n_bea = 0;

  /* Only quotes, but every document */
  g_assert_cmpuint (g_strv_length (lines_a), ==, 4);
  /* After 💶, two UTF-16 units */
  g_assert_nonnull (strstr (lines_a[0], "\"label\": [[6, 76, \"quote\"], [144, 219, \"quote\"]]}"));
  for (guint i = 0; lines_a[i] != NULL; i++)
    g_assert_null (strstr (lines_a[i], "\"claim\"]"));

  /* Bea's two labels; every sentence still there */
  g_assert_cmpuint (g_strv_length (lines_b), ==, 14);
  for (guint i = 0; lines_b[i] != NULL; i++)
    n_bea += strstr (lines_b[i], "\"annotators\": [\"Bea\"]") != NULL;
  g_assert_cmpuint (n_bea, ==, 2);

  /* Two documents are done */
  g_assert_cmpuint (g_strv_length (lines_c), ==, 2);
  g_assert_true (g_str_has_prefix (lines_c[0], "{\"id\": \"de/rathaus.txt\""));
  g_assert_true (g_str_has_prefix (lines_c[1], "{\"id\": \"en/council.txt\""));
}

static void
test_card (void)
{
  Options options = { GLOSS_EXPORT_SENTENCES_JSONL };
  g_autoptr(GFile) root = corpus_root ();
  g_autofree char *card = NULL;
  g_autoptr(GBytes) bytes = export_with (root, &options, NULL, &card);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);

  g_assert_nonnull (strstr (card, "| documents | 4 |\n| sentences | 14 |\n| sentences with a label | 9 (64.3 %) |\n"
                                  "| annotations | 13 |\n"));
  g_assert_nonnull (strstr (card, "| `claim` | Claim | A statement presented as fact that could be checked. | 5 |\n"));
  g_assert_nonnull (strstr (card, "| Ada | 7 |\n| Bea | 2 |\n| Grace | 4 |\n"));
  g_assert_nonnull (strstr (card, "| `context_before`, `context_after` |"));
  g_assert_nonnull (strstr (card, "`de/rathaus.txt`, `en/council.txt`"));
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GPtrArray **invalid = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_export_corpus_finish (GLOSS_EXPORTER (object), result, invalid, &error));
  g_assert_no_error (error);
}

static void
copy_fixture (GFile      *folder,
              const char *name)
{
  g_autoptr(GFile) root = corpus_root ();
  g_autoptr(GFile) from = g_file_resolve_relative_path (root, name);
  g_autofree char *base = g_file_get_basename (from);
  g_autoptr(GFile) to = g_file_get_child (folder, base);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* In a worker thread, as the window runs it: the broken document is left
 * out and reported, the valid one exported */
static void
test_async_invalid (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) broken = g_file_get_child (folder, "council.txt.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_DOCCANO);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) invalid = NULL;
  g_autoptr(GError) error = NULL;
  GlossProblem *problem;

  copy_fixture (folder, "de/sport/fussball.txt");
  copy_fixture (folder, "de/sport/fussball.txt.gloss.json");
  copy_fixture (folder, "en/council.txt");
  g_file_replace_contents (broken, "{\"format\": ", 12, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  files = gloss_corpus_find_files (folder, ".txt", NULL, NULL);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (roots, g_object_ref (folder));

  gloss_export_corpus_async (exporter, files, roots, stream, NULL, NULL, on_export_done_cb, &invalid);
  while (invalid == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (invalid->len, ==, 1);
  problem = g_ptr_array_index (invalid, 0);
  g_assert_true (g_str_has_suffix (problem->file, "council.txt.gloss.json"));
  g_output_stream_close (stream, NULL, NULL);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), >, 0);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                                   "{\"id\": \"fussball.txt\""));
  g_assert_null (strstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), "council"));

  remove_tree (folder);
}

static void
write_file (GFile      *folder,
            const char *path,
            const char *contents)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Copies of the fixture corpus in folders k00, k01 …, with a broken
 * annotation file, a changed text, a text that is not UTF-8, a project
 * file with problems and one with labels of its own among the first ten */
static GPtrArray *
make_large_corpus (GFile *root,
                   guint  n_copies)
{
  static const char * const names[] = {
    "de/rathaus.txt", "de/rathaus.txt.gloss.json", "de/sport/fussball.txt", "de/sport/fussball.txt.gloss.json",
    "en/council.txt", "en/council.txt.gloss.json", "en/unannotated.txt",
  };
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < n_copies; k++)
    {
      g_autofree char *name = g_strdup_printf ("k%02u", k);
      g_autoptr(GFile) folder = g_file_get_child (root, name);

      g_file_make_directory (folder, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        copy_fixture (folder, names[i]);
    }

  write_file (root, "k03/council.txt.gloss.json", "{\"format\": ");
  write_file (root, "k05/rathaus.txt", "Ein anderer Text.\n");
  write_file (root, "k08/fussball.txt", "Fu\xDF\xFF ball\n");
  write_file (root, "k06/gloss-project.json", "{\"format\": \"gloss-project\", \"version\": 1}");
  write_file (root, "k02/gloss-project.json",
              "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": ["
              "{\"id\": \"quote\"}, {\"id\": \"source\"}, {\"id\": \"claim\"}, {\"id\": \"extra\"}]}");

  return gloss_corpus_find_files (root, ".txt", NULL, NULL);
}

static GBytes *
export_large_corpus (GFile             *root,
                     GPtrArray         *files,
                     GlossExportFormat  format,
                     guint              n_workers,
                     GPtrArray         *invalid)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (roots, g_object_ref (root));

  _gloss_exporter_set_n_workers (exporter, n_workers);
  g_assert_true (gloss_export_corpus (exporter, files, roots, stream, NULL, invalid, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  g_assert_cmpuint (gloss_exporter_get_n_documents (exporter), ==, 40 - 7);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Documents loaded in worker threads give the same bytes, and the same
 * documents left out with the same problems in the same order, as
 * documents loaded one after another */
static void
test_corpus_workers (void)
{
  static const GlossExportFormat formats[] = { GLOSS_EXPORT_SENTENCES_JSONL, GLOSS_EXPORT_JSON };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = make_large_corpus (root, 10);

  g_assert_cmpuint (files->len, ==, 40);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GPtrArray) one_invalid = gloss_problems_new ();
      g_autoptr(GBytes) one = export_large_corpus (root, files, formats[f], 1, one_invalid);

      for (guint n_workers = 2; n_workers <= 5; n_workers += 3)
        {
          g_autoptr(GPtrArray) invalid = gloss_problems_new ();
          g_autoptr(GBytes) bytes = export_large_corpus (root, files, formats[f], n_workers, invalid);

          g_assert_true (g_bytes_equal (bytes, one));
          g_assert_cmpuint (invalid->len, ==, one_invalid->len);
          for (guint i = 0; i < invalid->len; i++)
            {
              GlossProblem *a = g_ptr_array_index (invalid, i);
              GlossProblem *b = g_ptr_array_index (one_invalid, i);

              g_assert_cmpstr (a->file, ==, b->file);
              g_assert_cmpstr (a->path, ==, b->path);
              g_assert_cmpstr (a->message, ==, b->message);
            }
        }

      /* The broken annotation file, the changed text, the text that is
       * not UTF-8, and the four texts under the broken project */
      g_assert_cmpuint (one_invalid->len, >=, 7);
      g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (one_invalid, 0))->file, "k03"));
    }

  remove_tree (root);
}

/* A write that fails half-way (the first 64 KB into 30 KB) stops the
 * export, however many documents the workers loaded ahead; under valgrind
 * and ASan nothing leaks */
static void
test_corpus_write_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = make_large_corpus (root, 40);
  g_autofree char *buffer = g_malloc (30000);

  for (guint n_workers = 1; n_workers <= 4; n_workers += 3)
    {
      g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_SENTENCES_JSONL);
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 30000, NULL, NULL);
      g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) invalid = gloss_problems_new ();
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (roots, g_object_ref (root));

      _gloss_exporter_set_n_workers (exporter, n_workers);
      g_assert_false (gloss_export_corpus (exporter, files, roots, stream, NULL, invalid, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpuint (gloss_exporter_get_n_documents (exporter), <, 160 - 7);
    }

  remove_tree (root);
}

static guint
count_children (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  guint n = 0;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      n++;
      g_object_unref (info);
    }

  return n;
}

/* The core's one export path, which the window and `gloss export` run:
 * from a folder to a file with its data card beside it, the same bytes
 * as the exporter itself writes, and nothing else left in the folder */
static void
test_job_file (void)
{
  Options options = { GLOSS_EXPORT_SENTENCES_JSONL };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) output = g_file_get_child (tmp, "corpus.jsonl");
  g_autoptr(GFile) root = corpus_root ();
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (options.format);
  g_autoptr(GlossExportJob) job = gloss_export_job_new (exporter);
  g_autoptr(GBytes) expected = export_corpus (&options, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *card = NULL;

  gloss_export_job_add_input (job, root);
  gloss_export_job_set_output (job, output);
  gloss_export_job_set_card (job, TRUE);
  g_assert_true (gloss_export_job_run (job, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (gloss_export_job_get_step (job), ==, GLOSS_EXPORT_JOB_DONE);
  g_assert_cmpuint (gloss_export_job_get_n_texts (job), ==, 4);
  g_assert_cmpuint (gloss_export_job_get_left_out (job)->len, ==, 0);
  g_assert_cmpuint (gloss_export_job_count_left_out (job), ==, 0);
  g_assert_cmpuint (gloss_exporter_get_n_documents (exporter), ==, 4);

  written = read_file (tmp, "corpus.jsonl");
  g_assert_cmpmem (written, strlen (written), g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  card = read_file (tmp, "README.md");
  g_assert_true (g_str_has_prefix (card, "# Data card"));
  g_assert_nonnull (strstr (card, "| documents | 4 |\n| sentences | 14 |\n"));

  g_assert_cmpuint (count_children (tmp), ==, 2);

  remove_tree (tmp);
}

static void
cancel_after_first_cb (guint    n_done,
                       guint    n_total,
                       gpointer user_data)
{
  if (n_done == 1)
    g_cancellable_cancel (user_data);
}

/* A job that stops half-way leaves the file that was there as it was */
static void
test_job_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) output = g_file_get_child (tmp, "corpus.json");
  g_autoptr(GFile) root = corpus_root ();
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_JSON);
  g_autoptr(GlossExportJob) job = gloss_export_job_new (exporter);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_file_replace_contents (output, "an earlier export\n", 18, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  gloss_exporter_set_progress_func (exporter, cancel_after_first_cb, cancellable, NULL);
  gloss_export_job_add_input (job, root);
  gloss_export_job_set_output (job, output);
  gloss_export_job_set_card (job, TRUE);
  g_assert_false (gloss_export_job_run (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (gloss_export_job_get_step (job), ==, GLOSS_EXPORT_JOB_EXPORTING);
  g_clear_error (&error);

  kept = read_file (tmp, "corpus.json");
  g_assert_cmpstr (kept, ==, "an earlier export\n");

  /* No temporary file, no card */
  g_assert_cmpuint (count_children (tmp), ==, 1);

  remove_tree (tmp);
}

/* A folder without texts is refused before anything is written, unless
 * the caller (the command) wants an empty dataset then */
static void
test_job_empty (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) empty = g_file_get_child (tmp, "empty");
  g_autoptr(GFile) output = g_file_get_child (tmp, "out.json");
  g_autoptr(GError) error = NULL;

  g_file_make_directory (empty, NULL, &error);
  g_assert_no_error (error);

  for (guint allow = 0; allow < 2; allow++)
    {
      g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_JSON);
      g_autoptr(GlossExportJob) job = gloss_export_job_new (exporter);
      g_autofree char *written = NULL;

      gloss_export_job_add_input (job, empty);
      gloss_export_job_set_output (job, output);
      gloss_export_job_set_allow_empty (job, allow);

      if (!allow)
        {
          g_assert_false (gloss_export_job_run (job, NULL, &error));
          g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
          g_assert_nonnull (strstr (error->message, "empty"));
          g_assert_false (g_file_query_exists (output, NULL));
          g_clear_error (&error);
          continue;
        }

      g_assert_true (gloss_export_job_run (job, NULL, &error));
      g_assert_no_error (error);
      written = read_file (tmp, "out.json");
      g_assert_true (g_str_has_prefix (written, "[{\"format\": \"gloss-export\""));
    }

  remove_tree (tmp);
}

typedef struct
{
  GThread *thread;
  GArray  *reports;   /* n_done, n_total, … */
  gboolean done;
} AsyncRun;

static void
record_progress_cb (guint    n_done,
                    guint    n_total,
                    gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->thread);
  g_array_append_val (run->reports, n_done);
  g_array_append_val (run->reports, n_total);
}

static void
on_job_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_export_job_run_finish (GLOSS_EXPORT_JOB (object), result, &error));
  g_assert_no_error (error);
  run->done = TRUE;
}

/* In a worker thread, as the window runs it: progress reaches the
 * caller's thread, from 0 of all to all of all; a brat folder gets its
 * card inside */
static void
test_job_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) output = g_file_get_child (tmp, "brat");
  g_autoptr(GFile) root = corpus_root ();
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_BRAT);
  g_autoptr(GlossExportJob) job = gloss_export_job_new (exporter);
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *card = NULL;
  g_autofree char *ann = NULL;
  AsyncRun run = { g_thread_self (), reports, FALSE };

  gloss_exporter_set_progress_func (exporter, record_progress_cb, &run, NULL);
  gloss_export_job_add_input (job, root);
  gloss_export_job_set_output (job, output);
  gloss_export_job_set_card (job, TRUE);
  gloss_export_job_run_async (job, NULL, on_job_done_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  /* The last report may be queued behind the result */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (reports->len, >=, 4);
  g_assert_cmpuint (g_array_index (reports, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (reports, guint, 1), ==, 4);
  g_assert_cmpuint (g_array_index (reports, guint, reports->len - 2), ==, 4);
  g_assert_cmpuint (g_array_index (reports, guint, reports->len - 1), ==, 4);

  card = read_file (output, "README.md");
  g_assert_nonnull (strstr (card, "as `brat`"));
  ann = read_file (output, "de/rathaus.ann");
  g_assert_true (g_str_has_prefix (ann, "T1\t"));

  remove_tree (tmp);
}

/* Written into a stream the caller owns (the standard output), which
 * stays open; a broken document is left out and counted once */
static void
test_job_stream_left_out (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) broken = g_file_get_child (folder, "council.txt.gloss.json");
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (GLOSS_EXPORT_DOCCANO);
  g_autoptr(GlossExportJob) job = gloss_export_job_new (exporter);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GlossProblem *problem;

  copy_fixture (folder, "de/sport/fussball.txt");
  copy_fixture (folder, "de/sport/fussball.txt.gloss.json");
  copy_fixture (folder, "en/council.txt");
  g_file_replace_contents (broken, "{\"format\": ", 12, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  gloss_export_job_add_input (job, folder);
  gloss_export_job_set_output_stream (job, stream);
  g_assert_true (gloss_export_job_run (job, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (g_output_stream_is_closed (stream));
  g_assert_cmpuint (gloss_export_job_get_n_texts (job), ==, 2);
  g_assert_cmpuint (gloss_export_job_count_left_out (job), ==, 1);
  problem = g_ptr_array_index (gloss_export_job_get_left_out (job), 0);
  g_assert_true (g_str_has_suffix (problem->file, "council.txt.gloss.json"));
  g_assert_cmpuint (gloss_exporter_get_n_documents (exporter), ==, 1);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                                   "{\"id\": \"fussball.txt\""));

  remove_tree (folder);
}

/* What a format has no place for is counted, so that a caller can say
 * what the export left behind */
static void
test_not_carried (void)
{
  static const struct
  {
    GlossExportFormat format;
    guint             counts[7];  /* by the bit of GlossDatasetCarries */
  } cases[] = {
    /* 14 sentences, 9 labelled; 13 annotations, 5 with a note, all with
     * an annotator; 4 documents, 2 done, 1 with metadata */
    { GLOSS_EXPORT_DOCCANO,         { 5, 5, 13, 13, 2, 4, 1 } },
    { GLOSS_EXPORT_LABEL_STUDIO,    { 5, 0, 13, 13, 2, 0, 1 } },
    { GLOSS_EXPORT_CSV,             { 0, 0, 0, 13, 2, 0, 1 } },
    { GLOSS_EXPORT_DOCUMENTS_JSONL, { 0, 0, 0, 0, 0, 0, 0 } },
  };
  g_autoptr(GFile) root = corpus_root ();

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GlossExporter) exporter = gloss_exporter_new (cases[c].format);
      g_autoptr(GlossExportJob) job = gloss_export_job_new (exporter);
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;

      gloss_export_job_add_input (job, root);
      gloss_export_job_set_output_stream (job, stream);
      g_assert_true (gloss_export_job_run (job, NULL, &error));
      g_assert_no_error (error);

      for (guint bit = 0; bit < G_N_ELEMENTS (cases[c].counts); bit++)
        {
          g_test_message ("%s, carries bit %u", gloss_export_format_get_name (cases[c].format), bit);
          g_assert_cmpuint (gloss_exporter_count_not_carried (exporter, 1 << bit), ==, cases[c].counts[bit]);
        }
    }
}

/* export → import → export, byte for byte */
static void
test_round_trip (gconstpointer data)
{
  GlossExportFormat format = GPOINTER_TO_UINT (data);
  GlossImportFormat import_format;
  Options options = { format };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) tmp = g_file_new_for_path (dir);
  g_autoptr(GFile) exported = g_file_get_child (tmp, "first");
  g_autoptr(GFile) imported = g_file_get_child (tmp, "imported");
  g_autoptr(GFile) again_folder = g_file_get_child (tmp, "again");
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_import_format_from_name (gloss_export_format_get_name (format), &import_format));

  first = export_corpus (&options, exported);
  if (!gloss_export_format_is_folder (format))
    {
      g_file_replace_contents (exported, g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  importer = gloss_importer_new (import_format);
  gloss_importer_read (importer, exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 4);
  gloss_importer_write (importer, imported, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);

  again = export_with (imported, &options, again_folder, NULL);

  if (gloss_export_format_is_folder (format))
    {
      const char *names[] = { "annotation.conf", "visual.conf", "de/rathaus.ann", "de/rathaus.txt",
                              "de/sport/fussball.ann", "en/council.ann", "en/council.txt", "en/unannotated.ann" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *a = read_file (exported, names[i]);
          g_autofree char *b = read_file (again_folder, names[i]);

          g_assert_cmpstr (a, ==, b);
        }
    }
  else
    {
      g_assert_cmpuint (g_bytes_get_size (first), ==, g_bytes_get_size (again));
      g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                       g_bytes_get_data (again, NULL), g_bytes_get_size (again));
    }

  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  static const GlossExportFormat round_trips[] = {
    GLOSS_EXPORT_DOCUMENTS_JSONL, GLOSS_EXPORT_JSON, GLOSS_EXPORT_SENTENCES_JSONL,
    GLOSS_EXPORT_DOCCANO, GLOSS_EXPORT_LABEL_STUDIO, GLOSS_EXPORT_BRAT,
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/export/sentences-jsonl", test_sentences_jsonl);
  g_test_add_func ("/gloss/export/documents-jsonl", test_documents_jsonl);
  g_test_add_func ("/gloss/export/json", test_json);
  g_test_add_func ("/gloss/export/doccano", test_doccano);
  g_test_add_func ("/gloss/export/doccano-card", test_doccano_card);
  g_test_add_func ("/gloss/export/label-studio", test_label_studio);
  g_test_add_func ("/gloss/export/csv", test_csv);
  g_test_add_func ("/gloss/export/brat", test_brat);
  g_test_add_func ("/gloss/export/deterministic", test_deterministic);
  g_test_add_func ("/gloss/export/filters", test_filters);
  g_test_add_func ("/gloss/export/card", test_card);
  g_test_add_func ("/gloss/export/async-invalid", test_async_invalid);
  g_test_add_func ("/gloss/export/corpus/workers", test_corpus_workers);
  g_test_add_func ("/gloss/export/corpus/write-fails", test_corpus_write_fails);
  g_test_add_func ("/gloss/export/job/file", test_job_file);
  g_test_add_func ("/gloss/export/job/cancelled", test_job_cancelled);
  g_test_add_func ("/gloss/export/job/empty", test_job_empty);
  g_test_add_func ("/gloss/export/job/async", test_job_async);
  g_test_add_func ("/gloss/export/job/stream-left-out", test_job_stream_left_out);
  g_test_add_func ("/gloss/export/job/not-carried", test_not_carried);

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/export/round-trip/%s",
                                               gloss_export_format_get_name (round_trips[i]));

      g_test_add_data_func (path, GUINT_TO_POINTER (round_trips[i]), test_round_trip);
    }

  return g_test_run ();
}
