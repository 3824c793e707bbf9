#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Agreement on spans and relations computed apart from Gloss, from the
annotators' copies as they are on disk: each copy a folder of texts (.txt)
and their .gloss.json. Standard library only; no code of Gloss.

    agree-reference.py [-l LABEL]... COPY_A COPY_B [COPY...]

prints the `spans` and `relations` members that `gloss agree --json`
writes (see the man page, JSON REPORTS), with every figure as an exact
fraction turned into a float at the end. test-agree-spans.py compares them.

What it follows is the definition, not Gloss's algorithm:

- documents: the same relative path in two copies or more that hold an
  annotation file, with the same SHA-256 of the text's bytes;
- exact matches: Counter intersection of (label, parts) per pair;
- overlap matches: all pairs of spans of one label whose covered code
  points (as sets) have an intersection over union (a Fraction) of at
  least 1/2, taken greedily: largest first; ties by the first annotator's
  span (start of its first part, end of its last part, id), then the
  second's;
- relations: (label, matched from, matched to) Counter intersection;
- tokens: runs of letters and digits (Unicode L, N) with their combining
  marks (M), or one other character with its marks; white space, Cc and
  Cf are in no token; a token is in a span when the span covers one of
  its code points;
- Cohen's κ from each pair's 2×2 table, Fleiss' κ over the tokens all
  annotators decided, Krippendorff's α from the coincidence matrix,
  observed agreement as the share of agreeing pairs of decisions.
"""
import collections
import hashlib
import itertools
import json
import os
import sys
import unicodedata
from fractions import Fraction


# --- Reading the copies ------------------------------------------------------

def texts_of(root):
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".txt"):
                path = os.path.join(folder, name)
                found[os.path.relpath(path, root)] = path
    return found


def read_copy(path):
    """The text (without a BOM), its SHA-256 and the annotation file, or
    None without one"""
    json_path = path + ".gloss.json"
    if not os.path.exists(json_path):
        return None
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    with open(json_path, encoding="utf-8") as f:
        data = json.load(f)
    return {"text": text, "sha256": hashlib.sha256(raw).hexdigest(), "data": data}


def compared_documents(roots):
    """[(id, [copy or None per annotator])] of the documents compared, by id"""
    per_root = [texts_of(root) for root in roots]
    ids = sorted(set().union(*per_root), key=lambda i: i.encode("utf-8"))
    result = []
    for doc_id in ids:
        copies = [read_copy(found[doc_id]) if doc_id in found else None for found in per_root]
        present = [c for c in copies if c is not None]
        if len(present) < 2 or len({c["sha256"] for c in present}) > 1:
            continue
        result.append((doc_id, copies))
    return result


# --- Tokens ------------------------------------------------------------------

def kind(c):
    category = unicodedata.category(c)
    if category in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return "none"
    if category[0] in "LN":
        return "word"
    if category[0] == "M":
        return "mark"
    return "other"


def tokenize(text):
    tokens, start, open_kind = [], None, None
    for i, c in enumerate(text):
        k = kind(c)
        if (k == "mark" and open_kind) or (k == "word" and open_kind == "word"):
            continue
        if open_kind:
            tokens.append((start, i))
            open_kind = None
        if k == "none":
            continue
        start, open_kind = i, "other" if k == "other" else "word"
    if open_kind:
        tokens.append((start, len(text)))
    return tokens


# --- Coefficients, as fractions -----------------------------------------------

def ratio(a, b):
    return None if b == 0 else Fraction(a) / Fraction(b)


def prf(matched, only_a, only_b):
    return {"matched": matched, "only_a": only_a, "only_b": only_b,
            "precision": ratio(matched, matched + only_b), "recall": ratio(matched, matched + only_a),
            "f1": ratio(2 * matched, 2 * matched + only_a + only_b)}


def coefficients(units, names):
    """units: Counter of decision tuples (1, 0 or None per annotator)"""
    n = len(names)
    decided = {u: w for u, w in units.items() if sum(v is not None for v in u) >= 2}
    total = sum(decided.values())
    complete = {u: w for u, w in decided.items() if None not in u}

    pairs_all = sum(w * m * (m - 1) for u, w in decided.items() for m in [sum(v is not None for v in u)])
    agreeing = sum(w * (y * (y - 1) + o * (o - 1)) for u, w in decided.items()
                   for y, o in [(u.count(1), u.count(0))])
    observed = ratio(agreeing, pairs_all)

    # Fleiss: complete units only
    fleiss = None
    n_complete = sum(complete.values())
    if n_complete and n >= 2:
        p_yes = Fraction(sum(w * u.count(1) for u, w in complete.items()), n_complete * n)
        expected = p_yes ** 2 + (1 - p_yes) ** 2
        mean = Fraction(sum(w * (u.count(1) * (u.count(1) - 1) + u.count(0) * (u.count(0) - 1))
                            for u, w in complete.items()), n_complete * n * (n - 1))
        fleiss = None if expected == 1 else (mean - expected) / (1 - expected)

    # Krippendorff: the coincidence matrix
    o = collections.Counter()
    for u, w in decided.items():
        values = [v for v in u if v is not None]
        for i, j in itertools.permutations(range(len(values)), 2):
            o[values[i], values[j]] += Fraction(w, len(values) - 1)
    n_c = {c: sum(v for (x, _), v in o.items() if x == c) for c in (0, 1)}
    n_all = n_c[0] + n_c[1]
    disagree = o[0, 1] + o[1, 0]
    expected = 2 * n_c[0] * n_c[1]
    alpha = None if expected == 0 else 1 - (n_all - 1) * disagree / expected

    pairs = []
    for a, b in itertools.combinations(range(n), 2):
        table = collections.Counter()
        for u, w in units.items():
            if u[a] is not None and u[b] is not None:
                table[u[a], u[b]] += w
        size = sum(table.values())
        kappa = None
        if size:
            p_o = Fraction(table[1, 1] + table[0, 0], size)
            p_a = Fraction(table[1, 1] + table[1, 0], size)
            p_b = Fraction(table[1, 1] + table[0, 1], size)
            p_e = p_a * p_b + (1 - p_a) * (1 - p_b)
            kappa = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
        pairs.append({"annotators": [names[a], names[b]], "decisions": size, "observed": ratio(table[1, 1] + table[0, 0], size), "cohen_kappa": kappa,
                      "table": {"yes_yes": table[1, 1], "yes_no": table[1, 0], "no_yes": table[0, 1],
                                "no_no": table[0, 0]}})
    return {"decisions": total, "complete": n_complete, "observed": observed, "fleiss_kappa": fleiss,
            "krippendorff_alpha": alpha, "pairs": pairs}


# --- Matching ----------------------------------------------------------------

def covered(span):
    return {i for start, end in span["parts"] for i in range(start, end)}


def order_key(span):
    return (span["parts"][0][0], span["parts"][-1][1], span["id"])


def overlap_matches(spans_a, spans_b):
    """{id of a's span: id of b's span}, spans of one label"""
    candidates = []
    for x in spans_a:
        cx = covered(x)
        for y in spans_b:
            cy = covered(y)
            shared = len(cx & cy)
            if shared and Fraction(shared, len(cx | cy)) >= Fraction(1, 2):
                candidates.append((-Fraction(shared, len(cx | cy)), order_key(x), order_key(y), x["id"], y["id"]))
    candidates.sort()
    match, taken = {}, set()
    for _, _, _, x, y in candidates:
        if x not in match and y not in taken:
            match[x] = y
            taken.add(y)
    return match


# --- The report -----------------------------------------------------------------

def compute(roots, labels=None):
    n = len(roots)
    names = [os.path.basename(os.path.normpath(root)) for root in roots]
    documents = compared_documents(roots)
    span_labels, relation_labels = [], []
    for _, copies in documents:
        for copy in copies:
            if copy is None:
                continue
            data = copy["data"]
            for label in data["labels"]:
                if label.get("scope") == "span" and label["id"] not in span_labels:
                    span_labels.append(label["id"])
            for label in data.get("relation_labels", []):
                if label["id"] not in relation_labels:
                    relation_labels.append(label["id"])
            for span in data.get("spans", []):
                if span["label"] not in span_labels:
                    span_labels.append(span["label"])
            for relation in data.get("relations", []):
                if relation["label"] not in relation_labels:
                    relation_labels.append(relation["label"])
    if labels:
        span_labels = [l for l in dict.fromkeys(labels) if l in span_labels]
        relation_labels = [l for l in dict.fromkeys(labels) if l in relation_labels]

    pairs = list(itertools.combinations(range(n), 2))
    n_spans = {l: [0] * n for l in span_labels}
    n_relations = {l: [0] * n for l in relation_labels}
    exact = {l: {p: [0, 0, 0] for p in pairs} for l in span_labels}
    overlap = {l: {p: [0, 0, 0] for p in pairs} for l in span_labels}
    relations = {l: {p: [0, 0, 0] for p in pairs} for l in relation_labels}
    tokens = {l: collections.Counter() for l in span_labels}
    n_tokens = 0

    for _, copies in documents:
        text = next(c for c in copies if c is not None)["text"]
        spans = [c["data"].get("spans", []) if c else None for c in copies]
        links = [c["data"].get("relations", []) if c else None for c in copies]
        for a in range(n):
            for span in spans[a] or []:
                if span["label"] in n_spans:
                    n_spans[span["label"]][a] += 1
            for link in links[a] or []:
                if link["label"] in n_relations:
                    n_relations[link["label"]][a] += 1

        for a, b in pairs:
            if spans[a] is None or spans[b] is None:
                continue
            match = {}
            every_label = {s["label"] for s in spans[a] + spans[b]}
            for label in every_label:
                of_a = [s for s in spans[a] if s["label"] == label]
                of_b = [s for s in spans[b] if s["label"] == label]
                found = overlap_matches(of_a, of_b)
                match.update(found)
                if label not in exact:
                    continue
                same = sum((collections.Counter(tuple(map(tuple, s["parts"])) for s in of_a) &
                            collections.Counter(tuple(map(tuple, s["parts"])) for s in of_b)).values())
                for table, matched in ((exact, same), (overlap, len(found))):
                    counts = table[label][a, b]
                    counts[0] += matched
                    counts[1] += len(of_a) - matched
                    counts[2] += len(of_b) - matched
            mapped = collections.Counter((r["label"], match[r["from"]], match[r["to"]]) for r in links[a]
                                         if r["from"] in match and r["to"] in match)
            theirs = collections.Counter((r["label"], r["from"], r["to"]) for r in links[b])
            common = mapped & theirs
            for label in relation_labels:
                matched = sum(v for k, v in common.items() if k[0] == label)
                counts = relations[label][a, b]
                counts[0] += matched
                counts[1] += sum(1 for r in links[a] if r["label"] == label) - matched
                counts[2] += sum(1 for r in links[b] if r["label"] == label) - matched

        words = tokenize(text)
        n_tokens += len(words)
        for label in span_labels:
            inside = [set().union(*[covered(s) for s in spans[a] if s["label"] == label]) if spans[a] is not None
                      else None for a in range(n)]
            for start, end in words:
                tokens[label][tuple(None if inside[a] is None else
                                    int(any(i in inside[a] for i in range(start, end))) for a in range(n))] += 1

    def span_figures(labels_in):
        result = {"spans": [sum(n_spans[l][a] for l in labels_in) for a in range(n)], "pairs": []}
        for a, b in pairs:
            result["pairs"].append({
                "annotators": [names[a], names[b]],
                "exact": prf(*[sum(exact[l][a, b][k] for l in labels_in) for k in range(3)]),
                "overlap": prf(*[sum(overlap[l][a, b][k] for l in labels_in) for k in range(3)])})
        result["tokens"] = coefficients(sum((tokens[l] for l in labels_in), collections.Counter()), names)
        return result

    def relation_figures(labels_in):
        result = {"relations": [sum(n_relations[l][a] for l in labels_in) for a in range(n)], "pairs": []}
        for a, b in pairs:
            counts = [sum(relations[l][a, b][k] for l in labels_in) for k in range(3)]
            result["pairs"].append(dict({"annotators": [names[a], names[b]]}, **prf(*counts)))
        return result

    return {
        "spans": {"labels": span_labels, "tokens": n_tokens, "overall": span_figures(span_labels),
                  "per_label": {l: span_figures([l]) for l in span_labels}},
        "relations": {"labels": relation_labels, "overall": relation_figures(relation_labels),
                      "per_label": {l: relation_figures([l]) for l in relation_labels}},
    }


def as_json(value):
    if isinstance(value, Fraction):
        return float(value)
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def main(argv):
    labels, roots = [], []
    args = iter(argv)
    for arg in args:
        if arg in ("-l", "--label"):
            labels.append(next(args))
        else:
            roots.append(arg)
    print(json.dumps(as_json(compute(roots, labels or None)), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
