/* gloss-stdout-stream.c
 *
 * stdout as a GOutputStream, without gio-unix: the exporter writes to any
 * stream, and `gloss export` without -o must stream too, so that a large
 * corpus is not held in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-stdout-stream.h"

struct _GlossStdoutStream
{
  GOutputStream parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossStdoutStream, gloss_stdout_stream, G_TYPE_OUTPUT_STREAM)

static gssize
gloss_stdout_stream_write_fn (GOutputStream  *stream,
                              const void     *buffer,
                              gsize           count,
                              GCancellable   *cancellable,
                              GError        **error)
{
  if (fwrite (buffer, 1, count, stdout) != count)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Writing to the standard output failed"));
      return -1;
    }

  return count;
}

static gboolean
gloss_stdout_stream_flush (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  if (fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Writing to the standard output failed"));
      return FALSE;
    }

  return TRUE;
}

static void
gloss_stdout_stream_class_init (GlossStdoutStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = gloss_stdout_stream_write_fn;
  stream_class->flush = gloss_stdout_stream_flush;
}

static void
gloss_stdout_stream_init (GlossStdoutStream *self)
{
}

/**
 * gloss_stdout_stream_new:
 *
 * Returns: (transfer full): a stream that writes to stdout; closing it
 *   flushes stdout and leaves it open
 */
GOutputStream *
gloss_stdout_stream_new (void)
{
  return g_object_new (GLOSS_TYPE_STDOUT_STREAM, NULL);
}
