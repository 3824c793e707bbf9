/* gloss-corpus.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_ANNOTATION_SUFFIX ".gloss.json"

GPtrArray *gloss_corpus_find_files (GFile         *root,
                                    const char    *suffix,
                                    GPtrArray     *problems,
                                    GCancellable  *cancellable);
GPtrArray *gloss_corpus_collect    (GPtrArray     *inputs,
                                    const char    *suffix,
                                    GPtrArray     *roots,
                                    GPtrArray     *problems,
                                    GCancellable  *cancellable);
char      *gloss_corpus_dup_display_name (GFile   *file);
char      *gloss_corpus_dup_id     (GFile         *root,
                                    GFile         *file);
char      *gloss_corpus_escape_id  (const char    *name);
char      *gloss_corpus_unescape_id (const char   *id);

GStrv      gloss_corpus_revision_paths  (const char   *path);
char      *gloss_corpus_dup_revision_id (const char   *prefix,
                                         const char   *path);

G_END_DECLS
