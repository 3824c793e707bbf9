/* gloss-file-batch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_FILE_BATCH (gloss_file_batch_get_type ())

G_DECLARE_FINAL_TYPE (GlossFileBatch, gloss_file_batch, GLOSS, FILE_BATCH, GObject)

GlossFileBatch *gloss_file_batch_new          (void);
gboolean        gloss_file_batch_make_folder  (GlossFileBatch  *self,
                                               GFile           *folder,
                                               GCancellable    *cancellable,
                                               GError         **error);
gboolean        gloss_file_batch_add          (GlossFileBatch  *self,
                                               GFile           *file,
                                               const void      *data,
                                               gsize            length,
                                               GCancellable    *cancellable,
                                               GError         **error);
gboolean        gloss_file_batch_commit       (GlossFileBatch  *self,
                                               GCancellable    *cancellable,
                                               GError         **error);
void            gloss_file_batch_abort        (GlossFileBatch  *self);
guint           gloss_file_batch_get_n_files  (GlossFileBatch  *self);

G_END_DECLS
