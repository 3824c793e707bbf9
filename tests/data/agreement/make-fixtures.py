#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the corpora that tests/test-agreement.c compares: one folder per
study, in it one folder per annotator with that annotator's copy of the
texts and their .gloss.json, in the layout Gloss writes them.

    study/        ada, bea, cem: disagreements; cem lacks en/council.txt;
                  en/changed.txt has a different text in cem's copy;
                  bea split de/split.txt differently
    perfect/      ada, bea: one document, labelled alike
    novariation/  ada, bea: one document, nothing labelled by anyone
    broken/       ada, bea: bea's de/b.txt.gloss.json has an unknown label

Sentences are given, not segmented, so the generator needs no gloss; check
the result with `build/src/gloss validate tests/data/agreement`.
"""
import hashlib, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = [
    {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "c",
     "description": "A statement presented as fact that could be checked."},
    {"id": "source", "name": "Source", "color": "#e66100", "key": "s",
     "description": "A sentence that names who or what the information comes from."},
    {"id": "quote", "name": "Quote", "color": "#2ec27e", "key": "q",
     "description": "A sentence with direct speech, in quotation marks."},
]
ORDER = {label["id"]: i for i, label in enumerate(LABELS)}
TIME = "2026-12-01T10:00:00Z"

RATHAUS = [
    "Der Bürgermeister sagte am Montag: „Die Brücke wird im März gesperrt.“",
    "Laut Stadtverwaltung kostet die Sanierung 4,5 Millionen Euro.",
    "Anwohner äußerten sich besorgt.",
    "„Das ist ein Schock“, sagte eine Nachbarin 😀.",
    "Die Grünen fordern eine Überprüfung der Zahlen.",
    "Das Wetter war schön.",
]
COUNCIL = [
    "The council voted 7–2 on Tuesday.",
    "“We will not raise taxes,” the mayor said.",
    "Fire crews were called twice this week, officials said.",
    "Critics disagree.",
]
CHANGED = ["The budget grew by 3 %.", "Nobody objected."]
CHANGED_CEM = ["The budget grew by 4 %.", "Nobody objected."]
SPLIT = ["Erster Satz hier.", "Zweiter Satz dort.", "Dritter Satz."]

# study/<annotator>/<id>: (sentences, language, {sentence index: labels}, merge)
# merge: pairs of sentence indices the annotator joined into one sentence
STUDY = {
    "ada": {
        "de/rathaus.txt": (RATHAUS, "de", {0: ["quote", "source"], 1: ["claim", "source"], 3: ["quote"],
                                          4: ["claim"]}, []),
        "en/council.txt": (COUNCIL, "en", {0: ["claim"], 1: ["quote", "source"], 2: ["claim", "source"]}, []),
        "en/changed.txt": (CHANGED, "en", {0: ["claim"]}, []),
        "de/split.txt": (SPLIT, "de", {1: ["claim"]}, []),
    },
    "bea": {
        "de/rathaus.txt": (RATHAUS, "de", {0: ["quote"], 1: ["claim", "source"], 3: ["quote", "source"],
                                          4: ["claim"]}, []),
        "en/council.txt": (COUNCIL, "en", {0: ["claim"], 1: ["quote"], 2: ["source"], 3: ["claim"]}, []),
        "en/changed.txt": (CHANGED, "en", {0: ["claim"]}, []),
        "de/split.txt": (SPLIT, "de", {0: ["claim"]}, [(0, 1)]),
    },
    "cem": {
        "de/rathaus.txt": (RATHAUS, "de", {0: ["quote", "source"], 1: ["claim"], 2: ["claim"], 3: ["quote"]},
                           []),
        "en/changed.txt": (CHANGED_CEM, "en", {0: ["claim"]}, []),
        "de/split.txt": (SPLIT, "de", {1: ["claim"]}, []),
    },
}
PERFECT = {
    name: {"artikel.txt": (RATHAUS, "de", {0: ["quote", "source"], 1: ["claim"], 4: ["claim"]}, [])}
    for name in ("ada", "bea")
}
NOVARIATION = {name: {"artikel.txt": (COUNCIL, "en", {}, [])} for name in ("ada", "bea")}
BROKEN = {
    "ada": {"a.txt": (SPLIT, "de", {0: ["claim"]}, []), "b.txt": (SPLIT, "de", {1: ["claim"]}, [])},
    "bea": {"a.txt": (SPLIT, "de", {0: ["claim"]}, []), "b.txt": (SPLIT, "de", {1: ["rumour"]}, [])},
}


def spans_of(sentences, merge):
    """The sentences joined by one space, and their [start, end) spans in
    code points, with the merged ones joined into one span."""
    spans, offset = [], 0
    for sentence in sentences:
        spans.append((offset, offset + len(sentence)))
        offset += len(sentence) + 1
    for first, last in reversed(merge):
        spans[first:last + 1] = [(spans[first][0], spans[last][1])]
    return " ".join(sentences) + "\n", spans


def dump(value):
    return json.dumps(value, ensure_ascii=False)


def write_document(path, annotator, sentences, language, labelled, merge):
    text, spans = spans_of(sentences, merge)
    raw = text.encode("utf-8")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(raw)

    annotations = []
    for index in sorted(labelled):
        for label in sorted(labelled[index], key=lambda l: ORDER.get(l, len(ORDER))):
            start, end = spans[index]
            annotations.append({"id": len(annotations) + 1, "label": label, "start": start, "end": end,
                                "sentence": index, "text": text[start:end], "note": "",
                                "annotator": annotator,
                                "created": TIME, "modified": TIME})

    # The layout of gloss_format_snapshot_serialize ()
    out = ['{\n  "format": "gloss",\n  "version": 1,\n  "text": {"file": %s, "sha256": "%s", "length": %d, '
           '"bom": false},\n' % (dump(os.path.basename(path)), hashlib.sha256(raw).hexdigest(), len(text))]
    out.append('  "language": %s,\n  "done": true,\n  "labels": [\n    ' % dump(language))
    out.append(",\n    ".join(dump(label) for label in LABELS))
    out.append('\n  ],\n  "sentences": [\n    ')
    out.append(",\n    ".join(dump({"id": i, "start": s, "end": e}) for i, (s, e) in enumerate(spans)))
    out.append('\n  ],\n  "annotations": [')
    if annotations:
        out.append("\n    " + ",\n    ".join(dump(a) for a in annotations) + "\n  ]")
    else:
        out.append("]")
    out.append("\n}\n")
    with open(path + ".gloss.json", "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_study(name, copies):
    root = os.path.join(HERE, name)
    shutil.rmtree(root, ignore_errors=True)
    for annotator, documents in copies.items():
        for doc_id, (sentences, language, labelled, merge) in documents.items():
            write_document(os.path.join(root, annotator, doc_id), annotator.capitalize(),
                           sentences, language, labelled, merge)


def main():
    write_study("study", STUDY)
    write_study("perfect", PERFECT)
    write_study("novariation", NOVARIATION)
    write_study("broken", BROKEN)


if __name__ == "__main__":
    main()
