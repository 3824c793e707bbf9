/* gloss-file-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * GlossFileWriterFlags:
 * @GLOSS_FILE_WRITER_NONE: only regular files (or a new file) are written
 * @GLOSS_FILE_WRITER_STREAMS: a FIFO or a character device (`/dev/null`,
 *   `/dev/stdout` on a pipe or a terminal) is written straight into, as
 *   an export's output may be
 */
typedef enum
{
  GLOSS_FILE_WRITER_NONE    = 0,
  GLOSS_FILE_WRITER_STREAMS = 1 << 0,
} GlossFileWriterFlags;

/**
 * GlossFileIdentity:
 * @device: the file system's device
 * @inode: the file's inode
 * @size: its size in bytes
 * @mtime_ns: its modification time, in nanoseconds
 * @ctime_ns: its status change time, in nanoseconds: any write or
 *   rename changes it, and nobody can set it back
 *
 * Which file is on disk, and whether it may have changed: two reads of a
 * file give the same identity only if nobody wrote it in between (or did
 * so within the same tick of the file system's clock, which is why
 * GlossDocument compares contents too).
 */
typedef struct
{
  guint64 device;
  guint64 inode;
  guint64 size;
  gint64  mtime_ns;
  gint64  ctime_ns;
} GlossFileIdentity;

gboolean gloss_file_identity_query (GFile                   *file,
                                    GlossFileIdentity       *identity);
gboolean gloss_file_identity_equal (const GlossFileIdentity *a,
                                    const GlossFileIdentity *b);

#define GLOSS_TYPE_FILE_WRITER (gloss_file_writer_get_type ())

G_DECLARE_FINAL_TYPE (GlossFileWriter, gloss_file_writer, GLOSS, FILE_WRITER, GOutputStream)

GlossFileWriter *gloss_file_writer_new          (GFile                *file,
                                                 GlossFileWriterFlags  flags,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean         gloss_file_writer_commit       (GlossFileWriter      *self,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             gloss_file_writer_abort        (GlossFileWriter      *self);
GFile           *gloss_file_writer_get_file     (GlossFileWriter      *self);
gboolean         gloss_file_writer_get_is_straight (GlossFileWriter   *self);
const GlossFileIdentity *gloss_file_writer_get_identity (GlossFileWriter *self);

gboolean         gloss_file_check_replaceable   (GFile                *file,
                                                 GError              **error);

gboolean         gloss_file_write               (GFile                *file,
                                                 const void           *data,
                                                 gsize                 length,
                                                 GlossFileWriterFlags  flags,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             gloss_file_write_bytes_async   (GFile                *file,
                                                 GBytes               *bytes,
                                                 GlossFileWriterFlags  flags,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         gloss_file_write_bytes_finish  (GFile                *file,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
