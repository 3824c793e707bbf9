#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless commands, run as a user would: exit codes, output formats,
and offsets checked against Python's own code-point indexing."""
import json
import os
import pathlib
import re
import shutil
import socket
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


def run(*args, stdin=None, timeout=120, cwd=None):
    """A command that hangs (reading a named pipe, say) fails its test
    rather than the whole suite"""
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, *args], input=stdin, capture_output=True, env=env, timeout=timeout, cwd=cwd)


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
        self.assertEqual(files, set(names) - {"valid.txt.gloss.json", "valid-v2.txt.gloss.json"})

    def test_span_problems(self):
        """Span and relation problems, each with its JSON path"""
        for name, path, message in (
                ("span-text-differs", "$.spans[0].text[0]", "The text “Ja” differs from the text at [20, 24): “Nein”"),
                ("relation-wrong-labels", "$.relations[1]",
                 "The relation label “speaker” does not join a “utterance” span to a “cue” span")):
            result = run("validate", os.path.join(INVALID, name + ".txt.gloss.json"))
            self.assertEqual(result.returncode, 1)
            lines = result.stdout.decode().splitlines()
            self.assertEqual(len(lines), 1, lines)
            file_name, json_path, text = lines[0].split(": ", 2)
            self.assertTrue(file_name.endswith(name + ".txt.gloss.json"))
            self.assertEqual((json_path, text), (path, message))
        self.assertEqual(run("validate", os.path.join(INVALID, "valid-v2.txt")).returncode, 0)

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

    def test_spans(self):
        """Spans and relations per label, apart from the sentence labels"""
        result = run("stats", "--json", os.path.join(SRCDIR, "data", "spans"))
        self.assertEqual(result.returncode, 0, result.stderr)
        data = json.loads(result.stdout)
        de = next(d for d in data["documents"] if d["id"] == "de-zitate.txt")
        self.assertEqual(de["labels"], {"claim": 1})
        self.assertEqual(de["spans"], {"quote": 3, "speaker": 4, "cue": 3, "frame": 2, "addressee": 1})
        self.assertEqual(de["relations"], {"speaker": 3, "cue": 3, "frame": 2, "addressee": 1})
        self.assertEqual(data["total"]["spans"]["speaker"], 7)
        self.assertEqual(data["total"]["relations"]["speaker"], 6)

        lines = run("stats", os.path.join(SRCDIR, "data", "spans")).stdout.decode().splitlines()
        self.assertEqual(lines[0].split()[5:], ["claim", "quote", "speaker", "cue", "frame", "addressee",
                                                "→speaker", "→cue", "→frame", "→addressee"])
        self.assertEqual(lines[-1].split()[-10:], ["2", "6", "7", "6", "3", "2", "6", "6", "3", "2"])

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
    def make_changed_text(self, tmp):
        """An annotated text that then changes: a paragraph before it"""
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

        with open(doc, encoding="utf-8") as f:
            body = f.read()
        with open(doc, "w", encoding="utf-8") as f:
            f.write("Neu: ein Vorspann.\n\n" + body)
        self.assertEqual(run("validate", doc).returncode, 1)
        return doc

    def test_json(self):
        """--json: one document, the same bytes each time, nothing written
        with --dry-run; a file that cannot be read has its error"""
        with tempfile.TemporaryDirectory() as tmp:
            doc = self.make_changed_text(tmp)
            before = pathlib.Path(doc + ".gloss.json").read_bytes()
            first = run("reanchor", "--json", "-n", doc, cwd=tmp)
            self.assertEqual(first.returncode, 0, first.stderr)
            self.assertEqual(run("reanchor", "--json", "-n", doc, cwd=tmp).stdout, first.stdout)
            self.assertEqual(pathlib.Path(doc + ".gloss.json").read_bytes(), before)
            data = json.loads(first.stdout)
            self.assertTrue(data["dry_run"])
            (report,) = data["files"]
            self.assertEqual(report["file"], "corpus/a.txt")
            self.assertEqual((report["moved"], report["changed"], report["not_found"]), (1, 0, 0))
            self.assertEqual((report["written"], report["error"]), (False, None))
            (moved,) = report["sentences"]
            self.assertEqual(moved["status"], "moved")
            self.assertEqual(moved["was"], "Der Minister sagte „Nein“.")
            self.assertEqual(moved["new"][0] - moved["old"][0], len("Neu: ein Vorspann.\n\n"))

            result = run("reanchor", "--json", doc, os.path.join(tmp, "none.txt"), cwd=tmp)
            self.assertEqual(result.returncode, 1)
            written, missing = json.loads(result.stdout)["files"]
            self.assertTrue(written["written"])
            self.assertEqual(set(missing), {"file", "error"})
            self.assertEqual(run("validate", doc).returncode, 0)

    def test_changed_text(self):
        with tempfile.TemporaryDirectory() as tmp:
            doc = self.make_changed_text(tmp)

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

    def test_spans(self):
        """Spans placed part by part; the lost ones reported and kept as orphans"""
        with tempfile.TemporaryDirectory() as tmp:
            doc = os.path.join(tmp, "de-zitate.txt")
            shutil.copy(os.path.join(SPANS, "de-zitate.txt.gloss.json"), doc + ".gloss.json")
            with open(os.path.join(SPANS, "de-zitate.txt"), encoding="utf-8", newline="") as f:
                body = f.read()
            with open(doc, "w", encoding="utf-8", newline="") as f:
                f.write("Eilmeldung 🚨\r\n\r\n" + body.replace("Ab Januar", "Ab Februar")
                        .replace("Ein Sprecher erklärte", "Ein Sprecher des Vereins erklärte"))

            result = run("reanchor", doc)
            self.assertEqual(result.returncode, 0, result.stderr)
            out = result.stdout.decode()
            self.assertIn("de-zitate.txt: span 1 “quote” [44, 211) not found; it is kept as an orphan:\n"
                          "  was: Wir können die Kosten nicht länger tragen. Das tut uns leid … Ab Januar wird es teurer.\n",
                          out)
            self.assertIn("de-zitate.txt: relation 4 “addressee” from span 1 to span 6 lost a span; "
                          "it is kept as an orphan\n", out)
            self.assertIn("de-zitate.txt: span 13 “cue” [280, 288) found at [309, 317), apart from where the "
                          "text around it went; marked for review:\n  erklärte\n", out)
            self.assertTrue(out.endswith("de-zitate.txt: spans: 0 kept, 10 moved, 2 to review, 1 not found; "
                                         "relations: 4 not placed\n"), out)

            self.assertEqual(run("validate", doc).returncode, 0)
            data = json.loads(pathlib.Path(doc + ".gloss.json").read_text(encoding="utf-8"))
            with open(doc, encoding="utf-8", newline="") as f:
                new_text = f.read()
            self.assertEqual(len(data["spans"]), 12)
            for span in data["spans"]:
                self.assertEqual([new_text[s:e] for s, e in span["parts"]], span["text"])
            self.assertEqual([o["kind"] for o in data["orphans"]], ["span"] + ["relation"] * 4)

SPANS = os.path.join(SRCDIR, "data", "spans")
VALID = os.path.join(INVALID, "valid.txt")


def copy_valid(folder, name="valid.txt"):
    """A text with its annotation file, under another name (str or bytes)"""
    folder = os.fsencode(folder)
    name = os.fsencode(name)
    shutil.copy(os.fsencode(VALID), os.path.join(folder, name))
    shutil.copy(os.fsencode(VALID) + b".gloss.json", os.path.join(folder, name + b".gloss.json"))


class Suggest(unittest.TestCase):
    """gloss suggest --print (issue 14): valid documents-jsonl whose span
    texts are the text at their parts, in code points (CR LF, an emoji
    outside the BMP before a quote), and nothing written"""

    def test_print(self):
        texts = {
            "de.txt": "😊 Gestern war es ruhig.\r\nDer Sprecher sagte: „Alles ist gut.“\r\n"
                      "„Wir prüfen das“, sagte er, „und melden uns.“\r\n",
            "en.txt": "“We will rebuild the bridge,” the mayor said. Police said the driver had been drinking.\n",
        }
        with tempfile.TemporaryDirectory() as tmp:
            for name, text in texts.items():
                with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="") as f:
                    f.write(text)
            result = run("suggest", "--print", tmp)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(sorted(os.listdir(tmp)), ["de.txt", "en.txt"])
        lines = result.stdout.decode("utf-8").split("\n")
        self.assertEqual(lines[-1], "")
        docs = [json.loads(line) for line in lines[:-1]]
        self.assertEqual([d["id"] for d in docs], ["de.txt", "en.txt"])
        self.assertEqual([d["language"] for d in docs], ["de", "en"])
        span_keys = ["id", "label", "parts", "text", "attributes", "note", "annotator",
                     "created", "modified", "origin", "suggester"]
        relation_keys = ["id", "label", "from", "to", "note", "annotator", "created", "modified",
                         "origin", "suggester"]
        for doc in docs:
            self.assertEqual(list(doc), ["id", "language", "text", "spans", "relations"])
            self.assertEqual(doc["text"], texts[doc["id"]])
            ids = {s["id"] for s in doc["spans"]}
            for span in doc["spans"]:
                self.assertEqual(list(span), span_keys)
                self.assertEqual(span["origin"], "suggested")
                self.assertEqual([doc["text"][b:e] for b, e in span["parts"]], span["text"])
            for relation in doc["relations"]:
                self.assertEqual(list(relation), relation_keys)
                self.assertIn(relation["from"], ids)
                self.assertIn(relation["to"], ids)
        quotes = [(s["parts"], s["attributes"]) for s in docs[0]["spans"] if s["label"] == "quote"]
        self.assertEqual(quotes, [([[46, 60]], {"type": "direct"}),
                                  ([[64, 78], [92, 107]], {"type": "direct"})])
        quotes = [(s["text"], s["attributes"]) for s in docs[1]["spans"] if s["label"] == "quote"]
        self.assertEqual(quotes, [(["We will rebuild the bridge"], {"type": "direct"}),
                                  (["the driver had been drinking"], {"type": "indirect"})])
        self.assertEqual(sorted(r["label"] for r in docs[1]["relations"]), ["cue", "cue", "speaker", "speaker"])

    def test_print_with_json(self):
        # Without --print it writes (tests/test-suggest-flow.py); --json
        # reports what was written, so not with --print
        result = run("suggest", "--print", "--json", os.path.join(SRCDIR, "data"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("--print", result.stderr.decode())


class NonRegularFiles(unittest.TestCase):
    """A named pipe (or socket) named like a text, an annotation file or a
    project file: every command reports it, goes on, and exits 1; none
    waits for a writer that never comes"""
    TIMEOUT = 20

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.corpus = os.path.join(self.tmp, "corpus")
        os.mkdir(self.corpus)
        copy_valid(self.corpus, "good.txt")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def gloss(self, *args):
        return run(*args, timeout=self.TIMEOUT)

    def assert_reported(self, result, name, kind=b"named pipe"):
        self.assertEqual(result.returncode, 1, result.stderr + result.stdout)
        out = result.stderr + result.stdout
        self.assertIn(name.encode(), out)
        self.assertIn(b"not a regular file", out)
        self.assertIn(kind, out)

    def test_text(self):
        fifo = os.path.join(self.corpus, "fifo.txt")
        os.mkfifo(fifo)
        result = self.gloss("stats", "--json", self.corpus)
        self.assert_reported(result, "fifo.txt")
        self.assertEqual([d["id"] for d in json.loads(result.stdout)["documents"]], ["good.txt"])
        self.assert_reported(self.gloss("stats", fifo), "fifo.txt")
        result = self.gloss("export", "-f", "documents-jsonl", self.corpus)
        self.assert_reported(result, "fifo.txt")
        self.assertEqual(len(result.stdout.splitlines()), 1)
        self.assert_reported(self.gloss("segment", fifo), "fifo.txt")
        copy_valid(self.tmp, "other.txt")
        os.unlink(os.path.join(self.tmp, "other.txt"))
        os.mkfifo(os.path.join(self.tmp, "other.txt"))
        self.assert_reported(self.gloss("reanchor", os.path.join(self.tmp, "other.txt")), "other.txt")
        self.assert_reported(self.gloss("validate", os.path.join(self.tmp, "other.txt.gloss.json")), "other.txt")

    def test_annotation_file(self):
        fifo = os.path.join(self.corpus, "good.txt.gloss.json")
        os.unlink(fifo)
        os.mkfifo(fifo)
        for args in (["stats", self.corpus], ["export", "-f", "csv", self.corpus], ["validate", self.corpus],
                     ["validate", fifo], ["reanchor", os.path.join(self.corpus, "good.txt")]):
            with self.subTest(args=args):
                self.assert_reported(self.gloss(*args), "good.txt.gloss.json")

    def test_validate_folder(self):
        """A pipe is no annotation file checked: said apart, not as “1 of 0”"""
        os.mkfifo(os.path.join(self.corpus, "pipe.txt.gloss.json"))
        result = self.gloss("validate", self.corpus)
        self.assert_reported(result, "pipe.txt.gloss.json")
        self.assertNotIn(b"of 0", result.stderr)
        self.assertIn(b"1 file or folder could not be checked", result.stderr)

    def test_project_file(self):
        os.mkfifo(os.path.join(self.corpus, "gloss-project.json"))
        for args in (["stats", self.corpus], ["export", "-f", "json", self.corpus], ["validate", self.corpus],
                     ["reanchor", "--dry-run", os.path.join(self.corpus, "good.txt")]):
            with self.subTest(args=args):
                self.assert_reported(self.gloss(*args), "gloss-project.json")

    def test_agree(self):
        copies = []
        for name in ("ada", "bea"):
            copies.append(os.path.join(self.tmp, name))
            shutil.copytree(os.path.join(AGREEMENT, "perfect", name), copies[-1])
        os.mkfifo(os.path.join(copies[0], "pipe.txt"))
        self.assert_reported(self.gloss("agree", *copies), "pipe.txt")
        os.unlink(os.path.join(copies[1], "artikel.txt.gloss.json"))
        os.mkfifo(os.path.join(copies[1], "artikel.txt.gloss.json"))
        self.assert_reported(self.gloss("agree", "--json", *copies), "artikel.txt.gloss.json")

    def test_import(self):
        fifo = os.path.join(self.tmp, "in.jsonl")
        os.mkfifo(fifo)
        result = self.gloss("import", "-f", "doccano", fifo, "--into", os.path.join(self.tmp, "out"))
        self.assert_reported(result, "in.jsonl")
        brat = os.path.join(self.tmp, "brat")
        os.mkdir(brat)
        os.mkfifo(os.path.join(brat, "a.ann"))
        with open(os.path.join(brat, "b.ann"), "w") as f:
            f.write("T1\tquote 0 5\tErste\n")
        os.mkfifo(os.path.join(brat, "b.txt"))
        result = self.gloss("import", "-f", "brat", brat, "--into", os.path.join(self.tmp, "out"))
        self.assert_reported(result, "a.ann")
        self.assert_reported(result, "b.txt")
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")))

    def test_card_beside_a_pipe(self):
        """--card goes beside a regular output only: a pipe or a device has
        no folder of its own (-o /dev/null would put it into /dev)"""
        fifo = os.path.join(self.tmp, "pipe.jsonl")
        os.mkfifo(fifo)
        result = self.gloss("export", "-f", "documents-jsonl", "--card", "-o", fifo, self.corpus)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("“" + fifo + "” is a named pipe", result.stderr.decode())
        self.assertIn(b"give the export a regular file", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "README.md")))
        if os.geteuid() != 0:
            # Without the check root would write /dev/README.md: only tried
            # where it could not be written
            result = self.gloss("export", "-f", "documents-jsonl", "--card", "-o", "/dev/null", self.corpus)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn("“/dev/null” is a character device", result.stderr.decode())
        # A regular file still gets its card
        out = os.path.join(self.tmp, "out.jsonl")
        result = self.gloss("export", "-f", "documents-jsonl", "--card", "-o", out, self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.tmp, "README.md")))

    def test_socket(self):
        path = os.path.join(self.corpus, "socket.txt")
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path)
            self.assert_reported(self.gloss("stats", self.corpus), "socket.txt", b"socket")
            self.assert_reported(self.gloss("segment", path), "socket.txt", b"socket")

    def test_folder_as_annotation_file(self):
        os.unlink(os.path.join(self.corpus, "good.txt.gloss.json"))
        os.mkdir(os.path.join(self.corpus, "good.txt.gloss.json"))
        self.assert_reported(self.gloss("stats", self.corpus), "good.txt.gloss.json", b"folder")


# bytes FF FE: a file name that is not UTF-8 (as Latin-1 “ÿþ” would be)
RAW_NAME = b"\xff\xfe.txt"


class NonUtf8Names(unittest.TestCase):
    """Every export is UTF-8 whatever the file names; ids of names that are
    not are escaped, reversibly, and said so"""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.corpus = os.path.join(self.tmp, "corpus")
        os.mkdir(self.corpus)
        for name in (RAW_NAME, "plain.txt", "50%.txt", "a%41.txt"):
            copy_valid(self.corpus, name)

    def tearDown(self):
        shutil.rmtree(os.fsencode(self.tmp))

    def test_every_export_is_utf8(self):
        for fmt in ("sentences-jsonl", "documents-jsonl", "json", "doccano", "label-studio", "csv", "brat"):
            with self.subTest(format=fmt):
                out = os.path.join(self.tmp, "out-" + fmt)
                target = os.path.join(out, "data") if fmt != "brat" else out
                os.mkdir(out)
                result = run("export", "-f", fmt, "--card", "-o", target, self.corpus)
                self.assertEqual(result.returncode, 0, result.stderr)
                written = b""
                for root, _, names in os.walk(os.fsencode(out)):
                    for name in names:
                        name.decode("utf-8")
                        with open(os.path.join(root, name), "rb") as f:
                            written += f.read() + b"\n" + name + b"\n"
                text = written.decode("utf-8")
                self.assertIn("%FF%FE", text)
                self.assertIn("50%.txt" if fmt != "brat" else "50%.ann", text)
                self.assertIn("a%2541", text)
                stderr = result.stderr.decode("utf-8")
                self.assertIn("“%FF%FE.txt”", stderr)
                self.assertIn("“a%2541.txt”", stderr)
                self.assertNotIn("50%.txt", stderr)

    def test_round_trip(self):
        """An import gives the escaped ids their file names back"""
        for fmt in ("documents-jsonl", "brat"):
            with self.subTest(format=fmt):
                out = os.path.join(self.tmp, "export-" + fmt)
                self.assertEqual(run("export", "-f", fmt, "-o", out, self.corpus).returncode, 0)
                back = os.path.join(self.tmp, "back-" + fmt)
                result = run("import", "-f", fmt, out, "--into", back)
                self.assertEqual(result.returncode, 0, result.stderr)
                names = sorted(os.listdir(os.fsencode(back)))
                self.assertEqual([n for n in names if n.endswith(b".txt")],
                                 sorted([RAW_NAME, b"50%.txt", b"a%41.txt", b"plain.txt"]))
                with open(os.path.join(os.fsencode(back), RAW_NAME), "rb") as f:
                    self.assertEqual(f.read(), pathlib.Path(VALID).read_bytes())
                # The annotation file is UTF-8 and valid
                with open(os.path.join(os.fsencode(back), RAW_NAME + b".gloss.json"), "rb") as f:
                    annotation = f.read()
                self.assertEqual(json.loads(annotation.decode("utf-8"))["text"]["file"], "%FF%FE.txt")
                self.assertEqual(run("validate", back).returncode, 0)

    def test_ids_from_elsewhere_stay(self):
        """%20 in an id that Gloss did not escape is part of the name"""
        jsonl = os.path.join(self.tmp, "in.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "a%20b", "text": "Ein Satz.", "label": []}) + "\n")
        result = run("import", "-f", "doccano", jsonl, "--into", os.path.join(self.tmp, "in"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "in", "a%20b.txt")))

    def test_stats_and_agree_ids(self):
        result = run("stats", "--json", self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        ids = {d["id"] for d in json.loads(result.stdout.decode("utf-8"))["documents"]}
        self.assertIn("%FF%FE.txt", ids)
        result = run("agree", "--json", self.corpus, self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("%FF%FE.txt", result.stdout.decode("utf-8"))


LATIN = "Grüße aus Köln. „Wir prüfen das“, sagte sie.\n"


class Encoding(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_fallback_offered_only_for_legacy_bytes(self):
        for data in (b"Gr\xfc\xdfe aus K\xf6ln.", b"\x84Zitat\x93 \x96 mit 5 \x80."):
            with self.subTest(data=data):
                result = run("segment", "-", stdin=data)
                self.assertEqual(result.returncode, 1)
                self.assertIn(b"Windows-1252", result.stderr)
        # overlong, surrogate (CESU-8), beyond U+10FFFF, and a byte Windows-1252 lacks
        for data in (b"Ein \xc0\xaf Satz.", b"Ein \xe0\x80\xaf Satz.", b"Ein \xed\xa0\x80 Satz.",
                     b"Ein \xf4\x90\x80\x80 Satz.", b"Ein \x81 Satz."):
            with self.subTest(data=data):
                result = run("segment", "-", stdin=data)
                self.assertEqual(result.returncode, 1)
                self.assertIn(b"not valid UTF-8 at line 1, column 5", result.stderr)
                self.assertNotIn(b"Windows-1252", result.stderr)
                self.assertIn(b"damaged", result.stderr)

    def test_option(self):
        latin = self.write("corpus/latin.txt", LATIN.encode("cp1252"))
        self.write("corpus/utf8.txt", "Schöne Grüße. Noch ein Satz.".encode("utf-8"))
        spans = json.loads(run("segment", "--encoding", "windows-1252", latin).stdout)
        self.assertEqual([LATIN[s:e] for s, e in spans],
                         ["Grüße aus Köln.", "„Wir prüfen das“, sagte sie."])
        result = run("segment", "--encoding", "windows-1252", "-", stdin=LATIN.encode("cp1252"))
        self.assertEqual(json.loads(result.stdout), spans)
        self.assertEqual(run("segment", "--encoding", "utf-8", latin).returncode, 1)

        corpus = os.path.join(self.tmp, "corpus")
        self.assertEqual(run("stats", corpus).returncode, 1)
        result = run("stats", "--json", "--encoding", "windows-1252", corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run("export", "-f", "documents-jsonl", "--encoding", "WINDOWS-1252", corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        texts = {d["id"]: d["text"] for d in map(json.loads, result.stdout.splitlines())}
        # The UTF-8 text stays UTF-8: the option is for what is not
        self.assertEqual(texts, {"latin.txt": LATIN, "utf8.txt": "Schöne Grüße. Noch ein Satz."})

        for command in ("stats", "export -f csv", "segment", "validate", "reanchor"):
            with self.subTest(command=command):
                result = run(*command.split(), "--encoding", "koi8-r", latin)
                self.assertEqual(result.returncode, 2)
                self.assertIn(b"utf-8, windows-1252 or iso-8859-1", result.stderr)
            result = run(command.split()[0], "--help")
            self.assertIn(b"--encoding", result.stdout)

    def test_import_brat_validate_reanchor(self):
        brat = os.path.join(self.tmp, "brat")
        self.write("brat/latin.txt", LATIN.encode("cp1252"))
        self.write("brat/latin.ann", "T1\tquote 16 44\t„Wir prüfen das“, sagte sie.\n".encode("utf-8"))
        corpus = os.path.join(self.tmp, "corpus")
        result = run("import", "-f", "brat", brat, "--into", corpus)
        self.assertEqual(result.returncode, 1)
        result = run("import", "-f", "brat", "--encoding", "windows-1252", brat, "--into", corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        # Written as UTF-8, and valid
        self.assertEqual(pathlib.Path(corpus, "latin.txt").read_text(encoding="utf-8"), LATIN)
        self.assertEqual(run("validate", corpus).returncode, 0)
        self.assertEqual(run("import", "-f", "doccano", "--encoding", "windows-1252", brat,
                             "--into", corpus).returncode, 2)

        # The text is saved again, in Windows-1252, with a new first line
        doc = os.path.join(corpus, "latin.txt")
        self.write("corpus/latin.txt", ("Neu.\n" + LATIN).encode("cp1252"))
        self.assertEqual(run("reanchor", doc).returncode, 1)
        result = run("reanchor", "--encoding", "windows-1252", doc)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(run("validate", doc).returncode, 0)
        data = json.loads(pathlib.Path(doc + ".gloss.json").read_text(encoding="utf-8"))
        self.assertEqual(data["text"]["encoding"], "windows-1252")
        self.assertEqual(data["annotations"][0]["text"], "„Wir prüfen das“, sagte sie.")


class Messages(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(os.fsencode(self.tmp))

    def write_jsonl(self, records, name="in.jsonl"):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record) + "\n")
        return path

    def write_project(self, folder, labels):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "gloss-project.json"), "w", encoding="utf-8") as f:
            json.dump({"format": "gloss-project", "version": 1, "labels": labels}, f)

    def test_duplicate_id(self):
        jsonl = self.write_jsonl([{"id": "a", "text": "Eins.", "label": []},
                                  {"id": "a", "text": "Zwei.", "label": []}])
        out = os.path.join(self.tmp, "out")
        result = run("import", "-f", "doccano", jsonl, "--into", out)
        self.assertEqual(result.returncode, 1)
        self.assertNotIn(b"only the first", result.stderr)
        self.assertIn(b"line 2: The document id \xe2\x80\x9ca\xe2\x80\x9d is used a second time (first at line 1)",
                      result.stderr)
        self.assertIn(b"nothing was written", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_nul_in_id(self):
        out = os.path.join(self.tmp, "out")
        for fmt, record in (("doccano", {"id": "a\0b", "text": "Eins.", "label": []}),
                            ("documents-jsonl", {"id": "a\0b", "text": "Eins."})):
            with self.subTest(format=fmt):
                result = run("import", "-f", fmt, self.write_jsonl([record]), "--into", out)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertIn(b"NUL character (\\u0000) at line 1", result.stderr)
                self.assertFalse(os.path.exists(out))

    def test_nul_in_label_name(self):
        corpus = os.path.join(self.tmp, "corpus")
        self.write_project(corpus, [{"id": "claim", "name": "Cl\0aim"}])
        copy_valid(corpus)
        result = run("stats", corpus)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"gloss-project.json", result.stderr)
        self.assertIn(b"NUL character", result.stderr)

    def test_control_characters_escaped(self):
        jsonl = self.write_jsonl([{"id": "a", "text": "Ein Satz.", "label": [[0, 9, "\x1b[31mred\x07"]]}])
        result = run("import", "-f", "doccano", jsonl, "--into", os.path.join(self.tmp, "out"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"\\x1B[31mred\\x07", result.stderr)
        self.assertNotIn(b"\x1b", result.stderr)
        self.assertNotIn(b"\x07", result.stderr)

        corpus = os.path.join(self.tmp, "corpus")
        os.mkdir(corpus)
        with open(os.path.join(corpus, "esc\x1b]0;owned\x07.txt"), "wb") as f:
            f.write(b"Gr\xfc\xdfe.")
        for args in (["stats", corpus], ["export", "-f", "csv", corpus], ["segment", os.path.join(corpus, os.listdir(corpus)[0])]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 1)
                self.assertIn(b"esc\\x1B]0;owned\\x07.txt", result.stderr)
                self.assertNotIn(b"\x1b", result.stderr + result.stdout)

    def test_newline_in_name(self):
        corpus = os.path.join(self.tmp, "corpus")
        os.mkdir(corpus)
        copy_valid(corpus, "two\nlines.txt")
        result = run("stats", corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.decode().splitlines()
        self.assertEqual(len(lines), 3, lines)
        self.assertTrue(lines[1].startswith("two\\nlines.txt "))
        self.assertEqual(json.loads(run("stats", "--json", corpus).stdout)["documents"][0]["id"], "two\nlines.txt")

    def test_long_label_name(self):
        corpus = os.path.join(self.tmp, "corpus")
        self.write_project(corpus, [{"id": "claim", "name": "x" * 1_000_000}])
        copy_valid(corpus)
        result = run("stats", corpus)
        self.assertEqual(result.returncode, 1)
        self.assertLess(len(result.stderr), 1000, result.stderr[:300])
        self.assertIn(b"1000000 characters long", result.stderr)

        jsonl = self.write_jsonl([{"id": "a", "text": "Ein Satz.", "label": [[0, 9, "y" * 1_000_000]]}])
        result = run("import", "-f", "doccano", jsonl, "--into", os.path.join(self.tmp, "out"))
        self.assertEqual(result.returncode, 1)
        self.assertLess(len(result.stderr), 1000, result.stderr[:300])
        self.assertIn(b"Gloss accepts names of up to 200", result.stderr)

    def test_long_id(self):
        jsonl = self.write_jsonl([{"id": "z" * 100_000, "text": "Ein Satz.", "label": []}])
        result = run("import", "-f", "doccano", jsonl, "--into", os.path.join(self.tmp, "out"))
        self.assertEqual(result.returncode, 1)
        self.assertLess(len(result.stderr), 1000, result.stderr[:300])

    def test_too_many_labels(self):
        corpus = os.path.join(self.tmp, "corpus")
        self.write_project(corpus, [{"id": "l%d" % i} for i in range(10_001)])
        copy_valid(corpus)
        result = run("validate", corpus)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"The label set has 10001 labels; Gloss accepts at most 10000", result.stdout)

    def test_agree_nothing_compared(self):
        copies = [os.path.join(self.tmp, name) for name in ("ada", "bea")]
        for copy, name in zip(copies, ("eins.txt", "zwei.txt")):
            os.mkdir(copy)
            copy_valid(copy, name)
        result = run("agree", *copies)
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"no document was compared", result.stderr)
        self.assertIn(b"by fewer than two annotators", result.stderr)
        result = run("agree", "--json", os.path.join(self.tmp, "ada"), os.path.join(self.tmp, "ada"))
        self.assertEqual(result.returncode, 0, result.stderr)

# CR LF, „…“, 😊 (two UTF-16 units) and 👨‍👩‍👧 (five code points, eight UTF-16 units)
EMOJI_TEXT = ("Die Ministerin sagte: „Wir feiern 😊.“\r\n"
              "Die Familie 👨\u200d👩\u200d👧 kam später.\r\n"
              "„Das ist gut“, sagte er.\r\n")


def js_slice(text, start, end):
    """text.slice(start, end) as JavaScript, and so doccano's annotation
    view, reads it: the offsets count UTF-16 code units. Splitting the two
    units of one character fails (a lone surrogate does not decode)."""
    units = text.encode("utf-16-le")
    if not 0 <= start < end <= len(units) // 2:
        raise AssertionError("[%d, %d) is not within %d UTF-16 units" % (start, end, len(units) // 2))
    return units[2 * start:2 * end].decode("utf-16-le")


def utf16_offset(text, offset):
    """The UTF-16 unit at code point @offset"""
    return len(text[:offset].encode("utf-16-le")) // 2


class Datasets(unittest.TestCase):
    """Offsets as the tools read them, and nothing left out in silence"""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.corpus = os.path.join(self.tmp, "corpus")
        text = os.path.join(self.tmp, "artikel.txt")
        with open(text, "w", encoding="utf-8", newline="") as f:
            f.write(EMOJI_TEXT)
        self.sentences = json.loads(run("segment", "--lang", "de", text).stdout)
        self.assertEqual([EMOJI_TEXT[s:e] for s, e in self.sentences][2], "„Das ist gut“, sagte er.")
        # Two labels on the first sentence, one on each other, through
        # Gloss's own format, which counts code points
        labels = [{"id": i, "name": i.title(), "color": "#3584e4", "key": i[0], "description": ""}
                  for i in ("claim", "source", "quote")]
        annotations = []
        for n, (sentence, label) in enumerate(((0, "source"), (0, "quote"), (1, "claim"), (2, "quote"))):
            s, e = self.sentences[sentence]
            annotations.append({"id": n + 1, "label": label, "start": s, "end": e, "sentence": sentence,
                                "text": EMOJI_TEXT[s:e], "note": "", "annotator": "",
                                "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"})
        document = {"id": "de/artikel.txt", "language": "de", "done": False, "text": EMOJI_TEXT, "labels": labels,
                    "sentences": [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(self.sentences)],
                    "annotations": annotations}
        jsonl = os.path.join(self.tmp, "points.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            f.write(json.dumps(document) + "\n")
        result = run("import", "-f", "documents-jsonl", jsonl, "--into", self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def export(self, *args):
        out = os.path.join(self.tmp, "out", "doccano.jsonl")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        result = run("export", "-f", "doccano", "--card", "-o", out, *args, self.corpus)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        with open(os.path.join(self.tmp, "out", "README.md"), encoding="utf-8") as f:
            card = f.read()
        return result, out, lines, card

    def test_doccano_utf16(self):
        """Every span is its sentence as doccano's annotation view reads
        it, by default; the card, the standard error and --help say so"""
        result, out, (line,), card = self.export()
        self.assertEqual(line["text"], EMOJI_TEXT)
        self.assertEqual(line["offsets"], "utf16")
        expected = [EMOJI_TEXT[s:e] for s, e in self.sentences]
        self.assertEqual([js_slice(line["text"], s, e) for s, e, _ in line["label"]],
                         [expected[0], expected[0], expected[1], expected[2]])
        # In the order of the label set: claim, source, quote
        self.assertEqual([label for _, _, label in line["label"]], ["source", "quote", "claim", "quote"])
        # After 😊 and 👨‍👩‍👧 the units are ahead of the code points
        self.assertEqual(line["label"][3][:2], [utf16_offset(EMOJI_TEXT, self.sentences[2][0]),
                                                utf16_offset(EMOJI_TEXT, self.sentences[2][1])])
        self.assertEqual(line["label"][3][0] - self.sentences[2][0], 4)
        self.assertIn("Every offset counts UTF-16 code units", card)
        self.assertIn("*Allow overlapping spans*", card)
        self.assertIn("**1 sentence(s) of this export have more than one label**", card)
        stderr = result.stderr.decode()
        self.assertIn("gloss export: 1 sentence has more than one label: doccano keeps only one label of a span "
                      "unless its project was created with “Allow overlapping spans”", stderr)
        self.assertIn("gloss export: doccano has no place for ", stderr)
        self.assertIn("utf16", run("export", "--help").stdout.decode())

        # Read back as the file says, and written again the same
        back = os.path.join(self.tmp, "back")
        result = run("import", "-f", "doccano", out, "--into", back)
        self.assertEqual(result.returncode, 0, result.stderr)
        again = os.path.join(self.tmp, "again.jsonl")
        self.assertEqual(run("export", "-f", "doccano", "-o", again, back).returncode, 0)
        self.assertEqual(pathlib.Path(again).read_bytes(), pathlib.Path(out).read_bytes())

    def test_doccano_codepoints(self):
        result, out, (line,), card = self.export("--offsets", "codepoints")
        self.assertEqual(line["offsets"], "codepoints")
        self.assertEqual([line["text"][s:e] for s, e, _ in line["label"]][2:],
                         [EMOJI_TEXT[s:e] for s, e in self.sentences][1:])
        self.assertIn("Every offset counts Unicode code points", card)
        self.assertNotIn("Every offset counts UTF-16", card)

    def test_doccano_import_ambiguous(self):
        """A file doccano wrote (UTF-16 units, no "offsets") whose spans fit
        either reading, which differ, is refused with both readings"""
        s, e = self.sentences[1]
        jsonl = os.path.join(self.tmp, "ui.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": 7, "text": EMOJI_TEXT, "Comments": [],
                                "label": [[utf16_offset(EMOJI_TEXT, s), utf16_offset(EMOJI_TEXT, e), "claim"]]}) + "\n")
        into = os.path.join(self.tmp, "in")
        result = run("import", "-f", "doccano", jsonl, "--into", into)
        self.assertEqual(result.returncode, 1, result.stderr)
        stderr = result.stderr.decode()
        self.assertIn(jsonl + ": line 1: ", stderr)
        self.assertIn("[40, 72) is “Die Familie 👨\u200d👩\u200d👧 kam später.” read as UTF-16 units and "
                      "“ie Familie 👨\u200d👩\u200d👧 kam später.\\r\\n„D” read as code points", stderr)
        self.assertIn("--offsets utf16", stderr)
        self.assertFalse(os.path.exists(into))

        result = run("import", "-f", "doccano", "--offsets", "utf16", jsonl, "--into", into)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(into, "7.txt.gloss.json"), encoding="utf-8") as f:
            (annotation,) = json.load(f)["annotations"]
        self.assertEqual([annotation["start"], annotation["end"]], self.sentences[1])

    def test_usage(self):
        jsonl = os.path.join(self.tmp, "points.jsonl")
        # Accepted where they apply
        self.assertEqual(run("export", "-f", "doccano", "--offsets", "codepoints", self.corpus).returncode, 0)
        into = os.path.join(self.tmp, "x")
        self.assertEqual(run("export", "-f", "doccano", "--offsets", "bytes", self.corpus).returncode, 2)
        self.assertEqual(run("export", "-f", "csv", "--offsets", "utf16", self.corpus).returncode, 2)
        self.assertEqual(run("import", "-f", "doccano", "--offsets", "bytes", jsonl, "--into", into).returncode, 2)
        self.assertEqual(run("import", "-f", "brat", "--offsets", "utf16", self.tmp, "--into", into).returncode, 2)
        self.assertEqual(run("import", "-f", "doccano", "--label-config", jsonl, jsonl, "--into", into).returncode,
                         2)
        help_text = run("import", "--help").stdout.decode()
        for option in ("--offsets", "--strict", "--label-config"):
            self.assertIn(option, help_text)

    def test_dropped_and_strict(self):
        """What Gloss has no place for is said by kind, count and first
        line; --strict refuses it and writes nothing"""
        brat = os.path.join(self.tmp, "brat")
        os.mkdir(brat)
        with open(os.path.join(brat, "a.txt"), "w", encoding="utf-8") as f:
            f.write("Eins. Zwei.")
        with open(os.path.join(brat, "a.ann"), "w", encoding="utf-8") as f:
            f.write("T1\tclaim 0 5\tEins.\nT2\tsource 6 11\tZwei.\nR1\tSays Arg1:T1 Arg2:T2\n"
                    "R2\tCites Arg1:T2 Arg2:T1\nA1\tNegated T1\n")
        into = os.path.join(self.tmp, "in")
        result = run("import", "-f", "brat", brat, "--into", into)
        self.assertEqual(result.returncode, 0, result.stderr)
        stderr = result.stderr.decode()
        # claim and source label sentences: their relations and attributes have no place
        self.assertIn("a.ann: Left out, as Gloss has no place for them: 2 relations, such as "
                      "“Says T1 → T2”", stderr)
        self.assertIn("a.ann: Left out, as Gloss has no place for it: 1 attribute, such as "
                      "“Negated true”", stderr)
        self.assertTrue(os.path.exists(os.path.join(into, "a.txt.gloss.json")))

        strict = os.path.join(self.tmp, "strict")
        result = run("import", "-f", "brat", "--strict", brat, "--into", strict)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(b"2 relations", result.stderr)
        self.assertIn(b"--strict refuses that", result.stderr)
        self.assertFalse(os.path.exists(strict))

    def test_label_studio_config(self):
        """The labeling config names the field that holds the text"""
        s, e = self.sentences[2]
        tasks = [{"id": 3, "data": {"article": EMOJI_TEXT, "text": "Eine Überschrift."},
                  "annotations": [{"id": 9, "completed_by": 17, "result": [
                      {"id": "a", "type": "labels", "from_name": "label", "to_name": "body",
                       "value": {"start": s, "end": e, "text": EMOJI_TEXT[s:e], "labels": ["quote"]}}]}]}]
        path = os.path.join(self.tmp, "ls.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(tasks, f, ensure_ascii=False)
        config = os.path.join(self.tmp, "config.xml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('<View><Labels name="label" toName="body"><Label value="quote"/></Labels>'
                    '<Text name="body" value="$article"/></View>')
        into = os.path.join(self.tmp, "ls")
        result = run("import", "-f", "label-studio", "--label-config", config, path, "--into", into)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(pathlib.Path(into, "task-3.txt").read_bytes().decode(), EMOJI_TEXT)
        data = json.loads(pathlib.Path(into, "task-3.txt.gloss.json").read_text(encoding="utf-8"))
        self.assertEqual([(a["label"], a["annotator"]) for a in data["annotations"]], [("quote", "user 17")])
        self.assertEqual(data["meta"], {"text": "Eine Überschrift."})

    def test_label_studio_min_annotators(self):
        """JSON-MIN, a record per annotation as Label Studio's converter
        writes it; two annotators of one task stay apart, a folder each"""
        records = []
        for annotator, (s, e) in ((17, self.sentences[0]), ("bea@example.org", self.sentences[2])):
            records.append({"article": EMOJI_TEXT, "id": 3,
                            "label": [{"start": s, "end": e, "text": EMOJI_TEXT[s:e], "labels": ["Quote"]}],
                            "annotator": annotator, "annotation_id": 20, "created_at": "2024-01-30T02:40:43.893565Z",
                            "updated_at": "2024-01-30T02:40:43.893578Z", "lead_time": 8.65})
        path = os.path.join(self.tmp, "min.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(records, f, ensure_ascii=False, indent=2)
        into = os.path.join(self.tmp, "min")
        result = run("import", "-f", "label-studio", path, "--into", into)
        self.assertEqual(result.returncode, 0, result.stderr)
        for folder, annotator, sentence in (("user 17", "user 17", 0), ("bea@example.org", "bea@example.org", 2)):
            data = json.loads(pathlib.Path(into, folder, "task-3.txt.gloss.json").read_text(encoding="utf-8"))
            (annotation,) = data["annotations"]
            self.assertEqual((annotation["label"], annotation["annotator"]), ("quote", annotator))
            self.assertEqual([annotation["start"], annotation["end"]], self.sentences[sentence])
        self.assertEqual(run("agree", os.path.join(into, "user 17"), os.path.join(into, "bea@example.org")).returncode,
                         0)


def commands():
    """The commands `gloss --help` lists"""
    lines = run("--help").stdout.decode().splitlines()
    start = lines.index("Commands:") + 1
    names = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        names.append(line.split()[0])
    return names


def help_options(command):
    """{long name: short letter or None} of what `gloss COMMAND --help`
    shows, --help itself included"""
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    options = {}
    for line in result.stdout.decode().splitlines():
        m = re.match(r"^  (?:-(\w), )?--([\w-]+)(?:=\S+)?(?:\s|$)", line)
        if m:
            options[m.group(2)] = m.group(1)
    return options


def man_options():
    """{long name: (short letter or None, {commands})} of the table of
    options in the man page, read as tbl reads it: fields split by @,
    text blocks between T{ and T}"""
    with open(os.path.join(SRCDIR, os.pardir, "data", "gloss.1"), encoding="utf-8") as f:
        page = f.read()
    body = page.split("\n.TS\n", 1)[1].split("\n.TE\n", 1)[0].split("\n")
    while not body.pop(0).rstrip().endswith("."):
        pass
    rows, row, block = [], [], None

    def fields(rest):
        nonlocal block
        for field in rest.split("@"):
            if field == "T{":
                block = []
            else:
                row.append(field)

    for line in body:
        if block is not None:
            if not line.startswith("T}"):
                block.append(line)
                continue
            row.append(" ".join(block))
            block = None
            if line[2:].startswith("@"):
                fields(line[3:])
        elif line != "_":
            fields(line)
        if block is None and row:
            rows.append(row)
            row = []

    names = set(commands())
    table = {}
    for option, _, taken_by in rows[1:]:
        option = re.sub(r"\\f[BIPR]", "", option).replace("\\-", "-")
        m = re.match(r"^(?:-(\w), )?--([\w-]+)(?:=\S+)?$", option)
        assert m, option
        taken = {word for word in re.split(r"[ ,]+", taken_by) if word in names}
        if "every command" in taken_by:
            taken = set(names)
        table[m.group(2)] = (m.group(1), taken)
    return table


class Vocabulary(unittest.TestCase):
    """One command-line vocabulary (issue 11): --language everywhere, a
    short option means one thing, --json wherever a command reports"""

    def test_no_short_option_means_two_things(self):
        meaning = {}
        for command in commands():
            for long_name, short in help_options(command).items():
                if short is None:
                    continue
                meaning.setdefault(short, {}).setdefault(long_name, []).append(command)
        clashes = {short: longs for short, longs in meaning.items() if len(longs) > 1}
        self.assertEqual(clashes, {})
        self.assertEqual(meaning["l"], {"label": ["export", "agree"]})
        self.assertEqual(meaning["L"], {"language": ["segment", "import", "suggest"]})

    def test_man_page_lists_every_option_once(self):
        table = man_options()
        seen = {}
        for command in commands():
            for long_name, short in help_options(command).items():
                self.assertIn(long_name, table, f"the man page's table misses --{long_name} of {command}")
                self.assertEqual(table[long_name][0], short, f"--{long_name}")
                self.assertIn(command, table[long_name][1], f"the man page's table misses {command} for --{long_name}")
                seen.setdefault(long_name, set()).add(command)
        for long_name, (_, taken) in table.items():
            if long_name != "version":
                self.assertEqual(taken, seen.get(long_name, set()), f"--{long_name}")

    def test_language_aliases(self):
        text = "Er kam um 9 Uhr an. Sie ging.".encode()
        want = run("segment", "--language", "de", "-", stdin=text).stdout
        self.assertEqual(json.loads(want), [[0, 19], [20, 29]])
        for spelling in (["-L", "de"], ["--lang", "de"], ["--lang=de"]):
            result = run("segment", *spelling, "-", stdin=text)
            self.assertEqual((result.returncode, result.stdout), (0, want), spelling)
        self.assertEqual(run("segment", "-L", "auto", "-", stdin=text).stdout, want)
        self.assertNotIn(b"--lang=", run("segment", "--help").stdout)

        # -l is the label everywhere: segment says where the language went
        result = run("segment", "-l", "de", "-", stdin=text)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"--language", result.stderr)
        self.assertEqual(result.stdout, b"")

        with tempfile.TemporaryDirectory() as tmp:
            jsonl = os.path.join(tmp, "in.jsonl")
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "a", "text": "Yes. No."}) + "\n")
            for i, spelling in enumerate((["--language", "de"], ["-L", "de"], ["--lang", "de"])):
                into = os.path.join(tmp, str(i))
                result = run("import", "-f", "doccano", "--into", into, *spelling, jsonl)
                self.assertEqual(result.returncode, 0, result.stderr)
                with open(os.path.join(into, "a.txt.gloss.json"), encoding="utf-8") as f:
                    self.assertEqual(json.load(f)["language"], "de")
            self.assertEqual(run("import", "-f", "doccano", "--into", tmp, "-L", "fr", jsonl).returncode, 2)

    def test_validate_json(self):
        first = run("validate", "--json", INVALID, cwd=SRCDIR)
        self.assertEqual(first.returncode, 1)
        self.assertEqual(run("validate", "--json", INVALID, cwd=SRCDIR).stdout, first.stdout)
        data = json.loads(first.stdout)
        text = run("validate", INVALID, cwd=SRCDIR).stdout.decode().splitlines()
        # The same problems as the lines, in the same order
        self.assertEqual([f"{p['file']}: {p['path']}: {p['message']}" for p in data["problems"]], text)
        files = {f["file"]: f["valid"] for f in data["files"]}
        self.assertTrue(files["data/invalid/valid.txt.gloss.json"])
        self.assertFalse(files["data/invalid/text-differs.txt.gloss.json"])
        self.assertEqual(data["checked"], len(files))
        # valid.txt and valid-v2.txt (version 2, with spans) are the two valid ones
        self.assertTrue(files["data/invalid/valid-v2.txt.gloss.json"])
        self.assertEqual(data["invalid"], len(files) - 2)
        self.assertEqual(data["unchecked"], 0)

        result = run("validate", "--json", os.path.join(INVALID, "valid.txt.gloss.json"))
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout)["problems"], [])

    def test_import_and_export_json(self):
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = os.path.join(tmp, "in.jsonl")
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "a", "text": "Er kam. Sie ging.", "label": [[0, 7, "quote"]]}) + "\n")
                f.write(json.dumps({"id": "b", "text": "Er blieb.", "label": [[0, 3, "claim"]]}) + "\n")
            result = run("import", "--json", "-f", "doccano", "--into", "corpus", "in.jsonl", cwd=tmp)
            self.assertEqual(result.returncode, 0, result.stderr)
            data = json.loads(result.stdout)
            self.assertEqual(data["written"], True)
            self.assertEqual(data["documents"], [{"id": "a.txt", "file": "corpus/a.txt"},
                                                 {"id": "b.txt", "file": "corpus/b.txt"}])
            self.assertEqual(data["mapped"], 1)
            self.assertEqual((data["problems"], data["exist"], data["error"]), ([], [], None))

            again = run("import", "--json", "-f", "doccano", "--into", "corpus", "in.jsonl", cwd=tmp)
            self.assertEqual(again.returncode, 1)
            data = json.loads(again.stdout)
            self.assertFalse(data["written"])
            self.assertEqual(data["exist"], ["corpus/a.txt", "corpus/a.txt.gloss.json",
                                             "corpus/b.txt", "corpus/b.txt.gloss.json"])
            self.assertIsInstance(data["error"], str)

            with open(os.path.join(tmp, "corpus", "b.txt.gloss.json"), "w") as f:
                f.write("{")
            outputs = []
            for _ in range(2):
                result = run("export", "--json", "-f", "documents-jsonl", "-o", "out.jsonl", "corpus", cwd=tmp)
                self.assertEqual(result.returncode, 1)
                outputs.append(result.stdout)
            self.assertEqual(outputs[0], outputs[1])
            data = json.loads(outputs[0])
            self.assertEqual((data["format"], data["output"], data["written"]), ("documents-jsonl", "out.jsonl", True))
            self.assertEqual((data["texts"], data["documents"]), (2, 1))
            (left_out,) = data["left_out"]
            self.assertTrue(left_out["file"].endswith("corpus/b.txt.gloss.json"), left_out)
            self.assertIn(left_out["file"], result.stderr.decode())
            self.assertEqual((data["unreadable"], data["renamed"], data["error"]), ([], [], None))
            # The dataset goes to the file, the report to the standard output
            self.assertEqual(run("export", "--json", "-f", "doccano", "corpus", cwd=tmp).returncode, 2)


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
