/* gloss-file-writer.c
 *
 * The one way Gloss writes a file. A regular file (or a new one) is
 * written to a temporary file of Gloss's own beside it, flushed to disk,
 * and renamed over it; on any failure the temporary file goes and the old
 * file stays byte for byte as it was. GLib's g_file_replace() and
 * g_file_set_contents() are not used for this: when they cannot make
 * their temporary file they truncate and write the file in place, and
 * they replace a symbolic link or a device by a regular file.
 *
 * A symbolic link is written through: the file it names is replaced, the
 * link stays. A FIFO or a character device is written straight into when
 * the caller allows it (an export to /dev/stdout); anything else that is
 * not a regular file is refused. A file that nobody may write (no write
 * permission in its mode, even for root, as editors treat it) is never
 * replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sync_file_range () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-error.h"
#include "gloss-file-writer-private.h"

/* As the kernel's own limit on links followed in one path */
#define MAX_LINKS 40

/* A temporary file's name keeps this much of the target's name, so that it
 * stays within NAME_MAX */
#define MAX_NAME_KEPT 200

/* A temporary file left by a process that is gone is removed once it is
 * this old: a live writer on another machine (NFS) keeps changing its
 * file, so its age never reaches this */
#define STALE_AGE_SECONDS 60

/* How much of a temporary file is written before it is sent on towards
 * the disk */
#define SEND_AHEAD_BYTES (1 * 1024 * 1024)

typedef enum
{
  STATE_OPEN,       /* being written */
  STATE_PREPARED,   /* written, flushed and closed; not in place yet */
  STATE_INSTALLED,  /* renamed over the target; the old one may be kept */
  STATE_DONE,
  STATE_FAILED,
  STATE_DISCARDED,
} State;

struct _GlossFileWriter
{
  GOutputStream      parent_instance;

  GFile             *file;          /* as given */
  char              *display_name;
  char              *target;        /* the file replaced: links followed */
  char              *temp;          /* NULL when written straight */
  char              *old;           /* the replaced file, kept aside */
  int                fd;
  State              state;
  GError            *error;         /* the first failure */
  GlossFileIdentity  identity;      /* of the file written, once in place */
  guint64            temp_inode;
  guint64            written;       /* bytes, and of those already sent towards the disk */
  guint64            sent;
  guint              existed : 1;
  guint              straight : 1;
  guint              old_moved : 1; /* the old file was renamed, not linked */
  guint              has_identity : 1;
  guint              commit_requested : 1;
};

G_DEFINE_FINAL_TYPE (GlossFileWriter, gloss_file_writer, G_TYPE_OUTPUT_STREAM)

static char *
dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_filename_display_name (path) : g_file_get_parse_name (file);
}

static void
fill_identity (GlossFileIdentity *identity,
               const struct stat *st)
{
  identity->device = st->st_dev;
  identity->inode = st->st_ino;
  identity->size = st->st_size;
  identity->mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
  identity->ctime_ns = (gint64)st->st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_ctim.tv_nsec;
}

/**
 * gloss_file_identity_query:
 * @identity: (out): filled when the file is there
 *
 * Returns: %TRUE if @file (links followed) is a regular file, with
 *   @identity set
 */
gboolean
gloss_file_identity_query (GFile             *file,
                           GlossFileIdentity *identity)
{
  const char *path = g_file_peek_path (file);
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (identity != NULL, FALSE);

  if (path == NULL || stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  fill_identity (identity, &st);

  return TRUE;
}

gboolean
gloss_file_identity_equal (const GlossFileIdentity *a,
                           const GlossFileIdentity *b)
{
  return a->device == b->device && a->inode == b->inode && a->size == b->size &&
         a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns;
}

/* Errors ------------------------------------------------------------------ */

static void
set_write_error (GError     **error,
                 int          errsv,
                 const char  *display_name,
                 gboolean     existed,
                 gboolean     straight)
{
  if (straight)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _("Could not write to “%s”: %s"), display_name, g_strerror (errsv));
  else if (existed)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _("Could not write “%s”: %s. The file on disk was left as it was."),
                 display_name, g_strerror (errsv));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                 _("Could not write “%s”: %s. No file was created."), display_name, g_strerror (errsv));
}

static void
set_not_regular_error (GError     **error,
                       const char  *display_name,
                       mode_t       mode)
{
  if (S_ISDIR (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder; Gloss writes only files"), display_name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file; Gloss does not write into it"), display_name);
}

/* No write permission in the mode makes a file read-only even for root,
 * who may write anything: editors treat it so, and a user who took the
 * permission away meant it */
static gboolean
check_mode (const char         *display_name,
            const char         *path,
            const struct stat  *st,
            GError            **error)
{
  if ((st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("“%s” is read-only: its permissions let nobody write it. Gloss does not replace it."),
                   display_name);
      return FALSE;
    }

  if (access (path, W_OK) != 0)
    {
      if (errno == EACCES || errno == EPERM)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                       _("“%s” is read-only: you may not write it. Gloss does not replace it."),
                       display_name);
          return FALSE;
        }
      if (errno == EROFS)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                       _("“%s” is read-only: it is on a read-only file system. Gloss does not replace it."),
                       display_name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Follows symbolic links to the file they name, so that a link stays a
 * link and the file it names is replaced. A link that names nothing yet
 * gives the path of the file to create. */
static char *
resolve_links (const char *path,
               int        *errsv)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      char target[4096];
      struct stat st;
      ssize_t n;

      if (lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          *errsv = errno;
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      n = readlink (current, target, sizeof target - 1);
      if (n < 0 || (gsize)n >= sizeof target - 1)
        {
          *errsv = n < 0 ? errno : ENAMETOOLONG;
          return NULL;
        }
      target[n] = '\0';

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_strdup (target);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }

  *errsv = ELOOP;

  return NULL;
}

/* Temporary and kept-aside files: `.NAME.gloss-tmp-PID-XXXXXX` and
 * `.NAME.gloss-old-PID-XXXXXX` */
static char *
dup_own_prefix (const char *base)
{
  gsize kept = MIN (strlen (base), MAX_NAME_KEPT);

  return g_strdup_printf (".%.*s.gloss-", (int)kept, base);
}

static gboolean
process_is_gone (const char *pid_text)
{
  guint64 pid;
  char *end;

  pid = g_ascii_strtoull (pid_text, &end, 10);
  if (end == pid_text || *end != '-' || pid == 0 || pid > G_MAXINT)
    return FALSE;

  if ((pid_t)pid == getpid ())
    return FALSE;

  return kill ((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Removes what a process killed while writing this target left behind
 * (kill -9, a crash, a power cut): only Gloss's own names for this target,
 * only when the process that made one is gone and the file has not
 * changed for a while. Once per target and process: a window saving every
 * second does not read its folder every second. */
static void
remove_stale (const char *target)
{
  static GMutex lock;
  static GHashTable *done;
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) folder = NULL;
  gboolean target_exists;
  gint64 now;
  const char *name;

  g_mutex_lock (&lock);
  if (done == NULL)
    done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (done, g_strdup (target)))
    {
      g_mutex_unlock (&lock);
      return;
    }
  g_mutex_unlock (&lock);

  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return;

  prefix = dup_own_prefix (base);
  target_exists = g_file_test (target, G_FILE_TEST_EXISTS);
  now = g_get_real_time () / G_USEC_PER_SEC;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      const char *rest;
      struct stat st;
      gboolean old;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      old = g_str_has_prefix (rest, "old-");
      if (!old && !g_str_has_prefix (rest, "tmp-"))
        continue;

      /* A file kept aside while its target is missing may be the only
       * copy left: it stays */
      if ((old && !target_exists) || !process_is_gone (rest + 4))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || now - st.st_mtime < STALE_AGE_SECONDS)
        continue;

      g_unlink (path);
    }
}

/* The stream --------------------------------------------------------------- */

static gboolean
close_fd (GlossFileWriter *self)
{
  int fd = self->fd;

  self->fd = -1;
  if (fd < 0)
    return TRUE;

  /* On Linux the descriptor is gone even when close () fails, so it is
   * never retried; a failure is still a failure of the write */
  return close (fd) == 0 || errno == EINTR;
}

static void
discard (GlossFileWriter *self)
{
  close_fd (self);
  if (self->temp != NULL)
    g_unlink (self->temp);
  if (self->state == STATE_OPEN || self->state == STATE_PREPARED)
    self->state = STATE_DISCARDED;
}

/* Any failure: the temporary file goes at once, so that a full disk gets
 * its space back and nothing of Gloss's stays behind */
static gboolean
fail (GlossFileWriter  *self,
      int               errsv,
      GError          **error)
{
  if (self->error == NULL)
    set_write_error (&self->error, errsv, self->display_name, self->existed, self->straight);
  discard (self);
  self->state = STATE_FAILED;

  if (error != NULL)
    *error = g_error_copy (self->error);

  return FALSE;
}

static gssize
gloss_file_writer_write_fn (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  GlossFileWriter *self = GLOSS_FILE_WRITER (stream);

  if (self->state != STATE_OPEN)
    {
      if (self->error != NULL)
        *error = g_error_copy (self->error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("Could not write “%s”: it is closed"),
                     self->display_name);
      return -1;
    }

  for (;;)
    {
      gssize n = write (self->fd, buffer, MIN (count, (gsize)G_MAXSSIZE));

      if (n > 0 || count == 0)
        {
          self->written += MAX (n, 0);
#if HAVE_SYNC_FILE_RANGE
          /* A temporary file is flushed before it is put in place: the
           * writes so far start their way to the disk now, while the
           * caller makes the next ones. (Only a start: the fsync () of
           * _gloss_file_writer_prepare () still waits for all, and says
           * what failed.) */
          if (!self->straight && self->written - self->sent >= SEND_AHEAD_BYTES)
            {
              sync_file_range (self->fd, self->sent, self->written - self->sent, SYNC_FILE_RANGE_WRITE);
              self->sent = self->written;
            }
#endif
          return n;
        }

      /* write () of a regular file returns 0 only when nothing fits */
      if (n == 0)
        errno = ENOSPC;
      else if (errno == EINTR)
        continue;

      fail (self, errno, error);
      return -1;
    }
}

/**
 * _gloss_file_writer_prepare:
 *
 * Flushes what was written to disk and closes it, without putting it in
 * place yet.
 */
gboolean
_gloss_file_writer_prepare (GlossFileWriter  *self,
                            GError          **error)
{
  struct stat st;

  g_return_val_if_fail (self->state == STATE_OPEN || self->state == STATE_FAILED, FALSE);

  if (self->state == STATE_FAILED)
    return fail (self, 0, error);

  if (!self->straight)
    {
      while (fsync (self->fd) != 0)
        if (errno != EINTR)
          return fail (self, errno, error);

      if (fstat (self->fd, &st) != 0)
        return fail (self, errno, error);
      self->temp_inode = st.st_ino;
    }

  if (!close_fd (self))
    return fail (self, errno, error);

  self->state = STATE_PREPARED;

  return TRUE;
}

static char *
dup_old_name (const char *temp)
{
  g_autofree char *dir = g_path_get_dirname (temp);
  g_autofree char *base = g_path_get_basename (temp);
  char *tmp = g_strrstr (base, ".gloss-tmp-");

  g_assert (tmp != NULL);
  memcpy (tmp, ".gloss-old-", strlen (".gloss-old-"));

  return g_build_filename (dir, base, NULL);
}

/**
 * _gloss_file_writer_install:
 * @keep_old: keep the replaced file aside, for _gloss_file_writer_restore()
 *
 * Renames the prepared temporary file over the target.
 */
gboolean
_gloss_file_writer_install (GlossFileWriter  *self,
                            gboolean          keep_old,
                            GError          **error)
{
  struct stat st;

  g_return_val_if_fail (self->state == STATE_PREPARED, FALSE);

  if (self->straight)
    {
      self->state = STATE_INSTALLED;
      return TRUE;
    }

  if (keep_old && self->existed)
    {
      /* Whatever took the file's place meanwhile is not moved aside */
      if (lstat (self->target, &st) == 0 && !S_ISREG (st.st_mode))
        return fail (self, S_ISDIR (st.st_mode) ? EISDIR : EEXIST, error);

      self->old = dup_old_name (self->temp);

      /* A hard link keeps the old file in place until the rename replaces
       * it; where links are not possible (FAT, some network file
       * systems) it is moved aside for the moment of the rename */
      if (link (self->target, self->old) != 0)
        {
          if (errno == EEXIST || rename (self->target, self->old) != 0)
            {
              int errsv = errno;

              g_clear_pointer (&self->old, g_free);
              return fail (self, errsv, error);
            }
          self->old_moved = TRUE;
        }
    }

  if (rename (self->temp, self->target) != 0)
    {
      int errsv = errno;

      if (self->old_moved)
        rename (self->old, self->target);
      else if (self->old != NULL)
        g_unlink (self->old);
      g_clear_pointer (&self->old, g_free);

      return fail (self, errsv, error);
    }

  g_clear_pointer (&self->temp, g_free);
  self->state = STATE_INSTALLED;

  /* What is on disk now, if it is still the file written: a file put in
   * its place at once by someone else must not pass for Gloss's */
  if (lstat (self->target, &st) == 0 && st.st_ino == self->temp_inode)
    {
      fill_identity (&self->identity, &st);
      self->has_identity = TRUE;
    }

  return TRUE;
}

/**
 * _gloss_file_writer_restore:
 *
 * Undoes _gloss_file_writer_install(): puts the old file back, or removes
 * the new one where there was none.
 */
gboolean
_gloss_file_writer_restore (GlossFileWriter  *self,
                            GError          **error)
{
  struct stat st;

  if (self->state != STATE_INSTALLED || self->straight)
    return TRUE;

  self->state = STATE_DISCARDED;
  self->has_identity = FALSE;

  if (self->old != NULL)
    {
      if (rename (self->old, self->target) != 0)
        {
          int errsv = errno;
          g_autofree char *old_name = g_filename_display_basename (self->old);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not put back the earlier “%s” (%s); it is kept as “%s” beside it"),
                       self->display_name, g_strerror (errsv), old_name);
          g_clear_pointer (&self->old, g_free);
          return FALSE;
        }
      g_clear_pointer (&self->old, g_free);
      return TRUE;
    }

  if (lstat (self->target, &st) == 0 && st.st_ino == self->temp_inode)
    g_unlink (self->target);

  return TRUE;
}

void
_gloss_file_writer_drop_old (GlossFileWriter *self)
{
  if (self->old != NULL)
    g_unlink (self->old);
  g_clear_pointer (&self->old, g_free);
}

/* Makes the rename itself durable. Not every file system can flush a
 * folder, and the new file is in place either way, so a failure here is
 * no failure of the write. */
void
_gloss_file_writer_sync_folder (GlossFileWriter *self)
{
  g_autofree char *dir = NULL;
  int fd;

  if (self->straight || self->target == NULL)
    return;

  dir = g_path_get_dirname (self->target);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  while (fsync (fd) != 0 && errno == EINTR)
    ;
  close (fd);
}

const char *
_gloss_file_writer_get_target (GlossFileWriter *self)
{
  return self->target;
}

const char *
_gloss_file_writer_get_display_name (GlossFileWriter *self)
{
  return self->display_name;
}

gboolean
_gloss_file_writer_get_existed (GlossFileWriter *self)
{
  return self->existed;
}

static gboolean
gloss_file_writer_close_fn (GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error)
{
  GlossFileWriter *self = GLOSS_FILE_WRITER (stream);

  if (self->state == STATE_FAILED)
    {
      if (self->commit_requested && error != NULL)
        *error = g_error_copy (self->error);
      return !self->commit_requested;
    }

  if (self->state != STATE_OPEN && self->state != STATE_PREPARED)
    return TRUE;

  if (!self->commit_requested)
    {
      discard (self);
      return TRUE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      discard (self);
      return FALSE;
    }

  if (self->state == STATE_OPEN && !_gloss_file_writer_prepare (self, error))
    return FALSE;

  if (!_gloss_file_writer_install (self, FALSE, error))
    return FALSE;

  _gloss_file_writer_sync_folder (self);
  self->state = STATE_DONE;

  return TRUE;
}

static void
gloss_file_writer_finalize (GObject *object)
{
  GlossFileWriter *self = GLOSS_FILE_WRITER (object);

  /* The stream was closed by dispose, which discards an unfinished file */
  g_assert (self->fd < 0);

  g_clear_object (&self->file);
  g_free (self->display_name);
  g_free (self->target);
  g_free (self->temp);
  g_free (self->old);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (gloss_file_writer_parent_class)->finalize (object);
}

static void
gloss_file_writer_class_init (GlossFileWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = gloss_file_writer_finalize;
  stream_class->write_fn = gloss_file_writer_write_fn;
  stream_class->close_fn = gloss_file_writer_close_fn;
}

static void
gloss_file_writer_init (GlossFileWriter *self)
{
  self->fd = -1;
}

static gboolean
open_straight (GlossFileWriter  *self,
               const char       *path,
               GError          **error)
{
  self->straight = TRUE;
  self->target = g_strdup (path);

  do
    self->fd = open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  while (self->fd < 0 && errno == EINTR);

  if (self->fd < 0)
    return fail (self, errno, error);

  return TRUE;
}

static gboolean
open_temp (GlossFileWriter    *self,
           const struct stat  *replaced,
           GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (self->target);
  g_autofree char *base = g_path_get_basename (self->target);
  g_autofree char *prefix = dup_own_prefix (base);
  g_autofree char *name = g_strdup_printf ("%stmp-%d-XXXXXX", prefix, (int)getpid ());

  remove_stale (self->target);

  self->temp = g_build_filename (dir, name, NULL);
  self->fd = g_mkstemp_full (self->temp, O_WRONLY | O_CLOEXEC, replaced != NULL ? 0600 : 0644);
  if (self->fd < 0)
    {
      int errsv = errno;

      g_clear_pointer (&self->temp, g_free);
      return fail (self, errsv, error);
    }

  if (replaced != NULL)
    {
      /* The replacement keeps the owner where it may (root, or a group
       * of one's own) and always the permissions */
      if (replaced->st_uid != geteuid () || replaced->st_gid != getegid ())
        {
          if (fchown (self->fd, replaced->st_uid, replaced->st_gid) != 0 &&
              replaced->st_gid != getegid () &&
              fchown (self->fd, (uid_t)-1, replaced->st_gid) != 0)
            g_debug ("Could not keep the owner of %s: %s", self->display_name, g_strerror (errno));
        }
      if (fchmod (self->fd, replaced->st_mode & 07777) != 0)
        return fail (self, errno, error);
    }

  return TRUE;
}

/**
 * gloss_file_writer_new:
 * @file: the file to write
 *
 * Opens @file for writing: a temporary file beside it (beside the file a
 * symbolic link names), or, with %GLOSS_FILE_WRITER_STREAMS, a FIFO or a
 * character device itself. Write into the stream, then
 * gloss_file_writer_commit(). Closing the stream without a commit, or
 * dropping it, or any failure, removes the temporary file and leaves
 * @file as it was.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set, naming
 *   the file
 */
GlossFileWriter *
gloss_file_writer_new (GFile                *file,
                       GlossFileWriterFlags  flags,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(GlossFileWriter) self = NULL;
  struct stat given, st;
  gboolean given_exists;
  const char *path;
  int errsv = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_object_new (GLOSS_TYPE_FILE_WRITER, NULL);
  self->file = g_object_ref (file);
  self->display_name = dup_display_name (file);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on a local file system; Gloss writes only local files"), self->display_name);
      return NULL;
    }

  given_exists = stat (path, &given) == 0;
  if (!given_exists && errno != ENOENT)
    {
      fail (self, errno, error);
      return NULL;
    }

  if (given_exists && (S_ISFIFO (given.st_mode) || S_ISCHR (given.st_mode)) &&
      (flags & GLOSS_FILE_WRITER_STREAMS) != 0)
    return open_straight (self, path, error) ? g_steal_pointer (&self) : NULL;

  if (given_exists && !S_ISREG (given.st_mode))
    {
      set_not_regular_error (error, self->display_name, given.st_mode);
      return NULL;
    }

  self->target = resolve_links (path, &errsv);
  if (self->target == NULL)
    {
      fail (self, errsv, error);
      return NULL;
    }

  if (lstat (self->target, &st) == 0)
    {
      /* The file the links lead to must be the one the path opens: not so
       * for /proc's links to what has no name (a deleted file) */
      if (!S_ISREG (st.st_mode) || !given_exists || st.st_dev != given.st_dev || st.st_ino != given.st_ino)
        {
          set_not_regular_error (error, self->display_name, S_ISDIR (st.st_mode) ? st.st_mode : S_IFSOCK);
          return NULL;
        }
      if (!check_mode (self->display_name, self->target, &st, error))
        return NULL;
      self->existed = TRUE;
    }
  else if (errno != ENOENT)
    {
      fail (self, errno, error);
      return NULL;
    }

  if (!open_temp (self, self->existed ? &st : NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * gloss_file_writer_commit:
 *
 * Puts what was written in place of the file: flushed to disk, renamed
 * over the old file, the folder flushed. On failure the old file is as it
 * was and @error says so, naming the file.
 */
gboolean
gloss_file_writer_commit (GlossFileWriter  *self,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (!g_output_stream_is_closed (G_OUTPUT_STREAM (self)), FALSE);

  self->commit_requested = TRUE;

  return g_output_stream_close (G_OUTPUT_STREAM (self), cancellable, error);
}

/**
 * gloss_file_writer_abort:
 *
 * Drops what was written; the file stays as it was.
 */
void
gloss_file_writer_abort (GlossFileWriter *self)
{
  g_return_if_fail (GLOSS_IS_FILE_WRITER (self));

  self->commit_requested = FALSE;
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (self)))
    g_output_stream_close (G_OUTPUT_STREAM (self), NULL, NULL);
}

GFile *
gloss_file_writer_get_file (GlossFileWriter *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_WRITER (self), NULL);

  return self->file;
}

/**
 * gloss_file_writer_get_is_straight:
 *
 * Returns: %TRUE if the writer writes straight into a FIFO or a device,
 *   which no failure can leave as it was
 */
gboolean
gloss_file_writer_get_is_straight (GlossFileWriter *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_WRITER (self), FALSE);

  return self->straight;
}

/**
 * gloss_file_writer_get_identity:
 *
 * Returns: (nullable): the identity of the file written, once committed;
 *   %NULL if something else took its place at once
 */
const GlossFileIdentity *
gloss_file_writer_get_identity (GlossFileWriter *self)
{
  g_return_val_if_fail (GLOSS_IS_FILE_WRITER (self), NULL);

  return self->has_identity ? &self->identity : NULL;
}

/**
 * gloss_file_check_replaceable:
 *
 * Fails with %GLOSS_ERROR_READ_ONLY, and a message that names the file and
 * says why, when @file (links followed) is there but may not be written:
 * Gloss then never replaces it. A missing file passes.
 */
gboolean
gloss_file_check_replaceable (GFile   *file,
                              GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *display_name = NULL;
  const char *path;
  struct stat st;
  int errsv = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_peek_path (file);
  if (path == NULL)
    return TRUE;

  target = resolve_links (path, &errsv);
  if (target == NULL || stat (target, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  display_name = dup_display_name (file);

  return check_mode (display_name, target, &st, error);
}

/**
 * gloss_file_write:
 *
 * Writes @data as the whole of @file, atomically, as
 * gloss_file_writer_new() describes.
 */
gboolean
gloss_file_write (GFile                *file,
                  const void           *data,
                  gsize                 length,
                  GlossFileWriterFlags  flags,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr(GlossFileWriter) writer = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  writer = gloss_file_writer_new (file, flags, cancellable, error);
  if (writer == NULL)
    return FALSE;

  if (length > 0 && !g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, length, NULL, cancellable, error))
    return FALSE;

  return gloss_file_writer_commit (writer, cancellable, error);
}

typedef struct
{
  GBytes               *bytes;
  GlossFileWriterFlags  flags;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;
  gsize length;
  const void *contents = g_bytes_get_data (data->bytes, &length);

  if (!gloss_file_write (source_object, contents, length, data->flags, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_file_write_bytes_async:
 *
 * gloss_file_write() in a worker thread.
 */
void
gloss_file_write_bytes_async (GFile                *file,
                              GBytes               *bytes,
                              GlossFileWriterFlags  flags,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (WriteData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->flags = flags;

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_file_write_bytes_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
gloss_file_write_bytes_finish (GFile         *file,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
