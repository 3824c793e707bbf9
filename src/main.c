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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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
