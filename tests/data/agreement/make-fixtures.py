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
    spans/        ada, bea: three short texts with quotes as spans and
                  relations (the quotation set and a sentence label);
                  test-agreement.c asserts the figures worked out by hand
                  there (CR LF, 😊, a quote in two parts, two overlapping
                  quotes of one copy, a quote over two sentences)
    ties/         ada, bea: spans whose matches depend on the order ties
                  of intersection over union are broken in
    nospans/      ada, bea: the same set, sentence labels only and no span:
                  `gloss agree` reports it as before spans (expected/)

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


# --- Spans and relations (version 2) ---------------------------------------

def quotation_labels():
    """A sentence label and the built-in quotation set's span and relation
    labels, as the set's file has them"""
    with open(os.path.join(HERE, "..", "..", "..", "data", "labels", "quotation.json"), encoding="utf-8") as f:
        quotation = json.load(f)
    claim = dict(LABELS[0], key="k")
    return [claim] + quotation["labels"], quotation["relation_labels"]


# Texts with CR LF and an emoji outside the BMP; offsets are code points
ZITAT = "Anna sagte: „Wir kommen 😊.“\r\nDann ging sie.\r\n"
QUOTE = "“We will,” she said, “pay.” Then she left.\r\n"
PROJEKT = "Er sagte, das Projekt sei gut. Es koste wenig.\r\n"

# document: (text, language, sentences, {annotator: (sentence labels, spans, relations)})
# spans: (label, [(start, end), …]); relations: (label, from, to) as
# indices into spans
SPANS = {
    "de/zitat.txt": (ZITAT, "de", ["Anna sagte: „Wir kommen 😊.“", "Dann ging sie."], {
        "ada": ({}, [("speaker", [(0, 4)]), ("cue", [(5, 10)]), ("quote", [(13, 26)])],
                [("speaker", 2, 0), ("cue", 2, 1)]),
        "bea": ({}, [("speaker", [(0, 4)]), ("cue", [(5, 11)]), ("quote", [(12, 27)])],
                [("speaker", 2, 0), ("cue", 2, 1)]),
    }),
    "en/quote.txt": (QUOTE, "en", ["“We will,” she said, “pay.”", "Then she left."], {
        "ada": ({}, [("quote", [(1, 9), (22, 26)]), ("speaker", [(11, 14)]), ("cue", [(15, 19)]),
                     ("addressee", [(33, 36)])],
                [("speaker", 0, 1), ("cue", 0, 2), ("addressee", 0, 3)]),
        "bea": ({}, [("quote", [(1, 27)]), ("quote", [(1, 9), (22, 26)]), ("speaker", [(11, 14)]),
                     ("cue", [(15, 20)])],
                [("speaker", 1, 2), ("cue", 0, 3)]),
    }),
    "de/projekt.txt": (PROJEKT, "de", ["Er sagte, das Projekt sei gut.", "Es koste wenig."], {
        "ada": ({0: ["claim"]}, [("quote", [(10, 45)]), ("speaker", [(0, 2)]), ("cue", [(3, 8)])],
                [("speaker", 0, 1), ("cue", 0, 2)]),
        "bea": ({0: ["claim"]}, [("quote", [(10, 46)]), ("speaker", [(0, 2)]), ("cue", [(3, 8)])],
                [("speaker", 0, 1)]),
    }),
}
# Ties of intersection over union, decided by the order of the spans: of
# ada's quotes the first takes bea's first, which leaves the second
# one for ada's second; of bea's cues the first (by start) is ada's first
# one's, which leaves the second for ada's second. Ada has one frame twice.
NICHTS = "Anna und Bert sagten nichts 😊.\r\n"
TIES = {
    "nichts.txt": (NICHTS, "de", ["Anna und Bert sagten nichts 😊."], {
        "ada": ({}, [("quote", [(0, 4)]), ("quote", [(2, 6)]), ("cue", [(11, 15)]), ("cue", [(13, 18)]),
                     ("frame", [(21, 27)]), ("frame", [(21, 27)])], []),
        "bea": ({}, [("quote", [(1, 5)]), ("quote", [(3, 8)]), ("cue", [(10, 14)]), ("cue", [(12, 16)]),
                     ("frame", [(21, 27)])], []),
    }),
}
NOSPANS = {
    "de/zitat.txt": (ZITAT, "de", ["Anna sagte: „Wir kommen 😊.“", "Dann ging sie."], {
        "ada": ({0: ["claim"]}, [], []),
        "bea": ({0: ["claim"], 1: ["claim"]}, [], []),
    }),
}


def write_document_v2(path, annotator, text, language, sentences, labelled, spans, relations):
    labels, relation_labels = quotation_labels()
    order = {label["id"]: i for i, label in enumerate(labels)}
    raw = text.encode("utf-8")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(raw)

    bounds, offset = [], 0
    for sentence in sentences:
        start = text.index(sentence, offset)
        bounds.append((start, start + len(sentence)))
        offset = start + len(sentence)

    info = {"note": "", "annotator": annotator, "created": TIME, "modified": TIME}
    annotations = []
    for index in sorted(labelled):
        for label in sorted(labelled[index], key=lambda l: order[l]):
            start, end = bounds[index]
            annotations.append(dict({"id": len(annotations) + 1, "label": label, "start": start, "end": end,
                                     "sentence": index, "text": text[start:end]}, **info))
    span_objects = [dict({"id": i + 1, "label": label, "parts": [list(p) for p in parts],
                          "text": [text[s:e] for s, e in parts], "attributes": {}}, **info)
                    for i, (label, parts) in enumerate(spans)]
    span_objects.sort(key=lambda s: (s["parts"][0][0], s["parts"][-1][1], order[s["label"]], s["id"]))
    position = {s["id"]: i for i, s in enumerate(span_objects)}
    relation_objects = [dict({"id": i + 1, "label": label, "from": f + 1, "to": t + 1}, **info)
                        for i, (label, f, t) in enumerate(relations)]
    relation_objects.sort(key=lambda r: (position[r["from"]], [l["id"] for l in relation_labels].index(r["label"]),
                                         r["id"]))

    def block(name, items, last=False):
        if not items:
            return '  "%s": []%s\n' % (name, "" if last else ",")
        return '  "%s": [\n    %s\n  ]%s\n' % (name, ",\n    ".join(dump(i) for i in items), "" if last else ",")

    out = ['{\n  "format": "gloss",\n  "version": 2,\n  "text": {"file": %s, "sha256": "%s", "length": %d, '
           '"bom": false},\n' % (dump(os.path.basename(path)), hashlib.sha256(raw).hexdigest(), len(text))]
    out.append('  "language": %s,\n  "done": true,\n' % dump(language))
    out.append(block("labels", labels))
    out.append(block("relation_labels", relation_labels))
    out.append(block("sentences", [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(bounds)]))
    out.append(block("annotations", annotations))
    out.append(block("spans", span_objects))
    out.append(block("relations", relation_objects, last=True))
    out.append("}\n")
    with open(path + ".gloss.json", "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_span_study(name, documents):
    root = os.path.join(HERE, name)
    shutil.rmtree(root, ignore_errors=True)
    for doc_id, (text, language, sentences, copies) in documents.items():
        for annotator, (labelled, spans, relations) in copies.items():
            write_document_v2(os.path.join(root, annotator, doc_id), annotator.capitalize(), text, language,
                              sentences, labelled, spans, relations)


def main():
    write_study("study", STUDY)
    write_study("perfect", PERFECT)
    write_study("novariation", NOVARIATION)
    write_study("broken", BROKEN)
    write_span_study("spans", SPANS)
    write_span_study("nospans", NOSPANS)
    write_span_study("ties", TIES)


if __name__ == "__main__":
    main()
