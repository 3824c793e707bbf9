/* gloss-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-saver.h"
#include "gloss-sidebar.h"
#include "gloss-span-card.h"
#include "gloss-test-util.h"

static GlossApplication *test_app;
static guint wait_timeout = 20;

/* Skips the whole program cleanly without a display, but fails when CI
 * is set; the caller owns the returned application. */
GlossApplication *
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("No display, and CI is set: the window tests must run\n");
          exit (1);
        }

      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }

  test_app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (test_app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  /* Suggestions would be saved with the first change and alter every
   * expected file; test-window-suggest turns them on */
  g_settings_set_boolean (gloss_application_get_settings (test_app), "suggest-on-open", FALSE);

  return test_app;
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
wait_for_set_timeout (guint seconds)
{
  wait_timeout = seconds;
}

void
wait_for (CheckFunc   check,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + wait_timeout * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_up_cb, NULL);

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, wake_up_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

/* A new temporary folder holding copies of the named files of data/ui */
char *
make_workdir (const char * const *fixtures)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-ui-XXXXXX", &error);

  g_assert_no_error (error);

  for (guint i = 0; fixtures[i] != NULL; i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "ui", fixtures[i], NULL);
      g_autofree char *target = g_build_filename (dir, fixtures[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (target, contents, length, &error);
      g_assert_no_error (error);
    }

  return dir;
}

void
copy_tree (const char *source,
           const char *target)
{
  g_autoptr(GDir) dir = g_dir_open (source, 0, NULL);
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_nonnull (dir);
  g_mkdir_with_parents (target, 0700);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (target, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (from, G_FILE_TEST_IS_DIR))
        {
          copy_tree (from, to);
          continue;
        }

      g_file_get_contents (from, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, length, &error);
      g_assert_no_error (error);
    }
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Timestamps and the annotator differ from run to run; all else of the
 * file is compared byte for byte. */
char *
read_normalized (const char *path)
{
  g_autoptr(GRegex) times = g_regex_new ("(\"(?:created|modified)\": )\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *contents = read_file (path);

  return g_regex_replace (times, contents, -1, 0, "\\1\"T\"", 0, NULL);
}

gboolean
activate (gpointer    widget,
          const char *action,
          const char *format,
          ...)
{
  GVariant *param = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }

  return gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, param);
}

/* The first visible toplevel of @type */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      GObject *window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WINDOW (window);
      g_object_unref (window);
    }

  return found;
}

/* The last visible toplevel of @type: the newest, when an older one of
 * the same type is still open */
GtkWindow *
find_last_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WINDOW (window);
    }

  return found;
}

/* The visible dialog of @type that belongs to @parent: a dialog of an
 * earlier window, not yet gone, is not it */
GtkWindow *
find_dialog_for (GtkWindow *parent,
                 GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == parent)
        return window;
    }

  return NULL;
}

/* Whether a label on screen in @widget (a toast, a banner) shows @text */
/* A key as a window's key controller (in the capture phase) reads it */
gboolean
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

/* The first of @widget and its descendants, depth first, that @match
 * accepts */
GtkWidget *
find_widget (GtkWidget   *widget,
             WidgetMatch  match,
             gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_containing (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
label_equal (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Whether a label on screen below @widget shows @text, in part or whole */
gboolean
label_shows (GtkWidget  *widget,
             const char *text)
{
  return find_widget (widget, label_containing, text) != NULL;
}

gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  return find_widget (widget, label_equal, text) != NULL;
}

/* Renders @widget, as it is on screen, into a PNG at @path */
gboolean
render_to_png (GtkWidget  *widget,
               const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  return gdk_texture_save_to_png (texture, path);
}

/* A window of the application of ui_test_init(), presented, opening @path */
GlossWindow *
open_window (const char *path)
{
  GlossWindow *window = g_object_new (GLOSS_TYPE_WINDOW, "application", test_app, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  gloss_window_open (window, file);

  return window;
}

gboolean
document_shown (gpointer data)
{
  GlossWindow *window = data;

  return gloss_window_get_document (window) != NULL &&
         g_strcmp0 (gloss_window_get_page (window), "document") == 0;
}

/* The window's span card has followed the last change */
gboolean
span_card_done (gpointer data)
{
  GlossSidebar *sidebar = GLOSS_SIDEBAR (gloss_window_get_sidebar (data));

  return !gloss_span_card_is_pending (GLOSS_SPAN_CARD (gloss_sidebar_get_span_card (sidebar)));
}

gboolean
all_saved (gpointer data)
{
  GlossSaver *saver = gloss_window_get_saver (data);

  return saver != NULL && !gloss_saver_get_dirty (saver) &&
         gloss_saver_get_state (saver) == GLOSS_SAVER_SAVED;
}
