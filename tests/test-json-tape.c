/* test-json-tape.c
 *
 * The annotation file's own JSON reader: it reads JSON as json-glib does,
 * and refuses what JSON does not allow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "gloss-fuzz.h"
#include "gloss-json.h"
#include "gloss-json-tape.h"
#include "gloss-problem.h"

/* Valid JSON with what is easy to get wrong; each must be read as
 * json-glib reads it (gloss_fuzz_json_tape_agrees() compares the trees) */
static const char *const agreeing[] = {
  "{}",
  "[]",
  " \t\n\r{ } ",
  "\xEF\xBB\xBF{\"bom\": true}",
  "\"a lone string\"",
  "0", "-0", "1", "-1", "0.5", "-0.0", "1e5", "1E+2", "2.5e-3", "1e400", "-1e400",
  "[9223372036854775807, 9223372036854775808, -9223372036854775808, 18446744073709551615]",
  "[18446744073709551616, 99999999999999999999999999, -99999999999999999999, 4294967296]",
  "[\"\", \"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u0041\\u00e9\\u20ac\\uFFFF\", \"\\ud83d\\ude00\\uD834\\uDD1E\"]",
  "[\"Bär „x“ 👍🏽 e\xCC\x81\", \"\xF4\x8F\xBF\xBF\", \"\xED\x9F\xBF\"]",
  "{\"a\": 1, \"b\": [true, false, null], \"a\": {\"c\": 2}, \"\": \"empty name\"}",
  "{\"a\": 1, \"b\": 2, \"a\": 3, \"b\": 4, \"c\": 5, \"a\": 6}",
  "[[[[[[[[[[{\"deep\": [[[[[]]]]]}]]]]]]]]]]",
  "{\"meta\": {\"n\": 12345678901, \"f\": 0.1, \"list\": [1, 2.5, -3, null, {}, []]}}",
};

/* Not JSON, or beyond Gloss's limits: refused, with where it stopped */
static const struct
{
  const char *json;
  gssize      length;  /* -1: up to the NUL */
  gsize       offset;
} refused[] = {
  { "", -1, 0 },
  { "   ", -1, 3 },
  { "{", -1, 1 },
  { "[1,]", -1, 3 },
  { "{\"a\": 1,}", -1, 8 },
  { "[1 2]", -1, 3 },
  { "{\"a\" 1}", -1, 5 },
  { "{1: 2}", -1, 1 },
  { "{} {}", -1, 3 },
  { "[01]", -1, 2 },
  { "[0x10]", -1, 2 },
  { "[1.]", -1, 3 },
  { "[.5]", -1, 1 },
  { "[+1]", -1, 1 },
  { "[1e]", -1, 3 },
  { "[-]", -1, 2 },
  { "['a']", -1, 1 },
  { "[tru]", -1, 1 },
  { "[truex]", -1, 5 },
  { "[nul]", -1, 1 },
  { "/* note */ {}", -1, 0 },
  { "{} // note", -1, 3 },
  { "var x = {}", -1, 0 },
  { "[\"a\tb\"]", -1, 3 },
  { "[\"a\nb\"]", -1, 3 },
  { "[\"\\x\"]", -1, 2 },
  { "[\"\\u00\"]", -1, 2 },
  { "[\"a\\u0000b\"]", -1, 3 },
  { "[\"\\ud800\"]", -1, 8 },
  { "[\"\\ud800\\u0041\"]", -1, 8 },
  { "[\"\\udc00\"]", -1, 2 },
  { "[\"\xFF\"]", -1, 2 },
  { "[\"\xC3\"]", -1, 2 },
  { "[\"\xED\xA0\x80\"]", -1, 2 },
  { "[\"unterminated]", -1, 15 },
  { "\xFF", -1, 0 },
  { "[1]\0", 4, 3 },
  { "\xEF\xBB", -1, 0 },
};

static void
test_agrees_with_json_glib (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (agreeing); i++)
    {
      g_autofree char *shown = g_strescape (agreeing[i], NULL);

      g_test_message ("%s", shown);
      g_assert_true (gloss_fuzz_json_tape_agrees ((const guint8 *)agreeing[i], strlen (agreeing[i])));
    }
}

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gsize length = refused[i].length < 0 ? strlen (refused[i].json) : (gsize)refused[i].length;
      gsize offset = G_MAXSIZE;
      g_autofree char *shown = g_strescape (refused[i].json, NULL);

      g_test_message ("%s", shown);
      g_assert_null (gloss_json_tape_parse (refused[i].json, length, &offset));
      g_assert_cmpuint (offset, ==, refused[i].offset);
    }
}

/* GLOSS_JSON_MAX_DEPTH levels are read, one more is refused */
static void
test_depth (void)
{
  g_autofree char *open = g_strnfill (GLOSS_JSON_MAX_DEPTH, '[');
  g_autofree char *close = g_strnfill (GLOSS_JSON_MAX_DEPTH, ']');
  g_autofree char *deepest = g_strconcat (open, close, NULL);
  g_autofree char *deeper = g_strconcat ("[", open, close, "]", NULL);
  g_autoptr(GlossJsonTape) tape = NULL;
  gsize offset = 0;

  g_assert_true (gloss_fuzz_json_tape_agrees ((const guint8 *)deepest, strlen (deepest)));
  tape = gloss_json_tape_parse (deeper, strlen (deeper), &offset);
  g_assert_null (tape);
  g_assert_cmpuint (offset, ==, GLOSS_JSON_MAX_DEPTH);
}

/* Random documents of every kind of value, nested, with escapes: read as
 * json-glib reads them */
static void
append_random_value (GString *out,
                     GRand   *rand,
                     guint    depth)
{
  static const char *const scalars[] = {
    "0", "-0", "7", "-12", "4294967295", "4294967296", "3.25", "-1e-7", "6.02E23", "true", "false", "null",
    "\"\"", "\"plain\"", "\"„Zitat“ 👍🏽\"", "\"\\u00e4\\n\\t\\\"\\\\\\/\"", "\"\\ud83d\\ude00\"",
  };
  guint choice = g_rand_int_range (rand, 0, depth < 6 ? 10 : 6);

  if (choice < 6)
    g_string_append (out, scalars[g_rand_int_range (rand, 0, G_N_ELEMENTS (scalars))]);
  else if (choice < 8)
    {
      guint n = g_rand_int_range (rand, 0, 5);

      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          g_string_append (out, i ? ", " : "");
          append_random_value (out, rand, depth + 1);
        }
      g_string_append_c (out, ']');
    }
  else
    {
      static const char *const names[] = { "id", "label", "a", "b", "", "é", "text" };
      guint n = g_rand_int_range (rand, 0, 6);

      g_string_append_c (out, '{');
      for (guint i = 0; i < n; i++)
        {
          g_string_append_printf (out, "%s\"%s\":%s", i ? ",\n" : "", names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                  g_rand_boolean (rand) ? " " : "");
          append_random_value (out, rand, depth + 1);
        }
      g_string_append_c (out, '}');
    }
}

static void
test_random_documents (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) json = g_string_new (NULL);

      append_random_value (json, rand, 0);
      g_assert_true (gloss_fuzz_json_tape_agrees ((const guint8 *)json->str, json->len));
    }
}

/* A later member of the same name wins; unknown members are said in the
 * order json-glib's hash table gives them, so that the problems of a file
 * with several read as they always did */
static void
test_members (void)
{
  const char *json = "{\"zeta\": 0, \"id\": 1, \"x\": 2, \"id\": 3, \"alpha\": 4, \"confidence\": 5, \"x\": 6, "
                     "\"m1\": 7, \"m2\": 8, \"m3\": 9, \"m4\": 10, \"m5\": 11, \"m6\": 12, \"m7\": 13}";
  static const char * const known[] = { "id", "missing", NULL };
  g_autoptr(GlossJsonTape) tape = gloss_json_tape_parse (json, strlen (json), NULL);
  g_autoptr(JsonNode) node = gloss_json_parse (json, -1, NULL);
  g_autoptr(GPtrArray) from_tape = gloss_problems_new ();
  g_autoptr(GPtrArray) from_json_glib = gloss_problems_new ();
  guint values[2];

  g_assert_nonnull (tape);
  g_assert_cmpuint (gloss_json_tape_get_size (tape, 0), ==, 14);
  g_assert_cmpint (gloss_json_tape_get_integer (tape, gloss_json_tape_lookup (tape, 0, "id")), ==, 3);
  g_assert_cmpint (gloss_json_tape_get_integer (tape, gloss_json_tape_lookup (tape, 0, "x")), ==, 6);
  g_assert_cmpuint (gloss_json_tape_lookup (tape, 0, "missing"), ==, GLOSS_JSON_TAPE_NONE);

  g_assert_false (gloss_json_tape_get_members (tape, 0, known, values));
  g_assert_cmpint (gloss_json_tape_get_integer (tape, values[0]), ==, 3);
  g_assert_cmpuint (values[1], ==, GLOSS_JSON_TAPE_NONE);
  g_assert_cmpint (gloss_json_tape_kind (tape, values[1]), ==, GLOSS_JSON_MISSING);

  gloss_json_tape_check_members (tape, 0, "$", known, from_tape);
  gloss_json_check_members (json_node_get_object (node), "$", known, from_json_glib);
  g_assert_cmpuint (from_tape->len, ==, 11);
  g_assert_cmpuint (from_tape->len, ==, from_json_glib->len);
  for (guint i = 0; i < from_tape->len; i++)
    {
      GlossProblem *a = g_ptr_array_index (from_tape, i);
      GlossProblem *b = g_ptr_array_index (from_json_glib, i);

      g_assert_cmpstr (a->path, ==, b->path);
      g_assert_cmpstr (a->message, ==, b->message);
    }
}

/* Numbers are read as json-glib reads them, which the checks' messages
 * show: beyond 2^64 - 1 the largest, taken as signed (-1) */
static void
test_numbers (void)
{
  const char *json = "[4294967295, 4294967296, 18446744073709551616, 9223372036854775808, -5, 26.5, 1e2]";
  static const char *const expected[] = {
    NULL,
    "“n” is 4294967296, beyond the largest allowed value 4294967295",
    "“n” is negative (-1)",
    "“n” is negative (-9223372036854775808)",
    "“n” is negative (-5)",
    "“n” must be a whole number, not 26.5",
    "“n” must be a whole number, not 100",
  };
  g_autoptr(GlossJsonTape) tape = gloss_json_tape_parse (json, strlen (json), NULL);
  guint i = 0;

  g_assert_nonnull (tape);
  for (guint e = 1; e < gloss_json_tape_end (tape, 0); e = GLOSS_JSON_TAPE_NEXT_ELEMENT (tape, e), i++)
    {
      g_autoptr(GPtrArray) problems = gloss_problems_new ();
      guint value = 0;
      gboolean ok = gloss_json_tape_read_uint (tape, e, "n", "$", G_MAXUINT, &value, problems);

      g_assert_true (ok == (expected[i] == NULL));
      if (ok)
        g_assert_cmpuint (value, ==, G_MAXUINT);
      else
        g_assert_cmpstr (((GlossProblem *)g_ptr_array_index (problems, 0))->message, ==, expected[i]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
}

/* Compact JSON of a value Gloss keeps without reading it ("meta",
 * "orphans"): json-glib's layout, every number as the file wrote it, a
 * name given twice as json-glib reads it; what is written reads back the
 * same */
static void
test_compact (void)
{
  static const struct
  {
    const char *json;
    const char *compact;
  } cases[] = {
    { "{\"a\": 1, \"b\": [true, false, null], \"a\": {\"c\": 2}, \"\": \"empty name\"}",
      "{\"a\":{\"c\":2},\"b\":[true,false,null],\"\":\"empty name\"}" },
    { "[1e20, 1e-7, 0.1, 1e308, -0.0, 12345678901234567890, 1e400, -1E+400, 0.10, 1E+2, -0]",
      "[1e20,1e-7,0.1,1e308,-0.0,12345678901234567890,1e400,-1E+400,0.10,1E+2,-0]" },
    { "{\"s\": \"\\u001f\\u007f\\/\\t\\u00e4\\ud83d\\ude00\"}", "{\"s\":\"\\u001f\x7f/\\t\xC3\xA4\xF0\x9F\x98\x80\"}" },
    { " [ { } , [ ] ] ", "[{},[]]" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossJsonTape) tape = gloss_json_tape_parse (cases[i].json, strlen (cases[i].json), NULL);
      g_autoptr(GString) out = g_string_new (NULL);

      g_assert_nonnull (tape);
      gloss_json_tape_append_compact (out, tape, 0);
      g_assert_cmpstr (out->str, ==, cases[i].compact);
    }

  /* Of json-glib's own output (whole numbers and strings without control
   * characters, where it is right) the same bytes: files that Gloss wrote
   * before keep theirs. Objects of over 16 members, with names given
   * twice, take another way. */
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GString) json = g_string_new ("{");
      g_autoptr(GlossJsonTape) tape = NULL;
      g_autoptr(GlossJsonTape) again = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) out_again = g_string_new (NULL);
      g_autofree char *expected = NULL;
      guint n = g_rand_int_range (rand, 0, 40);

      for (guint m = 0; m < n; m++)
        g_string_append_printf (json, "%s\"m%u\": [%d, \"é\\\"%u\", {\"x\": %s}]", m ? ", " : "",
                                g_rand_int_range (rand, 0, 25), g_rand_int_range (rand, -1000, 1000), m,
                                g_rand_boolean (rand) ? "true" : "null");
      g_string_append_c (json, '}');

      tape = gloss_json_tape_parse (json->str, json->len, NULL);
      node = gloss_json_parse (json->str, json->len, NULL);
      g_assert_nonnull (tape);
      g_assert_nonnull (node);
      gloss_json_tape_append_compact (out, tape, 0);
      expected = json_to_string (node, FALSE);
      g_assert_cmpstr (out->str, ==, expected);

      again = gloss_json_tape_parse (out->str, out->len, NULL);
      g_assert_nonnull (again);
      gloss_json_tape_append_compact (out_again, again, 0);
      g_assert_cmpstr (out_again->str, ==, out->str);
    }
}

/* A json-glib tree is written as json-glib writes it, but each double as
 * the shortest text that reads back as the same double (as Python's
 * repr() writes it): json-glib wrote 1e20 as 1e+20.0, which is not JSON */
static void
test_append_node (void)
{
  static const struct
  {
    double      value;
    const char *text;
  } doubles[] = {
    { 1e20, "1e+20" }, { 1e-7, "1e-07" }, { 0.1, "0.1" }, { 1e308, "1e+308" }, { -0.0, "-0.0" },
    { 0.0, "0.0" }, { 2.5, "2.5" }, { 3.0, "3.0" }, { 100.0, "100.0" }, { 1e15, "1000000000000000.0" },
    { 1e16, "1e+16" }, { 0.0001, "0.0001" }, { 0.00001, "1e-05" }, { 123456789.123, "123456789.123" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" }, { 5e-324, "5e-324" }, { -2.25e-10, "-2.25e-10" },
    { 0.1 + 0.2, "0.30000000000000004" }, { 1.0 / 3.0, "0.3333333333333333" }, { 12345678901234567890.0, "1.2345678901234567e+19" },
    { INFINITY, "1e999" }, { -INFINITY, "-1e999" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), doubles[i].value);
      g_autofree char *text = gloss_json_node_to_string (node);

      g_assert_cmpstr (text, ==, doubles[i].text);
    }

  /* Any double: the text is a JSON number that reads back as it */
  for (guint i = 0; i < 20000; i++)
    {
      guint64 bits = ((guint64)g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GlossJsonTape) tape = NULL;
      g_autofree char *text = NULL;
      double back;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;
      node = json_node_init_double (json_node_alloc (), value);
      text = gloss_json_node_to_string (node);
      tape = gloss_json_tape_parse (text, strlen (text), NULL);
      g_assert_nonnull (tape);
      g_assert_cmpint (gloss_json_tape_kind (tape, 0), ==, GLOSS_JSON_DOUBLE);
      back = gloss_json_tape_get_double (tape, 0);
      g_assert_cmpmem (&back, sizeof back, &value, sizeof value);
    }

  /* The rest as json-glib writes it */
  {
    const char *json = "{\"b\": [1, -2, true, false, null, \"\\\"é\\\\\\n\"], \"a\": {}, \"c\": 9223372036854775807}";
    g_autoptr(JsonNode) node = gloss_json_parse (json, -1, NULL);
    g_autofree char *expected = json_to_string (node, FALSE);
    g_autofree char *text = gloss_json_node_to_string (node);

    g_assert_cmpstr (text, ==, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/json-tape/agrees-with-json-glib", test_agrees_with_json_glib);
  g_test_add_func ("/gloss/json-tape/refused", test_refused);
  g_test_add_func ("/gloss/json-tape/depth", test_depth);
  g_test_add_func ("/gloss/json-tape/random-documents", test_random_documents);
  g_test_add_func ("/gloss/json-tape/members", test_members);
  g_test_add_func ("/gloss/json-tape/numbers", test_numbers);
  g_test_add_func ("/gloss/json-tape/compact", test_compact);
  g_test_add_func ("/gloss/json/append-node", test_append_node);

  return g_test_run ();
}
