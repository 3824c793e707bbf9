#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes three annotators' copies of a corpus with spans and relations,
for bench-agree.

    make-agree-corpus.py FOLDER [DOCUMENTS [SPANS [ANNOTATORS]]]

By default 150 documents and 3 annotators (FOLDER/ada, FOLDER/bea,
FOLDER/cem), each copy of a document with about SPANS (700) spans of the
quotation set (quotes in one to three parts, speakers, cues, frames,
addressees) and a relation from each speaker, cue, frame and addressee to
a quote. The copies share a truth from which each annotator strays: a
span left out, a boundary moved by a few characters, a part dropped, a
span of her own. The texts are German and English news sentences with CR
LF line ends, „…“ quotes and 😊; about 45 characters of text per span, 3,000 at
the least.
The same bytes on every run: the only randomness is random() with a fixed
seed. Prints what it wrote.
"""

import hashlib
import json
import os
import random
import re
import sys

SEED = 20261203
NAMES = ["ada", "bea", "cem", "dan", "eva", "fay"]
SENTENCES = [
    "Der Bürgermeister sagte am Montag: „Die Brücke wird im März gesperrt.“",
    "„Das ist ein Schock 😊“, sagte eine Nachbarin der Zeitung.",
    "Laut Stadtverwaltung kostet die Sanierung 4,5 Millionen Euro.",
    "Die Grünen fordern eine Überprüfung der Zahlen, erklärte ihre Sprecherin.",
    "Er sagte, das Projekt sei gut, es koste wenig und dauere nicht lange.",
    "“We will not raise taxes,” the mayor told reporters on Tuesday.",
    "Fire crews were called twice this week, officials said.",
    "Critics disagree: “It’s a mess, and everybody knows it.”",
    "According to the council, the repairs will cost $3.5 million.",
    "“Nobody objected,” she said, “not a single one of them.”",
]
QUOTATION = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "labels", "quotation.json")
TIME = "2026-12-01T10:00:00Z"
# Of every hundred spans
SHARES = [("quote", 30), ("speaker", 20), ("cue", 20), ("frame", 15), ("addressee", 15)]


def make_text(rng, n_spans):
    lines, length = [], 0
    while length < max(45 * n_spans, 3000):
        sentence = rng.choice(SENTENCES)
        lines.append(sentence)
        length += len(sentence) + 2
    text = "\r\n".join(lines) + "\r\n"
    sentences, offset = [], 0
    for line in lines:
        sentences.append((offset, offset + len(line)))
        offset += len(line) + 2
    return text, sentences


def truth_spans(rng, text, n_spans):
    words = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    spans = []
    for label, share in SHARES:
        for _ in range(n_spans * share // 100):
            size = rng.randint(4, 25) if label == "quote" else rng.randint(1, 6)
            first = rng.randrange(len(words) - size)
            start, end = words[first][0], words[first + size - 1][1]
            parts = [[start, end]]
            if label == "quote" and size > 8 and rng.random() < 0.3:
                cut = words[first + size // 2][0]
                parts = [[start, cut - 1], [cut + 3, end]] if cut + 3 < end and cut - 1 > start else parts
            spans.append((label, parts))
    return spans


def stray(rng, parts, length):
    parts = [list(p) for p in parts]
    i = rng.randrange(len(parts))
    if rng.random() < 0.5:
        lo = parts[i - 1][1] if i else 0
        parts[i][0] = max(lo, min(parts[i][1] - 1, parts[i][0] + rng.randint(-4, 4)))
    else:
        hi = parts[i + 1][0] if i + 1 < len(parts) else length
        parts[i][1] = min(hi, max(parts[i][0] + 1, parts[i][1] + rng.randint(-4, 4)))
    if len(parts) > 1 and rng.random() < 0.2:
        del parts[rng.randrange(len(parts))]
    return parts


def write_copy(path, annotator, text, sentences, spans, labels, relation_labels):
    raw = text.encode("utf-8")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(raw)
    order = {label["id"]: i for i, label in enumerate(labels)}
    info = {"note": "", "annotator": annotator, "created": TIME, "modified": TIME}
    objects = [dict({"id": i + 1, "label": label, "parts": parts, "text": [text[s:e] for s, e in parts],
                     "attributes": {}}, **info) for i, (label, parts) in enumerate(spans)]
    objects.sort(key=lambda s: (s["parts"][0][0], s["parts"][-1][1], order[s["label"]], s["id"]))
    # Each speaker, cue, frame and addressee to the quote that starts before it
    relations, last_quote = [], None
    for span in objects:
        if span["label"] == "quote":
            last_quote = span["id"]
        elif last_quote is not None:
            relations.append(dict({"id": len(relations) + 1, "label": span["label"], "from": last_quote,
                                   "to": span["id"]}, **info))
    out = ['{"format": "gloss", "version": 2, "text": %s, "language": "de", "done": false,\n'
           % json.dumps({"file": os.path.basename(path), "sha256": hashlib.sha256(raw).hexdigest(),
                         "length": len(text), "bom": False})]
    for name, items in (("labels", labels), ("relation_labels", relation_labels),
                        ("sentences", [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(sentences)]),
                        ("annotations", []), ("spans", objects), ("relations", relations)):
        body = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
        out.append('"%s": [%s%s]%s\n' % (name, "\n" if items else "", body, "" if name == "relations" else ","))
    out.append("}\n")
    with open(path + ".gloss.json", "w", encoding="utf-8") as f:
        f.write("".join(out))
    return len(objects), len(relations)


def main():
    folder = sys.argv[1]
    n_documents = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    n_spans = int(sys.argv[3]) if len(sys.argv) > 3 else 700
    n_annotators = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    rng = random.Random(SEED)
    with open(QUOTATION, encoding="utf-8") as f:
        quotation = json.load(f)
    labels, relation_labels = quotation["labels"], quotation["relation_labels"]
    total_spans = total_relations = total_chars = 0
    for d in range(n_documents):
        doc_id = os.path.join(f"{d % 10:02}", f"article-{d:04}.txt")
        text, sentences = make_text(rng, n_spans)
        total_chars += len(text)
        truth = truth_spans(rng, text, n_spans)
        for a in range(n_annotators):
            spans = []
            for label, parts in truth:
                chance = rng.random()
                if chance < 0.1:
                    continue
                spans.append((label, stray(rng, parts, len(text)) if chance < 0.4 else parts))
            n, r = write_copy(os.path.join(folder, NAMES[a], doc_id), NAMES[a].capitalize(), text, sentences, spans,
                              labels, relation_labels)
            total_spans += n
            total_relations += r
    print(f"{n_documents} documents, {n_annotators} annotators, {total_chars / 1e6:.1f} M characters a copy, "
          f"{total_spans} spans ({total_spans / n_documents / n_annotators:.0f} a copy), "
          f"{total_relations} relations")


if __name__ == "__main__":
    main()
