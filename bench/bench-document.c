/* bench-document.c
 *
 * Prints how long the core takes for a long article: splitting and
 * indexing a 1 MB text, labelling 10 000 sentences, writing the
 * `.gloss.json`, and loading it again with every check, then what that
 * reopening is made of. A benchmark, not a test: it prints figures
 * (medians, wall-clock and CPU time) and never fails on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-json.h"
#include "gloss-json-tape.h"
#include "gloss-sha256.h"
#include "gloss-text.h"

#define REPEAT 7

static void
print_row (const char *what,
           Clock       time)
{
  g_print ("  %-52s %7.1f ms %7.1f ms\n", what, time.wall, time.cpu);
}

/* Each step of reopening on its own, as gloss_document_load() does it */
static void
print_reopen_parts (GFile *file,
                    GFile *json_file)
{
  Clock text[REPEAT], text_sha[REPEAT], read_json[REPEAT], json_sha[REPEAT];
  Clock tape[REPEAT], json_glib[REPEAT], parse[REPEAT];

  for (guint r = 0; r < REPEAT; r++)
    {
      g_autoptr(GlossText) loaded = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      guint8 digest[GLOSS_SHA256_LENGTH];
      gsize length = 0;
      Clock start;

      start = clock_now ();
      loaded = gloss_text_load (file, NULL, &error);
      g_assert_no_error (error);
      text[r] = clock_since (start);

      start = clock_now ();
      gloss_text_get_sha256 (loaded);
      text_sha[r] = clock_since (start);

      start = clock_now ();
      g_file_load_contents (json_file, NULL, &data, &length, NULL, &error);
      g_assert_no_error (error);
      read_json[r] = clock_since (start);

      start = clock_now ();
      gloss_sha256_compute (data, length, digest);
      json_sha[r] = clock_since (start);

      {
        g_autoptr(GlossJsonTape) parsed = NULL;

        start = clock_now ();
        parsed = gloss_json_tape_parse (data, length, NULL);
        g_assert_nonnull (parsed);
        tape[r] = clock_since (start);
      }

      start = clock_now ();
      document = gloss_format_parse (loaded, "long.txt", data, length, NULL, NULL);
      g_assert_cmpuint (gloss_document_get_problems (document)->len, ==, 0);
      parse[r] = clock_since (start);

      /* Last: json-glib's many small blocks, freed, slow down what
       * allocates after them */
      {
        g_autoptr(JsonNode) root = NULL;

        start = clock_now ();
        root = gloss_json_parse (data, length, &error);
        g_assert_no_error (error);
        g_clear_pointer (&root, json_node_unref);
        json_glib[r] = clock_since (start);
      }
    }

  g_print ("What reopening is made of:\n");
  print_row ("read the text, check its UTF-8, index it", median (text, REPEAT));
  print_row ("SHA-256 of the text", median (text_sha, REPEAT));
  print_row ("read the .gloss.json", median (read_json, REPEAT));
  print_row ("SHA-256 of the .gloss.json (to see later changes)", median (json_sha, REPEAT));
  print_row ("its JSON, read into a tape", median (tape, REPEAT));
  print_row ("  (json-glib's parse and free of the same, for scale)", median (json_glib, REPEAT));
  print_row ("tape, checks and the document's objects", median (parse, REPEAT));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "long.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) json_file = NULL;
  Clock load_text[REPEAT], label[REPEAT], snapshot[REPEAT], serialize[REPEAT], save[REPEAT], load_json[REPEAT];
  guint n_sentences = 0, n_annotations = 0;
  gsize json_size = 0;

  while (text->len < 1000 * 1000)
    g_string_append (text,
                     "Die Ministerin sagte am 3. März: „Wir prüfen das.“ Der Bericht folgt z. B. im Mai. "
                     "Kritiker halten die Zahlen für zu niedrig.\n"
                     "The minister said on Monday that the plan would cost $3.5 million. "
                     "\"It is not enough,\" a spokesperson said.\n\n");

  g_file_set_contents (path, text->str, text->len, NULL);
  file = g_file_new_for_path (path);
  json_file = gloss_document_dup_annotation_file_for (file);

  for (guint r = 0; r < REPEAT; r++)
    {
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossDocument) reloaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      Clock start;

      g_remove (g_file_peek_path (json_file));

      start = clock_now ();
      document = gloss_document_load (file, "de", NULL, &error);
      g_assert_no_error (error);
      load_text[r] = clock_since (start);

      start = clock_now ();
      n_sentences = gloss_document_get_n_sentences (document);
      for (guint i = 0; i < n_sentences && i < 10000; i++)
        gloss_document_add_label (document, i, i % 3 == 0 ? "claim" : i % 3 == 1 ? "source" : "quote");
      n_annotations = g_list_model_get_n_items (gloss_document_get_annotations (document));
      label[r] = clock_since (start);

      {
        g_autoptr(GlossFormatSnapshot) taken = NULL;

        start = clock_now ();
        taken = gloss_format_snapshot (document);
        snapshot[r] = clock_since (start);
      }

      start = clock_now ();
      bytes = gloss_format_serialize (document);
      json_size = g_bytes_get_size (bytes);
      serialize[r] = clock_since (start);

      start = clock_now ();
      gloss_document_save (document, NULL, &error);
      g_assert_no_error (error);
      save[r] = clock_since (start);

      start = clock_now ();
      reloaded = gloss_document_load (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert (gloss_document_get_problems (reloaded)->len == 0);
      load_json[r] = clock_since (start);
    }

  g_print ("Text: %.2f MB, %u sentences; %u annotations; .gloss.json %.2f MB (median of %d; wall, CPU)\n",
           text->len / 1e6, n_sentences, n_annotations, json_size / 1e6, REPEAT);
  print_row ("open a text without annotations (read, index, split)", median (load_text, REPEAT));
  print_row ("label 10 000 sentences through the history", median (label, REPEAT));
  print_row ("autosave's part on the main thread (snapshot)", median (snapshot, REPEAT));
  print_row ("serialize the .gloss.json (a worker thread's part)", median (serialize, REPEAT));
  print_row ("serialize + atomic write with fsync", median (save, REPEAT));
  print_row ("open it again, with every check", median (load_json, REPEAT));

  print_reopen_parts (file, json_file);

  g_remove (g_file_peek_path (json_file));
  g_remove (path);
  g_rmdir (tmpdir);

  return 0;
}
