/* crash-saver.c
 *
 * A helper for test-crash.py: labels one more sentence of a document and
 * saves it, again and again, printing the number of labelled sentences
 * after each save that returned. The test kills it with SIGKILL at random
 * moments and checks the file on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "gloss-document.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (argc != 2)
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  document = gloss_document_load (file, "en", NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  n = gloss_document_get_n_sentences (document);
  for (guint round = 0;; round++)
    {
      guint i = round % n;

      /* One sentence more, or all cleared when every one has a label */
      if (gloss_document_get_n_annotated (document) == n)
        {
          for (guint j = 0; j < n; j++)
            {
              gloss_document_remove_label (document, j, "claim");
              gloss_document_remove_label (document, j, "quote");
            }
        }
      else
        gloss_document_add_label (document, gloss_document_get_n_annotated (document), i % 2 ? "claim" : "quote");

      if (!gloss_document_save (document, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      printf ("%u\n", gloss_document_get_n_annotated (document));
      fflush (stdout);
    }

  return 0;
}
