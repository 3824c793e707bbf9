/* gloss-resources.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-core-resources.h"
#include "gloss-resources.h"

/**
 * gloss_resources_lookup:
 * @name: a path below the core's resource folder, e.g. "labels/default.json"
 *
 * The core's data files live in a GResource inside the static library. A
 * resource in a static library is not registered by a constructor unless
 * something links its object file, so it is registered here, once, by the
 * code that reads it.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
gloss_resources_lookup (const char *name)
{
  static gsize registered;
  g_autofree char *path = NULL;

  if (g_once_init_enter (&registered))
    {
      gloss_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  path = g_strconcat (GLOSS_CORE_RESOURCE_PATH, name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}
