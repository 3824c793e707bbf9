/* gloss-big-article.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gloss_big_article_write (const char  *path,
                                  const char  *samples_dir,
                                  gsize        n_bytes,
                                  guint        n_annotations,
                                  GError     **error);

G_END_DECLS
