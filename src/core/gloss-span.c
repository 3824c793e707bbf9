/* gloss-span.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-span-private.h"

/* A span annotation: a span label on one or more parts of the text, which
 * may cross sentences and overlap other spans. Once in a document it never
 * changes (a save writes it from a worker thread, and undo puts the old
 * object back): an edit is a copy, changed, that replaces it. */
struct _GlossSpan
{
  GObject        parent_instance;

  guint          id;
  char          *label;
  GlossRange    *parts;       /* ordered, not overlapping, none empty */
  char         **texts;       /* the text of each part, n_parts of them */
  guint          n_parts;
  GPtrArray     *attributes;  /* name, value, name, value …; NULL for none */
  GlossSpanInfo  info;
};

G_DEFINE_FINAL_TYPE (GlossSpan, gloss_span, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The shared members of spans and relations */

void
_gloss_span_info_init (GlossSpanInfo *info)
{
  memset (info, 0, sizeof *info);
  info->note = g_strdup ("");
  info->annotator = g_strdup ("");
  info->created = gloss_timestamp_now ();
  info->modified = g_strdup (info->created);
}

void
_gloss_span_info_clear (GlossSpanInfo *info)
{
  g_clear_pointer (&info->note, g_free);
  g_clear_pointer (&info->annotator, g_free);
  g_clear_pointer (&info->created, g_free);
  g_clear_pointer (&info->modified, g_free);
  g_clear_pointer (&info->origin, g_free);
  g_clear_pointer (&info->suggester, g_free);
}

/* Copies all but the seal: a copy is to be changed */
void
_gloss_span_info_copy (const GlossSpanInfo *from,
                       GlossSpanInfo       *to)
{
  _gloss_span_info_clear (to);
  to->note = g_strdup (from->note);
  to->annotator = g_strdup (from->annotator);
  to->created = g_strdup (from->created);
  to->modified = g_strdup (from->modified);
  to->origin = g_strdup (from->origin);
  to->suggester = g_strdup (from->suggester);
  to->review = from->review;
  to->sealed = FALSE;
}

gboolean
_gloss_span_info_equal (const GlossSpanInfo *a,
                        const GlossSpanInfo *b)
{
  return g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->annotator, b->annotator) == 0 &&
         g_strcmp0 (a->created, b->created) == 0 &&
         g_strcmp0 (a->modified, b->modified) == 0 &&
         g_strcmp0 (a->origin, b->origin) == 0 &&
         g_strcmp0 (a->suggester, b->suggester) == 0 &&
         a->review == b->review;
}

/* Sets one of @info's strings, unless it is sealed */
void
_gloss_span_info_set (GlossSpanInfo  *info,
                      char          **field,
                      const char     *value)
{
  g_return_if_fail (!info->sealed);

  if (*field == value)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

/* The members after a span's or a relation's own, as the file writes
 * them: `, "note": …, "annotator": …, "created": …, "modified": …`, then
 * origin and suggester only when set, review only when true */
void
_gloss_span_info_append_json (const GlossSpanInfo *info,
                              GString             *out)
{
  g_string_append (out, ", \"note\": ");
  gloss_json_append_string (out, info->note);
  g_string_append (out, ", \"annotator\": ");
  gloss_json_append_string (out, info->annotator);
  g_string_append (out, ", \"created\": ");
  gloss_json_append_string (out, info->created);
  g_string_append (out, ", \"modified\": ");
  gloss_json_append_string (out, info->modified);
  if (info->origin != NULL)
    {
      g_string_append (out, ", \"origin\": ");
      gloss_json_append_string (out, info->origin);
    }
  if (info->suggester != NULL)
    {
      g_string_append (out, ", \"suggester\": ");
      gloss_json_append_string (out, info->suggester);
    }
  if (info->review)
    g_string_append (out, ", \"review\": true");
}

/* GlossSpan */

static void
gloss_span_finalize (GObject *object)
{
  GlossSpan *self = (GlossSpan *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->parts, g_free);
  g_clear_pointer (&self->texts, g_strfreev);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  _gloss_span_info_clear (&self->info);

  G_OBJECT_CLASS (gloss_span_parent_class)->finalize (object);
}

static void
gloss_span_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlossSpan *self = GLOSS_SPAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_START:
      g_value_set_uint (value, gloss_span_get_start (self));
      break;

    case PROP_END:
      g_value_set_uint (value, gloss_span_get_end (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_span_class_init (GlossSpanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_span_finalize;
  object_class->get_property = gloss_span_get_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_span_init (GlossSpan *self)
{
  _gloss_span_info_init (&self->info);
}

/**
 * gloss_span_new:
 * @id: unique among the spans of a document
 * @label: a span label's id
 * @parts: (array length=n_parts): the parts, in text order, not
 *   overlapping, none empty
 * @n_parts: at least one
 * @texts: (array length=n_parts): the text at each part
 *
 * Makes a span that is not in a document yet: without a note or an
 * annotator, made now. gloss_document_new_span() makes one with the
 * document's next id, annotator and texts.
 *
 * Returns: (transfer full): the span
 */
GlossSpan *
gloss_span_new (guint               id,
                const char         *label,
                const GlossRange   *parts,
                guint               n_parts,
                const char * const *texts)
{
  GlossSpan *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (parts != NULL && n_parts > 0, NULL);
  g_return_val_if_fail (texts != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_SPAN, NULL);
  self->id = id;
  self->label = g_strdup (label);
  gloss_span_set_parts (self, parts, n_parts, texts);

  return self;
}

static gpointer
copy_string (gconstpointer string,
             gpointer      user_data)
{
  return g_strdup (string);
}

/**
 * gloss_span_copy:
 *
 * Returns: (transfer full): a copy, with the same id, to change and put
 *   in the span's place (gloss_document_replace_span())
 */
GlossSpan *
gloss_span_copy (GlossSpan *self)
{
  GlossSpan *copy;

  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  copy = gloss_span_new (self->id, self->label, self->parts, self->n_parts, (const char * const *)self->texts);
  if (self->attributes != NULL)
    copy->attributes = g_ptr_array_copy (self->attributes, copy_string, NULL);
  _gloss_span_info_copy (&self->info, &copy->info);

  return copy;
}

/**
 * gloss_span_equal:
 *
 * Returns: %TRUE if both spans have the same id, label, parts, texts,
 *   attributes (in the same order) and the same note, annotator, times,
 *   origin and review mark
 */
gboolean
gloss_span_equal (GlossSpan *self,
                  GlossSpan *other)
{
  guint n_attributes;

  g_return_val_if_fail (GLOSS_IS_SPAN (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SPAN (other), FALSE);

  if (self->id != other->id || g_strcmp0 (self->label, other->label) != 0 || self->n_parts != other->n_parts ||
      memcmp (self->parts, other->parts, self->n_parts * sizeof (GlossRange)) != 0 ||
      !g_strv_equal ((const char * const *)self->texts, (const char * const *)other->texts))
    return FALSE;

  n_attributes = gloss_span_get_n_attributes (self);
  if (n_attributes != gloss_span_get_n_attributes (other))
    return FALSE;
  for (guint i = 0; i < 2 * n_attributes; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->attributes, i), g_ptr_array_index (other->attributes, i)) != 0)
        return FALSE;
    }

  return _gloss_span_info_equal (&self->info, &other->info);
}

/**
 * gloss_span_is_sealed:
 *
 * Returns: %TRUE once the span is (or was) in a document, and so never
 *   changes again
 */
gboolean
gloss_span_is_sealed (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), TRUE);

  return self->info.sealed;
}

guint
gloss_span_get_id (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->id;
}

const char *
gloss_span_get_label (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->label;
}

guint
gloss_span_get_n_parts (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->n_parts;
}

/**
 * gloss_span_get_parts:
 *
 * Returns: (array) (transfer none): the gloss_span_get_n_parts() parts
 */
const GlossRange *
gloss_span_get_parts (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->parts;
}

GlossRange
gloss_span_get_part (GlossSpan *self,
                     guint      part)
{
  GlossRange none = { 0, 0 };

  g_return_val_if_fail (GLOSS_IS_SPAN (self), none);
  g_return_val_if_fail (part < self->n_parts, none);

  return self->parts[part];
}

/**
 * gloss_span_get_part_text:
 *
 * Returns: the text of the part, as it was when the span was made
 */
const char *
gloss_span_get_part_text (GlossSpan *self,
                          guint      part)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);
  g_return_val_if_fail (part < self->n_parts, NULL);

  return self->texts[part];
}

/**
 * gloss_span_get_start:
 *
 * Returns: where the first part starts
 */
guint
gloss_span_get_start (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->parts[0].start;
}

/**
 * gloss_span_get_end:
 *
 * Returns: where the last part ends
 */
guint
gloss_span_get_end (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->parts[self->n_parts - 1].end;
}

/**
 * gloss_span_contains:
 *
 * Returns: %TRUE if a part holds the code point at @offset (a gap between
 *   parts does not)
 */
gboolean
gloss_span_contains (GlossSpan *self,
                     guint      offset)
{
  return gloss_span_overlaps (self, offset, offset + 1);
}

/**
 * gloss_span_overlaps:
 *
 * Returns: %TRUE if a part shares a code point with `[start, end)`; an
 *   empty range shares none
 */
gboolean
gloss_span_overlaps (GlossSpan *self,
                     guint      start,
                     guint      end)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), FALSE);

  if (start >= end)
    return FALSE;

  for (guint i = 0; i < self->n_parts; i++)
    {
      if (self->parts[i].start < end && self->parts[i].end > start)
        return TRUE;
    }

  return FALSE;
}

/**
 * gloss_span_dup_text:
 * @separator: what goes between parts, e.g. " … "
 *
 * Returns: (transfer full): the texts of the parts, joined
 */
char *
gloss_span_dup_text (GlossSpan  *self,
                     const char *separator)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return g_strjoinv (separator, self->texts);
}

guint
gloss_span_get_n_attributes (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), 0);

  return self->attributes ? self->attributes->len / 2 : 0;
}

const char *
gloss_span_get_attribute_name (GlossSpan *self,
                               guint      position)
{
  g_return_val_if_fail (position < gloss_span_get_n_attributes (self), NULL);

  return g_ptr_array_index (self->attributes, 2 * position);
}

const char *
gloss_span_get_attribute_value (GlossSpan *self,
                                guint      position)
{
  g_return_val_if_fail (position < gloss_span_get_n_attributes (self), NULL);

  return g_ptr_array_index (self->attributes, 2 * position + 1);
}

static int
find_attribute (GlossSpan  *self,
                const char *name)
{
  for (guint i = 0; i < gloss_span_get_n_attributes (self); i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->attributes, 2 * i), name) == 0)
        return i;
    }

  return -1;
}

/**
 * gloss_span_get_attribute:
 *
 * Returns: (nullable): the value of the attribute @name, or %NULL when
 *   the span does not have it
 */
const char *
gloss_span_get_attribute (GlossSpan  *self,
                          const char *name)
{
  int position;

  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  position = find_attribute (self, name);

  return position < 0 ? NULL : g_ptr_array_index (self->attributes, 2 * position + 1);
}

const char *
gloss_span_get_note (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->info.note;
}

const char *
gloss_span_get_annotator (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->info.annotator;
}

const char *
gloss_span_get_created (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->info.created;
}

const char *
gloss_span_get_modified (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->info.modified;
}

/**
 * gloss_span_get_origin:
 *
 * Returns: (nullable): %NULL for a span made by hand, %GLOSS_ORIGIN_SUGGESTED
 *   for an accepted suggestion
 */
const char *
gloss_span_get_origin (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->info.origin;
}

/**
 * gloss_span_get_suggester:
 *
 * Returns: (nullable): what suggested the span, and its version
 */
const char *
gloss_span_get_suggester (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), NULL);

  return self->info.suggester;
}

/**
 * gloss_span_get_review:
 *
 * Returns: %TRUE if a person should check the span (re-anchoring placed
 *   it in a changed text, say)
 */
gboolean
gloss_span_get_review (GlossSpan *self)
{
  g_return_val_if_fail (GLOSS_IS_SPAN (self), FALSE);

  return self->info.review;
}

void
gloss_span_set_id (GlossSpan *self,
                   guint      id)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (!self->info.sealed);

  self->id = id;
}

void
gloss_span_set_label (GlossSpan  *self,
                      const char *label)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (label != NULL);

  _gloss_span_info_set (&self->info, &self->label, label);
}

/**
 * gloss_span_set_parts:
 * @parts: (array length=n_parts): in text order, not overlapping, none
 *   empty (the document checks)
 * @texts: (array length=n_parts): the text at each part
 */
void
gloss_span_set_parts (GlossSpan          *self,
                      const GlossRange   *parts,
                      guint               n_parts,
                      const char * const *texts)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (!self->info.sealed);
  g_return_if_fail (parts != NULL && n_parts > 0 && texts != NULL);
  for (guint i = 0; i < n_parts; i++)
    g_return_if_fail (texts[i] != NULL);

  /* The new ones first: they may be the span's own */
  {
    GlossRange *new_parts = g_memdup2 (parts, n_parts * sizeof (GlossRange));
    char **new_texts = g_new0 (char *, n_parts + 1);

    for (guint i = 0; i < n_parts; i++)
      new_texts[i] = g_strdup (texts[i]);

    g_free (self->parts);
    g_strfreev (self->texts);
    self->parts = new_parts;
    self->texts = new_texts;
    self->n_parts = n_parts;
  }
}

/**
 * gloss_span_set_attribute:
 * @value: (nullable): the value; %NULL takes the attribute away
 *
 * Sets an attribute; a new one goes after the others. The document puts
 * them in the order the label declares them when the span is added.
 */
void
gloss_span_set_attribute (GlossSpan  *self,
                          const char *name,
                          const char *value)
{
  int position;

  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (!self->info.sealed);
  g_return_if_fail (name != NULL);

  position = find_attribute (self, name);
  if (position >= 0 && value == NULL)
    g_ptr_array_remove_range (self->attributes, 2 * position, 2);
  else if (position >= 0)
    {
      g_free (g_ptr_array_index (self->attributes, 2 * position + 1));
      g_ptr_array_index (self->attributes, 2 * position + 1) = g_strdup (value);
    }
  else if (value != NULL)
    {
      if (self->attributes == NULL)
        self->attributes = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->attributes, g_strdup (name));
      g_ptr_array_add (self->attributes, g_strdup (value));
    }
}

void
gloss_span_set_note (GlossSpan  *self,
                     const char *note)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (note != NULL);

  _gloss_span_info_set (&self->info, &self->info.note, note);
}

void
gloss_span_set_annotator (GlossSpan  *self,
                          const char *annotator)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (annotator != NULL);

  _gloss_span_info_set (&self->info, &self->info.annotator, annotator);
}

/**
 * gloss_span_set_created:
 * @created: ISO 8601 in UTC, to the second
 */
void
gloss_span_set_created (GlossSpan  *self,
                        const char *created)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (created != NULL);

  _gloss_span_info_set (&self->info, &self->info.created, created);
}

/**
 * gloss_span_set_modified:
 * @modified: ISO 8601 in UTC, to the second
 */
void
gloss_span_set_modified (GlossSpan  *self,
                         const char *modified)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (modified != NULL);

  _gloss_span_info_set (&self->info, &self->info.modified, modified);
}

/**
 * gloss_span_set_origin:
 * @origin: (nullable): %NULL (made by hand) or %GLOSS_ORIGIN_SUGGESTED
 * @suggester: (nullable): what suggested it, and its version, e.g.
 *   "gloss-suggest 1"
 */
void
gloss_span_set_origin (GlossSpan  *self,
                       const char *origin,
                       const char *suggester)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));

  _gloss_span_info_set (&self->info, &self->info.origin, origin);
  _gloss_span_info_set (&self->info, &self->info.suggester, suggester);
}

void
gloss_span_set_review (GlossSpan *self,
                       gboolean   review)
{
  g_return_if_fail (GLOSS_IS_SPAN (self));
  g_return_if_fail (!self->info.sealed);

  self->info.review = !!review;
}

/* Private API */

GlossSpanInfo *
_gloss_span_get_info (GlossSpan *self)
{
  return &self->info;
}

/* Puts the attributes in the order @label declares them, as files write
 * them; an attribute it does not declare goes last (the document refuses
 * such a span) */
void
_gloss_span_sort_attributes (GlossSpan  *self,
                             GlossLabel *label)
{
  g_autoptr(GPtrArray) sorted = NULL;
  guint n = gloss_span_get_n_attributes (self);

  g_return_if_fail (!self->info.sealed);

  if (n < 2)
    return;

  sorted = g_ptr_array_new_full (2 * n, g_free);
  for (guint k = 0; k < gloss_label_get_n_attributes (label); k++)
    {
      int position = find_attribute (self, gloss_label_get_attribute_name (label, k));

      if (position < 0)
        continue;

      g_ptr_array_add (sorted, g_steal_pointer (&g_ptr_array_index (self->attributes, 2 * position)));
      g_ptr_array_add (sorted, g_steal_pointer (&g_ptr_array_index (self->attributes, 2 * position + 1)));
    }

  for (guint i = 0; i < 2 * n; i += 2)
    {
      if (g_ptr_array_index (self->attributes, i) == NULL)
        continue;

      g_ptr_array_add (sorted, g_steal_pointer (&g_ptr_array_index (self->attributes, i)));
      g_ptr_array_add (sorted, g_steal_pointer (&g_ptr_array_index (self->attributes, i + 1)));
    }

  g_ptr_array_unref (self->attributes);
  self->attributes = g_steal_pointer (&sorted);
}
