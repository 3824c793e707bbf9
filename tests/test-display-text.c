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
  g_autoptr(GlossDocument) document = gloss_document_new (text, "de", NULL);
  gsize length;

  /* The usual text is shown as it is, without a copy */
  g_assert_null (gloss_display_text_dup (document, &length));
}

/* A line of 200 000 characters is shown in pieces, at sentence starts,
 * and every code point stays where it was */
static void
test_long_line (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GlossText) text = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *shown = NULL;
  g_autofree gunichar *original = NULL;
  g_autofree gunichar *displayed = NULL;
  glong n_original, n_displayed;
  guint n_breaks = 0;
  gsize length;

  while (s->len < 200000)
    g_string_append (s, "Das ist ein Satz ohne Zeilenumbruch, der lang ist. ");

  text = gloss_text_new (s->str, s->len, NULL);
  document = gloss_document_new (text, "de", NULL);
  shown = gloss_display_text_dup (document, &length);
  g_assert_nonnull (shown);
  g_assert_cmpuint (length, ==, strlen (shown));

  original = g_utf8_to_ucs4_fast (s->str, s->len, &n_original);
  displayed = g_utf8_to_ucs4_fast (shown, length, &n_displayed);
  g_assert_cmpint (n_original, ==, n_displayed);

  for (glong i = 0; i < n_original; i++)
    {
      if (displayed[i] == 0x2029)
        {
          int position;

          /* Only a space turns into a break, and only before a sentence */
          g_assert_cmpuint (original[i], ==, ' ');
          position = gloss_document_find_sentence_at (document, i + 1);
          g_assert_cmpuint (gloss_sentence_get_start (gloss_document_get_sentence (document, position)), ==, i + 1);
          n_breaks++;
        }
      else
        g_assert_cmpuint (displayed[i], ==, original[i]);
    }

  /* About one break every 2000 characters */
  g_assert_cmpuint (n_breaks, >=, 90);
  g_assert_cmpuint (n_breaks, <=, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gloss/display-text/short-paragraphs", test_short_paragraphs);
  g_test_add_func ("/gloss/display-text/long-line", test_long_line);

  return g_test_run ();
}
