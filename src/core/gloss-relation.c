/* gloss-relation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-span-private.h"

/* A relation annotation: a relation label from one span to another (a
 * quote to its speaker), by the spans' ids. Like a span, it never changes
 * once in a document; an edit (a re-link, a note) is a changed copy that
 * replaces it. */
struct _GlossRelation
{
  GObject        parent_instance;

  guint          id;
  guint          from;
  guint          to;
  char          *label;
  GlossSpanInfo  info;
};

G_DEFINE_FINAL_TYPE (GlossRelation, gloss_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_relation_finalize (GObject *object)
{
  GlossRelation *self = (GlossRelation *)object;

  g_clear_pointer (&self->label, g_free);
  _gloss_span_info_clear (&self->info);

  G_OBJECT_CLASS (gloss_relation_parent_class)->finalize (object);
}

static void
gloss_relation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossRelation *self = GLOSS_RELATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_FROM:
      g_value_set_uint (value, self->from);
      break;

    case PROP_TO:
      g_value_set_uint (value, self->to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_relation_class_init (GlossRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_relation_finalize;
  object_class->get_property = gloss_relation_get_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_FROM] = g_param_spec_uint ("from", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TO] = g_param_spec_uint ("to", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_relation_init (GlossRelation *self)
{
  _gloss_span_info_init (&self->info);
}

/**
 * gloss_relation_new:
 * @id: unique among the relations of a document
 * @label: a relation label's id
 * @from: the id of the span the relation goes from (a quote)
 * @to: the id of the span it goes to (the quote's speaker)
 *
 * Makes a relation that is not in a document yet: without a note or an
 * annotator, made now. gloss_document_new_relation() makes one with the
 * document's next id and annotator.
 *
 * Returns: (transfer full): the relation
 */
GlossRelation *
gloss_relation_new (guint       id,
                    const char *label,
                    guint       from,
                    guint       to)
{
  GlossRelation *self;

  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_RELATION, NULL);
  self->id = id;
  self->label = g_strdup (label);
  self->from = from;
  self->to = to;

  return self;
}

/**
 * gloss_relation_copy:
 *
 * Returns: (transfer full): a copy, with the same id, to change and put
 *   in the relation's place (gloss_document_replace_relation())
 */
GlossRelation *
gloss_relation_copy (GlossRelation *self)
{
  GlossRelation *copy;

  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  copy = gloss_relation_new (self->id, self->label, self->from, self->to);
  _gloss_span_info_copy (&self->info, &copy->info);

  return copy;
}

/**
 * gloss_relation_equal:
 *
 * Returns: %TRUE if both relations have the same id, label, spans, note,
 *   annotator, times, origin and review mark
 */
gboolean
gloss_relation_equal (GlossRelation *self,
                      GlossRelation *other)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_RELATION (other), FALSE);

  return self->id == other->id && self->from == other->from && self->to == other->to &&
         g_strcmp0 (self->label, other->label) == 0 &&
         _gloss_span_info_equal (&self->info, &other->info);
}

/**
 * gloss_relation_is_sealed:
 *
 * Returns: %TRUE once the relation is (or was) in a document, and so
 *   never changes again
 */
gboolean
gloss_relation_is_sealed (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), TRUE);

  return self->info.sealed;
}

guint
gloss_relation_get_id (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);

  return self->id;
}

const char *
gloss_relation_get_label (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->label;
}

guint
gloss_relation_get_from (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);

  return self->from;
}

guint
gloss_relation_get_to (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), 0);

  return self->to;
}

const char *
gloss_relation_get_note (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->info.note;
}

const char *
gloss_relation_get_annotator (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->info.annotator;
}

const char *
gloss_relation_get_created (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->info.created;
}

const char *
gloss_relation_get_modified (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->info.modified;
}

/**
 * gloss_relation_get_origin:
 *
 * Returns: (nullable): %NULL for a relation made by hand,
 *   %GLOSS_ORIGIN_SUGGESTED for an accepted suggestion
 */
const char *
gloss_relation_get_origin (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->info.origin;
}

/**
 * gloss_relation_get_suggester:
 *
 * Returns: (nullable): what suggested the relation, and its version
 */
const char *
gloss_relation_get_suggester (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), NULL);

  return self->info.suggester;
}

gboolean
gloss_relation_get_review (GlossRelation *self)
{
  g_return_val_if_fail (GLOSS_IS_RELATION (self), FALSE);

  return self->info.review;
}

void
gloss_relation_set_id (GlossRelation *self,
                       guint          id)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (!self->info.sealed);

  self->id = id;
}

void
gloss_relation_set_label (GlossRelation *self,
                          const char    *label)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (label != NULL);

  _gloss_span_info_set (&self->info, &self->label, label);
}

void
gloss_relation_set_from (GlossRelation *self,
                         guint          from)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (!self->info.sealed);

  self->from = from;
}

void
gloss_relation_set_to (GlossRelation *self,
                       guint          to)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (!self->info.sealed);

  self->to = to;
}

void
gloss_relation_set_note (GlossRelation *self,
                         const char    *note)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (note != NULL);

  _gloss_span_info_set (&self->info, &self->info.note, note);
}

void
gloss_relation_set_annotator (GlossRelation *self,
                              const char    *annotator)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (annotator != NULL);

  _gloss_span_info_set (&self->info, &self->info.annotator, annotator);
}

void
gloss_relation_set_created (GlossRelation *self,
                            const char    *created)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (created != NULL);

  _gloss_span_info_set (&self->info, &self->info.created, created);
}

void
gloss_relation_set_modified (GlossRelation *self,
                             const char    *modified)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (modified != NULL);

  _gloss_span_info_set (&self->info, &self->info.modified, modified);
}

/**
 * gloss_relation_set_origin:
 * @origin: (nullable): %NULL (made by hand) or %GLOSS_ORIGIN_SUGGESTED
 * @suggester: (nullable): what suggested it, and its version
 */
void
gloss_relation_set_origin (GlossRelation *self,
                           const char    *origin,
                           const char    *suggester)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));

  _gloss_span_info_set (&self->info, &self->info.origin, origin);
  _gloss_span_info_set (&self->info, &self->info.suggester, suggester);
}

void
gloss_relation_set_review (GlossRelation *self,
                           gboolean       review)
{
  g_return_if_fail (GLOSS_IS_RELATION (self));
  g_return_if_fail (!self->info.sealed);

  self->info.review = !!review;
}

/* Private API */

GlossSpanInfo *
_gloss_relation_get_info (GlossRelation *self)
{
  return &self->info;
}
