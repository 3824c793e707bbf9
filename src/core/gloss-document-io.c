/* gloss-document-io.c
 *
 * GlossDocument and its files: loading the text and the annotation file
 * beside it (in a worker thread too), saving atomically, and the stamp of
 * the annotation file as last read or written, by which a save refuses
 * to write over a change someone else made. The model itself is in
 * gloss-document.c; both share gloss-document-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-file-writer.h"
#include "gloss-format.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-read.h"
#include "gloss-sha256.h"
#include "gloss-text.h"

static GlossDiskStamp query_stamp   (GFile      *file);
static void           hash_contents (const void *data,
                                     gsize       length,
                                     guint8      hash[32]);

/**
 * gloss_document_dup_annotation_file_for:
 *
 * Returns: (transfer full): the file beside @text_file that holds its
 *   annotations: `article.txt` -> `article.txt.gloss.json`
 */
GFile *
gloss_document_dup_annotation_file_for (GFile *text_file)
{
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (G_IS_FILE (text_file), NULL);

  path = g_file_get_path (text_file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (text_file);
      g_autofree char *json_uri = g_strconcat (uri, ".gloss.json", NULL);

      return g_file_new_for_uri (json_uri);
    }

  json = g_strconcat (path, ".gloss.json", NULL);

  return g_file_new_for_path (json);
}

/**
 * gloss_document_load:
 * @file: the text file
 * @language: (nullable): the language for a text without annotations yet;
 *   %NULL to guess
 *
 * Reads the text and, if there is one, the annotation file beside it, or
 * else splits the text into sentences. The labels come from the
 * `gloss-project.json` of the folder, or the annotation file, or the
 * defaults.
 *
 * A document whose annotation file has problems still loads, with what
 * could be read, but is read-only: gloss_document_get_problems() lists the
 * problems, and saving it fails, so the file is never overwritten.
 *
 * Returns: (transfer full): the document, or %NULL with @error set when the
 *   text or the annotation file cannot be read at all
 */
GlossDocument *
gloss_document_load (GFile         *file,
                     const char    *language,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return gloss_document_load_encoded (file, language, NULL, cancellable, error);
}

/* @encoding: forced; else UTF-8, or the encoding the annotation file
 * records, or @fallback, for a text that is not UTF-8 */
static GlossText *
load_text (GFile         *file,
           const char    *encoding,
           const char    *fallback,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GError) local_error = NULL;
  char *data = NULL;
  gsize length = 0;

  json_file = gloss_document_dup_annotation_file_for (file);

  text = gloss_text_load_encoded (file, encoding, cancellable, &local_error);
  if (text == NULL && encoding == NULL && gloss_text_error_is_encoding (local_error))
    {
      g_autofree char *recorded = NULL;

      if (gloss_read_file (json_file, 0, cancellable, &data, &length, NULL))
        recorded = gloss_format_dup_encoding (data, length);
      g_clear_pointer (&data, g_free);

      if (recorded != NULL && gloss_text_encoding_is_supported (recorded))
        encoding = recorded;
      else if (fallback != NULL && g_ascii_strcasecmp (fallback, "utf-8") != 0)
        encoding = fallback;

      if (encoding != NULL)
        {
          g_clear_error (&local_error);
          text = gloss_text_load_encoded (file, encoding, cancellable, &local_error);
        }
    }

  if (text == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&text);
}

static GlossDocument *load_for_text (GFile              *file,
                                     GlossText          *text,
                                     const char         *language,
                                     GlossProjectCache  *projects,
                                     gboolean            to_read,
                                     GCancellable       *cancellable,
                                     GError            **error);

/* @projects, @to_read: see _gloss_document_load_to_read() */
static GlossDocument *
load_document (GFile              *file,
               const char         *language,
               const char         *encoding,
               const char         *fallback,
               GlossProjectCache  *projects,
               gboolean            to_read,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GlossText) text = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  text = load_text (file, encoding, fallback, cancellable, error);
  if (text == NULL)
    return NULL;

  return load_for_text (file, text, language, projects, to_read, cancellable, error);
}

/**
 * gloss_document_load_text:
 * @encoding: (nullable): as for gloss_document_load_encoded()
 *
 * The first half of gloss_document_load_encoded(): reads the text alone,
 * in the encoding its annotation file records if it is not UTF-8. A
 * window can show the text while gloss_document_load_for_text() reads
 * the rest.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
GlossText *
gloss_document_load_text (GFile         *file,
                          const char    *encoding,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_text (file, encoding, NULL, cancellable, error);
}

/**
 * gloss_document_load_for_text:
 * @file: the text file
 * @text: its text, from gloss_document_load_text()
 * @language: (nullable): as for gloss_document_load()
 *
 * The second half of gloss_document_load_encoded(): reads the annotation
 * file beside @file, or splits @text into sentences.
 *
 * Returns: (transfer full): the document, or %NULL with @error set when
 *   the annotation file cannot be read at all
 */
GlossDocument *
gloss_document_load_for_text (GFile         *file,
                              GlossText     *text,
                              const char    *language,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (GLOSS_IS_TEXT (text), NULL);

  return load_for_text (file, text, language, NULL, FALSE, cancellable, error);
}

/**
 * _gloss_document_load_to_read:
 * @fallback: (nullable): as for gloss_document_load_fallback()
 * @projects: where the projects of folders are found once for many
 *   documents
 *
 * Loads a document that is only read, as an export reads each: like
 * gloss_document_load_fallback(), without what only a save needs. The
 * annotation file is neither hashed nor its identity taken, so a save of
 * this document refuses to replace that file (it cannot know it is
 * unchanged), and whether it may be written is not asked.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GlossDocument *
_gloss_document_load_to_read (GFile              *file,
                              const char         *fallback,
                              GlossProjectCache  *projects,
                              GCancellable       *cancellable,
                              GError            **error)
{
  return load_document (file, NULL, NULL, fallback, projects, TRUE, cancellable, error);
}

/* The labels of the project a revision's file is in: the nearest
 * gloss-project.json of the revision in its folder or one above */
static GlossLabelSet *
load_revision_project (GlossGit           *git,
                       const GlossGitTree *tree,
                       const char         *path,
                       GPtrArray          *problems,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  for (;;)
    {
      g_autofree char *candidate = NULL;
      const char *object;
      char *parent;

      if (strcmp (dir, ".") == 0 || strcmp (dir, "/") == 0)
        candidate = g_strdup (GLOSS_PROJECT_FILE_NAME);
      else
        candidate = g_build_path ("/", dir, GLOSS_PROJECT_FILE_NAME, NULL);

      object = gloss_git_tree_lookup (tree, candidate);
      if (object != NULL)
        {
          g_autoptr(GBytes) bytes = gloss_git_read_blob (git, object, cancellable, error);
          g_autofree char *name = NULL;
          gsize length = 0;
          const char *data;

          if (bytes == NULL)
            return NULL;

          name = g_strdup_printf ("%s:%s", gloss_git_tree_get_revision (tree), candidate);
          data = g_bytes_get_data (bytes, &length);
          return gloss_project_parse_labels (data, length, name, problems);
        }

      if (strcmp (dir, ".") == 0 || strcmp (dir, "/") == 0)
        return NULL;

      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
}

/**
 * _gloss_document_load_from_revision:
 * @git: the repository
 * @tree: the files of a revision, with @path and the files around it
 *   (its annotation file, the project files of its folder and those above)
 * @path: a text of @tree, relative to the top of the work tree
 * @texts: (nullable): object id -> #GlossText, the texts read before;
 *   a text read here is added, so the same text at several revisions is
 *   read and hashed once
 *
 * Loads a document as a revision has it, without checking it out: the
 * text and its annotation file are read from the repository, and checked
 * as any other. The document is only read (as _gloss_document_load_to_read()
 * loads it): its file is the work tree's, which a save refuses to replace.
 * Problems name the file as git does, `REVISION:PATH`.
 *
 * Returns: (transfer full): the document, or %NULL with @error set when
 *   git could not read it or the text is not one Gloss reads
 */
GlossDocument *
_gloss_document_load_from_revision (GlossGit           *git,
                                    const GlossGitTree *tree,
                                    const char         *path,
                                    GHashTable         *texts,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autoptr(GlossLabelSet) project_labels = NULL;
  g_autoptr(GPtrArray) project_problems = gloss_problems_new ();
  g_autoptr(GlossDocument) self = NULL;
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *where = NULL;
  g_autofree char *reason = NULL;
  const char *text_object;
  const char *json_object;
  const char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (GLOSS_IS_GIT (git), NULL);
  g_return_val_if_fail (tree != NULL && path != NULL, NULL);

  text_object = gloss_git_tree_lookup (tree, path);
  g_return_val_if_fail (text_object != NULL, NULL);

  json_path = g_strconcat (path, ".gloss.json", NULL);
  json_object = gloss_git_tree_lookup (tree, json_path);
  if (json_object != NULL)
    {
      json = gloss_git_read_blob (git, json_object, cancellable, error);
      if (json == NULL)
        return NULL;
      data = g_bytes_get_data (json, &length);
    }

  if (texts != NULL && (text = g_hash_table_lookup (texts, text_object)) != NULL)
    g_object_ref (text);
  else
    {
      g_autoptr(GBytes) bytes = gloss_git_read_blob (git, text_object, cancellable, error);
      g_autofree char *recorded = NULL;

      if (bytes == NULL)
        return NULL;

      text = gloss_text_new_from_bytes (bytes, &local_error);
      if (text == NULL && gloss_text_error_is_encoding (local_error) && data != NULL &&
          (recorded = gloss_format_dup_encoding (data, length)) != NULL &&
          gloss_text_encoding_is_supported (recorded))
        {
          g_clear_error (&local_error);
          text = gloss_text_new_from_bytes_encoded (bytes, recorded, &local_error);
        }
      if (text == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:%s: ",
                                      gloss_git_tree_get_revision (tree), path);
          return NULL;
        }
      if (texts != NULL)
        g_hash_table_insert (texts, g_strdup (text_object), g_object_ref (text));
    }

  project_labels = load_revision_project (git, tree, path, project_problems, cancellable, error);
  if (project_labels == NULL && error != NULL && *error != NULL)
    return NULL;

  if (json != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      GPtrArray *problems;

      self = gloss_format_parse (text, name, data, length, NULL, project_labels);
      where = g_strdup_printf ("%s:%s", gloss_git_tree_get_revision (tree), json_path);
      problems = gloss_document_get_problems (self);
      for (guint i = 0; i < problems->len; i++)
        {
          GlossProblem *problem = g_ptr_array_index (problems, i);

          if (problem->file == NULL)
            problem->file = g_strdup (where);
        }
    }
  else
    self = gloss_document_new (text, NULL, project_labels);

  file = gloss_git_get_file (git, path);
  _gloss_document_set_file (self, file);
  _gloss_document_add_problems (self, project_problems);
  memset (&self->disk, 0, sizeof self->disk);
  self->disk.known = TRUE;
  self->disk.exists = TRUE;
  reason = g_strdup_printf (_("Read from the revision “%s”"), gloss_git_tree_get_revision (tree));
  _gloss_document_set_read_only_reason (self, reason);

  return g_steal_pointer (&self);
}

/* @to_read: the document is only read; see _gloss_document_load_to_read() */
static GlossDocument *
load_for_text (GFile              *file,
               GlossText          *text,
               const char         *language,
               GlossProjectCache  *projects,
               gboolean            to_read,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GlossLabelSet) project_labels = NULL;
  g_autoptr(GPtrArray) project_problems = gloss_problems_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) read_only = NULL;
  g_autoptr(GlossDocument) self = NULL;
  GlossDiskStamp stamp;
  char *data = NULL;
  gsize length = 0;

  json_file = gloss_document_dup_annotation_file_for (file);

  dir = g_file_get_parent (file);
  if (dir != NULL && projects != NULL)
    project_labels = gloss_project_cache_load_labels_for (projects, dir, project_problems, cancellable);
  else if (dir != NULL)
    project_labels = gloss_project_load_labels_for (dir, project_problems, cancellable);

  /* Taken before the read: a change in between makes a later save refuse,
   * never write over it. A document only read records a file that exists
   * and that it cannot recognise, which a save refuses to replace. */
  if (to_read)
    {
      memset (&stamp, 0, sizeof stamp);
      stamp.known = TRUE;
      stamp.exists = TRUE;
    }
  else
    stamp = query_stamp (json_file);
  if (!gloss_read_file (json_file, 0, cancellable, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* Said apart from a text that cannot be read; the message names
       * the annotation file */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_UNREADABLE_ANNOTATIONS, local_error->message);
          return NULL;
        }

      stamp.exists = FALSE;
      self = gloss_document_new (text, language, project_labels);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      if (!to_read)
        {
          hash_contents (data, length, stamp.hash);
          stamp.has_hash = TRUE;
        }
      self = gloss_format_parse (text, name, data, length, language, project_labels);
      g_free (data);
    }

  _gloss_document_set_file (self, file);
  _gloss_document_add_problems (self, project_problems);
  self->disk = stamp;

  /* What is only read (exported, compared, adjudicated) is not used while
   * a merge's clashes wait in it: they are its problems then */
  if (to_read && gloss_document_get_n_conflicts (self) > 0)
    {
      g_autoptr(GPtrArray) conflicts = gloss_document_dup_conflict_problems (self);

      _gloss_document_add_problems (self, conflicts);
    }

  /* A file nobody may write opens read-only, with the reason, and is
   * never replaced: "Save Elsewhere" still writes the annotations */
  if (stamp.exists && !to_read && !gloss_file_check_replaceable (json_file, &read_only))
    _gloss_document_set_read_only_reason (self, read_only->message);

  return g_steal_pointer (&self);
}

/**
 * gloss_document_load_encoded:
 * @encoding: (nullable): the text file's encoding; %NULL for UTF-8, or
 *   what its annotation file records
 *
 * Like gloss_document_load(), for a text in an older encoding (see
 * gloss_text_new_from_bytes_encoded()). A text opened so once is read so
 * again, because its annotation file records the encoding.
 */
GlossDocument *
gloss_document_load_encoded (GFile         *file,
                             const char    *language,
                             const char    *encoding,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return load_document (file, language, encoding, NULL, NULL, FALSE, cancellable, error);
}

/**
 * gloss_document_load_fallback:
 * @fallback: (nullable): the encoding of a text that is not valid UTF-8
 *   and whose annotation file records none: "windows-1252" or
 *   "iso-8859-1"; %NULL or "utf-8" refuses such a text
 *
 * Like gloss_document_load(), and a text that is not UTF-8 is read in
 * @fallback: a folder may hold both, and a UTF-8 text read as
 * Windows-1252 would turn every non-ASCII character into two or three
 * wrong ones.
 */
GlossDocument *
gloss_document_load_fallback (GFile         *file,
                              const char    *language,
                              const char    *fallback,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return load_document (file, language, NULL, fallback, NULL, FALSE, cancellable, error);
}

typedef struct
{
  GFile *file;
  char  *language;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->language);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GlossDocument *document;
  GError *error = NULL;

  document = gloss_document_load (data->file, data->language, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * gloss_document_load_async:
 *
 * Loads the document in a worker thread, as gloss_document_load() does.
 */
void
gloss_document_load_async (GFile               *file,
                           const char          *language,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->language = g_strdup (language);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);
}

GlossDocument *
gloss_document_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GlossDiskStamp
query_stamp (GFile *file)
{
  GlossDiskStamp stamp = { 0 };

  stamp.known = TRUE;
  /* Only a regular file can be someone else's newer version: a missing
   * file is written anew, and something else in its place makes the
   * write itself fail with its own reason */
  stamp.exists = gloss_file_identity_query (file, &stamp.identity);
  stamp.has_identity = stamp.exists;

  return stamp;
}

static void
hash_contents (const void *data,
               gsize       length,
               guint8      hash[32])
{
  gloss_sha256_compute (data, length, hash);
}

static void
set_changed_error (GFile   *json_file,
                   GError **error)
{
  g_autofree char *base = g_file_get_basename (json_file);
  g_autofree char *name = g_filename_display_name (base);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed on disk by someone else since Gloss read it; "
                 "Gloss does not write over that change"), name);
}

/* Fails when the file on disk is a regular file that is not the one this
 * document last read or wrote. The same identity (inode, size, times to
 * the nanosecond) means the same file; another identity may still hold
 * the same bytes (a `touch`, a copy back), so then the contents decide.
 * @updated, if given, is set to the new record in that case. */
static gboolean
check_unchanged (GFile            *json_file,
                 const GlossDiskStamp  *expected,
                 GlossDiskStamp        *updated,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autofree char *data = NULL;
  GlossDiskStamp now;
  gsize length;

  if (updated != NULL)
    updated->known = FALSE;

  if (!expected->known)
    return TRUE;

  now = query_stamp (json_file);
  if (!now.exists)
    return TRUE;

  if (!expected->exists)
    {
      set_changed_error (json_file, error);
      return FALSE;
    }

  if (expected->has_identity && gloss_file_identity_equal (&expected->identity, &now.identity))
    return TRUE;

  if (!expected->has_hash)
    {
      set_changed_error (json_file, error);
      return FALSE;
    }

  /* Never blocks: a pipe swapped in since the look is refused */
  if (!gloss_read_file (json_file, 0, cancellable, &data, &length, error))
    return FALSE;

  hash_contents (data, length, now.hash);
  now.has_hash = TRUE;
  if (memcmp (now.hash, expected->hash, sizeof now.hash) != 0)
    {
      set_changed_error (json_file, error);
      return FALSE;
    }

  if (updated != NULL)
    *updated = now;

  return TRUE;
}

static gboolean
check_writable (GlossDocument  *self,
                GError        **error)
{
  if (self->file == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("The document has no file to save to"));
      return FALSE;
    }

  if (gloss_document_get_read_only (self))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                           gloss_document_get_read_only_reason (self));
      return FALSE;
    }

  return TRUE;
}

/* Through the one atomic path of Gloss (GlossFileWriter): after a crash
 * at any moment the file is the old or the new one, never a part. On
 * success, @written records the file as written. */
static gboolean
write_bytes (GFile         *json_file,
             GBytes        *bytes,
             GlossDiskStamp     *written,
             GError       **error)
{
  g_autoptr(GlossFileWriter) writer = NULL;
  const GlossFileIdentity *identity;
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  writer = gloss_file_writer_new (json_file, GLOSS_FILE_WRITER_NONE, NULL, error);
  if (writer == NULL ||
      (length > 0 && !g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, length, NULL, NULL, error)) ||
      !gloss_file_writer_commit (writer, NULL, error))
    return FALSE;

  /* Without the identity (someone replaced the file at once), the next
   * save compares contents */
  memset (written, 0, sizeof *written);
  written->known = TRUE;
  written->exists = TRUE;
  identity = gloss_file_writer_get_identity (writer);
  if (identity != NULL)
    {
      written->identity = *identity;
      written->has_identity = TRUE;
    }
  hash_contents (data, length, written->hash);
  written->has_hash = TRUE;

  return TRUE;
}

/* A write of ours changed the file: a check of the disk under way may
 * have compared our bytes with the file as it was before */
static void
set_disk_written (GlossDocument   *self,
                  const GlossDiskStamp *written)
{
  self->disk = *written;
  self->disk_generation++;
}

/**
 * gloss_document_save:
 *
 * Writes the annotation file beside the text, atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
gloss_document_save (GlossDocument  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossDiskStamp written;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  json_file = gloss_document_dup_annotation_file (self);
  bytes = gloss_format_serialize (self);

  /* A save once begun is finished, cancelled or not: the write is short,
   * and the last changes of a window that closes are in it */
  if (!check_unchanged (json_file, &self->disk, NULL, NULL, error) ||
      !write_bytes (json_file, bytes, &written, error))
    return FALSE;

  set_disk_written (self, &written);

  return TRUE;
}

typedef struct
{
  GFile               *file;
  GlossFormatSnapshot *snapshot;
  GlossDiskStamp            expected;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  gloss_format_snapshot_free (data->snapshot);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = gloss_format_snapshot_serialize (data->snapshot);
  g_autofree GlossDiskStamp *written = g_new0 (GlossDiskStamp, 1);
  GError *error = NULL;

  /* Not cancelled half-way, as gloss_document_save() */
  if (!check_unchanged (data->file, &data->expected, NULL, NULL, &error) ||
      !write_bytes (data->file, bytes, written, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&written), g_free);
}

static void restart_waiting_checks (GlossDocument *self);

/* On the main thread, whether or not anyone calls
 * gloss_document_save_finish(): the document knows at once what it wrote */
static void
on_save_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autofree GlossDiskStamp *written = NULL;
  GError *error = NULL;

  written = g_task_propagate_pointer (G_TASK (result), &error);
  g_assert (self->saves_running > 0);
  self->saves_running--;
  if (written != NULL)
    set_disk_written (self, written);
  restart_waiting_checks (self);

  if (written == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_document_save_async:
 *
 * Takes a snapshot of the document as it is now (references only, no
 * copying) and writes it out in a worker thread, atomically.
 */
void
gloss_document_save_async (GlossDocument       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_save_async);

  if (!check_writable (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = gloss_document_dup_annotation_file (self);
  data->snapshot = gloss_format_snapshot (self);
  data->expected = self->disk;

  /* The write is not cancelled half-way, and what it wrote is recorded
   * even when the caller has given up on it */
  write = g_task_new (self, NULL, on_save_written_cb, g_steal_pointer (&task));
  g_task_set_source_tag (write, gloss_document_save_async);
  g_task_set_task_data (write, data, (GDestroyNotify)save_data_free);
  self->saves_running++;
  g_task_run_in_thread (write, save_thread);
}

gboolean
gloss_document_save_finish (GlossDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GFile *
gloss_document_get_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * gloss_document_dup_annotation_file:
 *
 * Returns: (transfer full) (nullable): the `.gloss.json` beside the text
 */
GFile *
gloss_document_dup_annotation_file (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return NULL;

  return gloss_document_dup_annotation_file_for (self->file);
}

/**
 * gloss_document_check_disk:
 *
 * Asks whether the annotation file on disk is still the one this document
 * last read or wrote, by its contents: a file rewritten with the same
 * bytes, or touched, is unchanged; one rewritten with other bytes of the
 * same size and its time put back is changed. A file that is not there
 * (any more) counts as unchanged: a save writes it anew. Call it on the
 * main thread, not while a save of the document is running.
 *
 * Returns: %TRUE if unchanged; %FALSE with %GLOSS_ERROR_CHANGED_ON_DISK
 *   if someone else changed it, or another error if it cannot be read
 */
gboolean
gloss_document_check_disk (GlossDocument  *self,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GFile) json_file = NULL;
  GlossDiskStamp updated;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL)
    return TRUE;

  json_file = gloss_document_dup_annotation_file (self);
  if (!check_unchanged (json_file, &self->disk, &updated, cancellable, error))
    return FALSE;

  if (updated.known)
    self->disk = updated;

  return TRUE;
}

typedef struct
{
  GFile     *file;
  GlossDiskStamp  expected;
  GlossDiskStamp  updated;
  guint      generation;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;

  if (!check_unchanged (data->file, &data->expected, &data->updated, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_check (GTask *task);

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A write of ours landed while the file was looked at, or is landing:
   * the bytes compared may have been ours. Look again after it. */
  if (self->disk_generation != data->generation || self->saves_running > 0)
    {
      start_check (g_steal_pointer (&task));
      return;
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->updated.known)
    self->disk = data->updated;
  g_task_return_boolean (task, TRUE);
}

/* Takes @task */
static void
start_check (GTask *task)
{
  GlossDocument *self = g_task_get_source_object (task);
  g_autoptr(GTask) check = NULL;
  CheckData *data;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (self->saves_running > 0)
    {
      if (self->waiting_checks == NULL)
        self->waiting_checks = g_ptr_array_new ();
      g_ptr_array_add (self->waiting_checks, task);
      return;
    }

  data = g_new0 (CheckData, 1);
  data->file = gloss_document_dup_annotation_file (self);
  data->expected = self->disk;
  data->generation = self->disk_generation;

  check = g_task_new (self, g_task_get_cancellable (task), on_checked_cb, task);
  g_task_set_source_tag (check, start_check);
  g_task_set_task_data (check, data, (GDestroyNotify)check_data_free);
  g_task_run_in_thread (check, check_thread);
}

static void
restart_waiting_checks (GlossDocument *self)
{
  g_autoptr(GPtrArray) waiting = NULL;

  if (self->saves_running > 0 || self->waiting_checks == NULL)
    return;

  waiting = g_steal_pointer (&self->waiting_checks);
  for (guint i = 0; i < waiting->len; i++)
    start_check (g_ptr_array_index (waiting, i));
}

/**
 * gloss_document_check_disk_async:
 *
 * Asks what gloss_document_check_disk() asks, reading the file in a
 * worker thread. It may run while the document is being saved: a check
 * that meets a write of this document's own looks again after it, so the
 * answer is never about bytes this document wrote itself.
 */
void
gloss_document_check_disk_async (GlossDocument       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_document_check_disk_async);

  if (self->file == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  start_check (task);
}

/**
 * gloss_document_check_disk_finish:
 *
 * Returns: %TRUE if the annotation file is unchanged; %FALSE with
 *   %GLOSS_ERROR_CHANGED_ON_DISK if someone else changed it, or another
 *   error if it cannot be read
 */
gboolean
gloss_document_check_disk_finish (GlossDocument  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A document that replaces @from for the same file (re-anchored) expects
 * the annotation file as @from last read or wrote it: a change someone
 * else made since is still not written over. */
void
_gloss_document_copy_disk (GlossDocument *self,
                           GlossDocument *from)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (from));

  self->disk = from->disk;
  self->disk_generation++;
}

/**
 * _gloss_document_set_disk_sha256:
 * @sha256: (nullable): the SHA-256 of the annotation file as this
 *   document's work was made against, as `sha256sum` prints it; %NULL for
 *   no file
 *
 * For a document built from elsewhere (unsaved work kept in a recovery):
 * its first save refuses to replace any other annotation file.
 */
void
_gloss_document_set_disk_sha256 (GlossDocument *self,
                                 const char    *sha256)
{
  GlossDiskStamp stamp = { 0 };

  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  /* A hash that is not one (a damaged recovery) matches no file */
  stamp.known = TRUE;
  stamp.exists = sha256 != NULL;
  stamp.has_hash = sha256 != NULL && strlen (sha256) == 2 * sizeof stamp.hash;
  for (guint i = 0; stamp.has_hash && i < sizeof stamp.hash; i++)
    {
      int high = g_ascii_xdigit_value (sha256[2 * i]);
      int low = g_ascii_xdigit_value (sha256[2 * i + 1]);

      stamp.has_hash = high >= 0 && low >= 0;
      stamp.hash[i] = (guint8)(high << 4 | low);
    }

  self->disk = stamp;
  self->disk_generation++;
}
