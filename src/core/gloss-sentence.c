/* gloss-sentence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-annotation.h"
#include "gloss-sentence-private.h"

struct _GlossSentence
{
  GObject    parent_instance;

  guint      id;
  guint      start;
  guint      end;
  GPtrArray *annotations;   /* GlossAnnotation, in the document's order */
};

G_DEFINE_FINAL_TYPE (GlossSentence, gloss_sentence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_sentence_finalize (GObject *object)
{
  GlossSentence *self = (GlossSentence *)object;

  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_sentence_parent_class)->finalize (object);
}

static void
gloss_sentence_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossSentence *self = GLOSS_SENTENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sentence_class_init (GlossSentenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_sentence_finalize;
  object_class->get_property = gloss_sentence_get_property;

  properties[PROP_ID] =
    g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_sentence_init (GlossSentence *self)
{
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * gloss_sentence_new:
 * @id: the sentence's id, stable across boundary edits
 * @start: its first code point
 * @end: the code point after its last
 */
GlossSentence *
gloss_sentence_new (guint id,
                    guint start,
                    guint end)
{
  GlossSentence *self;

  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (GLOSS_TYPE_SENTENCE, NULL);
  self->id = id;
  self->start = start;
  self->end = end;

  return self;
}

guint
gloss_sentence_get_id (GlossSentence *self)
{
  g_return_val_if_fail (GLOSS_IS_SENTENCE (self), 0);

  return self->id;
}

guint
gloss_sentence_get_start (GlossSentence *self)
{
  g_return_val_if_fail (GLOSS_IS_SENTENCE (self), 0);

  return self->start;
}

guint
gloss_sentence_get_end (GlossSentence *self)
{
  g_return_val_if_fail (GLOSS_IS_SENTENCE (self), 0);

  return self->end;
}

guint
gloss_sentence_get_n_annotations (GlossSentence *self)
{
  g_return_val_if_fail (GLOSS_IS_SENTENCE (self), 0);

  return self->annotations->len;
}

/**
 * gloss_sentence_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation at @position, in
 *   label-set order
 */
GlossAnnotation *
gloss_sentence_get_annotation (GlossSentence *self,
                               guint          position)
{
  g_return_val_if_fail (GLOSS_IS_SENTENCE (self), NULL);

  if (position >= self->annotations->len)
    return NULL;

  return g_ptr_array_index (self->annotations, position);
}

/**
 * gloss_sentence_find_label:
 *
 * Returns: (transfer none) (nullable): the sentence's annotation with
 *   @label, if it has one
 */
GlossAnnotation *
gloss_sentence_find_label (GlossSentence *self,
                           const char    *label)
{
  g_return_val_if_fail (GLOSS_IS_SENTENCE (self), NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (g_strcmp0 (gloss_annotation_get_label (annotation), label) == 0)
        return annotation;
    }

  return NULL;
}

gboolean
gloss_sentence_has_label (GlossSentence *self,
                          const char    *label)
{
  return gloss_sentence_find_label (self, label) != NULL;
}

void
_gloss_sentence_insert_annotation (GlossSentence   *self,
                                   guint            position,
                                   GlossAnnotation *annotation)
{
  g_ptr_array_insert (self->annotations, MIN (position, self->annotations->len), g_object_ref (annotation));
}

void
_gloss_sentence_remove_annotation (GlossSentence   *self,
                                   GlossAnnotation *annotation)
{
  g_ptr_array_remove (self->annotations, annotation);
}

/* @compare: of two GlossAnnotation ** (g_ptr_array_sort_with_data())
 * Returns: %TRUE if the order changed */
gboolean
_gloss_sentence_sort_annotations (GlossSentence    *self,
                                  GCompareDataFunc  compare,
                                  gpointer          user_data)
{
  gboolean sorted = TRUE;

  for (guint i = 1; sorted && i < self->annotations->len; i++)
    sorted = compare (&self->annotations->pdata[i - 1], &self->annotations->pdata[i], user_data) <= 0;

  if (sorted)
    return FALSE;

  g_ptr_array_sort_with_data (self->annotations, compare, user_data);

  return TRUE;
}
