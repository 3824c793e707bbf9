#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the corpus the span exports are tested on (test-export-spans.c,
test-export-spans.py): a German and an English article with spans (CR LF,
„…“ and “…”, 😊 outside the BMP, a quote in two parts, a part that runs
over a sentence boundary, spans nested three deep, relations, two
annotators in one document, notes on spans and relations, a sentence
label beside the spans), and an English article of version 1 with
sentence labels only, which every export must write as it did before
spans. Each .gloss.json is exactly as Gloss writes it. The sentences are
Gloss's own: run with the gloss binary,
    python3 make-fixtures.py ../../../build/src/gloss
It shares its helpers with ../spans/make-fixtures.py."""
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
js, find, lines = spans_fixtures.js, spans_fixtures.find, spans_fixtures.lines

CLAIM = {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "k",
         "description": "A statement presented as fact that could be checked."}
T0, T1 = "2026-12-02T08:00:00Z", "2026-12-02T08:30:00Z"


def info(annotator, note=""):
    return {"note": note, "annotator": annotator, "created": T0, "modified": T1 if note else T0}


ARTICLES = {
    "de/interview": {
        "language": "de",
        "text": "Neue Regeln für E-Scooter 😊\r\n\r\n"
                "„Wir wollen die Gehwege freihalten“, sagte Bürgermeisterin Anna Schmidt am Dienstag. "
                "„Die Roller stehen überall im Weg. Das muss aufhören.“\r\n"
                "Der Verkehrsclub kritisierte die Pläne scharf.\r\n",
        # label, parts (each the n-th occurrence of a text), attributes, annotator, note
        "spans": [
            ("quote", [("Wir wollen die Gehwege freihalten", 0),
                       ("Die Roller stehen überall im Weg. Das muss aufhören.", 0)],
             {"type": "direct", "medium": "speech"}, "Ada", "Zitat über zwei Sätze 😊"),
            ("frame", [("sagte Bürgermeisterin Anna Schmidt am Dienstag", 0)], {}, "Ada", ""),
            ("cue", [("sagte", 0)], {}, "Ada", ""),
            ("speaker", [("Bürgermeisterin Anna Schmidt", 0)], {}, "Ada", ""),
            ("speaker", [("Anna Schmidt", 0)], {}, "Bea", "nur der Name"),
            ("quote", [("kritisierte die Pläne scharf", 0)], {"type": "reported"}, "Bea", ""),
            ("speaker", [("Der Verkehrsclub", 0)], {}, "Bea", ""),
            ("cue", [("kritisierte", 0)], {}, "Bea", ""),
        ],
        # relation label, from span (1-based), to span, annotator, note
        "relations": [("speaker", 1, 4, "Ada", ""), ("cue", 1, 3, "Ada", ""), ("frame", 1, 2, "Ada", "Rahmen, „so“"),
                      ("speaker", 1, 5, "Bea", ""), ("speaker", 6, 7, "Bea", ""), ("cue", 6, 8, "Bea", "")],
        # sentence label, text of the sentence, annotator
        "annotations": [("claim", "Der Verkehrsclub kritisierte die Pläne scharf.", "Bea")],
    },
    "en/briefing": {
        "language": "en",
        "text": "Council backs bike lanes 😊\r\n\r\n"
                "“This is a good day for cyclists,” the mayor said on Monday, “and for everyone else.”\r\n"
                "Critics said the plan was rushed. It ignores drivers, they added.\r\n",
        "spans": [
            ("quote", [("This is a good day for cyclists,", 0), ("and for everyone else.", 0)],
             {"type": "direct"}, "Grace", ""),
            ("frame", [("the mayor said on Monday", 0)], {}, "Grace", ""),
            ("speaker", [("the mayor", 0)], {}, "Grace", ""),
            ("cue", [("said", 0)], {}, "Grace", ""),
            # one part over a sentence boundary
            ("quote", [("the plan was rushed. It ignores drivers", 0)], {"type": "indirect", "medium": "speech"},
             "Grace", "a, \"b\""),
            ("speaker", [("Critics", 0)], {}, "Grace", ""),
            ("cue", [("said", 1)], {}, "Grace", ""),
        ],
        "relations": [("speaker", 1, 3, "Grace", ""), ("cue", 1, 4, "Grace", ""), ("frame", 1, 2, "Grace", ""),
                      ("speaker", 5, 6, "Grace", ""), ("cue", 5, 7, "Grace", "")],
        "annotations": [("claim", "Critics said the plan was rushed.", "Grace")],
    },
    "en/plain": {
        "language": "en",
        "text": "The bridge reopens on Friday. “It took long enough,” a driver said 😊.\r\n",
        "annotations": [("claim", "The bridge reopens on Friday.", "Grace")],
    },
}


def write(name, article, gloss):
    text = article["text"]
    path = os.path.join(HERE, name + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    sentences = json.loads(subprocess.check_output([gloss, "segment", "--lang", article["language"], path]))
    version = 2 if "spans" in article else 1

    labels = [CLAIM]
    relation_labels = []
    if version == 2:
        quotation = json.load(open(spans_fixtures.LABELS, encoding="utf-8"))
        labels += quotation["labels"]
        relation_labels = quotation["relation_labels"]
    order = [label["id"] for label in labels]
    relation_order = [label["id"] for label in relation_labels]

    spans = []
    for i, (label, parts, attributes, annotator, note) in enumerate(article.get("spans", [])):
        ranges = [find(text, needle, nth) for needle, nth in parts]
        spans.append(dict({"id": i + 1, "label": label, "parts": ranges, "text": [text[s:e] for s, e in ranges],
                           "attributes": attributes}, **info(annotator, note)))

    def span_key(span):
        return (span["parts"][0][0], span["parts"][-1][1], order.index(span["label"]), span["id"])
    spans.sort(key=span_key)
    by_id = {span["id"]: span for span in spans}

    relations = [dict({"id": i + 1, "label": label, "from": a, "to": b}, **info(annotator, note))
                 for i, (label, a, b, annotator, note) in enumerate(article.get("relations", []))]
    relations.sort(key=lambda r: (span_key(by_id[r["from"]]), relation_order.index(r["label"]), r["id"]))

    annotations = []
    for label, sentence_text, annotator in article["annotations"]:
        start, end = find(text, sentence_text, 0)
        sentence = next(i for i, (s, e) in enumerate(sentences) if (s, e) == (start, end))
        annotations.append(dict({"id": len(annotations) + 1, "label": label, "start": start, "end": end,
                                 "sentence": sentence, "text": sentence_text}, **info(annotator)))

    raw = text.encode("utf-8")
    out = "{\n"
    out += f'  "format": "gloss",\n  "version": {version},\n'
    out += f'  "text": {{"file": {js(os.path.basename(name) + ".txt")}, "sha256": "{hashlib.sha256(raw).hexdigest()}", ' \
           f'"length": {len(text)}, "bom": false}},\n'
    out += f'  "language": "{article["language"]}",\n  "done": false,\n'
    out += lines("labels", labels)
    if version == 2:
        out += lines("relation_labels", relation_labels)
    out += lines("sentences", [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(sentences)])
    if version == 2:
        out += lines("annotations", annotations)
        out += lines("spans", spans)
        out += lines("relations", relations, last=True)
    else:
        out += lines("annotations", annotations, last=True)
    out += "}\n"
    with open(path + ".gloss.json", "w", encoding="utf-8", newline="") as f:
        f.write(out)


if __name__ == "__main__":
    for name, article in ARTICLES.items():
        write(name, article, sys.argv[1])
