/* gloss-segmenter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "gloss-resources.h"
#include "gloss-segmenter.h"

/*
 * How the segmenter works
 *
 * The text is scanned once, byte by byte, with a table that marks the few
 * bytes worth a closer look: sentence terminators (". ! ? … ．。"), line
 * breaks, brackets and quotation marks, and the lead byte of the three-byte
 * UTF-8 punctuation (…, “, •). Everything else is skipped without decoding,
 * which is what makes the segmenter fast on long articles.
 *
 * At a terminator the segmenter looks at the token before it and at the
 * first word after it, and decides with the per-language knowledge from
 * data/segmenter/<lang>.txt (abbreviations, sentence openers, ordinal
 * contexts) plus a few rules that hold across languages (initials, numbers,
 * list markers, quotations). A decided boundary is turned into a span at
 * once: the segment is trimmed and its byte offsets are converted into code
 * points by a cursor that only moves forward, so the whole text is counted
 * once.
 *
 * The segmenter holds no mutable state: every split call keeps its state in
 * a Scan on the stack, so several threads can split with one segmenter.
 */

/* Longest token that is looked up in the word tables; longer ones cannot
 * be abbreviations or sentence openers. */
#define MAX_WORD_BYTES 64

/* Tokens and sentence beginnings are looked at over at most this many
 * bytes, so that no input makes the scan quadratic. */
#define MAX_TOKEN_BYTES 128
#define MAX_PREFIX_BYTES 256

/* A bracket that holds a sentence together must close within this many
 * bytes on the same line; this bounds the look-ahead. */
#define MAX_BRACKET_BYTES 250

/* A photo credit after a caption ends its line within this many bytes. */
#define MAX_CREDIT_BYTES 200

typedef enum
{
  WORD_NEVER               = 1 << 0,
  WORD_BEFORE_NUMBER       = 1 << 1,
  WORD_ENDS_BEFORE_CAPITAL = 1 << 2,
  WORD_ENDS_BEFORE_STARTER = 1 << 3,
  WORD_STARTER             = 1 << 4,
  WORD_ORDINAL_BEFORE      = 1 << 5,
  WORD_ORDINAL_AFTER       = 1 << 6,
  WORD_EXCLAMATION_NAME    = 1 << 7,
  WORD_CREDIT              = 1 << 8,
} WordFlags;

#define WORD_ABBREVIATION (WORD_NEVER | WORD_BEFORE_NUMBER | \
                           WORD_ENDS_BEFORE_CAPITAL | WORD_ENDS_BEFORE_STARTER)

struct _GlossSegmenter
{
  GObject     parent_instance;

  char       *language;

  /* Entries of the data file mapped to their WordFlags: all of them as
   * written, and the ones written in lower case once more for matching
   * in any case. */
  GHashTable *exact;
  GHashTable *folded;

  /* Abbreviations that end compound words, before a number ("Hauptstr. 5"). */
  GPtrArray  *number_endings;

  /* Longest entry that can stand before a period, and longest entry of
   * all: longer tokens are not looked up. */
  gsize       max_abbreviation_len;
  gsize       max_word_len;

  guint       min_words;
  guint       ordinals : 1;
  guint       soft_wrap_capitals : 1;
  guint       capital_nouns : 1;
};

G_DEFINE_FINAL_TYPE (GlossSegmenter, gloss_segmenter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef enum
{
  CHAR_OTHER,
  CHAR_UPPER,
  CHAR_LOWER,
  CHAR_DIGIT,
} CharClass;

/* What follows a candidate sentence end. */
typedef struct
{
  const guchar *word;         /* the first word, after quotes and dashes */
  gsize         word_len;
  CharClass     cls;          /* class of its first character */
  guint         line_end : 1; /* nothing but white space up to the line end */
  guint         punct : 1;    /* , ; : — these never start a sentence */
  guint         pipe : 1;     /* "BRIDGEPORT, Conn. | Mayor …" */
  guint         paren : 1;    /* an opening bracket came first */
  guint         dash : 1;
  guint         acronym : 1;  /* the word's second letter is a capital too */
} Next;

typedef struct
{
  const GlossSegmenter *self;
  const guchar         *start;
  const guchar         *end;
  GArray               *spans;

  /* Where the current segment begins (not yet trimmed). */
  const guchar         *seg;

  /* The byte → code point cursor. */
  const guchar         *cp_pos;
  guint                 cp_count;

  /* A bracket that keeps sentences together ends here. */
  const guchar         *hold_end;
} Scan;

/* Bytes that stop the fast skip loop. */
static const guint8 candidate_bytes[256] = {
  ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1,
  ['('] = 1, [')'] = 1, ['['] = 1, ['"'] = 1, [':'] = 1,
  [0xC2] = 1, /* U+0080–U+00BF: © */
  [0xE2] = 1, /* U+2000–U+2FFF: … “ ‘ • ⁃ */
  [0xE3] = 1, /* U+3000–U+3FFF: 。 */
  [0xEF] = 1, /* U+F000–U+FFFF: ． ！ ？ */
};

/* ---------------------------------------------------------------------- */
/* Characters                                                              */

/* Byte length of the white-space character at @p, or 0. Besides ASCII
 * white space this knows NBSP, the Unicode spaces and the BOM, which must
 * never end up inside a sentence. */
static inline gsize
space_at (const guchar *p,
          const guchar *end)
{
  switch (p[0])
    {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
      return 1;
    case 0xC2:
      return (end - p >= 2 && (p[1] == 0xA0 || p[1] == 0x85)) ? 2 : 0;
    case 0xE1:
      return (end - p >= 3 && p[1] == 0x9A && p[2] == 0x80) ? 3 : 0;
    case 0xE2:
      if (end - p < 3)
        return 0;
      if (p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
        return 3;
      if (p[1] == 0x81 && p[2] == 0x9F)
        return 3;
      return 0;
    case 0xE3:
      return (end - p >= 3 && p[1] == 0x80 && p[2] == 0x80) ? 3 : 0;
    case 0xEF:
      return (end - p >= 3 && p[1] == 0xBB && p[2] == 0xBF) ? 3 : 0;
    default:
      return 0;
    }
}

/* Byte length of the white-space character that ends just before @p. */
static inline gsize
space_before (const guchar *p,
              const guchar *start)
{
  if (p - start >= 1 && p[-1] < 0x80)
    return space_at (p - 1, p);
  if (p - start >= 2 && p[-2] == 0xC2)
    return space_at (p - 2, p);
  if (p - start >= 3 && (p[-3] & 0xF0) == 0xE0)
    return space_at (p - 3, p);
  return 0;
}

static inline gboolean
is_horizontal_space (const guchar *p,
                     const guchar *end,
                     gsize        *len)
{
  *len = space_at (p, end);
  return *len > 0 && *p != '\n';
}

static inline gunichar
char_at (const guchar *p,
         const guchar *end,
         gsize        *len)
{
  if (*p < 0x80)
    {
      *len = 1;
      return *p;
    }
  *len = g_utf8_skip[*p];
  if ((gsize) (end - p) < *len)
    {
      *len = 1;
      return 0xFFFD;
    }
  return g_utf8_get_char ((const char *) p);
}

static inline const guchar *
char_start_before (const guchar *p,
                   const guchar *start)
{
  do
    p--;
  while (p > start && (*p & 0xC0) == 0x80);
  return p;
}

static inline gunichar
char_before (const guchar *p,
             const guchar *start)
{
  gsize len;

  if (p <= start)
    return 0;
  p = char_start_before (p, start);
  return char_at (p, p + g_utf8_skip[*p], &len);
}

static CharClass
classify (gunichar c)
{
  if (c < 0x80)
    {
      if (c >= 'A' && c <= 'Z')
        return CHAR_UPPER;
      if (c >= 'a' && c <= 'z')
        return CHAR_LOWER;
      if (c >= '0' && c <= '9')
        return CHAR_DIGIT;
      return CHAR_OTHER;
    }
  if (g_unichar_islower (c))
    return CHAR_LOWER;
  /* Capitals, title case and letters of scripts without case can all
   * begin a sentence. */
  if (g_unichar_isalpha (c))
    return CHAR_UPPER;
  if (g_unichar_isdigit (c))
    return CHAR_DIGIT;
  return CHAR_OTHER;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Quotation marks and brackets that may open a sentence. */
static gboolean
is_opener (gunichar c)
{
  switch (c)
    {
    case '(': case '[': case '{': case '"': case '\'':
    case 0x00AB: case 0x00BB: case 0x00BF: case 0x00A1: /* « » ¿ ¡ */
    case 0x2018: case 0x2019: case 0x201A: /* ‘ ’ ‚ */
    case 0x201C: case 0x201D: case 0x201E: /* “ ” „ */
    case 0x2039: case 0x203A:              /* ‹ › */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Quotation marks and brackets that may close a sentence; “ and ‘ close
 * German quotations. */
static gboolean
is_closer (gunichar c)
{
  switch (c)
    {
    case ')': case ']': case '}': case '"': case '\'':
    case 0x00AB: case 0x00BB:
    case 0x2018: case 0x2019:
    case 0x201C: case 0x201D:
    case 0x2039: case 0x203A:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static gboolean
is_bullet (gunichar c)
{
  return c == 0x2022 || c == 0x2043 || c == 0x25AA || c == 0x25E6;
}

/* Fullwidth and ideographic stops end a sentence without a following space. */
static gboolean
is_strong_terminator (gunichar c)
{
  return c == 0x3002 || c == 0xFF0E || c == 0xFF01 || c == 0xFF1F;
}

/* ---------------------------------------------------------------------- */
/* Word tables                                                             */

static WordFlags
lookup_bytes (const GlossSegmenter *self,
              const guchar         *word,
              gsize                 len)
{
  char buf[MAX_WORD_BYTES];
  WordFlags flags;
  gsize i;

  gboolean lower = TRUE;

  if (len == 0 || len > self->max_word_len)
    return 0;

  memcpy (buf, word, len);
  buf[len] = '\0';
  flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->exact, buf));

  for (i = 0; i < len; i++)
    {
      if (buf[i] >= 'A' && buf[i] <= 'Z')
        {
          buf[i] += 'a' - 'A';
          lower = FALSE;
        }
    }
  /* The lower-case entries are all in the exact table too. "No" is both
   * a sentence opener as written and the abbreviation "no" folded. */
  if (lower)
    return flags;
  return flags | GPOINTER_TO_UINT (g_hash_table_lookup (self->folded, buf));
}

/* Flags of the token before a period; "Tuesday.Mr" (a missing space) falls
 * back to its last part. */
static WordFlags
lookup_token (const GlossSegmenter *self,
              const guchar         *start,
              const guchar         *end)
{
  WordFlags flags;
  const guchar *dot;

  if ((gsize) (end - start) <= self->max_abbreviation_len)
    {
      flags = lookup_bytes (self, start, end - start);
      if (flags != 0)
        return flags;
    }
  dot = memchr (start, '.', end - start);
  if (dot == NULL)
    return 0;
  while (TRUE)
    {
      const guchar *next = memchr (dot + 1, '.', end - dot - 1);
      if (next == NULL)
        break;
      dot = next;
    }
  if (end - dot - 1 < 2 || (gsize) (end - dot - 1) > self->max_abbreviation_len)
    return 0;
  return lookup_bytes (self, dot + 1, end - dot - 1);
}

/* ---------------------------------------------------------------------- */
/* Spans                                                                   */

static guint
scan_code_point_at (Scan         *s,
                    const guchar *x)
{
  const guchar *p = s->cp_pos;
  guint count = s->cp_count;

  g_assert (x >= p);

  /* Count the bytes that are not UTF-8 continuation bytes (10xxxxxx),
   * eight at a time. */
  while (x - p >= 8)
    {
      const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
      guint64 w;
      guint64 cont;

      memcpy (&w, p, 8);
      /* One bit per continuation byte, at the bottom of each byte; the
       * multiplication sums the bytes into the top one. */
      cont = ((w & high) & ~((w << 1) & high)) >> 7;
      count += 8 - (guint) ((cont * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
      p += 8;
    }
  for (; p < x; p++)
    count += (*p & 0xC0) != 0x80;

  s->cp_pos = x;
  s->cp_count = count;
  return count;
}

/* Ends the current segment at @b; the next one starts there. */
static void
scan_break (Scan         *s,
            const guchar *b)
{
  const guchar *a = s->seg;
  const guchar *e = b;
  gsize n;

  if (b <= s->seg)
    return;

  while (a < e && (n = space_at (a, e)) > 0)
    a += n;
  while (e > a && (n = space_before (e, a)) > 0)
    e -= n;

  if (a < e)
    {
      GlossRange span;

      span.start = scan_code_point_at (s, a);
      span.end = scan_code_point_at (s, e);
      g_array_append_val (s->spans, span);
    }

  s->seg = b;
}

/* The first character of the current segment. */
static const guchar *
scan_segment_start (Scan *s)
{
  const guchar *p = s->seg;
  gsize n;

  while (p < s->end && (n = space_at (p, s->end)) > 0)
    p += n;
  return p;
}

/* The first character of the current segment after a bullet. */
static const guchar *
scan_item_start (Scan *s)
{
  const guchar *p = scan_segment_start (s);
  gsize len;

  if (p < s->end && is_bullet (char_at (p, s->end, &len)))
    {
      gsize n;

      p += len;
      while (p < s->end && (n = space_at (p, s->end)) > 0)
        p += n;
    }
  return p;
}

/* ---------------------------------------------------------------------- */
/* Tokens and list markers                                                 */

/* Start of the token that ends at @p, without leading quotes, brackets,
 * bullets and dashes, and never before the current segment. */
static const guchar *
scan_token_start (Scan         *s,
                  const guchar *p)
{
  const guchar *t = p;

  /* Longer tokens are neither abbreviations nor markers; the bound keeps
   * a text without spaces linear. */
  while (t > s->seg && p - t < MAX_TOKEN_BYTES && space_before (t, s->seg) == 0)
    t = char_start_before (t, s->seg);

  while (t < p)
    {
      gsize len;
      gunichar c = char_at (t, p, &len);

      if (!is_opener (c) && !is_bullet (c) && !is_dash (c))
        break;
      t += len;
    }
  return t;
}

typedef enum
{
  MARKER_NONE,
  MARKER_DIGIT,
  MARKER_LOWER,
  MARKER_UPPER,
} MarkerKind;

/* Reads a list marker "3", "c" or "C" spanning [start, end). */
static MarkerKind
parse_marker (const guchar *start,
              const guchar *end,
              guint        *value)
{
  gsize len = end - start;

  if (len == 1 && g_ascii_islower (*start))
    {
      *value = *start - 'a' + 1;
      return MARKER_LOWER;
    }
  if (len == 1 && g_ascii_isupper (*start))
    {
      *value = *start - 'A' + 1;
      return MARKER_UPPER;
    }
  if (len >= 1 && len <= 2 && g_ascii_isdigit (start[0]) &&
      (len == 1 || g_ascii_isdigit (start[1])))
    {
      *value = (len == 1) ? (guint) (start[0] - '0')
                          : (guint) ((start[0] - '0') * 10 + (start[1] - '0'));
      return MARKER_DIGIT;
    }
  return MARKER_NONE;
}

/* Reads the list marker ("3.", "c)", "(c)", "3.)") at @p; @suffix gets the
 * punctuation after it so that only markers of one style form a list. */
static MarkerKind
parse_marker_at (const guchar *p,
                 const guchar *end,
                 guint        *value,
                 guint        *suffix)
{
  const guchar *q;
  gboolean paren = FALSE;
  MarkerKind kind;

  if (p < end && *p == '(')
    {
      paren = TRUE;
      p++;
    }
  q = p;
  while (q < end && q - p < 3 && g_ascii_isalnum (*q))
    q++;
  kind = parse_marker (p, q, value);
  if (kind == MARKER_NONE || q >= end)
    return MARKER_NONE;

  if (paren)
    *suffix = (*q == ')') ? 4 : 0;
  else if (*q == '.')
    *suffix = (q + 1 < end && q[1] == ')') ? 3 : 1;
  else if (*q == ')')
    *suffix = 2;
  else
    *suffix = 0;
  return *suffix != 0 ? kind : MARKER_NONE;
}

/* Whether the marker @kind/@value/@suffix continues a list whose previous
 * item opens the current segment ("a) … b) …"). */
static gboolean
scan_continues_list (Scan       *s,
                     MarkerKind  kind,
                     guint       value,
                     guint       suffix)
{
  const guchar *item = scan_item_start (s);
  guint prev_value = 0;
  guint prev_suffix = 0;

  return parse_marker_at (item, s->end, &prev_value, &prev_suffix) == kind &&
         prev_suffix == suffix && prev_value + 1 == value;
}

/* Whether @t, the token before a period, is an ordinary word: two or more
 * letters and no abbreviation, so that its period ends a sentence. */
static gboolean
is_plain_word (const GlossSegmenter *self,
               const guchar         *t,
               const guchar         *p)
{
  if (g_utf8_strlen ((const char *) t, p - t) < 2)
    return FALSE;
  if (memchr (t, '.', p - t) != NULL)
    return FALSE;
  return (lookup_token (self, t, p) & WORD_ABBREVIATION) == 0;
}

/* Whether the segment before @t ends like a sentence: "… Smith. a) …";
 * a period counts only after an ordinary word ("see p. 4)" is no list). */
static gboolean
scan_follows_sentence_end (Scan         *s,
                           const guchar *t)
{
  const guchar *p = t;
  gsize n;

  while (p > s->seg && (n = space_before (p, s->seg)) > 0)
    p -= n;
  if (p <= s->seg || p == t)
    return FALSE;

  if (p[-1] == '!' || p[-1] == '?')
    return TRUE;
  if (p[-1] != '.')
    return FALSE;
  return is_plain_word (s->self, scan_token_start (s, p - 1), p - 1);
}

/* A list marker in the middle of a line ("… item 2. The second …") starts
 * a new segment when it continues the list that opens the current one, or
 * when it follows a sentence end. Returns whether @t is a marker that now
 * (or already) opens the segment, which a terminator after it never ends. */
static gboolean
scan_list_marker (Scan         *s,
                  const guchar *t,
                  const guchar *p)
{
  const guchar *m = t;
  MarkerKind kind;
  guint value = 0;
  guint suffix = 0;

  /* Markers are one or two characters; most tokens are longer. */
  if (p - t > 2)
    return FALSE;
  if (m > s->seg && m[-1] == '(')
    m--;
  kind = parse_marker_at (m, s->end, &value, &suffix);
  if (kind == MARKER_NONE)
    return FALSE;
  if (m == scan_item_start (s))
    return TRUE;
  if (m > s->seg && space_before (m, s->seg) == 0)
    return FALSE;

  /* Brackets mark list items plainly; "1." and "a." only when they
   * continue a list or open one after a sentence. */
  if (scan_continues_list (s, kind, value, suffix) ||
      ((suffix != 1 || value == 1) && scan_follows_sentence_end (s, m)))
    {
      scan_break (s, m);
      return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Looking ahead                                                           */

static void
read_next (Scan         *s,
           const guchar *q,
           Next         *next)
{
  const guchar *end = s->end;
  gboolean first = TRUE;
  gunichar c = 0;
  gsize len = 0;

  memset (next, 0, sizeof *next);

  while (q < end && is_horizontal_space (q, end, &len))
    q += len;
  if (q >= end || *q == '\n')
    {
      next->line_end = TRUE;
      return;
    }
  if (*q == ',' || *q == ';' || *q == ':')
    {
      next->punct = TRUE;
      return;
    }
  if (*q == '|')
    {
      next->pipe = TRUE;
      return;
    }

  while (q < end)
    {
      c = char_at (q, end, &len);
      if (is_opener (c))
        {
          if (first && (c == '(' || c == '['))
            next->paren = TRUE;
        }
      else if (is_dash (c))
        {
          next->dash = TRUE;
          q += len;
          while (q < end && is_horizontal_space (q, end, &len))
            q += len;
          first = FALSE;
          continue;
        }
      else
        break;
      q += len;
      first = FALSE;
    }
  if (q >= end)
    return;

  next->cls = classify (c);
  if (next->cls == CHAR_UPPER || next->cls == CHAR_LOWER)
    {
      const guchar *w = q;
      guint letters = 0;

      while (w < end && w - q < MAX_WORD_BYTES)
        {
          gunichar d = char_at (w, end, &len);

          if (!is_word_char (d))
            break;
          if (letters == 1 && classify (d) == CHAR_UPPER)
            next->acronym = TRUE;
          letters++;
          w += len;
        }
      next->word = q;
      next->word_len = w - q;
    }
}

static gboolean
next_is_starter (const GlossSegmenter *self,
                 const Next           *next)
{
  if (next->cls != CHAR_UPPER || next->paren)
    return FALSE;
  return (lookup_bytes (self, next->word, next->word_len) & WORD_STARTER) != 0;
}

/* "II", "XIV" — but not the pronoun "I". */
static gboolean
next_is_roman (const Next *next)
{
  gsize i;

  if (next->word_len < 2 || next->word_len > 6)
    return FALSE;
  for (i = 0; i < next->word_len; i++)
    if (strchr ("IVXLCDM", next->word[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
next_is_capitalised (const Next *next)
{
  return next->cls == CHAR_UPPER && !next->acronym && !next->paren;
}

/* Whether the current segment has at least @min words up to and
 * including the token at @t. */
static gboolean
scan_has_words (Scan         *s,
                const guchar *t,
                guint         min)
{
  const guchar *p = scan_segment_start (s);
  guint words = 1;
  gboolean in_space = TRUE;

  /* A sentence this long has enough words anyway. */
  if (t - p > MAX_PREFIX_BYTES)
    return TRUE;

  while (p < t && words < min)
    {
      gsize n = space_at (p, t);

      if (n > 0)
        {
          in_space = TRUE;
          p += n;
        }
      else
        {
          if (in_space)
            words++;
          in_space = FALSE;
          p++;
        }
    }
  return words >= min;
}

/* ---------------------------------------------------------------------- */
/* Rules                                                                   */

/* "U.S", "e.g", "Ph.D", "a.m" or a single capital "E". */
static gboolean
is_initialism (const guchar *t,
               const guchar *p)
{
  gsize run = 0;
  gboolean dotted = FALSE;
  const guchar *q;

  if (p - t == 1 && g_ascii_isupper (*t))
    return TRUE;
  if (p > t && (*t & 0x80) != 0)
    {
      gsize len;
      gunichar c = char_at (t, p, &len);

      return (gsize) (p - t) == len && g_unichar_isupper (c);
    }

  for (q = t; q < p; q++)
    {
      if (*q == '.')
        {
          if (run == 0)
            return FALSE;
          dotted = TRUE;
          run = 0;
        }
      else if (g_ascii_isalpha (*q) && run < 2)
        run++;
      else
        return FALSE;
    }
  return dotted && run > 0;
}

/* A number of one to three digits, as ordinals are ("12", "-3"). */
static gboolean
is_short_number (const guchar *t,
                 const guchar *p)
{
  gsize digits = 0;

  if (t < p && (*t == '-' || *t == '+'))
    t++;
  for (; t < p; t++)
    {
      if (!g_ascii_isdigit (*t))
        return FALSE;
      digits++;
    }
  return digits >= 1 && digits <= 3;
}

/* The word before the token at @t, for ordinal contexts ("vom 12."). */
static WordFlags
scan_previous_word (Scan         *s,
                    const guchar *t)
{
  const guchar *e = t;
  const guchar *w;
  gsize n;

  while (e > s->seg && (n = space_before (e, s->seg)) > 0)
    e -= n;
  if (e == t)
    return 0;
  w = e;
  while (w > s->seg && e - w < MAX_TOKEN_BYTES && space_before (w, s->seg) == 0)
    w = char_start_before (w, s->seg);
  return lookup_bytes (s->self, w, e - w);
}

/* Whether the token before @t is a number: "100 m." */
static gboolean
scan_follows_number (Scan         *s,
                     const guchar *t)
{
  const guchar *e = t;
  gsize n;

  while (e > s->seg && (n = space_before (e, s->seg)) > 0)
    e -= n;
  return e < t && e > s->seg && g_ascii_isdigit (e[-1]);
}

/* "Goethestr. 5": a compound ending in an abbreviation from [number-endings]. */
static gboolean
has_number_ending (const GlossSegmenter *self,
                   const guchar         *t,
                   const guchar         *p)
{
  guint i;

  for (i = 0; i < self->number_endings->len; i++)
    {
      const char *ending = g_ptr_array_index (self->number_endings, i);
      gsize len = strlen (ending);

      if ((gsize) (p - t) > len && memcmp (p - len, ending, len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "world.Today": a sentence glued to the previous one without a space,
 * which is not a domain, a file name or an e-mail address. */
static gboolean
scan_glued_sentence (Scan         *s,
                     const guchar *p)
{
  const guchar *q = p + 1;
  const guchar *t;
  gsize len;
  gunichar before;
  gunichar c;

  before = char_before (p, s->start);
  if (classify (before) != CHAR_LOWER && classify (before) != CHAR_DIGIT)
    return FALSE;
  c = char_at (q, s->end, &len);
  if (classify (c) != CHAR_UPPER || q + len >= s->end)
    return FALSE;
  if (classify (char_at (q + len, s->end, &len)) != CHAR_LOWER)
    return FALSE;

  /* The word after the period must end the token, with at most a period. */
  for (t = q; t < s->end && space_at (t, s->end) == 0; t++)
    {
      if (t - q > MAX_TOKEN_BYTES)
        return FALSE;
      if (*t == '/' || *t == '@' || *t == ':' || *t == '_')
        return FALSE;
      if (*t == '.' && t + 1 < s->end && space_at (t + 1, s->end) == 0)
        return FALSE;
    }

  /* … and the token before must be a plain word or number. */
  for (t = p; t > s->seg && space_before (t, s->seg) == 0; t--)
    {
      guchar b = t[-1];

      if (p - t > MAX_TOKEN_BYTES)
        return FALSE;
      if (b == '.' || b == '/' || b == '@' || b == ':' || b == '_')
        return FALSE;
    }
  return TRUE;
}

/* Whether a single period at @p, followed by white space, ends a sentence. */
static gboolean
scan_period_ends (Scan         *s,
                  const guchar *p,
                  const Next   *next)
{
  const GlossSegmenter *self = s->self;
  const guchar *t = scan_token_start (s, p);
  WordFlags flags;

  if (t == p)
    return next->cls != CHAR_LOWER;

  /* "2." opening a list item, or continuing a list in the middle of a line. */
  if (scan_list_marker (s, t, p))
    return FALSE;

  flags = lookup_token (self, t, p);
  if (flags & WORD_NEVER)
    return FALSE;
  /* "No. 5", "Vol. II", "Fig. ??": what follows is a number, not a word. */
  if ((flags & WORD_BEFORE_NUMBER) &&
      ((next->cls != CHAR_UPPER && next->cls != CHAR_LOWER) || next_is_roman (next)))
    return FALSE;
  if (flags == 0 && next->cls == CHAR_DIGIT && has_number_ending (self, t, p))
    return FALSE;

  if (flags & (WORD_ENDS_BEFORE_CAPITAL | WORD_ENDS_BEFORE_STARTER) ||
      is_initialism (t, p))
    {
      /* A dash or pipe after an abbreviation belongs to a dateline
       * ("WASHINGTON, D.C. — …"). */
      if (next->dash || next->pipe)
        return FALSE;
      /* A typical sentence opener after it decides; a mere capital only
       * if the sentence would not be too short, as "At 5 a.m." in
       * "At 5 a.m. Mr. Smith left." is. */
      if (next_is_starter (self, next))
        return TRUE;
      if (flags & WORD_ENDS_BEFORE_CAPITAL)
        return next_is_capitalised (next) && scan_has_words (s, t, self->min_words);
      return FALSE;
    }

  /* "z. B.", "u. a.": a single small letter is an abbreviation, unless it
   * is a unit after a number ("Er lief 100 m."). */
  if (p - t == 1 && g_ascii_islower (*t) && !scan_follows_number (s, t))
    return FALSE;

  if (next->pipe)
    return FALSE;

  if (g_ascii_isdigit (p[-1]))
    {
      if (next->cls == CHAR_LOWER)
        return FALSE;
      if (self->ordinals && is_short_number (t, p))
        {
          if (next->cls != CHAR_UPPER)
            return FALSE;
          if (lookup_bytes (self, next->word, next->word_len) & WORD_ORDINAL_AFTER)
            return FALSE;
          if (scan_previous_word (s, t) & WORD_ORDINAL_BEFORE)
            return FALSE;
        }
      return TRUE;
    }

  return next->cls != CHAR_LOWER;
}

/* The end of a citation mark "[12]" or "[3,4]" at @q, or %NULL. */
static const guchar *
citation_end (const guchar *q,
              const guchar *end)
{
  const guchar *r = q + 1;

  if (q >= end || *q != '[')
    return NULL;
  while (r < end && r - q < 12 && (g_ascii_isdigit (*r) || *r == ',' || *r == '-'))
    r++;
  if (r == q + 1 || r >= end || *r != ']')
    return NULL;
  return r + 1;
}

/* Citation marks after a space still belong to the sentence they follow:
 * "Hydrogen is a gas. [1] It is …". */
static const guchar *
skip_citations (const guchar *q,
                const guchar *end)
{
  const guchar *last = q;

  while (TRUE)
    {
      const guchar *r = last;
      const guchar *c;
      gsize len;

      while (r < end && is_horizontal_space (r, end, &len))
        r += len;
      c = citation_end (r, end);
      if (c == NULL)
        break;
      last = c;
    }
  if (last != q && last < end && space_at (last, end) == 0)
    return q;
  return last;
}

/* Consumes what closes a sentence after its terminator: quotation marks,
 * brackets, citation marks "[12]", and a terminator after a closing
 * quotation („Ihr Viertel?“.). */
static const guchar *
scan_closers (Scan         *s,
              const guchar *q,
              gboolean     *terminated)
{
  const guchar *end = s->end;
  gboolean closed = FALSE;

  *terminated = FALSE;

  while (q < end)
    {
      gsize len;
      gunichar c = char_at (q, end, &len);

      if (is_closer (c))
        {
          closed = TRUE;
          q += len;
        }
      else if (c == '[')
        {
          const guchar *r = citation_end (q, end);

          if (r == NULL)
            break;
          q = r;
        }
      else if (closed && (c == '.' || c == '!' || c == '?'))
        {
          *terminated = TRUE;
          q += len;
        }
      else
        break;
    }
  return q;
}

static const guchar *
scan_terminator (Scan         *s,
                 const guchar *p)
{
  const GlossSegmenter *self = s->self;
  const guchar *end = s->end;
  const guchar *q = p;
  const guchar *c_end;
  guint dots = 0;
  gboolean bang = FALSE;
  gboolean ellipsis = FALSE;
  gboolean spaced = FALSE;
  gboolean strong = FALSE;
  gboolean attached;
  gboolean terminated;
  gboolean brk;
  gunichar before;
  Next next;

  while (q < end)
    {
      gsize len;
      gunichar c;

      if (*q == '.')
        {
          dots++;
          q++;
          continue;
        }
      if (*q == '!' || *q == '?')
        {
          bang = TRUE;
          q++;
          continue;
        }
      /* ". . ." spaced ellipsis */
      if (*q == ' ' && dots > 0 && q + 1 < end && q[1] == '.' &&
          (q + 2 == end || q[2] == '.' || space_at (q + 2, end) > 0 ||
           is_closer (char_at (q + 2, end, &len))))
        {
          spaced = TRUE;
          q++;
          continue;
        }
      if (*q < 0x80)
        break;
      c = char_at (q, end, &len);
      if (c == 0x2026)
        ellipsis = TRUE;
      else if (is_strong_terminator (c))
        strong = TRUE;
      else
        break;
      q += len;
    }
  if (dots >= 2 || spaced)
    ellipsis = TRUE;

  before = char_before (p, s->seg);
  attached = before != 0 && space_before (p, s->seg) == 0 && !is_opener (before);

  /* "[...]" and "(…)" mark an omission, not an end. */
  if (ellipsis && (before == '[' || before == '('))
    return q;

  c_end = scan_closers (s, q, &terminated);

  /* Footnote numbers glued to the period: "(1987).1 According …". */
  if (c_end == q && dots == 1 && !bang && !ellipsis && attached &&
      !g_ascii_isdigit (p[-1]))
    {
      const guchar *r = q;

      while (r < end && r - q < 3 && g_ascii_isdigit (*r))
        r++;
      if (r > q && r < end && space_at (r, end) > 0)
        c_end = r;
    }

  if (c_end >= end)
    return c_end;

  if (space_at (c_end, end) == 0)
    {
      if (strong)
        scan_break (s, c_end);
      else if (dots == 1 && !bang && !ellipsis && c_end == p + 1 &&
               scan_glued_sentence (s, p))
        scan_break (s, c_end);
      return c_end;
    }

  c_end = skip_citations (c_end, end);

  /* Inside a bracket that closes later on this line. Quotations hold
   * nothing together: a quoted sentence is a sentence, in German and in
   * English news alike ("We lost the first half. | We won the second,"
   * she said.). */
  if (s->hold_end != NULL && p < s->hold_end && c_end <= s->hold_end)
    return c_end;

  read_next (s, c_end, &next);
  if (next.line_end)
    {
      scan_break (s, c_end);
      return c_end;
    }
  if (next.punct)
    return c_end;

  if (strong)
    brk = TRUE;
  else if (terminated)
    {
      /* "(Ibid.)." — the period after the bracket is the one that counts. */
      brk = next.cls != CHAR_LOWER;
    }
  else if (ellipsis)
    {
      /* A spaced ellipsis after a space, ". . .", marks an omission
       * inside a quoted sentence; four dots are an ellipsis and a period. */
      if (spaced && !attached && dots == 3)
        return c_end;
      brk = next.cls == CHAR_UPPER;
      /* "… compounds. . . . The practice …": the period ends the sentence,
       * the ellipsis marks an omission at the start of the next one. */
      if (brk && spaced && attached && p[0] == '.' && p[1] == ' ')
        {
          scan_break (s, p + 1);
          return c_end;
        }
    }
  else if (bang)
    {
      if (!attached)
        brk = next.cls == CHAR_UPPER && !next.dash;
      else if (lookup_token (self, scan_token_start (s, p), p) & WORD_EXCLAMATION_NAME)
        brk = FALSE;
      else
        brk = next.cls != CHAR_LOWER;
    }
  else
    brk = scan_period_ends (s, p, &next);

  if (brk)
    scan_break (s, c_end);
  return c_end;
}

/* "b)", "b.)" or "(b)" in the middle of a line may start a list item. */
static void
scan_closing_paren (Scan         *s,
                    const guchar *p)
{
  const guchar *t;

  if (p + 1 >= s->end || space_at (p + 1, s->end) == 0)
    return;
  t = p;
  while (t > s->seg && p - t <= 4 && space_before (t, s->seg) == 0)
    t--;
  if (t > s->seg && space_before (t, s->seg) == 0)
    return;
  if (*t == '(')
    t++;
  if (t < p)
    scan_list_marker (s, t, p);
}

/* Whether the token that ends at @e is a word in small letters, as the
 * article, preposition or adjective before a noun in running prose are
 * ("fürs", "dem", "beste"). */
static gboolean
scan_is_lower_word (Scan         *s,
                    const guchar *e)
{
  const guchar *t = scan_token_start (s, e);
  gboolean first = TRUE;
  gsize len;

  if (t >= e)
    return FALSE;
  for (; t < e; t += len)
    {
      gunichar c = char_at (t, e, &len);

      if (first ? !g_unichar_islower (c) : !is_word_char (c) && c != '-')
        return FALSE;
      first = FALSE;
    }
  return TRUE;
}

/* A photo credit after a caption ("… Martin Schulz © Ivo Mayr / Correctiv",
 * "… Choe Son Hui Foto: Russian Foreign Ministry/ap") is a segment of its
 * own, as captions and credits are in news text. @t … @p is the credit word
 * ("Foto", "©"), @rest where the credit itself begins (after the colon).
 *
 * A credit names who made the picture and closes the caption's line. So
 * the credit word does not split
 *  - unless a space and a name follow it: "© 2024 bei der Redaktion" is a
 *    copyright year, "Foto:dpa" too unusual to guess at;
 *  - in a language that writes its nouns with a capital (German), after a
 *    word in small letters: there "Foto" may be a noun in running prose or
 *    a headline, governed by an article, preposition or adjective ("fürs
 *    Foto: der alte Leuchtturm", "Das beste Foto: Ein Rückblick", "sagte
 *    er der Bild: …"), while a caption ends in a name, a noun or a date. A
 *    caption that ends in a verb ("… geben sich die Hand Foto: AP") is
 *    missed. In English "Photo" with a capital in the middle of a line is
 *    not prose ("the photo: …"), so there the word before does not count;
 *  - when the rest of the line ends like a sentence or runs on for longer
 *    than a credit does ("Auf dem Foto: zwei Männer, die lachen.").
 * The look-ahead is bounded, so the scan stays linear. */
static void
scan_credit (Scan         *s,
             const guchar *t,
             const guchar *p,
             const guchar *rest)
{
  const guchar *end = s->end;
  const guchar *n = rest;
  const guchar *e;
  const guchar *last;
  gunichar c;
  gsize len;

  if (t == p || t <= scan_segment_start (s) || space_before (t, s->seg) == 0)
    return;
  if (!(lookup_bytes (s->self, t, p - t) & WORD_CREDIT))
    return;
  while (n < end && is_horizontal_space (n, end, &len))
    n += len;
  if (n == rest || n >= end || !g_unichar_isalpha (char_at (n, end, &len)))
    return;

  if (s->self->capital_nouns)
    {
      e = t;
      while (e > s->seg && (len = space_before (e, s->seg)) > 0 && e[-1] != '\n')
        e -= len;
      if (scan_is_lower_word (s, e))
        return;
    }

  last = n;
  for (e = n; e < end && *e != '\n' && *e != '\r'; e += len)
    {
      if (e - n >= MAX_CREDIT_BYTES)
        return;
      len = space_at (e, end);
      if (len == 0)
        {
          last = e;
          char_at (e, end, &len);
        }
    }
  c = char_at (last, end, &len);
  if (c == '.' || c == '!' || c == '?' || c == 0x2026 || is_closer (c))
    return;
  scan_break (s, t);
}

/* Speech broken off with a dash ends the sentence: "… afore she comes,
 * to--" At this moment …", "„Ich wollte nur –“ Er brach ab." @p is the
 * closing quotation mark, @len its length. */
static void
scan_broken_quote (Scan         *s,
                   const guchar *p,
                   gsize         len)
{
  const guchar *q = p + len;
  gunichar before;
  Next next;

  if (q >= s->end || space_at (q, s->end) == 0 || p - s->seg < 2)
    return;
  before = char_before (p, s->seg);
  if (before == '-')
    {
      if (p[-2] != '-')
        return;
    }
  else if (before != 0x2013 && before != 0x2014)
    return;

  read_next (s, q, &next);
  if (next.cls == CHAR_UPPER && !next.punct && !next.line_end)
    scan_break (s, q);
}

/* A bullet in the middle of a line starts a new item. */
static void
scan_bullet (Scan         *s,
             const guchar *p)
{
  if (p > s->seg && space_before (p, s->seg) > 0 && p != scan_segment_start (s))
    scan_break (s, p);
}

/* A bracket that closes soon on the same line keeps the sentences in it
 * together: "(ich traue mir nicht!)". The look-ahead stops at the next
 * opening bracket of the same kind, so each byte is looked at once. */
static void
scan_bracket (Scan         *s,
              const guchar *p)
{
  guchar open = *p;
  guchar close = (open == '(') ? ')' : ']';
  const guchar *q;

  if (s->hold_end != NULL && p < s->hold_end)
    return;
  for (q = p + 1; q < s->end && q - p < MAX_BRACKET_BYTES; q++)
    {
      if (*q == close)
        {
          s->hold_end = q;
          return;
        }
      if (*q == open || *q == '\n')
        return;
    }
}

/* A line break ends a sentence, except where a line was wrapped softly:
 * it ends in a space, not in a terminator, and the next line goes on in
 * small letters ("It was a cold \nnight."), or it starts with a comma
 * (a byline "von Anna Roth\n, Ben Wolf"). */
static gboolean
scan_line_continues (Scan         *s,
                     const guchar *p)
{
  const guchar *end = s->end;
  const guchar *n = p + 1;
  const guchar *e = p;
  gboolean trailing = FALSE;
  gunichar last;
  gunichar c;
  gsize len;
  guint value;
  guint suffix;

  if (n < end && *n == ',')
    return TRUE;

  if (e > s->seg && e[-1] == '\r')
    e--;
  while (e > s->seg)
    {
      gsize k = space_before (e, s->seg);

      if (k == 0 || e[-1] == '\n' || e[-1] == '\r')
        break;
      trailing = TRUE;
      e -= k;
    }
  if (!trailing || e <= s->seg || e[-1] == '\n')
    return FALSE;

  last = char_before (e, s->seg);
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
      last == 0x2026 || is_closer (last))
    return FALSE;

  if (n >= end)
    return FALSE;
  /* The next line must go on with a small letter or a bracket, not with
   * a list item ("a) …", "(2) …"), a bullet or a number. In English a
   * capital is not enough: a headline with a stray space at its end is
   * still a headline. German capitalises its nouns, so there a capital
   * may continue a sentence ("eine problemlose \nSchwangerschaft"). */
  c = char_at (n, end, &len);
  if (c != '(' && !g_unichar_islower (c) &&
      !(s->self->soft_wrap_capitals && g_unichar_isalpha (c)))
    return FALSE;
  return parse_marker_at (n, end, &value, &suffix) == MARKER_NONE;
}

static const guchar *
scan_candidate (Scan         *s,
                const guchar *p)
{
  gunichar c;
  gsize len;

  switch (*p)
    {
    case '\n':
      if (!scan_line_continues (s, p))
        scan_break (s, p);
      return p + 1;
    case '.':
      /* "3.5", "taz.de", "u.a.": a period inside a token, the most common
       * case after a sentence end, needs no closer look. */
      if (p > s->seg && p + 1 < s->end &&
          ((g_ascii_islower (p[1]) && g_ascii_isalnum (p[-1])) ||
           (g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[-1]))))
        return p + 1;
      return scan_terminator (s, p);
    case '!': case '?':
      return scan_terminator (s, p);
    case ')':
      scan_closing_paren (s, p);
      return p + 1;
    case '(': case '[':
      scan_bracket (s, p);
      return p + 1;
    case '"':
      scan_broken_quote (s, p, 1);
      return p + 1;
    case ':':
      scan_credit (s, scan_token_start (s, p), p, p + 1);
      return p + 1;
    default:
      break;
    }

  c = char_at (p, s->end, &len);
  if (c == 0x2026 || is_strong_terminator (c))
    return scan_terminator (s, p);
  if (is_closer (c))
    scan_broken_quote (s, p, len);
  if (is_bullet (c))
    scan_bullet (s, p);
  else if (c == 0x00A9)
    scan_credit (s, p, p + len, p + len);
  return p + len;
}

/* ---------------------------------------------------------------------- */
/* Data files                                                              */

static WordFlags
section_flags (const char *name)
{
  static const struct { const char *name; WordFlags flags; } sections[] = {
    { "never", WORD_NEVER },
    { "before-number", WORD_BEFORE_NUMBER },
    { "ends-before-capital", WORD_ENDS_BEFORE_CAPITAL },
    { "ends-before-starter", WORD_ENDS_BEFORE_STARTER },
    { "starters", WORD_STARTER },
    { "ordinal-before", WORD_ORDINAL_BEFORE },
    { "ordinal-after", WORD_ORDINAL_AFTER },
    { "exclamation-names", WORD_EXCLAMATION_NAME },
    { "credits", WORD_CREDIT },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (name, sections[i].name))
      return sections[i].flags;
  return 0;
}

static void
add_word (GHashTable *table,
          const char *word,
          WordFlags   flags)
{
  WordFlags old = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));

  g_hash_table_insert (table, g_strdup (word), GUINT_TO_POINTER (old | flags));
}

static gboolean
parse_bool (const char *value)
{
  return g_str_equal (value, "yes") || g_str_equal (value, "true") || g_str_equal (value, "1");
}

static void
gloss_segmenter_set_option (GlossSegmenter *self,
                            const char     *key,
                            const char     *value)
{
  if (g_str_equal (key, "ordinals"))
    self->ordinals = parse_bool (value);
  else if (g_str_equal (key, "soft-wrap-capitals"))
    self->soft_wrap_capitals = parse_bool (value);
  else if (g_str_equal (key, "capital-nouns"))
    self->capital_nouns = parse_bool (value);
  else if (g_str_equal (key, "min-words-before-ambiguous"))
    self->min_words = (guint) g_ascii_strtoull (value, NULL, 10);
  else
    g_warning ("Unknown segmenter option “%s”", key);
}

static void
gloss_segmenter_load (GlossSegmenter *self)
{
  /* gloss_resources_lookup() registers the core's resource, which a static
   * library does not do by itself */
  g_autofree char *path = g_strconcat ("segmenter/", self->language, ".txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gboolean options = FALSE;
  gboolean endings = FALSE;
  WordFlags flags = 0;
  gsize size;
  guint i;

  bytes = gloss_resources_lookup (path);
  if (bytes == NULL)
    {
      g_critical ("Cannot load the segmenter data %s", path);
      return;
    }

  text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);

  for (i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *hash = strchr (line, '#');
      g_auto(GStrv) words = NULL;
      guint j;

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (line);
      if (*line == '\0')
        continue;

      if (line[0] == '[')
        {
          char *close = strchr (line, ']');

          if (close != NULL)
            *close = '\0';
          options = g_str_equal (line + 1, "options");
          endings = g_str_equal (line + 1, "number-endings");
          flags = section_flags (line + 1);
          if (!options && !endings && flags == 0)
            g_warning ("%s: unknown section [%s]", path, line + 1);
          continue;
        }

      if (options)
        {
          char *eq = strchr (line, '=');

          if (eq == NULL)
            continue;
          *eq = '\0';
          gloss_segmenter_set_option (self, g_strstrip (line), g_strstrip (eq + 1));
          continue;
        }
      words = g_strsplit_set (line, " \t", -1);
      if (endings)
        {
          for (j = 0; words[j] != NULL; j++)
            if (words[j][0] != '\0')
              g_ptr_array_add (self->number_endings, g_strdup (words[j]));
          continue;
        }
      if (flags == 0)
        continue;

      for (j = 0; words[j] != NULL; j++)
        {
          g_autofree char *lower = NULL;

          if (words[j][0] == '\0' || strlen (words[j]) >= MAX_WORD_BYTES)
            continue;
          add_word (self->exact, words[j], flags);
          self->max_word_len = MAX (self->max_word_len, strlen (words[j]));
          if (flags & (WORD_ABBREVIATION | WORD_EXCLAMATION_NAME))
            self->max_abbreviation_len = MAX (self->max_abbreviation_len, strlen (words[j]));
          lower = g_utf8_strdown (words[j], -1);
          if (g_str_equal (lower, words[j]))
            add_word (self->folded, words[j], flags);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
gloss_segmenter_constructed (GObject *object)
{
  GlossSegmenter *self = GLOSS_SEGMENTER (object);

  G_OBJECT_CLASS (gloss_segmenter_parent_class)->constructed (object);

  if (self->language == NULL ||
      (!g_str_equal (self->language, "de") && !g_str_equal (self->language, "en")))
    {
      g_free (self->language);
      self->language = g_strdup ("en");
    }
  gloss_segmenter_load (self);
}

static void
gloss_segmenter_finalize (GObject *object)
{
  GlossSegmenter *self = GLOSS_SEGMENTER (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->exact, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->number_endings, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_segmenter_parent_class)->finalize (object);
}

static void
gloss_segmenter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossSegmenter *self = GLOSS_SEGMENTER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_segmenter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossSegmenter *self = GLOSS_SEGMENTER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_free (self->language);
      self->language = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_segmenter_class_init (GlossSegmenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gloss_segmenter_constructed;
  object_class->finalize = gloss_segmenter_finalize;
  object_class->get_property = gloss_segmenter_get_property;
  object_class->set_property = gloss_segmenter_set_property;

  /**
   * GlossSegmenter:language:
   *
   * The language whose rules the segmenter applies, "de" or "en".
   */
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "en",
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_segmenter_init (GlossSegmenter *self)
{
  self->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->number_endings = g_ptr_array_new_with_free_func (g_free);
  self->min_words = 1;
}

/**
 * gloss_segmenter_new:
 * @language: "de" or "en"; anything else means "en"
 *
 * Creates a sentence segmenter for German or English news text.
 *
 * Returns: (transfer full): a new #GlossSegmenter
 */
GlossSegmenter *
gloss_segmenter_new (const char *language)
{
  return g_object_new (GLOSS_TYPE_SEGMENTER,
                       "language", language,
                       NULL);
}

/**
 * gloss_segmenter_get_language:
 * @self: a #GlossSegmenter
 *
 * Returns: the language of @self, "de" or "en"
 */
const char *
gloss_segmenter_get_language (GlossSegmenter *self)
{
  g_return_val_if_fail (GLOSS_IS_SEGMENTER (self), NULL);

  return self->language;
}

/**
 * gloss_segmenter_split:
 * @self: a #GlossSegmenter
 * @text: valid UTF-8
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 *
 * Splits @text into sentences. Safe to call from several threads at once.
 *
 * Returns: (transfer full) (element-type GlossRange): the sentences as
 *   half-open ranges of code points, in order, without surrounding white
 *   space; no span is empty
 */
GArray *
gloss_segmenter_split (GlossSegmenter *self,
                       const char     *text,
                       gssize          length)
{
  Scan s;
  const guchar *p;

  g_return_val_if_fail (GLOSS_IS_SEGMENTER (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  memset (&s, 0, sizeof s);
  s.self = self;
  s.start = (const guchar *) (text != NULL ? text : "");
  s.end = s.start + length;
  s.seg = s.start;
  s.cp_pos = s.start;
  /* Roughly one sentence per 100 bytes of news text. */
  s.spans = g_array_sized_new (FALSE, FALSE, sizeof (GlossRange), length / 128 + 1);

  p = s.start;
  while (p < s.end)
    {
      while (p < s.end && !candidate_bytes[*p])
        p++;
      if (p >= s.end)
        break;
      p = scan_candidate (&s, p);
    }
  scan_break (&s, s.end);

  return s.spans;
}
