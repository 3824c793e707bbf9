/* screenshot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the real window on an article to PNG files, in light and dark
 * style: `screenshot-window [--spans|--span-list] ARTICLE OUTDIR [PREFIX]`.
 * Run under Xvfb by data/screenshots/take.sh. When the article has no
 * annotations yet, a copy of it is tagged through the same actions the keys
 * trigger: its sentences, or with --spans, its quotes, speakers and cues
 * with the "Quotation attribution" labels; --span-list shows those in the
 * sidebar's list of spans. --clashes opens an article whose annotation
 * file holds a merge's clashes and renders the clash dialog instead, its
 * span clash selected.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-clash-dialog.h"
#include "gloss-document.h"
#include "gloss-label-set.h"
#include "gloss-merge.h"
#include "gloss-project.h"
#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-span-list.h"
#include "gloss-text.h"
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

/* Selects the @nth occurrence of @needle in the text, exactly; returns
 * where it starts */
static guint
select_text (GlossWindow *window,
             const char  *needle,
             guint        nth)
{
  guint start;
  const char *text = gloss_text_get_contents (gloss_document_get_text (gloss_window_get_document (window)));
  const char *at = text;

  for (guint i = 0; at != NULL && i <= nth; i++)
    at = strstr (i == 0 ? at : at + 1, needle);
  if (at == NULL)
    g_error ("“%s” is not in the text", needle);

  start = g_utf8_pointer_to_offset (text, at);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.select-range", "(uu)",
                              start, (guint32)g_utf8_pointer_to_offset (text, at + strlen (needle)));

  return start;
}

static void
tag (GlossWindow *window,
     const char  *label,
     const char  *needle,
     guint        nth)
{
  select_text (window, needle, nth);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag-span", "s", label);
}

static void
set_attribute (GlossWindow *window,
               const char  *name,
               const char  *value)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.set-span-attribute", "(ss)", name, value);
}

/* Quotes of the German sample, each with its speaker and cue */
static void
tag_quotes (GlossWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);

  tag (window, "quote", "„Wir haben die Preissteigerungen im Tiefbau unterschätzt, das muss man ehrlich sagen“", 0);
  set_attribute (window, "type", "direct");
  set_attribute (window, "medium", "speech");
  tag (window, "speaker", "Stadtwerke-Chefin Dr. Miriam Okafor", 0);
  tag (window, "cue", "sagte", 0);

  gtk_widget_activate_action (widget, "doc.clear-span", NULL);
  tag (window, "quote", "Die Fertigstellung verschiebe sich voraussichtlich auf das 3. Quartal 2028", 0);
  set_attribute (window, "type", "indirect");
  tag (window, "speaker", "Stadtwerke-Chefin Dr. Miriam Okafor", 0);

  gtk_widget_activate_action (widget, "doc.clear-span", NULL);
  tag (window, "quote", "Der Stadtrat sei monatelang im Unklaren gelassen worden", 0);
  set_attribute (window, "type", "indirect");
  tag (window, "cue", "sagte", 1);
  tag (window, "speaker", "Fraktionschef Jonas Brückner", 0);

  gtk_widget_activate_action (widget, "doc.clear-span", NULL);
  tag (window, "quote", "„Das ist ein Blindflug mit dem Geld der Bürgerinnen und Bürger.“", 0);
  set_attribute (window, "type", "direct");
  tag (window, "speaker", "Fraktionschef Jonas Brückner", 0);

  gtk_widget_activate_action (widget, "doc.clear-span", NULL);
  tag (window, "quote", "Die Mitglieder des Aufsichtsrats seien seit dem 12. Mai über die Kostenentwicklung informiert gewesen", 0);
  set_attribute (window, "type", "indirect");
  tag (window, "speaker", "ein Sprecher der Stadt", 0);
  tag (window, "cue", "teilte", 0);
  /* "teilte … mit": a cue of two parts, the 11th span */
  gtk_widget_activate_action (widget, "doc.select-span", "u", 11);
  {
    guint start = select_text (window, "mit. Zudem", 0);

    gtk_widget_activate_action (widget, "doc.select-range", "(uu)", start, start + 3);
    gtk_widget_activate_action (widget, "doc.add-part", NULL);
  }

  gtk_widget_activate_action (widget, "doc.clear-span", NULL);
  tag (window, "quote", "„Wer jetzt umsteigt, sollte sich die Verträge genau ansehen.“", 0);
  set_attribute (window, "type", "direct");
  tag (window, "speaker", "Eine Sprecherin der Verbraucherzentrale", 0);
  tag (window, "cue", "sagte", 2);

  /* The first quote current, with its card */
  gtk_widget_activate_action (widget, "doc.select-span", "u", 1);
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
  gboolean span_list = argc > 1 && g_str_equal (argv[1], "--span-list");
  gboolean spans = span_list || (argc > 1 && g_str_equal (argv[1], "--spans"));
  gboolean clashes = argc > 1 && g_str_equal (argv[1], "--clashes");
  GtkWidget *shot;
  gsize length;

  if (spans || clashes)
    {
      argv++;
      argc--;
    }

  if (argc != 3 && argc != 4)
    {
      g_printerr ("Usage: %s [--spans|--span-list|--clashes] ARTICLE OUTDIR [PREFIX]\n", argv[0]);
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
  if (spans)
    {
      g_autoptr(GlossLabelSet) set = gloss_label_set_new_builtin ("quotation");
      g_autofree char *project_path = g_build_filename (dir, GLOSS_PROJECT_FILE_NAME, NULL);
      g_autoptr(GFile) project = g_file_new_for_path (project_path);

      if (!gloss_project_save_labels (project, set, &error))
        g_error ("%s", error->message);
    }

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_settings_set_string (gloss_application_get_settings (GLOSS_APPLICATION (app)), "annotator-name", "Lena Hartmann");

  /* Taller for spans, so the card shows the quote's linked spans */
  window = g_object_new (GLOSS_TYPE_WINDOW, "application", app, "default-width", 1280,
                         "default-height", spans ? 960 : 800, NULL);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (copy);
  gloss_window_open (window, file);

  while (gloss_window_get_document (window) == NULL)
    spin (20);

  if (contents == NULL && spans)
    tag_quotes (window);
  else if (contents == NULL)
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

  /* The list of spans, the fifth quote current */
  if (span_list)
    {
      GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (window));

      gloss_sidebar_show_spans (sidebar, TRUE);
      gtk_widget_activate_action (GTK_WIDGET (window), "doc.select-span", "u", 9);
      spin (300);
      while (gloss_span_list_is_pending (GLOSS_SPAN_LIST (gloss_sidebar_get_span_list (sidebar))))
        spin (50);
    }

  while (gloss_saver_get_dirty (gloss_window_get_saver (window)))
    spin (50);
  spin (600);

  /* The clash dialog, on the clash of a span */
  shot = GTK_WIDGET (window);
  if (clashes)
    {
      GtkWindow *dialog;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-clashes", NULL);
      dialog = find_dialog_for (GTK_WINDOW (window), GLOSS_TYPE_CLASH_DIALOG);
      if (dialog == NULL)
        g_error ("The article has no clashes");
      for (guint i = 0; i < gloss_document_get_n_conflicts (gloss_window_get_document (window)); i++)
        if (gloss_document_get_conflict (gloss_window_get_document (window), i)->kind == GLOSS_MERGE_CONFLICT_SPAN)
          gloss_clash_dialog_select (GLOSS_CLASH_DIALOG (dialog), i);
      spin (600);
      shot = GTK_WIDGET (dialog);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *style = i == 0 ? "light" : "dark";
      g_autofree char *name = g_strdup_printf ("%s-%s.png", argc == 4 ? argv[3] : "window", style);
      g_autofree char *path = g_build_filename (argv[2], name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      spin (600);
      shoot (shot, path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (json_copy);
  g_remove (copy);
  if (spans)
    {
      g_autofree char *project_path = g_build_filename (dir, GLOSS_PROJECT_FILE_NAME, NULL);

      g_remove (project_path);
    }
  g_rmdir (dir);

  return 0;
}
