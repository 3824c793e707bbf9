#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gloss suggest PATH…` (without --print): suggestions written into the
annotation files as the member "suggestions", never as spans; run again,
they replace the pending ones and leave out what is annotated or was
rejected; they are not exported and not counted by `gloss stats`. The
fixtures (tests/data/suggest-flow/) are a German text with „…“ and an
English one, both with CR LF and 😊, and a project with the quotation
labels."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "suggest-flow")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")


def gloss(*args):
    return subprocess.run([GLOSS, *args], capture_output=True, env=ENV, encoding="utf-8")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def text_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


class SuggestFlow(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.dir = os.path.join(self.tmp, "corpus")
        os.mkdir(self.dir)
        for name in ("artikel.txt", "article.txt", "gloss-project.json"):
            shutil.copy(os.path.join(DATA, name), self.dir)
        self.de = os.path.join(self.dir, "artikel.txt")
        self.de_json = self.de + ".gloss.json"

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def suggest_json(self, *paths):
        result = gloss("suggest", "--json", *paths)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_written_as_suggestions(self):
        report = self.suggest_json(self.dir)
        self.assertEqual([os.path.basename(f["file"]) for f in report["files"]], ["article.txt", "artikel.txt"])
        for entry in report["files"]:
            self.assertTrue(entry["written"])
            self.assertIsNone(entry["error"])
            self.assertGreaterEqual(entry["suggestions"], 2)
            self.assertEqual(entry["left_out"], 0)
        data = load(self.de_json)
        text = text_of(self.de)
        self.assertEqual(data["version"], 2)
        self.assertEqual(data["spans"], [])
        self.assertEqual(data["relations"], [])
        self.assertEqual(list(data)[-1], "suggestions")
        suggestions = data["suggestions"]
        self.assertEqual(list(suggestions), ["spans", "relations", "rejected"])
        self.assertEqual(suggestions["rejected"], [])
        # Offsets are code points: the emoji and CR LF come before the quotes
        quotes = [s for s in suggestions["spans"] if s["label"] == "quote"]
        self.assertEqual([(q["parts"], q["text"]) for q in quotes][:2],
                         [([[27, 57]], ["Wir bauen die Brücke im Sommer"]),
                          ([[137, 160]], ["Das kostet zu viel Geld"])])
        for span in suggestions["spans"]:
            self.assertEqual(span["origin"], "suggested")
            self.assertEqual(span["suggester"], "gloss-suggest 1")
            for (start, end), part in zip(span["parts"], span["text"]):
                self.assertEqual(text[start:end], part)
        ids = {s["id"] for s in suggestions["spans"]}
        for relation in suggestions["relations"]:
            self.assertIn(relation["from"], ids)
            self.assertIn(relation["to"], ids)
        self.assertEqual(gloss("validate", self.de).returncode, 0)

    def test_text_report(self):
        result = gloss("suggest", self.de)
        self.assertEqual(result.returncode, 0, result.stderr)
        count = len([s for s in load(self.de_json)["suggestions"]["spans"] if s["label"] == "quote"])
        self.assertTrue(result.stdout.startswith("%s: %d suggestions (" % (self.de, count)), result.stdout)
        self.assertTrue(result.stdout.endswith("1 text: suggestions written: %d, left out: 0\n" % count), result.stdout)

    def test_again_leaves_out_annotated_and_rejected(self):
        self.suggest_json(self.de)
        data = load(self.de_json)
        spans = data["suggestions"]["spans"]
        first, second = [s for s in spans if s["label"] == "quote"][:2]
        n_quotes = len([s for s in spans if s["label"] == "quote"])
        # The first quote rejected, the second accepted as a span, as the
        # window writes them
        data["suggestions"]["rejected"] = [{"label": "quote", "parts": first["parts"]}]
        accepted = dict(second, id=1, origin="suggested")
        data["spans"] = [accepted]
        with open(self.de_json, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        self.assertEqual(gloss("validate", self.de).returncode, 0)

        report = self.suggest_json(self.de)
        self.assertEqual(report["suggestions"], n_quotes - 2)
        self.assertEqual(report["left_out"], 2)
        self.assertEqual(report["files"][0]["rejected"], 1)
        again = load(self.de_json)
        self.assertEqual(len(again["spans"]), 1)
        self.assertEqual(again["suggestions"]["rejected"], [{"label": "quote", "parts": first["parts"]}])
        left = [s["parts"] for s in again["suggestions"]["spans"] if s["label"] == "quote"]
        self.assertNotIn(first["parts"], left)
        self.assertNotIn(second["parts"], left)

    def test_not_exported_not_counted(self):
        self.suggest_json(self.dir)
        result = gloss("export", "-f", "documents-jsonl", "-o", "-", self.dir)
        self.assertEqual(result.returncode, 0, result.stderr)
        for line in result.stdout.splitlines():
            document = json.loads(line)
            self.assertNotIn("suggestions", document)
            self.assertEqual(document.get("spans", []), [])
            self.assertNotIn("suggested", line)
        stats = gloss("stats", "--json", self.dir)
        self.assertEqual(stats.returncode, 0, stats.stderr)
        self.assertNotIn('"quote": 1', stats.stdout)
        self.assertIn('"quote": 0', stats.stdout)

    def test_reanchor_drops_them(self):
        self.suggest_json(self.de)
        with open(self.de, "r+", encoding="utf-8", newline="") as f:
            text = f.read()
            f.seek(0)
            f.write("Neu. " + text)
        result = gloss("reanchor", self.de)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("suggestions", load(self.de_json))
        again = self.suggest_json(self.de)
        quotes = [s for s in load(self.de_json)["suggestions"]["spans"] if s["label"] == "quote"]
        self.assertEqual(again["suggestions"], len(quotes))
        self.assertEqual(quotes[0]["parts"], [[32, 62]])

    def test_without_quotation_labels(self):
        os.remove(os.path.join(self.dir, "gloss-project.json"))
        result = gloss("suggest", self.de)
        self.assertEqual(result.returncode, 1)
        self.assertIn("artikel.txt: the label set has no span labels quote, speaker and cue", result.stderr)
        self.assertFalse(os.path.exists(self.de_json))

    def test_print_and_json(self):
        result = gloss("suggest", "--print", "--json", self.de)
        self.assertEqual(result.returncode, 2)
        self.assertFalse(os.path.exists(self.de_json))

    def test_problems_left_alone(self):
        with open(self.de_json, "w", encoding="utf-8") as f:
            f.write("{}")
        result = gloss("suggest", self.de)
        self.assertEqual(result.returncode, 1)
        with open(self.de_json, encoding="utf-8") as f:
            self.assertEqual(f.read(), "{}")


if __name__ == "__main__":
    unittest.main()
