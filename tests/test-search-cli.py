#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gloss search (issue 16): JSON lines whose offsets are exact (the match,
left and right context are the text at their code point offsets, in
German and English texts with CR LF, „…“ and 😊), deterministic output,
the KWIC table, words and regular expressions, the label filters, and
the usage errors."""
import json
import os
import subprocess
import sys
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))
os.environ.setdefault("GLOSS_LOCALEDIR", os.path.join(os.path.dirname(os.path.dirname(GLOSS)), "po"))
SRCDIR = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(SRCDIR, "data", "export-spans")


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, "search", *args], capture_output=True, env=env, timeout=60)


def hits(*args):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(b"\n") or result.stdout == b""
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def text_of(document):
    with open(os.path.join(CORPUS, document), encoding="utf-8", newline="") as f:
        return f.read()


class Search(unittest.TestCase):
    def check_exact(self, found):
        for hit in found:
            text = text_of(hit["document"])
            start, end = hit["start"], hit["end"]
            self.assertEqual(text[start:end], hit["match"])
            self.assertEqual(text[start - len(hit["left"]):start], hit["left"])
            self.assertEqual(text[end:end + len(hit["right"])], hit["right"])
            if hit["sentence"] is not None:
                self.assertLessEqual(hit["sentence_start"], start)
                self.assertLess(start, hit["sentence_end"])
            self.assertEqual(list(hit), ["document", "sentence", "sentence_start", "sentence_end", "start", "end",
                                         "left", "match", "right", "labels", "spans"])

    def test_json_lines(self):
        result = run("said", CORPUS)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.decode("utf-8").splitlines()
        self.assertEqual(lines[0],
                         '{"document": "en/briefing.txt", "sentence": 1, "sentence_start": 30, "sentence_end": 115, '
                         '"start": 75, "end": 79, "left": " is a good day for cyclists,” the mayor ", '
                         '"match": "said", "right": " on Monday, “and for everyone else.”\\r\\nCr", "labels": [], '
                         '"spans": [{"id": 2, "label": "frame"}, {"id": 4, "label": "cue"}]}')
        found = [json.loads(line) for line in lines]
        self.check_exact(found)
        self.assertEqual([(h["document"], h["start"], h["labels"]) for h in found],
                         [("en/briefing.txt", 75, []), ("en/briefing.txt", 125, ["claim"]), ("en/plain.txt", 62, [])])
        # The same bytes every time
        self.assertEqual(run("said", CORPUS).stdout, result.stdout)

    def test_german_words(self):
        # Case, umlauts as typed, white space matching CR LF, after 😊
        found = hits("AUFHÖREN.“ der", CORPUS)
        self.check_exact(found)
        self.assertEqual([(h["document"], h["start"], h["match"]) for h in found],
                         [("de/interview.txt", 160, "aufhören.“\r\nDer")])
        self.assertEqual(hits("aufhoren", CORPUS), [])
        found = hits("scooter 😊", CORPUS)
        self.assertEqual([(h["start"], h["end"], h["sentence"]) for h in found], [(18, 27, 0)])
        # Whole words
        self.assertEqual(len(hits("Bürger", CORPUS)), 1)
        self.assertEqual(hits("-w", "Bürger", CORPUS), [])

    def test_regex(self):
        found = hits("--regex", r"(sagte|said)\s+\w+", CORPUS)
        self.check_exact(found)
        self.assertEqual([h["match"] for h in found], ["sagte Bürgermeisterin", "said on", "said the"])
        result = run("-r", "(sagte", CORPUS)
        self.assertEqual(result.returncode, 2)
        self.assertIn("“(sagte” is not a valid regular expression: missing terminating )", result.stderr.decode())
        self.assertEqual(result.stdout, b"")
        self.assertEqual(len(hits("--case-sensitive", "-r", "SAID", CORPUS)), 0)

    def test_filters(self):
        self.assertEqual([h["start"] for h in hits("said", "--in", "claim", CORPUS)], [125])
        self.assertEqual([h["start"] for h in hits("said", "--not-in", "claim", CORPUS)], [75, 62])
        # Inside a span of a label, not inside
        self.assertEqual([(h["document"], h["start"]) for h in hits("die", "--in", "quote", CORPUS)],
                         [("de/interview.txt", 43), ("de/interview.txt", 117), ("de/interview.txt", 201)])
        self.assertEqual([(h["document"], h["start"]) for h in hits("die", "--not-in", "quote", CORPUS)],
                         [("de/interview.txt", 106)])
        # Quotes without a frame, listed whole
        found = hits("--span", "quote", "--without", "frame", "", CORPUS)
        self.check_exact(found)
        self.assertEqual([(h["document"], h["match"]) for h in found],
                         [("de/interview.txt", "kritisierte die Pläne scharf"),
                          ("en/briefing.txt", "the plan was rushed. It ignores drivers")])
        # Every quote has a speaker
        self.assertEqual(hits("--span", "quote", "--without", "speaker", "", CORPUS), [])
        # A label no document has is most likely a typo
        result = run("said", "--in", "qoute", CORPUS)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, b"")
        self.assertIn("no document searched has the label “qoute”", result.stderr.decode())

    def test_text(self):
        result = run("-f", "text", "--width", "20", "said", CORPUS)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.decode("utf-8"),
                         "en/briefing.txt  1  yclists,” the mayor   said   on Monday, “and for  [frame #2, cue #4]\n"
                         "en/briefing.txt  2   one else.” Critics   said   the plan was rushed  [claim, cue #7]\n"
                         "en/plain.txt     1  g enough,” a driver   said   😊.\n")

    def test_width(self):
        found = hits("--width", "3", "Critics", CORPUS)
        self.assertEqual([(h["left"], h["right"]) for h in found], [("”\r\n", " sa")])
        self.assertEqual(hits("--width", "0", "Critics", CORPUS)[0]["left"], "")

    def test_usage(self):
        for args in (["said"], [], ["-f", "xml", "said", CORPUS], ["--without", "speaker", "x", CORPUS],
                     ["", CORPUS], ["--width", "-1", "x", CORPUS], ["said", os.path.join(CORPUS, "missing")]):
            result = run(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertEqual(result.stdout, b"", args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
