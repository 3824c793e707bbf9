/* git-fixtures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean git_fixtures_init       (void);
gboolean git_fixtures_have_git   (void);
char    *git_fixtures_run        (const char *dir,
                                  ...) G_GNUC_NULL_TERMINATED;
void     git_fixtures_copy_study (const char *annotator,
                                  const char *target);

G_END_DECLS
