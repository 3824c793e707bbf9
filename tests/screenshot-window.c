/* screenshot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the real window on an article to PNG files, in light and dark
 * style: `screenshot-window ARTICLE OUTDIR`. Run under Xvfb by
 * data/screenshots/take.sh. When the article has no annotations yet, a
 * copy of it is tagged through the same actions the keys trigger.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-document.h"
#include "gloss-saver.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

static void
shoot (GtkWidget  *window,
       const char *path)
{
  if (!render_to_png (window, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_copy = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GFile) file = NULL;
  GlossWindow *window;
  gsize length;

  if (argc != 3 && argc != 4)
    {
      g_printerr ("Usage: %s ARTICLE OUTDIR [PREFIX]\n", argv[0]);
      return 2;
    }

  /* As main.c does: the window in the locale's language, from the build
   * folder's catalogues when GLOSS_LOCALEDIR says so */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR") ? g_getenv ("GLOSS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display\n");
      return 1;
    }

  /* Work on a copy, so the article's own annotation file stays as it is */
  dir = g_dir_make_tmp ("gloss-shot-XXXXXX", &error);
  g_assert_no_error (error);
  base = g_path_get_basename (argv[1]);
  copy = g_build_filename (dir, base, NULL);
  g_file_get_contents (argv[1], &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, NULL);
  json = g_strconcat (argv[1], ".gloss.json", NULL);
  json_copy = g_strconcat (copy, ".gloss.json", NULL);
  g_clear_pointer (&contents, g_free);
  if (g_file_get_contents (json, &contents, &length, NULL))
    g_file_set_contents (json_copy, contents, length, NULL);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_settings_set_string (gloss_application_get_settings (GLOSS_APPLICATION (app)), "annotator-name", "Lena Hartmann");

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, "default-width", 1280, "default-height", 800, NULL);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (copy);
  gloss_window_open (window, file);

  while (gloss_window_get_document (window) == NULL)
    spin (20);

  if (contents == NULL)
    {
      static const struct { const char *action; const char *label; guint moves; } steps[] = {
        { "doc.toggle-label", "claim", 4 },
        { "doc.toggle-label", "source", 0 },
        { "doc.toggle-label", "quote", 2 },
        { "doc.toggle-label", "source", 0 },
        { "doc.toggle-label", "claim", 2 },
        { "doc.toggle-label", "source", 2 },
        { "doc.toggle-label", "quote", 1 },
        { "doc.toggle-label", "claim", 3 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          for (guint j = 0; j < steps[i].moves; j++)
            gtk_widget_activate_action (GTK_WIDGET (window), "doc.move-next", NULL);
          gtk_widget_activate_action (GTK_WIDGET (window), steps[i].action, "s", steps[i].label);
        }
      /* Back to a sentence with two labels, near the top of the article */
      for (guint i = 0; i < 8; i++)
        gtk_widget_activate_action (GTK_WIDGET (window), "doc.move-previous", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "doc.set-note", "s",
                                  "Zahl im Aufsichtsratspapier prüfen");
    }

  while (gloss_saver_get_dirty (gloss_window_get_saver (window)))
    spin (50);
  spin (600);

  for (guint i = 0; i < 2; i++)
    {
      const char *style = i == 0 ? "light" : "dark";
      g_autofree char *name = g_strdup_printf ("%s-%s.png", argc == 4 ? argv[3] : "window", style);
      g_autofree char *path = g_build_filename (argv[2], name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      spin (600);
      shoot (GTK_WIDGET (window), path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (json_copy);
  g_remove (copy);
  g_rmdir (dir);

  return 0;
}
