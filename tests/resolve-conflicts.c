/* resolve-conflicts.c
 *
 * For test-git-merge.py: opens a text as the window does, resolves every
 * clash a merge left in its annotation file through the core's API
 * (taking ours or theirs), and saves it as the window's autosave does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-document.h"
#include "gloss-merge.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GlossMergeChoice choice;
  guint n;

  if (argc != 3 || (g_strcmp0 (argv[2], "ours") != 0 && g_strcmp0 (argv[2], "theirs") != 0))
    {
      g_printerr ("Usage: resolve-conflicts TEXT ours|theirs\n");
      return 2;
    }
  choice = g_strcmp0 (argv[2], "ours") == 0 ? GLOSS_MERGE_TAKE_OURS : GLOSS_MERGE_TAKE_THEIRS;

  file = g_file_new_for_commandline_arg (argv[1]);
  document = gloss_document_load (file, NULL, NULL, &error);
  if (document == NULL || gloss_document_get_read_only (document))
    {
      g_printerr ("%s\n", error ? error->message : gloss_document_get_read_only_reason (document));
      return 1;
    }

  n = gloss_document_get_n_conflicts (document);
  while (gloss_document_get_n_conflicts (document) > 0)
    if (!gloss_document_resolve_conflict (document, 0, choice, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }

  if (!gloss_document_save (document, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%u\n", n);

  return 0;
}
