/* gloss-project.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_PROJECT_FILE_NAME "gloss-project.json"

/* The newest version of the project file this Gloss reads and writes:
 * version 2 adds span and relation labels */
#define GLOSS_PROJECT_VERSION 2

GFile         *gloss_project_find             (GFile          *dir,
                                               GCancellable   *cancellable);
GlossLabelSet *gloss_project_load_labels      (GFile          *project_file,
                                               GPtrArray      *problems,
                                               GCancellable   *cancellable);
GlossLabelSet *gloss_project_parse_labels     (const char     *data,
                                               gsize           length,
                                               const char     *name,
                                               GPtrArray      *problems);
GlossLabelSet *gloss_project_load_labels_for  (GFile          *dir,
                                               GPtrArray      *problems,
                                               GCancellable   *cancellable);
gboolean       gloss_project_save_labels      (GFile          *project_file,
                                               GlossLabelSet  *labels,
                                               GError        **error);

typedef struct _GlossProjectCache GlossProjectCache;

GlossProjectCache *gloss_project_cache_new             (void);
void               gloss_project_cache_free            (GlossProjectCache *cache);
GlossLabelSet     *gloss_project_cache_load_labels_for (GlossProjectCache *cache,
                                                        GFile             *dir,
                                                        GPtrArray         *problems,
                                                        GCancellable      *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProjectCache, gloss_project_cache_free)

G_END_DECLS
