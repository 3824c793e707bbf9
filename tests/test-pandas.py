#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gloss export` and `gloss import` run as a researcher would, and the
exports read back with pandas (Debian's python3-pandas): rows, labels and
every span checked with Python's own code-point indexing. Skips (77)
without pandas, unless CI is set."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import pandas
except ImportError:
    if os.environ.get("CI"):
        raise
    print("pandas is not installed: skipped", file=sys.stderr)
    sys.exit(77)

GLOSS = os.path.abspath(sys.argv.pop(1))
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "export", "corpus")


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, *args], capture_output=True, env=env)


def read_text(root, doc_id):
    # newline="" keeps CRLF: offsets count both characters
    with open(os.path.join(root, doc_id), encoding="utf-8", newline="") as f:
        return f.read()


class Export(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gloss-pandas-")
        self.corpus = os.path.join(self.tmp, "corpus")
        shutil.copytree(CORPUS, self.corpus)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def export(self, fmt, *args, name=None):
        out = os.path.join(self.tmp, name or "export." + fmt)
        result = run("export", "--format", fmt, "-o", out, *args, self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return out

    def test_sentences_jsonl(self):
        path = self.export("sentences-jsonl", "--context", "1")
        frame = pandas.read_json(path, lines=True, dtype=False)
        self.assertEqual(len(frame), 14)
        self.assertEqual(list(frame.columns)[:10], ["document", "sentence", "index", "start", "end", "text",
                                                    "labels", "notes", "annotators", "language"])
        for row in frame.itertuples():
            text = read_text(self.corpus, row.document)
            self.assertEqual(text[row.start:row.end], row.text)
            self.assertEqual(len(row.labels), len(row.notes))
        labels = frame.explode("labels")["labels"].dropna().value_counts().to_dict()
        self.assertEqual(labels, {"claim": 5, "source": 4, "quote": 4})
        self.assertEqual(frame[frame.labels.str.len() == 0].shape[0], 5)
        first = frame[frame.document == "de/rathaus.txt"].iloc[1]
        self.assertEqual(first.labels, ["source", "quote"])
        self.assertEqual(first.context_before, ["Köln."])

    def test_documents_jsonl(self):
        path = self.export("documents-jsonl")
        frame = pandas.read_json(path, lines=True, dtype=False)
        self.assertEqual(list(frame.id), ["de/rathaus.txt", "de/sport/fussball.txt", "en/council.txt",
                                          "en/unannotated.txt"])
        self.assertEqual([len(a) for a in frame.annotations], [5, 2, 6, 0])
        for row in frame.itertuples():
            self.assertEqual(row.text, read_text(self.corpus, row.id))
            for a in row.annotations:
                self.assertEqual(row.text[a["start"]:a["end"]], a["text"])
        self.assertIn("\r\n", frame.text[0])

    def test_csv(self):
        path = self.export("csv")
        frame = pandas.read_csv(path, keep_default_na=False, encoding="utf-8")
        self.assertEqual(len(frame), 14)
        for row in frame.itertuples():
            self.assertEqual(read_text(self.corpus, row.document)[row.start:row.end], row.text)
        self.assertEqual(frame.labels[2], "claim;source")
        self.assertEqual(frame.notes[3], "quote: Zitat mit\nZeilenumbruch\tund Tab")

    def test_doccano_and_brat_spans(self):
        with open(self.export("doccano"), encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                text = read_text(self.corpus, doc["id"])
                self.assertEqual(doc["text"], text)
                # doccano's offsets count UTF-16 units, as its annotation view does
                self.assertEqual(doc["offsets"], "utf16")
                units = text.encode("utf-16-le")
                for start, end, label in doc["label"]:
                    span = units[2 * start:2 * end].decode("utf-16-le")
                    self.assertFalse(span.startswith(" ") or span.endswith(" "), span)
        brat = os.path.join(self.tmp, "brat")
        result = run("export", "-f", "brat", "-o", brat, self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(os.path.join(brat, "en", "council.ann"), encoding="utf-8") as f:
            lines = [l.rstrip("\n").split("\t") for l in f if l.startswith("T")]
        text = read_text(brat, "en/council.txt")
        for _, kind, span in lines:
            label, start, end = kind.split(" ")
            self.assertEqual(text[int(start):int(end)], span)

    def test_stdout_and_card(self):
        result = run("export", "-f", "doccano", self.corpus)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(len(result.stdout.decode().splitlines()), 4)
        self.export("json", "--card", name="data.json")
        with open(os.path.join(self.tmp, "README.md"), encoding="utf-8") as f:
            card = f.read()
        self.assertIn("| documents | 4 |", card)
        self.assertIn("| Bea | 2 |", card)
        self.assertEqual(run("export", "-f", "brat", self.corpus).returncode, 2)
        self.assertEqual(run("export", "-f", "nope", self.corpus).returncode, 2)

    def test_broken_files(self):
        with open(os.path.join(self.corpus, "en", "council.txt.gloss.json"), "w") as f:
            f.write("{ not json")
        path = os.path.join(self.tmp, "out.jsonl")
        result = run("export", "-f", "documents-jsonl", "-o", path, self.corpus)
        self.assertEqual(result.returncode, 1)
        self.assertIn("council.txt.gloss.json", result.stderr.decode())
        self.assertEqual(len(pandas.read_json(path, lines=True)), 3)
        result = run("export", "-f", "documents-jsonl", "--skip-invalid", "-o", path, self.corpus)
        self.assertEqual(result.returncode, 0)
        self.assertIn("council.txt.gloss.json", result.stderr.decode())

    def test_import_round_trip(self):
        first = self.export("documents-jsonl")
        into = os.path.join(self.tmp, "imported")
        result = run("import", "-f", "documents-jsonl", first, "--into", into)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        again = os.path.join(self.tmp, "again.jsonl")
        self.assertEqual(run("export", "-f", "documents-jsonl", "-o", again, into).returncode, 0)
        with open(first, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())
        # never overwritten without --force
        result = run("import", "-f", "documents-jsonl", first, "--into", into)
        self.assertEqual(result.returncode, 1)
        self.assertIn("exists already", result.stderr.decode())
        self.assertEqual(run("import", "-f", "documents-jsonl", first, "--into", into, "--force").returncode, 0)

    def test_import_refuses_escape(self):
        articles = os.path.join(self.tmp, "articles.jsonl")
        with open(articles, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "../../x", "text": "Hallo Welt."}) + "\n")
        into = os.path.join(self.tmp, "a", "b")
        result = run("import", "-f", "articles-jsonl", articles, "--into", into)
        self.assertEqual(result.returncode, 1)
        self.assertIn("leads out of the folder", result.stderr.decode())
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.txt")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
