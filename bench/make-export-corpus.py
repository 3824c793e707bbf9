#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes an annotated corpus of news-like articles for bench-export.

    make-export-corpus.py FOLDER [DOCUMENTS]

By default 2,000 documents in 20 folders: about 24 MB of German and English
text, 50,000 sentences and 38,000 annotations, each text with its
`.gloss.json` as Gloss writes it. The same bytes on every run and machine:
the only randomness is a Mersenne Twister's random() with a fixed seed,
which Python keeps the same across versions. Some texts start with a BOM,
some sentences hold quotation marks, tabs, backslashes or characters beyond
the BMP, so that escaping and code point offsets are exercised.
"""

import hashlib
import json
import os
import random
import sys

SEED = 20261202
LABELS = [
    ("claim", "Claim", "#3584e4", "c", "A statement presented as fact that could be checked."),
    ("source", "Source", "#e66100", "s", "A sentence that names who or what the information comes from."),
    ("quote", "Quote", "#2ec27e", "q", "A sentence with direct speech, in quotation marks."),
]
ANNOTATORS = ["Ada", "Bea", "Chen", "Dörte", "Émile"]
NOTES = ["", "", "", "", "", "", "check the figure", "unklar, ob Zitat", "source named \"in passing\""]

WORDS = {
    "de": {
        "subject": ["Die Ministerin", "Der Stadtrat", "Die Opposition", "Ein Sprecher der Stadtwerke",
                    "Die Verbraucherzentrale", "Der Bürgermeister von Neuwalden", "Die Gewerkschaft",
                    "Das Landesamt für Statistik", "Eine Sprecherin des Ministeriums", "Die Kommission"],
        "verb": ["erklärte am Dienstag", "teilte mit", "kritisierte scharf", "räumte ein",
                 "betonte vor Journalisten", "wies zurück", "kündigte an", "bestätigte auf Anfrage"],
        "object": ["dass der Haushalt für das Projekt um {n} Millionen Euro steigen werde",
                   "dass die Anschlussgebühren seit {y} um {p} Prozent gestiegen seien",
                   "dass die Zahlen im Bericht Nr. {n} zu niedrig angesetzt worden seien",
                   "dass die Wärmewende vor Ort entschieden werde und nicht in Berlin",
                   "dass der Ausschuss am {d}. März erneut über den Plan beraten solle",
                   "dass rund {n} Haushalte in {place} noch keinen Anschluss hätten"],
        "tail": ["obwohl Kritiker wie Dr. Weber seit Monaten davor gewarnt hatten",
                 "während die Fraktionen im Rat weiter über die Finanzierung stritten",
                 "was in der Sitzung für lebhafte Diskussionen sorgte",
                 "nachdem die Prüfer des Landesrechnungshofs ihren Bericht vorgelegt hatten",
                 "wobei unklar blieb, wer die Mehrkosten von {p} Prozent tragen soll",
                 "und verwies auf die Erfahrungen in {place}, wo ähnliche Projekte gescheitert waren"],
        "quote": ("„", "“"),
        "said": "sagte {who}",
    },
    "en": {
        "subject": ["The minister", "The city council", "The opposition", "A spokesperson for the utility",
                    "The consumer group", "The mayor of Millbrook", "The union", "The statistics office",
                    "A spokeswoman for the ministry", "The commission"],
        "verb": ["said on Tuesday", "announced", "sharply criticised", "conceded", "told reporters",
                 "rejected the claim", "confirmed when asked", "warned"],
        "object": ["that the budget for the project would rise by ${n} million",
                   "that connection fees had risen by {p} percent since {y}",
                   "that the figures in report No. {n} had been set too low",
                   "that the energy transition would be decided locally and not in the capital",
                   "that the committee would discuss the plan again on March {d}",
                   "that about {n} households in {place} were still not connected"],
        "tail": ["although critics such as Dr. Weaver had warned about it for months",
                 "while the parties on the council kept arguing about how to pay for it",
                 "which led to a lively debate at the meeting",
                 "after the state auditors had presented their report",
                 "leaving open who would carry the extra costs of {p} percent",
                 "and pointed to {place}, where similar projects had failed"],
        "quote": ("\"", "\""),
        "said": "{who} said",
    },
}
PLACES = ["Neuwalden", "Millbrook", "Oberhausen", "Kingsport", "Lindau", "Ashford", "Zürich", "Łódź"]
EXTRAS = [" 😊", " (see \\\\server\\share)", "\tTab", " ★", " – 👨\u200d👩\u200d👧"]


class Corpus:
    def __init__(self):
        self.rand = random.Random(SEED)

    def below(self, n):
        return int(self.rand.random() * n)

    def pick(self, items):
        return items[self.below(len(items))]

    def fill(self, template):
        return template.format(n=10 + self.below(990), p=1 + self.below(40), y=2000 + self.below(25),
                               d=1 + self.below(28), place=self.pick(PLACES))

    def sentence(self, lang):
        words = WORDS[lang]
        clauses = [self.fill(self.pick(words["object"]))]
        # Long news sentences of several clauses: 480 bytes on average
        for _ in range(3 + self.below(6) + (self.below(4) == 0)):
            clauses.append(self.fill(self.pick(words["tail"] + words["object"])))
        body = ", ".join(clauses)
        who = self.pick(words["subject"])
        if self.below(6) == 0:
            opening, closing = words["quote"]
            body = body[0].upper() + body[1:]
            said = words["said"].format(who=who[0].lower() + who[1:])
            text = f"{opening}{body}{closing}, {said}."
        else:
            text = f"{who} {self.pick(words['verb'])}, {body}."
        if self.below(40) == 0:
            text = text[:-1] + self.pick(EXTRAS) + "."
        return text

    def document(self, number):
        lang = "de" if self.below(2) == 0 else "en"
        sentences = [self.sentence(lang) for _ in range(13 + self.below(25))]
        text, spans, length = "", [], 0
        for i, sentence in enumerate(sentences):
            if i > 0:
                separator = "\n\n" if self.below(4) == 0 else " "
                text += separator
                length += len(separator)
            spans.append((length, length + len(sentence)))
            text += sentence
            length += len(sentence)
        text += "\n"
        bom = self.below(50) == 0
        data = ("\ufeff" if bom else "").encode() + text.encode()
        return lang, text, spans, bom, data

    def annotation_file(self, name, lang, text, spans, bom, data):
        annotator = self.pick(ANNOTATORS)
        lines = ['{', '  "format": "gloss",', '  "version": 1,',
                 '  "text": {"file": %s, "sha256": "%s", "length": %d, "bom": %s},'
                 % (dumps(name), hashlib.sha256(data).hexdigest(), len(text), "true" if bom else "false"),
                 '  "language": "%s",' % lang,
                 '  "done": %s,' % ("true" if self.below(3) == 0 else "false"),
                 '  "labels": [']
        lines += [",\n".join('    {"id": %s, "name": %s, "color": %s, "key": %s, "description": %s}'
                             % tuple(map(dumps, label)) for label in LABELS)]
        lines += ['  ],', '  "sentences": [']
        lines += [",\n".join('    {"id": %d, "start": %d, "end": %d}' % (i, start, end)
                             for i, (start, end) in enumerate(spans))]
        annotations = []
        for i, (start, end) in enumerate(spans):
            if self.below(100) >= 64:
                continue
            first = self.below(3)
            labels = [first] + ([(first + 1 + self.below(2)) % 3] if self.below(5) == 0 else [])
            note = self.pick(NOTES)
            stamp = "2026-%02d-%02dT%02d:%02d:00Z" % (1 + self.below(12), 1 + self.below(28),
                                                      self.below(24), self.below(60))
            for label in sorted(labels):
                annotations.append('    {"id": %d, "label": "%s", "start": %d, "end": %d, "sentence": %d, '
                                   '"text": %s, "note": %s, "annotator": %s, "created": "%s", "modified": "%s"}'
                                   % (len(annotations) + 1, LABELS[label][0], start, end, i,
                                      dumps(text[start:end]), dumps(note), dumps(annotator), stamp, stamp))
        lines += ['  ],', '  "annotations": [' if annotations else '  "annotations": []']
        if annotations:
            lines += [",\n".join(annotations), '  ]']
        lines += ['}', '']
        return "\n".join(lines), len(annotations)


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def main():
    folder = sys.argv[1]
    n_documents = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    corpus = Corpus()
    n_bytes = n_sentences = n_annotations = 0
    for number in range(n_documents):
        outlet = os.path.join(folder, "outlet-%02d" % (number % 20))
        os.makedirs(outlet, exist_ok=True)
        name = "article-%04d.txt" % number
        lang, text, spans, bom, data = corpus.document(number)
        json_text, n = corpus.annotation_file(name, lang, text, spans, bom, data)
        with open(os.path.join(outlet, name), "wb") as f:
            f.write(data)
        with open(os.path.join(outlet, name + ".gloss.json"), "wb") as f:
            f.write(json_text.encode())
        n_bytes += len(data)
        n_sentences += len(spans)
        n_annotations += n
    print("%d documents, %.1f MB of text, %d sentences, %d annotations"
          % (n_documents, n_bytes / 1e6, n_sentences, n_annotations))


if __name__ == "__main__":
    main()
