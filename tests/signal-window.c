/* signal-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test by itself: Gloss's window, run as `gloss FILE` runs it (the
 * same application, its startup, its signal handlers), for test-signals.py
 * to send it signals. The window's commands are widget actions, which
 * GApplication does not export on D-Bus, so this program is how a test
 * makes a change in a real process:
 *
 *   signal-window [--change LABEL [--note NOTE]] [--respond RESPONSE] [--quit-when-saved] FILE
 *
 * --change toggles LABEL on the current sentence once the text shows (the
 * action its key triggers), --note then types NOTE into its note field
 * without pressing Enter, and it prints "changed"; a recovery offer shown is
 * printed as "offer: HEADING | BODY" and, with --respond, answered;
 * --quit-when-saved prints "saved" and quits once the window's work is on
 * disk and no recovery of it is left.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "gloss-application.h"
#include "gloss-document.h"
#include "gloss-recovery.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"

static char *change;
static char *note;
static char *respond;
static gboolean quit_when_saved;
static gboolean changed;
static gboolean offered;
static GlossApplication *app;

static gboolean
no_recovery_left (void)
{
  g_autoptr(GPtrArray) recoveries = gloss_recovery_list ();

  return recoveries->len == 0;
}

static void
report (const char *line)
{
  g_autofree char *flat = g_strdelimit (g_strdup (line), "\n", ' ');

  printf ("%s\n", flat);
  fflush (stdout);
}

static gboolean
poll_cb (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && !offered && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_autofree char *line = g_strdup_printf ("offer: %s | %s",
                                                   adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                                                   adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));

          offered = TRUE;
          report (line);
          if (respond != NULL)
            {
              adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), respond);
              gtk_window_destroy (window);
            }
          return G_SOURCE_CONTINUE;
        }

      if (GLOSS_IS_WINDOW (window))
        {
          GlossWindow *gloss = GLOSS_WINDOW (window);
          GlossSaver *saver = gloss_window_get_saver (gloss);
          gboolean shown = gloss_window_get_document (gloss) != NULL &&
                           g_strcmp0 (gloss_window_get_page (gloss), "document") == 0;

          if (change != NULL && !changed && shown)
            {
              changed = TRUE;
              gtk_widget_activate_action (GTK_WIDGET (gloss), "doc.toggle-label", "s", change);
              if (note != NULL)
                {
                  GtkWidget *sidebar = gloss_window_get_sidebar (gloss);

                  gtk_widget_activate_action (GTK_WIDGET (gloss), "doc.edit-note", NULL);
                  gtk_editable_set_text (GTK_EDITABLE (gloss_sidebar_get_note_row (GLOSS_SIDEBAR (sidebar))), note);
                }
              report ("changed");
            }

          if (quit_when_saved && shown && (!respond || offered) && saver != NULL &&
              !gloss_saver_get_dirty (saver) && gloss_saver_get_state (saver) == GLOSS_SAVER_SAVED &&
              no_recovery_left ())
            {
              report ("saved");
              g_application_quit (G_APPLICATION (app));
            }
        }
    }

  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  const GOptionEntry entries[] = {
    { "change", 0, 0, G_OPTION_ARG_STRING, &change, "Label to toggle", "LABEL" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "Note to type, without Enter", "NOTE" },
    { "respond", 0, 0, G_OPTION_ARG_STRING, &respond, "Answer to the recovery offer", "RESPONSE" },
    { "quit-when-saved", 0, 0, G_OPTION_ARG_NONE, &quit_when_saved, "Quit once all is on disk", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  char *args[3] = { NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GLOSS_LOCALEDIR") ? g_getenv ("GLOSS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("Usage: %s [--change LABEL [--note NOTE]] [--respond RESPONSE] [--quit-when-saved] FILE\n", argv[0]);
      return 2;
    }

  /* As main.c runs it; not unique, so that it never hands the file to
   * another Gloss on the bus */
  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_timeout_add (10, poll_cb, NULL);

  args[0] = argv[0];
  args[1] = argv[1];
  status = g_application_run (G_APPLICATION (app), 2, args);
  g_clear_object (&app);

  return status;
}
