/* gloss-cli-merge.c
 *
 * `gloss merge BASE OURS THEIRS [PATH]`, git's merge driver for
 * annotation files (gloss_merge_files() does the merge), and `gloss
 * git-setup [FOLDER]`, which registers it in a repository.
 *
 * While git runs a merge driver (merge-ort, git 2.34 and later), the
 * working tree and the index still hold our side: the text file of PATH
 * is ours, HEAD is our commit, and their commit is only in the
 * environment (GITHEAD_<commit>=<name>). A side's text is found by its
 * SHA-256 among the working tree's text and the text in each of these
 * commits, their merge base, the index's stages and MERGE_HEAD (for older
 * strategies and rebases).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-cli-private.h"
#include "gloss-corpus.h"
#include "gloss-error.h"
#include "gloss-file-writer.h"
#include "gloss-merge.h"
#include "gloss-read.h"
#include "gloss-text.h"

#define DRIVER_NAME "Gloss: annotation files merged by meaning"
#define DRIVER_COMMAND "gloss merge %O %A %B %P"
#define ATTRIBUTES_LINE "*.gloss.json merge=gloss"

/* Runs git; its standard output, or NULL when it cannot run or fails.
 * @missing: set when there is no git at all */
static GBytes *
run_git (const char  *directory,
         const char * const *args,
         gboolean    *missing)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gsize length;
  int status = 0;

  g_ptr_array_add (argv, (gpointer)"git");
  if (directory != NULL)
    {
      g_ptr_array_add (argv, (gpointer)"-C");
      g_ptr_array_add (argv, (gpointer)directory);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    {
      if (missing != NULL)
        *missing = TRUE;
      return NULL;
    }

  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;

  length = strlen (out);
  return g_bytes_new_take (g_steal_pointer (&out), length);
}

static char *
git_line (const char         *directory,
          const char * const *args,
          gboolean           *missing)
{
  g_autoptr(GBytes) out = run_git (directory, args, missing);
  gsize length;
  const char *data;

  if (out == NULL)
    return NULL;

  data = g_bytes_get_data (out, &length);
  return g_strstrip (g_strndup (data, length));
}

/* Finding the sides' texts */

typedef struct
{
  char       *text_path;  /* relative to the working directory, git's top */
  GHashTable *texts;      /* SHA-256 -> GlossText, each candidate read once */
  gboolean    searched;
} Finder;

static void
finder_add (Finder *finder,
            GBytes *bytes)
{
  g_autoptr(GlossText) text = NULL;

  if (bytes == NULL)
    return;

  text = gloss_text_new_from_bytes (bytes, NULL);
  if (text != NULL && !g_hash_table_contains (finder->texts, gloss_text_get_sha256 (text)))
    {
      char *sha256 = g_strdup (gloss_text_get_sha256 (text));

      g_hash_table_insert (finder->texts, sha256, g_steal_pointer (&text));
    }
}

static void
finder_add_revision (Finder     *finder,
                     const char *revision)
{
  g_autofree char *spec = g_strconcat (revision, ":", finder->text_path, NULL);
  const char *args[] = { "show", spec, NULL };
  g_autoptr(GBytes) bytes = run_git (NULL, args, NULL);

  finder_add (finder, bytes);
}

/* Every place git may hold a side's text during a merge, a rebase or a
 * cherry-pick */
static void
finder_search_git (Finder *finder)
{
  static const char * const heads[] = { "MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD", NULL };
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) environment = g_get_environ ();

  finder->searched = TRUE;

  finder_add_revision (finder, "");     /* the index */
  finder_add_revision (finder, ":1");
  finder_add_revision (finder, ":2");
  finder_add_revision (finder, ":3");
  finder_add_revision (finder, "HEAD");

  /* Their commit: GITHEAD_<commit> in the driver's environment */
  for (guint i = 0; environment[i] != NULL; i++)
    if (g_str_has_prefix (environment[i], "GITHEAD_"))
      {
        const char *equals = strchr (environment[i], '=');

        if (equals != NULL)
          g_ptr_array_add (others, g_strndup (environment[i] + strlen ("GITHEAD_"),
                                              equals - environment[i] - strlen ("GITHEAD_")));
      }
  for (guint i = 0; heads[i] != NULL; i++)
    g_ptr_array_add (others, g_strdup (heads[i]));

  for (guint i = 0; i < others->len; i++)
    {
      const char *other = g_ptr_array_index (others, i);
      const char *args[] = { "merge-base", "HEAD", other, NULL };
      g_autofree char *base = NULL;

      finder_add_revision (finder, other);
      base = git_line (NULL, args, NULL);
      if (base != NULL && base[0] != '\0')
        finder_add_revision (finder, base);
    }
}

static GlossText *
find_text (const char *sha256,
           gpointer    user_data)
{
  Finder *finder = user_data;
  GlossText *text = g_hash_table_lookup (finder->texts, sha256);

  if (text == NULL && !finder->searched)
    {
      finder_search_git (finder);
      text = g_hash_table_lookup (finder->texts, sha256);
    }

  return text ? g_object_ref (text) : NULL;
}

static gboolean
write_temporary (GlossText  *text,
                 char      **path)
{
  int fd = g_file_open_tmp ("gloss-merge-XXXXXX.txt", path, NULL);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  close (fd);
  ok = g_file_set_contents (*path, gloss_text_get_contents (text), gloss_text_get_n_bytes (text), NULL);

  return ok;
}

/* The texts merged as git merges them */
static GlossText *
merge_texts (GlossText *base,
             GlossText *ours,
             GlossText *theirs,
             gpointer   user_data)
{
  g_autofree char *base_path = NULL, *ours_path = NULL, *theirs_path = NULL;
  g_autoptr(GBytes) merged = NULL;
  GlossText *text = NULL;

  if (base == NULL || gloss_text_get_has_bom (ours) || gloss_text_get_has_bom (theirs))
    return NULL;

  if (write_temporary (base, &base_path) && write_temporary (ours, &ours_path) &&
      write_temporary (theirs, &theirs_path))
    {
      const char *args[] = { "merge-file", "-p", "-q", ours_path, base_path, theirs_path, NULL };

      merged = run_git (NULL, args, NULL);
      if (merged != NULL)
        text = gloss_text_new_from_bytes (merged, NULL);
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *path = i == 0 ? base_path : i == 1 ? ours_path : theirs_path;

      if (path != NULL)
        g_unlink (path);
    }

  return text;
}

static GBytes *
read_side (const char  *path,
           gboolean     may_be_missing,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!gloss_read_file (file, G_MAXUINT32, NULL, &contents, &length, &local_error))
    {
      if (may_be_missing && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_bytes_new (NULL, 0);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

int
gloss_cli_merge (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GBytes) base = NULL, ours = NULL, theirs = NULL, merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) ours_file = NULL;
  g_autoptr(GlossFileWriter) writer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = NULL;
  Finder finder = { NULL, NULL, FALSE };
  int exit_code = GLOSS_EXIT_OK;
  guint n_args, n_conflicts = 0;
  const char *path;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("BASE OURS THEIRS [PATH]") },
    { NULL }
  };

  summary = g_strdup_printf (_("Merges two versions of an annotation file by meaning, from the version they "
                                "share (BASE, empty or missing when there is none): labels, boundaries, notes, "
                                "spans, relations and attributes each side changed are kept, new spans and "
                                "relations of both sides are numbered so ids stay unique, and what both changed "
                                "differently is kept, both versions, in the file’s “conflicts”. The result "
                                "replaces OURS. PATH is the annotation file’s path (its text is PATH without "
                                ".gloss.json). This is git’s merge driver: “gloss git-setup” registers it as "
                                "“%s”.\n\n"
                                "Exit status: 0 on a clean merge, 1 when clashes wait in the file (“gloss "
                                "validate” lists them; resolve them in Gloss), 2 when a side cannot be read "
                                "(OURS is then left as it was)."),
                             DRIVER_COMMAND);
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code))
    return exit_code;

  n_args = args ? g_strv_length (args) : 0;
  if (n_args < 3 || n_args > 4)
    {
      gloss_cli_usage_error (context, _("Give BASE, OURS and THEIRS, and the file’s PATH"));
      return GLOSS_EXIT_USAGE;
    }

  path = n_args == 4 ? args[3] : args[1];
  finder.text_path = g_str_has_suffix (path, GLOSS_ANNOTATION_SUFFIX)
                       ? g_strndup (path, strlen (path) - strlen (GLOSS_ANNOTATION_SUFFIX))
                       : g_strdup (path);
  finder.texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  name = g_filename_display_name (finder.text_path);

  /* The working tree's text first: that alone is read when nothing
   * changed the text */
  {
    g_autoptr(GFile) text_file = g_file_new_for_path (finder.text_path);
    char *contents = NULL;
    gsize length = 0;

    if (gloss_read_file (text_file, GLOSS_TEXT_MAX_BYTES, NULL, &contents, &length, NULL))
      {
        g_autoptr(GBytes) bytes = g_bytes_new_take (contents, length);

        finder_add (&finder, bytes);
      }
  }

  if ((base = read_side (args[0], TRUE, &error)) == NULL ||
      (ours = read_side (args[1], FALSE, &error)) == NULL ||
      (theirs = read_side (args[2], FALSE, &error)) == NULL)
    {
      gloss_cli_printerr (_("gloss merge: %s\n"), error->message);
      exit_code = GLOSS_EXIT_USAGE;
      goto out;
    }

  merged = gloss_merge_files (base, ours, theirs, name, find_text, merge_texts, &finder, &n_conflicts, &error);
  if (merged == NULL)
    {
      gloss_cli_printerr (_("gloss merge: %s: %s; the file is left as our side had it\n"), name, error->message);
      exit_code = GLOSS_EXIT_USAGE;
      goto out;
    }

  ours_file = g_file_new_for_path (args[1]);
  writer = gloss_file_writer_new (ours_file, GLOSS_FILE_WRITER_NONE, NULL, &error);
  if (writer == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (writer), g_bytes_get_data (merged, NULL), g_bytes_get_size (merged),
                                  NULL, NULL, &error) ||
      !gloss_file_writer_commit (writer, NULL, &error))
    {
      if (writer != NULL)
        gloss_file_writer_abort (writer);
      gloss_cli_printerr (_("gloss merge: %s\n"), error->message);
      exit_code = GLOSS_EXIT_USAGE;
      goto out;
    }

  if (n_conflicts > 0)
    {
      g_autofree char *json_name = g_filename_display_name (path);

      gloss_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                       "gloss merge: %s: %u clash both sides made is kept in the file, both "
                                       "versions; “gloss validate %s” lists it, and Gloss resolves it when you "
                                       "open the text\n",
                                       "gloss merge: %s: %u clashes both sides made are kept in the file, both "
                                       "versions; “gloss validate %s” lists them, and Gloss resolves them when you "
                                       "open the text\n", n_conflicts),
                          json_name, n_conflicts, json_name);
      exit_code = GLOSS_EXIT_FAILURE;
    }

out:
  g_free (finder.text_path);
  g_hash_table_unref (finder.texts);

  return exit_code;
}

/* gloss git-setup */

/* Adds the line to .gitattributes unless it is there; whether it added it */
static gboolean
add_attributes (const char  *top,
                gboolean    *added,
                GError     **error)
{
  g_autofree char *path = g_build_filename (top, ".gitattributes", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) updated = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  *added = FALSE;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      contents = g_strdup ("");
      length = 0;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      gboolean pattern = FALSE, driver = FALSE;

      for (guint k = 0; words[k] != NULL; k++)
        {
          pattern |= k == 0 && strcmp (words[k], "*.gloss.json") == 0;
          driver |= k > 0 && strcmp (words[k], "merge=gloss") == 0;
        }
      if (pattern && driver)
        return TRUE;
    }

  updated = g_string_new (contents);
  if (length > 0 && contents[length - 1] != '\n')
    g_string_append_c (updated, '\n');
  g_string_append (updated, ATTRIBUTES_LINE "\n");
  if (!g_file_set_contents (path, updated->str, updated->len, error))
    return FALSE;

  *added = TRUE;
  return TRUE;
}

/* Sets a key of the repository's config unless it has that value */
static gboolean
set_config (const char  *top,
            const char  *key,
            const char  *value,
            gboolean    *set)
{
  const char *get[] = { "config", "--local", "--get", key, NULL };
  const char *put[] = { "config", "--local", key, value, NULL };
  g_autofree char *current = git_line (top, get, NULL);
  g_autoptr(GBytes) done = NULL;

  *set = FALSE;
  if (g_strcmp0 (current, value) == 0)
    return TRUE;

  done = run_git (top, put, NULL);
  *set = done != NULL;

  return done != NULL;
}

int
gloss_cli_git_setup (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = NULL;
  const char *folder = ".";
  const char *top_args[] = { "rev-parse", "--show-toplevel", NULL };
  gboolean missing = FALSE, added = FALSE, set_name = FALSE, set_driver = FALSE;
  int exit_code = GLOSS_EXIT_OK;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("[FOLDER]") },
    { NULL }
  };

  summary = g_strdup_printf (_("Makes git merge annotation files with “gloss merge” in the repository that "
                                "holds FOLDER (by default the current folder): adds “%s” to the repository’s "
                                "top-level .gitattributes and sets merge.gloss.name and merge.gloss.driver (“%s”) "
                                "in its configuration. What is there already is left alone.\n\n"
                                "Exit status: 0 when the driver is set up, 1 when it cannot be, 2 on a usage "
                                "error."),
                             ATTRIBUTES_LINE, DRIVER_COMMAND);
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv, &exit_code))
    return exit_code;

  if (args != NULL && args[0] != NULL)
    {
      if (args[1] != NULL)
        {
          gloss_cli_usage_error (context, _("Give at most one folder"));
          return GLOSS_EXIT_USAGE;
        }
      folder = args[0];
    }
  shown = g_filename_display_name (folder);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      gloss_cli_printerr (_("gloss git-setup: “%s” is not a folder\n"), shown);
      return GLOSS_EXIT_FAILURE;
    }

  top = git_line (folder, top_args, &missing);
  if (missing)
    {
      gloss_cli_printerr (_("gloss git-setup: git cannot be run; install git first\n"));
      return GLOSS_EXIT_FAILURE;
    }
  if (top == NULL || top[0] == '\0')
    {
      gloss_cli_printerr (_("gloss git-setup: “%s” is not in a git repository (“git init” makes one)\n"), shown);
      return GLOSS_EXIT_FAILURE;
    }

  if (!add_attributes (top, &added, &error))
    {
      gloss_cli_printerr (_("gloss git-setup: .gitattributes cannot be written: %s\n"), error->message);
      return GLOSS_EXIT_FAILURE;
    }
  if (!set_config (top, "merge.gloss.name", DRIVER_NAME, &set_name) ||
      !set_config (top, "merge.gloss.driver", DRIVER_COMMAND, &set_driver))
    {
      gloss_cli_printerr (_("gloss git-setup: the repository’s configuration cannot be changed\n"));
      return GLOSS_EXIT_FAILURE;
    }

  {
    g_autofree char *top_shown = g_filename_display_name (top);

    if (added)
      gloss_cli_print (_("Added “%s” to %s/.gitattributes\n"), ATTRIBUTES_LINE, top_shown);
    if (set_name)
      gloss_cli_print (_("Set merge.gloss.name in the repository’s configuration\n"));
    if (set_driver)
      gloss_cli_print (_("Set merge.gloss.driver to “%s” in the repository’s configuration\n"), DRIVER_COMMAND);
    if (!added && !set_name && !set_driver)
      gloss_cli_print (_("Nothing to do: git already merges annotation files in %s with gloss merge\n"), top_shown);
    else
      gloss_cli_print (_("Commit .gitattributes so that everyone’s clone uses it; each clone runs “gloss "
                         "git-setup” once for its own configuration\n"));
  }

  return GLOSS_EXIT_OK;
}
