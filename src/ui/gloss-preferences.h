/* gloss-preferences.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES (gloss_preferences_get_type ())

G_DECLARE_FINAL_TYPE (GlossPreferences, gloss_preferences, GLOSS, PREFERENCES, AdwPreferencesWindow)

GlossPreferences *gloss_preferences_new (GSettings *settings);

G_END_DECLS
