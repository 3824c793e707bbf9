/* gloss-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-label.h"

struct _GlossLabel
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *color;
  char    *key;
  char    *description;
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_COLOR,
  PROP_KEY,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The default labels' names are shown translated; in files they stay in
 * English. Only these exact names are translated, so that a project's own
 * label is never renamed behind its back by the catalogue. */
static const struct {
  const char *id;
  const char *name;
} default_names[] = {
  { "claim",  N_("Claim") },
  { "source", N_("Source") },
  { "quote",  N_("Quote") },
};

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
gloss_label_finalize (GObject *object)
{
  GlossLabel *self = (GlossLabel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (gloss_label_parent_class)->finalize (object);
}

static void
gloss_label_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, gloss_label_get_display_name (self));
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      gloss_label_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      gloss_label_set_color (self, g_value_get_string (value));
      break;

    case PROP_KEY:
      gloss_label_set_key (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      gloss_label_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_class_init (GlossLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_label_finalize;
  object_class->get_property = gloss_label_get_property;
  object_class->set_property = gloss_label_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
}

GlossLabel *
gloss_label_new (const char *id,
                 const char *name,
                 const char *color,
                 const char *key,
                 const char *description)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GLOSS_TYPE_LABEL,
                       "id", id,
                       "name", name ? name : id,
                       "color", color ? color : "#9a9996",
                       "key", key ? key : "",
                       "description", description ? description : "",
                       NULL);
}

GlossLabel *
gloss_label_copy (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return gloss_label_new (self->id, self->name, self->color, self->key, self->description);
}

const char *
gloss_label_get_id (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->id;
}

const char *
gloss_label_get_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->name;
}

void
gloss_label_set_name (GlossLabel *self,
                      const char *name)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (set_string (&self->name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

/**
 * gloss_label_get_display_name:
 *
 * Returns: the name to show: translated for the default labels
 */
const char *
gloss_label_get_display_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_names); i++)
    {
      if (g_strcmp0 (self->id, default_names[i].id) == 0 &&
          g_strcmp0 (self->name, default_names[i].name) == 0)
        return _(default_names[i].name);
    }

  return self->name;
}

const char *
gloss_label_get_color (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->color;
}

void
gloss_label_set_color (GlossLabel *self,
                       const char *color)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (set_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
gloss_label_get_key (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->key;
}

void
gloss_label_set_key (GlossLabel *self,
                     const char *key)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (set_string (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
gloss_label_get_description (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->description;
}

void
gloss_label_set_description (GlossLabel *self,
                             const char *description)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * gloss_label_id_is_valid:
 *
 * Label ids are what files and exports carry: lower-case ASCII letters,
 * digits, `-` and `_`, starting with a letter, at most 64 characters.
 */
gboolean
gloss_label_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_islower (id[0]))
    return FALSE;

  len = strlen (id);
  if (len > 64)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-' && id[i] != '_')
        return FALSE;
    }

  return TRUE;
}

/**
 * gloss_label_color_is_valid:
 *
 * Returns: %TRUE for a colour written `#rrggbb`
 */
gboolean
gloss_label_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * gloss_label_key_is_valid:
 *
 * Returns: %TRUE for no key (an empty string) or one printable character
 *   that is not a space
 */
gboolean
gloss_label_key_is_valid (const char *key)
{
  gunichar c;

  if (key == NULL)
    return FALSE;

  if (key[0] == '\0')
    return TRUE;

  if (!g_utf8_validate (key, -1, NULL))
    return FALSE;

  c = g_utf8_get_char (key);

  return *g_utf8_next_char (key) == '\0' && g_unichar_isgraph (c);
}
