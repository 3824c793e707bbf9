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

#if defined(__SSE2__) && defined(__GNUC__)
#define GLOSS_UTF8_SSE2 1
#include <emmintrin.h>
#endif

/* The word-at-a-time tests where there is no SSE2 (ARM and others): whether
 * a byte of @x is zero, or less than @n (at most 128). Exact for the word,
 * not for which byte. */
#define GLOSS_UTF8_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define GLOSS_UTF8_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
#define GLOSS_UTF8_HAS_ZERO(x) (((x) - GLOSS_UTF8_ONES) & ~(x) & GLOSS_UTF8_HIGHS)
#define GLOSS_UTF8_HAS_LESS(x, n) (((x) - GLOSS_UTF8_ONES * (n)) & ~(x) & GLOSS_UTF8_HIGHS)

/* The first byte at or after @p that is not ASCII, sixteen (or eight)
 * bytes at a time */
static inline const guchar *
gloss_utf8_skip_ascii (const guchar *p,
                       const guchar *end)
{
#ifdef GLOSS_UTF8_SSE2
  while (end - p >= 16)
    {
      int mask = _mm_movemask_epi8 (_mm_loadu_si128 ((const __m128i *)p));

      if (mask != 0)
        return p + __builtin_ctz (mask);
      p += 16;
    }
#endif

  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (word & GLOSS_UTF8_HIGHS)
        break;
      p += 8;
    }

  while (p < end && *p < 0x80)
    p++;

  return p;
}

/* The first byte at or after @p that a JSON string cannot hold as it is:
 * a quote, a backslash, a control character, and with @ascii_only any
 * byte beyond ASCII. Most of an annotation file, and of an export, is
 * the text of strings: sixteen (or eight) bytes at a time. */
static inline const guchar *
gloss_utf8_skip_json_plain (const guchar *p,
                            const guchar *end,
                            gboolean      ascii_only)
{
#ifdef GLOSS_UTF8_SSE2
  const __m128i quote = _mm_set1_epi8 ('"');
  const __m128i backslash = _mm_set1_epi8 ('\\');
  const __m128i control = _mm_set1_epi8 (0x1F);

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)p);
      __m128i special = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, quote), _mm_cmpeq_epi8 (v, backslash)),
                                      _mm_cmpeq_epi8 (_mm_max_epu8 (v, control), control));
      int mask = _mm_movemask_epi8 (special) | (ascii_only ? _mm_movemask_epi8 (v) : 0);

      if (mask != 0)
        return p + __builtin_ctz (mask);
      p += 16;
    }
#else
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (GLOSS_UTF8_HAS_ZERO (word ^ (GLOSS_UTF8_ONES * '"')) | GLOSS_UTF8_HAS_ZERO (word ^ (GLOSS_UTF8_ONES * '\\')) |
          GLOSS_UTF8_HAS_LESS (word, 0x20) | (ascii_only ? word & GLOSS_UTF8_HIGHS : 0))
        break;
      p += 8;
    }
#endif

  while (p < end && *p >= 0x20 && *p != '"' && *p != '\\' && (!ascii_only || *p < 0x80))
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
