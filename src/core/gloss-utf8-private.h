/* gloss-utf8-private.h
 *
 * The UTF-8 checks that the text and the annotation file's reader share,
 * inline: they run once per byte of a long text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The first byte at or after @p that is not ASCII, eight bytes at a time */
static inline const guchar *
gloss_utf8_skip_ascii (const guchar *p,
                       const guchar *end)
{
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
      p += 8;
    }

  while (p < end && *p < 0x80)
    p++;

  return p;
}

/* The length of the UTF-8 sequence at @p, 0 if it is not valid: exactly
 * what g_utf8_validate() refuses (overlong forms, surrogates, beyond
 * U+10FFFF, cut-off sequences) is refused */
static inline guint
gloss_utf8_sequence_length (const guchar *p,
                            const guchar *end)
{
  guchar lead = p[0];
  gsize left = end - p;

  if (lead >= 0xC2 && lead <= 0xDF)
    return left >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;

  if (lead >= 0xE0 && lead <= 0xEF)
    {
      guchar low = lead == 0xE0 ? 0xA0 : 0x80;
      guchar high = lead == 0xED ? 0x9F : 0xBF;

      return left >= 3 && p[1] >= low && p[1] <= high && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }

  if (lead >= 0xF0 && lead <= 0xF4)
    {
      guchar low = lead == 0xF0 ? 0x90 : 0x80;
      guchar high = lead == 0xF4 ? 0x8F : 0xBF;

      return left >= 4 && p[1] >= low && p[1] <= high && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }

  return 0;
}

G_END_DECLS
