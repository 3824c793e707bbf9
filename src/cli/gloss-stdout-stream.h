/* gloss-stdout-stream.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_STDOUT_STREAM (gloss_stdout_stream_get_type ())

G_DECLARE_FINAL_TYPE (GlossStdoutStream, gloss_stdout_stream, GLOSS, STDOUT_STREAM, GOutputStream)

GOutputStream *gloss_stdout_stream_new (void);

G_END_DECLS
