/* bench-document.c
 *
 * Prints how long the core takes for a long article: splitting and
 * indexing a 1 MB text, labelling 10 000 sentences, writing the
 * `.gloss.json`, and loading it again with every check. A benchmark, not a
 * test: it prints figures and never fails on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-document.h"
#include "gloss-format.h"
#include "gloss-text.h"

#define REPEAT 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
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
  double best_load_text = G_MAXDOUBLE, best_label = G_MAXDOUBLE, best_serialize = G_MAXDOUBLE;
  double best_save = G_MAXDOUBLE, best_load_json = G_MAXDOUBLE, best_snapshot = G_MAXDOUBLE;
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
      double t0, t1, t2, t3, t4, t5;

      g_remove (g_file_peek_path (json_file));

      t0 = now_ms ();
      document = gloss_document_load (file, "de", NULL, &error);
      g_assert_no_error (error);
      t1 = now_ms ();

      n_sentences = gloss_document_get_n_sentences (document);
      for (guint i = 0; i < n_sentences && i < 10000; i++)
        gloss_document_add_label (document, i, i % 3 == 0 ? "claim" : i % 3 == 1 ? "source" : "quote");
      n_annotations = g_list_model_get_n_items (gloss_document_get_annotations (document));
      t2 = now_ms ();
      best_label = MIN (best_label, t2 - t1);

      {
        g_autoptr(GlossFormatSnapshot) snapshot = NULL;
        double s0 = now_ms ();

        snapshot = gloss_format_snapshot (document);
        best_snapshot = MIN (best_snapshot, now_ms () - s0);
      }

      t2 = now_ms ();
      bytes = gloss_format_serialize (document);
      json_size = g_bytes_get_size (bytes);
      t3 = now_ms ();

      gloss_document_save (document, NULL, &error);
      g_assert_no_error (error);
      t4 = now_ms ();

      reloaded = gloss_document_load (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert (gloss_document_get_problems (reloaded)->len == 0);
      t5 = now_ms ();

      best_load_text = MIN (best_load_text, t1 - t0);
      best_serialize = MIN (best_serialize, t3 - t2);
      best_save = MIN (best_save, t4 - t3);
      best_load_json = MIN (best_load_json, t5 - t4);
    }

  g_print ("Text: %.2f MB, %u sentences; %u annotations; .gloss.json %.2f MB (best of %d)\n",
           text->len / 1e6, n_sentences, n_annotations, json_size / 1e6, REPEAT);
  g_print ("  open a text without annotations (read, index, split):  %7.1f ms\n", best_load_text);
  g_print ("  label 10 000 sentences through the history:           %7.1f ms (%.2f us each)\n",
           best_label, best_label * 1000 / MAX (n_annotations, 1));
  g_print ("  autosave's part on the main thread (snapshot):         %7.1f ms\n", best_snapshot);
  g_print ("  serialize the .gloss.json (a worker thread's part):     %7.1f ms\n", best_serialize);
  g_print ("  serialize + atomic write with fsync:                   %7.1f ms\n", best_save);
  g_print ("  open it again, with every check:                        %7.1f ms\n", best_load_json);

  g_remove (g_file_peek_path (json_file));
  g_remove (path);
  g_rmdir (tmpdir);

  return 0;
}
