/* test-display-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-display-text.h"
#include "gloss-document.h"
#include "gloss-sentence.h"
#include "gloss-text.h"

static void
test_short_paragraphs (void)
{
  g_autoptr(GlossText) text = gloss_text_new ("Kurz. Und noch kürzer.\nZweiter Absatz.", -1, NULL);
  gsize length;

  /* The usual text is shown as it is, without a copy */
  g_assert_null (gloss_display_text_dup (text, "de", &length));
}

/* What @s is shown as: every code point where it was, a paragraph
 * separator only for a space before a sentence start (as a new document
 * splits @s), and nothing else changed. Returns how many breaks. */
static guint
check_display (const char *s,
               gsize       n_bytes,
               char      **shown)
{
  g_autoptr(GlossText) text = gloss_text_new (s, n_bytes, NULL);
  g_autoptr(GlossDocument) document = gloss_document_new (text, "de", NULL);
  g_autofree gunichar *original = NULL;
  g_autofree gunichar *displayed = NULL;
  glong n_original, n_displayed;
  guint n_breaks = 0;
  gsize length;

  *shown = gloss_display_text_dup (text, "de", &length);
  g_assert_nonnull (*shown);
  g_assert_cmpuint (length, ==, strlen (*shown));

  original = g_utf8_to_ucs4_fast (s, n_bytes, &n_original);
  displayed = g_utf8_to_ucs4_fast (*shown, length, &n_displayed);
  g_assert_cmpint (n_original, ==, n_displayed);

  for (glong i = 0; i < n_original; i++)
    {
      if (displayed[i] == 0x2029)
        {
          int position;

          g_assert_cmpuint (original[i], ==, ' ');
          position = gloss_document_find_sentence_at (document, i + 1);
          g_assert_cmpuint (gloss_sentence_get_start (gloss_document_get_sentence (document, position)), ==, i + 1);
          n_breaks++;
        }
      else
        g_assert_cmpuint (displayed[i], ==, original[i]);
    }

  return n_breaks;
}

/* A line of 200 000 characters is shown in pieces, at sentence starts,
 * and every code point stays where it was */
static void
test_long_line (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *shown = NULL;
  guint n_breaks;

  while (s->len < 200000)
    g_string_append (s, "Das ist ein Satz ohne Zeilenumbruch, der lang ist. ");

  /* About one break every 2000 characters */
  n_breaks = check_display (s->str, s->len, &shown);
  g_assert_cmpuint (n_breaks, >=, 90);
  g_assert_cmpuint (n_breaks, <=, 100);
}

/* Long lines among short ones, with CR LF line ends and text in other
 * scripts: only the long lines are broken, each where its own sentences
 * start, and the rest is copied as it is */
static void
test_mixed_lines (void)
{
  g_autoptr(GString) s = g_string_new ("Überschrift: „Zitat“ 😊\r\n\r\n");
  g_autofree char *shown = NULL;

  for (guint line = 0; line < 3; line++)
    {
      for (guint i = 0; i < 120; i++)
        g_string_append (s, "Die Ärztin sagte: „Das ist schön.“ Er widersprach. ");
      g_string_append (s, "Ende.\r\nKurze Zeile.\r\n");
    }

  /* Each long line of 6 125 characters: a break after each 2 000 */
  g_assert_cmpuint (check_display (s->str, s->len, &shown), ==, 9);
  g_assert_true (g_str_has_prefix (shown, "Überschrift: „Zitat“ 😊\r\n\r\nDie Ärztin"));
  g_assert_true (g_str_has_suffix (shown, "Ende.\r\nKurze Zeile.\r\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/display-text/short-paragraphs", test_short_paragraphs);
  g_test_add_func ("/gloss/display-text/long-line", test_long_line);
  g_test_add_func ("/gloss/display-text/mixed-lines", test_mixed_lines);

  return g_test_run ();
}
