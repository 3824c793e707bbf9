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
import subprocess
import sys
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
SRCDIR = os.path.dirname(os.path.abspath(__file__))
AGREEMENT = os.path.join(SRCDIR, "data", "agreement")
EXPECTED = os.path.join(AGREEMENT, "expected")

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


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write-expected":
        write_expected(os.path.abspath(sys.argv[2]))
        sys.exit(0)
    unittest.main(verbosity=2)
