/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-text.h"

static void
test_offsets (void)
{
  /* ä is 2 bytes, „ and “ 3, 👍🏽 two code points of 4 bytes, é is e +
   * a combining accent: two code points */
  const char *s = "Bär „x“ 👍🏽 e\xCC\x81!";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossText) text = gloss_text_new (s, -1, &error);
  g_autofree char *emoji = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (gloss_text_get_length (text), ==, 14);
  g_assert_cmpuint (gloss_text_get_byte_offset (text, 0), ==, 0);
  g_assert_cmpuint (gloss_text_get_byte_offset (text, 2), ==, 3);
  g_assert_cmpuint (gloss_text_get_byte_offset (text, 3), ==, 4);
  g_assert_cmpuint (gloss_text_get_byte_offset (text, 14), ==, strlen (s));
  g_assert_cmpuint (gloss_text_get_char_offset (text, 4), ==, 3);
  g_assert_cmpuint (gloss_text_get_char_offset (text, strlen (s)), ==, 14);

  emoji = gloss_text_dup_slice (text, 8, 10);
  g_assert_cmpstr (emoji, ==, "👍🏽");
  g_assert_true (gloss_text_slice_equals (text, 11, 13, "e\xCC\x81"));
  g_assert_false (gloss_text_slice_equals (text, 11, 12, "e\xCC\x81"));
  g_assert_false (gloss_text_slice_equals (text, 11, 99, "e"));
}

static void
test_long_offsets (void)
{
  /* Past many index checkpoints, with mixed widths */
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GError) error = NULL;
  const char *pieces[] = { "a", "ä", "„", "😀" };
  guint n = 10000;

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[(i * 7 + i / 3) % 4]);

  text = gloss_text_new (s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_text_get_length (text), ==, n);

  {
    const char *p = s->str;

    for (guint i = 0; i <= n; i++)
      {
        g_assert_cmpuint (gloss_text_get_byte_offset (text, i), ==, p - s->str);
        g_assert_cmpuint (gloss_text_get_char_offset (text, p - s->str), ==, i);
        if (i < n)
          p = g_utf8_next_char (p);
      }
  }
}

static void
test_bom_crlf (void)
{
  const char *s = "\xEF\xBB\xBFZeile eins\r\nZeile zwei";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossText) text = gloss_text_new (s, -1, &error);

  g_assert_no_error (error);
  g_assert_true (gloss_text_get_has_bom (text));
  /* The BOM is not counted; CR and LF are */
  g_assert_cmpuint (gloss_text_get_length (text), ==, 22);
  g_assert_cmpstr (gloss_text_get_contents (text), ==, "Zeile eins\r\nZeile zwei");
  /* The SHA-256 is that of the file, as sha256sum prints it */
  g_assert_cmpstr (gloss_text_get_sha256 (text), ==,
                   "8e3d414bcbe0b8dff5618b943dd97286a95c9188e2d1ad2e4abce5ff30a8fcbc");
}

static void
test_invalid_utf8 (void)
{
  const char *s = "Zeile eins\nZwei \xFF drei";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossText) text = gloss_text_new (s, -1, &error);

  g_assert_null (text);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "line 2, column 6"));
  g_assert_nonnull (strstr (error->message, "byte 16"));
}

/* Windows-1252 is offered only for bytes it makes a text of: not for UTF-8
 * gone wrong (overlong, surrogates, beyond U+10FFFF), nor for a byte it
 * leaves undefined */
static void
test_malformed_utf8 (void)
{
  const struct
  {
    const char *bytes;
    int         code;
    const char *where;
  } cases[] = {
    { "Gr\xfc\xdf" "e aus K\xf6ln", GLOSS_ERROR_INVALID_UTF8, "column 3 (byte 2)" },
    { "\x84Zitat\x93 \x96 5 \x80", GLOSS_ERROR_INVALID_UTF8, "column 1 (byte 0)" },
    { "ab\xc3", GLOSS_ERROR_INVALID_UTF8, "column 3 (byte 2)" },
    { "ab \xc0\xaf", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    { "ab \xe0\x80\xaf", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    { "ab \xed\xa0\x80\xed\xb0\x80", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    { "ab \xf0\x80\x80\xaf", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    { "ab \xf4\x90\x80\x80", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    { "ab \xf8\x88\x80\x80\x80", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    { "ab \x81", GLOSS_ERROR_MALFORMED_UTF8, "column 4 (byte 3)" },
    /* The first bad byte is legacy, a later one is not: the later one is
     * what rules Windows-1252 out, and it is the one named */
    { "\xfc\nab \xed\xa0\x80", GLOSS_ERROR_MALFORMED_UTF8, "line 2, column 4 (byte 5)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossText) text = gloss_text_new (cases[i].bytes, -1, &error);

      g_assert_null (text);
      g_assert_error (error, GLOSS_ERROR, cases[i].code);
      g_assert_true (gloss_text_error_is_encoding (error));
      g_assert_nonnull (strstr (error->message, cases[i].where));
      g_assert_true ((strstr (error->message, "Windows-1252") != NULL) == (cases[i].code == GLOSS_ERROR_INVALID_UTF8));
    }
}

/* A fallback encoding is for texts that are not UTF-8, never for those that
 * are */
static void
test_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-text-XXXXXX", &error);
  g_autofree char *latin_path = g_build_filename (dir, "latin.txt", NULL);
  g_autofree char *utf8_path = g_build_filename (dir, "utf8.txt", NULL);
  g_autoptr(GFile) latin = g_file_new_for_path (latin_path);
  g_autoptr(GFile) utf8 = g_file_new_for_path (utf8_path);
  g_autoptr(GlossText) text = NULL;

  g_assert_no_error (error);
  g_file_set_contents (latin_path, "Gr\xfc\xdf" "e", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (utf8_path, "Gr\xc3\xbc\xc3\x9f" "e", -1, &error);
  g_assert_no_error (error);

  text = gloss_text_load_fallback (latin, "windows-1252", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_get_contents (text), ==, "Grüße");
  g_assert_cmpstr (gloss_text_get_encoding (text), ==, "windows-1252");
  g_clear_object (&text);

  text = gloss_text_load_fallback (utf8, "windows-1252", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_text_get_contents (text), ==, "Grüße");
  g_assert_cmpstr (gloss_text_get_encoding (text), ==, "utf-8");
  g_clear_object (&text);

  text = gloss_text_load_fallback (latin, "utf-8", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  g_unlink (latin_path);
  g_unlink (utf8_path);
  g_rmdir (dir);
}

/* The text's own UTF-8 check (one pass that also indexes) accepts exactly
 * what GLib's does, and indexes what it accepts right: random mixes of
 * ASCII runs (long ones cross the 8-byte steps and the index stride),
 * whole characters and the bytes at the edges of every UTF-8 range */
static void
test_validate_like_glib (void)
{
  static const guchar edges[] = {
    0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF,
  };
  static const char *const pieces[] = { "ä", "„", "😀", "\xEF\xBB\xBF", "\xED\x9F\xBF", "\xF4\x8F\xBF\xBF" };
  /* Whole-looking sequences that are not UTF-8: a surrogate, overlong
   * forms, beyond U+10FFFF, cut short */
  static const char *const broken[] = {
    "\xED\xA0\x80", "\xED\xBF\xBF", "\xE0\x9F\xBF", "\xC1\xBF", "\xF0\x8F\xBF\xBF",
    "\xF4\x90\x80\x80", "\xE2\x82", "\xF0\x9F\x98",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n_valid = 0;

  for (guint round = 0; round < 4000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GlossText) text = NULL;
      guint n_parts = g_rand_int_range (rand, 1, 40);
      gboolean valid;

      for (guint i = 0; i < n_parts; i++)
        {
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              for (gint32 k = g_rand_int_range (rand, 1, 150); k > 0; k--)
                g_string_append_c (s, 'a' + k % 26);
              break;
            case 1:
              g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
              break;
            case 2:
              /* A break is rare, so that most texts are valid and long */
              if (g_rand_int_range (rand, 0, 16) == 0)
                g_string_append_c (s, edges[g_rand_int_range (rand, 0, sizeof edges)]);
              else if (g_rand_int_range (rand, 0, 16) == 0)
                g_string_append (s, broken[g_rand_int_range (rand, 0, G_N_ELEMENTS (broken))]);
              break;
            default:
              g_string_append (s, "Straße ");
              break;
            }
        }

      valid = g_utf8_validate_len (s->str, s->len, NULL);
      text = gloss_text_new (s->str, s->len, NULL);
      g_assert_true ((text != NULL) == valid);
      if (text == NULL)
        continue;

      n_valid++;
      {
        gsize bom = gloss_text_get_has_bom (text) ? 3 : 0;
        const char *p = s->str + bom;
        guint length = g_utf8_strlen (p, s->len - bom);

        g_assert_cmpuint (gloss_text_get_length (text), ==, length);
        for (guint i = 0; i <= length; i++)
          {
            g_assert_cmpuint (gloss_text_get_byte_offset (text, i), ==, p - (s->str + bom));
            if (i < length)
              p = g_utf8_next_char (p);
          }
      }
    }

  /* Both kinds were tried, many times */
  g_assert_cmpuint (n_valid, >, 500);
  g_assert_cmpuint (n_valid, <, 3500);
}

static void
test_binary (void)
{
  const char s[] = "PNG\0\0\x01\x02";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossText) text = gloss_text_new (s, sizeof s, &error);

  g_assert_null (text);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "byte 3"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossText) text = gloss_text_new ("", 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (gloss_text_get_length (text), ==, 0);
  g_assert_cmpstr (gloss_text_get_sha256 (text), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
test_language (void)
{
  g_autoptr(GlossText) de = gloss_text_new ("Die Regierung hat am Montag gesagt, dass sie das Gesetz nicht ändern wird.", -1, NULL);
  g_autoptr(GlossText) en = gloss_text_new ("The government said on Monday that it would not change the law.", -1, NULL);

  g_assert_cmpstr (gloss_text_guess_language (de), ==, "de");
  g_assert_cmpstr (gloss_text_guess_language (en), ==, "en");
}

static void
test_directory (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossText) text = gloss_text_load (dir, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/text/offsets", test_offsets);
  g_test_add_func ("/gloss/text/long-offsets", test_long_offsets);
  g_test_add_func ("/gloss/text/bom-crlf", test_bom_crlf);
  g_test_add_func ("/gloss/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/gloss/text/malformed-utf8", test_malformed_utf8);
  g_test_add_func ("/gloss/text/fallback", test_fallback);
  g_test_add_func ("/gloss/text/validate-like-glib", test_validate_like_glib);
  g_test_add_func ("/gloss/text/binary", test_binary);
  g_test_add_func ("/gloss/text/empty", test_empty);
  g_test_add_func ("/gloss/text/language", test_language);
  g_test_add_func ("/gloss/text/directory", test_directory);

  return g_test_run ();
}
