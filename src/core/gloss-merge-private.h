/* gloss-merge-private.h
 *
 * What the merge shares with the resolution of its clashes
 * (gloss-document-conflicts.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-merge.h"

G_BEGIN_DECLS

char *_gloss_merge_meta_set (const char *meta,
                             const char *key,
                             const char *value);

G_END_DECLS
