/* gloss-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-preferences.h"

/* The preferences are GSettings keys, bound to their rows; a change takes
 * effect at once in every window. */
struct _GlossPreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwPreferencesGroup  *annotator_group;
  AdwEntryRow          *annotator_row;
  GtkSpinButton        *text_size;
  GtkSpinButton        *line_length;
  GtkSwitch            *serif_switch;
  GtkSwitch            *markers_switch;
  GtkSwitch            *advance_switch;
};

G_DEFINE_FINAL_TYPE (GlossPreferences, gloss_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
gloss_preferences_dispose (GObject *object)
{
  GlossPreferences *self = (GlossPreferences *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_parent_class)->dispose (object);
}

static void
gloss_preferences_class_init (GlossPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/gloss-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, annotator_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, text_size);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, line_length);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, serif_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, markers_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferences, advance_switch);
}

static void
gloss_preferences_init (GlossPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GlossPreferences *
gloss_preferences_new (GSettings *settings)
{
  GlossPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GLOSS_TYPE_PREFERENCES, NULL);
  self->settings = g_object_ref (settings);

  /* Say which name an empty field means, so it is never a surprise */
  {
    const char *real_name = g_get_real_name ();
    g_autofree char *description = NULL;

    if (real_name == NULL || real_name[0] == '\0' || g_str_equal (real_name, "Unknown"))
      real_name = g_get_user_name ();
    description = g_strdup_printf (_("Written into every annotation you make. Left empty, it is your "
                                     "account’s name: “%s”."), real_name);
    adw_preferences_group_set_description (self->annotator_group, description);
  }

  /* Each keystroke of the name is saved; the windows show it at once */
  g_settings_bind (settings, "annotator-name", self->annotator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "text-size", self->text_size, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "line-length", self->line_length, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "serif-font", self->serif_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-markers", self->markers_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "advance-after-label", self->advance_switch, "active", G_SETTINGS_BIND_DEFAULT);

  return self;
}
