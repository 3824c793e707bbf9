#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fixture corpus under corpus/: German and English texts (umlauts,
„…“ quotes, emoji outside the BMP, CRLF line ends) and their .gloss.json,
annotated by two annotators with notes. The sentences come from
`gloss segment`, so run it with the built gloss:

    tests/data/export/make-fixtures.py build/src/gloss
"""
import hashlib, json, os, subprocess, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
LABELS = [
    {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "c",
     "description": "A statement presented as fact that could be checked."},
    {"id": "source", "name": "Source", "color": "#e66100", "key": "s",
     "description": "A sentence that names who or what the information comes from."},
    {"id": "quote", "name": "Quote", "color": "#2ec27e", "key": "q",
     "description": "A sentence with direct speech, in quotation marks."},
]
T0 = "2026-11-20T09:15:00Z"
T1 = "2026-11-21T14:02:30Z"

DOCS = {
    # id: (text, language, done, [(sentence index, label, annotator, note)], meta)
    "de/rathaus.txt": (
        "Köln. Der Bürgermeister sagte am Montag: „Die Brücke wird im März gesperrt.“\r\n"
        "Laut Stadtverwaltung kostet die Sanierung 4,5 Millionen Euro 💶.\r\n"
        "Anwohner äußerten sich besorgt; „Das ist ein Schock“, sagte eine Nachbarin.\r\n"
        "Die Grünen fordern eine Überprüfung der Zahlen.\r\n",
        "de", True,
        [(1, "quote", "Ada", ""), (1, "source", "Ada", "Bürgermeister = Quelle"),
         (2, "claim", "Ada", ""), (2, "source", "Bea", "Stadtverwaltung, \"offiziell\""),
         (3, "quote", "Bea", "Zitat mit\nZeilenumbruch\tund Tab")],
        {"url": "https://example.org/köln/1", "outlet": "Rheinblatt"}),
    "de/sport/fussball.txt": (
        "Der Trainer ist zufrieden 😀. „Wir haben gekämpft“, sagte er nach dem 2:1.\r\n"
        "Die Mannschaft steht jetzt auf Platz drei.",
        "de", False,
        [(1, "quote", "Ada", ""), (2, "claim", "Ada", "")],
        None),
    "en/council.txt": (
        "The council voted 7–2 on Tuesday. “We will not raise taxes,” the mayor said. 🚒 Fire crews "
        "were called twice this week, officials said.\n\nCritics disagree: the budget, they say, is "
        "“wishful thinking”.\n",
        "en", True,
        [(0, "claim", "Grace", ""), (1, "quote", "Grace", "direct speech"),
         (1, "source", "Grace", ""), (2, "claim", "Ada", ""), (2, "source", "Ada", "officials"),
         (3, "claim", "Grace", "")],
        None),
}
UNANNOTATED = {
    "en/unannotated.txt": "Nobody has labelled this text yet. It still exports, with empty labels.\n",
}


def segment(gloss, path, language):
    out = subprocess.run([gloss, "segment", "--lang", language, path], check=True, capture_output=True)
    return json.loads(out.stdout)


def main():
    gloss = sys.argv[1]
    for doc_id, (text, language, done, annotations, meta) in DOCS.items():
        path = os.path.join(HERE, doc_id)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        raw = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(raw)
        spans = segment(gloss, path, language)
        result = []
        for n, (index, label, annotator, note) in enumerate(annotations, 1):
            s, e = spans[index]
            result.append({"id": n, "label": label, "start": s, "end": e, "sentence": index,
                           "text": text[s:e], "note": note, "annotator": annotator,
                           "created": T0, "modified": T1 if note else T0})
        doc = {
            "format": "gloss", "version": 1,
            "text": {"file": os.path.basename(doc_id), "sha256": hashlib.sha256(raw).hexdigest(),
                     "length": len(text), "bom": False},
            "language": language, "done": done, "labels": LABELS,
            "sentences": [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(spans)],
            "annotations": result,
        }
        if meta is not None:
            doc["meta"] = meta
        with open(path + ".gloss.json", "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
    for doc_id, text in UNANNOTATED.items():
        with open(os.path.join(HERE, doc_id), "wb") as f:
            f.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
