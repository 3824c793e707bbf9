/* gloss-corpus.c
 *
 * Finding the documents of a folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-corpus.h"
#include "gloss-problem.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_path (*(GFile **)a);
  g_autofree char *y = g_file_get_path (*(GFile **)b);

  return g_strcmp0 (x, y);
}

static char *
display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  /* A file name need not be UTF-8; messages must be */
  return path ? g_filename_display_name (path) : g_file_get_uri (file);
}

static void
walk (GFile        *dir,
      const char   *suffix,
      GPtrArray    *files,
      GPtrArray    *problems,
      GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      g_autofree char *name = display_name (dir);

      if (problems != NULL)
        {
          gloss_problems_add (problems, "", _("The folder cannot be read: %s"), error->message);
          gloss_problems_set_file (problems, problems->len - 1, name);
        }
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &error))
        {
          g_autofree char *dir_name = display_name (dir);

          if (problems != NULL)
            {
              gloss_problems_add (problems, "", _("The folder cannot be read: %s"), error->message);
              gloss_problems_set_file (problems, problems->len - 1, dir_name);
            }
          return;
        }

      if (info == NULL)
        break;

      name = g_file_info_get_name (info);

      /* Hidden folders (.git, .flatpak-builder) hold no articles; symbolic
       * links to folders are not followed, so a link loop cannot trap us. */
      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        walk (child, suffix, files, problems, cancellable);
      else if (g_str_has_suffix (name, suffix) &&
               (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR ||
                g_file_info_get_is_symlink (info)))
        g_ptr_array_add (files, g_object_ref (child));
    }
}

/**
 * gloss_corpus_find_files:
 * @root: a folder
 * @suffix: the end of the names to find, e.g. ".txt"
 * @problems: (nullable) (element-type GlossProblem): where folders that
 *   cannot be read are reported
 *
 * Finds the files below @root whose names end in @suffix, skipping hidden
 * folders and not following links to folders.
 *
 * Returns: (transfer full) (element-type GFile): the files, ordered by path
 */
GPtrArray *
gloss_corpus_find_files (GFile        *root,
                         const char   *suffix,
                         GPtrArray    *problems,
                         GCancellable *cancellable)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_FILE (root), files);
  g_return_val_if_fail (suffix != NULL, files);

  walk (root, suffix, files, problems, cancellable);
  g_ptr_array_sort (files, compare_paths);

  return files;
}

/**
 * gloss_corpus_dup_id:
 *
 * Returns: (transfer full): the document id of @file: its path relative to
 *   @root, or its name when it is not below @root
 */
char *
gloss_corpus_dup_id (GFile *root,
                     GFile *file)
{
  char *relative = root ? g_file_get_relative_path (root, file) : NULL;

  if (relative != NULL)
    return relative;

  return g_file_get_basename (file);
}
