/* bench-segmenter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compares the throughput of Gloss's sentence segmenter with ICU's sentence
 * break iterator on the same text, in the same process.
 *
 *   bench-segmenter [--repeat N] [--lang de|en] [FILE]
 *
 * Without FILE it builds about 5 MB of mixed German and English news text.
 * ICU works on UTF-16, so its figure is given twice: with the UTF-8 → UTF-16
 * conversion that a UTF-8 program has to pay, and without it (the text
 * converted once beforehand). Every figure is the best of N runs, in
 * 10^6 bytes of UTF-8 input per second.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "gloss-segmenter.h"

/* Paragraphs written for this benchmark: headlines, datelines, quotes,
 * abbreviations, numbers and dates, as news text has them. */
static const char *const paragraphs[] = {
  "Stadtwerke erhöhen die Preise\n\n"
  "BERLIN (dpa) - Die Stadtwerke heben die Gaspreise zum 1. Januar um 4,5 Prozent an. "
  "Betroffen sind rund 1.200.000 Haushalte, u. a. in Spandau und Pankow. "
  "„Wir geben nur die gestiegenen Kosten weiter“, sagte Vorstand Dr. Anja Roth am Montag. "
  "Verbraucherschützer kritisierten die Erhöhung scharf. "
  "Der Verband rechnet mit Mehrkosten von ca. 80 Euro im Jahr, bzw. etwa 7 Euro im Monat.\n\n",

  "Council backs late-night bus service\n\n"
  "LEEDS, England — The city council voted 31 to 12 on Tuesday to extend night buses until 2 a.m. "
  "on Fridays and Saturdays. \"It is about time,\" said Cllr. Priya Shah, who led the campaign. "
  "The trial will cost about £1.4 million a year, according to a report by the U.K. Department "
  "for Transport. Operators, e.g. First and Arriva, have until Jan. 31 to submit bids. "
  "Critics asked: \"Who will pay for it?\" The council did not answer.\n\n",

  "Trainer verlängert bis 2027\n"
  "Foto: Jan Meyer\n\n"
  "KÖLN taz | Der 1. FC Köln hat den Vertrag mit seinem Trainer vorzeitig verlängert. "
  "Im 2. Quartal hatte der Klub noch auf Platz 15 gelegen. "
  "Inzwischen steht er auf Seite 3 der Tabelle... Die Fans feiern. "
  "Mehr dazu lesen Sie auf taz.de oder schreiben Sie an sport@example.org. "
  "Das nächste Heimspiel beginnt am Samstag um 15.30 Uhr!\n\n",

  "Shares rise after earnings beat\n\n"
  "NEW YORK (Reuters) - Shares of Northwind Corp. rose 3.5% in early trading on Wednesday "
  "after the company reported quarterly revenue of $2.41 billion. "
  "Chief executive Mary J. Collins said demand in the U.S. remained strong. "
  "\"We saw growth in every region. We expect that to continue,\" she told analysts. "
  "The stock has gained 18% since Oct. 2. Is the rally over? Not yet, analysts say!\n\n",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static GString *
build_text (gsize min_bytes)
{
  GString *text = g_string_sized_new (min_bytes + 4096);
  guint i = 0;

  while (text->len < min_bytes)
    g_string_append (text, paragraphs[i++ % G_N_ELEMENTS (paragraphs)]);
  return text;
}

/* Runs the sentence break iterator over @utext and returns the number of
 * boundaries. */
static guint
icu_count (UBreakIterator *bi,
           const UChar    *utext,
           int32_t         ulen)
{
  UErrorCode status = U_ZERO_ERROR;
  guint count = 0;

  ubrk_setText (bi, utext, ulen, &status);
  if (U_FAILURE (status))
    g_error ("ubrk_setText: %s", u_errorName (status));
  ubrk_first (bi);
  while (ubrk_next (bi) != UBRK_DONE)
    count++;
  return count;
}

static UChar *
to_utf16 (const char *text,
          gsize       len,
          int32_t    *ulen)
{
  UErrorCode status = U_ZERO_ERROR;
  /* UTF-16 never needs more units than UTF-8 has bytes. */
  UChar *utext = g_new (UChar, len + 1);

  u_strFromUTF8 (utext, (int32_t) len + 1, ulen, text, (int32_t) len, &status);
  if (U_FAILURE (status))
    g_error ("u_strFromUTF8: %s", u_errorName (status));
  return utext;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSegmenter) segmenter = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *lang = NULL;
  g_autofree UChar *pre_converted = NULL;
  UBreakIterator *bi;
  UErrorCode status = U_ZERO_ERROR;
  const char *locale;
  int repeat = 10;
  double best_icu_conv = G_MAXDOUBLE;
  double best_icu = G_MAXDOUBLE;
  double best_gloss = G_MAXDOUBLE;
  double mb;
  int32_t ulen = 0;
  guint icu_sentences = 0;
  guint gloss_sentences = 0;
  int i;
  const GOptionEntry entries[] = {
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs per segmenter (best of)", "N" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "Language: de (default) or en", "LANG" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("[FILE] — compare Gloss's segmenter with ICU");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (lang == NULL)
    lang = g_strdup ("de");
  if (repeat < 1)
    repeat = 1;

  if (argc > 1)
    {
      char *contents;
      gsize len;

      if (!g_file_get_contents (argv[1], &contents, &len, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      if (!g_utf8_validate_len (contents, len, NULL))
        {
          g_printerr ("%s: not valid UTF-8\n", argv[1]);
          g_free (contents);
          return EXIT_FAILURE;
        }
      text = g_string_new_len (contents, len);
      g_free (contents);
    }
  else
    text = build_text (5 * 1000 * 1000);

  mb = text->len / 1e6;
  g_print ("text: %.2f MB, language %s, best of %d runs\n", mb, lang, repeat);

  /* "ss=standard" turns on ICU's abbreviation suppressions ("Dr.", "z.B."). */
  locale = g_str_equal (lang, "en") ? "en@ss=standard" : "de@ss=standard";
  bi = ubrk_open (UBRK_SENTENCE, locale, NULL, 0, &status);
  if (U_FAILURE (status))
    {
      g_printerr ("ubrk_open: %s\n", u_errorName (status));
      return EXIT_FAILURE;
    }
  segmenter = gloss_segmenter_new (lang);

  pre_converted = to_utf16 (text->str, text->len, &ulen);

  for (i = 0; i < repeat; i++)
    {
      double t0;
      double t1;
      g_autofree UChar *utext = NULL;
      g_autoptr(GArray) spans = NULL;

      /* ICU, paying for the conversion as a UTF-8 program must. */
      t0 = now ();
      utext = to_utf16 (text->str, text->len, &ulen);
      icu_sentences = icu_count (bi, utext, ulen);
      t1 = now ();
      best_icu_conv = MIN (best_icu_conv, t1 - t0);

      /* ICU on text converted beforehand. */
      t0 = now ();
      icu_sentences = icu_count (bi, pre_converted, ulen);
      t1 = now ();
      best_icu = MIN (best_icu, t1 - t0);

      t0 = now ();
      spans = gloss_segmenter_split (segmenter, text->str, text->len);
      t1 = now ();
      best_gloss = MIN (best_gloss, t1 - t0);
      gloss_sentences = spans->len;
    }

  ubrk_close (bi);

  g_print ("%-34s %9.1f MB/s  (%u sentences)\n", "ICU, UTF-8 -> UTF-16 included",
           mb / best_icu_conv, icu_sentences);
  g_print ("%-34s %9.1f MB/s\n", "ICU, on UTF-16 already", mb / best_icu);
  g_print ("%-34s %9.1f MB/s  (%u sentences)\n", "Gloss", mb / best_gloss, gloss_sentences);
  g_print ("ratio Gloss / ICU with conversion:    %.2fx\n", best_icu_conv / best_gloss);
  g_print ("ratio Gloss / ICU without conversion: %.2fx\n", best_icu / best_gloss);

  return EXIT_SUCCESS;
}
