/* icu-segment.c
 *
 * ICU's sentence break iterator as a command, to set beside
 * `gloss segment -`: it reads a UTF-8 text on the standard input and
 * prints the sentences as `gloss segment` does, a JSON list of
 * [start, end] code-point pairs. It is written to be fast (one read, one
 * write, numbers without printf), so the comparison is fair to ICU.
 *
 *   icu-segment [de|en] < TEXT
 *
 * "ss=standard" turns ICU's abbreviation suppressions on ("Dr.", "z.B.").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

static char *
put_number (char    *p,
            int64_t  value)
{
  char digits[24];
  int n = 0;

  do
    {
      digits[n++] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  while (n > 0)
    *p++ = digits[--n];

  return p;
}

int
main (int   argc,
      char *argv[])
{
  const char *locale = argc > 1 && strcmp (argv[1], "en") == 0 ? "en@ss=standard" : "de@ss=standard";
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *bi;
  size_t allocated = 1 << 20;
  size_t size = 0;
  char *text = malloc (allocated);
  UChar *utext;
  int32_t ulen = 0;
  size_t out_size;
  char *out;
  char *p;
  int32_t previous;
  int32_t boundary;
  int64_t code_points = 0;
  int64_t start = 0;
  int first = 1;

  for (;;)
    {
      size += fread (text + size, 1, allocated - size, stdin);
      if (size < allocated)
        break;
      allocated *= 2;
      text = realloc (text, allocated);
    }

  /* UTF-16, as ICU works on it; the conversion refuses invalid UTF-8 */
  utext = malloc (sizeof (UChar) * (size + 1));
  u_strFromUTF8 (utext, (int32_t)size + 1, &ulen, text, (int32_t)size, &status);
  if (U_FAILURE (status))
    {
      fprintf (stderr, "icu-segment: %s\n", u_errorName (status));
      return 1;
    }

  bi = ubrk_open (UBRK_SENTENCE, locale, utext, ulen, &status);
  if (U_FAILURE (status))
    {
      fprintf (stderr, "icu-segment: %s\n", u_errorName (status));
      return 1;
    }

  /* Room for 64 bytes a sentence at first, doubled when needed */
  out_size = (size_t)ulen + 64;
  out = malloc (out_size);
  p = out;
  *p++ = '[';

  previous = ubrk_first (bi);
  while ((boundary = ubrk_next (bi)) != UBRK_DONE)
    {
      /* Code points: every UTF-16 unit but the second of a pair */
      for (int32_t i = previous; i < boundary; i++)
        code_points += (utext[i] & 0xFC00) != 0xDC00;

      /* At most ", [N, N]" and the final "]\n" */
      if ((size_t)(p - out) + 64 > out_size)
        {
          size_t used = (size_t)(p - out);

          out_size *= 2;
          out = realloc (out, out_size);
          p = out + used;
        }

      if (!first)
        {
          *p++ = ',';
          *p++ = ' ';
        }
      *p++ = '[';
      p = put_number (p, start);
      *p++ = ',';
      *p++ = ' ';
      p = put_number (p, code_points);
      *p++ = ']';

      first = 0;
      start = code_points;
      previous = boundary;
    }
  *p++ = ']';
  *p++ = '\n';
  fwrite (out, 1, (size_t)(p - out), stdout);

  ubrk_close (bi);
  free (out);
  free (utext);
  free (text);

  return 0;
}
