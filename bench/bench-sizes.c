/* bench-sizes.c
 *
 * Prints how the core's time grows with the sizes that once grew faster
 * than linear: many labels on one span in an import, a project with many
 * labels, one document with many imported spans, and re-anchoring a long
 * text that did not change. Each case runs at growing sizes and prints the
 * time per item beside the time, so a linear case keeps that column flat.
 * The steps that are commands of their own (import, reanchor) run in a new
 * process each, as the commands do. A benchmark, not a test: it prints
 * figures (medians of a few runs) and never fails on them. It makes its
 * inputs itself, the same on every run.
 *
 *   bench-sizes [labels|project|spans|reanchor]…   (no argument: all)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-importer.h"
#include "gloss-json.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-reanchor.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

#define REPEAT 3

static char *tmpdir;

static void
print_row (const char *what,
           guint       n,
           Clock       time,
           const char *unit)
{
  g_print ("  %-34s %7u  %9.0f ms  %9.0f ms  %6.1f us per %s\n",
           what, n, time.wall, time.cpu, time.cpu * 1000.0 / MAX (n, 1), unit);
}

static char *self_path;

/* Runs this program anew as `--fresh ARG…`, for a step that is a command
 * of its own (`gloss import`, `gloss reanchor`): in this process the
 * memory taken and given back while making the inputs slows allocations
 * down by a fifth. Returns the times the step prints. */
static Clock
run_fresh (const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Clock taken = { 0, 0 };
  int status;

  g_strv_builder_add_many (builder, self_path, "--fresh", NULL);
  g_strv_builder_addv (builder, (const char **)args);
  argv = g_strv_builder_end (builder);

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf", &taken.wall, &taken.cpu), ==, 2);

  return taken;
}

/* `gloss import --format doccano INPUT --into FOLDER`, in this process */
static Clock
import_here (const char *input,
             const char *folder_path,
             guint       expected_annotations)
{
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  Clock start, taken;

  start = clock_now ();
  importer = gloss_importer_new (GLOSS_IMPORT_DOCCANO);
  gloss_importer_read (importer, input_file, NULL, &error);
  g_assert_no_error (error);
  gloss_importer_write (importer, folder, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  taken = clock_since (start);

  document = gloss_importer_get_document (importer, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, expected_annotations);

  return taken;
}

/* Imports @jsonl (doccano) into a new folder, in a process of its own */
static Clock
import_doccano (const char *jsonl,
                const char *name,
                guint       expected_annotations)
{
  g_autofree char *input = g_build_filename (tmpdir, "input.jsonl", NULL);
  g_autofree char *folder = g_build_filename (tmpdir, name, NULL);
  g_autofree char *expected = g_strdup_printf ("%u", expected_annotations);
  const char *args[] = { "import", input, folder, expected, NULL };
  Clock taken;

  g_file_set_contents (input, jsonl, -1, NULL);
  remove_tree (folder);
  taken = run_fresh (args);
  g_remove (input);

  return taken;
}

/* One sentence with n different labels, as a model's output may give */
static void
bench_labels (void)
{
  /* Up to the most a set may hold with the three default labels in it */
  static const guint sizes[] = { 1250, 2500, 5000, GLOSS_LABEL_SET_MAX_LABELS - 3 };
  const char *sentence = "The minister said on Monday that the plan would cost more than expected.";

  g_print ("Labels on one span, imported (doccano, each label new to the set):\n");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GString) jsonl = g_string_new ("{\"id\": \"doc\", \"text\": ");
      g_autofree char *text = g_strconcat (sentence, " It was not enough.", NULL);
      Clock times[REPEAT];

      gloss_json_append_string (jsonl, text);
      g_string_append (jsonl, ", \"label\": [");
      for (guint i = 0; i < sizes[s]; i++)
        g_string_append_printf (jsonl, "%s[0, %u, \"l%05u\"]", i ? ", " : "", (guint)strlen (sentence), i);
      g_string_append (jsonl, "]}\n");

      for (guint r = 0; r < REPEAT; r++)
        times[r] = import_doccano (jsonl->str, "labels", sizes[s]);

      print_row ("import, read and write", sizes[s], median (times, REPEAT), "label");
    }
}

/* A gloss-project.json of n labels, and a document in its folder whose one
 * sentence has every one of them */
static void
bench_project (void)
{
  static const guint sizes[] = { 1000, 2000, 4000, 8000, 10000 };
  const char *sentence = "The minister said on Monday that the plan would cost more than expected.";
  g_autofree char *folder = g_build_filename (tmpdir, "project", NULL);
  g_autofree char *project_path = g_build_filename (folder, "gloss-project.json", NULL);
  g_autofree char *text_path = g_build_filename (folder, "a.txt", NULL);
  g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GlossText) text = gloss_text_new (sentence, -1, NULL);

  g_print ("Labels in a project (gloss-project.json, each label with a key):\n");

  g_mkdir_with_parents (folder, 0755);
  g_file_set_contents (text_path, sentence, -1, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GString) labels = g_string_new ("[");
      g_autoptr(GString) project = g_string_new (NULL);
      g_autoptr(GString) annotations = g_string_new ("[");
      g_autoptr(GString) file = g_string_new (NULL);
      g_autofree char *json_path = g_strconcat (text_path, ".gloss.json", NULL);
      Clock load_project[REPEAT], load_document[REPEAT];

      for (guint i = 0; i < sizes[s]; i++)
        {
          char key[8] = { 0 };

          /* A key each: CJK ideographs are single printable characters */
          g_unichar_to_utf8 (0x4E00 + i, key);
          g_string_append_printf (labels, "%s\n    {\"id\": \"l%05u\", \"name\": \"Label %u\", \"color\": \"#1c71d8\", "
                                  "\"key\": \"%s\", \"description\": \"\"}", i ? "," : "", i, i, key);
          g_string_append_printf (annotations, "%s\n    {\"id\": %u, \"label\": \"l%05u\", \"start\": 0, \"end\": %u, "
                                  "\"sentence\": 0, \"text\": \"%s\", \"note\": \"\", \"annotator\": \"\", "
                                  "\"created\": \"2024-05-01T10:00:00Z\", \"modified\": \"2024-05-01T10:00:00Z\"}",
                                  i ? "," : "", i + 1, i, gloss_text_get_length (text), sentence);
        }
      g_string_append (labels, "\n  ]");
      g_string_append (annotations, "\n  ]");

      g_string_append_printf (project, "{\n  \"format\": \"gloss-project\",\n  \"version\": 1,\n  \"labels\": %s\n}\n",
                              labels->str);
      g_file_set_contents (project_path, project->str, project->len, NULL);

      g_string_append_printf (file, "{\n  \"format\": \"gloss\",\n  \"version\": 1,\n"
                              "  \"text\": {\"file\": \"a.txt\", \"sha256\": \"%s\", \"length\": %u, \"bom\": false},\n"
                              "  \"language\": \"en\",\n  \"done\": false,\n  \"labels\": %s,\n"
                              "  \"sentences\": [\n    {\"id\": 0, \"start\": 0, \"end\": %u}\n  ],\n"
                              "  \"annotations\": %s\n}\n",
                              gloss_text_get_sha256 (text), gloss_text_get_length (text), labels->str,
                              gloss_text_get_length (text), annotations->str);
      g_file_set_contents (json_path, file->str, file->len, NULL);

      for (guint r = 0; r < REPEAT; r++)
        {
          g_autoptr(GPtrArray) problems = gloss_problems_new ();
          g_autoptr(GlossLabelSet) set = NULL;
          g_autoptr(GlossDocument) document = NULL;
          g_autoptr(GError) error = NULL;
          Clock start;

          start = clock_now ();
          set = gloss_project_load_labels (project_file, problems, NULL);
          load_project[r] = clock_since (start);
          start = clock_now ();
          document = gloss_document_load (text_file, NULL, NULL, &error);
          load_document[r] = clock_since (start);

          g_assert (set != NULL && problems->len == 0);
          g_assert_cmpuint (gloss_label_set_get_n_labels (set), ==, sizes[s]);
          g_assert_no_error (error);
          g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
          g_assert_cmpuint (g_list_model_get_n_items (gloss_document_get_annotations (document)), ==, sizes[s]);
        }

      print_row ("load gloss-project.json", sizes[s], median (load_project, REPEAT), "label");
      print_row ("open a document, all on 1 sentence", sizes[s], median (load_document, REPEAT), "label");
    }

  remove_tree (folder);
}

/* One document of 2n sentences, n of them labelled by imported spans; a
 * quarter of the spans start a little inside their sentence, so they are
 * mapped rather than matched */
static void
bench_spans (void)
{
  static const guint sizes[] = { 16000, 32000, 64000, 100000 };

  g_print ("Spans in one document, imported (doccano), then opened as validate, stats and export do:\n");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      g_autoptr(GString) text = make_news_text (130 * 2 * n);
      g_autoptr(GlossText) gloss_text = gloss_text_new (text->str, text->len, NULL);
      g_autoptr(GlossDocument) split = gloss_document_new (gloss_text, "en", NULL);
      g_autoptr(GString) jsonl = g_string_new ("{\"id\": \"doc\", \"text\": ");
      g_autofree char *text_path = g_build_filename (tmpdir, "spans", "doc.txt", NULL);
      g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
      Clock import[REPEAT], open[REPEAT];
      guint n_sentences;

      /* Cut the text where its 2n-th sentence ends */
      g_assert_cmpuint (gloss_document_get_n_sentences (split), >=, 2 * n);
      g_string_truncate (text, gloss_text_get_byte_offset (gloss_text,
                                                            gloss_sentence_get_end (gloss_document_get_sentence (split, 2 * n - 1))));
      n_sentences = 2 * n;

      gloss_json_append_string (jsonl, text->str);
      g_string_append (jsonl, ", \"label\": [");
      for (guint i = 0; i < n; i++)
        {
          GlossSentence *sentence = gloss_document_get_sentence (split, 2 * i);

          g_string_append_printf (jsonl, "%s[%u, %u, \"%s\"]", i ? ", " : "",
                                  gloss_sentence_get_start (sentence) + (i % 4 == 3 ? 2 : 0),
                                  gloss_sentence_get_end (sentence),
                                  i % 3 == 0 ? "claim" : i % 3 == 1 ? "source" : "quote");
        }
      g_string_append (jsonl, "]}\n");

      for (guint r = 0; r < REPEAT; r++)
        {
          g_autoptr(GlossDocument) document = NULL;
          g_autoptr(GError) error = NULL;
          Clock start;

          import[r] = import_doccano (jsonl->str, "spans", n);

          start = clock_now ();
          document = gloss_document_load (text_file, NULL, NULL, &error);
          open[r] = clock_since (start);
          g_assert_no_error (error);
          g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
          g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n_sentences);
        }

      print_row ("import, read and write", n, median (import, REPEAT), "span");
      print_row ("open it, with every check", n, median (open, REPEAT), "span");
    }

  {
    g_autofree char *folder = g_build_filename (tmpdir, "spans", NULL);

    remove_tree (folder);
  }
}

/* `gloss reanchor --dry-run TEXT`, in this process */
static Clock
reanchor_here (const char *text_path,
               guint       n_annotations,
               guint       n_sentences)
{
  g_autofree char *json_path = g_strconcat (text_path, ".gloss.json", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  Clock start = clock_now ();
  Clock taken;

  g_file_get_contents (json_path, &data, &length, &error);
  g_assert_no_error (error);
  text = gloss_reanchor_load_text (text_file, data, length, NULL, &error);
  g_assert_no_error (error);
  document = gloss_reanchor (text_file, text, data, length, NULL, NULL, &anchors, &error);
  g_assert_no_error (error);
  taken = clock_since (start);

  g_assert_cmpuint (anchors->len, ==, n_annotations);
  for (guint i = 0; i < anchors->len; i++)
    g_assert_cmpint (((GlossAnchor *)g_ptr_array_index (anchors, i))->status, ==, GLOSS_ANCHOR_KEPT);
  g_assert_cmpuint (gloss_document_get_n_sentences (document), ==, n_sentences);

  return taken;
}

/* `gloss reanchor --dry-run` of a text that did not change: the text and its
 * annotation file read, every annotated sentence looked up, the document
 * built */
static void
bench_reanchor (void)
{
  static const guint sizes[] = { 12500, 25000, 50000, 100000 };
  g_autofree char *text_path = g_build_filename (tmpdir, "long.txt", NULL);
  g_autofree char *json_path = g_strconcat (text_path, ".gloss.json", NULL);

  g_print ("Re-anchoring an unchanged text (59 MB for 100 000 annotations), as reanchor --dry-run does:\n");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      g_autoptr(GString) text = make_news_text ((gsize)59 * 1000 * 1000 / 100000 * n);
      Clock times[REPEAT];
      guint n_sentences;

      {
        g_autoptr(GlossText) gloss_text = gloss_text_new (text->str, text->len, NULL);
        g_autoptr(GlossDocument) document = gloss_document_new (gloss_text, "en", NULL);
        g_autoptr(GBytes) bytes = NULL;
        guint step;

        n_sentences = gloss_document_get_n_sentences (document);
        step = n_sentences / n;
        for (guint i = 0; i < n; i++)
          gloss_document_add_label (document, i * step, i % 3 == 0 ? "claim" : i % 3 == 1 ? "source" : "quote");

        bytes = gloss_format_serialize (document);
        g_file_set_contents (text_path, text->str, text->len, NULL);
        g_file_set_contents (json_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      }

      for (guint r = 0; r < REPEAT; r++)
        {
          g_autofree char *annotations = g_strdup_printf ("%u", n);
          g_autofree char *sentences = g_strdup_printf ("%u", n_sentences);
          const char *args[] = { "reanchor", text_path, annotations, sentences, NULL };

          times[r] = run_fresh (args);
        }

      g_print ("  (text %.1f MB, %u sentences)\n", text->len / 1e6, n_sentences);
      print_row ("reanchor, unchanged text", n, median (times, REPEAT), "annotation");
    }

  g_remove (json_path);
  g_remove (text_path);
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *name;
    void      (*run) (void);
  } cases[] = {
    { "labels", bench_labels },
    { "project", bench_project },
    { "spans", bench_spans },
    { "reanchor", bench_reanchor },
  };

  if (argc == 6 && g_str_equal (argv[1], "--fresh"))
    {
      guint n = g_ascii_strtoull (argv[5], NULL, 10);
      Clock taken;

      if (g_str_equal (argv[2], "import"))
        taken = import_here (argv[3], argv[4], n);
      else
        taken = reanchor_here (argv[3], g_ascii_strtoull (argv[4], NULL, 10), n);
      g_print ("%.3f %.3f\n", taken.wall, taken.cpu);

      return 0;
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  tmpdir = g_dir_make_tmp ("gloss-bench-sizes-XXXXXX", NULL);
  g_assert (tmpdir != NULL);

  g_print ("Medians of %d runs; the time per item (of CPU) stays flat when the time grows linearly.\n"
           "  %-34s %7s  %12s  %12s\n", REPEAT, "", "size", "wall", "CPU");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gboolean wanted = argc < 2;

      for (int i = 1; i < argc; i++)
        wanted |= g_str_equal (argv[i], cases[c].name);

      if (wanted)
        cases[c].run ();
    }

  remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (self_path);

  return 0;
}
