#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fixtures of the Label Studio and doccano tests of spans: a
German and an English article (CR LF, „…“ and “…”, 😊 U+1F60A inside and
just before spans, so that UTF-16 offsets differ from there on), each with
a quote in two parts across sentences, nested spans, attributes, notes on a
span, a relation and a sentence, and two relations between the same two
spans (Label Studio keeps one relation a pair, with both labels). The label
set is the built-in quotation set, the sentence label `claim` and the
relation label `cites`. Helpers and layout are those of ../spans/:
    python3 make-fixtures.py ../../../build/src/gloss
Offsets are Python's str indexes (code points)."""
import hashlib
import importlib.util
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("spans", os.path.join(HERE, "..", "spans", "make-fixtures.py"))
spans_fixtures = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(spans_fixtures)
find, js, lines, INFO = spans_fixtures.find, spans_fixtures.js, spans_fixtures.lines, spans_fixtures.INFO

CLAIM = {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "k",
         "description": "A statement presented as fact that could be checked."}
CITES = {"id": "cites", "name": "Cites", "color": "#5e5c64", "description": "The quote cites its speaker by name.",
         "from": ["quote"], "to": ["speaker"]}

ARTICLES = {
    "de-emoji": {
        "language": "de",
        "text": "Stadtfest ein Erfolg 😊\r\n\r\n"
                "„Wir sind stolz auf euch 😊“, sagte Bürgermeisterin Eva Roth am Freitag. "
                "„Das Fest war ein Erfolg.“\r\nKritiker sahen das anders.\r\n",
        # label, parts ((text, n-th occurrence)), attributes, note
        "spans": [
            ("quote", [("Wir sind stolz auf euch 😊", 0), ("Das Fest war ein Erfolg.", 0)],
             {"type": "direct", "medium": "speech"}, "Zitat über zwei Sätze „wörtlich“ 😊"),
            ("cue", [("sagte", 0)], {}, ""),
            ("speaker", [("Bürgermeisterin Eva Roth", 0)], {}, ""),
            ("speaker", [("Eva Roth", 0)], {}, ""),
            ("frame", [("sagte Bürgermeisterin Eva Roth am Freitag", 0)], {}, ""),
        ],
        # label, from span, to span (1-based), note
        "relations": [("speaker", 1, 3, ""), ("cites", 1, 3, "Name genannt"), ("cue", 1, 2, ""),
                      ("frame", 1, 5, "")],
        # sentence, note
        "claims": [("Kritiker sahen das anders.", "Meinung, kein Fakt?")],
    },
    "en-emoji": {
        "language": "en",
        "text": "Festival draws record crowd 😊\r\n\r\n"
                "“It was the best day 😊 of the year,” said the mayor. "
                "Organisers told reporters they were 😊 “overwhelmed”.\r\n",
        "spans": [
            ("quote", [("It was the best day 😊 of the year,", 0)], {"type": "direct"}, ""),
            ("cue", [("said", 0)], {}, ""),
            ("speaker", [("the mayor", 0)], {}, "The mayor, not named"),
            ("quote", [("they were", 0), ("“overwhelmed”", 0)], {"type": "indirect", "medium": "speech"}, ""),
            ("speaker", [("Organisers", 0)], {}, ""),
            ("addressee", [("reporters", 0)], {}, ""),
        ],
        "relations": [("speaker", 1, 3, ""), ("cue", 1, 2, ""), ("speaker", 4, 5, ""), ("addressee", 4, 6, "")],
        "claims": [("Festival draws record crowd 😊", "")],
    },
}


def write(name, article, gloss):
    text = article["text"]
    path = os.path.join(HERE, name + ".txt")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    sentences = json.loads(subprocess.check_output([gloss, "segment", "--lang", article["language"], path]))

    quotation = json.load(open(spans_fixtures.LABELS, encoding="utf-8"))
    labels = [CLAIM] + quotation["labels"]
    relation_labels = quotation["relation_labels"] + [CITES]
    order = [label["id"] for label in labels]
    relation_order = [label["id"] for label in relation_labels]

    spans = []
    for i, (label, parts, attributes, note) in enumerate(article["spans"]):
        ranges = [find(text, needle, nth) for needle, nth in parts]
        spans.append(dict({"id": i + 1, "label": label, "parts": ranges, "text": [text[s:e] for s, e in ranges],
                           "attributes": attributes}, **dict(INFO, note=note)))
    def span_key(span):
        return (span["parts"][0][0], span["parts"][-1][1], order.index(span["label"]), span["id"])
    spans.sort(key=span_key)
    by_id = {span["id"]: span for span in spans}

    relations = [dict({"id": i + 1, "label": label, "from": a, "to": b}, **dict(INFO, note=note))
                 for i, (label, a, b, note) in enumerate(article["relations"])]
    relations.sort(key=lambda r: (span_key(by_id[r["from"]]), relation_order.index(r["label"]), r["id"]))

    annotations = []
    for claim_text, note in article["claims"]:
        start, end = find(text, claim_text, 0)
        sentence = next(i for i, (s, e) in enumerate(sentences) if (s, e) == (start, end))
        annotations.append(dict({"id": len(annotations) + 1, "label": "claim", "start": start, "end": end,
                                 "sentence": sentence, "text": claim_text}, **dict(INFO, note=note)))

    raw = text.encode("utf-8")
    out = "{\n"
    out += '  "format": "gloss",\n  "version": 2,\n'
    out += f'  "text": {{"file": {js(name + ".txt")}, "sha256": "{hashlib.sha256(raw).hexdigest()}", ' \
           f'"length": {len(text)}, "bom": false}},\n'
    out += f'  "language": "{article["language"]}",\n  "done": false,\n'
    out += lines("labels", labels)
    out += lines("relation_labels", relation_labels)
    out += lines("sentences", [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(sentences)])
    out += lines("annotations", annotations)
    out += lines("spans", spans)
    out += lines("relations", relations, last=True)
    out += "}\n"
    with open(path + ".gloss.json", "w", encoding="utf-8", newline="") as f:
        f.write(out)


if __name__ == "__main__":
    for name, article in ARTICLES.items():
        write(name, article, sys.argv[1])
