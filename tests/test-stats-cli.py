#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gloss stats --format json|csv (issue 16): the statistics view's tables,
exact bytes, on German and English texts with spans (tests/data/export-spans)
and on annotators' copies (tests/data/agreement/study, whose figures gloss
agree prints too); the default output unchanged; the usage errors."""
import csv
import io
import json
import os
import subprocess
import sys
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))
os.environ.setdefault("GLOSS_LOCALEDIR", os.path.join(os.path.dirname(os.path.dirname(GLOSS)), "po"))
SRCDIR = os.path.dirname(os.path.abspath(__file__))
SPANS = os.path.join(SRCDIR, "data", "export-spans")
STUDY = os.path.join(SRCDIR, "data", "agreement", "study")


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, "stats", *args], capture_output=True, env=env, timeout=60)


class Stats(unittest.TestCase):
    def test_json(self):
        result = run("--format", "json", SPANS)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = result.stdout.decode("utf-8")
        self.assertTrue(text.startswith('{"documents": 3, "sentences": 11, "tables": [\n'
                                        '  {"id": "labels", "columns": ["count", "documents"], "rows": [\n'
                                        '    {"label": "claim", "count": 3, "documents": 3},\n'))
        data = json.loads(text)
        self.assertEqual([t["id"] for t in data["tables"]],
                         ["labels", "documents", "progress", "annotators", "cooccurrence"])
        tables = {t["id"]: t for t in data["tables"]}
        self.assertEqual(tables["progress"]["rows"][2],
                         {"document": "en/plain.txt", "sentences": 2, "annotated": 1, "progress": 0.5, "done": 0})
        self.assertEqual(tables["annotators"]["rows"][0],
                         {"annotator": "Ada", "documents": 1, "annotations": 0, "spans": 4, "sentences": 3,
                          "share": 0.2727, "done": 0, "done_share": 0.0})
        # The heat map's table is symmetric
        together = tables["cooccurrence"]
        for row in together["rows"]:
            for column in together["columns"]:
                other = next(r for r in together["rows"] if r["label"] == column)
                self.assertEqual(row[column], other[row["label"]])
        # The same numbers as the default report
        report = json.loads(run("--json", SPANS).stdout)
        for document in report["documents"]:
            row = next(r for r in tables["documents"]["rows"] if r["document"] == document["id"])
            for label, count in {**document["labels"], **document["spans"]}.items():
                self.assertEqual(row[label], count, (document["id"], label))
        self.assertEqual(run("--format", "json", SPANS).stdout, result.stdout)

    def test_csv(self):
        result = run("-f", "csv", SPANS)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.decode("utf-8"),
                         "label,count,documents\n"
                         "claim,3,3\n"
                         "quote,4,2\n"
                         "speaker,5,2\n"
                         "cue,4,2\n"
                         "frame,2,2\n"
                         "addressee,0,0\n")
        result = run("-f", "csv", "--table", "documents", SPANS)
        self.assertEqual(result.stdout.decode("utf-8"),
                         "document,claim,quote,speaker,cue,frame,addressee\n"
                         "de/interview.txt,1,2,3,2,1,0\n"
                         "en/briefing.txt,1,2,2,2,1,0\n"
                         "en/plain.txt,1,0,0,0,0,0\n")
        rows = list(csv.DictReader(io.StringIO(run("-f", "csv", "--table", "progress", SPANS).stdout.decode())))
        self.assertEqual([(r["document"], r["progress"]) for r in rows],
                         [("de/interview.txt", "0.2000"), ("en/briefing.txt", "0.2500"), ("en/plain.txt", "0.5000")])
        # No agreement without annotators' copies
        result = run("-f", "csv", "--table", "agreement", SPANS)
        self.assertEqual(result.returncode, 1)
        self.assertIn("annotators’ copies", result.stderr.decode())

    def test_agreement(self):
        result = run("-f", "csv", "--table", "agreement", STUDY)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.decode("utf-8"),
                         "label,kappa,alpha,units\n"
                         "claim,0.4690,0.4921,13\n"
                         "source,0.2503,0.3600,13\n"
                         "quote,1.0000,1.0000,13\n")
        # α as gloss agree computes it, κ the mean of its pairs' Cohen's κ
        agree = json.loads(subprocess.run([GLOSS, "agree", "--json", *(os.path.join(STUDY, n) for n in
                                                                        ("ada", "bea", "cem"))],
                                          capture_output=True).stdout)
        data = json.loads(run("-f", "json", STUDY).stdout)
        table = next(t for t in data["tables"] if t["id"] == "agreement")
        for row in table["rows"]:
            figures = agree["per_label"][row["label"]]
            kappas = [p["cohen_kappa"] for p in figures["pairs"] if p["cohen_kappa"] is not None]
            self.assertAlmostEqual(row["alpha"], figures["krippendorff_alpha"], places=4)
            self.assertAlmostEqual(row["kappa"], sum(kappas) / len(kappas), places=4)
            self.assertEqual(row["units"], figures["decisions"])

    def test_default_unchanged(self):
        result = run(SPANS)
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.decode().startswith("Document"))
        self.assertEqual(run("-f", "text", SPANS).stdout, result.stdout)

    def test_usage(self):
        for args in (["-f", "xml", SPANS], ["--json", "-f", "csv", SPANS], ["--table", "labels", SPANS],
                     ["-f", "csv", "--table", "nonesuch", SPANS]):
            result = run(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertEqual(result.stdout, b"", args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
