/* gloss-json-tape.c
 *
 * A strict JSON reader for the annotation file. json-glib builds a tree of
 * GObject-like nodes with a hash table per object, and spent half of the
 * time it took to reopen a document with 10 000 annotations on that (then
 * as much again to free it). This reader makes one pass over the bytes
 * and writes each value as a token into one flat array, the tape: a
 * container's token says how many values it holds and where it ends, so
 * skipping it is one step. Strings are decoded into one buffer, each
 * ending in a NUL.
 *
 * It reads RFC 8259 JSON only, within the limits Gloss has always set:
 * at most GLOSS_JSON_MAX_DEPTH levels, no \u0000 in a string (it would cut
 * the string short), valid UTF-8 and paired surrogates. What it reads, it
 * reads as json-glib does, so the checks and messages stay the same: a
 * number without fraction or exponent is a whole number (beyond 2^64 - 1
 * it is what json-glib makes of it: the largest, taken as a signed 64-bit
 * number), a later member of the same name wins and keeps the first one's
 * place, a leading byte order mark is skipped. Anything else is refused,
 * with the offset of the first byte it could not take, and the caller
 * asks json-glib for its message (see gloss-format.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-json-tape.h"
#include "gloss-problem.h"
#include "gloss-utf8-private.h"

/* 16 bytes: a 3.5 MB file with 10 000 annotations makes 370 000 */
typedef struct
{
  guint32 kind;       /* a GlossJsonKind */
  guint32 size;       /* values in an array, members in an object; a boolean's value;
                       * a number's text: the offset of its copy in the string buffer */
  union
  {
    gint64  integer;
    double  number;
    guint32 string;   /* the offset of the decoded string in the buffer */
    guint32 end;      /* a container's: the index after all it holds */
  } v;
} Token;

#define IS_CONTAINER(token) ((token)->kind == GLOSS_JSON_ARRAY || (token)->kind == GLOSS_JSON_OBJECT)

struct _GlossJsonTape
{
  Token *tokens;
  guint  n_tokens;
  guint  allocated;
  char  *strings;   /* the decoded strings, each NUL-terminated */
  gsize  strings_length;
};

typedef enum
{
  AT_VALUE,
  AFTER_VALUE,
  AT_NAME,
} State;

typedef struct
{
  GlossJsonTape *tape;
  const guchar  *start;
  const guchar  *p;
  const guchar  *end;
} Reader;

static guint
add_token (GlossJsonTape *tape,
           GlossJsonKind  kind)
{
  Token *token;

  if (tape->n_tokens == tape->allocated)
    {
      tape->allocated *= 2;
      tape->tokens = g_renew (Token, tape->tokens, tape->allocated);
    }

  token = &tape->tokens[tape->n_tokens];
  token->kind = kind;
  token->size = 0;
  token->v.integer = 0;
  token->v.end = tape->n_tokens + 1;

  return tape->n_tokens++;
}

static const guchar *
skip_space (const guchar *p,
            const guchar *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;

  return p;
}

/* The four hex digits of a \u escape at @p, or -1 */
static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Reads the string that starts at the quote at reader->p into the string
 * buffer, and adds its token */
static gboolean
read_string (Reader *reader)
{
  GlossJsonTape *tape = reader->tape;
  const guchar *p = reader->p + 1;
  const guchar *end = reader->end;
  char *out = tape->strings + tape->strings_length;
  guint index;

  for (;;)
    {
      const guchar *run = p;

      /* Plain ASCII is copied as it is */
      p = gloss_utf8_skip_json_plain (p, end, TRUE);
      memcpy (out, run, p - run);
      out += p - run;

      if (p == end)
        goto fail;

      if (*p == '"')
        {
          p++;
          break;
        }

      if (*p == '\\')
        {
          int unit;
          gunichar c;

          if (end - p < 2)
            goto fail;

          switch (p[1])
            {
            case '"': *out++ = '"'; p += 2; continue;
            case '\\': *out++ = '\\'; p += 2; continue;
            case '/': *out++ = '/'; p += 2; continue;
            case 'b': *out++ = '\b'; p += 2; continue;
            case 'f': *out++ = '\f'; p += 2; continue;
            case 'n': *out++ = '\n'; p += 2; continue;
            case 'r': *out++ = '\r'; p += 2; continue;
            case 't': *out++ = '\t'; p += 2; continue;
            case 'u': break;
            default: goto fail;
            }

          unit = read_hex4 (p + 2, end);
          if (unit <= 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
            goto fail;
          p += 6;
          c = unit;

          /* A character beyond the BMP is a pair of escapes */
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low;

              if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
                goto fail;
              low = read_hex4 (p + 2, end);
              if (low < 0xDC00 || low > 0xDFFF)
                goto fail;
              p += 6;
              c = 0x10000 + (((gunichar)unit - 0xD800) << 10) + ((gunichar)low - 0xDC00);
            }

          out += g_unichar_to_utf8 (c, out);
          continue;
        }

      /* A control character must be escaped */
      if (*p < 0x20)
        goto fail;

      {
        guint length = gloss_utf8_sequence_length (p, end);

        if (length == 0)
          goto fail;
        memcpy (out, p, length);
        out += length;
        p += length;
      }
    }

  *out++ = '\0';
  index = add_token (tape, GLOSS_JSON_STRING);
  tape->tokens[index].v.string = (guint32)tape->strings_length;
  tape->strings_length = out - tape->strings;
  reader->p = p;

  return TRUE;

fail:
  reader->p = p;
  return FALSE;
}

static const guchar *
skip_digits (const guchar *p,
             const guchar *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p;
}

static gboolean
read_number (Reader *reader)
{
  const guchar *start = reader->p;
  const guchar *p = start;
  const guchar *end = reader->end;
  const guchar *digits;
  const guchar *digits_end;
  gboolean negative = FALSE;
  gboolean whole = TRUE;
  guint index;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    p = skip_digits (p, end);
  else
    goto fail;
  digits_end = p;

  if (p < end && *p == '.')
    {
      p++;
      if (p == end || !g_ascii_isdigit (*p))
        goto fail;
      p = skip_digits (p, end);
      whole = FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        goto fail;
      p = skip_digits (p, end);
      whole = FALSE;
    }

  /* The number as written, to write back exactly what was read where
   * Gloss keeps values without reading them ("meta", "orphans"): 1e400
   * is no double, 12345678901234567890 no 64-bit integer. With its NUL it
   * fits in the buffer, as a number is followed by another byte or ends
   * the file. */
  {
    GlossJsonTape *tape = reader->tape;

    index = (guint32)tape->strings_length;
    memcpy (tape->strings + tape->strings_length, start, p - start);
    tape->strings_length += p - start;
    tape->strings[tape->strings_length++] = '\0';
  }

  if (whole)
    {
      guint64 value = 0;
      guint text = index;

      /* As json-glib: the digits as an unsigned 64-bit number, the
       * largest if there are too many, taken as signed, then negated */
      for (const guchar *q = digits; q < digits_end; q++)
        {
          guint digit = *q - '0';

          if (value > (G_MAXUINT64 - digit) / 10)
            {
              value = G_MAXUINT64;
              break;
            }
          value = value * 10 + digit;
        }

      index = add_token (reader->tape, GLOSS_JSON_INTEGER);
      reader->tape->tokens[index].v.integer = (gint64)(negative ? 0 - value : value);
      reader->tape->tokens[index].size = text;
    }
  else
    {
      guint text = index;

      index = add_token (reader->tape, GLOSS_JSON_DOUBLE);
      reader->tape->tokens[index].v.number = g_ascii_strtod (reader->tape->strings + text, NULL);
      reader->tape->tokens[index].size = text;
    }

  reader->p = p;
  return TRUE;

fail:
  reader->p = p;
  return FALSE;
}

static gboolean
read_word (Reader        *reader,
           const char    *word,
           GlossJsonKind  kind,
           gboolean       value)
{
  gsize length = strlen (word);
  guint index;

  if ((gsize)(reader->end - reader->p) < length || memcmp (reader->p, word, length) != 0)
    return FALSE;

  index = add_token (reader->tape, kind);
  reader->tape->tokens[index].size = value;
  reader->p += length;

  return TRUE;
}

/* Reads one value at reader->p; a container is only opened */
static gboolean
read_scalar (Reader *reader)
{
  switch (*reader->p)
    {
    case '"':
      return read_string (reader);
    case 't':
      return read_word (reader, "true", GLOSS_JSON_BOOLEAN, TRUE);
    case 'f':
      return read_word (reader, "false", GLOSS_JSON_BOOLEAN, FALSE);
    case 'n':
      return read_word (reader, "null", GLOSS_JSON_NULL, FALSE);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (reader);
    default:
      return FALSE;
    }
}

/**
 * gloss_json_tape_parse:
 * @data: UTF-8 JSON
 * @error_offset: (out) (optional): where reading stopped, when it fails
 *
 * Reads @data as strict JSON, at most %GLOSS_JSON_MAX_DEPTH levels deep,
 * without \u0000 in strings. The root is the value at index 0.
 *
 * Returns: (transfer full) (nullable): the tape; %NULL if @data is not
 *   such JSON (or longer than %GLOSS_JSON_TAPE_MAX_BYTES)
 */
GlossJsonTape *
gloss_json_tape_parse (const char *data,
                       gsize       length,
                       gsize      *error_offset)
{
  g_autoptr(GlossJsonTape) tape = NULL;
  guint stack[GLOSS_JSON_MAX_DEPTH];
  guint depth = 0;
  State state = AT_VALUE;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (error_offset != NULL)
    *error_offset = 0;
  if (length > GLOSS_JSON_TAPE_MAX_BYTES)
    return NULL;

  tape = g_new0 (GlossJsonTape, 1);
  tape->allocated = MAX (length / 16, 64);
  tape->tokens = g_new (Token, tape->allocated);
  /* A decoded string and its NUL never take more room than the string
   * and its quotes in the file, nor a number's text and its NUL more than
   * the number and the byte after it */
  tape->strings = g_malloc (length + 1);

  reader.tape = tape;
  reader.start = (const guchar *)(data != NULL ? data : "");
  reader.p = reader.start;
  reader.end = reader.start + length;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  for (;;)
    {
      reader.p = skip_space (reader.p, reader.end);

      if (state == AT_NAME)
        {
          if (reader.p == reader.end || *reader.p != '"' || !read_string (&reader))
            goto fail;
          reader.p = skip_space (reader.p, reader.end);
          if (reader.p == reader.end || *reader.p != ':')
            goto fail;
          reader.p++;
          state = AT_VALUE;
          continue;
        }

      if (state == AT_VALUE)
        {
          if (reader.p == reader.end)
            goto fail;

          if (depth > 0)
            tape->tokens[stack[depth - 1]].size++;

          if (*reader.p == '{' || *reader.p == '[')
            {
              gboolean object = *reader.p == '{';

              if (depth == GLOSS_JSON_MAX_DEPTH)
                goto fail;
              stack[depth++] = add_token (tape, object ? GLOSS_JSON_OBJECT : GLOSS_JSON_ARRAY);
              reader.p = skip_space (reader.p + 1, reader.end);

              if (reader.p < reader.end && *reader.p == (object ? '}' : ']'))
                {
                  reader.p++;
                  depth--;
                  state = AFTER_VALUE;
                }
              else
                state = object ? AT_NAME : AT_VALUE;
              continue;
            }

          if (!read_scalar (&reader))
            goto fail;
          state = AFTER_VALUE;
          continue;
        }

      /* After a value: the end, a comma, or the end of its container */
      if (depth == 0)
        {
          if (reader.p != reader.end)
            goto fail;
          break;
        }

      if (reader.p == reader.end)
        goto fail;

      {
        Token *container = &tape->tokens[stack[depth - 1]];
        gboolean object = container->kind == GLOSS_JSON_OBJECT;

        if (*reader.p == ',')
          {
            reader.p++;
            state = object ? AT_NAME : AT_VALUE;
          }
        else if (*reader.p == (object ? '}' : ']'))
          {
            reader.p++;
            container->v.end = tape->n_tokens;
            depth--;
          }
        else
          goto fail;
      }
    }

  return g_steal_pointer (&tape);

fail:
  if (error_offset != NULL)
    *error_offset = reader.p - reader.start;
  return NULL;
}

void
gloss_json_tape_free (GlossJsonTape *tape)
{
  if (tape == NULL)
    return;

  g_free (tape->tokens);
  g_free (tape->strings);
  g_free (tape);
}

static const Token *
get_token (const GlossJsonTape *tape,
           guint                value)
{
  g_assert (tape != NULL && value < tape->n_tokens);

  return &tape->tokens[value];
}

/**
 * gloss_json_tape_kind:
 * @value: a value's index, or %GLOSS_JSON_TAPE_NONE
 *
 * Returns: what @value is; %GLOSS_JSON_MISSING for %GLOSS_JSON_TAPE_NONE
 */
GlossJsonKind
gloss_json_tape_kind (const GlossJsonTape *tape,
                      guint                value)
{
  if (value == GLOSS_JSON_TAPE_NONE)
    return GLOSS_JSON_MISSING;

  return get_token (tape, value)->kind;
}

/**
 * gloss_json_tape_get_size:
 *
 * Returns: the number of values in an array, of members in an object
 */
guint
gloss_json_tape_get_size (const GlossJsonTape *tape,
                          guint                value)
{
  const Token *token = get_token (tape, value);

  g_return_val_if_fail (token->kind == GLOSS_JSON_ARRAY || token->kind == GLOSS_JSON_OBJECT, 0);

  return token->size;
}

/**
 * gloss_json_tape_end:
 *
 * Returns: the index after @value and everything in it
 */
guint
gloss_json_tape_end (const GlossJsonTape *tape,
                     guint                value)
{
  const Token *token = get_token (tape, value);

  return IS_CONTAINER (token) ? token->v.end : value + 1;
}

/**
 * gloss_json_tape_get_string:
 *
 * Returns: the string, or a member's name; it lives as long as @tape
 */
const char *
gloss_json_tape_get_string (const GlossJsonTape *tape,
                            guint                value)
{
  const Token *token = get_token (tape, value);

  g_return_val_if_fail (token->kind == GLOSS_JSON_STRING, NULL);

  return tape->strings + token->v.string;
}

gint64
gloss_json_tape_get_integer (const GlossJsonTape *tape,
                             guint                value)
{
  const Token *token = get_token (tape, value);

  g_return_val_if_fail (token->kind == GLOSS_JSON_INTEGER, 0);

  return token->v.integer;
}

double
gloss_json_tape_get_double (const GlossJsonTape *tape,
                            guint                value)
{
  const Token *token = get_token (tape, value);

  g_return_val_if_fail (token->kind == GLOSS_JSON_DOUBLE, 0);

  return token->v.number;
}

/**
 * gloss_json_tape_get_number_text:
 *
 * Returns: a number as the file wrote it; it lives as long as @tape
 */
const char *
gloss_json_tape_get_number_text (const GlossJsonTape *tape,
                                 guint                value)
{
  const Token *token = get_token (tape, value);

  g_return_val_if_fail (token->kind == GLOSS_JSON_INTEGER || token->kind == GLOSS_JSON_DOUBLE, NULL);

  return tape->strings + token->size;
}

gboolean
gloss_json_tape_get_boolean (const GlossJsonTape *tape,
                             guint                value)
{
  const Token *token = get_token (tape, value);

  g_return_val_if_fail (token->kind == GLOSS_JSON_BOOLEAN, FALSE);

  return token->size != 0;
}

/**
 * gloss_json_tape_lookup:
 *
 * Returns: the value of the member @name of @object (the last one, if
 *   there are several), or %GLOSS_JSON_TAPE_NONE
 */
guint
gloss_json_tape_lookup (const GlossJsonTape *tape,
                        guint                object,
                        const char          *name)
{
  guint found = GLOSS_JSON_TAPE_NONE;

  g_return_val_if_fail (gloss_json_tape_kind (tape, object) == GLOSS_JSON_OBJECT, GLOSS_JSON_TAPE_NONE);

  for (guint m = object + 1; m < tape->tokens[object].v.end; m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
    {
      if (strcmp (tape->strings + tape->tokens[m].v.string, name) == 0)
        found = m + 1;
    }

  return found;
}

/**
 * gloss_json_tape_get_members:
 * @names: %NULL-terminated member names
 * @values: (out caller-allocates): for each of @names, its value (the
 *   last, if there are several), or %GLOSS_JSON_TAPE_NONE
 *
 * Looks up several members in one walk over @object.
 *
 * Returns: %TRUE if @object has no member outside @names
 */
gboolean
gloss_json_tape_get_members (const GlossJsonTape *tape,
                             guint                object,
                             const char * const  *names,
                             guint               *values)
{
  gboolean all_known = TRUE;
  guint next = 0;

  g_return_val_if_fail (gloss_json_tape_kind (tape, object) == GLOSS_JSON_OBJECT, FALSE);

  for (guint k = 0; names[k] != NULL; k++)
    values[k] = GLOSS_JSON_TAPE_NONE;

  for (guint m = object + 1; m < tape->tokens[object].v.end; m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
    {
      const char *name = tape->strings + tape->tokens[m].v.string;
      guint k;

      /* Files that Gloss wrote have the members in the order of @names */
      if (names[next] != NULL && strcmp (names[next], name) == 0)
        k = next;
      else
        {
          for (k = 0; names[k] != NULL; k++)
            {
              if (strcmp (names[k], name) == 0)
                break;
            }
        }

      if (names[k] != NULL)
        {
          values[k] = m + 1;
          next = k + 1;
        }
      else
        all_known = FALSE;
    }

  return all_known;
}

static JsonNode *
to_node (const GlossJsonTape *tape,
         guint                value)
{
  const Token *token = &tape->tokens[value];
  JsonNode *node = json_node_alloc ();

  switch ((GlossJsonKind)token->kind)
    {
    case GLOSS_JSON_BOOLEAN:
      return json_node_init_boolean (node, token->size != 0);

    case GLOSS_JSON_INTEGER:
      return json_node_init_int (node, token->v.integer);

    case GLOSS_JSON_DOUBLE:
      return json_node_init_double (node, token->v.number);

    case GLOSS_JSON_STRING:
      return json_node_init_string (node, tape->strings + token->v.string);

    case GLOSS_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (token->size);

        for (guint e = value + 1; e < token->v.end; e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e))
          json_array_add_element (array, to_node (tape, e));
        return json_node_init_array (node, array);
      }

    case GLOSS_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        /* A later member of the same name replaces the value, as in
         * json-glib's own reading */
        for (guint m = value + 1; m < token->v.end; m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
          json_object_set_member (object, tape->strings + tape->tokens[m].v.string, to_node (tape, m + 1));
        return json_node_init_object (node, object);
      }

    case GLOSS_JSON_NULL:
    case GLOSS_JSON_MISSING:
    default:
      return json_node_init_null (node);
    }
}

/**
 * gloss_json_tape_to_node:
 *
 * Makes the json-glib tree of @value, for the parts of a file that other
 * code reads as such (the label set, the orphans, "meta"). It is sealed,
 * as json-glib's immutable parser seals what it reads.
 *
 * Returns: (transfer full): the node
 */
JsonNode *
gloss_json_tape_to_node (const GlossJsonTape *tape,
                         guint                value)
{
  JsonNode *node;

  g_return_val_if_fail (value < tape->n_tokens, NULL);

  node = to_node (tape, value);
  json_node_seal (node);

  return node;
}

/* Of a member given twice json-glib keeps the later value, in the first
 * one's place. The value of the member at @m as written, or NONE if it
 * is not the first of its name. @firsts and @lasts (name -> index), for a
 * large object, spare a look over all members for each. */
static guint
member_value (const GlossJsonTape *tape,
              guint                object,
              guint                m,
              GHashTable          *firsts,
              GHashTable          *lasts)
{
  const char *name = tape->strings + tape->tokens[m].v.string;
  guint value = m + 1;

  if (firsts != NULL)
    {
      if (GPOINTER_TO_UINT (g_hash_table_lookup (firsts, name)) != m)
        return GLOSS_JSON_TAPE_NONE;
      return GPOINTER_TO_UINT (g_hash_table_lookup (lasts, name));
    }

  for (guint k = object + 1; k < m; k = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, k))
    if (strcmp (tape->strings + tape->tokens[k].v.string, name) == 0)
      return GLOSS_JSON_TAPE_NONE;
  for (guint k = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m); k < tape->tokens[object].v.end;
       k = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, k))
    if (strcmp (tape->strings + tape->tokens[k].v.string, name) == 0)
      value = k + 1;

  return value;
}

static void
append_compact (GString             *out,
                const GlossJsonTape *tape,
                guint                value)
{
  const Token *token = &tape->tokens[value];

  switch ((GlossJsonKind)token->kind)
    {
    case GLOSS_JSON_BOOLEAN:
      g_string_append (out, token->size ? "true" : "false");
      break;

    case GLOSS_JSON_INTEGER:
    case GLOSS_JSON_DOUBLE:
      g_string_append (out, tape->strings + token->size);
      break;

    case GLOSS_JSON_STRING:
      gloss_json_append_string (out, tape->strings + token->v.string);
      break;

    case GLOSS_JSON_ARRAY:
      g_string_append_c (out, '[');
      for (guint e = value + 1; e < token->v.end; e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e))
        {
          if (e > value + 1)
            g_string_append_c (out, ',');
          append_compact (out, tape, e);
        }
      g_string_append_c (out, ']');
      break;

    case GLOSS_JSON_OBJECT:
      {
        g_autoptr(GHashTable) firsts = NULL;
        g_autoptr(GHashTable) lasts = NULL;
        gboolean first = TRUE;

        if (token->size > 16)
          {
            firsts = g_hash_table_new (g_str_hash, g_str_equal);
            lasts = g_hash_table_new (g_str_hash, g_str_equal);
            for (guint m = value + 1; m < token->v.end; m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
              {
                char *name = tape->strings + tape->tokens[m].v.string;

                if (!g_hash_table_contains (firsts, name))
                  g_hash_table_insert (firsts, name, GUINT_TO_POINTER (m));
                g_hash_table_insert (lasts, name, GUINT_TO_POINTER (m + 1));
              }
          }

        g_string_append_c (out, '{');
        for (guint m = value + 1; m < token->v.end; m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
          {
            guint member = member_value (tape, value, m, firsts, lasts);

            if (member == GLOSS_JSON_TAPE_NONE)
              continue;
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            gloss_json_append_string (out, tape->strings + tape->tokens[m].v.string);
            g_string_append_c (out, ':');
            append_compact (out, tape, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case GLOSS_JSON_NULL:
    case GLOSS_JSON_MISSING:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * gloss_json_tape_append_compact:
 *
 * Appends @value as compact JSON, as json-glib's json_to_string() writes
 * it, but with every number as the file wrote it: a value Gloss keeps
 * without reading it is written back as it was read. Strings are written
 * as gloss_json_append_string() writes them; of a member given twice, the
 * later value is written in the first one's place, as json-glib reads it.
 */
void
gloss_json_tape_append_compact (GString             *out,
                                const GlossJsonTape *tape,
                                guint                value)
{
  g_return_if_fail (value < tape->n_tokens);

  append_compact (out, tape, value);
}

/**
 * gloss_json_tape_type_name:
 *
 * Returns: the JSON type of @value in words, for messages
 */
const char *
gloss_json_tape_type_name (const GlossJsonTape *tape,
                           guint                value)
{
  return gloss_json_kind_name (gloss_json_tape_kind (tape, value));
}

/**
 * gloss_json_tape_check_members:
 *
 * Like gloss_json_check_members(), on a tape. The problems come in the
 * order json-glib's hash table of the object gives its members, so that
 * a file with several unknown members reads as it always did.
 */
void
gloss_json_tape_check_members (const GlossJsonTape *tape,
                               guint                object,
                               const char          *path,
                               const char * const  *known,
                               GPtrArray           *problems)
{
  g_autoptr(GHashTable) names = NULL;
  GHashTableIter iter;
  const char *name;

  g_return_if_fail (gloss_json_tape_kind (tape, object) == GLOSS_JSON_OBJECT);

  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint m = object + 1; m < tape->tokens[object].v.end; m = GLOSS_JSON_TAPE_NEXT_MEMBER (tape, m))
    g_hash_table_replace (names, (char *)(tape->strings + tape->tokens[m].v.string), NULL);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, NULL))
    {
      if (!g_strv_contains (known, name))
        gloss_json_add_unknown_member (problems, path, name);
    }
}

/**
 * gloss_json_tape_read_string:
 * @value: the value of the member @member of the object at @path, or
 *   %GLOSS_JSON_TAPE_NONE
 *
 * Like gloss_json_get_string(), on a tape.
 *
 * Returns: (nullable): the string
 */
const char *
gloss_json_tape_read_string (const GlossJsonTape *tape,
                             guint                value,
                             const char          *member,
                             const char          *path,
                             gboolean             required,
                             GPtrArray           *problems)
{
  if (!gloss_json_check_string (gloss_json_tape_kind (tape, value), member, path, required, problems))
    return NULL;

  return gloss_json_tape_get_string (tape, value);
}

/**
 * gloss_json_tape_read_uint:
 *
 * Like gloss_json_get_uint(), on a tape.
 *
 * Returns: %TRUE if @out was set
 */
gboolean
gloss_json_tape_read_uint (const GlossJsonTape *tape,
                           guint                value,
                           const char          *member,
                           const char          *path,
                           guint                max,
                           guint               *out,
                           GPtrArray           *problems)
{
  GlossJsonKind kind = gloss_json_tape_kind (tape, value);

  return gloss_json_check_uint (kind,
                                kind == GLOSS_JSON_INTEGER ? tape->tokens[value].v.integer : 0,
                                kind == GLOSS_JSON_DOUBLE ? tape->tokens[value].v.number : 0,
                                member, path, max, out, problems);
}
