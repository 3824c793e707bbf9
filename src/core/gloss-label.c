/* gloss-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-label.h"

/* What a span label declares of one attribute: its name, and the values
 * it may take, in the order the set gives them */
typedef struct
{
  char  *name;
  GStrv  values;
} Attribute;

struct _GlossLabel
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  char            *color;
  char            *key;
  char            *description;
  GlossLabelScope  scope;
  GArray          *attributes;  /* of Attribute, for span labels; NULL for none */
  GStrv            from;        /* for relation labels: the span labels it joins */
  GStrv            to;
  GStrv            codebook[GLOSS_CODEBOOK_N_LISTS];  /* NULL for an empty list */
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GlossLabelScope, gloss_label_scope,
                    G_DEFINE_ENUM_VALUE (GLOSS_LABEL_SCOPE_SENTENCE, "sentence"),
                    G_DEFINE_ENUM_VALUE (GLOSS_LABEL_SCOPE_SPAN, "span"),
                    G_DEFINE_ENUM_VALUE (GLOSS_LABEL_SCOPE_RELATION, "relation"))

enum {
  PROP_0,
  PROP_ID,
  PROP_SCOPE,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_COLOR,
  PROP_KEY,
  PROP_DESCRIPTION,
  PROP_CODEBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The built-in labels' names and descriptions (data/labels/) are shown
 * translated; in files they stay in English. Only these exact names (of
 * these ids) and texts are translated, so that a project's own label is
 * never renamed behind its back by the catalogue. */
static const struct {
  const char *id;
  const char *name;
} builtin_names[] = {
  { "claim",     N_("Claim") },
  { "source",    N_("Source") },
  { "quote",     N_("Quote") },
  { "speaker",   N_("Speaker") },
  { "cue",       N_("Cue") },
  { "frame",     N_("Frame") },
  { "addressee", N_("Addressee") },
};

/* The attribute names and values of the built-in "Quotation attribution"
 * set, for the window: the files keep the ids, the window shows these */
static const struct
{
  const char *id;       /* also the msgid */
  const char *context;
} builtin_attributes[] = {
  { NC_("quotation attribute", "type"),                "quotation attribute" },
  { NC_("quotation attribute", "medium"),              "quotation attribute" },
  { NC_("quotation type", "direct"),                   "quotation type" },
  { NC_("quotation type", "indirect"),                 "quotation type" },
  { NC_("quotation type", "free-indirect"),            "quotation type" },
  { NC_("quotation type", "indirect-free-indirect"),   "quotation type" },
  { NC_("quotation type", "reported"),                 "quotation type" },
  { NC_("quotation medium", "speech"),                 "quotation medium" },
  { NC_("quotation medium", "thought"),                "quotation medium" },
  { NC_("quotation medium", "writing"),                "quotation medium" },
  { NC_("quotation medium", "speech-thought"),         "quotation medium" },
  { NC_("quotation medium", "speech-writing"),         "quotation medium" },
  { NC_("quotation medium", "thought-writing"),        "quotation medium" },
};

static const char * const builtin_descriptions[] = {
  N_("A statement presented as fact that could be checked."),
  N_("A sentence that names who or what the information comes from."),
  N_("A sentence with direct speech, in quotation marks."),
  N_("The words of a quotation: what someone said, thought or wrote, given directly or indirectly. "
     "A quote interrupted by its frame has several parts; it may run over several sentences."),
  N_("Who said, thought or wrote the quote: a name, a role (a spokeswoman of the city) or a pronoun."),
  N_("The words that mark the quotation as someone’s: a verb of saying or thinking (sagte, erklärte, said) "
     "or a phrase (laut, zufolge, according to)."),
  N_("The clause that introduces the quotation, with its speaker and cue "
     "(Die Feuerwehr gab an, / According to the AFP news agency)."),
  N_("To whom the quote was said or written, when the text names it (told the newspaper)."),
  N_("Joins a quote to its speaker."),
  N_("Joins a quote to its cue."),
  N_("Joins a quote to its frame."),
  N_("Joins a quote to its addressee."),
};

static void
attribute_clear (Attribute *attribute)
{
  g_free (attribute->name);
  g_strfreev (attribute->values);
}

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
  g_clear_pointer (&self->attributes, g_array_unref);
  g_clear_pointer (&self->from, g_strfreev);
  g_clear_pointer (&self->to, g_strfreev);
  for (guint i = 0; i < GLOSS_CODEBOOK_N_LISTS; i++)
    g_clear_pointer (&self->codebook[i], g_strfreev);

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

    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
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

    case PROP_CODEBOOK:
      g_value_set_boolean (value, gloss_label_has_codebook (self));
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

    case PROP_SCOPE:
      self->scope = g_value_get_enum (value);
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

  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, GLOSS_TYPE_LABEL_SCOPE, GLOSS_LABEL_SCOPE_SENTENCE,
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

  /* Notified when a list of the codebook entry changes; whether the
   * label has any rules or examples */
  properties[PROP_CODEBOOK] =
    g_param_spec_boolean ("codebook", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
}

/**
 * gloss_label_scope_to_string:
 *
 * Returns: the scope as files write it: "sentence", "span" or "relation"
 */
const char *
gloss_label_scope_to_string (GlossLabelScope scope)
{
  switch (scope)
    {
    case GLOSS_LABEL_SCOPE_SENTENCE:
      return "sentence";
    case GLOSS_LABEL_SCOPE_SPAN:
      return "span";
    case GLOSS_LABEL_SCOPE_RELATION:
      return "relation";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gloss_label_scope_from_string:
 *
 * Returns: %TRUE if @string names a scope, then set in @scope
 */
gboolean
gloss_label_scope_from_string (const char      *string,
                               GlossLabelScope *scope)
{
  for (GlossLabelScope s = GLOSS_LABEL_SCOPE_SENTENCE; s <= GLOSS_LABEL_SCOPE_RELATION; s++)
    {
      if (g_strcmp0 (string, gloss_label_scope_to_string (s)) == 0)
        {
          *scope = s;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_label_new:
 *
 * Returns: (transfer full): a sentence label
 */
GlossLabel *
gloss_label_new (const char *id,
                 const char *name,
                 const char *color,
                 const char *key,
                 const char *description)
{
  return gloss_label_new_with_scope (GLOSS_LABEL_SCOPE_SENTENCE, id, name, color, key, description);
}

/**
 * gloss_label_new_with_scope:
 * @name: (nullable): the name; %NULL for the id
 * @color: (nullable): `#rrggbb`; %NULL for grey
 * @key: (nullable): the key; %NULL for none
 *
 * A span label's attributes are added with gloss_label_add_attribute(), a
 * relation label's span labels set with gloss_label_set_endpoints().
 *
 * Returns: (transfer full): a label of @scope
 */
GlossLabel *
gloss_label_new_with_scope (GlossLabelScope  scope,
                            const char      *id,
                            const char      *name,
                            const char      *color,
                            const char      *key,
                            const char      *description)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (scope <= GLOSS_LABEL_SCOPE_RELATION, NULL);

  return g_object_new (GLOSS_TYPE_LABEL,
                       "id", id,
                       "scope", scope,
                       "name", name ? name : id,
                       "color", color ? color : "#9a9996",
                       "key", key ? key : "",
                       "description", description ? description : "",
                       NULL);
}

GlossLabel *
gloss_label_copy (GlossLabel *self)
{
  GlossLabel *copy;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  copy = gloss_label_new_with_scope (self->scope, self->id, self->name, self->color, self->key, self->description);
  for (guint i = 0; i < gloss_label_get_n_attributes (self); i++)
    gloss_label_add_attribute (copy, gloss_label_get_attribute_name (self, i),
                               gloss_label_get_attribute_values (self, i));
  if (self->scope == GLOSS_LABEL_SCOPE_RELATION)
    gloss_label_set_endpoints (copy, gloss_label_get_from (self), gloss_label_get_to (self));
  for (guint i = 0; i < GLOSS_CODEBOOK_N_LISTS; i++)
    copy->codebook[i] = g_strdupv (self->codebook[i]);

  return copy;
}

GlossLabelScope
gloss_label_get_scope (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), GLOSS_LABEL_SCOPE_SENTENCE);

  return self->scope;
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

  for (guint i = 0; i < G_N_ELEMENTS (builtin_names); i++)
    {
      if (g_strcmp0 (self->id, builtin_names[i].id) == 0 &&
          g_strcmp0 (self->name, builtin_names[i].name) == 0)
        return _(builtin_names[i].name);
    }

  return self->name;
}

/**
 * gloss_label_get_attribute_display:
 * @id: an attribute name or value of the label
 *
 * What the window shows for an attribute name or value: translated for
 * those of the built-in "Quotation attribution" set (type, direct …, the
 * label being the built-in one), else @id itself.
 *
 * Returns: (transfer none): the text to show
 */
const char *
gloss_label_get_attribute_display (GlossLabel *self,
                                   const char *id)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), id);

  /* Only the built-in label's: a project's own "type" may mean another thing */
  if (id == NULL || g_strcmp0 (self->id, "quote") != 0 || g_strcmp0 (self->name, "Quote") != 0)
    return id;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_attributes); i++)
    if (g_strcmp0 (id, builtin_attributes[i].id) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, builtin_attributes[i].context, builtin_attributes[i].id);

  return id;
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
 * gloss_label_get_display_description:
 *
 * Returns: the description to show: translated for the built-in labels
 */
const char *
gloss_label_get_display_description (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_descriptions); i++)
    {
      if (g_strcmp0 (self->description, builtin_descriptions[i]) == 0)
        return _(builtin_descriptions[i]);
    }

  return self->description;
}

/**
 * gloss_label_get_n_attributes:
 *
 * Returns: how many attributes a span label declares
 */
guint
gloss_label_get_n_attributes (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), 0);

  return self->attributes ? self->attributes->len : 0;
}

const char *
gloss_label_get_attribute_name (GlossLabel *self,
                                guint       position)
{
  g_return_val_if_fail (position < gloss_label_get_n_attributes (self), NULL);

  return g_array_index (self->attributes, Attribute, position).name;
}

/**
 * gloss_label_get_attribute_values:
 *
 * Returns: (transfer none): the values the attribute at @position may take
 */
const char * const *
gloss_label_get_attribute_values (GlossLabel *self,
                                  guint       position)
{
  g_return_val_if_fail (position < gloss_label_get_n_attributes (self), NULL);

  return (const char * const *)g_array_index (self->attributes, Attribute, position).values;
}

/**
 * gloss_label_find_attribute:
 *
 * Returns: the position of the attribute @name, or -1
 */
int
gloss_label_find_attribute (GlossLabel *self,
                            const char *name)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), -1);

  for (guint i = 0; i < gloss_label_get_n_attributes (self); i++)
    {
      if (g_strcmp0 (g_array_index (self->attributes, Attribute, i).name, name) == 0)
        return i;
    }

  return -1;
}

/**
 * gloss_label_has_value:
 *
 * Returns: %TRUE if the label declares the attribute @name with @value
 */
gboolean
gloss_label_has_value (GlossLabel *self,
                       const char *name,
                       const char *value)
{
  int position = gloss_label_find_attribute (self, name);

  return position >= 0 && value != NULL &&
         g_strv_contains (gloss_label_get_attribute_values (self, position), value);
}

/**
 * gloss_label_add_attribute:
 * @name: an id (see gloss_label_id_is_valid())
 * @values: the values it may take, ids too, at least one
 *
 * Declares an attribute of a span label, after those it has.
 *
 * Returns: %FALSE if the label has an attribute @name already
 */
gboolean
gloss_label_add_attribute (GlossLabel         *self,
                           const char         *name,
                           const char * const *values)
{
  Attribute attribute;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);
  g_return_val_if_fail (self->scope == GLOSS_LABEL_SCOPE_SPAN, FALSE);
  g_return_val_if_fail (name != NULL && values != NULL && values[0] != NULL, FALSE);

  if (gloss_label_find_attribute (self, name) >= 0)
    return FALSE;

  if (self->attributes == NULL)
    {
      self->attributes = g_array_new (FALSE, FALSE, sizeof (Attribute));
      g_array_set_clear_func (self->attributes, (GDestroyNotify)attribute_clear);
    }

  attribute.name = g_strdup (name);
  attribute.values = g_strdupv ((char **)values);
  g_array_append_val (self->attributes, attribute);

  return TRUE;
}

/**
 * gloss_label_add_attribute_value:
 * @name: an attribute the label declares
 * @value: an id (see gloss_label_id_is_valid())
 *
 * Adds @value to the values of the attribute @name, after those it has.
 *
 * Returns: %FALSE if the label has no attribute @name or it has @value
 */
gboolean
gloss_label_add_attribute_value (GlossLabel *self,
                                 const char *name,
                                 const char *value)
{
  Attribute *attribute;
  guint n;
  int position;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  position = gloss_label_find_attribute (self, name);
  if (position < 0)
    return FALSE;

  attribute = &g_array_index (self->attributes, Attribute, position);
  if (g_strv_contains ((const char * const *)attribute->values, value))
    return FALSE;

  n = g_strv_length (attribute->values);
  attribute->values = g_renew (char *, attribute->values, n + 2);
  attribute->values[n] = g_strdup (value);
  attribute->values[n + 1] = NULL;

  return TRUE;
}

static const char * const no_labels[] = { NULL };

/**
 * gloss_label_get_from:
 *
 * Returns: (transfer none): the span labels a relation label joins from
 */
const char * const *
gloss_label_get_from (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), no_labels);

  return self->from ? (const char * const *)self->from : no_labels;
}

/**
 * gloss_label_get_to:
 *
 * Returns: (transfer none): the span labels a relation label joins to
 */
const char * const *
gloss_label_get_to (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), no_labels);

  return self->to ? (const char * const *)self->to : no_labels;
}

/**
 * gloss_label_set_endpoints:
 * @from: span label ids
 * @to: span label ids
 *
 * Sets which span labels a relation label joins: a span of a label in
 * @from to a span of a label in @to.
 */
void
gloss_label_set_endpoints (GlossLabel         *self,
                           const char * const *from,
                           const char * const *to)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (self->scope == GLOSS_LABEL_SCOPE_RELATION);
  g_return_if_fail (from != NULL && to != NULL);

  /* The new lists first: @from may be the label's own */
  {
    GStrv new_from = g_strdupv ((char **)from);
    GStrv new_to = g_strdupv ((char **)to);

    g_strfreev (self->from);
    g_strfreev (self->to);
    self->from = new_from;
    self->to = new_to;
  }
}

/**
 * gloss_label_joins:
 *
 * Returns: %TRUE if the relation label may join a span labelled
 *   @from_label to one labelled @to_label
 */
gboolean
gloss_label_joins (GlossLabel *self,
                   const char *from_label,
                   const char *to_label)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);

  return from_label != NULL && to_label != NULL &&
         g_strv_contains (gloss_label_get_from (self), from_label) &&
         g_strv_contains (gloss_label_get_to (self), to_label);
}

/**
 * gloss_codebook_list_to_string:
 *
 * Returns: the member of `"codebook"` that holds @list: "include",
 *   "exclude", "examples" or "negative_examples"
 */
const char *
gloss_codebook_list_to_string (GlossCodebookList list)
{
  static const char * const names[] = { "include", "exclude", "examples", "negative_examples" };

  g_return_val_if_fail (list < GLOSS_CODEBOOK_N_LISTS, NULL);

  return names[list];
}

/**
 * gloss_label_get_codebook:
 *
 * Returns: (transfer none): the items of one list of the label's codebook
 *   entry, in order; empty when it has none
 */
const char * const *
gloss_label_get_codebook (GlossLabel        *self,
                          GlossCodebookList  list)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), no_labels);
  g_return_val_if_fail (list < GLOSS_CODEBOOK_N_LISTS, no_labels);

  return self->codebook[list] ? (const char * const *)self->codebook[list] : no_labels;
}

/**
 * gloss_label_set_codebook:
 * @items: (nullable): the rules or examples, each valid
 *   (gloss_codebook_item_is_valid()); %NULL or empty for none
 *
 * Replaces one list of the label's codebook entry.
 */
void
gloss_label_set_codebook (GlossLabel         *self,
                          GlossCodebookList   list,
                          const char * const *items)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (list < GLOSS_CODEBOOK_N_LISTS);

  if (items != NULL && items[0] == NULL)
    items = NULL;

  if (items == NULL ? self->codebook[list] == NULL
                    : self->codebook[list] != NULL && g_strv_equal (items, (const char * const *)self->codebook[list]))
    return;

  {
    GStrv copy = g_strdupv ((char **)items);

    g_strfreev (self->codebook[list]);
    self->codebook[list] = copy;
  }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
}

/**
 * gloss_label_has_codebook:
 *
 * Returns: %TRUE if the label has a rule or an example (a description
 *   alone is not counted)
 */
gboolean
gloss_label_has_codebook (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), FALSE);

  for (guint i = 0; i < GLOSS_CODEBOOK_N_LISTS; i++)
    if (self->codebook[i] != NULL)
      return TRUE;

  return FALSE;
}

/**
 * gloss_codebook_item_is_valid:
 *
 * A rule or an example is one line: not empty, not only white space,
 * without a line break (U+000A, U+000D, U+2028, U+2029), of at most
 * %GLOSS_CODEBOOK_MAX_ITEM_LENGTH characters. The labels editor edits
 * each list one item a line, so an item never has to be split.
 *
 * Returns: %TRUE if @item may be a rule or an example
 */
gboolean
gloss_codebook_item_is_valid (const char *item)
{
  gboolean blank = TRUE;
  glong length = 0;

  if (item == NULL || !g_utf8_validate (item, -1, NULL))
    return FALSE;

  for (const char *p = item; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        return FALSE;
      if (!g_unichar_isspace (c))
        blank = FALSE;
      if (++length > GLOSS_CODEBOOK_MAX_ITEM_LENGTH)
        return FALSE;
    }

  return !blank;
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
