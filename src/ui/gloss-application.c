/* gloss-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "gloss-adjudication-window.h"
#include "gloss-application.h"
#include "gloss-document.h"
#include "gloss-preferences.h"
#include "gloss-recovery.h"
#include "gloss-saver.h"
#include "gloss-ui-config.h"
#include "gloss-ui-resources.h"
#include "gloss-window.h"

#define MAX_RECENT 10

/* The application owns the settings and the list of recent texts and
 * folders; every window shows one text or one folder. It ends on SIGHUP,
 * SIGINT and SIGTERM (what logging out sends) without losing work: every
 * pending change is written at once, and what cannot be written is kept
 * in a recovery file, offered on the next start. */
struct _GlossApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  guint           signal_ids[3];
  GPtrArray      *offers;          /* GlossRecovery not yet offered */
  guint           recovery_checked : 1;
};

static const int quit_signals[] = { SIGHUP, SIGINT, SIGTERM };

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

/**
 * gloss_ui_ensure_resources:
 *
 * The templates live in a GResource inside the static library, which no
 * constructor registers, so it is registered here, once.
 */
void
gloss_ui_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      gloss_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* Run from the build folder, before installing */
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (GLOSS_BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
    }

  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APP_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

static GlossWindow *
new_window (GlossApplication *self)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", self, NULL);
}

static GlossWindow *
find_empty_window (GlossApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (GLOSS_IS_WINDOW (l->data) && gloss_window_is_empty (l->data))
        return l->data;
    }

  return NULL;
}

/* Unsaved work from an earlier run ---------------------------------------- */

static void offer_next (GlossApplication *self);

static GlossWindow *
window_for_text (GlossApplication *self,
                 GFile            *file)
{
  GlossWindow *empty = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!GLOSS_IS_WINDOW (l->data))
        continue;
      if (gloss_window_shows_file (l->data, file))
        return l->data;
      if (empty == NULL && gloss_window_is_empty (l->data))
        empty = l->data;
    }

  return empty != NULL ? empty : new_window (self);
}

static void
on_offer_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GlossApplication *self)
{
  GlossRecovery *recovery = g_object_get_data (G_OBJECT (dialog), "gloss-recovery");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "restore") == 0)
    {
      GlossWindow *window = window_for_text (self, gloss_recovery_get_text_file (recovery));

      gloss_window_restore (window, recovery);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_strcmp0 (response, "save-as") == 0 && GLOSS_IS_WINDOW (parent))
    gloss_window_save_recovery_as (GLOSS_WINDOW (parent), recovery);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!gloss_recovery_discard (recovery, &error))
        g_warning ("%s", error->message);
    }
  /* Else ("later", Escape): it is offered again on the next start */

  offer_next (self);
}

static void
offer_next (GlossApplication *self)
{
  g_autoptr(GlossRecovery) recovery = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->offers == NULL || self->offers->len == 0)
    return;

  if (!GLOSS_IS_WINDOW (parent))
    {
      parent = GTK_WINDOW (window_for_text (self, gloss_recovery_get_text_file (g_ptr_array_index (self->offers, 0))));
      gtk_window_present (parent);
    }

  recovery = g_ptr_array_steal_index (self->offers, 0);
  local = g_date_time_to_local (gloss_recovery_get_created (recovery));
  /* Translators: when unsaved work was kept, as in “from 2 December 2026,
   * 09:15”; see g_date_time_format() for the codes */
  when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Unsaved Work Found"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Gloss found unsaved work for “%s” from %s. It could not be saved then: %s.\n\n"
                                    "Restore it to go on with it (Gloss then saves it as usual), save it "
                                    "elsewhere, or discard it."),
                                  gloss_recovery_get_name (recovery), when, gloss_recovery_get_reason (recovery));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "save-as", _("_Save As…"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-recovery", g_object_ref (recovery), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_recoveries_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_task_return_pointer (task, gloss_recovery_list (), (GDestroyNotify)g_ptr_array_unref);
}

static void
on_recoveries_listed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GlossApplication *self = GLOSS_APPLICATION (object);
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);

  if (found == NULL || found->len == 0)
    return;

  if (self->offers == NULL)
    self->offers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->offers, g_object_ref (g_ptr_array_index (found, i)));

  offer_next (self);
}

/**
 * gloss_application_offer_recovery:
 *
 * Looks for work kept from an earlier run that could not be saved, and
 * offers each to restore, save elsewhere or discard, one after another.
 */
void
gloss_application_offer_recovery (GlossApplication *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));

  self->recovery_checked = TRUE;
  task = g_task_new (self, NULL, on_recoveries_listed_cb, NULL);
  g_task_set_source_tag (task, gloss_application_offer_recovery);
  g_task_run_in_thread (task, list_recoveries_thread);
}

static void
offer_recovery_once (GlossApplication *self)
{
  if (!self->recovery_checked)
    gloss_application_offer_recovery (self);
}

/* Signals ----------------------------------------------------------------- */

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  GlossApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autoptr(GPtrArray) savers = NULL;

  /* A note being typed is work too */
  for (GList *l = windows; l; l = l->next)
    {
      if (GLOSS_IS_WINDOW (l->data))
        gloss_window_prepare_quit (l->data);
    }

  /* Every autosave, also one whose window is already gone */
  savers = gloss_saver_list_all ();
  for (guint i = 0; i < savers->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossRecovery) recovery = gloss_recovery_flush (g_ptr_array_index (savers, i), &error);

      if (recovery != NULL)
        {
          g_autofree char *path = g_file_get_path (gloss_recovery_get_file (recovery));
          g_autofree char *where = g_filename_display_name (path);

          g_printerr (_("Gloss: the annotations of “%s” could not be saved (%s); they are kept in “%s” and "
                        "offered when Gloss starts again\n"),
                      gloss_recovery_get_name (recovery), gloss_recovery_get_reason (recovery), where);
        }
      else if (error != NULL)
        g_printerr ("Gloss: %s\n", error->message);
    }

  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_CONTINUE;
}

static void
gloss_application_activate (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));

  gtk_window_present (window);
  offer_recovery_once (self);
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GlossWindow *window = find_empty_window (self);

      if (window == NULL)
        window = new_window (self);

      gloss_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }

  offer_recovery_once (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GlossApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window decides for itself: one with unsaved work asks first */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GlossApplication *self = user_data;
  static const char *developers[] = { "The Gloss authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Gloss"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Tag the sentences of news articles as claims, sources and quotes"),
                         "website", "https://github.com/gloss-annotator/gloss",
                         "issue-url", "https://github.com/gloss-annotator/gloss/issues",
                         "developer-name", _("The Gloss authors"),
                         "developers", developers,
                         "copyright", "© 2026 The Gloss authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GlossPreferences *preferences = gloss_preferences_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
adjudicate_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  /* Asked before the new window is the active one */
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GlossAdjudicationWindow *window = gloss_adjudication_window_new (GTK_APPLICATION (user_data));
  g_autoptr(GFile) folder = NULL;

  /* The corpus open in the window: its branches may be the annotators' */
  if (GLOSS_IS_WINDOW (parent) && gloss_window_get_folder (GLOSS_WINDOW (parent)) != NULL)
    folder = g_object_ref (gloss_window_get_folder (GLOSS_WINDOW (parent)));
  else if (GLOSS_IS_WINDOW (parent) && gloss_window_get_document (GLOSS_WINDOW (parent)) != NULL &&
           gloss_document_get_file (gloss_window_get_document (GLOSS_WINDOW (parent))) != NULL)
    folder = g_file_get_parent (gloss_document_get_file (gloss_window_get_document (GLOSS_WINDOW (parent))));
  if (folder != NULL)
    gloss_adjudication_window_set_repository (window, folder);

  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_entries[] = {
  { "adjudicate", adjudicate_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
gloss_application_startup (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_ids[i] = g_unix_signal_add (quit_signals[i], on_quit_signal_cb, self);
}

static void
gloss_application_shutdown (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);

  G_APPLICATION_CLASS (gloss_application_parent_class)->shutdown (app);
}

static void
gloss_application_finalize (GObject *object)
{
  GlossApplication *self = (GlossApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->offers, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_application_parent_class)->finalize (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gloss_application_finalize;
  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
  app_class->shutdown = gloss_application_shutdown;

  gloss_ui_ensure_resources ();
}

static void
gloss_application_init (GlossApplication *self)
{
  self->settings = create_settings ();
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * gloss_application_dup_annotator:
 *
 * Returns: (transfer full): the name from the preferences, or else the
 *   account's full name, or else its login name
 */
char *
gloss_application_dup_annotator (GlossApplication *self)
{
  g_autofree char *name = NULL;
  const char *real_name;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  name = g_strstrip (g_settings_get_string (self->settings, "annotator-name"));
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

static void
update_recent (GlossApplication *self,
               GFile            *file,
               gboolean          add)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  if (add)
    {
      g_strv_builder_add (builder, uri);
      n++;
    }

  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *)recent);
}

void
gloss_application_add_recent (GlossApplication *self,
                              GFile            *file)
{
  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  update_recent (self, file, TRUE);
}

void
gloss_application_remove_recent (GlossApplication *self,
                                 GFile            *file)
{
  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  update_recent (self, file, FALSE);
}
