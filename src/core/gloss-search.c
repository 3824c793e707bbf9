/* gloss-search.c
 *
 * Search across a corpus: words as typed (whatever their case) or a
 * regular expression, in every text of the folders given, optionally only
 * where labels are (or are not). Each hit has its document, its sentence,
 * its offsets in code points, the text around it and the labels there.
 * The window's search pane and `gloss search` both run this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-corpus.h"
#include "gloss-document.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-label.h"
#include "gloss-label-set.h"
#include "gloss-problem.h"
#include "gloss-project.h"
#include "gloss-relation.h"
#include "gloss-search-private.h"
#include "gloss-sentence.h"
#include "gloss-span.h"
#include "gloss-text.h"

/* The search -------------------------------------------------------------- */

struct _GlossSearch
{
  GObject           parent_instance;

  char             *pattern;
  GlossSearchFlags  flags;
  GRegex           *regex;
  GArray           *words;        /* of GArray of gunichar: the pattern's words, folded */
  GPtrArray        *in;           /* label ids */
  GPtrArray        *not_in;
  char             *span;         /* a span label, or NULL */
  GPtrArray        *without;      /* relation label ids */
  guint             context;
  char             *encoding;

  /* What a run found */
  GMutex            mutex;
  guint             n_documents;
  GHashTable       *seen_labels;  /* every label id of the sets searched */
};

G_DEFINE_FINAL_TYPE (GlossSearch, gloss_search, G_TYPE_OBJECT)

static void
gloss_search_finalize (GObject *object)
{
  GlossSearch *self = GLOSS_SEARCH (object);

  g_free (self->pattern);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_clear_pointer (&self->words, g_array_unref);
  g_ptr_array_unref (self->in);
  g_ptr_array_unref (self->not_in);
  g_free (self->span);
  g_ptr_array_unref (self->without);
  g_free (self->encoding);
  g_hash_table_unref (self->seen_labels);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (gloss_search_parent_class)->finalize (object);
}

static void
gloss_search_class_init (GlossSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_finalize;
}

static void
gloss_search_init (GlossSearch *self)
{
  self->in = g_ptr_array_new_with_free_func (g_free);
  self->not_in = g_ptr_array_new_with_free_func (g_free);
  self->without = g_ptr_array_new_with_free_func (g_free);
  self->context = GLOSS_SEARCH_DEFAULT_CONTEXT;
  self->seen_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->mutex);
}

/* Case folding, one code point for one, so that offsets in the folded
 * text are those of the text. GLib's full folding where it keeps to one
 * code point; where it would not (ß → ss), the lower case: “ß” finds ß
 * and ẞ, never “ss”, and “ss” never finds ß — German is matched as typed,
 * as are umlauts (ä is not a). */
#define FOLD_TABLE_SIZE 0x0600

static gunichar fold_table[FOLD_TABLE_SIZE];

static gunichar
fold_slow (gunichar c)
{
  char utf8[8];
  int n = g_unichar_to_utf8 (c, utf8);
  g_autofree char *folded = g_utf8_casefold (utf8, n);

  if (g_utf8_strlen (folded, -1) == 1)
    return g_utf8_get_char (folded);

  return g_unichar_tolower (c);
}

static gpointer
init_fold_table (gpointer data)
{
  for (gunichar c = 0; c < FOLD_TABLE_SIZE; c++)
    fold_table[c] = c < 0x80 ? (gunichar)g_ascii_tolower ((char)c) : fold_slow (c);

  return NULL;
}

static inline gunichar
fold (gunichar c)
{
  return c < FOLD_TABLE_SIZE ? fold_table[c] : fold_slow (c);
}

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static void
clear_word (gpointer data)
{
  g_array_unref (*(GArray **)data);
}

static GArray *
fold_words (const char *pattern,
            gboolean    case_sensitive)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (GArray *));
  GArray *word = NULL;

  g_array_set_clear_func (words, clear_word);
  for (const char *p = pattern; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          word = NULL;
          continue;
        }
      if (word == NULL)
        {
          word = g_array_new (FALSE, FALSE, sizeof (gunichar));
          g_array_append_val (words, word);
        }
      c = case_sensitive ? c : fold (c);
      g_array_append_val (word, c);
    }

  return words;
}

/**
 * gloss_search_new:
 * @pattern: words, or a regular expression with %GLOSS_SEARCH_REGEX; the
 *   empty string finds nothing unless a span label is given
 *   (gloss_search_set_span()), when it finds each part of those spans
 *
 * Returns: (transfer full): the search, or %NULL with @error set
 *   (%GLOSS_ERROR_INVALID_ARGUMENT) when the regular expression is not
 *   valid or the pattern not valid UTF-8
 */
GlossSearch *
gloss_search_new (const char        *pattern,
                  GlossSearchFlags   flags,
                  GError           **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(GlossSearch) self = NULL;

  g_return_val_if_fail (pattern != NULL, NULL);

  g_once (&once, init_fold_table, NULL);

  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT, _("The search is not valid UTF-8"));
      return NULL;
    }

  self = g_object_new (GLOSS_TYPE_SEARCH, NULL);
  self->pattern = g_strdup (pattern);
  self->flags = flags;

  if ((flags & GLOSS_SEARCH_REGEX) && pattern[0] != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      GRegexCompileFlags compile = G_REGEX_OPTIMIZE;

      if (!(flags & GLOSS_SEARCH_CASE_SENSITIVE))
        compile |= G_REGEX_CASELESS;
      self->regex = g_regex_new (pattern, compile, 0, &local_error);
      if (self->regex == NULL)
        {
          const char *detail = local_error->message;
          const char *quoted = strstr (detail, pattern);
          const char *colon = quoted ? strstr (quoted + strlen (pattern), ": ") : NULL;

          /* GLib's message repeats the pattern: what went wrong is what
           * follows it */
          if (colon != NULL)
            detail = colon + 2;
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a valid regular expression: %s"), pattern, detail);
          return NULL;
        }
    }
  else if (!(flags & GLOSS_SEARCH_REGEX))
    self->words = fold_words (pattern, flags & GLOSS_SEARCH_CASE_SENSITIVE);

  return g_steal_pointer (&self);
}

/**
 * gloss_search_add_in:
 * @label: a label's id
 *
 * Keeps only the matches in a sentence with the sentence label @label, or
 * wholly inside a part of a span with the span label @label. Given more
 * than once, a match must be in each.
 */
void
gloss_search_add_in (GlossSearch *self,
                     const char  *label)
{
  g_return_if_fail (GLOSS_IS_SEARCH (self));
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->in, g_strdup (label));
}

/**
 * gloss_search_add_not_in:
 * @label: a label's id
 *
 * Keeps only the matches that gloss_search_add_in() with @label would not.
 */
void
gloss_search_add_not_in (GlossSearch *self,
                         const char  *label)
{
  g_return_if_fail (GLOSS_IS_SEARCH (self));
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->not_in, g_strdup (label));
}

/**
 * gloss_search_set_span:
 * @label: (nullable): a span label's id
 *
 * Keeps only the matches wholly inside a part of a span of @label that
 * has none of the relations of gloss_search_add_without(). With an empty
 * pattern, each part of each such span is a hit.
 */
void
gloss_search_set_span (GlossSearch *self,
                       const char  *label)
{
  g_return_if_fail (GLOSS_IS_SEARCH (self));

  g_free (self->span);
  self->span = label != NULL && label[0] != '\0' ? g_strdup (label) : NULL;
}

/**
 * gloss_search_add_without:
 * @relation: a relation label's id
 *
 * With gloss_search_set_span(): the span must have no relation of
 * @relation, from it or to it ("quotes without a speaker").
 */
void
gloss_search_add_without (GlossSearch *self,
                          const char  *relation)
{
  g_return_if_fail (GLOSS_IS_SEARCH (self));
  g_return_if_fail (relation != NULL);

  g_ptr_array_add (self->without, g_strdup (relation));
}

/**
 * gloss_search_set_context:
 * @context: code points of text to keep on either side of a match
 */
void
gloss_search_set_context (GlossSearch *self,
                          guint        context)
{
  g_return_if_fail (GLOSS_IS_SEARCH (self));

  self->context = context;
}

/**
 * gloss_search_set_encoding:
 * @encoding: (nullable): what texts that are not UTF-8 are read in
 */
void
gloss_search_set_encoding (GlossSearch *self,
                           const char  *encoding)
{
  g_return_if_fail (GLOSS_IS_SEARCH (self));

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

/**
 * gloss_search_check:
 *
 * Returns: %FALSE with @error set when the options do not make a search:
 *   no pattern and no span label, or relations to be without and no span
 *   label
 */
gboolean
gloss_search_check (GlossSearch  *self,
                    GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH (self), FALSE);

  if (self->without->len > 0 && self->span == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Spans without a relation need the span label to look in"));
      return FALSE;
    }

  if (self->span == NULL && (self->regex == NULL && (self->words == NULL || self->words->len == 0)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Give the words or the regular expression to search for"));
      return FALSE;
    }

  return TRUE;
}

/* Searching one document -------------------------------------------------- */

typedef struct
{
  GlossSearch   *self;
  GlossDocument *document;
  GlossText     *text;
  const char    *id;
  GFile         *file;
  GPtrArray     *hits;
} Searching;

static gboolean
span_has_relation (GlossDocument *document,
                   GlossSpan     *span,
                   const char    *relation)
{
  g_autoptr(GPtrArray) from = gloss_document_dup_relations_from (document, gloss_span_get_id (span));
  g_autoptr(GPtrArray) to = gloss_document_dup_relations_to (document, gloss_span_get_id (span));

  for (guint i = 0; i < from->len; i++)
    if (g_strcmp0 (gloss_relation_get_label (g_ptr_array_index (from, i)), relation) == 0)
      return TRUE;
  for (guint i = 0; i < to->len; i++)
    if (g_strcmp0 (gloss_relation_get_label (g_ptr_array_index (to, i)), relation) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
span_holds (GlossSpan *span,
            guint      start,
            guint      end)
{
  for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
    {
      GlossRange part = gloss_span_get_part (span, p);

      if (part.start <= start && end <= part.end)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_in (GlossSentence *sentence,
       GPtrArray     *spans,
       const char    *label,
       guint          start,
       guint          end)
{
  if (sentence != NULL && gloss_sentence_has_label (sentence, label))
    return TRUE;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      if (g_strcmp0 (gloss_span_get_label (span), label) == 0 && span_holds (span, start, end))
        return TRUE;
    }

  return FALSE;
}

static gboolean
in_span_without (Searching *searching,
                 GPtrArray *spans,
                 guint      start,
                 guint      end)
{
  GlossSearch *self = searching->self;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);
      gboolean kept;

      if (g_strcmp0 (gloss_span_get_label (span), self->span) != 0 || !span_holds (span, start, end))
        continue;

      kept = TRUE;
      for (guint r = 0; kept && r < self->without->len; r++)
        kept = !span_has_relation (searching->document, span, g_ptr_array_index (self->without, r));
      if (kept)
        return TRUE;
    }

  return FALSE;
}

/* A match at [start, end) is a hit when the filters let it through */
static void
add_match (Searching *searching,
           guint      start,
           guint      end)
{
  GlossSearch *self = searching->self;
  GlossDocument *document = searching->document;
  GlossLabelSet *labels = gloss_document_get_labels (document);
  g_autoptr(GPtrArray) spans = gloss_document_dup_spans_in (document, start, end);
  g_autoptr(GStrvBuilder) sentence_labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) span_labels = g_strv_builder_new ();
  GlossSentence *sentence = NULL;
  GlossSearchHit *hit;
  guint length = gloss_text_get_length (searching->text);
  int position;

  position = gloss_document_find_sentence_at (document, start);
  if (position >= 0)
    {
      sentence = gloss_document_get_sentence (document, position);
      if (gloss_sentence_get_start (sentence) > start)
        sentence = NULL;
    }

  for (guint i = 0; i < self->in->len; i++)
    if (!is_in (sentence, spans, g_ptr_array_index (self->in, i), start, end))
      return;
  for (guint i = 0; i < self->not_in->len; i++)
    if (is_in (sentence, spans, g_ptr_array_index (self->not_in, i), start, end))
      return;
  if (self->span != NULL && !in_span_without (searching, spans, start, end))
    return;

  hit = g_object_new (GLOSS_TYPE_SEARCH_HIT, NULL);
  hit->document = g_strdup (searching->id);
  hit->file = searching->file ? g_object_ref (searching->file) : NULL;
  hit->start = start;
  hit->end = end;
  hit->left = gloss_text_dup_slice (searching->text, start > self->context ? start - self->context : 0, start);
  hit->match = gloss_text_dup_slice (searching->text, start, end);
  hit->right = gloss_text_dup_slice (searching->text, end, MIN (length, end + self->context));

  if (sentence != NULL)
    {
      hit->in_sentence = TRUE;
      hit->sentence = gloss_sentence_get_id (sentence);
      hit->sentence_start = gloss_sentence_get_start (sentence);
      hit->sentence_end = gloss_sentence_get_end (sentence);
      for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
        {
          const char *id = gloss_label_get_id (gloss_label_set_get_label (labels, i));

          if (gloss_sentence_has_label (sentence, id))
            g_strv_builder_add (sentence_labels, id);
        }
    }
  hit->labels = g_strv_builder_end (sentence_labels);

  for (guint i = 0; i < spans->len; i++)
    {
      guint id = gloss_span_get_id (g_ptr_array_index (spans, i));

      g_array_append_val (hit->span_ids, id);
      g_strv_builder_add (span_labels, gloss_span_get_label (g_ptr_array_index (spans, i)));
    }
  hit->span_labels = g_strv_builder_end (span_labels);

  g_ptr_array_add (searching->hits, hit);
}

static gboolean
is_whole (const gunichar *chars,
          guint           n,
          guint           start,
          guint           end)
{
  if (start > 0 && is_word_char (chars[start - 1]) && is_word_char (chars[start]))
    return FALSE;
  if (end < n && is_word_char (chars[end]) && is_word_char (chars[end - 1]))
    return FALSE;

  return TRUE;
}

/* Where the words of the pattern start at @i, with white space (any, at
 * least one code point) between them: the end, or 0 */
static guint
match_words_at (GArray         *words,
                const gunichar *folded,
                guint           n,
                guint           i)
{
  for (guint w = 0; w < words->len; w++)
    {
      GArray *word = g_array_index (words, GArray *, w);

      if (w > 0)
        {
          if (i >= n || !g_unichar_isspace (folded[i]))
            return 0;
          while (i < n && g_unichar_isspace (folded[i]))
            i++;
        }
      if (n - i < word->len ||
          memcmp (folded + i, word->data, word->len * sizeof (gunichar)) != 0)
        return 0;
      i += word->len;
    }

  return i;
}

static void
search_words (Searching *searching)
{
  GlossSearch *self = searching->self;
  const char *contents = gloss_text_get_contents (searching->text);
  guint n = gloss_text_get_length (searching->text);
  g_autofree gunichar *chars = g_new (gunichar, n + 1);
  g_autofree gunichar *folded = NULL;
  gboolean whole = self->flags & GLOSS_SEARCH_WHOLE_WORDS;
  gunichar first;
  guint i = 0;

  for (const char *p = contents; i < n; p = g_utf8_next_char (p))
    chars[i++] = g_utf8_get_char (p);
  if (self->flags & GLOSS_SEARCH_CASE_SENSITIVE)
    folded = g_memdup2 (chars, (n + 1) * sizeof (gunichar));
  else
    {
      folded = g_new (gunichar, n + 1);
      for (i = 0; i < n; i++)
        folded[i] = fold (chars[i]);
    }

  first = g_array_index (g_array_index (self->words, GArray *, 0), gunichar, 0);
  for (i = 0; i < n; i++)
    {
      guint end;

      if (folded[i] != first)
        continue;
      end = match_words_at (self->words, folded, n, i);
      if (end == 0 || (whole && !is_whole (chars, n, i, end)))
        continue;

      add_match (searching, i, end);
      i = end - 1;
    }
}

static void
search_regex (Searching *searching)
{
  GlossSearch *self = searching->self;
  GlossText *text = searching->text;
  const char *contents = gloss_text_get_contents (text);
  gsize n_bytes = gloss_text_get_n_bytes (text);
  g_autoptr(GMatchInfo) info = NULL;
  gboolean whole = self->flags & GLOSS_SEARCH_WHOLE_WORDS;

  g_regex_match_full (self->regex, contents, n_bytes, 0, 0, &info, NULL);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      int start_byte, end_byte;

      if (!g_match_info_fetch_pos (info, 0, &start_byte, &end_byte) || start_byte == end_byte)
        continue;

      if (whole)
        {
          const char *s = contents + start_byte, *e = contents + end_byte;

          if (start_byte > 0 && is_word_char (g_utf8_get_char (s)) &&
              is_word_char (g_utf8_get_char (g_utf8_prev_char (s))))
            continue;
          if ((gsize)end_byte < n_bytes && is_word_char (g_utf8_get_char (e)) &&
              is_word_char (g_utf8_get_char (g_utf8_prev_char (e))))
            continue;
        }

      add_match (searching,
                 gloss_text_get_char_offset (text, start_byte),
                 gloss_text_get_char_offset (text, end_byte));
    }
}

/* With an empty pattern and a span label: each part of those spans */
static void
search_spans (Searching *searching)
{
  GListModel *spans = gloss_document_get_spans (searching->document);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (GlossRange));

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(GlossSpan) span = g_list_model_get_item (spans, i);

      if (g_strcmp0 (gloss_span_get_label (span), searching->self->span) != 0)
        continue;
      for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
        {
          GlossRange part = gloss_span_get_part (span, p);

          g_array_append_val (parts, part);
        }
    }

  for (guint i = 0; i < parts->len; i++)
    {
      GlossRange *part = &g_array_index (parts, GlossRange, i);

      add_match (searching, part->start, part->end);
    }
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const GlossSearchHit *x = *(GlossSearchHit **)a, *y = *(GlossSearchHit **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;

  return 0;
}

static void
note_labels (GlossSearch   *self,
             GlossDocument *document)
{
  GlossLabelSet *labels = gloss_document_get_labels (document);
  GlossLabelSet *relations = gloss_label_set_get_relation_labels (labels);

  g_mutex_lock (&self->mutex);
  self->n_documents++;
  for (guint i = 0; i < gloss_label_set_get_n_labels (labels); i++)
    {
      const char *id = gloss_label_get_id (gloss_label_set_get_label (labels, i));

      if (!g_hash_table_contains (self->seen_labels, id))
        g_hash_table_add (self->seen_labels, g_strdup (id));
    }
  for (guint i = 0; relations != NULL && i < gloss_label_set_get_n_labels (relations); i++)
    {
      g_autofree char *id = g_strconcat ("→", gloss_label_get_id (gloss_label_set_get_label (relations, i)), NULL);

      if (!g_hash_table_contains (self->seen_labels, id))
        g_hash_table_add (self->seen_labels, g_steal_pointer (&id));
    }
  g_mutex_unlock (&self->mutex);
}

static GPtrArray *
search_document (GlossSearch   *self,
                 GlossDocument *document,
                 const char    *id,
                 GFile         *file)
{
  Searching searching = { self, document, gloss_document_get_text (document), id, file, NULL };

  searching.hits = g_ptr_array_new_with_free_func (g_object_unref);
  note_labels (self, document);

  if (self->regex != NULL)
    search_regex (&searching);
  else if (self->words != NULL && self->words->len > 0)
    search_words (&searching);
  else if (self->span != NULL)
    {
      search_spans (&searching);
      g_ptr_array_sort (searching.hits, compare_hits);
    }

  return searching.hits;
}

/**
 * gloss_search_document:
 * @id: the document's id, as hits give it
 *
 * Searches one document. It may be called from any thread, for
 * different documents at once.
 *
 * Returns: (transfer full) (element-type GlossSearchHit): the hits, in
 *   the order of their offsets
 */
GPtrArray *
gloss_search_document (GlossSearch   *self,
                       GlossDocument *document,
                       const char    *id)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return search_document (self, document, id, gloss_document_get_file (document));
}

/* Searching a corpus ------------------------------------------------------ */

typedef struct
{
  GFile     *file;
  char      *id;
  GPtrArray *hits;
  GPtrArray *problems;
} Slot;

typedef struct
{
  GlossSearch       *self;
  GlossProjectCache *projects;
  GCancellable      *cancellable;
  GMutex             mutex;
  GCond              cond;
  guint              pending;
} Running;

static void
search_slot (Slot    *slot,
             Running *running)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (running->cancellable))
    return;

  document = _gloss_document_load_to_read (slot->file, running->self->encoding, running->projects,
                                           running->cancellable, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = gloss_corpus_dup_display_name (slot->file);

          slot->problems = gloss_problems_new ();
          gloss_problems_add (slot->problems, "", "%s", error->message);
          gloss_problems_set_file (slot->problems, 0, name);
        }
      return;
    }

  slot->hits = search_document (running->self, document, slot->id, slot->file);
}

static void
search_slot_cb (gpointer data,
                gpointer user_data)
{
  Running *running = user_data;

  search_slot (data, running);

  g_mutex_lock (&running->mutex);
  if (--running->pending == 0)
    g_cond_signal (&running->cond);
  g_mutex_unlock (&running->mutex);
}

#define MAX_WORKERS 8

/**
 * gloss_search_run:
 * @inputs: (element-type GFile): texts and folders
 * @problems: (nullable) (element-type GlossProblem): where texts that
 *   cannot be read and folders that cannot be listed are reported
 *
 * Searches every text (`.txt`) of @inputs (gloss_corpus_collect()),
 * loading them in worker threads, one per processor. A document's id is
 * its path below the folder given (escaped as gloss_corpus_escape_id()
 * does). A document that has problems is searched as far as it could be
 * read.
 *
 * Returns: (transfer full) (element-type GlossSearchHit): the hits, by
 *   document in the order found (folders sorted by name), then by offset;
 *   %NULL with @error set when the options make no search
 *   (gloss_search_check()) or when cancelled
 */
GPtrArray *
gloss_search_run (GlossSearch   *self,
                  GPtrArray     *inputs,
                  GPtrArray     *problems,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossProjectCache) projects = gloss_project_cache_new ();
  g_autofree Slot *slots = NULL;
  Running running = { 0 };
  GThreadPool *pool = NULL;
  guint n_workers;

  g_return_val_if_fail (GLOSS_IS_SEARCH (self), NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  if (!gloss_search_check (self, error))
    return NULL;

  g_mutex_lock (&self->mutex);
  self->n_documents = 0;
  g_hash_table_remove_all (self->seen_labels);
  g_mutex_unlock (&self->mutex);

  files = gloss_corpus_collect (inputs, ".txt", roots, problems, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  slots = g_new0 (Slot, MAX (files->len, 1));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = gloss_corpus_dup_id (g_ptr_array_index (roots, i), g_ptr_array_index (files, i));

      slots[i].file = g_ptr_array_index (files, i);
      slots[i].id = gloss_corpus_escape_id (path);
    }

  running.self = self;
  running.projects = projects;
  running.cancellable = cancellable;
  g_mutex_init (&running.mutex);
  g_cond_init (&running.cond);

  n_workers = MIN (g_get_num_processors (), MAX_WORKERS);
  if (n_workers > 1 && files->len > 1)
    pool = g_thread_pool_new (search_slot_cb, &running, n_workers, FALSE, NULL);

  if (pool != NULL)
    {
      running.pending = files->len;
      for (guint i = 0; i < files->len; i++)
        g_thread_pool_push (pool, &slots[i], NULL);

      g_mutex_lock (&running.mutex);
      while (running.pending > 0)
        g_cond_wait (&running.cond, &running.mutex);
      g_mutex_unlock (&running.mutex);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else
    for (guint i = 0; i < files->len; i++)
      search_slot (&slots[i], &running);

  for (guint i = 0; i < files->len; i++)
    {
      Slot *slot = &slots[i];

      if (slot->hits != NULL)
        g_ptr_array_extend_and_steal (hits, g_steal_pointer (&slot->hits));
      if (slot->problems != NULL)
        {
          if (problems != NULL)
            g_ptr_array_extend_and_steal (problems, g_steal_pointer (&slot->problems));
          g_clear_pointer (&slot->problems, g_ptr_array_unref);
        }
      g_free (slot->id);
    }

  g_cond_clear (&running.cond);
  g_mutex_clear (&running.mutex);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&hits);
}

/**
 * gloss_search_get_n_documents:
 *
 * Returns: how many documents the last run searched
 */
guint
gloss_search_get_n_documents (GlossSearch *self)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_SEARCH (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->n_documents;
  g_mutex_unlock (&self->mutex);

  return n;
}

/**
 * gloss_search_dup_unknown_labels:
 *
 * Returns: (transfer full) (element-type utf8): the labels and relation
 *   labels the filters name that no document searched by the last run
 *   has, in the order given: a typo, most likely
 */
GPtrArray *
gloss_search_dup_unknown_labels (GlossSearch *self)
{
  GPtrArray *unknown = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *lists[] = { self->in, self->not_in };

  g_return_val_if_fail (GLOSS_IS_SEARCH (self), unknown);

  g_mutex_lock (&self->mutex);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (!g_hash_table_contains (self->seen_labels, g_ptr_array_index (lists[l], i)))
        g_ptr_array_add (unknown, g_strdup (g_ptr_array_index (lists[l], i)));
  if (self->span != NULL && !g_hash_table_contains (self->seen_labels, self->span))
    g_ptr_array_add (unknown, g_strdup (self->span));
  for (guint i = 0; i < self->without->len; i++)
    {
      g_autofree char *key = g_strconcat ("→", (char *)g_ptr_array_index (self->without, i), NULL);

      if (!g_hash_table_contains (self->seen_labels, key))
        g_ptr_array_add (unknown, g_strdup (g_ptr_array_index (self->without, i)));
    }
  g_mutex_unlock (&self->mutex);

  return unknown;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *hits = gloss_search_run (source_object, task_data, NULL, cancellable, &error);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * gloss_search_run_async:
 *
 * Runs gloss_search_run() in a worker thread.
 */
void
gloss_search_run_async (GlossSearch         *self,
                        GPtrArray           *inputs,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (GLOSS_IS_SEARCH (self));
  g_return_if_fail (inputs != NULL);

  copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (inputs, i)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_search_run_async);
  g_task_set_task_data (task, copy, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, run_thread);
}

/**
 * gloss_search_run_finish:
 *
 * Returns: (transfer full) (element-type GlossSearchHit): the hits, or
 *   %NULL with @error set
 */
GPtrArray *
gloss_search_run_finish (GlossSearch   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
