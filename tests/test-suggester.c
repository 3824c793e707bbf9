/* test-suggester.c
 *
 * The suggester's rules, one case each, on sentences written for the
 * test: every quotation-mark convention, a quote interrupted by its frame,
 * quotes over several sentences, indirect and reported speech, the
 * subjunctive that goes on, speakers (names, roles, pronouns) and
 * addressees, in German and English; offsets in code points (CR LF and
 * an emoji before a quote).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gloss-relation.h"
#include "gloss-span.h"
#include "gloss-suggester.h"
#include "gloss-text.h"

static GlossSpan *
span_by_id (GPtrArray *spans,
            guint      id)
{
  for (guint i = 0; i < spans->len; i++)
    {
      if (gloss_span_get_id (g_ptr_array_index (spans, i)) == id)
        return g_ptr_array_index (spans, i);
    }
  g_assert_not_reached ();
}

static void
append_span (GString   *out,
             GlossSpan *span)
{
  for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
    {
      GlossRange r = gloss_span_get_part (span, p);

      g_string_append_printf (out, "%s%u-%u «%s»", p ? " + " : "", r.start, r.end,
                              gloss_span_get_part_text (span, p));
    }
}

/* The suggestions as lines: "quote TYPE PARTS | speaker … | cue … | addressee …" */
static char *
suggest (const char *language,
         const char *utf8)
{
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new (language);
  g_autoptr(GlossText) text = gloss_text_new (utf8, -1, NULL);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (text);
  gloss_suggester_suggest (suggester, text, &spans, &relations);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossSpan *span = g_ptr_array_index (spans, i);

      /* ids in text order, each text the text at its part, marked */
      g_assert_cmpuint (gloss_span_get_id (span), ==, i + 1);
      for (guint p = 0; p < gloss_span_get_n_parts (span); p++)
        {
          GlossRange r = gloss_span_get_part (span, p);

          g_assert_true (gloss_text_slice_equals (text, r.start, r.end, gloss_span_get_part_text (span, p)));
        }
      g_assert_cmpstr (gloss_span_get_origin (span), ==, "suggested");
      g_assert_cmpstr (gloss_span_get_suggester (span), ==, GLOSS_SUGGESTER_VERSION);
      if (strcmp (gloss_span_get_label (span), "quote") != 0)
        continue;

      g_string_append_printf (out, "quote %s ", gloss_span_get_attribute (span, "type"));
      append_span (out, span);
      for (guint k = 0; k < relations->len; k++)
        {
          GlossRelation *relation = g_ptr_array_index (relations, k);

          if (gloss_relation_get_from (relation) != gloss_span_get_id (span))
            continue;
          g_assert_cmpstr (gloss_relation_get_origin (relation), ==, "suggested");
          g_string_append_printf (out, " | %s ", gloss_relation_get_label (relation));
          append_span (out, span_by_id (spans, gloss_relation_get_to (relation)));
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *language;
  const char *text;
  const char *expected;
} Case;

static const Case cases[] = {
  { "de-colon", "de",
    "Der Sprecher sagte: „Das ist zu teuer.“",
    "quote direct 21-38 «Das ist zu teuer.» | speaker 0-12 «Der Sprecher» | cue 13-18 «sagte»\n" },
  { "de-after-inverted", "de",
    "„Wir prüfen das genau“, sagte Bürgermeisterin Anna Roth am Montag.",
    "quote direct 1-21 «Wir prüfen das genau» | speaker 30-55 «Bürgermeisterin Anna Roth» | cue 24-29 «sagte»\n" },
  { "de-interrupted", "de",
    "„Das ist zu teuer“, sagte er, „und kommt viel zu spät.“",
    "quote direct 1-17 «Das ist zu teuer» + 31-54 «und kommt viel zu spät.» | speaker 26-28 «er» | cue 20-25 «sagte»\n" },
  { "de-several-sentences", "de",
    "Die Ministerin erklärte: „Wir haben verhandelt. Es gab keine Einigung. Wir machen weiter.“",
    "quote direct 26-89 «Wir haben verhandelt. Es gab keine Einigung. Wir machen weiter.» | speaker 0-14 «Die Ministerin» | cue 15-23 «erklärte»\n" },
  { "de-guillemets", "de",
    "Der Arzt sagte: »Die Lage ist ernst.« Die Polizei meldete: «Es gibt drei Verletzte.»",
    "quote direct 17-36 «Die Lage ist ernst.» | speaker 0-8 «Der Arzt» | cue 9-14 «sagte»\nquote direct 60-83 «Es gibt drei Verletzte.» | speaker 38-49 «Die Polizei» | cue 50-57 «meldete»\n" },
  { "de-single-low", "de",
    "Sie betonte: „Er nannte es ‚einen großen Fehler‘ und ging.“",
    "quote direct 14-58 «Er nannte es ‚einen großen Fehler‘ und ging.» | speaker 0-3 «Sie» | cue 4-11 «betonte»\n" },
  { "de-dass", "de",
    "Ein Sprecher der Stadt sagte, dass die Brücke im Mai wieder geöffnet werde.",
    "quote indirect 30-74 «dass die Brücke im Mai wieder geöffnet werde» | speaker 0-22 «Ein Sprecher der Stadt» | cue 23-28 «sagte»\n" },
  { "de-subjunctive-clause", "de",
    "Die Polizei teilte mit, der Fahrer sei zu schnell gewesen. Er habe die Kurve unterschätzt.",
    "quote indirect 24-57 «der Fahrer sei zu schnell gewesen» | speaker 0-11 «Die Polizei» | cue 12-18 «teilte» + 19-22 «mit»\nquote indirect-free-indirect 59-89 «Er habe die Kurve unterschätzt» | speaker 0-11 «Die Polizei»\n" },
  { "de-after-clause", "de",
    "Die Kosten seien deutlich gestiegen, sagte der Finanzminister.",
    "quote indirect 0-35 «Die Kosten seien deutlich gestiegen» | speaker 43-61 «der Finanzminister» | cue 37-42 «sagte»\n" },
  { "de-laut", "de",
    "Laut Polizei wurden drei Menschen verletzt.",
    "quote reported 13-42 «wurden drei Menschen verletzt» | speaker 5-12 «Polizei» | cue 0-4 «Laut»\n" },
  { "de-zufolge", "de",
    "Der Zeitung zufolge soll das Werk schließen.",
    "quote reported 20-43 «soll das Werk schließen» | speaker 0-11 «Der Zeitung» | cue 12-19 «zufolge»\n" },
  { "de-so", "de",
    "Die Lage sei unter Kontrolle, so der Sprecher.",
    "quote indirect 0-28 «Die Lage sei unter Kontrolle» | speaker 33-45 «der Sprecher» | cue 30-32 «so»\n" },
  { "de-wie", "de",
    "Wie die Feuerwehr mitteilte, brannte das Haus völlig aus.",
    "quote indirect 29-56 «brannte das Haus völlig aus» | speaker 4-17 «die Feuerwehr» | cue 0-3 «Wie» + 18-27 «mitteilte»\n" },
  { "de-addressee", "de",
    "Der Trainer sagte der Zeitung, die Mannschaft sei bereit.",
    "quote indirect 31-56 «die Mannschaft sei bereit» | speaker 0-11 «Der Trainer» | cue 12-17 «sagte» | addressee 18-29 «der Zeitung»\n" },
  { "de-scare-quote", "de",
    "Das Buch „Der Fluss“ erschien 2001.",
    "" },
  { "de-crlf-emoji", "de",
    "😊 Gestern war es ruhig.\r\nDer Sprecher sagte: „Alles ist gut.“\r\n",
    "quote direct 46-60 «Alles ist gut.» | speaker 25-37 «Der Sprecher» | cue 38-43 «sagte»\n" },
  { "en-curly", "en",
    "“We will rebuild the bridge,” the mayor said.",
    "quote direct 1-27 «We will rebuild the bridge» | speaker 30-39 «the mayor» | cue 40-44 «said»\n" },
  { "en-straight", "en",
    "\"It is too early to tell,\" said John Smith, a spokesman for the city.",
    "quote direct 1-24 «It is too early to tell» | speaker 32-68 «John Smith, a spokesman for the city» | cue 27-31 «said»\n" },
  { "en-single", "en",
    "The minister said: 'We don't know yet.' Rock 'n' roll is old.",
    "quote direct 20-38 «We don't know yet.» | speaker 0-12 «The minister» | cue 13-17 «said»\n" },
  { "en-interrupted", "en",
    "“This is too expensive,” she said, “and it comes too late.”",
    "quote direct 1-22 «This is too expensive» + 36-58 «and it comes too late.» | speaker 25-28 «she» | cue 29-33 «said»\n" },
  { "en-that", "en",
    "The company said that it would cut 200 jobs next year.",
    "quote indirect 17-53 «that it would cut 200 jobs next year» | speaker 0-11 «The company» | cue 12-16 «said»\n" },
  { "en-reported-clause", "en",
    "Police said the driver had been drinking.",
    "quote indirect 12-40 «the driver had been drinking» | speaker 0-6 «Police» | cue 7-11 «said»\n" },
  { "en-after-clause", "en",
    "The plan will fail, the senator said.",
    "quote indirect 0-18 «The plan will fail» | speaker 20-31 «the senator» | cue 32-36 «said»\n" },
  { "en-according", "en",
    "According to the police, three people were injured.",
    "quote reported 25-50 «three people were injured» | speaker 13-23 «the police» | cue 0-9 «According»\n" },
  { "en-told", "en",
    "The coach told reporters that the team was ready.",
    "quote indirect 25-48 «that the team was ready» | speaker 0-9 «The coach» | cue 10-14 «told» | addressee 15-24 «reporters»\n" },
  { "de-apposition", "de",
    "Anna Roth, die Sprecherin der Stadt, sagte, die Brücke bleibe bis Mai gesperrt.",
    "quote indirect 44-78 «die Brücke bleibe bis Mai gesperrt» | speaker 0-35 «Anna Roth, die Sprecherin der Stadt» | cue 37-42 «sagte»\n" },
  { "de-relative-clause", "de",
    "Karl Weber, der den Verein seit 2010 leitet, erklärte, dass der Platz verkauft werde.",
    "quote indirect 55-84 «dass der Platz verkauft werde» | speaker 0-10 «Karl Weber» | cue 45-53 «erklärte»\n" },
  { "de-nested", "de",
    "Der Richter sagte, der Angeklagte habe „ohne jede Reue“ gehandelt.",
    "quote indirect 19-65 «der Angeklagte habe „ohne jede Reue“ gehandelt» | speaker 0-11 «Der Richter» | cue 12-17 «sagte»\n"
    "quote direct 40-54 «ohne jede Reue» | speaker 0-11 «Der Richter» | cue 12-17 «sagte»\n" },
  { "de-adjacent", "de",
    "„Wir sind froh.“ „Es war ein langer Weg“, so die Trainerin.",
    "quote direct 1-39 «Wir sind froh.“ „Es war ein langer Weg» | speaker 45-58 «die Trainerin» | cue 42-44 «so»\n" },
  { "de-frame-ends-sentence", "de",
    "„Wir sind froh“, sagte sie. „Der nächste Schritt kommt im Mai.“",
    "quote direct 1-14 «Wir sind froh» | speaker 23-26 «sie» | cue 17-22 «sagte»\n"
    "quote direct 29-62 «Der nächste Schritt kommt im Mai.»\n" },
  { "de-short-framed", "de",
    "Die Opposition nannte ihn „völlig verfehlt“. Das Buch „Der Fluss“ erschien 2001.",
    "quote direct 27-42 «völlig verfehlt» | speaker 0-14 «Die Opposition» | cue 15-21 «nannte»\n" },
  { "de-continuation-merged", "de",
    "Der Minister sagte, die Lage sei ruhig. Es gebe keine Verletzten. Die Straßen seien frei.",
    "quote indirect 20-38 «die Lage sei ruhig» | speaker 0-12 «Der Minister» | cue 13-18 «sagte»\n"
    "quote indirect-free-indirect 40-88 «Es gebe keine Verletzten. Die Straßen seien frei» | speaker 0-12 «Der Minister»\n" },
  { "de-continuation-after-cue", "de",
    "Der Verband warnte vor Engpässen. Es fehle an Personal in den Kliniken.",
    "quote reported 0-32 «Der Verband warnte vor Engpässen» | speaker 0-11 «Der Verband» | cue 12-18 «warnte»\n"
    "quote indirect-free-indirect 34-70 «Es fehle an Personal in den Kliniken» | speaker 0-11 «Der Verband»\n" },
  { "de-nach-ansicht", "de",
    "Nach Ansicht von Fachleuten ist der Damm nicht sicher.",
    "quote reported 28-53 «ist der Damm nicht sicher» | speaker 5-27 «Ansicht von Fachleuten» | cue 0-4 «Nach»\n" },
  { "de-meinung-nach", "de",
    "Der Preis ist seiner Meinung nach viel zu hoch.",
    "quote reported 0-13 «Der Preis ist» + 34-46 «viel zu hoch» | speaker 14-28 «seiner Meinung» | cue 29-33 «nach»\n" },
  { "de-demnach", "de",
    "Demnach hat die Firma im Mai Insolvenz angemeldet.",
    "quote reported 8-49 «hat die Firma im Mai Insolvenz angemeldet» | speaker 0-7 «Demnach» | cue 0-7 «Demnach»\n" },
  { "de-reported", "de",
    "Die Ministerin kündigte am Montag neue Hilfen für die Bauern an.",
    "quote reported 0-63 «Die Ministerin kündigte am Montag neue Hilfen für die Bauern an» | speaker 0-14 «Die Ministerin» | cue 15-23 «kündigte» + 61-63 «an»\n" },
  { "de-intent", "de",
    "Die Stadtverwaltung will im nächsten Jahr die Gebühren senken.",
    "quote reported 0-61 «Die Stadtverwaltung will im nächsten Jahr die Gebühren senken» | speaker 0-19 «Die Stadtverwaltung»\n" },
  { "de-passive", "de",
    "Die neuen Zahlen wurden am Montag vom Amt gemeldet.",
    "" },
  { "en-adjacent", "en",
    "“We are glad.” “It was a long way,” the coach said.",
    "quote direct 1-33 «We are glad.” “It was a long way» | speaker 36-45 «the coach» | cue 46-50 «said»\n" },
  { "en-frame-ends-sentence", "en",
    "“We are glad,” she said. “The next step comes in May.”",
    "quote direct 1-12 «We are glad» | speaker 15-18 «she» | cue 19-23 «said»\n"
    "quote direct 26-53 «The next step comes in May.»\n" },
  /* English subjects, frames and cues */
  { "en-subject-of", "en",
    "Analyst Maria Lopez of Harbor Securities said the merger would close in June.",
    "quote indirect 46-76 «the merger would close in June» | speaker 0-40 «Analyst Maria Lopez of Harbor Securities» | cue 41-45 «said»\n" },
  { "en-plural-role", "en",
    "Oil industry sources said exports fell sharply last week.",
    "quote indirect 26-56 «exports fell sharply last week» | speaker 0-20 «Oil industry sources» | cue 21-25 «said»\n" },
  { "en-relative-insertion", "en",
    "Redgrave, who owns the team, said the stadium will be sold.",
    "quote indirect 34-58 «the stadium will be sold» | speaker 0-8 «Redgrave» | cue 29-33 «said»\n" },
  { "en-apposition-before", "en",
    "The club's chairman, Peter Hall, said ticket prices would rise.",
    "quote indirect 38-62 «ticket prices would rise» | speaker 0-31 «The club's chairman, Peter Hall» | cue 33-37 «said»\n" },
  { "en-inversion-apposition", "en",
    "\"We are ready,\" said Ann Cole, director of the city museum.",
    "quote direct 1-13 «We are ready» | speaker 21-58 «Ann Cole, director of the city museum» | cue 16-20 «said»\n" },
  { "en-object-not-speaker", "en",
    "Kessler said Brandt Corp would appeal the ruling.",
    "quote indirect 13-48 «Brandt Corp would appeal the ruling» | speaker 0-7 «Kessler» | cue 8-12 «said»\n" },
  { "en-passive", "en",
    "The deal is expected to close in May.",
    "" },
  { "en-negated", "en",
    "The company did not say when the plant would reopen.",
    "" },
  { "en-frame-inside", "en",
    "The plant, the union said, will close next year.",
    "quote indirect 0-9 «The plant» + 27-47 «will close next year» | speaker 11-20 «the union» | cue 21-25 «said»\n" },
  { "en-frame-ends-first", "en",
    "The firm earned five mln dlrs and expects to grow, the report said.",
    "quote indirect 0-49 «The firm earned five mln dlrs and expects to grow» | speaker 51-61 «the report» | cue 62-66 «said»\n" },
  { "en-frame-at-start", "en",
    "In a statement, the ministry said it would review the rules.",
    "quote indirect 34-59 «it would review the rules» | speaker 16-28 «the ministry» | cue 29-33 «said»\n" },
  { "en-and-said", "en",
    "The minister rejected the plan and said it was too costly.",
    "quote indirect 40-57 «it was too costly» | speaker 0-12 «The minister» | cue 35-39 «said»\n" },
  { "en-quoted-insertion", "en",
    "Moreau, quoted by the agency, said the talks had failed.",
    "quote indirect 35-55 «the talks had failed» | speaker 0-6 «Moreau» | cue 30-34 «said»\n" },
  { "en-wire-apostrophe", "en",
    "Norway\"s oil minister said output would fall.",
    "quote indirect 27-44 «output would fall» | speaker 0-21 «Norway\"s oil minister» | cue 22-26 «said»\n" },
  { "en-initials", "en",
    "\"Prices will rise,\" said J.K. Rowe of Delta Bank in London.",
    "quote direct 1-17 «Prices will rise» | speaker 25-58 «J.K. Rowe of Delta Bank in London» | cue 20-24 «said»\n" },
  { "en-it", "en",
    "It said sales rose four pct in 1986. 😊\r\nThe board, it added, will meet in May.",
    "quote indirect 8-35 «sales rose four pct in 1986» | speaker 0-2 «It» | cue 3-7 «said»\n"
    "quote indirect 40-49 «The board» + 61-77 «will meet in May» | speaker 51-53 «it» | cue 54-59 «added»\n" },
  { "en-quoted-as-saying", "en",
    "The mayor was quoted by the city paper as saying: \"Nobody has asked for a vote.\"",
    "quote direct 51-79 «Nobody has asked for a vote.» | speaker 0-9 «The mayor» | cue 10-20 «was quoted» + 39-48 «as saying»\n" },
  { "en-cue-as-adjective", "en",
    "Jane Lee got the added post of president last week.",
    "" },
  { "en-participle-not-frame", "en",
    "The bid, announced on Monday, ends in April.",
    "" },
  { "en-ticker-apposition", "en",
    "<Norfield Group Plc>, a unit of Banner Holdings Plc <BNR.L>, said it had agreed to buy the broker.",
    "quote indirect 66-97 «it had agreed to buy the broker» | speaker 0-59 «<Norfield Group Plc>, a unit of Banner Holdings Plc <BNR.L>» | cue 61-65 «said»\n" },
  { "en-role-after-name", "en",
    "Prices rose again last month, according to a Harlow spokeswoman.",
    "quote reported 0-28 «Prices rose again last month» | speaker 43-63 «a Harlow spokeswoman» | cue 30-39 «according»\n" },
  { "en-two-frames", "en",
    "The firm announced it was weighing a sale, but analysts predicted the buyer would be a rival.",
    "quote indirect 19-41 «it was weighing a sale» | speaker 0-8 «The firm» | cue 9-18 «announced»\n"
    "quote indirect 66-92 «the buyer would be a rival» | speaker 47-55 «analysts» | cue 56-65 «predicted»\n" },
  { "en-reported-object", "en",
    "The minister reiterated his support for the treaty and said he would sign it soon.",
    "quote reported 0-50 «The minister reiterated his support for the treaty» | speaker 0-12 «The minister» | cue 13-23 «reiterated»\n"
    "quote indirect 60-81 «he would sign it soon» | speaker 0-12 «The minister» | cue 55-59 «said»\n" },
  { "en-relative-frame", "en",
    "Ships avoided the port, which officials said was closed to tankers.",
    "quote indirect 45-66 «was closed to tankers» | speaker 30-39 «officials» | cue 40-44 «said»\n" },
  { "en-infinitive", "en",
    "The union expects the plant to reopen in June.",
    "quote indirect 18-45 «the plant to reopen in June» | speaker 0-9 «The union» | cue 10-17 «expects»\n" },
  { "en-called-for", "en",
    "The study group called for new research into drilling. The board called its offer final.",
    "quote reported 0-53 «The study group called for new research into drilling» | speaker 0-15 «The study group» | cue 16-26 «called for»\n" },
  { "en-pointed-out", "en",
    "Bankers pointed out that such loans are rare.",
    "quote indirect 20-44 «that such loans are rare» | speaker 0-7 «Bankers» | cue 8-19 «pointed out»\n" },
  { "en-but-said", "en",
    "The bank gave no details, but said a committee would study the bids.",
    "quote indirect 35-67 «a committee would study the bids» | speaker 0-8 «The bank» | cue 30-34 «said»\n" },
  { "en-saying", "en",
    "But the panel did not back either plan, saying both had drawbacks.",
    "quote indirect 47-65 «both had drawbacks» | speaker 4-13 «the panel» | cue 40-46 «saying»\n" },
  { "en-inversion-of-phrase", "en",
    "\"We will wait,\" said the manager of one of the large refineries who asked not to be named.",
    "quote direct 1-13 «We will wait» | speaker 21-63 «the manager of one of the large refineries» | cue 16-20 «said»\n" },
  { "en-noun-cue-after-in", "en",
    "The minister, in remarks published today, said there were no plans for a meeting.",
    "quote indirect 47-80 «there were no plans for a meeting» | speaker 0-12 «The minister» | cue 42-46 «said»\n" },
  { "en-adjective-cue", "en",
    "Some bankers were not optimistic that the talks would succeed. He is sure to win.",
    "quote indirect 33-61 «that the talks would succeed» | speaker 0-12 «Some bankers» | cue 13-32 «were not optimistic»\n" },
  { "en-others", "en",
    "But others believe the plan could still work.",
    "quote indirect 19-44 «the plan could still work» | speaker 4-10 «others» | cue 11-18 «believe»\n" },
  { "en-clause-around-quote", "en",
    "The report says that while prices fell, \"demand has held up well.\"",
    "quote indirect 16-66 «that while prices fell, \"demand has held up well.\"» | speaker 0-10 «The report» | cue 11-15 «says»\n"
    "quote direct 41-65 «demand has held up well.» | speaker 0-10 «The report» | cue 11-15 «says»\n" },
  /* subject and object (German verb-second) */
  { "de-object-not-speaker", "de",
    "Der Bürgermeister nannte den Plan einen Fehler.",
    "quote reported 0-46 «Der Bürgermeister nannte den Plan einen Fehler» | speaker 0-17 «Der Bürgermeister» | cue 18-24 «nannte»\n" },
  { "de-adverbial-first", "de",
    "Am Montag sagte die Ministerin, die Schulen blieben geschlossen.",
    "quote indirect 32-63 «die Schulen blieben geschlossen» | speaker 16-30 «die Ministerin» | cue 10-15 «sagte»\n" },
  { "de-adverb-first", "de",
    "Insgesamt sprach die Polizei von zwölf Verletzten.",
    "quote reported 0-49 «Insgesamt sprach die Polizei von zwölf Verletzten» | speaker 17-28 «die Polizei» | cue 10-16 «sprach»\n" },
  { "de-dative-first", "de",
    "Dem Sender sagte die Trainerin, das Team sei bereit.",
    "quote indirect 32-51 «das Team sei bereit» | speaker 17-30 «die Trainerin» | cue 11-16 «sagte»\n" },
  { "de-subject-auxiliary", "de",
    "Der Verband hat bereits am Freitag angekündigt, die Preise würden steigen.",
    "quote indirect 48-73 «die Preise würden steigen» | speaker 0-11 «Der Verband» | cue 12-15 «hat» + 35-46 «angekündigt»\n" },
  { "de-quotes-object", "de",
    "Die Zeitung zitierte einen Augenzeugen: „Es ging alles sehr schnell.“",
    "quote direct 41-68 «Es ging alles sehr schnell.» | speaker 21-38 «einen Augenzeugen» | cue 12-20 «zitierte»\n" },
  /* cues of several words */
  { "de-particle", "de",
    "Die Firma gab am Abend bekannt, dass 200 Stellen wegfallen.",
    "quote indirect 32-58 «dass 200 Stellen wegfallen» | speaker 0-9 «Die Firma» | cue 10-13 «gab» + 23-30 «bekannt»\n" },
  { "de-particle-missing", "de",
    "Der Trainer stellte sich nach dem Spiel hinter seine Spieler.",
    "" },
  { "de-heisst-es", "de",
    "In dem Bericht heißt es, die Brücke sei marode.",
    "quote indirect 25-46 «die Brücke sei marode» | speaker 0-14 «In dem Bericht» | cue 15-23 «heißt es»\n" },
  { "de-passive-clause", "de",
    "Es wird vermutet, dass das Feuer gelegt wurde.",
    "quote indirect 18-45 «dass das Feuer gelegt wurde» | cue 3-7 «wird» + 8-16 «vermutet»\n" },
  /* reported rumours and intentions */
  { "de-soll-perfect", "de",
    "Im Hafen sollen zwei Schiffe gesunken sein. Die Fähre soll morgen wieder fahren.",
    "quote free-indirect 0-42 «Im Hafen sollen zwei Schiffe gesunken sein»\n" },
  { "de-wollte", "de",
    "Er wollte am Abend noch nach Hause fahren.",
    "" },
  /* source nouns: compounds, and "Angaben" is no verb */
  { "de-source-compound", "de",
    "Nach Behördenangaben wurden drei Brücken gesperrt.",
    "quote reported 21-49 «wurden drei Brücken gesperrt» | speaker 5-20 «Behördenangaben» | cue 0-4 «Nach»\n" },
  { "de-source-noun-verb", "de",
    "Offiziellen Angaben zufolge fehlt es an Wasser und Brot.",
    "quote reported 28-55 «fehlt es an Wasser und Brot» | speaker 0-19 «Offiziellen Angaben» | cue 20-27 «zufolge»\n" },
  /* verbs of saying and thinking added to the lists */
  { "de-verlangen", "de",
    "Unterdessen verlangen die Grünen, dass sich der Ausschuss damit befasst.",
    "quote indirect 34-71 «dass sich der Ausschuss damit befasst» | speaker 22-32 «die Grünen» | cue 12-21 «verlangen»\n" },
  { "de-geht-davon-aus", "de",
    "Der Premier geht davon aus, dass die Union zustimmen wird. Der Bus ging am Abend in Flammen auf.",
    "quote indirect 28-57 «dass die Union zustimmen wird» | speaker 0-11 «Der Premier» | cue 12-16 «geht» + 17-26 «davon aus»\n" },
  /* the frame ends the sentence: "…, wie X betonte." */
  { "de-wie-final", "de",
    "Der Bau wird viel Geld kosten, wie er in einem Schreiben betonte.",
    "quote indirect 0-29 «Der Bau wird viel Geld kosten» | speaker 35-37 «er» | cue 31-34 «wie» + 57-64 «betonte»\n" },
  /* adjectives of conviction as cues */
  { "de-ueberzeugt", "de",
    "Die Ministerin zeigte sich überzeugt, dass der Plan gelingt.",
    "quote indirect 38-59 «dass der Plan gelingt» | speaker 0-14 «Die Ministerin» | cue 27-36 «überzeugt»\n" },
  /* a speaker after the cue with its apposition, not a relative clause */
  { "de-apposition-after", "de",
    "Die Lage sei ernst, sagte Anna Roth, Sprecherin der Stadt Bonn, am Abend. Die Lage sei ernst, sagte Anna Roth, die das Amt seit Mai leitet.",
    "quote indirect 0-18 «Die Lage sei ernst» | speaker 26-62 «Anna Roth, Sprecherin der Stadt Bonn» | cue 20-25 «sagte»\n"
    "quote indirect 74-92 «Die Lage sei ernst» | speaker 100-109 «Anna Roth» | cue 94-99 «sagte»\n" },
  /* round 4: a direct quote's cue frames the indirect clause around it
   * after words between the cue and its comma */
  { "de-cue-words-before-comma", "de",
    "Die Ärztin gab gestern an, dass sie „keine Zeit mehr“ habe.",
    "quote indirect 27-58 «dass sie „keine Zeit mehr“ habe» | speaker 0-10 «Die Ärztin» | cue 11-14 «gab» + 23-25 «an»\n"
    "quote direct 37-52 «keine Zeit mehr» | speaker 0-10 «Die Ärztin» | cue 11-14 «gab» + 23-25 «an»\n" },
  /* a sentence in the subjunctive that embeds a quote goes on */
  { "de-continuation-embeds-quote", "de",
    "Der Bürgermeister sagte, die Brücke sei marode. Sie sei „seit Jahren ein Ärgernis“ gewesen.",
    "quote indirect 25-46 «die Brücke sei marode» | speaker 0-17 «Der Bürgermeister» | cue 18-23 «sagte»\n"
    "quote indirect-free-indirect 48-90 «Sie sei „seit Jahren ein Ärgernis“ gewesen» | speaker 0-17 «Der Bürgermeister»\n"
    "quote direct 57-81 «seit Jahren ein Ärgernis» | speaker 0-17 «Der Bürgermeister»\n" },
  /* names and titles in marks are no quotations */
  { "de-names-in-marks", "de",
    "Der Sender „Radio Nordwind“ berichtete über den Streik. Das Buch „Die Reise nach Osten“ erschien im Mai.",
    "" },
  { "de-laut-name-in-marks", "de",
    "Laut „Tagesblatt“ wird der Bau deutlich teurer als geplant.",
    "quote reported 18-58 «wird der Bau deutlich teurer als geplant» | speaker 5-17 «„Tagesblatt“» | cue 0-4 «Laut»\n" },
  /* Dies/Das in first place: the sentence before is the quote */
  { "de-anaphoric", "de",
    "Die Fähre fährt ab Mai wieder jeden Tag nach Borkum. Dies teilte die Reederei am Montag mit.",
    "quote indirect 0-51 «Die Fähre fährt ab Mai wieder jeden Tag nach Borkum» + 53-57 «Dies» | speaker 65-77 «die Reederei» | cue 58-64 «teilte» + 88-91 «mit»\n" },
  /* so X in the middle, with an addressee after it */
  { "de-so-middle", "de",
    "Das Problem sei, so die Ministerin, dass die Mittel fehlten. Die Lage sei ernst, so Jana Wolf gegenüber dem Sender.",
    "quote indirect 0-15 «Das Problem sei» + 36-59 «dass die Mittel fehlten» | speaker 20-34 «die Ministerin» | cue 17-19 «so»\n"
    "quote indirect 61-79 «Die Lage sei ernst» | speaker 84-93 «Jana Wolf» | cue 81-83 «so»\n" },
  /* a reported cue only in the main clause; a particle that closes it */
  { "de-cue-in-relative-clause", "de",
    "Die Polizei fasste einen Mann, der die Taten gestand. Er teilte sich den Preis mit seiner Schwester.",
    "" },
  /* a quote inside another takes its speaker */
  { "de-nested-speaker", "de",
    "Die „alten Pläne für den Hafen“ seien nicht mehr gültig, so der Sprecher.",
    "quote indirect 0-55 «Die „alten Pläne für den Hafen“ seien nicht mehr gültig» | speaker 60-72 «der Sprecher» | cue 57-59 «so»\n"
    "quote direct 5-30 «alten Pläne für den Hafen» | speaker 60-72 «der Sprecher» | cue 57-59 «so»\n" },
  /* Wie with a name in commas after the subject */
  { "de-wie-apposition", "de",
    "Wie die Sprecherin der Stadt, Ina Koch, mitteilte, bleibt das Bad im Winter geschlossen.",
    "quote indirect 51-87 «bleibt das Bad im Winter geschlossen» | speaker 4-38 «die Sprecherin der Stadt, Ina Koch» | cue 0-3 «Wie» + 40-49 «mitteilte»\n" },
  /* verbs of judging as cues of reported speech */
  { "de-bemaengelt", "de",
    "Die Opposition bemängelte die fehlenden Pläne für den Hafen.",
    "quote reported 0-59 «Die Opposition bemängelte die fehlenden Pläne für den Hafen» | speaker 0-14 «Die Opposition» | cue 15-25 «bemängelte»\n" },
  /* Konjunktiv I alone is reported speech; Konjunktiv II only after a frame */
  { "de-konjunktiv-one-alone", "de",
    "Der Sturm zog am Abend ab. Das wäre ein großes Problem.\n\nDie Ursache des Brandes sei noch unklar.",
    "quote indirect-free-indirect 57-96 «Die Ursache des Brandes sei noch unklar»\n" },
  /* an indicative main clause the lists do not know, then Konjunktiv I */
  { "de-konjunktiv-clause", "de",
    "Die Kommission vertrat den Standpunkt, das Gericht sei dafür nicht zuständig.",
    "quote indirect 39-76 «das Gericht sei dafür nicht zuständig» | speaker 0-14 «Die Kommission»\n" },
  /* a source frame in a relative clause: the clause is the quote */
  { "de-source-in-clause", "de",
    "Die Stadt baut eine neue Brücke, die nach Angaben der Planer hundert Jahre halten soll.",
    "quote reported 33-36 «die» + 61-86 «hundert Jahre halten soll» | speaker 42-60 «Angaben der Planer» | cue 37-41 «nach»\n" },
  /* the quote ends at a semicolon, and before a comma and a verb */
  { "de-quote-ends", "de",
    "Laut dem Bericht ist die alte Brücke marode; der Bau begann 1970. Nachdem die Ärztin mitgeteilt hatte, dass der Test positiv sei, wurde die Schule geschlossen.",
    "quote reported 17-43 «ist die alte Brücke marode» | speaker 5-16 «dem Bericht» | cue 0-4 «Laut»\n"
    "quote indirect 103-128 «dass der Test positiv sei» | speaker 74-84 «die Ärztin» | cue 85-101 «mitgeteilt hatte»\n" },
  /* will: the subject speaks, not the object */
  { "de-will-subject", "de",
    "Die Partei will die Steuern für kleine Betriebe senken.",
    "quote reported 0-54 «Die Partei will die Steuern für kleine Betriebe senken» | speaker 0-10 «Die Partei»\n" },
  /* plural present of a cue with a zu-infinitive */
  { "de-fordern-zu", "de",
    "Die Gewerkschaften fordern, die Löhne im Herbst zu erhöhen.",
    "quote indirect 28-58 «die Löhne im Herbst zu erhöhen» | speaker 0-18 «Die Gewerkschaften» | cue 19-26 «fordern»\n" },
  /* a verb of stance with a dass clause after its first comma; a comma
   * in a number starts no clause */
  { "de-reported-clause", "de",
    "Die Ministerin bekräftigte am Abend im Ausschuss des Landtags in Kiel erneut ihre Haltung, dass die Bank bald wachse. Die Behörde schätzte den Wert auf 5,1 und hält ihn für zu hoch.",
    "quote indirect 91-116 «dass die Bank bald wachse» | speaker 0-14 «Die Ministerin» | cue 15-26 «bekräftigte»\n"
    "quote reported 118-180 «Die Behörde schätzte den Wert auf 5,1 und hält ihn für zu hoch» | speaker 118-129 «Die Behörde» | cue 130-138 «schätzte»\n" },
  /* the clause after the cue's comma starts with the quote and goes on */
  { "de-clause-starts-with-quote", "de",
    "Der Rat schlug vor, „Zwangsheiraten“ als eigene Straftat zu ahnden.",
    "quote indirect 20-66 «„Zwangsheiraten“ als eigene Straftat zu ahnden» | speaker 0-7 «Der Rat» | cue 8-14 «schlug» + 15-18 «vor»\n"
    "quote direct 21-35 «Zwangsheiraten» | speaker 0-7 «Der Rat» | cue 8-14 «schlug» + 15-18 «vor»\n" },
  /* English is not touched by the German rules */
  { "en-sanity-round-4", "en",
    "“We will build it,” the mayor said. According to the police, two people were hurt. The agency “Blue River Studios” said nothing.",
    "quote direct 1-17 «We will build it» | speaker 20-29 «the mayor» | cue 30-34 «said»\n"
    "quote reported 61-81 «two people were hurt» | speaker 49-59 «the police» | cue 36-45 «According»\n"
    "quote direct 95-113 «Blue River Studios» | speaker 20-29 «the mayor» | cue 115-119 «said»\n" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *got = suggest (c->language, c->text);

  if (c->expected == NULL)
    {
      fprintf (stderr, "%s\n%s\n", c->name, got);
      return;
    }
  g_assert_cmpstr (got, ==, c->expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gloss/suggester/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  return g_test_run ();
}
