/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-cli.h"

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

  g_printerr (_("gloss: the annotation window is not part of this version yet; try “gloss --help”\n"));

  return 2;
}
