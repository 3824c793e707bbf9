#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the codebook fixtures (issue 16): gloss-project.json, a project
whose labels have codebook entries (German and English, „…“, CR LF in a
definition, 😊, and what Markdown and HTML must escape), and
de/artikel.txt with its .gloss.json as Gloss writes it, made by
`gloss import` with these labels. The expected Markdown and HTML are
Gloss's own output, checked by hand:
    python3 make-fixtures.py ../../../build/src/gloss"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GLOSS = os.path.abspath(sys.argv[1])

LABELS = [
    {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "k",
     "description": "A statement presented as fact that could be checked.\r\nEine überprüfbare Tatsachenbehauptung.",
     "codebook": {"include": ["Numbers, dates & places: „300 000 Einwohner“", "Predictions stated as certain"],
                  "exclude": ["Opinions (<i>I think</i>) and *hedged* claims", "# of votes — only when counted"],
                  "examples": ["Die Stadt hat 300 000 Einwohner 😊."],
                  "negative_examples": ["1. Maybe it rains tomorrow."]}},
    {"id": "quote", "name": "Quote", "color": "#e66100", "key": "q", "description": "The words of a quotation.",
     "scope": "span", "attributes": [{"name": "type", "values": ["direct", "indirect"]}],
     "codebook": {"include": ["Direct speech in „…“ or “…”"],
                  "examples": ["„Wir wollen die Gehwege freihalten“, sagte sie."]}},
    {"id": "speaker", "name": "Speaker", "color": "#2ec27e", "key": "s", "description": "", "scope": "span"},
]
RELATION_LABELS = [
    {"id": "said-by", "name": "Said by", "color": "#9141ac", "description": "Joins a quote to its speaker.",
     "from": ["quote"], "to": ["speaker"], "codebook": {"exclude": ["A speaker the text only implies"]}},
]
TEXT = ("Neue Regeln für E-Scooter 😊\r\n\r\n„Wir wollen die Gehwege freihalten“, sagte Bürgermeisterin Anna "
        "Schmidt. The city has 300,000 inhabitants.\r\n")


def js(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def main():
    project = os.path.join(HERE, "gloss-project.json")
    with open(project, "w", encoding="utf-8", newline="") as f:
        f.write('{\n  "format": "gloss-project",\n  "version": 2,\n  "labels": [\n')
        f.write(",\n".join("    " + js(label) for label in LABELS))
        f.write('\n  ],\n  "relation_labels": [\n')
        f.write(",\n".join("    " + js(label) for label in RELATION_LABELS))
        f.write("\n  ]\n}\n")

    segments = json.loads(subprocess.run([GLOSS, "segment", "--language", "de", "-"], input=TEXT.encode(),
                                         capture_output=True, check=True).stdout)
    start, end = segments[-1]
    document = {
        "id": "artikel.txt", "language": "de", "text": TEXT, "labels": LABELS, "relation_labels": RELATION_LABELS,
        "sentences": [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(segments)],
        "annotations": [{"id": 1, "label": "claim", "start": start, "end": end, "sentence": len(segments) - 1,
                         "text": TEXT[start:end], "note": "Zahl prüfen 😊", "annotator": "Ada",
                         "created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:00:00Z"}],
        "spans": [], "relations": [],
    }
    tmp = tempfile.mkdtemp()
    try:
        source = os.path.join(tmp, "in.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            f.write(json.dumps(document, ensure_ascii=False) + "\n")
        subprocess.run([GLOSS, "import", "-f", "documents-jsonl", "--labels", project, "--into",
                        os.path.join(tmp, "out"), source], check=True)
        os.makedirs(os.path.join(HERE, "de"), exist_ok=True)
        for name in ("artikel.txt", "artikel.txt.gloss.json"):
            shutil.copy(os.path.join(tmp, "out", name), os.path.join(HERE, "de", name))
    finally:
        shutil.rmtree(tmp)

    for fmt, name in (("markdown", "expected.md"), ("html", "expected.html")):
        subprocess.run([GLOSS, "codebook", "export", "-f", fmt, "-o", os.path.join(HERE, name), HERE], check=True)


main()
