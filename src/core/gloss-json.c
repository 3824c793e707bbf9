/* gloss-json.c
 *
 * Reading JSON with every problem reported by its path, and writing JSON
 * strings exactly. Shared by the annotation file, the label set and the
 * project file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-json.h"
#include "gloss-problem.h"
#include "gloss-text.h"
#include "gloss-utf8-private.h"

/* json-glib recurses once per nesting level, so a hostile file nested
 * 100 000 levels deep would overflow the stack. One linear pass over the
 * bytes (strings skipped) finds the depth first. The same pass finds the
 * escape \u0000 in a string: json-glib's strings end at a NUL, so a
 * document id or a label name holding one would be cut short unsaid. */
static gboolean
check_depth (const char *data,
             gsize       length,
             gsize      *where,
             gsize      *nul)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  *nul = G_MAXSIZE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (*nul == G_MAXSIZE && length - i >= 6 && memcmp (data + i + 1, "u0000", 5) == 0)
                *nul = i;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > GLOSS_JSON_MAX_DEPTH)
            {
              *where = i;
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/**
 * gloss_json_parse:
 *
 * Parses JSON that must be valid UTF-8 and at most %GLOSS_JSON_MAX_DEPTH
 * levels deep.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 */
JsonNode *
gloss_json_parse (const char  *data,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize offset;
  gsize nul;
  guint line, column;

  if (length < 0)
    length = strlen (data);

  if (memchr (data, '\0', length) != NULL || gloss_utf8_locate_error (data, length, &offset, &line, &column))
    {
      if (memchr (data, '\0', length) != NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                     _("The file holds NUL bytes; it is not a JSON text"));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                     _("The file is not valid UTF-8 at line %u, column %u"), line, column);
      return NULL;
    }

  if (!check_depth (data, length, &offset, &nul))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("The JSON is nested more than %u levels deep (at byte %lu)"),
                   GLOSS_JSON_MAX_DEPTH, (unsigned long)offset);
      return NULL;
    }

  if (nul != G_MAXSIZE)
    {
      const char *line_start = data;

      line = 1;
      for (const char *p = data; p < data + nul; p++)
        {
          if (*p == '\n')
            {
              line++;
              line_start = p + 1;
            }
        }
      column = g_utf8_strlen (line_start, data + nul - line_start) + 1;
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("A string holds the NUL character (\\u0000) at line %u, column %u; Gloss does not accept "
                     "it, as it would cut the string short"),
                   line, column);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_JSON,
                   _("The file is empty"));
      return NULL;
    }

  return json_node_copy (root);
}

/**
 * gloss_json_node_kind:
 * @node: (nullable): a node, %NULL for a missing member
 *
 * Returns: what @node holds
 */
GlossJsonKind
gloss_json_node_kind (JsonNode *node)
{
  if (node == NULL)
    return GLOSS_JSON_MISSING;
  if (JSON_NODE_HOLDS_NULL (node))
    return GLOSS_JSON_NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return GLOSS_JSON_OBJECT;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return GLOSS_JSON_ARRAY;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return GLOSS_JSON_STRING;
    case G_TYPE_BOOLEAN:
      return GLOSS_JSON_BOOLEAN;
    case G_TYPE_INT64:
      return GLOSS_JSON_INTEGER;
    default:
      return GLOSS_JSON_DOUBLE;
    }
}

/**
 * gloss_json_kind_name:
 *
 * Returns: the JSON type @kind in words, for messages
 */
const char *
gloss_json_kind_name (GlossJsonKind kind)
{
  switch (kind)
    {
    case GLOSS_JSON_OBJECT:
      return _("an object");
    case GLOSS_JSON_ARRAY:
      return _("a list");
    case GLOSS_JSON_STRING:
      return _("a string");
    case GLOSS_JSON_BOOLEAN:
      return _("true or false");
    case GLOSS_JSON_INTEGER:
    case GLOSS_JSON_DOUBLE:
      return _("a number");
    case GLOSS_JSON_MISSING:
    case GLOSS_JSON_NULL:
    default:
      return _("null");
    }
}

/**
 * gloss_json_type_name:
 *
 * Returns: the JSON type of @node in words, for messages
 */
const char *
gloss_json_type_name (JsonNode *node)
{
  return gloss_json_kind_name (gloss_json_node_kind (node));
}

static char *
member_path (const char *path,
             const char *member)
{
  return g_strdup_printf ("%s.%s", path, member);
}

static void add_member_problem (GPtrArray  *problems,
                                const char *path,
                                const char *member,
                                const char *format,
                                ...) G_GNUC_PRINTF (4, 5);

/* The member's path is made only for a problem: loading reads a few
 * members of each of 100 000 annotations, nearly all of them fine */
static void
add_member_problem (GPtrArray  *problems,
                    const char *path,
                    const char *member,
                    const char *format,
                    ...)
{
  g_autofree char *where = member_path (path, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  gloss_problems_add (problems, where, "%s", message);
}

/**
 * gloss_json_check_string:
 * @kind: what the member @member of the object at @path holds
 *
 * Adds a problem when the member is missing (and @required) or not a
 * string. The checks of a JSON tree and of a #GlossJsonTape share it.
 *
 * Returns: %TRUE if it is a string
 */
gboolean
gloss_json_check_string (GlossJsonKind  kind,
                         const char    *member,
                         const char    *path,
                         gboolean       required,
                         GPtrArray     *problems)
{
  if (kind == GLOSS_JSON_MISSING)
    {
      if (required)
        add_member_problem (problems, path, member, _("“%s” is missing"), member);
      return FALSE;
    }

  if (kind != GLOSS_JSON_STRING)
    {
      add_member_problem (problems, path, member, _("“%s” must be a string, not %s"),
                          member, gloss_json_kind_name (kind));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_json_get_string:
 *
 * Returns: (nullable): the string @member of @object; %NULL with a problem
 *   added when it is missing (and @required) or not a string
 */
const char *
gloss_json_get_string (JsonObject *object,
                       const char *member,
                       const char *path,
                       gboolean    required,
                       GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!gloss_json_check_string (gloss_json_node_kind (node), member, path, required, problems))
    return NULL;

  return json_node_get_string (node);
}

/**
 * gloss_json_check_uint:
 * @integer: the value, if @kind is %GLOSS_JSON_INTEGER
 * @number: the value, if @kind is %GLOSS_JSON_DOUBLE
 *
 * Checks that the member @member is a whole number in `[0, max]`; adds a
 * problem when it is missing, not a whole number or out of range.
 *
 * Returns: %TRUE if @value was set
 */
gboolean
gloss_json_check_uint (GlossJsonKind  kind,
                       gint64         integer,
                       double         number,
                       const char    *member,
                       const char    *path,
                       guint          max,
                       guint         *value,
                       GPtrArray     *problems)
{
  if (kind == GLOSS_JSON_MISSING)
    {
      add_member_problem (problems, path, member, _("“%s” is missing"), member);
      return FALSE;
    }

  if (kind != GLOSS_JSON_INTEGER)
    {
      if (kind == GLOSS_JSON_DOUBLE)
        add_member_problem (problems, path, member, _("“%s” must be a whole number, not %g"),
                            member, number);
      else
        add_member_problem (problems, path, member, _("“%s” must be a whole number, not %s"),
                            member, gloss_json_kind_name (kind));
      return FALSE;
    }

  if (integer < 0)
    {
      add_member_problem (problems, path, member, _("“%s” is negative (%lld)"), member, (long long)integer);
      return FALSE;
    }

  if ((guint64)integer > max)
    {
      add_member_problem (problems, path, member, _("“%s” is %lld, beyond the largest allowed value %u"),
                          member, (long long)integer, max);
      return FALSE;
    }

  *value = (guint)integer;

  return TRUE;
}

/**
 * gloss_json_get_uint:
 *
 * Reads the whole number @member of @object, which must be in
 * `[0, max]`; adds a problem when it is missing, not a whole number or out
 * of range.
 *
 * Returns: %TRUE if @value was set
 */
gboolean
gloss_json_get_uint (JsonObject *object,
                     const char *member,
                     const char *path,
                     guint       max,
                     guint      *value,
                     GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (object, member);
  GlossJsonKind kind = gloss_json_node_kind (node);

  return gloss_json_check_uint (kind,
                                kind == GLOSS_JSON_INTEGER ? json_node_get_int (node) : 0,
                                kind == GLOSS_JSON_DOUBLE ? json_node_get_double (node) : 0,
                                member, path, max, value, problems);
}

/**
 * gloss_json_check_array:
 *
 * Returns: %TRUE if @kind is a list; else adds a problem (missing, or not
 *   a list)
 */
gboolean
gloss_json_check_array (GlossJsonKind  kind,
                        const char    *member,
                        const char    *path,
                        GPtrArray     *problems)
{
  if (kind == GLOSS_JSON_MISSING)
    {
      add_member_problem (problems, path, member, _("“%s” is missing"), member);
      return FALSE;
    }

  if (kind != GLOSS_JSON_ARRAY)
    {
      add_member_problem (problems, path, member, _("“%s” must be a list, not %s"),
                          member, gloss_json_kind_name (kind));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_json_get_array:
 *
 * Returns: (nullable): the list @member of @object; %NULL with a problem
 *   when it is missing or not a list
 */
JsonArray *
gloss_json_get_array (JsonObject *object,
                      const char *member,
                      const char *path,
                      GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (object, member);

  if (!gloss_json_check_array (gloss_json_node_kind (node), member, path, problems))
    return NULL;

  return json_node_get_array (node);
}

/**
 * gloss_json_add_unknown_member:
 *
 * Adds the problem of a member Gloss does not know.
 */
void
gloss_json_add_unknown_member (GPtrArray  *problems,
                               const char *path,
                               const char *name)
{
  g_autofree char *shown = gloss_problem_shorten (name);
  g_autofree char *where = member_path (path, shown);

  gloss_problems_add (problems, where, _("Unknown field “%s”"), shown);
}

/**
 * gloss_json_check_members:
 * @known: %NULL-terminated names that @object may have
 *
 * Adds a problem for each member that Gloss does not know, so that a
 * hand-edited or newer file is never silently stripped on saving.
 */
void
gloss_json_check_members (JsonObject         *object,
                          const char         *path,
                          const char * const *known,
                          GPtrArray          *problems)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        gloss_json_add_unknown_member (problems, path, name);
    }
}

/**
 * gloss_json_append_string_len:
 * @str: UTF-8, @length bytes (NUL bytes are written as `\u0000`)
 *
 * Appends @str as a JSON string, as gloss_json_append_string() does.
 */
void
gloss_json_append_string_len (GString    *out,
                              const char *str,
                              gsize       length)
{
  const guchar *p = (const guchar *)str;
  const guchar *end = p + length;

  g_string_append_c (out, '"');

  for (;;)
    {
      const guchar *run = p;
      const char *escape;
      char buf[8];

      p = gloss_utf8_skip_json_plain (p, end, FALSE);
      g_string_append_len (out, (const char *)run, p - run);
      if (p == end)
        break;

      switch (*p)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", *p);
          escape = buf;
          break;
        }
      g_string_append (out, escape);
      p++;
    }

  g_string_append_c (out, '"');
}

/**
 * gloss_json_append_string:
 *
 * Appends @str as a JSON string. Non-ASCII text stays as UTF-8, so files
 * stay readable; control characters, quotes and backslashes are escaped.
 */
void
gloss_json_append_string (GString    *out,
                          const char *str)
{
  gloss_json_append_string_len (out, str, strlen (str));
}

/**
 * gloss_json_append_double:
 *
 * Appends the shortest text that reads back as @value, as Python's repr()
 * writes it: the fewest significant digits that give the same double,
 * plain from 1e-4 up to 1e16 and with an exponent outside, always with a
 * fraction or an exponent so that it reads back as a double; NAN as
 * `null`, an infinity as `1e999` or `-1e999`. The same in every locale.
 */
void
gloss_json_append_double (GString *out,
                          double   value)
{
  char digits[32];
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];
  int precision;
  int exponent;

  /* JSON has no infinity; 1e999 is read back as it */
  if (!isfinite (value))
    {
      g_string_append (out, isnan (value) ? "null" : value > 0 ? "1e999" : "-1e999");
      return;
    }

  /* 17 significant digits always give the same double back */
  for (precision = 1; precision <= 17; precision++)
    {
      char format[8];
      double back;

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (digits, sizeof digits, format, value);
      back = g_ascii_strtod (digits, NULL);
      if (memcmp (&back, &value, sizeof value) == 0)
        break;
    }

  exponent = atoi (strchr (digits, 'e') + 1);
  if (exponent < -4 || exponent >= 16)
    {
      /* 1e+20, 1.5e-07: as %e wrote it */
      g_string_append (out, digits);
      return;
    }

  {
    char format[8];

    g_snprintf (format, sizeof format, "%%.%df", MAX (precision - 1 - exponent, 0));
    g_ascii_formatd (buf, sizeof buf, format, value);
  }
  g_string_append (out, buf);
  if (strchr (buf, '.') == NULL)
    g_string_append (out, ".0");
}

/**
 * gloss_json_append_node:
 *
 * Appends @node as compact JSON, as json-glib's json_to_string() writes
 * it, except for what json-glib writes wrong: a double as the shortest
 * text that reads back as it (json-glib wrote 1e20 as `1e+20.0`, which no
 * JSON reader takes), and every control character escaped (json-glib
 * wrote U+001F as it is).
 */
void
gloss_json_append_node (GString  *out,
                        JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            gloss_json_append_string (out, name);
            g_string_append_c (out, ':');
            gloss_json_append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            gloss_json_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          gloss_json_append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          gloss_json_append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * gloss_json_node_to_string:
 *
 * Returns: (transfer full): @node as compact JSON, as
 *   gloss_json_append_node() writes it
 */
char *
gloss_json_node_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  gloss_json_append_node (out, node);

  return g_string_free (out, FALSE);
}

/**
 * gloss_json_put_uint:
 * @out: room for 10 characters
 *
 * Writes @value in decimal, without printf's machinery: what a long list
 * of numbers or paths costs most.
 *
 * Returns: the end of what was written
 */
char *
gloss_json_put_uint (char  *out,
                     guint  value)
{
  char digits[10];
  guint n = 0;

  do
    {
      digits[n++] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  while (n > 0)
    *out++ = digits[--n];

  return out;
}
