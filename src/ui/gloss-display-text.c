/* gloss-display-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-display-text.h"
#include "gloss-document.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

/* Pango lays a paragraph out as one piece, in time that grows faster than
 * its length: a text with a line of 200 000 characters would freeze the
 * window for minutes. Such paragraphs are shown in pieces instead. */
#define LONG_RUN 2000   /* characters: break at the next sentence start */
#define HARD_RUN 8000   /* characters: break at the next space */

/* The UTF-8 of U+2029 PARAGRAPH SEPARATOR: one code point, like the space
 * it stands in for, so every offset of the view stays the document's */
#define PARAGRAPH_SEPARATOR "\xE2\x80\xA9"

static gboolean
has_long_run (const char *contents,
              gsize       n_bytes)
{
  const char *p = contents;
  const char *end = contents + n_bytes;

  /* In bytes: at least as many as characters, so no long run is missed */
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);

      if ((nl ? nl : end) - p > LONG_RUN)
        return TRUE;
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  return FALSE;
}

/**
 * gloss_display_text_dup:
 * @length: (out): the length of the result in bytes
 *
 * What a view shows of @document's text: the text itself, but with the
 * space before a sentence start turned into a paragraph separator where a
 * paragraph runs on for more than 2000 characters (and before any space
 * after 8000). Code point offsets stay the same.
 *
 * Returns: (transfer full) (nullable): the text to show, or %NULL when it
 *   is the document's text as it is
 */
char *
gloss_display_text_dup (GlossDocument *document,
                        gsize         *length)
{
  GlossText *text = gloss_document_get_text (document);
  const char *contents = gloss_text_get_contents (text);
  gsize n_bytes = gloss_text_get_n_bytes (text);
  guint n_sentences = gloss_document_get_n_sentences (document);
  guint next = 0;
  guint offset = 0;
  guint run = 0;
  GString *out;

  if (!has_long_run (contents, n_bytes))
    return NULL;

  out = g_string_sized_new (n_bytes + n_bytes / 64);

  for (const char *p = contents; p < contents + n_bytes; p = g_utf8_next_char (p), offset++)
    {
      gboolean sentence_follows;

      while (next < n_sentences && gloss_sentence_get_start (gloss_document_get_sentence (document, next)) <= offset)
        next++;
      sentence_follows = next < n_sentences &&
                         gloss_sentence_get_start (gloss_document_get_sentence (document, next)) == offset + 1;

      if (*p == '\n' || *p == '\r')
        run = 0;
      else if ((*p == ' ' || *p == '\t') &&
               ((run > LONG_RUN && sentence_follows) || run > HARD_RUN))
        {
          g_string_append (out, PARAGRAPH_SEPARATOR);
          run = 0;
          continue;
        }
      else
        run++;

      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  *length = out->len;

  return g_string_free (out, FALSE);
}
