/* gloss-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "gloss-annotation.h"

/* One label on one span of the text. Only the note and its modification
 * time change after creation; anything else is a new annotation, so that
 * undo can simply put the old object back. */
struct _GlossAnnotation
{
  GObject  parent_instance;

  guint    id;
  guint    start;
  guint    end;
  guint    sentence;
  char    *label;
  char    *text;
  char    *note;
  char    *annotator;
  char    *created;
  char    *modified;
  gboolean review;      /* to be checked by a person, e.g. after a split */
};

G_DEFINE_FINAL_TYPE (GlossAnnotation, gloss_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_SENTENCE,
  PROP_NOTE,
  PROP_ANNOTATOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_annotation_finalize (GObject *object)
{
  GlossAnnotation *self = (GlossAnnotation *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (gloss_annotation_parent_class)->finalize (object);
}

static void
gloss_annotation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossAnnotation *self = GLOSS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SENTENCE:
      g_value_set_uint (value, self->sentence);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_REVIEW:
      g_value_set_boolean (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_class_init (GlossAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_annotation_finalize;
  object_class->get_property = gloss_annotation_get_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SENTENCE] = g_param_spec_uint ("sentence", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANNOTATOR] = g_param_spec_string ("annotator", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, flags | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REVIEW] = g_param_spec_boolean ("review", NULL, NULL, FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_init (GlossAnnotation *self)
{
}

/**
 * gloss_annotation_new:
 * @created: (nullable): ISO 8601 time in UTC; %NULL for now
 * @modified: (nullable): ISO 8601 time in UTC; %NULL for @created
 */
GlossAnnotation *
gloss_annotation_new (guint       id,
                      const char *label,
                      guint       start,
                      guint       end,
                      const char *text,
                      guint       sentence,
                      const char *note,
                      const char *annotator,
                      const char *created,
                      const char *modified)
{
  GlossAnnotation *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION, NULL);
  self->id = id;
  self->label = g_strdup (label);
  self->start = start;
  self->end = end;
  self->text = g_strdup (text);
  self->sentence = sentence;
  self->note = g_strdup (note ? note : "");
  self->annotator = g_strdup (annotator ? annotator : "");
  self->created = created ? g_strdup (created) : gloss_timestamp_now ();
  self->modified = g_strdup (modified ? modified : self->created);

  return self;
}

guint
gloss_annotation_get_id (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->id;
}

const char *
gloss_annotation_get_label (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->label;
}

guint
gloss_annotation_get_start (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->start;
}

guint
gloss_annotation_get_end (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->end;
}

const char *
gloss_annotation_get_text (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->text;
}

guint
gloss_annotation_get_sentence (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), 0);

  return self->sentence;
}

const char *
gloss_annotation_get_note (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->note;
}

/**
 * gloss_annotation_set_note:
 * @modified: the time of the change, ISO 8601 in UTC
 *
 * Only the document calls this, through its history, so that every change
 * of a note is undoable.
 */
void
gloss_annotation_set_note (GlossAnnotation *self,
                           const char      *note,
                           const char      *modified)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));
  g_return_if_fail (note != NULL && modified != NULL);

  if (g_strcmp0 (self->note, note) != 0)
    {
      g_free (self->note);
      self->note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }

  if (g_strcmp0 (self->modified, modified) != 0)
    {
      g_free (self->modified);
      self->modified = g_strdup (modified);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/**
 * gloss_annotation_get_review:
 *
 * Returns: %TRUE if a person should check the annotation, e.g. because its
 *   sentence was split and the label stayed on both halves
 */
gboolean
gloss_annotation_get_review (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), FALSE);

  return self->review;
}

/**
 * gloss_annotation_set_review:
 *
 * Sets the review mark of an annotation that is not in a document yet;
 * in a document, annotations change only through its history.
 */
void
gloss_annotation_set_review (GlossAnnotation *self,
                             gboolean         review)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION (self));

  if (self->review == !!review)
    return;

  self->review = !!review;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

const char *
gloss_annotation_get_annotator (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->annotator;
}

const char *
gloss_annotation_get_created (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->created;
}

const char *
gloss_annotation_get_modified (GlossAnnotation *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (self), NULL);

  return self->modified;
}

/**
 * gloss_timestamp_now:
 *
 * Returns: (transfer full): the current time as ISO 8601 in UTC, to the
 *   second, e.g. `2026-11-28T05:30:00Z`
 */
/* @n digits of @value at @out */
static char *
put_digits (char  *out,
            int    value,
            guint  n)
{
  for (guint i = n; i > 0; i--)
    {
      out[i - 1] = '0' + value % 10;
      value /= 10;
    }

  return out + n;
}

char *
gloss_timestamp_now (void)
{
  time_t seconds = (time_t)(g_get_real_time () / G_USEC_PER_SEC);
  char buffer[sizeof "2026-11-28T05:30:00Z"];
  struct tm utc;
  char *p = buffer;

  /* What g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ") writes, for a
   * fiftieth of the work: every span and relation read from a file takes
   * the time when it is made, before the file's own */
  if (gmtime_r (&seconds, &utc) == NULL || utc.tm_year + 1900 > 9999 || utc.tm_year + 1900 < 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }

  p = put_digits (p, utc.tm_year + 1900, 4);
  *p++ = '-';
  p = put_digits (p, utc.tm_mon + 1, 2);
  *p++ = '-';
  p = put_digits (p, utc.tm_mday, 2);
  *p++ = 'T';
  p = put_digits (p, utc.tm_hour, 2);
  *p++ = ':';
  p = put_digits (p, utc.tm_min, 2);
  *p++ = ':';
  p = put_digits (p, utc.tm_sec, 2);
  *p++ = 'Z';
  *p = '\0';

  return g_strdup (buffer);
}

/**
 * gloss_timestamp_is_valid:
 *
 * Returns: %TRUE if @timestamp is an ISO 8601 date and time with a zone
 */
/* The number of the @n digits at @p, or -1 */
static int
read_digits (const char *p,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }

  return value;
}

/* Whether @timestamp is a valid time as Gloss writes it,
 * 2026-11-28T09:15:02Z. A file holds two for each annotation, and
 * GDateTime took a tenth of the time of loading one; what this does not
 * take, GDateTime decides. */
static gboolean
is_plain_utc (const char *timestamp)
{
  int year, month, day;

  if (strlen (timestamp) != 20 || timestamp[4] != '-' || timestamp[7] != '-' || timestamp[10] != 'T' ||
      timestamp[13] != ':' || timestamp[16] != ':' || timestamp[19] != 'Z')
    return FALSE;

  year = read_digits (timestamp, 4);
  month = read_digits (timestamp + 5, 2);
  day = read_digits (timestamp + 8, 2);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year) &&
         read_digits (timestamp + 11, 2) >= 0 && read_digits (timestamp + 11, 2) <= 23 &&
         read_digits (timestamp + 14, 2) >= 0 && read_digits (timestamp + 14, 2) <= 59 &&
         read_digits (timestamp + 17, 2) >= 0 && read_digits (timestamp + 17, 2) <= 59;
}

gboolean
gloss_timestamp_is_valid (const char *timestamp)
{
  g_autoptr(GDateTime) time = NULL;

  if (timestamp == NULL)
    return FALSE;

  if (is_plain_utc (timestamp))
    return TRUE;

  time = g_date_time_new_from_iso8601 (timestamp, NULL);

  return time != NULL;
}
