/* gloss-corpus.c
 *
 * Finding the documents of a folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gloss-corpus.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"

/* A file found, and the path it is ordered by */
typedef struct
{
  char  *path;   /* NULL for a file without one */
  GFile *file;
} Found;

static void
found_clear (Found *found)
{
  g_free (found->path);
  g_clear_object (&found->file);
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (((const Found *)a)->path, ((const Found *)b)->path);
}

static void
add_found (GArray *found,
           char   *path,
           GFile  *file)
{
  Found entry = { path, file };

  g_array_append_val (found, entry);
}

static void
add_unreadable (GPtrArray *problems,
                GFile     *dir,
                GError    *error)
{
  g_autofree char *name = gloss_corpus_dup_display_name (dir);

  if (problems == NULL)
    return;

  gloss_problems_add (problems, "", _("The folder cannot be read: %s"), error->message);
  gloss_problems_set_file (problems, problems->len - 1, name);
}

/* A named pipe or a socket named like a text is no text; reading it could
 * block for ever, and passing it over unsaid would hide a document */
static void
add_not_regular (GPtrArray  *problems,
                 GFile      *child,
                 const char *name,
                 guint32     mode)
{
  g_autofree char *path = gloss_corpus_dup_display_name (child);
  g_autofree char *base = g_filename_display_name (name);

  if (problems == NULL)
    return;

  gloss_problems_add (problems, "", _("“%s” is not a regular file (it is %s); skipped"),
                      base, gloss_read_describe_mode (mode));
  gloss_problems_set_file (problems, problems->len - 1, path);
}

/* Through GIO: a folder that is not local, or one that readdir() could
 * not read, which GIO then says why in its words */
static void walk (GFile        *dir,
                  const char   *suffix,
                  GArray       *found,
                  GPtrArray    *problems,
                  GCancellable *cancellable);

static void
walk_gio (GFile        *dir,
          const char   *suffix,
          GArray       *found,
          GPtrArray    *problems,
          GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                          G_FILE_ATTRIBUTE_UNIX_MODE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      add_unreadable (problems, dir, error);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &error))
        {
          add_unreadable (problems, dir, error);
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
        walk (child, suffix, found, problems, cancellable);
      else if (!g_str_has_suffix (name, suffix))
        continue;
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR || g_file_info_get_is_symlink (info))
        add_found (found, g_file_get_path (child), g_object_ref (child));
      else
        add_not_regular (problems, child, name, g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE));
    }
}

typedef struct
{
  char          *name;
  unsigned char  type;   /* a DT_ of readdir () */
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->name);
}

/* A local folder through readdir (), which says the type of each entry
 * without a stat () of each, as GIO's enumerator does: a corpus of
 * thousands of texts is found in a fraction of the time. The same files,
 * folders and problems as through GIO. */
static void
walk (GFile        *dir,
      const char   *suffix,
      GArray       *found,
      GPtrArray    *problems,
      GCancellable *cancellable)
{
  const char *path = g_file_peek_path (dir);
  g_autoptr(GArray) entries = NULL;
  struct dirent *dirent;
  DIR *stream;

  if (g_cancellable_is_cancelled (cancellable))
    return;

  stream = path != NULL ? opendir (path) : NULL;
  if (stream == NULL)
    {
      walk_gio (dir, suffix, found, problems, cancellable);
      return;
    }

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (entries, (GDestroyNotify)entry_clear);
  for (;;)
    {
      Entry entry;

      errno = 0;
      dirent = readdir (stream);
      if (dirent == NULL)
        break;

      /* Hidden folders (.git, .flatpak-builder) hold no articles */
      if (dirent->d_name[0] == '.')
        continue;
      entry.name = g_strdup (dirent->d_name);
      entry.type = dirent->d_type;
      g_array_append_val (entries, entry);
    }
  if (errno != 0)
    {
      closedir (stream);
      walk_gio (dir, suffix, found, problems, cancellable);
      return;
    }
  closedir (stream);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *child_path = g_build_filename (path, entry->name, NULL);
      unsigned char type = entry->type;
      GStatBuf buf = { 0 };

      /* Symbolic links to folders are not followed, so a link loop cannot
       * trap us; the type comes from lstat () where readdir () does not
       * say it (and a file gone meanwhile is passed over) */
      if (type == DT_UNKNOWN || (type != DT_DIR && type != DT_REG && type != DT_LNK))
        {
          if (g_lstat (child_path, &buf) != 0)
            continue;
          type = S_ISDIR (buf.st_mode) ? DT_DIR : S_ISREG (buf.st_mode) ? DT_REG : S_ISLNK (buf.st_mode) ? DT_LNK : DT_UNKNOWN;
        }

      if (type == DT_DIR)
        {
          g_autoptr(GFile) child = g_file_new_for_path (child_path);

          walk (child, suffix, found, problems, cancellable);
        }
      else if (!g_str_has_suffix (entry->name, suffix))
        continue;
      else if (type == DT_REG || type == DT_LNK)
        add_found (found, g_steal_pointer (&child_path), NULL);
      else
        {
          g_autoptr(GFile) child = g_file_new_for_path (child_path);

          add_not_regular (problems, child, entry->name, buf.st_mode);
        }
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
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (G_IS_FILE (root), files);
  g_return_val_if_fail (suffix != NULL, files);

  found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_array_set_clear_func (found, (GDestroyNotify)found_clear);
  walk (root, suffix, found, problems, cancellable);

  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *entry = &g_array_index (found, Found, i);

      g_ptr_array_add (files, entry->file ? g_steal_pointer (&entry->file) : g_file_new_for_path (entry->path));
    }

  return files;
}

/**
 * gloss_corpus_revision_paths:
 * @path: a folder or a text, relative to the top of a git work tree
 *
 * The paths a git revision is listed at (gloss_git_list()) to read the
 * texts at @path: @path, and what they may need from outside it (the
 * annotation file of a text given alone, the project files of the
 * folders above).
 *
 * Returns: (transfer full): the paths; empty for the whole tree
 */
GStrv
gloss_corpus_revision_paths (const char *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *annotations = NULL;
  g_autofree char *dir = NULL;

  if (path[0] == '\0')
    return g_strv_builder_end (builder);

  g_strv_builder_add (builder, path);
  annotations = g_strconcat (path, ".gloss.json", NULL);
  g_strv_builder_add (builder, annotations);
  dir = g_path_get_dirname (path);
  for (;;)
    {
      g_autofree char *parent = NULL;
      g_autofree char *project = NULL;

      if (strcmp (dir, ".") == 0)
        {
          g_strv_builder_add (builder, GLOSS_PROJECT_FILE_NAME);
          break;
        }
      project = g_build_path ("/", dir, GLOSS_PROJECT_FILE_NAME, NULL);
      g_strv_builder_add (builder, project);
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }

  return g_strv_builder_end (builder);
}

/**
 * gloss_corpus_dup_revision_id:
 * @prefix: a folder or a text, relative to the top of a git work tree
 * @path: a file of a revision, relative to the same
 *
 * The document id of @path below @prefix, as gloss_corpus_dup_id() gives
 * it for a folder: hidden files and folders are passed over.
 *
 * Returns: (transfer full) (nullable): the id, or %NULL when @path is not
 *   a text (`.txt`) at @prefix
 */
char *
gloss_corpus_dup_revision_id (const char *prefix,
                                  const char *path)
{
  g_auto(GStrv) parts = NULL;
  const char *id;

  if (!g_str_has_suffix (path, ".txt"))
    return NULL;

  if (prefix[0] == '\0')
    id = path;
  else if (strcmp (path, prefix) == 0)
    id = strrchr (path, '/') ? strrchr (path, '/') + 1 : path;
  else if (g_str_has_prefix (path, prefix) && path[strlen (prefix)] == '/')
    id = path + strlen (prefix) + 1;
  else
    return NULL;

  parts = g_strsplit (id, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '.')
      return NULL;

  return g_strdup (id);
}

/**
 * gloss_corpus_collect:
 * @inputs: (element-type GFile): texts and folders, as a user chose them
 * @suffix: the end of the names to find in the folders, e.g. ".txt"
 * @roots: (element-type GFile): where, for each file found, the folder
 *   its id is relative to is added: the folder given, or the folder of a
 *   file given itself
 * @problems: (nullable) (element-type GlossProblem): where folders that
 *   cannot be read are reported
 *
 * Every file of @inputs, and those below each folder of @inputs
 * (gloss_corpus_find_files()), in the order given. Anything that is not
 * a folder counts as a file, so that one that cannot be read is reported
 * when it is read.
 *
 * Returns: (transfer full) (element-type GFile): the files
 */
GPtrArray *
gloss_corpus_collect (GPtrArray    *inputs,
                      const char   *suffix,
                      GPtrArray    *roots,
                      GPtrArray    *problems,
                      GCancellable *cancellable)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (inputs != NULL, files);
  g_return_val_if_fail (roots != NULL, files);

  for (guint i = 0; i < inputs->len; i++)
    {
      GFile *input = g_ptr_array_index (inputs, i);

      if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GPtrArray) found = gloss_corpus_find_files (input, suffix, problems, cancellable);

          for (guint j = 0; j < found->len; j++)
            {
              g_ptr_array_add (files, g_object_ref (g_ptr_array_index (found, j)));
              g_ptr_array_add (roots, g_object_ref (input));
            }
        }
      else
        {
          g_ptr_array_add (files, g_object_ref (input));
          g_ptr_array_add (roots, g_file_get_parent (input));
        }
    }

  return files;
}

/**
 * gloss_corpus_dup_display_name:
 *
 * A file name need not be UTF-8; messages must be.
 *
 * Returns: (transfer full): @file's path for messages, in UTF-8 (a byte
 *   that is not UTF-8 shown as U+FFFD), or its URI if it has no path
 */
char *
gloss_corpus_dup_display_name (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);

  return path ? g_filename_display_name (path) : g_file_get_uri (file);
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

static gboolean
has_escape (const char *name)
{
  for (const char *p = strchr (name, '%'); p != NULL; p = strchr (p + 1, '%'))
    {
      if (g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        return TRUE;
    }

  return FALSE;
}

/**
 * gloss_corpus_escape_id:
 * @name: a file name or relative path, in the file system's bytes
 *
 * Makes a document id of a file name that is valid UTF-8 whatever the
 * name, and that gives the name back (gloss_corpus_unescape_id()). A name
 * that is UTF-8 stays as it is; one that is not, or that holds a `%`
 * followed by two hex digits, has each byte that is no UTF-8 written as
 * `%XX` and each `%` as `%25`. So `50%.txt` stays `50%.txt`, a name with
 * the bytes FF FE becomes `%FF%FE.txt`, and `a%41.txt` becomes
 * `a%2541.txt`.
 *
 * Returns: (transfer full): the id, valid UTF-8
 */
char *
gloss_corpus_escape_id (const char *name)
{
  const char *p, *end;
  GString *out;

  g_return_val_if_fail (name != NULL, NULL);

  if (g_utf8_validate (name, -1, NULL) && !has_escape (name))
    return g_strdup (name);

  end = name + strlen (name);
  out = g_string_sized_new (end - name + 16);
  for (p = name; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "%%%02X", (guchar)*p);
          p++;
        }
      else if (c == '%')
        {
          g_string_append (out, "%25");
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_corpus_unescape_id:
 * @id: a document id, as an export writes it
 *
 * The file name of @id: the reverse of gloss_corpus_escape_id(). An id
 * that no file name escapes to (`a%20b`, written by another program) is
 * its own file name, so ids from elsewhere are never decoded by surprise.
 *
 * Returns: (transfer full): the file name, in the file system's bytes;
 *   it may not be UTF-8
 */
char *
gloss_corpus_unescape_id (const char *id)
{
  g_autofree char *name = NULL;
  g_autofree char *again = NULL;
  char *out;

  g_return_val_if_fail (id != NULL, NULL);

  if (!has_escape (id))
    return g_strdup (id);

  name = g_malloc (strlen (id) + 1);
  out = name;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          *out++ = (char)(g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]));
          p += 2;
        }
      else
        *out++ = *p;
    }
  *out = '\0';

  /* A NUL byte ends a name; and only the one escaping is undone */
  if (out - name != (gssize)strlen (name))
    return g_strdup (id);
  again = gloss_corpus_escape_id (name);
  if (strcmp (again, id) != 0)
    return g_strdup (id);

  return g_steal_pointer (&name);
}
