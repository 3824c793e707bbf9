/* gloss-git.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/**
 * GlossGitTree:
 *
 * The files of one revision below a path, as `git ls-tree` lists them:
 * each regular file's path (relative to the top of the work tree) and the
 * id of its contents. Immutable once listed; may be read from any thread.
 */
typedef struct _GlossGitTree GlossGitTree;

const char *gloss_git_tree_get_revision (const GlossGitTree *tree);
const char *gloss_git_tree_get_commit   (const GlossGitTree *tree);
guint       gloss_git_tree_get_n_files  (const GlossGitTree *tree);
const char *gloss_git_tree_get_path     (const GlossGitTree *tree,
                                         guint               position);
const char *gloss_git_tree_lookup       (const GlossGitTree *tree,
                                         const char         *path);
GlossGitTree *gloss_git_tree_ref        (GlossGitTree       *tree);
void        gloss_git_tree_unref        (GlossGitTree       *tree);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossGitTree, gloss_git_tree_unref)

#define GLOSS_TYPE_GIT (gloss_git_get_type ())

G_DECLARE_FINAL_TYPE (GlossGit, gloss_git, GLOSS, GIT, GObject)

GlossGit     *gloss_git_open          (GFile         *path,
                                       GCancellable  *cancellable,
                                       GError       **error);
GFile        *gloss_git_get_toplevel  (GlossGit      *self);
const char   *gloss_git_get_prefix    (GlossGit      *self);
GFile        *gloss_git_get_file      (GlossGit      *self,
                                       const char    *path);
GlossGitTree *gloss_git_list          (GlossGit      *self,
                                       const char    *revision,
                                       const char * const *paths,
                                       GCancellable  *cancellable,
                                       GError       **error);
GBytes       *gloss_git_read_blob     (GlossGit      *self,
                                       const char    *object,
                                       GCancellable  *cancellable,
                                       GError       **error);
GStrv         gloss_git_list_branches (GlossGit      *self,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
