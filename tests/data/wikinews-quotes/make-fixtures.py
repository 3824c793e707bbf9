#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the wikinews-quotes fixtures: articles written for Gloss's tests
in the file format of the German news quotation attribution dataset
(Petersen-Frey and Biemann, 2024), one JSON file per article. The texts are
our own; nothing here comes from the dataset.

The offsets are found in the text, so the files are exact: `charBegin` and
`charEnd` count code points (😊 is one), and each role's `text` is its
spans' texts joined by one space, in the order the spans are listed, as the
dataset writes them. Run it from anywhere:

    tests/data/wikinews-quotes/make-fixtures.py
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROLES = ("addressee", "cue", "frame", "quote", "speaker")

# One article: its name (the file name without .pretty.json or .json), the
# suffix, its text, and its quotations: type, medium and, per role, the
# spans as (words, n), the n-th occurrence of words in the text (from 0);
# a span may be listed out of text order, as the dataset sometimes does
ARTICLES = [
    ("1001 - Stadtrat streitet über „Radwege“ (2026-12-02)", ".pretty.json",
     "Der Stadtrat hat am Montag über neue Radwege gestritten.\r\n"
     "„Wir bauen 😊 zehn Kilometer bis 2027“, sagte Bürgermeisterin Anna Weber der Zeitung. "
     "„Das ist ein Anfang. Mehr geht nicht.“\r\n"
     "Fraktionschef Jonas Berg sagte, es fehle ein Plan, und schrieb später, die Kosten seien unklar.\r\n"
     "Berg schrieb, Weber habe ihm gesagt, „es gibt kein Geld“.\r\n"
     "Viele Bürger denken wohl, dass sich nichts ändert. Die Verwaltung äußerte sich nicht.\r\n",
     [
         # A quote in two parts, its second crossing a sentence boundary,
         # after an emoji outside the BMP
         ("Direct", "Speech", {
             "quote": [("„Wir bauen 😊 zehn Kilometer bis 2027“", 0),
                       ("„Das ist ein Anfang. Mehr geht nicht.“", 0)],
             "speaker": [("Bürgermeisterin Anna Weber", 0)],
             "cue": [("sagte", 0)],
             "frame": [("sagte Bürgermeisterin Anna Weber der Zeitung", 0)],
             "addressee": [("der Zeitung", 0)]}),
         # Two quotations of one speaker: the same speaker span twice
         ("Indirect", "Speech", {
             "quote": [("es fehle ein Plan", 0)],
             "speaker": [("Fraktionschef Jonas Berg", 0)],
             "cue": [("sagte", 1)],
             "frame": [("Fraktionschef Jonas Berg sagte", 0)]}),
         # A frame in two parts, listed out of order
         ("Indirect", "Writing", {
             "quote": [("die Kosten seien unklar", 0)],
             "speaker": [("Fraktionschef Jonas Berg", 0)],
             "cue": [("schrieb", 0)],
             "frame": [("schrieb später", 0), ("Fraktionschef Jonas Berg", 0)]}),
         # A quote with a quote inside it (nested)
         ("Indirect", "SW", {
             "quote": [("Weber habe ihm gesagt, „es gibt kein Geld“", 0)],
             "speaker": [("Berg", 1)],
             "cue": [("schrieb", 1)],
             "frame": [("Berg schrieb", 0)]}),
         ("Direct", "Speech", {
             "quote": [("„es gibt kein Geld“", 0)],
             "speaker": [("Weber", 1)],
             "cue": [("gesagt", 0)],
             "frame": [("Weber habe ihm gesagt", 0)],
             "addressee": [("ihm", 0)]}),
         ("FreeIndirect", "Thought", {
             "quote": [("dass sich nichts ändert", 0)],
             "speaker": [("Viele Bürger", 0)],
             "cue": [("denken", 0)]}),
         # Every role but the quote empty, and no medium
         ("Reported", "none", {
             "quote": [("äußerte sich nicht", 0)]}),
         # No quote at all: left out, and said so
         ("Reported", "Speech", {
             "speaker": [("Die Verwaltung", 0)]}),
     ]),
    ("en-council", ".json",
     'The mayor said: "We will check it." 😊 Nobody agreed.\n'
     'According to the council, the budget is tight. "It is," she wrote, "a hard year."\n'
     "Residents wondered and wrote to the paper whether anyone listened.\n",
     [
         ("Direct", "Speech", {
             "quote": [('"We will check it."', 0)],
             "speaker": [("The mayor", 0)],
             "cue": [("said", 0)],
             "frame": [("The mayor said", 0)]}),
         ("IndirectFreeIndirect", "Writing", {
             "quote": [("the budget is tight", 0)],
             "speaker": [("the council", 0)],
             "cue": [("According to", 0)],
             "frame": [("According to the council", 0)]}),
         ("Direct", "Writing", {
             "quote": [('"It is,"', 0), ('"a hard year."', 0)],
             "speaker": [("she", 0)],
             "cue": [("wrote", 0)],
             "frame": [("she wrote", 0)]}),
         ("Reported", "TW", {
             "quote": [("whether anyone listened", 0)],
             "speaker": [("Residents", 0)],
             "cue": [("wondered", 0), ("wrote", 1)],
             "addressee": [("the paper", 0)]}),
         ("Indirect", "ST", {
             "quote": [("anyone listened", 0)],
             "speaker": [("Residents", 0)],
             "cue": [("wondered", 0)]}),
     ]),
]


def find(text, words, n):
    at = -1
    for _ in range(n + 1):
        at = text.index(words, at + 1)
    return at, at + len(words)


def tokenize(text):
    """Words and punctuation, as (start, end); a stand-in for the dataset's
    tokenizer, which the fixtures only need for the token ids"""
    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def tokens_in(tokens, start, end):
    ids = [i for i, (s, e) in enumerate(tokens) if s >= start and e <= end]
    assert ids, (start, end)
    assert tokens[ids[0]][0] == start and tokens[ids[-1]][1] == end, (start, end)
    return ids


def sentences(text, tokens):
    """Sentences as the dataset's splitter makes them: after . ! ? and
    after a colon (with a closing quotation mark that follows), each with
    the white space after it"""
    ends, i = [], 0
    while i < len(tokens):
        s, e = tokens[i]
        if text[s:e] in (".", "!", "?", ":"):
            while i + 1 < len(tokens) and text[tokens[i + 1][0]] in "“\"" and tokens[i + 1][0] == tokens[i][1]:
                i += 1
            ends.append(i + 1)
        i += 1
    if not ends or ends[-1] != len(tokens):
        ends.append(len(tokens))
    out, first = [], 0
    for n, last in enumerate(ends):
        start = tokens[first][0]
        end = tokens[last][0] if last < len(tokens) else len(text)
        out.append({"begin": first, "charBegin": start, "charEnd": end, "end": last, "id": n,
                    "text": text[start:end], "tokenIds": list(range(first, last)),
                    "tokens": [text[s:e] for s, e in tokens[first:last]]})
        first = last
    return out


def article(text, quotations):
    tokens = tokenize(text)
    annotations = []
    for number, (kind, medium, roles) in enumerate(quotations):
        annotation = {}
        for role in ROLES:
            spans, ids, texts = [], [], []
            for words, n in roles.get(role, []):
                start, end = find(text, words, n)
                span_ids = tokens_in(tokens, start, end)
                spans.append({"begin": span_ids[0], "charBegin": start, "charEnd": end,
                              "end": span_ids[-1] + 1})
                ids += span_ids
                texts.append(text[start:end])
            annotation[role] = {"spans": spans, "text": " ".join(texts), "tokenIds": ids}
        annotation["id"] = number
        annotation["type"] = kind
        annotation["medium"] = medium
        annotations.append(annotation)

    # Nested as the dataset marks it: a quote whose characters another
    # quotation's quote holds all of (isNested), or holds all of another's
    def chars(annotation):
        return {i for s in annotation["quote"]["spans"] for i in range(s["charBegin"], s["charEnd"])}

    for a in annotations:
        others = [o for o in annotations if o is not a and chars(o)]
        a["isNested"] = bool(chars(a)) and any(chars(a) <= chars(o) for o in others)
        a["hasNested"] = bool(chars(a)) and any(chars(o) <= chars(a) for o in others)

    return tokens, annotations


def main():
    for name, suffix, text, quotations in ARTICLES:
        tokens, annotations = article(text, quotations)
        data = {
            "annotations": [{k: a[k] for k in sorted(a)} for a in annotations],
            "documentName": name,
            "originalText": text,
            "sentences": sentences(text, tokens),
            "tokens": [{"charBegin": s, "charEnd": e, "id": i, "text": text[s:e]}
                       for i, (s, e) in enumerate(tokens)],
        }
        with open(os.path.join(HERE, name + suffix), "w", encoding="utf-8", newline="\n") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
