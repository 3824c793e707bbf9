/* gloss-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "gloss-i18n.h"

/* The catalogues: GLOSS_LOCALEDIR if set; else the installed ones; else,
 * for a binary run from its build folder before it was ever installed,
 * the build folder's */
static const char *
find_localedir (void)
{
  const char *dir = g_getenv ("GLOSS_LOCALEDIR");
  g_autofree char *installed = g_build_filename (LOCALEDIR, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *built = g_build_filename (BUILD_LOCALEDIR, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (dir != NULL)
    return dir;

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

/**
 * gloss_i18n_init:
 *
 * Sets the locale and finds the translations; what the `gloss` command
 * and the window program each do first.
 */
void
gloss_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
