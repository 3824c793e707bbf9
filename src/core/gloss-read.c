/* gloss-read.c
 *
 * Reading a user's file whole. Only a regular file is read: a named pipe
 * would block the reader for ever (nobody writes to it), a device may
 * never end, and a folder or socket is no text. The type is checked on
 * the opened file itself, so the file cannot be swapped for a pipe in
 * between, and the open cannot block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-error.h"
#include "gloss-read.h"

/* Read in pieces, so that a cancellation is seen within one piece */
#define CHUNK_SIZE (16 * 1024 * 1024)

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/**
 * gloss_read_describe_mode:
 * @mode: a `st_mode`
 *
 * Returns: what kind of file @mode is, in words, for messages
 */
const char *
gloss_read_describe_mode (guint32 mode)
{
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode))
    return _("a character device");
  if (S_ISBLK (mode))
    return _("a block device");
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISREG (mode))
    return _("a regular file");

  return _("a special file");
}

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename ? g_filename_display_name (basename) : g_file_get_uri (file);
}

static gboolean
check_regular (GFile    *file,
               guint32   mode,
               GError  **error)
{
  g_autofree char *name = NULL;

  if (S_ISREG (mode))
    return TRUE;

  name = dup_display_basename (file);
  g_set_error (error, G_IO_ERROR, S_ISDIR (mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
               _("“%s” is not a regular file (it is %s)"), name, gloss_read_describe_mode (mode));
  return FALSE;
}

static gboolean
check_size (goffset   size,
            goffset   max_bytes,
            GError  **error)
{
  g_autofree char *formatted = NULL;
  g_autofree char *max = NULL;

  if (max_bytes <= 0 || size <= max_bytes)
    return TRUE;

  formatted = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  max = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("The file is %s; Gloss opens texts of up to %s"), formatted, max);
  return FALSE;
}

static void
set_errno_error (GFile    *file,
                 int       errsv,
                 GError  **error)
{
  g_autofree char *name = dup_display_basename (file);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("“%s” cannot be read: %s"), name, g_strerror (errsv));
}

/* read (), again when a signal interrupts it */
static gssize
read_some (int    fd,
           char  *buffer,
           gsize  count)
{
  gssize r;

  do
    r = read (fd, buffer, count);
  while (r < 0 && errno == EINTR);

  return r;
}

static gboolean
read_fd (int            fd,
         GFile         *file,
         goffset        size_hint,
         goffset        max_bytes,
         GCancellable  *cancellable,
         char         **contents,
         gsize         *length,
         GError       **error)
{
  g_autofree char *buffer = NULL;
  gsize allocated = (gsize)MAX (size_hint, 0) + 1;
  gsize n = 0;

  buffer = g_malloc (allocated);

  for (;;)
    {
      gssize r;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (n + 1 < allocated)
        r = read_some (fd, buffer + n, MIN (allocated - 1 - n, CHUNK_SIZE));
      else
        {
          char probe;

          /* Full as the size said: one byte more tells the end from a
           * file that grew, without doubling the buffer for nothing */
          r = read_some (fd, &probe, 1);
          if (r > 0)
            {
              if (!check_size (n + 1, max_bytes, error))
                return FALSE;
              allocated = MAX (allocated * 2, 4096);
              buffer = g_realloc (buffer, allocated);
              buffer[n] = probe;
            }
        }

      if (r < 0)
        {
          set_errno_error (file, errno, error);
          return FALSE;
        }

      if (r == 0)
        break;
      n += r;
    }

  if (!check_size (n, max_bytes, error))
    return FALSE;

  buffer[n] = '\0';
  *contents = g_steal_pointer (&buffer);
  if (length != NULL)
    *length = n;

  return TRUE;
}

/* A file that is no local path (a GVfs location) is queried first: GIO
 * reads it without a way to check the opened file */
static gboolean
read_other (GFile         *file,
            goffset        max_bytes,
            GCancellable  *cancellable,
            char         **contents,
            gsize         *length,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        mode = S_IFDIR;
      else if (S_ISREG (mode))
        mode = 0;
      return check_regular (file, mode, error);
    }

  if (!check_size (g_file_info_get_size (info), max_bytes, error))
    return FALSE;

  return g_file_load_contents (file, cancellable, contents, length, NULL, error);
}

/**
 * gloss_read_file:
 * @file: the file to read
 * @max_bytes: the largest size read, or 0 for any
 * @contents: (out) (transfer full): the bytes, with a NUL after them
 * @length: (out) (optional): how many bytes
 *
 * Reads @file whole, if it is a regular file (or a link to one). Anything
 * else fails at once with %G_IO_ERROR_NOT_REGULAR_FILE (or
 * %G_IO_ERROR_IS_DIRECTORY) and a message naming the file and what it is;
 * a missing file with %G_IO_ERROR_NOT_FOUND; a file larger than
 * @max_bytes with %GLOSS_ERROR_TOO_LARGE, before it is read.
 *
 * Returns: %TRUE on success
 */
gboolean
gloss_read_file (GFile         *file,
                 goffset        max_bytes,
                 GCancellable  *cancellable,
                 char         **contents,
                 gsize         *length,
                 GError       **error)
{
  g_autofree char *path = NULL;
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  *contents = NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    return read_other (file, max_bytes, cancellable, contents, length, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Looked at before it is opened, so that no device is ever opened;
   * and again once open, for a file swapped in between */
  if (g_stat (path, &st) == 0 && !check_regular (file, st.st_mode, error))
    return FALSE;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (file, errno, error);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (file, errno, error);
      g_close (fd, NULL);
      return FALSE;
    }

  ok = check_regular (file, st.st_mode, error) &&
       check_size (st.st_size, max_bytes, error) &&
       read_fd (fd, file, st.st_size, max_bytes, cancellable, contents, length, error);
  g_close (fd, NULL);

  return ok;
}
