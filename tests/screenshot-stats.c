/* screenshot-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the folder's statistics window to PNG files:
 * `screenshot-stats FOLDER OUTDIR`, FOLDER a folder of annotators' copies
 * (data/screenshots/take.sh makes one with bench/make-agree-corpus.py).
 * Writes stats-documents-light.png, stats-agreement-light.png and
 * stats-cooccurrence-dark.png, and the folder's search for “sagte” in
 * quotes without a frame: search-light.png. Run under Xvfb.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-application.h"
#include "gloss-corpus-search.h"
#include "gloss-stats-window.h"
#include "gloss-window.h"

#include "gloss-test-util.h"

int
main (int    argc,
      char **argv)
{
  static const struct { const char *page; gboolean dark; } shots[] = {
    { "documents", FALSE },
    { "agreement", FALSE },
    { "cooccurrence", TRUE },
  };
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  GlossWindow *window;
  GlossStatsWindow *stats;

  if (argc != 3)
    {
      g_printerr ("Usage: %s FOLDER OUTDIR\n", argv[0]);
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR") ? g_getenv ("GLOSS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display\n");
      return 1;
    }

  app = G_APPLICATION (gloss_application_new ());
  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (app, NULL, &error);
  g_assert_no_error (error);

  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, "default-width", 1280, "default-height", 800, NULL);
  gtk_window_present (GTK_WINDOW (window));
  folder = g_file_new_for_commandline_arg (argv[1]);
  gloss_window_open (window, folder);
  while (gloss_window_get_document (window) == NULL)
    spin (20);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  stats = GLOSS_STATS_WINDOW (gloss_window_get_stats_window (window));
  gtk_window_set_default_size (GTK_WINDOW (stats), 1240, 720);
  while (!gloss_stats_window_get_loaded (stats))
    spin (20);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *name = g_strdup_printf ("stats-%s-%s.png", shots[i].page, shots[i].dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (argv[2], name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gloss_stats_window_show_page (stats, shots[i].page);
      spin (600);
      if (!render_to_png (GTK_WIDGET (stats), path))
        g_error ("Could not write %s", path);
      g_print ("%s\n", path);
    }

  gtk_window_destroy (GTK_WINDOW (stats));

  /* The search, its list after the worker is done */
  {
    GlossCorpusSearch *search;
    g_autofree char *path = g_build_filename (argv[2], "search-light.png", NULL);

    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.search-corpus", NULL);
    search = GLOSS_CORPUS_SEARCH (gloss_window_get_corpus_search (window));
    gtk_window_set_default_size (GTK_WINDOW (search), 1240, 560);
    gtk_editable_set_text (GTK_EDITABLE (gloss_corpus_search_get_entry (search)), "sagte");
    g_signal_emit_by_name (gloss_corpus_search_get_entry (search), "search-changed");
    while (gloss_corpus_search_get_searching (search))
      spin (20);
    gloss_corpus_search_select (search, 2);
    spin (600);
    if (!render_to_png (GTK_WIDGET (search), path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
  }

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
