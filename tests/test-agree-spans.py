#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gloss agree` on spans and relations, run as a user would.

- Without a span in any document, the report is byte for byte what it was
  before spans were compared (tests/data/agreement/expected/, written by
  the Gloss of main before it: `test-agree-spans.py --write-expected GLOSS`).
- On corpora of random spans and relations (three annotators, several
  documents, CR LF, 😊, parts, overlaps), every figure of `--json`'s
  `spans` and `relations` equals to 1e-9 what agree-reference.py computes
  on its own from the same copies' .gloss.json files.
"""
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True

GLOSS = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
SRCDIR = os.path.dirname(os.path.abspath(__file__))
AGREEMENT = os.path.join(SRCDIR, "data", "agreement")
EXPECTED = os.path.join(AGREEMENT, "expected")



def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reference = load_module("reference", os.path.join(SRCDIR, "agree-reference.py"))
# The writer of the fixtures' annotation files, version 2
fixtures = load_module("fixtures", os.path.join(AGREEMENT, "make-fixtures.py"))

# name: (study, arguments); each run in the study's folder, so that the
# annotators are named by their folders alone
GOLDEN = {
    "study": ("study", ["ada", "bea", "cem"]),
    "study-labels": ("study", ["-l", "quote", "-l", "claim", "-l", "rumour", "ada", "bea", "cem"]),
    "perfect": ("perfect", ["ada", "bea"]),
    "novariation": ("novariation", ["ada", "bea"]),
    "broken": ("broken", ["ada", "bea"]),
    "nospans": ("nospans", ["ada", "bea"]),
    "nospans-labels": ("nospans", ["-l", "quote", "-l", "claim", "-l", "speaker", "ada", "bea"]),
}


def run(gloss, *args, cwd=None):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([gloss, *args], capture_output=True, env=env, timeout=120, cwd=cwd)


def golden_runs(gloss):
    """Each case's text and JSON report, with its exit status first"""
    for name, (study, args) in GOLDEN.items():
        for suffix, extra in (("txt", []), ("json", ["--json"])):
            result = run(gloss, "agree", *extra, *args, cwd=os.path.join(AGREEMENT, study))
            yield f"{name}.{suffix}", b"exit %d\n" % result.returncode + result.stdout


def write_expected(gloss):
    os.makedirs(EXPECTED, exist_ok=True)
    for name, output in golden_runs(gloss):
        with open(os.path.join(EXPECTED, name), "wb") as f:
            f.write(output)


class WithoutSpans(unittest.TestCase):
    def test_byte_identical(self):
        """No document has a span: the report is the one of before"""
        for name, output in golden_runs(GLOSS):
            with self.subTest(name=name), open(os.path.join(EXPECTED, name), "rb") as f:
                self.assertEqual(output.decode(), f.read().decode())


# --- Random corpora ------------------------------------------------------------

SENTENCES = [
    "Der Bürgermeister sagte am Montag: „Die Brücke wird im März gesperrt.“",
    "„Das ist ein Schock 😊“, sagte eine Nachbarin.",
    "Laut Stadtverwaltung kostet die Sanierung 4,5 Millionen Euro.",
    "Die Grünen fordern eine Überprüfung der Zahlen, erklärte Zoe\u0301 Müller.",
    "Er sagte, das Projekt sei gut.",
    "Es koste wenig – so der Sprecher.",
    "“We will not raise taxes,” the mayor said.",
    "Fire crews were called twice this week, officials said 😊.",
    "Critics disagree: “It’s a mess.”",
    "According to the council, the repairs will cost $3.5 million.",
    "“Nobody objected,” she told reporters, “not one.”",
    "Anwohner äußerten sich besorgt\u00a0– „zu Recht“.",
]
SPAN_LABELS = ["quote", "speaker", "cue", "frame", "addressee"]


def make_text(rng):
    """CR LF between lines, a space between sentences of one line;
    returns the text and the sentences' [start, end)"""
    text, sentences = "", []
    for i in range(rng.randint(3, 7)):
        if i:
            text += rng.choice([" ", "\r\n", "\r\n\r\n"])
        sentence = rng.choice(SENTENCES)
        sentences.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text + "\r\n", sentences


def random_parts(rng, length, n_parts=None):
    """Ordered parts that do not overlap (they may touch)"""
    n_parts = n_parts or rng.choice([1, 1, 1, 2, 3])
    cuts = sorted(rng.sample(range(length + 1), 2 * n_parts))
    parts = [[cuts[2 * i], cuts[2 * i + 1]] for i in range(n_parts)]
    if rng.random() < 0.2 and n_parts > 1:
        parts[1][0] = parts[0][1]   # touching
    return [p for p in parts if p[0] < p[1]] or [[0, 1]]


def jitter(rng, parts, length):
    """The same span as another annotator might mark it: a boundary moved,
    a part dropped or split"""
    parts = [list(p) for p in parts]
    choice = rng.random()
    if choice < 0.3:
        i = rng.randrange(len(parts))
        lo = parts[i - 1][1] if i else 0
        parts[i][0] = max(lo, min(parts[i][1] - 1, parts[i][0] + rng.randint(-3, 3)))
    elif choice < 0.55:
        i = rng.randrange(len(parts))
        hi = parts[i + 1][0] if i + 1 < len(parts) else length
        parts[i][1] = min(hi, max(parts[i][0] + 1, parts[i][1] + rng.randint(-3, 3)))
    elif choice < 0.65 and len(parts) > 1:
        del parts[rng.randrange(len(parts))]
    elif choice < 0.75 and parts[0][1] - parts[0][0] > 4:
        middle = (parts[0][0] + parts[0][1]) // 2
        parts[0:1] = [[parts[0][0], middle - 1], [middle + 1, parts[0][1]]]
    return parts


def make_copies(rng, text, n):
    """Spans and relations of a shared truth, each annotator's with changes
    of their own: dropped, moved, extra, a second overlapping span"""
    truth = []
    for label in SPAN_LABELS[:-1] + ["addressee"] * (rng.random() < 0.5):
        for _ in range(rng.randint(0, 4)):
            truth.append((label, random_parts(rng, len(text))))
    copies = []
    for _ in range(n):
        spans = []
        for label, parts in truth:
            if rng.random() < 0.15:
                continue
            spans.append((label, parts if rng.random() < 0.5 else jitter(rng, parts, len(text))))
            if rng.random() < 0.08:
                spans.append((label, jitter(rng, parts, len(text))))
        for _ in range(rng.randint(0, 2)):
            spans.append((rng.choice(SPAN_LABELS), random_parts(rng, len(text))))
        quotes = [i for i, (label, _) in enumerate(spans) if label == "quote"]
        relations = []
        for i, (label, _) in enumerate(spans):
            if label in ("speaker", "cue", "frame", "addressee") and quotes and rng.random() < 0.8:
                relations.append((label, quotes[min(i, len(quotes) - 1) % len(quotes)], i))
        copies.append((spans, relations))
    return copies


def make_corpus(root, seed, names, n_documents=10):
    """Random documents in each annotator's copy, and the cases the
    comparison must leave out or treat as missing: a document the last
    annotator lacks, one whose text differs in her copy, one the second
    did not annotate, one without spans anywhere"""
    rng = random.Random(seed)
    n = len(names)
    for d in range(n_documents):
        doc_id = os.path.join(rng.choice(["de", "en"]), f"doc-{d:03}.txt")
        text, sentences = make_text(rng)
        copies = make_copies(rng, text, n) if d != 3 else [([], [])] * n
        for a, name in enumerate(names):
            if d == 1 and a == n - 1:
                continue
            if d == 2 and a == n - 1:
                text_a = text.replace("a", "ä", 1) if "a" in text else text + "x"
            else:
                text_a = text
            spans, relations = copies[a]
            claims = {i: ["claim"] for i in range(len(sentences)) if rng.random() < 0.3}
            fixtures.write_document_v2(os.path.join(root, name, doc_id), name.capitalize(), text_a, "de",
                                       [text_a[s:e] for s, e in sentences], claims, spans, relations)
            if d == 4 and a == 1:
                os.unlink(os.path.join(root, name, doc_id) + ".gloss.json")


def assert_same(test, ours, theirs, path="$"):
    if isinstance(ours, dict):
        test.assertEqual(sorted(ours), sorted(theirs), path)
        for key in ours:
            assert_same(test, ours[key], theirs[key], f"{path}.{key}")
    elif isinstance(ours, list):
        test.assertEqual(len(ours), len(theirs), path)
        for i, (x, y) in enumerate(zip(ours, theirs)):
            assert_same(test, x, y, f"{path}[{i}]")
    elif isinstance(ours, float) or isinstance(theirs, float):
        test.assertIsNotNone(ours, path)
        test.assertIsNotNone(theirs, path)
        test.assertAlmostEqual(ours, theirs, delta=1e-9, msg=path)
    else:
        test.assertEqual(ours, theirs, path)


class AgainstReference(unittest.TestCase):
    def compare(self, root, names, labels=()):
        args = [x for label in labels for x in ("-l", label)] + list(names)
        result = run(GLOSS, "agree", "--json", *args, cwd=root)
        self.assertEqual(result.returncode, 0, result.stderr)
        ours = json.loads(result.stdout)
        theirs = reference.as_json(reference.compute([os.path.join(root, name) for name in names],
                                                     list(labels) or None))
        assert_same(self, ours["spans"], theirs["spans"], "$.spans")
        assert_same(self, ours["relations"], theirs["relations"], "$.relations")
        return ours

    def test_random_corpora(self):
        """Figures of random spans and relations, three annotators"""
        names = ["ada", "bea", "cem"]
        for seed in range(1, 7):
            with self.subTest(seed=seed), tempfile.TemporaryDirectory() as root:
                make_corpus(root, seed, names)
                ours = self.compare(root, names)
                self.assertEqual(ours["documents"], {"total": 10, "compared": 9, "texts_differ": 1,
                                                     "too_few_copies": 0})
                # The corpus is not trivial: spans matched and missed
                overlap = ours["spans"]["overall"]["pairs"][0]["overlap"]
                self.assertGreater(overlap["matched"], 10)
                self.assertGreater(overlap["only_a"] + overlap["only_b"], 0)
                self.assertGreater(ours["relations"]["overall"]["pairs"][0]["matched"], 0)
                self.compare(root, names, ["cue", "quote", "speaker", "claim"])

    def test_two_annotators(self):
        names = ["ada", "bea"]
        with tempfile.TemporaryDirectory() as root:
            make_corpus(root, 11, names)
            self.compare(root, names)

    def test_fixture(self):
        """The corpus test-agreement.c works out by hand"""
        ours = self.compare(os.path.join(AGREEMENT, "spans"), ["ada", "bea"])
        self.assertEqual(ours["spans"]["per_label"]["quote"]["pairs"][0]["exact"],
                         {"matched": 1, "only_a": 2, "only_b": 3, "precision": 0.25, "recall": 1 / 3, "f1": 2 / 7})
        self.assertEqual(ours["labels"], ["claim"])
        self.assertIsNone(ours["spans"]["per_label"]["addressee"]["pairs"][0]["exact"]["precision"])
        ties = self.compare(os.path.join(AGREEMENT, "ties"), ["ada", "bea"])
        self.assertEqual(ties["spans"]["overall"]["pairs"][0]["overlap"]["matched"], 5)

    def test_text_report(self):
        """The text report has the sections, aligned, n/a for undefined"""
        result = run(GLOSS, "agree", "ada", "bea", cwd=os.path.join(AGREEMENT, "spans"))
        self.assertEqual(result.returncode, 0, result.stderr)
        report = result.stdout.decode()
        self.assertIn("Spans in the compared documents: A 10, B 10; tokens: 41\n", report)
        self.assertIn("quote            A–B   exact          1           2            3      0.250   0.333  0.286\n",
                      report)
        self.assertIn("addressee        A–B   overlap        0           1            0        n/a   0.000  0.000\n",
                      report)
        self.assertIn("cue              A–B       41     0.951    0.725      3       0       2       36\n", report)
        self.assertIn("All relation labels  A–B         4           3            1      0.800   0.571  0.667\n",
                      report)
        # Span labels are no sentence labels beside spans
        self.assertNotIn("\nquote       A–B           6", report)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write-expected":
        write_expected(os.path.abspath(sys.argv[2]))
        sys.exit(0)
    unittest.main(verbosity=2)
