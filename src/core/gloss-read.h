/* gloss-read.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean    gloss_read_file           (GFile         *file,
                                       goffset        max_bytes,
                                       GCancellable  *cancellable,
                                       char         **contents,
                                       gsize         *length,
                                       GError       **error);
const char *gloss_read_describe_mode  (guint32        mode);

G_END_DECLS
