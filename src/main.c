/* main.c
 *
 * `gloss COMMAND …` runs a command here, headless; anything else starts
 * the window's program (main-window.c) in this process's place. This
 * binary does not link GTK: loading GTK, libadwaita and the 60 libraries
 * they pull in took 8 ms of every command's start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "gloss-cli.h"
#include "gloss-i18n.h"

#if HAVE_UI
/* The window's program: beside this binary in a build folder; else where
 * it is installed, found from this binary first, so that an installation
 * that was moved (DESTDIR, another prefix) starts its own */
static char *
find_window_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;

  if (dir != NULL)
    {
      g_autofree char *beside = g_build_filename (dir, "gloss-window", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

#ifdef WINDOW_PROGRAM_FROM_BINDIR
  if (dir != NULL)
    {
      g_autofree char *installed = g_build_filename (dir, WINDOW_PROGRAM_FROM_BINDIR, NULL);

      if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&installed);
    }
#endif

  return g_build_filename (LIBEXECDIR, "gloss-window", NULL);
}

static int
run_window (char **argv)
{
  g_autofree char *program = find_window_program ();
  g_autofree char *name = NULL;
  int saved_errno;

  /* The window goes on in this process: its id, its arguments and the
   * name it was started by (argv[0]) stay the same */
  execv (program, argv);

  saved_errno = errno;
  name = g_filename_display_name (program);
  g_printerr (_("gloss: could not start the window’s program “%s”: %s\n"), name, g_strerror (saved_errno));

  return 1;
}
#endif

int
main (int    argc,
      char **argv)
{
  gloss_i18n_init ();

  /* A command runs headless, without touching the display */
  if (gloss_cli_handles (argc, argv))
    return gloss_cli_run (argc, argv);

#if HAVE_UI
  return run_window (argv);
#else
  g_printerr (_("gloss: this build has no window (built with -Dui=false); try “gloss --help”\n"));

  return 2;
#endif
}
