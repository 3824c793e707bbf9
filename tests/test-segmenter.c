/* test-segmenter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gloss-segmenter.h"

/* A text and the sentences it must split into, in order. The expected spans
 * are found by locating each sentence in the text after the previous one,
 * so a case states its result as readable text and is still checked
 * against exact code-point offsets. */
typedef struct
{
  const char *name;
  const char *language;
  const char *text;
  const char *sentences[16];
} SplitCase;

/* Cases whose offsets are the point: written as code-point numbers. */
typedef struct
{
  const char *name;
  const char *language;
  const char *text;
  guint       n_spans;
  GlossRange  spans[4];
} SpanCase;

static const SplitCase split_cases[] = {
  /* Paragraphs and line breaks: headlines, teasers and captions without a
   * final stop are sentences of their own. */
  { "de-headline-teaser", "de",
    "Neue Brücke für Altona\n"
    "Der Senat hat den Bau beschlossen. Die Kosten steigen\n\n"
    "Blick auf die Elbe bei Nacht\n"
    "Foto: Lena Berg\n\n"
    "Die Arbeiten sollen im Frühjahr beginnen.",
    { "Neue Brücke für Altona", "Der Senat hat den Bau beschlossen.", "Die Kosten steigen",
      "Blick auf die Elbe bei Nacht", "Foto: Lena Berg",
      "Die Arbeiten sollen im Frühjahr beginnen.", NULL } },
  { "en-headline-caption", "en",
    "Storm closes coastal roads\n"
    "Crews worked through the night\n"
    "Waves hit the pier on Sunday. Photo: Sam Reed\n"
    "The roads reopened on Monday.",
    { "Storm closes coastal roads", "Crews worked through the night",
      "Waves hit the pier on Sunday.", "Photo: Sam Reed", "The roads reopened on Monday.", NULL } },
  { "de-caption-credit", "de",
    "Die Ministerin beim Besuch in Lwiw © Tom Graf / Agentur\nSie sprach mit Helfern.",
    { "Die Ministerin beim Besuch in Lwiw", "© Tom Graf / Agentur", "Sie sprach mit Helfern.", NULL } },
  { "de-copyright-year", "de",
    "Alle Texte © 2024 bei der Redaktion. Nachdruck verboten.",
    { "Alle Texte © 2024 bei der Redaktion.", "Nachdruck verboten.", NULL } },
  /* A credit inside the caption's line, with no stop before it. */
  { "de-caption-credit-inline", "de",
    "Die Bürgermeisterin eröffnet das Fest vor dem Rathaus von Lahnau Foto: Jens Peters/Stadtarchiv\n"
    "Ein Kran hebt die letzte Platte der Brücke am 3. Mai Bild: dpa\n"
    "Das Fest dauert bis Sonntag.",
    { "Die Bürgermeisterin eröffnet das Fest vor dem Rathaus von Lahnau",
      "Foto: Jens Peters/Stadtarchiv", "Ein Kran hebt die letzte Platte der Brücke am 3. Mai",
      "Bild: dpa", "Das Fest dauert bis Sonntag.", NULL } },
  { "en-caption-credit-inline", "en",
    "Firefighters on the roof of the old library Photo: Ana Cruz/Harbor Times\n"
    "Volunteers fill sandbags in Dover Photograph: Lee Wong/Getty Images\n"
    "The mayor at the flood barrier on Sunday Picture: PA\n"
    "A satellite view of the storm Image: NOAA\n"
    "The river crested at noon.",
    { "Firefighters on the roof of the old library", "Photo: Ana Cruz/Harbor Times",
      "Volunteers fill sandbags in Dover", "Photograph: Lee Wong/Getty Images",
      "The mayor at the flood barrier on Sunday", "Picture: PA",
      "A satellite view of the storm", "Image: NOAA", "The river crested at noon.", NULL } },
  /* "Foto:" in prose and headlines is no credit: after a word in small
   * letters, or when the line goes on to a sentence end. */
  { "de-foto-in-prose", "de",
    "Auf dem Foto: zwei Kinder am Strand von Usedom.\n"
    "Das beste Foto: Ein Rückblick auf das Jahr\n"
    "Im Zentrum steht Brandts Foto: Es zeigt den Kniefall.\n"
    "Sie sagte der Bild: „Ich bleibe.“",
    { "Auf dem Foto: zwei Kinder am Strand von Usedom.",
      "Das beste Foto: Ein Rückblick auf das Jahr",
      "Im Zentrum steht Brandts Foto: Es zeigt den Kniefall.",
      "Sie sagte der Bild: „Ich bleibe.“", NULL } },
  { "en-photo-in-prose", "en",
    "She showed us the photo: a blurred face.\n"
    "The jury chose for Best Photo: Ana Cruz, for her picture of the flood.",
    { "She showed us the photo: a blurred face.",
      "The jury chose for Best Photo: Ana Cruz, for her picture of the flood.", NULL } },

  /* Datelines stay with the first sentence. */
  { "de-dateline-taz", "de",
    "PEKING taz | Der Handelsstreit verschärft sich. Beide Seiten drohen mit Zöllen.",
    { "PEKING taz | Der Handelsstreit verschärft sich.", "Beide Seiten drohen mit Zöllen.", NULL } },
  { "de-dateline-dpa", "de",
    "BERLIN (dpa) - Die Regierung legt einen Haushalt vor. Er sieht Kürzungen vor.",
    { "BERLIN (dpa) - Die Regierung legt einen Haushalt vor.", "Er sieht Kürzungen vor.", NULL } },
  { "en-dateline-dash", "en",
    "WASHINGTON — The Senate voted late on Tuesday. Sen. Ortiz objected.",
    { "WASHINGTON — The Senate voted late on Tuesday.", "Sen. Ortiz objected.", NULL } },
  { "en-dateline-reuters", "en",
    "London (Reuters) – Shares fell sharply. Analysts had expected gains.",
    { "London (Reuters) – Shares fell sharply.", "Analysts had expected gains.", NULL } },
  { "en-dateline-state", "en",
    "HARTFORD, Conn. | The governor signed the bill. It takes effect in May.",
    { "HARTFORD, Conn. | The governor signed the bill.", "It takes effect in May.", NULL } },

  /* German abbreviations. */
  { "de-abbreviations", "de",
    "Der Verein hat u. a. neue Trikots bestellt, z. B. für die Jugend. "
    "Prof. Dr. Weber leitet das Projekt. Es kamen ca. 300 Gäste aus Nr. 5 bzw. Nr. 7. "
    "St. Pauli gewann trotzdem.",
    { "Der Verein hat u. a. neue Trikots bestellt, z. B. für die Jugend.",
      "Prof. Dr. Weber leitet das Projekt.", "Es kamen ca. 300 Gäste aus Nr. 5 bzw. Nr. 7.",
      "St. Pauli gewann trotzdem.", NULL } },
  { "de-abbreviation-ends", "de",
    "Sie kauften Brot, Käse, Obst usw. Danach fuhren sie heim. "
    "Der Umsatz stieg auf 2,4 Mio. Euro. Der Gewinn lag bei 3 Mrd. Die Aktie fiel.",
    { "Sie kauften Brot, Käse, Obst usw.", "Danach fuhren sie heim.",
      "Der Umsatz stieg auf 2,4 Mio. Euro.", "Der Gewinn lag bei 3 Mrd.", "Die Aktie fiel.", NULL } },
  { "de-abbreviation-glued", "de",
    "Er spricht u.a. Polnisch und z.B. Tschechisch. Das hilft.",
    { "Er spricht u.a. Polnisch und z.B. Tschechisch.", "Das hilft.", NULL } },

  /* English abbreviations, some of which can end a sentence. */
  { "en-titles", "en",
    "Mr. Hale met Mrs. Ruiz and Dr. Okafor on Jan. 9. They spoke for an hour.",
    { "Mr. Hale met Mrs. Ruiz and Dr. Okafor on Jan. 9.", "They spoke for an hour.", NULL } },
  { "en-us", "en",
    "The U.S. Navy sent two ships. Both later left the U.S. The crews were relieved.",
    { "The U.S. Navy sent two ships.", "Both later left the U.S.", "The crews were relieved.", NULL } },
  { "en-eg-ie", "en",
    "Some fruits, e.g. plums, are cheap. Others, i.e. the imported ones, are not.",
    { "Some fruits, e.g. plums, are cheap.", "Others, i.e. the imported ones, are not.", NULL } },
  { "en-company", "en",
    "Shares of Norwind Inc. rose. He works for Norwind Inc. The firm is based in Ohio. "
    "They sold maps, guides, etc. Sales doubled.",
    { "Shares of Norwind Inc. rose.", "He works for Norwind Inc.", "The firm is based in Ohio.",
      "They sold maps, guides, etc.", "Sales doubled.", NULL } },
  { "en-times", "en",
    "The meeting ended at 11 p.m. Delegates left at once. At 6 a.m. Mr. Bell returned.",
    { "The meeting ended at 11 p.m.", "Delegates left at once.", "At 6 a.m. Mr. Bell returned.", NULL } },

  /* German ordinals and dates, and a number that does end a sentence. */
  { "de-ordinals", "de",
    "Das Finale ist am 27. November. Der 1. FC Köln war im 2. Quartal stark. "
    "Die Wahl vom 12. Juni bleibt umstritten.",
    { "Das Finale ist am 27. November.", "Der 1. FC Köln war im 2. Quartal stark.",
      "Die Wahl vom 12. Juni bleibt umstritten.", NULL } },
  { "de-page-number", "de",
    "Die Tabelle steht auf Seite 12. Dort finden Sie alle Werte. Er wurde 3. Das reichte nicht.",
    { "Die Tabelle steht auf Seite 12.", "Dort finden Sie alle Werte.", "Er wurde 3.",
      "Das reichte nicht.", NULL } },
  { "de-year", "de",
    "Das Werk schloss im Jahr 2019. Seitdem steht es leer.",
    { "Das Werk schloss im Jahr 2019.", "Seitdem steht es leer.", NULL } },

  { "en-abbreviation-before-number", "en",
    "The No. 2 seed won. He said no. Then he left. The report (see p. 4) was clear.",
    { "The No. 2 seed won.", "He said no.", "Then he left.", "The report (see p. 4) was clear.", NULL } },
  { "de-street-unit-score", "de",
    "Er wohnt in der Goethestr. 12 in Kiel. Er lief 100 m. Dann kam er. Das Spiel endete 2:1. "
    "Danach war Ruhe.",
    { "Er wohnt in der Goethestr. 12 in Kiel.", "Er lief 100 m.", "Dann kam er.",
      "Das Spiel endete 2:1.", "Danach war Ruhe.", NULL } },
  { "en-references", "en",
    "See Fig. 3 and Vol. II of the report. He loves art. The museum is big. Smith et al. The study held.",
    { "See Fig. 3 and Vol. II of the report.", "He loves art.", "The museum is big.", "Smith et al.",
      "The study held.", NULL } },
  { "de-minutes", "de",
    "Nach 90 Min. Dann fiel das Tor. Es stand 1:0 nach 5 Min. Spielzeit.",
    { "Nach 90 Min.", "Dann fiel das Tor.", "Es stand 1:0 nach 5 Min. Spielzeit.", NULL } },
  { "en-citations", "en",
    "Helium is a noble gas.[2] It is light. Neon glows. [3] It is used in signs.",
    { "Helium is a noble gas.[2]", "It is light.", "Neon glows. [3]", "It is used in signs.", NULL } },

  /* Initials. */
  { "de-initials", "de",
    "Der Angeklagte Jacek K. schwieg. Sein Anwalt sprach für ihn.",
    { "Der Angeklagte Jacek K. schwieg.", "Sein Anwalt sprach für ihn.", NULL } },
  { "en-initials", "en",
    "She reread J. R. R. Tolkien. Then she met Anna B. Smith. It was you and I. We laughed.",
    { "She reread J. R. R. Tolkien.", "Then she met Anna B. Smith.", "It was you and I.",
      "We laughed.", NULL } },

  /* Numbers, decimals and times. */
  { "de-numbers", "de",
    "Die Inflation lag bei 2,4 Prozent. Um 14.30 Uhr begann die Sitzung. "
    "Es ging um 1.000.000 Euro.",
    { "Die Inflation lag bei 2,4 Prozent.", "Um 14.30 Uhr begann die Sitzung.",
      "Es ging um 1.000.000 Euro.", NULL } },
  { "en-numbers", "en",
    "Prices rose 3.5% in May. The fund holds $100.00. It has 1,250 members.",
    { "Prices rose 3.5% in May.", "The fund holds $100.00.", "It has 1,250 members.", NULL } },

  /* Quotation marks. */
  { "de-quote-reporting", "de",
    "„Komm!“, sagte sie. Dann ging sie. »Das reicht«, meinte der Trainer.",
    { "„Komm!“, sagte sie.", "Dann ging sie.", "»Das reicht«, meinte der Trainer.", NULL } },
  { "de-quote-end", "de",
    "Er rief: „Wo bist du?“ Niemand antwortete. Sie fragte: „Wann kommt der Bus? Ich warte.“ "
    "Der Fahrer schwieg.",
    { "Er rief: „Wo bist du?“", "Niemand antwortete.", "Sie fragte: „Wann kommt der Bus?",
      "Ich warte.“", "Der Fahrer schwieg.", NULL } },
  { "de-quote-single-guillemets", "de",
    "Sie nannte es ‚Unsinn‘. Dann ging sie. «Nie wieder», sagte er. Er meinte es ernst!",
    { "Sie nannte es ‚Unsinn‘.", "Dann ging sie.", "«Nie wieder», sagte er.", "Er meinte es ernst!", NULL } },
  { "de-quote-then-stop", "de",
    "Die Zeitung fragte: „Kippt die Stimmung?“. Die Antwort kam rasch.",
    { "Die Zeitung fragte: „Kippt die Stimmung?“.", "Die Antwort kam rasch.", NULL } },
  { "en-quote-reporting", "en",
    "\"Really?\" he asked. She nodded. “We are ready,” the coach said. “The team is fit.”",
    { "\"Really?\" he asked.", "She nodded.", "“We are ready,” the coach said.",
      "“The team is fit.”", NULL } },
  /* A quotation of several sentences is split as German ones are: each
   * quoted sentence is a sentence, the reporting clause stays with the one
   * it follows (the held-out English news needs it). */
  { "en-quote-several", "en",
    "She said, \"I am tired. I will go home.\" Then she left.",
    { "She said, \"I am tired.", "I will go home.\"", "Then she left.", NULL } },
  { "en-quote-several-reporting", "en",
    "“We lost the first half. We won the second,” she said. “Did we deserve it? Maybe.” "
    "‘No. Never,’ he wrote.",
    { "“We lost the first half.", "We won the second,” she said.", "“Did we deserve it?",
      "Maybe.”", "‘No.", "Never,’ he wrote.", NULL } },
  { "de-quote-several-reporting", "de",
    "„Wir haben die erste Halbzeit verloren. Die zweite haben wir gewonnen“, sagte sie.",
    { "„Wir haben die erste Halbzeit verloren.", "Die zweite haben wir gewonnen“, sagte sie.",
      NULL } },

  { "en-quote-broken-off", "en",
    "\"I only wanted to--\" The phone rang. She hung up.",
    { "\"I only wanted to--\"", "The phone rang.", "She hung up.", NULL } },
  { "de-quote-broken-off", "de",
    "„Ich wollte nur –“ Er brach ab. „Aber –“, sagte sie.",
    { "„Ich wollte nur –“", "Er brach ab.", "„Aber –“, sagte sie.", NULL } },

  /* Ellipses. */
  { "de-ellipsis", "de",
    "Er zögerte … Dann ging er. Und dann... nichts. Sie wartete... Keiner kam.",
    { "Er zögerte …", "Dann ging er.", "Und dann... nichts.", "Sie wartete...", "Keiner kam.", NULL } },
  { "en-ellipsis-omission", "en",
    "The report said the plan \"was [...] too costly\" and left it there.",
    { "The report said the plan \"was [...] too costly\" and left it there.", NULL } },

  /* URLs, domains, e-mail addresses. */
  { "de-web", "de",
    "Mehr dazu auf taz.de. Dort gibt es ein Video. Schreiben Sie an leser@example.com. "
    "Die Seite www.example.com/neu ist online.",
    { "Mehr dazu auf taz.de.", "Dort gibt es ein Video.", "Schreiben Sie an leser@example.com.",
      "Die Seite www.example.com/neu ist online.", NULL } },
  { "en-url", "en",
    "Read it at https://news.example.org/a/b.html. Then tell us.",
    { "Read it at https://news.example.org/a/b.html.", "Then tell us.", NULL } },

  /* List items. */
  { "de-list-lines", "de",
    "Die Regeln:\n1. Pünktlich sein.\n2. Leise sein.\n• Handys aus\n- Keine Getränke",
    { "Die Regeln:", "1. Pünktlich sein.", "2. Leise sein.", "• Handys aus", "- Keine Getränke", NULL } },
  { "en-list-inline", "en",
    "a) apples b) pears c) plums. 1. wash 2. cut 3. cook",
    { "a) apples", "b) pears", "c) plums.", "1. wash", "2. cut", "3. cook", NULL } },
  { "en-numbered-not-list", "en",
    "As agreed in 1. above and in 2. above, no fee is due.",
    { "As agreed in 1. above and in 2. above, no fee is due.", NULL } },
  { "en-list-bullets", "en",
    "• Bring water • Bring a map",
    { "• Bring water", "• Bring a map", NULL } },

  /* Parentheses. */
  { "de-parentheses", "de",
    "Die Partei (sie regiert seit 2021!) verlor Stimmen. Das überraschte. (Alle Angaben ohne Gewähr.)",
    { "Die Partei (sie regiert seit 2021!) verlor Stimmen.", "Das überraschte.",
      "(Alle Angaben ohne Gewähr.)", NULL } },

  /* Runs of terminators. */
  { "de-runs", "de",
    "Wirklich?! Das glaube ich nicht!!! Unfassbar.",
    { "Wirklich?!", "Das glaube ich nicht!!!", "Unfassbar.", NULL } },
  { "en-exclamation-inside", "en",
    "Stop! he shouted. Nobody listened.",
    { "Stop! he shouted.", "Nobody listened.", NULL } },

  /* Odd inputs. */
  { "en-no-final-stop", "en",
    "This has no end",
    { "This has no end", NULL } },
  { "en-nbsp-tabs", "en",
    "\tIt ends here.\u00A0The\u00A0next\tone starts.\u00A0",
    { "It ends here.", "The\u00A0next\tone starts.", NULL } },
  { "de-soft-wrap", "de",
    "Die Stadt plant eine neue \nBrücke über den Fluss.",
    { "Die Stadt plant eine neue \nBrücke über den Fluss.", NULL } },
  { "en-headline-stray-space", "en",
    "Storm hits the coast \nThe roads are closed. It was a cold \nnight for all.",
    { "Storm hits the coast", "The roads are closed.", "It was a cold \nnight for all.", NULL } },
  { "de-byline-comma", "de",
    "von Anna Roth\n, Ben Wolf\n\nDer Text beginnt hier.",
    { "von Anna Roth\n, Ben Wolf", "Der Text beginnt hier.", NULL } },
};

static const SpanCase span_cases[] = {
  /* 👍🏽 is two code points (eight bytes, four UTF-16 units). */
  { "emoji", "en", "Great job 👍🏽. Next one.", 2, { { 0, 13 }, { 14, 23 } } },
  /* "e" + U+0301 COMBINING ACUTE ACCENT: two code points. */
  { "combining", "de", "Cafe\u0301 ist offen. Wir gehen hin.", 2, { { 0, 16 }, { 17, 31 } } },
  { "crlf", "en", "Line one.\r\nLine two\r\n", 2, { { 0, 9 }, { 11, 19 } } },
  { "bom", "en", "\xEF\xBB\xBFHello there. Bye.", 2, { { 1, 13 }, { 14, 18 } } },
  { "bom-only", "de", "\xEF\xBB\xBF", 0, { { 0, 0 } } },
  { "empty", "de", "", 0, { { 0, 0 } } },
  { "whitespace-only", "en", " \n\t\u00A0\r\n \u2003", 0, { { 0, 0 } } },
  { "single-period", "en", ".", 1, { { 0, 1 } } },
};

static gboolean
is_trimmed_char (gunichar c)
{
  return !g_unichar_isspace (c) && c != 0xFEFF && c != 0x00A0;
}

/* Spans are in order, inside the text, not empty and trimmed. The text is
 * walked once, so this stays linear on the large text. */
static void
assert_spans_sane (const char *text,
                   GArray     *spans)
{
  const char *p = text;
  glong offset = 0;
  guint prev_end = 0;
  guint i;

  for (i = 0; i < spans->len; i++)
    {
      const GlossRange *span = &g_array_index (spans, GlossRange, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->start, >=, prev_end);

      for (; offset < span->start; offset++)
        {
          g_assert_cmpint (*p, !=, '\0');
          p = g_utf8_next_char (p);
        }
      g_assert_true (is_trimmed_char (g_utf8_get_char (p)));
      for (; offset < span->end - 1; offset++)
        {
          g_assert_cmpint (*p, !=, '\0');
          p = g_utf8_next_char (p);
        }
      g_assert_cmpint (*p, !=, '\0');
      g_assert_true (is_trimmed_char (g_utf8_get_char (p)));
      prev_end = span->end;
    }
}

static void
print_spans (const char *text,
             GArray     *spans)
{
  guint i;

  for (i = 0; i < spans->len; i++)
    {
      const GlossRange *span = &g_array_index (spans, GlossRange, i);
      const char *a = g_utf8_offset_to_pointer (text, span->start);
      const char *b = g_utf8_offset_to_pointer (text, span->end);

      g_test_message ("got [%u, %u) “%.*s”", span->start, span->end, (int) (b - a), a);
    }
}

static void
test_split_case (gconstpointer data)
{
  const SplitCase *c = data;
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new (c->language);
  g_autoptr(GArray) spans = gloss_segmenter_split (segmenter, c->text, -1);
  const char *cursor = c->text;
  guint n_expected = 0;
  guint i;

  print_spans (c->text, spans);
  assert_spans_sane (c->text, spans);

  while (c->sentences[n_expected] != NULL)
    n_expected++;
  g_assert_cmpuint (spans->len, ==, n_expected);

  for (i = 0; i < n_expected; i++)
    {
      const GlossRange *span = &g_array_index (spans, GlossRange, i);
      const char *found = strstr (cursor, c->sentences[i]);
      glong start;
      glong end;

      g_assert_nonnull (found);
      start = g_utf8_pointer_to_offset (c->text, found);
      end = start + g_utf8_strlen (c->sentences[i], -1);
      g_assert_cmpuint (span->start, ==, start);
      g_assert_cmpuint (span->end, ==, end);
      cursor = found + strlen (c->sentences[i]);
    }
}

static void
test_span_case (gconstpointer data)
{
  const SpanCase *c = data;
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new (c->language);
  g_autoptr(GArray) spans = gloss_segmenter_split (segmenter, c->text, -1);
  guint i;

  print_spans (c->text, spans);
  g_assert_cmpuint (spans->len, ==, c->n_spans);
  for (i = 0; i < c->n_spans; i++)
    {
      g_assert_cmpuint (g_array_index (spans, GlossRange, i).start, ==, c->spans[i].start);
      g_assert_cmpuint (g_array_index (spans, GlossRange, i).end, ==, c->spans[i].end);
    }
}

static void
test_language (void)
{
  g_autoptr(GlossSegmenter) de = gloss_segmenter_new ("de");
  g_autoptr(GlossSegmenter) en = gloss_segmenter_new ("en");
  g_autoptr(GlossSegmenter) fr = gloss_segmenter_new ("fr");
  g_autoptr(GlossSegmenter) none = gloss_segmenter_new (NULL);

  g_assert_cmpstr (gloss_segmenter_get_language (de), ==, "de");
  g_assert_cmpstr (gloss_segmenter_get_language (en), ==, "en");
  g_assert_cmpstr (gloss_segmenter_get_language (fr), ==, "en");
  g_assert_cmpstr (gloss_segmenter_get_language (none), ==, "en");
}

/* @length bounds the text: nothing after it is read. */
static void
test_length (void)
{
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new ("en");
  const char *text = "One. Two. Three.";
  g_autoptr(GArray) spans = gloss_segmenter_split (segmenter, text, 8);

  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, GlossRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, GlossRange, 0).end, ==, 4);
  g_assert_cmpuint (g_array_index (spans, GlossRange, 1).start, ==, 5);
  g_assert_cmpuint (g_array_index (spans, GlossRange, 1).end, ==, 8);
}

/* The paragraph of the large text: its sentences, and how it is joined. */
static const char *const large_sentences[] = {
  "Der Stadtrat tagte am 3. März bis 23.15 Uhr.",
  "„Wir brauchen z. B. mehr Busse!“, sagte Dr. Yıldız.",
  "The U.S. Treasury sold $2.5 bn in bonds on Jan. 4.",
  "Prices rose 👍🏽 again… Analysts were surprised.",
  "Café\u0301 owners, e.g. Mr. Ørsted, disagreed?!",
};

static GString *
build_large_text (gsize  min_bytes,
                  guint *n_paragraphs)
{
  GString *text = g_string_new ("\xEF\xBB\xBF");

  *n_paragraphs = 0;
  while (text->len < min_bytes)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (large_sentences); i++)
        {
          g_string_append (text, large_sentences[i]);
          g_string_append (text, (i % 2) ? "\u00A0 " : " ");
        }
      g_string_append (text, "\r\n\r\n");
      (*n_paragraphs)++;
    }
  return text;
}

static void
test_large (void)
{
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new ("de");
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  glong paragraph_chars = 0;
  guint n_paragraphs;
  guint i;

  text = build_large_text (10 * 1000 * 1000, &n_paragraphs);

  g_timer_start (timer);
  spans = gloss_segmenter_split (segmenter, text->str, text->len);
  g_timer_stop (timer);
  g_test_message ("split %zu bytes in %.3f s", text->len, g_timer_elapsed (timer, NULL));

  /* Generous: the segmenter does this in well under a second; sanitizer
   * builds are slower. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20.0);

  /* "Prices rose 👍🏽 again…" ends before "Analysts", so each sentence of
   * the paragraph but that one yields one span, and it yields two. */
  g_assert_cmpuint (spans->len, ==, n_paragraphs * (G_N_ELEMENTS (large_sentences) + 1));
  assert_spans_sane (text->str, spans);

  /* Every paragraph is laid out the same: check the spans of the last one
   * exactly, which proves the code-point count over the whole text. */
  for (i = 0; i < G_N_ELEMENTS (large_sentences); i++)
    paragraph_chars += g_utf8_strlen (large_sentences[i], -1) + ((i % 2) ? 2 : 1);
  paragraph_chars += 4;
  {
    const GlossRange *last = &g_array_index (spans, GlossRange, spans->len - 1);
    glong total = 1 + paragraph_chars * n_paragraphs;

    g_assert_cmpuint (last->end, ==, total - 4 - 1);
    g_assert_cmpuint (last->start, ==, last->end - g_utf8_strlen (large_sentences[4], -1));
  }
}

/* Inputs built to make a careless scanner quadratic: no spaces at all,
 * one endless sentence, endless openers. Each must still split fast. */
static void
test_pathological (void)
{
  static const char *const units[] = {
    "X.Y",
    "a.",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    " Inc. Foo",
    "((((\"„‘",
    " .",
    "1) ",
    "\n ",
    "it’s ",
  };
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new ("en");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();
      g_autofree char *escaped = g_strescape (units[i], NULL);

      /* A long first word, then the unit over and over. */
      while (text->len < 100 * 1000)
        g_string_append_c (text, 'w');
      while (text->len < 2 * 1000 * 1000)
        g_string_append (text, units[i]);

      g_timer_start (timer);
      spans = gloss_segmenter_split (segmenter, text->str, text->len);
      g_timer_stop (timer);
      g_test_message ("“%s”: %.3f s, %u spans", escaped, g_timer_elapsed (timer, NULL), spans->len);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
      assert_spans_sane (text->str, spans);
    }
}

typedef struct
{
  GlossSegmenter *segmenter;
  const char     *text;
  GArray         *spans;
} SplitJob;

static gpointer
split_thread (gpointer data)
{
  SplitJob *job = data;

  job->spans = gloss_segmenter_split (job->segmenter, job->text, -1);
  return NULL;
}

/* One segmenter, several threads at once, identical results. */
static void
test_threads (void)
{
  g_autoptr(GlossSegmenter) segmenter = gloss_segmenter_new ("de");
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) reference = NULL;
  SplitJob jobs[4];
  GThread *threads[4];
  guint n_paragraphs;
  guint i;

  text = build_large_text (200 * 1000, &n_paragraphs);
  reference = gloss_segmenter_split (segmenter, text->str, -1);

  for (i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].segmenter = segmenter;
      jobs[i].text = text->str;
      jobs[i].spans = NULL;
      threads[i] = g_thread_new ("split", split_thread, &jobs[i]);
    }
  for (i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (jobs[i].spans->len, ==, reference->len);
      g_assert_cmpmem (jobs[i].spans->data, jobs[i].spans->len * sizeof (GlossRange),
                       reference->data, reference->len * sizeof (GlossRange));
      g_array_unref (jobs[i].spans);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (split_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/segmenter/%s", split_cases[i].name);

      g_test_add_data_func (path, &split_cases[i], test_split_case);
    }
  for (i = 0; i < G_N_ELEMENTS (span_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/segmenter/%s", span_cases[i].name);

      g_test_add_data_func (path, &span_cases[i], test_span_case);
    }
  g_test_add_func ("/gloss/segmenter/language", test_language);
  g_test_add_func ("/gloss/segmenter/length", test_length);
  g_test_add_func ("/gloss/segmenter/large", test_large);
  g_test_add_func ("/gloss/segmenter/threads", test_threads);
  g_test_add_func ("/gloss/segmenter/pathological", test_pathological);

  return g_test_run ();
}
