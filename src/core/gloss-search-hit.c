/* gloss-search-hit.c
 *
 * One hit of a search across a corpus (gloss-search.c): where it is, the
 * text around it and the labels there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-json.h"
#include "gloss-search-private.h"

G_DEFINE_FINAL_TYPE (GlossSearchHit, gloss_search_hit, G_TYPE_OBJECT)

static void
gloss_search_hit_finalize (GObject *object)
{
  GlossSearchHit *self = GLOSS_SEARCH_HIT (object);

  g_free (self->document);
  g_clear_object (&self->file);
  g_free (self->left);
  g_free (self->match);
  g_free (self->right);
  g_strfreev (self->labels);
  g_clear_pointer (&self->span_ids, g_array_unref);
  g_strfreev (self->span_labels);

  G_OBJECT_CLASS (gloss_search_hit_parent_class)->finalize (object);
}

static void
gloss_search_hit_class_init (GlossSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_hit_finalize;
}

static void
gloss_search_hit_init (GlossSearchHit *self)
{
  self->span_ids = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * gloss_search_hit_get_document:
 *
 * Returns: the document's id: its path below the folder searched
 */
const char *
gloss_search_hit_get_document (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return self->document;
}

/**
 * gloss_search_hit_get_file:
 *
 * Returns: (transfer none) (nullable): the text's file
 */
GFile *
gloss_search_hit_get_file (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return self->file;
}

/**
 * gloss_search_hit_get_in_sentence:
 *
 * Returns: whether the match starts in a sentence (not in the white space
 *   between two); only then do the sentence's id and offsets mean anything
 */
gboolean
gloss_search_hit_get_in_sentence (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), FALSE);

  return self->in_sentence;
}

guint
gloss_search_hit_get_sentence (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);

  return self->sentence;
}

guint
gloss_search_hit_get_sentence_start (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);

  return self->sentence_start;
}

guint
gloss_search_hit_get_sentence_end (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);

  return self->sentence_end;
}

/**
 * gloss_search_hit_get_start:
 *
 * Returns: the match's first code point
 */
guint
gloss_search_hit_get_start (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);

  return self->start;
}

/**
 * gloss_search_hit_get_end:
 *
 * Returns: the code point after the match's last
 */
guint
gloss_search_hit_get_end (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);

  return self->end;
}

/**
 * gloss_search_hit_get_left:
 *
 * Returns: the text just before the match, exactly (line breaks included)
 */
const char *
gloss_search_hit_get_left (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return self->left;
}

/**
 * gloss_search_hit_get_match:
 *
 * Returns: the text at the match's offsets
 */
const char *
gloss_search_hit_get_match (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return self->match;
}

const char *
gloss_search_hit_get_right (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return self->right;
}

/**
 * gloss_search_hit_get_labels:
 *
 * Returns: (transfer none): the ids of the sentence's labels, in the
 *   label set's order
 */
const char * const *
gloss_search_hit_get_labels (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);

  return (const char * const *)self->labels;
}

/**
 * gloss_search_hit_get_n_spans:
 *
 * Returns: how many spans share a code point with the match
 */
guint
gloss_search_hit_get_n_spans (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);

  return self->span_ids->len;
}

guint
gloss_search_hit_get_span_id (GlossSearchHit *self,
                              guint           i)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  g_return_val_if_fail (i < self->span_ids->len, 0);

  return g_array_index (self->span_ids, guint, i);
}

const char *
gloss_search_hit_get_span_label (GlossSearchHit *self,
                                 guint           i)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);
  g_return_val_if_fail (i < self->span_ids->len, NULL);

  return self->span_labels[i];
}

static void
append_json_strv (GString    *out,
                  GStrv       strv)
{
  g_string_append_c (out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      gloss_json_append_string (out, strv[i]);
    }
  g_string_append_c (out, ']');
}

/**
 * gloss_search_hit_append_json:
 *
 * Appends the hit as one line of JSON (without the line break), its
 * members always in the same order: `document`, `sentence` (`null`
 * between sentences), `sentence_start`, `sentence_end`, `start`, `end`,
 * `left`, `match`, `right`, `labels`, `spans` (`{"id", "label"}`).
 */
void
gloss_search_hit_append_json (GlossSearchHit *self,
                              GString        *out)
{
  g_return_if_fail (GLOSS_IS_SEARCH_HIT (self));

  g_string_append (out, "{\"document\": ");
  gloss_json_append_string (out, self->document);
  if (self->in_sentence)
    g_string_append_printf (out, ", \"sentence\": %u, \"sentence_start\": %u, \"sentence_end\": %u",
                            self->sentence, self->sentence_start, self->sentence_end);
  else
    g_string_append (out, ", \"sentence\": null, \"sentence_start\": null, \"sentence_end\": null");
  g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"left\": ", self->start, self->end);
  gloss_json_append_string (out, self->left);
  g_string_append (out, ", \"match\": ");
  gloss_json_append_string (out, self->match);
  g_string_append (out, ", \"right\": ");
  gloss_json_append_string (out, self->right);
  g_string_append (out, ", \"labels\": ");
  append_json_strv (out, self->labels);
  g_string_append (out, ", \"spans\": [");
  for (guint i = 0; i < self->span_ids->len; i++)
    {
      g_string_append_printf (out, "%s{\"id\": %u, \"label\": ", i ? ", " : "",
                              g_array_index (self->span_ids, guint, i));
      gloss_json_append_string (out, self->span_labels[i]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}
