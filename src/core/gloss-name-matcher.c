/* gloss-name-matcher.c
 *
 * The names annotators have tagged as speakers, looked for everywhere
 * else (INCEpTION's string matcher): a name is the text of a `speaker`
 * span of a document (an annotation, not a suggestion), its white space
 * collapsed to one space, the case kept; pronouns (data/suggest/
 * name-pronouns.txt), names of fewer than two characters and single
 * lower-case words are not looked for. A name is found where it stands
 * as whole words (the characters either side are not letters or digits,
 * g_unichar_isalnum()), any run of white space matching its space, and
 * not over a span to avoid (a speaker annotated or suggested already);
 * where several names start at one place the longest wins. Each find is
 * a `speaker` suggestion of its own, with no relation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-document.h"
#include "gloss-name-matcher.h"
#include "gloss-resources.h"
#include "gloss-span.h"
#include "gloss-text.h"

#define SPEAKER "speaker"

struct _GlossNameMatcher
{
  GObject     parent_instance;

  GHashTable *names;     /* normalised name -> its code points (gunichar *, 0-terminated) */
  GHashTable *by_first;  /* first code point -> GPtrArray of names' code points, longest first */
  GHashTable *pronouns;  /* case-folded pronoun -> itself */
  gboolean    sorted;
};

G_DEFINE_FINAL_TYPE (GlossNameMatcher, gloss_name_matcher, G_TYPE_OBJECT)

static void
gloss_name_matcher_finalize (GObject *object)
{
  GlossNameMatcher *self = GLOSS_NAME_MATCHER (object);

  g_clear_pointer (&self->by_first, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->pronouns, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_name_matcher_parent_class)->finalize (object);
}

static void
gloss_name_matcher_class_init (GlossNameMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_name_matcher_finalize;
}

static void
gloss_name_matcher_init (GlossNameMatcher *self)
{
  g_autoptr(GBytes) bytes = gloss_resources_lookup ("suggest/name-pronouns.txt");
  g_auto(GStrv) lines = NULL;

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->pronouns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (bytes != NULL);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (*g_strstrip (lines[i]) == '#')
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_hash_table_add (self->pronouns, g_utf8_casefold (words[j], -1));
    }
}

/**
 * gloss_name_matcher_new:
 *
 * Returns: (transfer full): a matcher with no names
 */
GlossNameMatcher *
gloss_name_matcher_new (void)
{
  return g_object_new (GLOSS_TYPE_NAME_MATCHER, NULL);
}

/* @name with each run of white space one space, none at the ends */
static char *
normalise (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * gloss_name_matcher_add_name:
 * @name: a speaker's text, as annotated
 *
 * Adds @name (normalised) to the names looked for, unless it is a
 * pronoun, shorter than two characters or a single lower-case word.
 *
 * Returns: %TRUE if @name is looked for (now or already)
 */
gboolean
gloss_name_matcher_add_name (GlossNameMatcher *self,
                             const char       *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  gunichar *chars;
  glong n_chars = 0;
  GPtrArray *list;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), FALSE);
  g_return_val_if_fail (name != NULL && g_utf8_validate (name, -1, NULL), FALSE);

  normal = normalise (name);
  if (g_hash_table_contains (self->names, normal))
    return TRUE;

  folded = g_utf8_casefold (normal, -1);
  chars = g_utf8_to_ucs4_fast (normal, -1, &n_chars);
  if (n_chars < 2 || g_hash_table_contains (self->pronouns, folded) ||
      (strchr (normal, ' ') == NULL && g_unichar_islower (chars[0])))
    {
      g_free (chars);
      return FALSE;
    }

  g_hash_table_insert (self->names, g_steal_pointer (&normal), chars);
  list = g_hash_table_lookup (self->by_first, GUINT_TO_POINTER (chars[0]));
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_first, GUINT_TO_POINTER (chars[0]), list);
    }
  g_ptr_array_add (list, chars);
  self->sorted = FALSE;

  return TRUE;
}

/**
 * gloss_name_matcher_add_document:
 *
 * Adds the texts of @document's `speaker` spans (its annotations, not its
 * suggestions; the parts of a span joined by a space).
 *
 * Returns: the number of names taken from it
 */
guint
gloss_name_matcher_add_document (GlossNameMatcher *self,
                                 GlossDocument    *document)
{
  GListModel *spans;
  guint n_taken = 0;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), 0);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), 0);

  spans = gloss_document_get_spans (document);
  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);
      g_autofree char *text = NULL;

      if (g_strcmp0 (gloss_span_get_label (span), SPEAKER) != 0)
        continue;
      text = gloss_span_dup_text (span, " ");
      if (gloss_name_matcher_add_name (self, text))
        n_taken++;
    }

  return n_taken;
}

/**
 * gloss_name_matcher_add_files:
 * @text_files: (element-type GFile): texts (.txt)
 *
 * Adds the speakers of every text in @text_files that has an annotation
 * file; a text that cannot be read, or whose annotation file cannot, is
 * passed over (the caller reports it when it opens the text itself).
 *
 * Returns: the number of names taken
 */
guint
gloss_name_matcher_add_files (GlossNameMatcher *self,
                              GPtrArray        *text_files,
                              GCancellable     *cancellable)
{
  guint n_taken = 0;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), 0);
  g_return_val_if_fail (text_files != NULL, 0);

  for (guint i = 0; i < text_files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      GFile *file = g_ptr_array_index (text_files, i);
      g_autoptr(GFile) annotations = gloss_document_dup_annotation_file_for (file);
      g_autoptr(GlossDocument) document = NULL;

      if (!g_file_query_exists (annotations, cancellable))
        continue;
      document = gloss_document_load_fallback (file, NULL, NULL, cancellable, NULL);
      if (document != NULL)
        n_taken += gloss_name_matcher_add_document (self, document);
    }

  return n_taken;
}

/**
 * gloss_name_matcher_add_matcher:
 * @other: names collected before (a folder's, kept to be reused)
 *
 * Adds the names of @other. @other is only read, so it may be shared
 * between threads as long as nothing adds to it or searches with it
 * (a search sorts its lists).
 *
 * Returns: the number of names taken
 */
guint
gloss_name_matcher_add_matcher (GlossNameMatcher *self,
                                GlossNameMatcher *other)
{
  GHashTableIter iter;
  gpointer name;
  guint n_taken = 0;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), 0);
  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (other), 0);
  g_return_val_if_fail (self != other, 0);

  g_hash_table_iter_init (&iter, other->names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    n_taken += gloss_name_matcher_add_name (self, name);

  return n_taken;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * gloss_name_matcher_dup_names:
 *
 * Returns: (transfer container) (element-type utf8): the names looked
 *   for, sorted (strings owned by @self)
 */
GPtrArray *
gloss_name_matcher_dup_names (GlossNameMatcher *self)
{
  GPtrArray *names;
  GHashTableIter iter;
  gpointer name;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), NULL);

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_strings);

  return names;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const gunichar *x = *(const gunichar * const *)a;
  const gunichar *y = *(const gunichar * const *)b;
  gsize nx = 0, ny = 0;

  while (x[nx] != 0)
    nx++;
  while (y[ny] != 0)
    ny++;
  if (nx != ny)
    return nx > ny ? -1 : 1;
  for (gsize i = 0; i < nx; i++)
    if (x[i] != y[i])
      return x[i] < y[i] ? -1 : 1;

  return 0;
}

/* The end of @name in @chars from @at, or 0 if it is not there */
static glong
match_at (const gunichar *chars,
          glong           n_chars,
          glong           at,
          const gunichar *name)
{
  glong i = at;

  for (; *name != 0; name++)
    {
      if (i >= n_chars)
        return 0;
      if (*name == ' ')
        {
          if (!g_unichar_isspace (chars[i]))
            return 0;
          while (i < n_chars && g_unichar_isspace (chars[i]))
            i++;
          continue;
        }
      if (chars[i] != *name)
        return 0;
      i++;
    }

  return i;
}

/**
 * gloss_name_matcher_find:
 * @avoid: (element-type GlossSpan) (nullable): spans no find may overlap
 *
 * Returns: (transfer full) (element-type GlossRange): where the names
 *   stand in @text as whole words, in order, not overlapping each other
 *   or @avoid
 */
GArray *
gloss_name_matcher_find (GlossNameMatcher *self,
                         GlossText        *text,
                         GPtrArray        *avoid)
{
  g_autofree gunichar *chars = NULL;
  g_autofree guint8 *blocked = NULL;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (GlossRange));
  glong n_chars = 0;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), found);
  g_return_val_if_fail (GLOSS_IS_TEXT (text), found);

  if (g_hash_table_size (self->names) == 0)
    return found;

  if (!self->sorted)
    {
      GHashTableIter iter;
      gpointer list;

      g_hash_table_iter_init (&iter, self->by_first);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        g_ptr_array_sort (list, compare_names);
      self->sorted = TRUE;
    }

  chars = g_utf8_to_ucs4_fast (gloss_text_get_contents (text), -1, &n_chars);
  blocked = g_malloc0 (n_chars + 1);
  for (guint i = 0; avoid != NULL && i < avoid->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (avoid, i);

      for (guint k = 0; k < gloss_span_get_n_parts (span); k++)
        {
          GlossRange part = gloss_span_get_part (span, k);

          for (guint c = part.start; c < part.end && c < (guint)n_chars; c++)
            blocked[c] = 1;
        }
    }

  for (glong i = 0; i < n_chars; i++)
    {
      GPtrArray *list;

      if (i > 0 && g_unichar_isalnum (chars[i - 1]))
        continue;
      list = g_hash_table_lookup (self->by_first, GUINT_TO_POINTER (chars[i]));
      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          glong end = match_at (chars, n_chars, i, g_ptr_array_index (list, k));
          gboolean free_ = end > 0 && (end == n_chars || !g_unichar_isalnum (chars[end]));

          for (glong c = i; free_ && c < end; c++)
            free_ = !blocked[c];
          if (free_)
            {
              GlossRange range = { (guint)i, (guint)end };

              g_array_append_val (found, range);
              i = end - 1;
              break;
            }
        }
    }

  return found;
}

/**
 * gloss_name_matcher_suggest:
 * @annotated: (element-type GlossSpan) (nullable): the document's spans
 * @spans: (element-type GlossSpan): the suggestions so far (not in a
 *   document); the names' suggestions are added
 *
 * Suggests a `speaker` span, a suggestion of its own, wherever a name
 * stands in @text and no `speaker` span of @annotated or @spans does; ids
 * follow the greatest of @spans.
 *
 * Returns: the number of spans added
 */
guint
gloss_name_matcher_suggest (GlossNameMatcher *self,
                            GlossText        *text,
                            GPtrArray        *annotated,
                            GPtrArray        *spans)
{
  g_autoptr(GPtrArray) avoid = g_ptr_array_new ();
  g_autoptr(GArray) found = NULL;
  guint next_id = 0;

  g_return_val_if_fail (GLOSS_IS_NAME_MATCHER (self), 0);
  g_return_val_if_fail (GLOSS_IS_TEXT (text), 0);
  g_return_val_if_fail (spans != NULL, 0);

  for (guint i = 0; annotated != NULL && i < annotated->len; i++)
    if (g_strcmp0 (gloss_span_get_label (g_ptr_array_index (annotated, i)), SPEAKER) == 0)
      g_ptr_array_add (avoid, g_ptr_array_index (annotated, i));
  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      next_id = MAX (next_id, gloss_span_get_id (span));
      if (g_strcmp0 (gloss_span_get_label (span), SPEAKER) == 0)
        g_ptr_array_add (avoid, span);
    }

  found = gloss_name_matcher_find (self, text, avoid);
  for (guint i = 0; i < found->len; i++)
    {
      GlossRange part = g_array_index (found, GlossRange, i);
      g_autofree char *slice = gloss_text_dup_slice (text, part.start, part.end);
      const char *texts[] = { slice, NULL };
      GlossSpan *span = gloss_span_new (++next_id, SPEAKER, &part, 1, texts);

      gloss_span_set_origin (span, GLOSS_ORIGIN_SUGGESTED, GLOSS_NAME_MATCHER_VERSION);
      g_ptr_array_add (spans, span);
    }

  return found->len;
}
