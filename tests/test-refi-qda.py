#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The REFI-QDA exports and the codebook (issue 16), through the commands:

- `gloss export -f qdpx` of tests/data/export-spans (German and English,
  „…“, CR LF, 😊 outside the BMP, a quote in two parts, relations, notes,
  two annotators): the ZIP read with Python's zipfile (stored entries,
  CRCs), `project.qde` validated against the published schema
  (tests/data/refi-qda/Project-mrt2019.xsd) with xmllint, and every coded
  selection's text compared with the annotation file's text at its
  positions in the source written (CR LF as LF, code points);
- `gloss codebook export` of tests/data/codebook: the `.qdc` validated
  against Codebook.xsd, Markdown and HTML compared byte for byte with
  tests/data/codebook/expected.*, with what each must escape.

Without xmllint (Debian's libxml2-utils) the schema checks skip, unless CI
is set."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import uuid
import xml.etree.ElementTree as ET
import zipfile

GLOSS = os.path.abspath(sys.argv.pop(1))
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "data", "export-spans")
CODEBOOK = os.path.join(HERE, "data", "codebook")
SCHEMAS = os.path.join(HERE, "data", "refi-qda")
DOCUMENTS = ["de/interview.txt", "en/briefing.txt", "en/plain.txt"]
NS = {"q": "urn:QDA-XML:project:1.0", "c": "urn:QDA-XML:codebook:1.0"}
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
XMLLINT = shutil.which("xmllint")


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, *args], capture_output=True, env=env)


def read_file(doc_id):
    with open(os.path.join(CORPUS, doc_id + ".gloss.json"), encoding="utf-8") as f:
        return json.load(f)


def read_text(doc_id):
    # newline="" keeps CR LF: Gloss's offsets count both characters
    with open(os.path.join(CORPUS, doc_id), encoding="utf-8", newline="") as f:
        return f.read()


def validate(test, path, schema):
    if XMLLINT is None:
        if os.environ.get("CI"):
            test.fail("xmllint (libxml2-utils) is missing")
        test.skipTest("xmllint (libxml2-utils) is not installed")
    result = subprocess.run([XMLLINT, "--noout", "--schema", os.path.join(SCHEMAS, schema), path],
                            capture_output=True)
    test.assertEqual(result.returncode, 0, result.stderr.decode())


class Qdpx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gloss-qdpx-")
        cls.path = os.path.join(cls.tmp, "corpus.qdpx")
        result = run("export", "-f", "qdpx", "-o", cls.path, CORPUS)
        assert result.returncode == 0, result.stderr.decode()
        cls.stderr = result.stderr.decode()
        with open(cls.path, "rb") as f:
            cls.data = f.read()
        cls.zip = zipfile.ZipFile(cls.path)
        cls.qde = cls.zip.read("project.qde")
        cls.root = ET.fromstring(cls.qde)

    @classmethod
    def tearDownClass(cls):
        cls.zip.close()
        shutil.rmtree(cls.tmp)

    def test_archive(self):
        self.assertIsNone(self.zip.testzip())
        names = self.zip.namelist()
        self.assertEqual(names[-1], "project.qde")
        self.assertEqual(len(names), len(DOCUMENTS) + 1)
        for info in self.zip.infolist():
            self.assertEqual(info.compress_type, zipfile.ZIP_STORED)
            self.assertEqual(info.date_time, (1980, 1, 1, 0, 0, 0))
        for name in names[:-1]:
            self.assertRegex(name, r"^sources/[0-9a-f-]{36}\.txt$")

    def test_schema(self):
        path = os.path.join(self.tmp, "project.qde")
        with open(path, "wb") as f:
            f.write(self.qde)
        validate(self, path, "Project-mrt2019.xsd")

    def test_deterministic(self):
        again = os.path.join(self.tmp, "again.qdpx")
        result = run("export", "-f", "qdpx", "-o", again, CORPUS)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(again, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(self.data).hexdigest())

    def test_project(self):
        root = self.root
        self.assertEqual(root.tag, "{urn:QDA-XML:project:1.0}Project")
        self.assertEqual(root.get("name"), "export-spans")
        self.assertTrue(root.get("origin").startswith("Gloss "))
        self.assertEqual(root.get("creationDateTime"), "2026-12-02T08:30:00Z")
        # The order the schema's sequence gives
        self.assertEqual([child.tag.split("}")[1] for child in root],
                         ["Users", "CodeBook", "Sources", "Notes", "Links"])
        users = {u.get("name"): u.get("guid") for u in root.findall("q:Users/q:User", NS)}
        self.assertEqual(sorted(users), ["Ada", "Bea", "Grace"])
        codes = {c.get("name"): c for c in root.findall("q:CodeBook/q:Codes/q:Code", NS)}
        self.assertEqual(sorted(codes), ["Addressee", "Claim", "Cue", "Frame", "Quote", "Speaker"])
        self.assertEqual(codes["Speaker"].get("color"), "#e66100")
        self.assertEqual(codes["Claim"].find("q:Description", NS).text,
                         "A statement presented as fact that could be checked.")
        for element in root.iter():
            for attribute in ("guid", "targetGUID", "originGUID", "creatingUser"):
                if element.get(attribute) is not None:
                    self.assertRegex(element.get(attribute), GUID)

    def test_selections(self):
        """Every selection's text, at its positions in the source written,
        is the text Gloss's file has there; each annotation and each part
        of each span is a selection with its code and user"""
        codes = {c.get("guid"): c.get("name") for c in self.root.iter("{urn:QDA-XML:project:1.0}Code")}
        users = {u.get("guid"): u.get("name") for u in self.root.iter("{urn:QDA-XML:project:1.0}User")}
        sources = {s.get("name"): s for s in self.root.findall("q:Sources/q:TextSource", NS)}
        self.assertEqual(sorted(sources), ["de_interview", "en_briefing", "en_plain"])
        n_checked = 0

        for doc_id in DOCUMENTS:
            source = sources[doc_id.replace("/", "_")[:-4]]
            self.assertEqual(source.find("q:Description", NS).text,
                             "Gloss document %s (language %s)" % (doc_id, doc_id[:2]))
            path = source.get("plainTextPath")
            self.assertEqual(path, "internal://%s.txt" % source.get("guid"))
            written = self.zip.read("sources/" + path[len("internal://"):]).decode("utf-8")
            original = read_text(doc_id)
            # CR LF is one character, LF: the source is written so
            self.assertEqual(written, original.replace("\r\n", "\n"))
            self.assertNotIn("\r", written)

            gloss = read_file(doc_id)
            labels = {l["id"]: l["name"] for l in gloss["labels"]}
            expected = []
            for a in gloss["annotations"]:
                expected.append((a["text"], labels[a["label"]], a["annotator"]))
            for s in gloss.get("spans", []):
                for text in s["text"]:
                    expected.append((text.replace("\r\n", "\n"), labels[s["label"]], s["annotator"]))

            found = []
            for selection in source.findall("q:PlainTextSelection", NS):
                start = int(selection.get("startPosition"))
                end = int(selection.get("endPosition"))
                coding = selection.find("q:Coding", NS)
                code = codes[coding.find("q:CodeRef", NS).get("targetGUID")]
                found.append((written[start:end], code, users.get(selection.get("creatingUser"), "")))
                self.assertEqual(coding.get("creatingUser"), selection.get("creatingUser"))
                n_checked += 1
            self.assertEqual(sorted(found), sorted(expected))

        self.assertGreaterEqual(n_checked, 20)

    def test_emoji_and_crlf_shift(self):
        """The German quote's first part starts after 😊 and two CR LF: 32
        code points in Gloss's text, 30 in the source; UTF-16 would say 33"""
        source = [s for s in self.root.findall("q:Sources/q:TextSource", NS) if s.get("name") == "de_interview"][0]
        first = [s for s in source.findall("q:PlainTextSelection", NS)
                 if s.get("name") == "Quote (span 1, part 1 of 2)"][0]
        self.assertEqual((first.get("startPosition"), first.get("endPosition")), ("30", "63"))
        second = [s for s in source.findall("q:PlainTextSelection", NS)
                  if s.get("name") == "Quote (span 1, part 2 of 2)"][0]
        self.assertEqual((second.get("startPosition"), second.get("endPosition")), ("115", "167"))

    def test_notes_and_links(self):
        notes = {n.get("guid"): n for n in self.root.findall("q:Notes/q:Note", NS)}
        texts = sorted(n.find("q:PlainTextContent", NS).text for n in notes.values())
        expected = []
        for doc_id in DOCUMENTS:
            gloss = read_file(doc_id)
            for kind in ("annotations", "spans", "relations"):
                expected += [x["note"] for x in gloss.get(kind, []) if x["note"]]
        self.assertEqual(texts, sorted(expected))
        self.assertIn("Zitat über zwei Sätze 😊", texts)
        # Each NoteRef names a note; a selection's note is its coding memo too
        for ref in self.root.iter("{urn:QDA-XML:project:1.0}NoteRef"):
            self.assertIn(ref.get("targetGUID"), notes)
        selections = {s.get("guid"): s for s in self.root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")}
        links = self.root.findall("q:Links/q:Link", NS)
        n_relations = sum(len(read_file(d).get("relations", [])) for d in DOCUMENTS)
        self.assertEqual(len(links), n_relations)
        for link in links:
            self.assertEqual(link.get("direction"), "OneWay")
            self.assertIn(link.get("originGUID"), selections)
            self.assertIn(link.get("targetGUID"), selections)
        first = links[0]
        self.assertEqual(first.get("name"), "Speaker")
        self.assertEqual(selections[first.get("originGUID")].get("name"), "Quote (span 1, part 1 of 2)")
        self.assertEqual(selections[first.get("targetGUID")].get("name"), "Speaker (span 4)")

    def test_left_out(self):
        self.assertIn("qdpx has no place for span attributes: those of 4 spans", self.stderr)
        self.assertIn("qdpx links have no annotator or time", self.stderr)

    def test_stdout_and_help(self):
        result = run("export", "-f", "qdpx", CORPUS)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(hashlib.sha256(result.stdout).hexdigest(), hashlib.sha256(self.data).hexdigest())
        self.assertIn("qdpx", run("export", "--help").stdout.decode())


class Codebook(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gloss-codebook-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def export(self, fmt, path=CODEBOOK):
        out = os.path.join(self.tmp, "codebook." + fmt)
        result = run("codebook", "export", "-f", fmt, "-o", out, path)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(out, "rb") as f:
            return f.read()

    def expected(self, name):
        with open(os.path.join(CODEBOOK, name), "rb") as f:
            return f.read()

    def test_markdown(self):
        data = self.export("markdown")
        self.assertEqual(data.decode("utf-8"), self.expected("expected.md").decode("utf-8"))
        text = data.decode("utf-8")
        # Markup in the rules is escaped; CR LF is a line end
        self.assertIn("- Opinions (\\<i\\>I think\\</i\\>) and \\*hedged\\* claims\n", text)
        self.assertIn("- 1\\. Maybe it rains tomorrow.\n", text)
        self.assertNotIn("\r", text)
        self.assertIn("Id `said-by`; joins `quote` → `speaker`", text)

    def test_html(self):
        data = self.export("html")
        self.assertEqual(data.decode("utf-8"), self.expected("expected.html").decode("utf-8"))
        text = data.decode("utf-8")
        self.assertTrue(text.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        self.assertIn("<li>Opinions (&lt;i&gt;I think&lt;/i&gt;) and *hedged* claims</li>", text)
        self.assertIn("<li>Numbers, dates &amp; places: „300 000 Einwohner“</li>", text)
        self.assertIn("<li>Die Stadt hat 300 000 Einwohner 😊.</li>", text)
        self.assertTrue(text.endswith("</body>\n</html>\n"))

    def test_qdc(self):
        data = self.export("qdc")
        path = os.path.join(self.tmp, "codebook.qdc")
        root = ET.fromstring(data)
        self.assertEqual(root.tag, "{urn:QDA-XML:codebook:1.0}CodeBook")
        codes = root.findall("c:Codes/c:Code", NS)
        self.assertEqual([c.get("name") for c in codes], ["Claim", "Quote", "Speaker"])
        for code in codes:
            self.assertRegex(code.get("guid"), GUID)
            self.assertEqual(code.get("isCodable"), "true")
        # The definition keeps its CR LF (as &#13;), then the rules and examples
        self.assertEqual(codes[0].find("c:Description", NS).text,
                         "A statement presented as fact that could be checked.\r\n"
                         "Eine überprüfbare Tatsachenbehauptung.\n\n"
                         "Include:\n- Numbers, dates & places: „300 000 Einwohner“\n- Predictions stated as certain\n\n"
                         "Exclude:\n- Opinions (<i>I think</i>) and *hedged* claims\n- # of votes — only when counted\n\n"
                         "Examples:\n- Die Stadt hat 300 000 Einwohner 😊.\n\n"
                         "Negative examples:\n- 1. Maybe it rains tomorrow.")
        self.assertIsNone(codes[2].find("c:Description", NS))
        # The same label gives the same GUID in the codebook and the project
        project = ET.fromstring(zipfile.ZipFile(self.qdpx()).read("project.qde"))
        claim = [c for c in project.iter("{urn:QDA-XML:project:1.0}Code") if c.get("name") == "Claim"][0]
        self.assertEqual(claim.get("guid"), codes[0].get("guid"))
        validate(self, path, "Codebook.xsd")

    def qdpx(self):
        out = os.path.join(self.tmp, "corpus.qdpx")
        result = run("export", "-f", "qdpx", "-o", out, CORPUS)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return out

    def test_annotation_file(self):
        """A .gloss.json's own labels, named after its text"""
        data = self.export("markdown", os.path.join(CORPUS, "de", "interview.txt.gloss.json")).decode("utf-8")
        self.assertTrue(data.startswith("# Codebook: interview.txt\n\n## Sentence labels\n\n### Claim\n"))
        self.assertIn("\n## Relation labels\n", data)
        # The codebook fixture's annotation file has the project's labels
        data = self.export("markdown", os.path.join(CODEBOOK, "de", "artikel.txt.gloss.json"))
        self.assertEqual(data, self.expected("expected.md").replace(b"# Codebook: codebook\n", b"# Codebook: artikel.txt\n"))

    def test_project_of_codebook(self):
        """A qdpx of the codebook's folder: its codes carry the entries as
        the .qdc does, and the selection after two CR LF and 😊 is the
        sentence"""
        out = os.path.join(self.tmp, "codebook.qdpx")
        result = run("export", "-f", "qdpx", "-o", out, CODEBOOK)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with zipfile.ZipFile(out) as archive:
            root = ET.fromstring(archive.read("project.qde"))
            source = root.find("q:Sources/q:TextSource", NS)
            text = archive.read("sources/%s.txt" % source.get("guid")).decode("utf-8")
        self.assertEqual(root.get("name"), "codebook")
        qdc = ET.fromstring(self.export("qdc"))
        self.assertEqual([(c.get("guid"), c.findtext("q:Description", None, NS)) for c in root.iter("{%s}Code" % NS["q"])],
                         [(c.get("guid"), c.findtext("c:Description", None, NS)) for c in qdc.iter("{%s}Code" % NS["c"])])
        selection = source.find("q:PlainTextSelection", NS)
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        self.assertEqual((start, end), (102, 135))
        self.assertEqual(text[start:end], "The city has 300,000 inhabitants.")
        self.assertEqual(selection.findtext("q:Description", None, NS), "Zahl prüfen 😊")
        self.assertEqual(root.find("q:Notes/q:Note/q:PlainTextContent", NS).text, "Zahl prüfen 😊")
        self.assertEqual(root.find("q:Users/q:User", NS).get("name"), "Ada")

    def test_usage(self):
        self.assertEqual(run("codebook").returncode, 2)
        self.assertEqual(run("codebook", "export", CODEBOOK).returncode, 2)
        result = run("codebook", "export", "-f", "pdf", CODEBOOK)
        self.assertEqual(result.returncode, 2)
        self.assertIn("Unknown format “pdf”", result.stderr.decode())
        result = run("codebook", "export", "-f", "markdown", os.path.join(CORPUS, "de", "interview.txt"))
        self.assertEqual(result.returncode, 2)
        empty = os.path.join(self.tmp, "empty")
        os.mkdir(empty)
        result = run("codebook", "export", "-f", "markdown", empty)
        if not os.path.exists(os.path.join(self.tmp, "gloss-project.json")):
            self.assertEqual(result.returncode, 1)
            self.assertIn("no gloss-project.json", result.stderr.decode())
        self.assertIn("codebook", run("--help").stdout.decode())

    def test_guids_and_escaping(self):
        """GUIDs are version 5 UUIDs of `code/ID` in Gloss's namespace, the
        same as Python computes; a name with quotes, markup and a control
        character stays well-formed XML and reads back (the control
        character, which XML 1.0 cannot hold, as U+FFFD)"""
        folder = os.path.join(self.tmp, "odd")
        os.mkdir(folder)
        with open(os.path.join(folder, "gloss-project.json"), "w", encoding="utf-8") as f:
            json.dump({"format": "gloss-project", "version": 1, "labels": [
                {"id": "odd", "name": "Say \"no\" & <leave>\ttab", "color": "#AbCdEf",
                 "description": "bell\u0007 ]]> \r\n\"end\"", "codebook": {"include": ["a < b & c"]}}]}, f)
        root = ET.fromstring(self.export("qdc", folder))
        code = root.find("c:Codes/c:Code", NS)
        self.assertEqual(code.get("name"), "Say \"no\" & <leave>\ttab")
        self.assertEqual(code.get("color"), "#AbCdEf")
        self.assertEqual(code.find("c:Description", NS).text, "bell\ufffd ]]> \r\n\"end\"\n\nInclude:\n- a < b & c")
        namespace = uuid.UUID("6b1e0d5c-923a-4f71-a804-2de95f30c617")
        self.assertEqual(code.get("guid"), str(uuid.uuid5(namespace, "code/odd")))
        validate(self, os.path.join(self.tmp, "codebook.qdc"), "Codebook.xsd")
        html = self.export("html", folder).decode("utf-8")
        self.assertIn("<h3><span class=\"swatch\" style=\"background: #AbCdEf\" aria-hidden=\"true\"></span>"
                      "Say &quot;no&quot; &amp; &lt;leave&gt;&#9;tab</h3>", html)
        self.assertIn("<p>bell\ufffd ]]&gt; <br>\n&quot;end&quot;</p>", html)
        markdown = self.export("markdown", folder).decode("utf-8")
        self.assertIn("### Say \"no\" \\& \\<leave\\>\ttab\n", markdown)

    def test_invalid_project(self):
        folder = os.path.join(self.tmp, "bad")
        os.mkdir(folder)
        with open(os.path.join(folder, "gloss-project.json"), "w", encoding="utf-8") as f:
            f.write('{"format": "gloss-project", "version": 1, "labels": [{"id": "claim", '
                    '"codebook": {"include": ["a\\nb"]}}]}')
        result = run("codebook", "export", "-f", "markdown", folder)
        self.assertEqual(result.returncode, 1)
        self.assertIn("$.labels[0].codebook.include[0]: A rule or an example is one line", result.stderr.decode())
        self.assertEqual(result.stdout, b"")


if __name__ == "__main__":
    unittest.main()
