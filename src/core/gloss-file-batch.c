/* gloss-file-batch.c
 *
 * Several files that are written together or not at all: an import's
 * texts and annotation files, a brat folder. Each file is written in full
 * to a temporary file beside it and flushed (GlossFileWriter) before the
 * first one replaces anything; then all are renamed into place, the files
 * they replace kept aside until the last rename succeeded. If anything
 * fails, every file replaced is put back, every new file and folder goes,
 * and the folder is as the batch found it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gloss-file-batch.h"
#include "gloss-file-writer-private.h"

struct _GlossFileBatch
{
  GObject    parent_instance;

  GPtrArray *writers;       /* GlossFileWriter, prepared, in order */
  GPtrArray *folders;       /* paths of the folders the batch made */
  gboolean   finished;      /* committed or aborted */
};

G_DEFINE_FINAL_TYPE (GlossFileBatch, gloss_file_batch, G_TYPE_OBJECT)

static void
gloss_file_batch_dispose (GObject *object)
{
  GlossFileBatch *self = GLOSS_FILE_BATCH (object);

  if (!self->finished)
    gloss_file_batch_abort (self);

  G_OBJECT_CLASS (gloss_file_batch_parent_class)->dispose (object);
}

static void
gloss_file_batch_finalize (GObject *object)
{
  GlossFileBatch *self = GLOSS_FILE_BATCH (object);

  g_ptr_array_unref (self->writers);
  g_ptr_array_unref (self->folders);

  G_OBJECT_CLASS (gloss_file_batch_parent_class)->finalize (object);
}

static void
gloss_file_batch_class_init (GlossFileBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_file_batch_dispose;
  object_class->finalize = gloss_file_batch_finalize;
}

static void
gloss_file_batch_init (GlossFileBatch *self)
{
  self->writers = g_ptr_array_new_with_free_func (g_object_unref);
  self->folders = g_ptr_array_new_with_free_func (g_free);
}

GlossFileBatch *
gloss_file_batch_new (void)
{
  return g_object_new (GLOSS_TYPE_FILE_BATCH, NULL);
}

static gboolean
make_folder (GlossFileBatch  *self,
             const char      *path,
             GError         **error)
{
  g_autofree char *parent = NULL;
  struct stat st;

  if (stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return TRUE;

      {
        g_autofree char *name = g_filename_display_name (path);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                     _("“%s” is not a folder; Gloss writes into a folder there"), name);
        return FALSE;
      }
    }

  parent = g_path_get_dirname (path);
  if (g_strcmp0 (parent, path) != 0 && !make_folder (self, parent, error))
    return FALSE;

  if (g_mkdir (path, 0777) != 0 && errno != EEXIST)
    {
      int errsv = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not make the folder “%s”: %s. Nothing was written."), name, g_strerror (errsv));
      return FALSE;
    }

  g_ptr_array_add (self->folders, g_strdup (path));

  return TRUE;
}

/**
 * gloss_file_batch_make_folder:
 *
 * Makes @folder and the folders above it that are missing; an abort
 * removes them again.
 */
gboolean
gloss_file_batch_make_folder (GlossFileBatch  *self,
                              GFile           *folder,
                              GCancellable    *cancellable,
                              GError         **error)
{
  const char *path;

  g_return_val_if_fail (GLOSS_IS_FILE_BATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      gloss_file_batch_abort (self);
      return FALSE;
    }

  path = g_file_peek_path (folder);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on a local file system; Gloss writes only local files"), name);
      gloss_file_batch_abort (self);
      return FALSE;
    }

  if (!make_folder (self, path, error))
    {
      gloss_file_batch_abort (self);
      return FALSE;
    }

  return TRUE;
}

/* One file's failure stands for the batch: say that the others are as
 * they were too */
static void
note_others (GlossFileBatch  *self,
             GError         **error)
{
  gboolean existed = FALSE;
  char *message;

  if (error == NULL || *error == NULL || self->writers->len == 0 ||
      g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (guint i = 0; i < self->writers->len; i++)
    existed |= _gloss_file_writer_get_existed (g_ptr_array_index (self->writers, i));

  message = g_strdup_printf ("%s %s", (*error)->message,
                             existed ? _("The other files were left as they were, too.")
                                     : _("No other file was created either."));
  g_free ((*error)->message);
  (*error)->message = message;
}

/**
 * gloss_file_batch_add:
 *
 * Writes @data for @file into a temporary file beside it, and flushes it
 * to disk; @file itself is replaced only by gloss_file_batch_commit().
 * The folder of @file is made if it is missing. On failure the whole
 * batch is dropped.
 */
gboolean
gloss_file_batch_add (GlossFileBatch  *self,
                      GFile           *file,
                      const void      *data,
                      gsize            length,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GlossFileWriter) writer = NULL;

  g_return_val_if_fail (GLOSS_IS_FILE_BATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  parent = g_file_get_parent (file);
  if (parent != NULL && !gloss_file_batch_make_folder (self, parent, cancellable, error))
    return FALSE;

  writer = gloss_file_writer_new (file, GLOSS_FILE_WRITER_NONE, cancellable, error);
  if (writer == NULL ||
      (length > 0 && !g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, length, NULL, cancellable, error)) ||
      !_gloss_file_writer_prepare (writer, error))
    {
      g_clear_object (&writer);
      note_others (self, error);
      gloss_file_batch_abort (self);
      return FALSE;
    }

  g_ptr_array_add (self->writers, g_steal_pointer (&writer));

  return TRUE;
}

static void
remove_folders (GlossFileBatch *self)
{
  for (guint i = self->folders->len; i > 0; i--)
    g_rmdir (g_ptr_array_index (self->folders, i - 1));
  g_ptr_array_set_size (self->folders, 0);
}

/**
 * gloss_file_batch_commit:
 *
 * Puts every file in place. If one cannot be, those already replaced are
 * put back, and @error names the file that failed.
 */
gboolean
gloss_file_batch_commit (GlossFileBatch  *self,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GHashTable) synced = NULL;
  GError *local_error = NULL;
  guint installed = 0;

  g_return_val_if_fail (GLOSS_IS_FILE_BATCH (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      gloss_file_batch_abort (self);
      return FALSE;
    }

  for (; installed < self->writers->len; installed++)
    if (!_gloss_file_writer_install (g_ptr_array_index (self->writers, installed), TRUE, &local_error))
      break;

  if (local_error != NULL)
    {
      g_autoptr(GString) message = g_string_new (local_error->message);

      /* Backwards, so that a file written twice gets its first version
       * back */
      for (guint i = installed; i > 0; i--)
        {
          g_autoptr(GError) restore_error = NULL;

          if (!_gloss_file_writer_restore (g_ptr_array_index (self->writers, i - 1), &restore_error))
            g_string_append_printf (message, " %s.", restore_error->message);
        }

      g_free (local_error->message);
      local_error->message = g_string_free (g_steal_pointer (&message), FALSE);
      if (self->writers->len > 1)
        note_others (self, &local_error);
      g_propagate_error (error, local_error);
      gloss_file_batch_abort (self);
      return FALSE;
    }

  synced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->writers->len; i++)
    {
      GlossFileWriter *writer = g_ptr_array_index (self->writers, i);
      char *dir = g_path_get_dirname (_gloss_file_writer_get_target (writer));

      if (g_hash_table_add (synced, dir))
        _gloss_file_writer_sync_folder (writer);
    }

  for (guint i = 0; i < self->writers->len; i++)
    _gloss_file_writer_drop_old (g_ptr_array_index (self->writers, i));

  self->finished = TRUE;
  g_ptr_array_set_size (self->writers, 0);
  g_ptr_array_set_size (self->folders, 0);

  return TRUE;
}

/**
 * gloss_file_batch_abort:
 *
 * Drops every file written so far and the folders made for them; nothing
 * was replaced yet.
 */
void
gloss_file_batch_abort (GlossFileBatch *self)
{
  g_return_if_fail (GLOSS_IS_FILE_BATCH (self));

  self->finished = TRUE;
  /* Dropping a prepared writer removes its temporary file */
  g_ptr_array_set_size (self->writers, 0);
  remove_folders (self);
}

/**
 * gloss_file_batch_get_n_files:
 *
 * Returns: how many files are waiting for the commit
 */
guint
gloss_file_batch_get_n_files (GlossFileBatch *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_BATCH (self), 0);

  return self->writers->len;
}
