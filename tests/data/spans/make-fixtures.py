#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the span fixtures: a German and an English article (CR LF, „…“
and “…”, an emoji outside the BMP), each with a quote in two parts that
crosses sentence boundaries, nested and overlapping spans, relations and a
sentence label, and their .gloss.json exactly as Gloss writes version 2;
and the README's example of version 2 in ../example/.
The sentences are Gloss's own: run with the gloss binary,
    python3 make-fixtures.py ../../../build/src/gloss
Offsets are Python's str indexes (code points). Run it again after
changing the format; test-format checks that Gloss writes these files
back byte for byte."""
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "..", "..", "..", "data", "labels", "quotation.json")
INFO = {"note": "", "annotator": "Ada", "created": "2026-12-01T09:00:00Z", "modified": "2026-12-01T09:05:00Z"}

ARTICLES = {
    # The README's example of version 2, in tests/data/example/
    "../example/zitat": {
        "language": "de",
        "text": "„Das ist zu teuer“, sagte die Ministerin, „und kommt zu spät.“ Der Rat stimmte trotzdem zu.",
        "spans": [
            ("quote", [("Das ist zu teuer", 0), ("und kommt zu spät.", 0)], {"type": "direct", "medium": "speech"}),
            ("cue", [("sagte", 0)], {}),
            ("speaker", [("die Ministerin", 0)], {}),
        ],
        "relations": [("speaker", 1, 3), ("cue", 1, 2)],
        "claims": [],
    },
    "de-zitate": {
        "language": "de",
        "text": "Stadtwerke erhöhen die Preise 📈\r\n\r\n"
                "BERLIN. „Wir können die Kosten nicht länger tragen. Das tut uns leid“, sagte die Sprecherin der "
                "Stadtwerke, Dr. Miriam Okafor, am Montag der Zeitung. „Ab Januar wird es teurer.“\r\n"
                "Laut dem Mieterverein ist die Erhöhung unangemessen. Ein Sprecher erklärte, man prüfe eine Klage.\r\n",
        # label, parts (each the n-th occurrence of a text: (text, n)), attributes
        "spans": [
            ("quote", [("Wir können die Kosten nicht länger tragen. Das tut uns leid", 0),
                       ("Ab Januar wird es teurer.", 0)], {"type": "direct", "medium": "speech"}),
            ("frame", [("sagte die Sprecherin der Stadtwerke, Dr. Miriam Okafor, am Montag der Zeitung", 0)], {}),
            ("cue", [("sagte", 0)], {}),
            ("speaker", [("die Sprecherin der Stadtwerke, Dr. Miriam Okafor", 0)], {}),
            ("speaker", [("Dr. Miriam Okafor", 0)], {}),
            ("addressee", [("der Zeitung", 0)], {}),
            # a frame and a quote that overlap without nesting
            ("frame", [("Laut dem Mieterverein ist", 0)], {}),
            ("quote", [("ist die Erhöhung unangemessen", 0)], {"type": "indirect"}),
            ("cue", [("Laut", 0)], {}),
            ("speaker", [("dem Mieterverein", 0)], {}),
            ("quote", [("man prüfe eine Klage", 0)], {"type": "indirect", "medium": "speech"}),
            ("speaker", [("Ein Sprecher", 0)], {}),
            ("cue", [("erklärte", 0)], {}),
        ],
        # relation label, from span (1-based), to span
        "relations": [("speaker", 1, 4), ("cue", 1, 3), ("frame", 1, 2), ("addressee", 1, 6),
                      ("speaker", 8, 10), ("cue", 8, 9), ("frame", 8, 7),
                      ("speaker", 11, 12), ("cue", 11, 13)],
        "claims": ["Laut dem Mieterverein ist die Erhöhung unangemessen."],
    },
    "en-quotes": {
        "language": "en",
        "text": "Harbour bridge to close for repairs 🌉\r\n\r\n"
                "“The cables are older than anyone thought,” said Jane Doe, the city’s chief engineer, on "
                "Tuesday. “We will not take chances.\r\nThe bridge stays shut until May.” Residents told "
                "reporters they were worried. According to the council, the repairs will cost $3.5 million.\r\n",
        "spans": [
            ("quote", [("The cables are older than anyone thought,", 0),
                       ("We will not take chances.\r\nThe bridge stays shut until May.", 0)],
             {"type": "direct", "medium": "speech"}),
            ("speaker", [("Jane Doe, the city’s chief engineer", 0)], {}),
            ("cue", [("said", 0)], {}),
            ("frame", [("said Jane Doe, the city’s chief engineer, on Tuesday", 0)], {}),
            ("quote", [("they were worried", 0)], {"type": "indirect", "medium": "speech"}),
            ("speaker", [("Residents", 0)], {}),
            ("cue", [("told", 0)], {}),
            ("addressee", [("reporters", 0)], {}),
            ("quote", [("the repairs will cost $3.5 million", 0)], {"type": "indirect"}),
            ("cue", [("According to", 0)], {}),
            ("speaker", [("the council", 0)], {}),
        ],
        "relations": [("speaker", 1, 2), ("cue", 1, 3), ("frame", 1, 4),
                      ("speaker", 5, 6), ("cue", 5, 7), ("addressee", 5, 8),
                      ("speaker", 9, 11), ("cue", 9, 10)],
        "claims": ["According to the council, the repairs will cost $3.5 million."],
    },
}


def js(value):
    return json.dumps(value, ensure_ascii=False)


def find(text, needle, nth):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def lines(member, items, last=False):
    out = f'  "{member}": ['
    out += ("\n" + ",\n".join("    " + js(item) for item in items) + "\n  ]") if items else "]"
    return out + ("\n" if last else ",\n")


def write(name, article, gloss):
    text = article["text"]
    path = os.path.join(HERE, name + ".txt")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    sentences = json.loads(subprocess.check_output([gloss, "segment", "--lang", article["language"], path]))

    quotation = json.load(open(LABELS, encoding="utf-8"))
    claim = {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "k",
             "description": "A statement presented as fact that could be checked."}
    labels = ([claim] if article["claims"] else []) + quotation["labels"]
    relation_labels = quotation["relation_labels"] + article.get("relation_labels", [])
    order = [label["id"] for label in labels]
    relation_order = [label["id"] for label in relation_labels]

    # A span, relation or claim may end with its note
    spans = []
    for i, (label, parts, attributes, *note) in enumerate(article["spans"]):
        ranges = [find(text, needle, nth) for needle, nth in parts]
        spans.append(dict({"id": i + 1, "label": label, "parts": ranges, "text": [text[s:e] for s, e in ranges],
                           "attributes": attributes}, **dict(INFO, note="".join(note))))
    def span_key(span):
        return (span["parts"][0][0], span["parts"][-1][1], order.index(span["label"]), span["id"])
    spans.sort(key=span_key)
    by_id = {span["id"]: span for span in spans}

    relations = [dict({"id": i + 1, "label": label, "from": a, "to": b}, **dict(INFO, note="".join(note)))
                 for i, (label, a, b, *note) in enumerate(article["relations"])]
    relations.sort(key=lambda r: (span_key(by_id[r["from"]]), relation_order.index(r["label"]), r["id"]))

    annotations = []
    for claim_text, *note in map(lambda claim: claim if isinstance(claim, tuple) else (claim,), article["claims"]):
        start, end = find(text, claim_text, 0)
        sentence = next(i for i, (s, e) in enumerate(sentences) if (s, e) == (start, end))
        annotations.append(dict({"id": len(annotations) + 1, "label": "claim", "start": start, "end": end,
                                 "sentence": sentence, "text": claim_text}, **dict(INFO, note="".join(note))))

    raw = text.encode("utf-8")
    out = "{\n"
    out += '  "format": "gloss",\n  "version": 2,\n'
    out += f'  "text": {{"file": {js(os.path.basename(name) + ".txt")}, "sha256": "{hashlib.sha256(raw).hexdigest()}", ' \
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
