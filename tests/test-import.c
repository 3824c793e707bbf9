/* test-import.c
 *
 * Importing datasets: ids that would leave the folder, spans mapped to
 * sentences, existing files never overwritten, old Label Studio offsets,
 * brat fragments, metadata of articles kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-document-private.h"
#include "gloss-document.h"
#include "gloss-error.h"
#include "gloss-importer.h"
#include "gloss-json.h"
#include "gloss-problem.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

typedef struct
{
  char  *dir;
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gloss-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_file_new_for_path (fixture->dir);
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_object (&fixture->folder);
  g_free (fixture->dir);
}

static GFile *
write_input (Fixture    *fixture,
             const char *name,
             const char *contents)
{
  GFile *file = g_file_get_child (fixture->folder, name);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static GlossImporter *
import_string (Fixture           *fixture,
               GlossImportFormat  format,
               const char        *contents)
{
  g_autoptr(GFile) input = write_input (fixture, "input", contents);
  g_autoptr(GError) error = NULL;
  GlossImporter *importer = gloss_importer_new (format);

  gloss_importer_read (importer, input, NULL, &error);
  g_assert_no_error (error);

  return importer;
}

/* The labels of each sentence as "0:claim 2:quote,source" */
static char *
describe (GlossDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < gloss_document_get_n_sentences (document); i++)
    {
      GlossSentence *sentence = gloss_document_get_sentence (document, i);
      guint n = gloss_sentence_get_n_annotations (sentence);

      if (n == 0)
        continue;
      g_string_append_printf (out, "%s%u:", out->len ? " " : "", i);
      for (guint k = 0; k < n; k++)
        g_string_append_printf (out, "%s%s", k ? "," : "",
                                gloss_annotation_get_label (gloss_sentence_get_annotation (sentence, k)));
    }

  return g_string_free (out, FALSE);
}

static void
test_ids (void)
{
  static const struct { const char *id; const char *path; } cases[] = {
    { "de/artikel", "de/artikel.txt" },
    { "x.txt", "x.txt" },
    { "Köln 2026/Bericht", "Köln 2026/Bericht.txt" },
    { "../../x", NULL },
    { "a/../../b", NULL },
    { "..", NULL },
    { "/etc/passwd", NULL },
    { "~/x", NULL },
    { "a//b", NULL },
    { "a/./b", NULL },
    { ".hidden", NULL },
    { "a/", NULL },
    { "..\\..\\x", NULL },
    { "a\nb", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = gloss_import_check_id (cases[i].id, &error);

      g_assert_cmpstr (path, ==, cases[i].path);
      if (cases[i].path == NULL)
        g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
      else
        g_assert_no_error (error);
    }
}

static void
test_refuses_escape (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GlossImporter) importer =
    import_string (fixture, GLOSS_IMPORT_ARTICLES_JSONL,
                   "{\"id\": \"../../escape\", \"text\": \"Hallo.\"}\n"
                   "{\"id\": \"ok\", \"text\": \"Hallo.\"}\n");
  GPtrArray *problems = gloss_importer_get_problems (importer);
  GlossProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "line 1");
  g_assert_nonnull (strstr (problem->message, "“../../escape” leads out of the folder"));
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 1);
}

static void
test_refuses_links (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GlossImporter) importer =
    import_string (fixture, GLOSS_IMPORT_ARTICLES_JSONL, "{\"id\": \"link/x\", \"text\": \"Hallo.\"}\n");
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) link = g_file_get_child (into, "link");
  g_autoptr(GFile) outside = g_file_get_child (fixture->folder, "outside");
  g_autoptr(GFile) written = g_file_get_child (outside, "x.txt");
  g_autoptr(GError) error = NULL;

  g_file_make_directory (into, NULL, NULL);
  g_file_make_directory (outside, NULL, NULL);
  g_file_make_symbolic_link (link, fixture->dir, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (gloss_importer_write (importer, into, TRUE, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (written, NULL));
}

static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  /* Sentences: [0, 31) [32, 60) [61, 80) */
  static const struct { const char *labels; const char *expected; } cases[] = {
    { "[[0, 31, \"claim\"]]", "0:claim" },
    /* a quote inside a sentence labels it */
    { "[[19, 31, \"quote\"]]", "0:quote" },
    /* a sentence and a word of the next: only the first */
    { "[[32, 64, \"claim\"]]", "1:claim" },
    /* across three sentences: all three */
    { "[[10, 75, \"claim\"]]", "0:claim 1:claim 2:claim" },
    /* the same label twice in one sentence: one annotation */
    { "[[0, 5, \"claim\"], [6, 12, \"claim\"]]", "0:claim" },
    /* labels datasets spell differently */
    { "[[0, 31, \"Quote\"], [32, 60, \"CLAIM\"]]", "0:quote 1:claim" },
    /* from the space between two sentences on: the second */
    { "[[31, 60, \"claim\"]]", "1:claim" },
    /* the last sentence, and spans in no order */
    { "[[70, 80, \"quote\"], [0, 31, \"source\"], [61, 80, \"claim\"]]", "0:source 2:claim,quote" },
  };
  const char *text = "Der Minister sagt: „Alles gut.“ Die Opposition widerspricht. Sie nennt 😀 Zahlen.";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"id\": \"a\", \"text\": \"%s\", \"offsets\": \"codepoints\", "
                                               "\"label\": %s}\n", text, cases[i].labels);
      g_autoptr(GlossImporter) importer = import_string (fixture, GLOSS_IMPORT_DOCCANO, line);
      g_autofree char *labels = NULL;

      g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
      labels = describe (gloss_importer_get_document (importer, 0, NULL));
      g_assert_cmpstr (labels, ==, cases[i].expected);
    }
}

/* A model's output may put hundreds of labels on one span, and the same
 * label again with another note: one annotation per label, in the order
 * the labels came, every note kept */
static void
test_many_labels_one_span (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  GlossSentence *sentence;
  const guint n = 300;

  for (guint round = 0; round < 2; round++)
    for (guint i = n; i > 0; i--)
      {
        g_string_append_printf (labels, "%s\"l%03u\"", labels->len ? ", " : "", i);
        g_string_append_printf (notes, "%s\"n%u\"", notes->len ? ", " : "", round);
      }
  input = g_strdup_printf ("{\"document\": \"a\", \"sentence\": 0, \"start\": 0, \"end\": 5, \"text\": \"Eins.\", "
                           "\"labels\": [%s], \"notes\": [%s]}\n", labels->str, notes->str);
  importer = import_string (fixture, GLOSS_IMPORT_SENTENCES_JSONL, input);

  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  sentence = gloss_document_get_sentence (gloss_importer_get_document (importer, 0, NULL), 0);
  g_assert_cmpuint (gloss_sentence_get_n_annotations (sentence), ==, n);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_sentence_get_annotation (sentence, i);
      g_autofree char *label = g_strdup_printf ("l%03u", n - i);

      g_assert_cmpstr (gloss_annotation_get_label (annotation), ==, label);
      g_assert_cmpstr (gloss_annotation_get_note (annotation), ==, "n0\nn1");
    }

  g_assert_true (gloss_importer_write (importer, into, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_span_outside (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GlossImporter) importer =
    import_string (fixture, GLOSS_IMPORT_DOCCANO,
                   "{\"text\": \"Kurz. Knapp.\", \"label\": [[0, 5, \"claim\"], [6, 99, \"claim\"]]}\n");

  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, >=, 1);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 0);
}

static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  const char *input = "{\"id\": \"a\", \"text\": \"Eins. Zwei.\", \"label\": [[0, 5, \"claim\"]]}\n";
  g_autoptr(GlossImporter) first = import_string (fixture, GLOSS_IMPORT_DOCCANO, input);
  g_autoptr(GlossImporter) second = import_string (fixture, GLOSS_IMPORT_DOCCANO, input);
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) text = g_file_get_child (into, "a.txt");
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *labels = NULL;

  g_assert_true (gloss_importer_write (first, into, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The written pair loads without problems */
  document = gloss_document_load (text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  labels = describe (document);
  g_assert_cmpstr (labels, ==, "0:claim");

  g_assert_false (gloss_importer_write (second, into, FALSE, conflicts, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_true (g_file_equal (g_ptr_array_index (conflicts, 0), text));
  g_clear_error (&error);

  g_assert_true (gloss_importer_write (second, into, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_articles (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossImporter) importer =
    import_string (fixture, GLOSS_IMPORT_ARTICLES_JSONL,
                   "{\"id\": 17, \"url\": \"https://example.org/ä\", \"text\": \"Sieben Tage. 😀 Nächste Woche.\", "
                   "\"lang\": \"de\"}\r\n"
                   "\r\n"
                   "{\"id\": \"en/a\", \"text\": \"One. Two.\"}\n");
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) json = g_file_resolve_relative_path (into, "17.txt.gloss.json");
  g_autoptr(GFile) bare = g_file_resolve_relative_path (into, "en/a.txt.gloss.json");
  g_autoptr(GFile) bare_text = g_file_resolve_relative_path (into, "en/a.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *id;

  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 2);
  gloss_importer_get_document (importer, 0, &id);
  g_assert_cmpstr (id, ==, "17.txt");
  g_assert_cmpstr (gloss_document_get_language (gloss_importer_get_document (importer, 0, NULL)), ==, "de");

  g_assert_true (gloss_importer_write (importer, into, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_file_load_contents (json, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"meta\": {\"url\":\"https://example.org/ä\",\"lang\":\"de\"}"));
  /* Without metadata only the text: ready to annotate */
  g_assert_true (g_file_query_exists (bare_text, NULL));
  g_assert_false (g_file_query_exists (bare, NULL));
}

static void
test_label_studio_utf16 (Fixture       *fixture,
                         gconstpointer  data)
{
  /* "Wow 😀. Er sagt: „Ja.“" — an older Label Studio counted the emoji as
   * two units, so the second sentence [7, 21) came out as [8, 22) */
  g_autoptr(GlossImporter) importer =
    import_string (fixture, GLOSS_IMPORT_LABEL_STUDIO,
                   "[{\"id\": 3, \"data\": {\"text\": \"Wow 😀. Er sagt: „Ja.“\"},"
                   " \"annotations\": [{\"completed_by\": {\"email\": \"ada@example.org\"}, \"result\": ["
                   "{\"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 22, \"text\": \"Er sagt: „Ja.“\","
                   " \"labels\": [\"quote\"]}, \"meta\": {\"text\": [\"direkt\"]}}]}]}]");
  GlossDocument *document;
  g_autoptr(GlossAnnotation) annotation = NULL;
  const char *id;

  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_warnings (importer)->len, ==, 1);
  document = gloss_importer_get_document (importer, 0, &id);
  g_assert_cmpstr (id, ==, "task-3.txt");
  annotation = g_list_model_get_item (gloss_document_get_annotations (document), 0);
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, 7);
  g_assert_cmpuint (gloss_annotation_get_end (annotation), ==, 21);
  g_assert_cmpstr (gloss_annotation_get_note (annotation), ==, "direkt");
  g_assert_cmpstr (gloss_annotation_get_annotator (annotation), ==, "ada@example.org");
}

/* Older Label Studio offsets around characters that UTF-16 counts twice:
 * "😀😀 Ab. 😀 Cd." is 12 code points and 15 UTF-16 units */
static void
test_label_studio_utf16_edges (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { guint start, end; const char *text; const char *expected; } cases[] = {
    { 5, 8, "Ab.", "read as [3, 6)" },
    /* up to the end of the text */
    { 12, 15, "Cd.", "read as [9, 12)" },
    { 9, 11, "😀", "read as [7, 8)" },
    /* inside a pair, beyond the end */
    { 10, 12, " C", "does not hold its text" },
    { 12, 16, "Cd.", "does not hold its text" },
  };
  g_autoptr(GString) input = g_string_new ("[");
  g_autoptr(GlossImporter) importer = NULL;
  GPtrArray *warnings, *problems;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (input, "%s{\"id\": %u, \"data\": {\"text\": \"😀😀 Ab. 😀 Cd.\"}, \"annotations\": "
                            "[{\"result\": [{\"value\": {\"start\": %u, \"end\": %u, \"text\": \"%s\", "
                            "\"labels\": [\"claim\"]}}]}]}",
                            i ? ", " : "", i, cases[i].start, cases[i].end, cases[i].text);
  g_string_append (input, "]");
  importer = import_string (fixture, GLOSS_IMPORT_LABEL_STUDIO, input->str);

  warnings = gloss_importer_get_warnings (importer);
  problems = gloss_importer_get_problems (importer);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GPtrArray *list = i < 3 ? warnings : problems;
      GlossProblem *problem = g_ptr_array_index (list, i < 3 ? i : i - 3);

      g_assert_nonnull (strstr (problem->message, cases[i].expected));
    }
}

static void
test_brat_fragments (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) brat = g_file_get_child (fixture->folder, "brat");
  g_autoptr(GFile) txt = write_input (fixture, "brat/a.txt", "Er sagte:\r\n„Nein.“ Dann ging er.");
  g_autoptr(GFile) ann = write_input (fixture, "brat/a.ann",
                                      "T1\tQuote 0 9;11 18\tEr sagte: „Nein.“\n"
                                      "#1\tAnnotatorNotes T1\tüber zwei Zeilen\n"
                                      "R1\tSays Arg1:T1 Arg2:T1\n");
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_BRAT);
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  g_assert_true (g_file_query_exists (txt, NULL) && g_file_query_exists (ann, NULL));
  gloss_importer_read (importer, brat, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  /* the label's new spelling; the relation is left out, and counted */
  g_assert_cmpuint (gloss_importer_get_warnings (importer)->len, ==, 1);
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_RELATION), ==, 1);

  document = gloss_importer_get_document (importer, 0, NULL);
  annotation = g_list_model_get_item (gloss_document_get_annotations (document), 0);
  g_assert_cmpstr (gloss_annotation_get_label (annotation), ==, "quote");
  g_assert_cmpstr (gloss_annotation_get_note (annotation), ==, "über zwei Zeilen");
}

static void
test_documents_jsonl_checked (Fixture       *fixture,
                              gconstpointer  data)
{
  /* The annotation's text differs from the text at its offsets: the same
   * check as loading a file refuses it */
  g_autoptr(GlossImporter) importer =
    import_string (fixture, GLOSS_IMPORT_DOCUMENTS_JSONL,
                   "{\"id\": \"a\", \"language\": \"de\", \"done\": false, \"text\": \"Eins. Zwei.\", \"labels\": "
                   "[{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\", \"key\": \"c\", "
                   "\"description\": \"\"}], "
                   "\"sentences\": [{\"id\": 0, \"start\": 0, \"end\": 5}, {\"id\": 1, \"start\": 6, \"end\": 11}], "
                   "\"annotations\": [{\"id\": 1, \"label\": \"claim\", \"start\": 0, \"end\": 5, \"sentence\": 0, "
                   "\"text\": \"Zwei.\", \"note\": \"\", \"annotator\": \"\", \"created\": \"2026-01-01T00:00:00Z\", "
                   "\"modified\": \"2026-01-01T00:00:00Z\"}]}\n");
  GlossProblem *problem;

  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 0);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 1);
  problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
  g_assert_nonnull (strstr (problem->message, "$.annotations[0]"));
}

/* A German text with CR LF, „…“, 😊 (two UTF-16 units) and 👨‍👩‍👧 (five
 * code points joined, eight UTF-16 units). Sentences in code points:
 * [0, 37) [39, 68) [70, 94); in UTF-16 units: [0, 38) [40, 72) [74, 98) */
static const char emoji_text[] =
  "Die Ministerin sagte: „Wir feiern 😊.“\r\nDie Familie 👨‍👩‍👧 kam später.\r\n„Das ist gut“, sagte er.\r\n";

/* The offsets of @needle in @text, in UTF-16 units or code points */
static void
find_span (const char *text,
           const char *needle,
           gboolean    units,
           guint      *start,
           guint      *end)
{
  const char *p = strstr (text, needle);
  glong n = 0;

  g_assert_nonnull (p);
  if (!units)
    {
      *start = g_utf8_pointer_to_offset (text, p);
      *end = *start + g_utf8_strlen (needle, -1);
      return;
    }

  g_free (g_utf8_to_utf16 (text, p - text, NULL, &n, NULL));
  *start = n;
  g_free (g_utf8_to_utf16 (needle, -1, NULL, &n, NULL));
  *end = *start + n;
}

/* A doccano line labelling the sentences given, as UTF-16 units or code
 * points, with an `"offsets"` member if @declared */
static char *
doccano_line (const char  *text,
              gboolean     units,
              const char  *declared,
              const char **sentences,
              const char **labels)
{
  GString *out = g_string_new ("{\"id\": \"a\", \"text\": ");

  gloss_json_append_string (out, text);
  if (declared != NULL)
    g_string_append_printf (out, ", \"offsets\": \"%s\"", declared);
  g_string_append (out, ", \"label\": [");
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      guint start, end;

      find_span (text, sentences[i], units, &start, &end);
      g_string_append_printf (out, "%s[%u, %u, \"%s\"]", i ? ", " : "", start, end, labels[i]);
    }
  g_string_append (out, "]}\n");

  return g_string_free (out, FALSE);
}

static GlossImporter *
import_with_offsets (Fixture      *fixture,
                     const char   *contents,
                     GlossOffsets  offsets)
{
  g_autoptr(GFile) input = write_input (fixture, "input", contents);
  g_autoptr(GError) error = NULL;
  GlossImporter *importer = gloss_importer_new (GLOSS_IMPORT_DOCCANO);

  gloss_importer_set_offsets (importer, offsets);
  gloss_importer_read (importer, input, NULL, &error);
  g_assert_no_error (error);

  return importer;
}

/* doccano's annotation view counts UTF-16 units: a file it wrote is read
 * so when only that reading fits, refused when both fit and differ, and
 * read as the line or the user says */
static void
test_doccano_utf16 (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *first_last[] = { "Die Ministerin sagte: „Wir feiern 😊.“", "„Das ist gut“, sagte er.", NULL };
  const char *first_last_labels[] = { "quote", "quote" };
  const char *middle[] = { "Die Familie 👨‍👩‍👧 kam später.", NULL };
  const char *middle_labels[] = { "claim" };
  g_autofree char *fits_units = doccano_line (emoji_text, TRUE, NULL, first_last, first_last_labels);
  g_autofree char *ambiguous = doccano_line (emoji_text, TRUE, NULL, middle, middle_labels);
  g_autofree char *declared = doccano_line (emoji_text, TRUE, "utf16", middle, middle_labels);
  g_autofree char *points = doccano_line (emoji_text, FALSE, NULL, middle, middle_labels);
  GlossProblem *problem;

  /* The last sentence ends beyond the text's code points: UTF-16 units */
  {
    g_autoptr(GlossImporter) importer = import_with_offsets (fixture, fits_units, GLOSS_OFFSETS_AUTO);
    g_autofree char *labels = NULL;

    g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
    labels = describe (gloss_importer_get_document (importer, 0, NULL));
    g_assert_cmpstr (labels, ==, "0:quote 2:quote");
    g_assert_cmpuint (gloss_importer_get_n_mapped (importer), ==, 0);
  }

  /* Both readings fit and differ: refused, with both readings */
  {
    g_autoptr(GlossImporter) importer = import_with_offsets (fixture, ambiguous, GLOSS_OFFSETS_AUTO);

    g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 0);
    g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 1);
    problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
    g_assert_cmpstr (problem->path, ==, "line 1");
    g_assert_true (g_str_has_suffix (problem->file, "input"));
    g_assert_nonnull (strstr (problem->message, "[40, 72) is “Die Familie 👨‍👩‍👧 kam später.” read as UTF-16 units "
                                                "and “ie Familie 👨‍👩‍👧 kam später.\r\n„D” read as code points"));
  }

  /* The same, as the user says or the line says */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GlossImporter) importer = i == 0 ? import_with_offsets (fixture, ambiguous, GLOSS_OFFSETS_UTF16)
                                                 : import_with_offsets (fixture, declared, GLOSS_OFFSETS_AUTO);
      g_autofree char *labels = NULL;

      g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
      labels = describe (gloss_importer_get_document (importer, 0, NULL));
      g_assert_cmpstr (labels, ==, "1:claim");
      g_assert_cmpuint (gloss_importer_get_n_mapped (importer), ==, 0);
    }

  /* Code points, when asked */
  {
    g_autoptr(GlossImporter) importer = import_with_offsets (fixture, points, GLOSS_OFFSETS_CODE_POINTS);
    g_autofree char *labels = NULL;

    g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
    labels = describe (gloss_importer_get_document (importer, 0, NULL));
    g_assert_cmpstr (labels, ==, "1:claim");
  }

  /* A span between the two units of 😊 is in neither reading */
  {
    g_autoptr(GlossImporter) importer =
      import_with_offsets (fixture, "{\"text\": \"A 😊 b.\", \"label\": [[3, 6, \"claim\"]]}\n", GLOSS_OFFSETS_UTF16);

    g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 0);
    problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
    g_assert_nonnull (strstr (problem->message, "splits a character in two"));
  }
}

/* doccano's relations between entities that label sentences (claim and
 * source, sentence labels) have no place in Gloss: counted, with the
 * first; a strict import refuses them and writes nothing */
static void
test_doccano_relations (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *input = "{\"text\": \"Eins. Zwei.\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 5, "
                      "\"label\": \"claim\"}, {\"id\": 2, \"start_offset\": 6, \"end_offset\": 11, \"label\": \"source\"}], "
                      "\"relations\": [{\"id\": 7, \"from_id\": 1, \"to_id\": 2, \"type\": \"says\"}, "
                      "{\"id\": 8, \"from_id\": 2, \"to_id\": 1, \"type\": \"cites\"}]}\n";
  g_autoptr(GFile) file = write_input (fixture, "relations.jsonl", input);
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) text = g_file_resolve_relative_path (into, "doccano-00001.txt");
  g_autoptr(GError) error = NULL;

  for (guint strict = 0; strict < 2; strict++)
    {
      g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_DOCCANO);
      GPtrArray *dropped;
      GlossProblem *problem;
      gboolean ok;

      gloss_importer_set_strict (importer, strict);
      ok = gloss_importer_import (importer, file, into, TRUE, NULL, NULL, &error);

      g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_RELATION), ==, 2);
      dropped = gloss_importer_get_dropped (importer);
      g_assert_cmpuint (dropped->len, ==, 1);
      problem = g_ptr_array_index (dropped, 0);
      g_assert_cmpstr (problem->path, ==, "line 1");
      g_assert_nonnull (strstr (problem->message, "2 relations"));
      g_assert_nonnull (strstr (problem->message, "says 1 → 2"));

      if (strict)
        {
          g_assert_false (ok);
          g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DATASET);
          g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 1);
          g_assert_false (g_file_query_exists (text, NULL));
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_true (g_file_query_exists (text, NULL));
          g_file_delete (text, NULL, NULL);
        }
    }
}

/* Each kind of brat line Gloss has no place for is counted with its
 * first line; a relation or attribute of a span that labels a sentence
 * is counted by the importer, and a note on a relation goes with it */
static void
test_brat_dropped (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) brat = g_file_get_child (fixture->folder, "brat");
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_BRAT);
  g_autoptr(GError) error = NULL;
  static const struct { GlossDroppedKind kind; guint count; const char *where; } expected[] = {
    { GLOSS_DROPPED_RELATION, 2, "a.ann: line 4" },
    { GLOSS_DROPPED_ATTRIBUTE, 2, "a.ann" },
    { GLOSS_DROPPED_NORMALIZATION, 1, "a.ann: line 7" },
    { GLOSS_DROPPED_EVENT, 1, "a.ann: line 8" },
    { GLOSS_DROPPED_OTHER, 1, "a.ann: line 11" },
  };
  GPtrArray *dropped;

  g_object_unref (write_input (fixture, "brat/a.txt", "Eins. Zwei."));
  g_object_unref (write_input (fixture, "brat/a.ann",
                               "T1\tclaim 0 5\tEins.\n"
                               "T2\tsource 6 11\tZwei.\n"
                               "R1\tSays Arg1:T1 Arg2:T2\n"
                               "*\tEquiv T1 T2\n"
                               "A1\tNegated T1\n"
                               "M2\tConfidence T2 High\n"
                               "N1\tReference T1 Wikipedia:534366\tEins\n"
                               "E1\tStatement:T1 Agent:T2\n"
                               "#1\tAnnotatorNotes T1\tgeprüft\n"
                               "#2\tAnnotatorNotes R1\tunsicher\n"
                               "X1\tsomething else\n"));
  gloss_importer_read (importer, brat, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 1);

  dropped = gloss_importer_get_dropped (importer);
  g_assert_cmpuint (dropped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GlossProblem *problem = g_ptr_array_index (dropped, i);

      g_assert_cmpuint (gloss_importer_count_dropped (importer, expected[i].kind), ==, expected[i].count);
      g_assert_cmpstr (problem->path, ==, expected[i].where);
    }
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (dropped, 0))->message, "“*\tEquiv T1 T2”"));
  g_assert_nonnull (strstr (((GlossProblem *)g_ptr_array_index (dropped, 1))->message, "“Negated true”"));
  g_assert_cmpuint (gloss_importer_count_dropped (importer, GLOSS_DROPPED_NOTE), ==, 0);
}

/* A labelled region of Label Studio's JSON export, as it writes them */
static char *
ls_region (const char *text,
           const char *needle,
           const char *label,
           const char *to_name)
{
  GString *out = g_string_new (NULL);
  guint start, end;

  find_span (text, needle, FALSE, &start, &end);
  g_string_append_printf (out, "{\"id\": \"r%u\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"%s\", "
                          "\"origin\": \"manual\", \"value\": {\"start\": %u, \"end\": %u, \"text\": ",
                          start, to_name, start, end);
  gloss_json_append_string (out, needle);
  g_string_append_printf (out, ", \"labels\": [\"%s\"]}}", label);

  return g_string_free (out, FALSE);
}

static GlossImporter *
import_label_studio (Fixture    *fixture,
                     const char *contents,
                     const char *config)
{
  g_autoptr(GFile) input = write_input (fixture, "input.json", contents);
  g_autoptr(GError) error = NULL;
  GlossImporter *importer = gloss_importer_new (GLOSS_IMPORT_LABEL_STUDIO);

  if (config != NULL)
    {
      g_autoptr(GFile) file = write_input (fixture, "config.xml", config);

      gloss_importer_set_label_config (importer, file);
    }
  gloss_importer_read (importer, input, NULL, &error);
  g_assert_no_error (error);

  return importer;
}

/* The text under another key than `text`: the one the labeling config
 * names, else the only text field, else the one the regions quote, else
 * a problem that names the fields */
static void
test_label_studio_text_key (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *region = ls_region (emoji_text, "„Das ist gut“, sagte er.", "quote", "body");
  g_autoptr(GString) article = g_string_new (NULL);
  const char *config = "<View>\n  <Labels name=\"label\" toName=\"body\"><Label value=\"quote\"/></Labels>\n"
                       "  <Text name=\"body\" value=\"$article\"/>\n  <Text name=\"head\" value=\"$title\"/>\n"
                       "</View>\n";
  static const struct { const char *fields; gboolean regions; gboolean config; const char *expected; } cases[] = {
    /* the only text field */
    { "", FALSE, FALSE, NULL },
    /* two, and the region's text is in the article */
    { ", \"title\": \"Familienfest\"", TRUE, FALSE, NULL },
    /* two, and nothing tells */
    { ", \"title\": \"Familienfest\"", FALSE, FALSE, "several text fields and none called “text”: “article”, "
                                                     "“title”" },
    /* the config says, though there is a “text” */
    { ", \"title\": \"Familienfest\", \"text\": \"Überschrift.\"", TRUE, TRUE, NULL },
    { ", \"title\": \"Familienfest\", \"text\": \"Überschrift.\"", FALSE, TRUE, NULL },
  };

  gloss_json_append_string (article, emoji_text);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = g_strdup_printf ("[{\"id\": 4, \"data\": {\"article\": %s%s}, \"annotations\": [%s]}]",
                                                article->str, cases[i].fields,
                                                cases[i].regions ? "{\"completed_by\": 17, \"result\": [REGION]}" : "");
      g_autofree char *with_region = NULL;
      g_autoptr(GlossImporter) importer = NULL;
      g_auto(GStrv) parts = g_strsplit (input, "REGION", 2);

      with_region = parts[1] ? g_strconcat (parts[0], region, parts[1], NULL) : g_strdup (input);
      importer = import_label_studio (fixture, with_region, cases[i].config ? config : NULL);
      g_test_message ("case %u", i);

      if (cases[i].expected != NULL)
        {
          GlossProblem *problem;

          g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 0);
          problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
          g_assert_cmpstr (problem->path, ==, "$[0]");
          g_assert_nonnull (strstr (problem->message, cases[i].expected));
          continue;
        }

      g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
      g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 1);
      g_assert_cmpstr (gloss_text_get_contents (gloss_document_get_text (gloss_importer_get_document (importer, 0,
                                                                                                   NULL))),
                       ==, emoji_text);
      if (cases[i].regions)
        {
          g_autofree char *labels = describe (gloss_importer_get_document (importer, 0, NULL));

          g_assert_cmpstr (labels, ==, "2:quote");
        }
    }
}

/* Label Studio's JSON-MIN export: a flat record per annotation, the
 * task's fields beside the regions; the records of one task by two
 * annotators are two documents, each with its annotator */
static void
test_label_studio_min (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) input = g_string_new ("[");
  g_autoptr(GlossImporter) importer = NULL;
  const char *ids[2];
  static const char * const annotators[] = { "17", "\"bea@example.org\"" };
  static const char * const sentences[] = { "Die Ministerin sagte: „Wir feiern 😊.“", "„Das ist gut“, sagte er." };

  for (guint i = 0; i < 2; i++)
    {
      guint start, end;

      find_span (emoji_text, sentences[i], FALSE, &start, &end);
      g_string_append_printf (input, "%s{\"article\": ", i ? ", " : "");
      gloss_json_append_string (input, emoji_text);
      g_string_append_printf (input, ", \"source\": \"dpa\", \"id\": 3, \"label\": [{\"start\": %u, \"end\": %u, "
                              "\"text\": ", start, end);
      gloss_json_append_string (input, sentences[i]);
      g_string_append_printf (input, ", \"labels\": [\"quote\"]}], \"sentiment\": \"Positive\", \"annotator\": %s, "
                              "\"annotation_id\": %u, \"created_at\": \"2024-01-30T02:40:43.893565Z\", "
                              "\"updated_at\": \"2024-01-30T02:40:43.893578Z\", \"lead_time\": 8.65}",
                              annotators[i], 20 + i);
    }
  g_string_append (input, "]");
  importer = import_label_studio (fixture, input->str, NULL);

  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      GlossDocument *document = gloss_importer_get_document (importer, i, &ids[i]);
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (gloss_document_get_annotations (document), 0);
      g_autofree char *labels = describe (document);

      g_assert_cmpstr (labels, ==, i == 0 ? "0:quote" : "2:quote");
      g_assert_cmpstr (gloss_annotation_get_annotator (annotation), ==, i == 0 ? "user 17" : "bea@example.org");
      /* The task's other fields are kept */
      g_assert_nonnull (strstr (_gloss_document_get_meta (document), "\"source\":\"dpa\""));
    }
  g_assert_cmpstr (ids[0], ==, "user 17/task-3.txt");
  g_assert_cmpstr (ids[1], ==, "bea@example.org/task-3.txt");
}

/* A task of Label Studio's JSON export annotated by two people (ids, as
 * current exports give `completed_by`): a document each, in a folder
 * each, each annotation with its annotator; what Gloss has no place for
 * is counted by kind */
static void
test_label_studio_annotators (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *quote = ls_region (emoji_text, "Die Ministerin sagte: „Wir feiern 😊.“", "quote", "text");
  g_autofree char *claim = ls_region (emoji_text, "Die Familie 👨‍👩‍👧 kam später.", "claim", "text");
  g_autoptr(GString) input = g_string_new ("[{\"id\": 5, \"data\": {\"text\": ");
  g_autoptr(GlossImporter) importer = NULL;
  static const struct { GlossDroppedKind kind; guint count; const char *where; } expected[] = {
    { GLOSS_DROPPED_RELATION, 1, "$[0].annotations[0].result[1]" },
    { GLOSS_DROPPED_CHOICE, 1, "$[0].annotations[0].result[2]" },
    { GLOSS_DROPPED_TEXT_AREA, 1, "$[0].annotations[1].result[1]" },
    { GLOSS_DROPPED_PREDICTION, 1, "$[0].predictions[0]" },
    { GLOSS_DROPPED_SKIPPED, 2, "$[0].annotations[2]" },
    { GLOSS_DROPPED_OTHER, 1, "$[0].annotations[1].result[2]" },
  };
  GPtrArray *dropped;
  const char *id;

  gloss_json_append_string (input, emoji_text);
  g_string_append_printf (input,
                          "}, \"annotations\": ["
                          "{\"id\": 22, \"completed_by\": 17, \"was_cancelled\": false, \"result\": [%s, "
                          "{\"from_id\": \"r0\", \"to_id\": \"r39\", \"type\": \"relation\", \"direction\": \"right\", "
                          "\"labels\": []}, "
                          "{\"id\": \"c1\", \"type\": \"choices\", \"from_name\": \"topic\", \"to_name\": \"text\", "
                          "\"value\": {\"choices\": [\"Politik\"]}}]}, "
                          "{\"id\": 23, \"completed_by\": 23, \"result\": [%s, "
                          "{\"id\": \"t1\", \"type\": \"textarea\", \"from_name\": \"comment\", \"to_name\": \"text\", "
                          "\"value\": {\"text\": [\"klar\"]}}, "
                          "{\"id\": \"s1\", \"type\": \"rating\", \"from_name\": \"stars\", \"to_name\": \"text\", "
                          "\"value\": {\"rating\": 4}}]}, "
                          "{\"id\": 24, \"completed_by\": 31, \"was_cancelled\": true, \"result\": [%s]}], "
                          "\"drafts\": [{\"id\": 3, \"result\": [%s]}], "
                          "\"predictions\": [{\"model_version\": \"m1\", \"result\": [%s]}]}]",
                          quote, claim, claim, claim, claim);
  importer = import_label_studio (fixture, input->str, NULL);

  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (gloss_importer_get_n_documents (importer), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      GlossDocument *document = gloss_importer_get_document (importer, i, &id);
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (gloss_document_get_annotations (document), 0);
      g_autofree char *labels = describe (document);

      g_assert_cmpstr (id, ==, i == 0 ? "user 17/task-5.txt" : "user 23/task-5.txt");
      g_assert_cmpstr (labels, ==, i == 0 ? "0:quote" : "1:claim");
      g_assert_cmpstr (gloss_annotation_get_annotator (annotation), ==, i == 0 ? "user 17" : "user 23");
    }

  dropped = gloss_importer_get_dropped (importer);
  g_assert_cmpuint (dropped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GlossProblem *problem = g_ptr_array_index (dropped, i);

      g_test_message ("kind %u", expected[i].kind);
      g_assert_cmpuint (gloss_importer_count_dropped (importer, expected[i].kind), ==, expected[i].count);
      g_assert_cmpstr (problem->path, ==, expected[i].where);
    }
}

/* The one import path (the window's and the command's): a project file
 * with problems stops it before the input is read, and nothing is written */
static void
test_import_project_problems (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) input = write_input (fixture, "input.jsonl", "{\"id\": \"a\", \"text\": \"Eins. Zwei.\"}\n");
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) text = g_file_get_child (into, "a.txt");
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_ARTICLES_JSONL);
  g_autoptr(GError) error = NULL;
  GlossProblem *problem;

  g_object_unref (write_input (fixture, "into/gloss-project.json",
                               "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": 3}"));
  g_assert_false (gloss_importer_import (importer, input, into, FALSE, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_PROJECT);
  g_assert_false (gloss_importer_has_read (importer));
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 1);
  problem = g_ptr_array_index (gloss_importer_get_problems (importer), 0);
  g_assert_true (g_str_has_suffix (problem->file, "gloss-project.json"));
  g_assert_false (g_file_query_exists (text, NULL));
}

/* The project's labels are the imported documents' labels */
static void
test_import_project_labels (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) input = write_input (fixture, "input.jsonl",
                                        "{\"id\": \"a\", \"text\": \"Eins. Zwei.\", \"label\": [[0, 5, \"rumour\"]]}\n");
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) text = g_file_get_child (into, "a.txt");
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_DOCCANO);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;

  g_object_unref (write_input (fixture, "into/gloss-project.json",
                               "{\"format\": \"gloss-project\", \"version\": 1, \"labels\": ["
                               "{\"id\": \"rumour\", \"name\": \"Rumour\", \"color\": \"#9141ac\", "
                               "\"key\": \"r\", \"description\": \"\"}]}"));
  g_assert_true (gloss_importer_import (importer, input, into, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A label the project has is no new label */
  g_assert_cmpuint (gloss_importer_get_warnings (importer)->len, ==, 0);

  document = gloss_document_load (text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
  labels = describe (document);
  g_assert_cmpstr (labels, ==, "0:rumour");
}

/* A dataset with problems writes nothing, and says so apart from an input
 * that cannot be read at all */
static void
test_import_dataset_problems (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) input = write_input (fixture, "input.jsonl",
                                        "{\"id\": \"a\", \"text\": \"Eins. Zwei.\"}\nnot json\n");
  g_autoptr(GFile) missing = g_file_get_child (fixture->folder, "missing.jsonl");
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) text = g_file_get_child (into, "a.txt");
  g_autoptr(GlossImporter) importer = gloss_importer_new (GLOSS_IMPORT_ARTICLES_JSONL);
  g_autoptr(GlossImporter) unread = gloss_importer_new (GLOSS_IMPORT_ARTICLES_JSONL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_importer_import (importer, input, into, FALSE, NULL, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_DATASET);
  g_assert_true (gloss_importer_has_read (importer));
  g_assert_cmpuint (gloss_importer_get_problems (importer)->len, ==, 1);
  g_assert_false (g_file_query_exists (text, NULL));
  g_clear_error (&error);

  g_assert_false (gloss_importer_import (unread, missing, into, FALSE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (gloss_importer_has_read (unread));
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **conflicts = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (gloss_importer_import_finish (GLOSS_IMPORTER (object), result, conflicts, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
}

/* Files that exist stop the import and are listed; after the user agreed
 * to replace them, the same importer writes without reading again (the
 * input is gone by then) */
static void
test_import_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *dataset = "{\"id\": \"a\", \"text\": \"Eins. Zwei.\", \"label\": [[0, 5, \"claim\"]]}\n";
  g_autoptr(GFile) input = write_input (fixture, "input.jsonl", dataset);
  g_autoptr(GFile) into = g_file_get_child (fixture->folder, "into");
  g_autoptr(GFile) json = g_file_get_child (into, "a.txt.gloss.json");
  g_autoptr(GlossImporter) first = gloss_importer_new (GLOSS_IMPORT_DOCCANO);
  g_autoptr(GlossImporter) second = gloss_importer_new (GLOSS_IMPORT_DOCCANO);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (gloss_importer_import (first, input, into, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_replace_contents (json, "changed by hand", 15, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  gloss_importer_import_async (second, input, into, FALSE, NULL, on_imported_cb, &conflicts);
  while (conflicts == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_file_load_contents (json, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "changed by hand");
  g_clear_pointer (&contents, g_free);

  g_file_delete (input, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_importer_import (second, input, into, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_load_contents (json, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"gloss\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/import/ids", test_ids);
  g_test_add ("/gloss/import/import/project-problems", Fixture, NULL, fixture_set_up, test_import_project_problems,
              fixture_tear_down);
  g_test_add ("/gloss/import/import/project-labels", Fixture, NULL, fixture_set_up, test_import_project_labels,
              fixture_tear_down);
  g_test_add ("/gloss/import/import/dataset-problems", Fixture, NULL, fixture_set_up, test_import_dataset_problems,
              fixture_tear_down);
  g_test_add ("/gloss/import/import/replace", Fixture, NULL, fixture_set_up, test_import_replace, fixture_tear_down);
  g_test_add ("/gloss/import/refuses-escape", Fixture, NULL, fixture_set_up, test_refuses_escape, fixture_tear_down);
  g_test_add ("/gloss/import/refuses-links", Fixture, NULL, fixture_set_up, test_refuses_links, fixture_tear_down);
  g_test_add ("/gloss/import/mapping", Fixture, NULL, fixture_set_up, test_mapping, fixture_tear_down);
  g_test_add ("/gloss/import/many-labels-one-span", Fixture, NULL, fixture_set_up, test_many_labels_one_span,
              fixture_tear_down);
  g_test_add ("/gloss/import/span-outside", Fixture, NULL, fixture_set_up, test_span_outside, fixture_tear_down);
  g_test_add ("/gloss/import/conflicts", Fixture, NULL, fixture_set_up, test_conflicts, fixture_tear_down);
  g_test_add ("/gloss/import/articles", Fixture, NULL, fixture_set_up, test_articles, fixture_tear_down);
  g_test_add ("/gloss/import/label-studio-utf16", Fixture, NULL, fixture_set_up, test_label_studio_utf16,
              fixture_tear_down);
  g_test_add ("/gloss/import/label-studio-utf16-edges", Fixture, NULL, fixture_set_up, test_label_studio_utf16_edges,
              fixture_tear_down);
  g_test_add ("/gloss/import/brat-fragments", Fixture, NULL, fixture_set_up, test_brat_fragments, fixture_tear_down);
  g_test_add ("/gloss/import/documents-jsonl-checked", Fixture, NULL, fixture_set_up, test_documents_jsonl_checked,
              fixture_tear_down);
  g_test_add ("/gloss/import/doccano-utf16", Fixture, NULL, fixture_set_up, test_doccano_utf16, fixture_tear_down);
  g_test_add ("/gloss/import/doccano-relations", Fixture, NULL, fixture_set_up, test_doccano_relations,
              fixture_tear_down);
  g_test_add ("/gloss/import/brat-dropped", Fixture, NULL, fixture_set_up, test_brat_dropped, fixture_tear_down);
  g_test_add ("/gloss/import/label-studio-text-key", Fixture, NULL, fixture_set_up, test_label_studio_text_key,
              fixture_tear_down);
  g_test_add ("/gloss/import/label-studio-min", Fixture, NULL, fixture_set_up, test_label_studio_min,
              fixture_tear_down);
  g_test_add ("/gloss/import/label-studio-annotators", Fixture, NULL, fixture_set_up, test_label_studio_annotators,
              fixture_tear_down);

  return g_test_run ();
}
