/* gloss-resources.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GLOSS_CORE_RESOURCE_PATH "/io/github/gloss_annotator/Gloss/core/"

GBytes *gloss_resources_lookup (const char *name);

G_END_DECLS
