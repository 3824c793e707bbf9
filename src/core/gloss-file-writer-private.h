/* gloss-file-writer-private.h
 *
 * The steps of a commit, apart, for GlossFileBatch: every file of a batch
 * is written and flushed before the first one replaces anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-file-writer.h"

G_BEGIN_DECLS

gboolean    _gloss_file_writer_prepare       (GlossFileWriter  *self,
                                              GError          **error);
gboolean    _gloss_file_writer_install       (GlossFileWriter  *self,
                                              gboolean          keep_old,
                                              GError          **error);
gboolean    _gloss_file_writer_restore       (GlossFileWriter  *self,
                                              GError          **error);
void        _gloss_file_writer_drop_old      (GlossFileWriter  *self);
void        _gloss_file_writer_sync_folder   (GlossFileWriter  *self);
const char *_gloss_file_writer_get_target    (GlossFileWriter  *self);
const char *_gloss_file_writer_get_display_name (GlossFileWriter *self);
gboolean    _gloss_file_writer_get_existed   (GlossFileWriter  *self);

G_END_DECLS
