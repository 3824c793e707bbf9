#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless commands, run as a user would: exit codes, output formats,
and offsets checked against Python's own code-point indexing."""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))
# The catalogues of the build folder the binary is in
os.environ.setdefault("GLOSS_LOCALEDIR", os.path.join(os.path.dirname(os.path.dirname(GLOSS)), "po"))
SRCDIR = os.path.dirname(os.path.abspath(__file__))
INVALID = os.path.join(SRCDIR, "data", "invalid")

TEXT_DE = ("BERLIN taz | Die Ministerin sagte am 27. November: „Wir prüfen das.“\r\n"
           "Das Ergebnis 👍🏽 kommt z. B. im März.\r\n")


def run(*args, stdin=None):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, *args], input=stdin, capture_output=True, env=env)


class Segment(unittest.TestCase):
    def test_offsets_are_code_points(self):
        result = run("segment", "--lang", "de", "-", stdin=TEXT_DE.encode())
        self.assertEqual(result.returncode, 0, result.stderr)
        spans = json.loads(result.stdout)
        sentences = [TEXT_DE[s:e] for s, e in spans]
        self.assertEqual(sentences, [
            "BERLIN taz | Die Ministerin sagte am 27. November: „Wir prüfen das.“",
            "Das Ergebnis 👍🏽 kommt z. B. im März.",
        ])

    def test_lines(self):
        with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
            f.write(TEXT_DE.encode())
        try:
            result = run("segment", "--format", "lines", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.decode().splitlines()[1], "Das Ergebnis 👍🏽 kommt z. B. im März.")

    def test_invalid_utf8(self):
        result = run("segment", "-", stdin=b"Gr\xfc\xdfe aus K\xf6ln.\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"not valid UTF-8 at line 1, column 3", result.stderr)
        self.assertEqual(result.stdout, b"")

    def test_empty(self):
        result = run("segment", "-", stdin=b"")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout), [])

    def test_usage(self):
        self.assertEqual(run("segment").returncode, 2)
        self.assertEqual(run("segment", "--lang", "fr", "-").returncode, 2)
        self.assertEqual(run("segment", "--format", "xml", "-").returncode, 2)
        self.assertEqual(run("segment", "--bogus", "-").returncode, 2)
        self.assertEqual(run("segment", "/nonexistent/file.txt").returncode, 1)


class Validate(unittest.TestCase):
    def test_valid(self):
        result = run("validate", os.path.join(INVALID, "valid.txt.gloss.json"))
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertEqual(result.stdout, b"")

    def test_invalid_lines(self):
        path = os.path.join(INVALID, "text-differs.txt.gloss.json")
        result = run("validate", path)
        self.assertEqual(result.returncode, 1)
        line = result.stdout.decode().splitlines()[0]
        name, json_path, message = line.split(": ", 2)
        self.assertTrue(name.endswith("text-differs.txt.gloss.json"))
        self.assertEqual(json_path, "$.annotations[0]")
        self.assertIn("differs from the text", message)

    def test_folder(self):
        result = run("validate", INVALID)
        self.assertEqual(result.returncode, 1)
        files = {line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in result.stdout.decode().splitlines()}
        names = sorted(f for f in os.listdir(INVALID) if f.endswith(".gloss.json"))
        self.assertEqual(files, set(names) - {"valid.txt.gloss.json"})

    def test_missing_text(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(os.path.join(INVALID, "valid.txt.gloss.json"), os.path.join(tmp, "gone.txt.gloss.json"))
            result = run("validate", tmp)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"$.text.file: The text", result.stdout)

    def test_usage(self):
        self.assertEqual(run("validate").returncode, 2)
        self.assertEqual(run("validate", "/nonexistent").returncode, 2)


class Stats(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        os.mkdir(os.path.join(self.tmp, "de"))
        shutil.copy(os.path.join(INVALID, "valid.txt"), os.path.join(self.tmp, "de", "valid.txt"))
        shutil.copy(os.path.join(INVALID, "valid.txt.gloss.json"),
                    os.path.join(self.tmp, "de", "valid.txt.gloss.json"))
        with open(os.path.join(self.tmp, "new.txt"), "w", encoding="utf-8") as f:
            f.write("One sentence here. And a second one. A third!")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_json(self):
        result = run("stats", "--json", self.tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        docs = {d["id"]: d for d in data["documents"]}
        self.assertEqual(sorted(docs), ["de/valid.txt", "new.txt"])
        self.assertEqual(docs["de/valid.txt"]["sentences"], 2)
        self.assertEqual(docs["de/valid.txt"]["annotated"], 1)
        self.assertEqual(docs["de/valid.txt"]["labels"]["quote"], 1)
        self.assertAlmostEqual(docs["de/valid.txt"]["progress"], 0.5)
        self.assertEqual(docs["new.txt"]["sentences"], 3)
        self.assertEqual(docs["new.txt"]["annotated"], 0)
        self.assertEqual(data["total"]["documents"], 2)
        self.assertEqual(data["total"]["sentences"], 5)
        self.assertEqual(data["total"]["annotated"], 1)

    def test_text(self):
        result = run("stats", self.tmp)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.decode().splitlines()
        self.assertTrue(lines[0].startswith("Document"))
        self.assertTrue(lines[-1].startswith("Total (2 documents)"))
        self.assertIn("50 %", lines[1])

    def test_broken_text(self):
        with open(os.path.join(self.tmp, "latin1.txt"), "wb") as f:
            f.write("Grüße".encode("latin-1"))
        result = run("stats", "--json", self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"latin1.txt", result.stderr)
        self.assertEqual(len(json.loads(result.stdout)["documents"]), 2)


AGREEMENT = os.path.join(SRCDIR, "data", "agreement")


class Agree(unittest.TestCase):
    def test_perfect_json(self):
        folder = os.path.join(AGREEMENT, "perfect")
        result = run("agree", "--json", os.path.join(folder, "ada"), os.path.join(folder, "bea"))
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        self.assertEqual(json.dumps(data, sort_keys=True), json.dumps(json.loads(
            run("agree", "--json", os.path.join(folder, "ada"), os.path.join(folder, "bea")).stdout), sort_keys=True))
        self.assertIn(b"1.000000", result.stdout)

    def test_no_variation_is_null(self):
        folder = os.path.join(AGREEMENT, "novariation")
        copies = sorted(os.path.join(folder, d) for d in os.listdir(folder))
        result = run("agree", "--json", *copies)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"null", result.stdout)
        self.assertNotIn(b"NaN", result.stdout)
        self.assertNotIn(b"nan", result.stdout.lower().replace(b"annotat", b""))

    def test_usage(self):
        self.assertEqual(run("agree").returncode, 2)
        self.assertEqual(run("agree", os.path.join(AGREEMENT, "perfect", "ada")).returncode, 2)
        self.assertEqual(run("agree", "/nonexistent", "/nonexistent2").returncode, 2)


class Reanchor(unittest.TestCase):
    def test_changed_text(self):
        with tempfile.TemporaryDirectory() as tmp:
            text = os.path.join(tmp, "a.txt")
            with open(text, "w", encoding="utf-8") as f:
                f.write("Erster Satz hier. Der Minister sagte „Nein“. Letzter Satz.")
            segmented = json.loads(run("segment", "--lang", "de", text).stdout)
            self.assertEqual(len(segmented), 3)
            # Annotate the second sentence through an import of pre-annotations
            start, end = segmented[1]
            jsonl = os.path.join(tmp, "in.jsonl")
            with open(jsonl, "w", encoding="utf-8") as f:
                body = pathlib.Path(text).read_text(encoding="utf-8")
                f.write(json.dumps({"text": body, "label": [[start, end, "quote"]], "id": "a"}, ensure_ascii=False) + "\n")
            corpus = os.path.join(tmp, "corpus")
            result = run("import", "--format", "doccano", jsonl, "--into", corpus)
            self.assertEqual(result.returncode, 0, result.stderr)
            doc = os.path.join(corpus, "a.txt")
            self.assertTrue(os.path.exists(doc + ".gloss.json"))

            # The text changes: a paragraph before it
            with open(doc, encoding="utf-8") as f:
                body = f.read()
            with open(doc, "w", encoding="utf-8") as f:
                f.write("Neu: ein Vorspann.\n\n" + body)
            self.assertEqual(run("validate", doc).returncode, 1)

            before = pathlib.Path(doc + ".gloss.json").read_bytes()
            dry = run("reanchor", "--dry-run", doc)
            self.assertEqual(dry.returncode, 0, dry.stderr)
            self.assertIn(b"moved to [", dry.stdout)
            self.assertEqual(pathlib.Path(doc + ".gloss.json").read_bytes(), before)

            result = run("reanchor", doc)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(run("validate", doc).returncode, 0)
            data = json.loads(pathlib.Path(doc + ".gloss.json").read_text(encoding="utf-8"))
            new_text = pathlib.Path(doc).read_text(encoding="utf-8")
            (annotation,) = data["annotations"]
            self.assertEqual(annotation["text"], "Der Minister sagte „Nein“.")
            self.assertEqual(new_text[annotation["start"]:annotation["end"]], annotation["text"])


class Global(unittest.TestCase):
    def test_german(self):
        """The commands speak German where the locale is German (the
        catalogue from the build folder: GLOSS_LOCALEDIR)"""
        if subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().find("de_de.utf") < 0:
            if os.environ.get("CI"):
                self.fail("the de_DE.UTF-8 locale is missing")
            self.skipTest("no de_DE.UTF-8 locale")
        env = dict(os.environ, LANGUAGE="de", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
        result = subprocess.run([GLOSS, "--help"], capture_output=True, env=env)
        self.assertIn("Befehle:", result.stdout.decode())
        result = subprocess.run([GLOSS, "segment", "-"], input=b"Gr\xfc\xdfe", capture_output=True, env=env)
        self.assertEqual(result.returncode, 1)
        self.assertIn("kein gültiges UTF-8", result.stderr.decode())
        # JSON stays JSON: a decimal point, not the locale's comma
        result = subprocess.run([GLOSS, "stats", "--json", os.path.join(INVALID, "valid.txt")],
                                capture_output=True, env=env)
        self.assertEqual(json.loads(result.stdout)["documents"][0]["progress"], 0.5)

    def test_version(self):
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout.decode(), r"^gloss \d+\.\d+\.\d+\n$")

    def test_help(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        for command in ("segment", "validate", "stats"):
            self.assertIn(command.encode(), result.stdout)
        for command in ("segment", "validate", "stats"):
            result = run(command, "--help")
            self.assertEqual(result.returncode, 0)
            self.assertIn(b"Usage:", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
