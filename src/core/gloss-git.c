/* gloss-git.c
 *
 * Reading a corpus at a git revision without checking it out: which files
 * a revision has (`git ls-tree`) and their contents (one `git cat-file
 * --batch` for all of them). Git itself is run, never a shell, so that
 * whatever git the user has (and its configuration, alternates, packs)
 * reads the repository. Agreement and adjudication between branches use
 * it; nothing here knows GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-git.h"
#include "gloss-text.h"

struct _GlossGitTree
{
  gatomicrefcount ref_count;
  char       *revision;   /* as the user named it */
  char       *commit;     /* its commit's id */
  GPtrArray  *paths;      /* char *, ordered as git lists them (by path) */
  GHashTable *objects;    /* path -> object id */
};

struct _GlossGit
{
  GObject           parent_instance;

  GFile            *toplevel;
  char             *prefix;     /* the path opened, relative to toplevel */

  /* One `git cat-file --batch` for every blob read, started at the first;
   * a request and its answer are one turn under the lock */
  GMutex            mutex;
  GSubprocess      *batch;
  GOutputStream    *batch_in;
  GDataInputStream *batch_out;
};

G_DEFINE_FINAL_TYPE (GlossGit, gloss_git, G_TYPE_OBJECT)

/* --- Running git --------------------------------------------------------- */

static GSubprocessLauncher *
new_launcher (const char       *cwd,
              GSubprocessFlags  flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_cwd (launcher, cwd);
  /* Paths are paths, never patterns; git asks nobody for anything */
  g_subprocess_launcher_setenv (launcher, "GIT_LITERAL_PATHSPECS", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GIT_DIR");
  g_subprocess_launcher_unsetenv (launcher, "GIT_WORK_TREE");

  return launcher;
}

static void
set_spawn_error (GError       **error,
                 const GError  *spawn_error)
{
  if (g_error_matches (spawn_error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT,
                 _("Git is needed to read revisions, but the program “git” was not found: install git"));
  else
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT, _("Git could not be run: %s"), spawn_error->message);
}

static GSubprocess *
spawn (const char          *cwd,
       GSubprocessFlags     flags,
       const char * const  *argv,
       GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (cwd, flags);
  g_autoptr(GError) local_error = NULL;
  GSubprocess *process;

  process = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (process == NULL)
    set_spawn_error (error, local_error);

  return process;
}

/* What run_git() leaves in its @exit_status when git did not run to its end */
#define NOT_RUN (-1000)

/* Runs git in @cwd to its end. Returns its output, or %NULL with @error
 * set; a git that fails says why on its standard error, which goes into
 * @error, and its exit status into @exit_status */
static GBytes *
run_git (const char          *cwd,
         const char * const  *argv,
         int                 *exit_status,
         GCancellable        *cancellable,
         GError             **error)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  process = spawn (cwd, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, argv, error);
  if (process == NULL)
    return NULL;

  if (!g_subprocess_communicate (process, NULL, cancellable, &out, &err, error))
    return NULL;

  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (*exit_status != 0)
    {
      gsize length = 0;
      const char *text = err ? g_bytes_get_data (err, &length) : NULL;
      g_autofree char *message = g_strstrip (g_utf8_make_valid (text ? text : "", length));

      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT, _("Git failed: %s"), message);
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* --- The repository ------------------------------------------------------ */

static void
stop_batch (GlossGit *self)
{
  if (self->batch_in != NULL)
    g_output_stream_close (self->batch_in, NULL, NULL);
  g_clear_object (&self->batch_in);
  g_clear_object (&self->batch_out);
  if (self->batch != NULL)
    g_subprocess_force_exit (self->batch);
  g_clear_object (&self->batch);
}

static void
gloss_git_finalize (GObject *object)
{
  GlossGit *self = GLOSS_GIT (object);

  stop_batch (self);
  g_clear_object (&self->toplevel);
  g_clear_pointer (&self->prefix, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (gloss_git_parent_class)->finalize (object);
}

static void
gloss_git_class_init (GlossGitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_git_finalize;
}

static void
gloss_git_init (GlossGit *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * gloss_git_open:
 * @path: a folder or a file in a git work tree; it need not exist there
 *   (it may be at some revisions only)
 *
 * Finds the work tree @path is in.
 *
 * Returns: (transfer full): the repository, or %NULL with @error set:
 *   %G_IO_ERROR_INVALID_ARGUMENT when @path is in no work tree,
 *   %G_IO_ERROR_NOT_FOUND when its folder does not exist,
 *   %GLOSS_ERROR_GIT when git cannot be run
 */
GlossGit *
gloss_git_open (GFile         *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GlossGit) self = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "git", "rev-parse", "--show-toplevel", "--show-prefix", NULL };
  int status = NOT_RUN;

  g_return_val_if_fail (G_IS_FILE (path), NULL);

  /* The path may be at the revisions only (the branch checked out has no
   * annotators' folders): git is asked about the nearest folder that
   * exists, and the rest is added to its answer */
  dir = g_object_ref (path);
  while (dir != NULL && g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      GFile *parent = g_file_get_parent (dir);
      g_autofree char *base = g_file_get_basename (dir);

      if (parent == NULL)
        g_clear_object (&dir);
      else
        {
          char *joined = name ? g_strconcat (base, "/", name, NULL) : g_strdup (base);

          g_free (name);
          name = joined;
          g_object_unref (dir);
          dir = parent;
        }
    }

  dir_path = dir ? g_file_get_path (dir) : NULL;
  if (dir_path == NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: No such file or folder"), shown);
      return NULL;
    }

  out = run_git (dir_path, argv, &status, cancellable, &local_error);
  if (out == NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (path);

      /* Git did not run, or was cancelled: not a question of the folder */
      if (status == NOT_RUN)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("%s is not in a git work tree"), shown);
      return NULL;
    }

  lines = g_strsplit (g_bytes_get_data (out, NULL) ? (const char *)g_bytes_get_data (out, NULL) : "", "\n", -1);
  if (lines[0] == NULL || lines[0][0] == '\0')
    {
      g_autofree char *shown = g_file_get_parse_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("%s is not in a git work tree"), shown);
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_GIT, NULL);
  self->toplevel = g_file_new_for_path (lines[0]);
  self->prefix = g_strdup (lines[1] ? lines[1] : "");
  if (name != NULL)
    {
      char *joined = g_strconcat (self->prefix, name, NULL);

      g_free (self->prefix);
      self->prefix = joined;
    }
  else if (g_str_has_suffix (self->prefix, "/"))
    self->prefix[strlen (self->prefix) - 1] = '\0';

  return g_steal_pointer (&self);
}

/**
 * gloss_git_get_toplevel:
 *
 * Returns: (transfer none): the top folder of the work tree
 */
GFile *
gloss_git_get_toplevel (GlossGit *self)
{
  g_return_val_if_fail (GLOSS_IS_GIT (self), NULL);

  return self->toplevel;
}

/**
 * gloss_git_get_prefix:
 *
 * Returns: the path given to gloss_git_open(), relative to the top of the
 *   work tree, with `/` between folders: `""` for the top itself
 */
const char *
gloss_git_get_prefix (GlossGit *self)
{
  g_return_val_if_fail (GLOSS_IS_GIT (self), NULL);

  return self->prefix;
}

/**
 * gloss_git_get_file:
 * @path: a path relative to the top of the work tree
 *
 * Returns: (transfer full): where @path is in the work tree
 */
GFile *
gloss_git_get_file (GlossGit   *self,
                    const char *path)
{
  g_return_val_if_fail (GLOSS_IS_GIT (self), NULL);

  if (path == NULL || path[0] == '\0')
    return g_object_ref (self->toplevel);

  return g_file_resolve_relative_path (self->toplevel, path);
}

/* --- A revision's files -------------------------------------------------- */

/* The commit a revision names, or %NULL with @error set */
static char *
resolve (GlossGit      *self,
         const char    *revision,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autofree char *spec = g_strconcat (revision, "^{commit}", NULL);
  const char *argv[] = { "git", "rev-parse", "--verify", "--quiet", spec, NULL };
  g_autofree char *top = g_file_get_path (self->toplevel);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data;
  int status = NOT_RUN;

  /* An option is never taken for a revision */
  if (revision[0] == '\0' || revision[0] == '-' || strchr (revision, '\n') != NULL)
    out = NULL;
  else
    out = run_git (top, argv, &status, cancellable, &local_error);

  if (out == NULL)
    {
      g_autofree char *repository = g_file_get_parse_name (self->toplevel);

      if (local_error != NULL && status == NOT_RUN)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no revision “%s” (branch, tag or commit) in the repository %s"), revision, repository);
      return NULL;
    }

  data = g_bytes_get_data (out, &length);
  return g_strstrip (g_strndup (data, length));
}

/**
 * gloss_git_list:
 * @revision: a branch, tag or commit, as git understands it
 * @paths: (array zero-terminated=1) (nullable): paths relative to the top
 *   of the work tree: files, or folders for everything below them; %NULL
 *   or empty for the whole tree
 *
 * Lists the regular files (not links or submodules) @revision has at
 * @paths.
 *
 * Returns: (transfer full): the files, or %NULL with @error set:
 *   %G_IO_ERROR_NOT_FOUND when there is no such revision,
 *   %GLOSS_ERROR_GIT when git failed
 */
GlossGitTree *
gloss_git_list (GlossGit            *self,
                const char          *revision,
                const char * const  *paths,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GlossGitTree) tree = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *top = NULL;
  const char *data;
  gsize length = 0;
  gsize at = 0;
  int status = 0;

  g_return_val_if_fail (GLOSS_IS_GIT (self), NULL);
  g_return_val_if_fail (revision != NULL, NULL);

  commit = resolve (self, revision, cancellable, error);
  if (commit == NULL)
    return NULL;

  g_ptr_array_add (argv, (char *)"git");
  g_ptr_array_add (argv, (char *)"ls-tree");
  g_ptr_array_add (argv, (char *)"-r");
  g_ptr_array_add (argv, (char *)"-z");
  g_ptr_array_add (argv, (char *)"--full-tree");
  g_ptr_array_add (argv, commit);
  g_ptr_array_add (argv, (char *)"--");
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (paths[i][0] != '\0')
      g_ptr_array_add (argv, (char *)paths[i]);
  g_ptr_array_add (argv, NULL);

  top = g_file_get_path (self->toplevel);
  out = run_git (top, (const char * const *)argv->pdata, &status, cancellable, error);
  if (out == NULL)
    return NULL;

  tree = g_new0 (GlossGitTree, 1);
  g_atomic_ref_count_init (&tree->ref_count);
  tree->revision = g_strdup (revision);
  tree->commit = g_steal_pointer (&commit);
  tree->paths = g_ptr_array_new_with_free_func (g_free);
  tree->objects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* "MODE TYPE OBJECT\tPATH\0" */
  data = g_bytes_get_data (out, &length);
  while (at < length)
    {
      const char *record = data + at;
      const char *end = memchr (record, '\0', length - at);
      const char *tab;
      g_auto(GStrv) fields = NULL;
      g_autofree char *head = NULL;

      if (end == NULL)
        end = data + length;
      at = end - data + 1;

      tab = memchr (record, '\t', end - record);
      if (tab == NULL)
        continue;

      head = g_strndup (record, tab - record);
      fields = g_strsplit (head, " ", 3);
      if (g_strv_length (fields) != 3 || g_strcmp0 (fields[1], "blob") != 0 ||
          (g_strcmp0 (fields[0], "100644") != 0 && g_strcmp0 (fields[0], "100755") != 0))
        continue;

      g_ptr_array_add (tree->paths, g_strndup (tab + 1, end - tab - 1));
      g_hash_table_insert (tree->objects, g_ptr_array_index (tree->paths, tree->paths->len - 1),
                           g_strdup (fields[2]));
    }

  return g_steal_pointer (&tree);
}

const char *
gloss_git_tree_get_revision (const GlossGitTree *tree)
{
  return tree->revision;
}

const char *
gloss_git_tree_get_commit (const GlossGitTree *tree)
{
  return tree->commit;
}

guint
gloss_git_tree_get_n_files (const GlossGitTree *tree)
{
  return tree->paths->len;
}

const char *
gloss_git_tree_get_path (const GlossGitTree *tree,
                         guint               position)
{
  g_return_val_if_fail (position < tree->paths->len, NULL);

  return g_ptr_array_index (tree->paths, position);
}

/**
 * gloss_git_tree_lookup:
 *
 * Returns: (nullable): the object id of the file at @path, or %NULL when
 *   the revision has no such file
 */
const char *
gloss_git_tree_lookup (const GlossGitTree *tree,
                       const char         *path)
{
  return g_hash_table_lookup (tree->objects, path);
}

GlossGitTree *
gloss_git_tree_ref (GlossGitTree *tree)
{
  g_atomic_ref_count_inc (&tree->ref_count);

  return tree;
}

void
gloss_git_tree_unref (GlossGitTree *tree)
{
  if (tree == NULL || !g_atomic_ref_count_dec (&tree->ref_count))
    return;

  g_free (tree->revision);
  g_free (tree->commit);
  g_hash_table_unref (tree->objects);
  g_ptr_array_unref (tree->paths);
  g_free (tree);
}

/* --- Contents ------------------------------------------------------------ */

static gboolean
start_batch (GlossGit  *self,
             GError   **error)
{
  const char *argv[] = { "git", "cat-file", "--batch", NULL };
  g_autofree char *top = g_file_get_path (self->toplevel);

  self->batch = spawn (top, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv, error);
  if (self->batch == NULL)
    return FALSE;

  self->batch_in = g_object_ref (g_subprocess_get_stdin_pipe (self->batch));
  self->batch_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->batch));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (self->batch_out), 65536);

  return TRUE;
}

static GBytes *
read_blob_locked (GlossGit      *self,
                  const char    *object,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *request = g_strconcat (object, "\n", NULL);
  g_autofree char *header = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) fields = NULL;
  gsize length = 0;
  gsize n_read = 0;
  guint64 size;
  char newline;

  if (self->batch == NULL && !start_batch (self, error))
    return NULL;

  if (!g_output_stream_write_all (self->batch_in, request, strlen (request), NULL, cancellable, error) ||
      !g_output_stream_flush (self->batch_in, cancellable, error))
    return NULL;

  header = g_data_input_stream_read_line (self->batch_out, &length, cancellable, error);
  if (header == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT, _("Git stopped before it gave the contents of %s"), object);
      return NULL;
    }

  /* "OBJECT TYPE SIZE", or "OBJECT missing" */
  fields = g_strsplit (header, " ", 3);
  if (g_strv_length (fields) != 3 || g_strcmp0 (fields[1], "blob") != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT, _("The repository has no file %s"), object);
      return NULL;
    }

  size = g_ascii_strtoull (fields[2], NULL, 10);
  if (size > (guint64)GLOSS_TEXT_MAX_BYTES)
    {
      /* Not read: the process starts again for the next */
      stop_batch (self);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, which Gloss does not open"),
                   (int)(GLOSS_TEXT_MAX_BYTES >> 20));
      return NULL;
    }

  data = g_malloc (size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (self->batch_out), data, size, &n_read, cancellable, error) ||
      n_read != size ||
      !g_input_stream_read_all (G_INPUT_STREAM (self->batch_out), &newline, 1, &n_read, cancellable, error) ||
      n_read != 1)
    {
      stop_batch (self);
      if (error != NULL && *error == NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_GIT, _("Git stopped before it gave the contents of %s"), object);
      return NULL;
    }
  data[size] = '\0';

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/**
 * gloss_git_read_blob:
 * @object: an object id, from gloss_git_tree_lookup()
 *
 * Reads a file's contents from the repository. One git process answers
 * every call; calls from several threads take turns.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
gloss_git_read_blob (GlossGit      *self,
                     const char    *object,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (GLOSS_IS_GIT (self), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  g_mutex_lock (&self->mutex);
  bytes = read_blob_locked (self, object, cancellable, &local_error);
  /* A process that failed a read (cancelled half way) answers no more */
  if (bytes == NULL && !g_error_matches (local_error, GLOSS_ERROR, GLOSS_ERROR_GIT))
    stop_batch (self);
  g_mutex_unlock (&self->mutex);

  if (bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return bytes;
}

/**
 * gloss_git_list_branches:
 *
 * Returns: (transfer full): the local branches, by name
 */
GStrv
gloss_git_list_branches (GlossGit      *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  const char *argv[] = { "git", "for-each-ref", "--format=%(refname:short)", "refs/heads/", NULL };
  g_autofree char *top = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data;
  int status = 0;

  g_return_val_if_fail (GLOSS_IS_GIT (self), NULL);

  top = g_file_get_path (self->toplevel);
  out = run_git (top, argv, &status, cancellable, error);
  if (out == NULL)
    return NULL;

  data = g_bytes_get_data (out, &length);
  text = g_strndup (data, length);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_strv_builder_add (builder, lines[i]);

  return g_strv_builder_end (builder);
}
