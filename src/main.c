/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-cli.h"

#if HAVE_UI
# include "gloss-application.h"
#endif

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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command runs headless, without touching the display */
  if (gloss_cli_handles (argc, argv))
    return gloss_cli_run (argc, argv);

#if HAVE_UI
  {
    g_autoptr(GlossApplication) app = gloss_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  g_printerr (_("gloss: this build has no window (built with -Dui=false); try “gloss --help”\n"));

  return 2;
#endif
}
