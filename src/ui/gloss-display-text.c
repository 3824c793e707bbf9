/* gloss-display-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-display-text.h"
#include "gloss-segmenter.h"
#include "gloss-text.h"

/* Pango lays a paragraph out as one piece, in time that grows faster than
 * its length: a text with a line of 200 000 characters would freeze the
 * window for minutes. Such paragraphs are shown in pieces instead. */
#define LONG_RUN 2000   /* characters: break at the next sentence start */
#define HARD_RUN 8000   /* characters: break at the next space */

/* The UTF-8 of U+2029 PARAGRAPH SEPARATOR: one code point, like the space
 * it stands in for, so every offset of the view stays the document's */
#define PARAGRAPH_SEPARATOR "\xE2\x80\xA9"

/* Breaks the line [line, end) where it runs on too long, copying what
 * comes before each break to @out; returns where the copying stopped */
static const char *
break_line (GString        *out,
            const char     *copied,
            const char     *line,
            const char     *end,
            GlossSegmenter *segmenter)
{
  g_autoptr(GArray) spans = gloss_segmenter_split (segmenter, line, end - line);
  guint next = 0;
  guint offset = 0;   /* in the line */
  guint run = 0;

  for (const char *p = line; p < end; p = g_utf8_next_char (p), offset++)
    {
      gboolean sentence_follows;

      while (next < spans->len && g_array_index (spans, GlossRange, next).start <= offset)
        next++;
      sentence_follows = next < spans->len && g_array_index (spans, GlossRange, next).start == offset + 1;

      if (*p == '\r')
        run = 0;
      else if ((*p == ' ' || *p == '\t') &&
               ((run > LONG_RUN && sentence_follows) || run > HARD_RUN))
        {
          g_string_append_len (out, copied, p - copied);
          g_string_append (out, PARAGRAPH_SEPARATOR);
          copied = p + 1;
          run = 0;
        }
      else
        run++;
    }

  return copied;
}

/**
 * gloss_display_text_dup:
 * @language: the language whose rules find sentence starts
 * @length: (out): the length of the result in bytes
 *
 * What a view shows of @text: the text itself, but with the space before a
 * sentence start turned into a paragraph separator where a paragraph runs
 * on for more than 2000 characters (and before any space after 8000).
 * Code point offsets stay the same. It needs only the text, so a view can
 * show it before the annotations are read; it takes time linear in the
 * length of the text, and is safe to call in a worker thread.
 *
 * Returns: (transfer full) (nullable): the text to show, or %NULL when it
 *   is @text as it is
 */
char *
gloss_display_text_dup (GlossText  *text,
                        const char *language,
                        gsize      *length)
{
  const char *contents = gloss_text_get_contents (text);
  const char *end = contents + gloss_text_get_n_bytes (text);
  g_autoptr(GlossSegmenter) segmenter = NULL;
  const char *copied = contents;
  GString *out = NULL;

  for (const char *line = contents; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl ? nl : end;

      /* In bytes: at least as many as characters, so no long run is
       * missed, and the usual short paragraph costs nothing */
      if (line_end - line > LONG_RUN)
        {
          if (segmenter == NULL)
            {
              segmenter = gloss_segmenter_new (language);
              out = g_string_sized_new ((end - contents) + (end - contents) / 64);
            }
          copied = break_line (out, copied, line, line_end, segmenter);
        }

      line = nl ? nl + 1 : end;
    }

  if (out == NULL)
    return NULL;

  g_string_append_len (out, copied, end - copied);
  *length = out->len;

  return g_string_free (out, FALSE);
}
