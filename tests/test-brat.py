#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A brat folder as brat itself reads it (issue 11, findings 3 and 4).

brat's checker (`verify_annotations.py`) refuses two entities with the same
span unless `annotation.conf` allows it, and brat reads a `.txt` with
Python's "utf-8" codec, which keeps a BOM as the first character and CR LF
as two. The checks here follow brat's documented rules
(https://brat.nlplab.org/configuration.html, /standoff.html), written anew:

- `annotation.conf`: sections `[entities]`, `[relations]`, `[events]`,
  `[attributes]`; an entity type a line (indented for a hierarchy, `!` for
  one that cannot be annotated); a relation `TYPE Arg1:A, Arg2:B, …` where
  `A|B` are alternatives and `<ENTITY>` any entity type, `<ANY>` anything;
  the special type `<OVERLAP>` with `<OVL-TYPE>:equal|contain|cross|<ANY>`
  says which entities may share, contain or cross each other's spans.
- `.ann`: `ID<TAB>TYPE START END[;START END]…<TAB>TEXT`; fragments in
  order, not overlapping, within the text, and TEXT their texts joined by
  one space; `#N<TAB>AnnotatorNotes ID<TAB>…` names an existing entity.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))

BOM = "\ufeff"
DE = ("BERLIN taz | Die Ministerin sagte: „Wir prüfen das.“\r\n"
      "Das Ergebnis 👍🏽 kommt im März, sagte Weber.\r\n"
      "Über die Kosten „wird noch gesprochen“.\r\n")
EN = ('The mayor said: "We will check it." 😊 Nobody agreed.\n'
      "The council meets on Friday.\n")
# The sentences Gloss's splitter finds, and their labels
LABELS = {
    "de/rathaus": [("BERLIN taz | Die Ministerin sagte: „Wir prüfen das.“", ["source", "quote"], "„Zitat“"),
                   ("Das Ergebnis 👍🏽 kommt im März, sagte Weber.", ["claim", "source", "quote"], ""),
                   ("Über die Kosten „wird noch gesprochen“.", ["claim"], "")],
    "en/council": [('The mayor said: "We will check it."', ["source", "quote"], "two\nlines"),
                   ("The council meets on Friday.", ["claim"], "")],
}


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, *args], capture_output=True, env=env, timeout=120)


def read_brat_text(path):
    """What brat's annotation.py reads: codecs' "utf-8", no newline
    translation, a BOM kept"""
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


# --- annotation.conf, as brat documents it ---------------------------------

def parse_conf(conf):
    sections = {}
    section = None
    for line in conf.split("\n"):
        if re.match(r"^\s*\[(.*)\]\s*$", line):
            section = line.strip()[1:-1]
            sections.setdefault(section, [])
        elif line.strip() == "" or line.lstrip().startswith("#"):
            continue
        else:
            if section is None:
                raise ValueError(f"a line before any section: {line!r}")
            sections[section].append(line)

    for name in ("entities", "relations", "events", "attributes"):
        if name not in sections:
            raise ValueError(f"no [{name}] section")

    entities = set()
    for line in sections["entities"]:
        name = line.strip()
        if not re.match(r"^!?[^\s|,:]+$", name):
            raise ValueError(f"not an entity type: {line!r}")
        if not name.startswith("!"):
            entities.add(name)

    overlaps = []
    for line in sections["relations"]:
        m = re.match(r"^(\S+)\s+(.*)$", line.strip())
        if not m:
            raise ValueError(f"a relation without arguments: {line!r}")
        rtype, rest = m.groups()
        args = {}
        for arg in (a.strip() for a in rest.split(",") if a.strip()):
            key, _, value = arg.partition(":")
            if not value:
                raise ValueError(f"an argument without a type: {arg!r} in {line!r}")
            args[key] = value.split("|")
        for key in ("Arg1", "Arg2"):
            for value in args.get(key, []):
                if value.startswith("<") and value not in ("<ENTITY>", "<ANY>"):
                    raise ValueError(f"an undefined macro {value} in {line!r}")
                if not value.startswith("<") and value not in entities:
                    raise ValueError(f"an unknown type {value} in {line!r}")
        if rtype == "<OVERLAP>":
            kinds = set(args.get("<OVL-TYPE>", []))
            if not kinds or kinds - {"equal", "contain", "cross", "<ANY>"}:
                raise ValueError(f"<OVERLAP> needs <OVL-TYPE>: equal, contain, cross or <ANY>: {line!r}")
            overlaps.append((args.get("Arg1", []), args.get("Arg2", []), kinds))
    return entities, overlaps


def matches(allowed, etype):
    return "<ANY>" in allowed or "<ENTITY>" in allowed or etype in allowed


def overlap_allowed(overlaps, kind, t1, t2):
    """Whether entities of types t1 and t2 may overlap in this way; brat
    looks in both directions"""
    for a, b in ((t1, t2), (t2, t1)):
        for arg1, arg2, kinds in overlaps:
            if matches(arg1, a) and matches(arg2, b) and (kind in kinds or "<ANY>" in kinds):
                return True
    return False


# --- one .ann against its .txt ------------------------------------------------

def check_document(ann_path, entities, overlaps):
    problems = []
    text = read_brat_text(ann_path[:-4] + ".txt")
    with open(ann_path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        problems.append("the last line has no line end")
    bounds = {}
    for line in lines[:-1]:
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) != 3:
                problems.append(f"not ID, TYPE OFFSETS and TEXT: {line!r}")
                continue
            tid, kind, span_text = fields
            etype, _, offsets = kind.partition(" ")
            if etype not in entities:
                problems.append(f"{tid}: {etype} is not an entity type of annotation.conf")
            spans = []
            for fragment in offsets.split(";"):
                m = re.match(r"^(\d+) (\d+)$", fragment)
                if not m:
                    problems.append(f"{tid}: a fragment is not START END: {fragment!r}")
                    break
                start, end = int(m.group(1)), int(m.group(2))
                if not (start < end <= len(text)) or (spans and start < spans[-1][1]):
                    problems.append(f"{tid}: fragment {start} {end} out of order or beyond the text")
                spans.append((start, end))
            else:
                if " ".join(text[s:e] for s, e in spans) != span_text:
                    problems.append(f"{tid}: {span_text!r} is not the text at {offsets}")
                if tid in bounds:
                    problems.append(f"{tid} twice")
                bounds[tid] = (etype, spans)
        elif line.startswith("#"):
            if len(fields) != 3 or not fields[1].startswith("AnnotatorNotes "):
                problems.append(f"not a note: {line!r}")
            elif fields[1].split(" ", 1)[1] not in bounds:
                problems.append(f"a note on an unknown annotation: {line!r}")
        else:
            problems.append(f"a line Gloss does not write: {line!r}")

    # brat's check of overlapping entities, every ordered pair
    for id1, (type1, spans1) in bounds.items():
        for id2, (type2, spans2) in bounds.items():
            if id1 == id2:
                continue
            s1, e1, s2, e2 = spans1[0][0], spans1[-1][1], spans2[0][0], spans2[-1][1]
            if not (s2 < e1 and e2 > s1):
                continue
            if set(spans1) == set(spans2):
                kind = "equal"
            elif (s2 <= s1 and e1 <= e2) or (s1 <= s2 and e2 <= e1):
                kind = "contain"
            else:
                kind = "cross"
            if not overlap_allowed(overlaps, kind, type1, type2):
                problems.append(f"{id1}: {type1} may not {kind} {type2} {id2}")
    return problems


def check_folder(folder):
    with open(os.path.join(folder, "annotation.conf"), encoding="utf-8") as f:
        entities, overlaps = parse_conf(f.read())
    problems = []
    n = 0
    for dirpath, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith(".ann"):
                n += 1
                path = os.path.join(dirpath, name)
                problems += [f"{os.path.relpath(path, folder)}: {p}" for p in check_document(path, entities, overlaps)]
    return n, problems


def write_brat_input(folder, bom_documents=(), overlap=True):
    """A brat folder as an annotator's brat would hold it: offsets count a
    BOM, like brat does"""
    relations = "<OVERLAP> Arg1:claim|source|quote, Arg2:<ANY>, <OVL-TYPE>:equal\n" if overlap else ""
    with open(os.path.join(folder, "annotation.conf"), "w", encoding="utf-8") as f:
        f.write(f"[entities]\nclaim\nsource\nquote\n\n[relations]\n{relations}\n[events]\n\n[attributes]\n")
    for doc, text in (("de/rathaus", DE), ("en/council", EN)):
        if doc in bom_documents:
            text = BOM + text
        os.makedirs(os.path.join(folder, os.path.dirname(doc)), exist_ok=True)
        with open(os.path.join(folder, doc + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        lines = []
        n_entities = n_notes = 0
        for sentence, labels, note in LABELS[doc]:
            start = text.index(sentence)
            for label in labels:
                n_entities += 1
                lines.append(f"T{n_entities}\t{label} {start} {start + len(sentence)}\t{sentence}")
                if note:
                    n_notes += 1
                    lines.append(f"#{n_notes}\tAnnotatorNotes T{n_entities}\t{note.replace(chr(10), ' ')}")
        with open(os.path.join(folder, doc + ".ann"), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines) + "\n")


class Brat(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gloss-brat-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def import_brat(self, bom_documents=()):
        os.mkdir(self.path("in"))
        write_brat_input(self.path("in"), bom_documents)
        # brat's own view of the input holds: offsets counted with the BOM
        self.assertEqual(check_folder(self.path("in")), (2, []))
        result = run("import", "--format", "brat", "--into", self.path("corpus"), self.path("in"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return self.path("corpus")

    def test_checker_refuses_identical_spans_without_overlap(self):
        """The checker itself: what brat refuses, it refuses"""
        os.mkdir(self.path("in"))
        write_brat_input(self.path("in"), overlap=False)
        n, problems = check_folder(self.path("in"))
        self.assertEqual(n, 2)
        self.assertIn("de/rathaus.ann: T1: source may not equal quote T2", problems)
        with self.assertRaises(ValueError):
            parse_conf("[entities]\nclaim\n\n[relations]\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>\n"
                       "[events]\n[attributes]\n")
        entities, overlaps = parse_conf("[entities]\na\nb\n[relations]\n<OVERLAP> Arg1:a, Arg2:b, "
                                        "<OVL-TYPE>:contain\n[events]\n[attributes]\n")
        self.assertTrue(overlap_allowed(overlaps, "contain", "b", "a"))
        self.assertFalse(overlap_allowed(overlaps, "equal", "a", "b"))

    def test_export_passes_brat_checks(self):
        """Finding 3: two labels on a sentence are two entities with one
        span; annotation.conf allows that with brat's <OVERLAP>"""
        corpus = self.import_brat(bom_documents=("en/council",))
        result = run("export", "--format", "brat", "-o", self.path("out"), corpus)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(self.path("out", "annotation.conf"), encoding="utf-8") as f:
            conf = f.read()
        self.assertIn("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", conf)
        entities, _ = parse_conf(conf)
        self.assertEqual(entities, {"claim", "source", "quote"})
        n, problems = check_folder(self.path("out"))
        self.assertEqual(n, 2)
        self.assertEqual(problems, [])
        with open(self.path("out", "de", "rathaus.ann"), encoding="utf-8") as f:
            self.assertEqual(sum(1 for line in f if line.startswith("T")), 6)

    def test_import_counts_the_bom(self):
        """Finding 4: a brat .txt with a BOM, offsets counted as brat counts
        them; the annotations land on the sentences they name"""
        corpus = self.import_brat(bom_documents=("en/council", "de/rathaus"))
        for doc, sentences in LABELS.items():
            with open(os.path.join(corpus, doc + ".txt"), "rb") as f:
                raw = f.read()
            # The text is kept as it was, BOM and all
            self.assertTrue(raw.startswith(BOM.encode()))
            text = raw.decode("utf-8-sig")
            with open(os.path.join(corpus, doc + ".txt.gloss.json"), encoding="utf-8") as f:
                data = json.load(f)
            self.assertTrue(data["text"]["bom"])
            got = sorted((a["text"], a["label"], a["start"]) for a in data["annotations"])
            want = sorted((s, label, text.index(s)) for s, labels, _ in sentences for label in labels)
            self.assertEqual(got, want)
            for a in data["annotations"]:
                self.assertEqual(text[a["start"]:a["end"]], a["text"])
        self.assertEqual(run("validate", corpus).returncode, 0)

    def test_bom_span_and_bad_offsets(self):
        """A span that takes in the BOM keeps the text after it; one of the
        BOM alone, or beyond the text as brat counts it, is refused"""
        os.mkdir(self.path("in"))
        text = BOM + "Er kam. Sie ging.\n"
        with open(self.path("in", "a.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(self.path("in", "a.ann"), "w", encoding="utf-8") as f:
            f.write(f"T1\tquote 0 8\t{BOM}Er kam.\n")
        result = run("import", "--format", "brat", "--into", self.path("corpus"), self.path("in"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(self.path("corpus", "a.txt.gloss.json"), encoding="utf-8") as f:
            annotation = json.load(f)["annotations"][0]
        self.assertEqual((annotation["start"], annotation["end"], annotation["text"]), (0, 7, "Er kam."))

        for line in ("T1\tquote 0 1\t" + BOM, f"T1\tquote 9 {len(text) + 1}\tSie ging.\n"):
            with open(self.path("in", "a.ann"), "w", encoding="utf-8") as f:
                f.write(line + "\n")
            shutil.rmtree(self.path("corpus"), ignore_errors=True)
            result = run("import", "--format", "brat", "--into", self.path("corpus"), self.path("in"))
            self.assertEqual(result.returncode, 1, line)
            self.assertIn("not within the text", result.stderr.decode())
            self.assertFalse(os.path.exists(self.path("corpus", "a.txt")))

    def test_export_writes_no_bom(self):
        """Finding 4, the other way: the .txt is written without the BOM,
        so brat's offsets are Gloss's; import gives the same annotations"""
        corpus = self.import_brat(bom_documents=("en/council",))
        result = run("export", "--format", "brat", "-o", self.path("out"), corpus)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(self.path("out", "en", "council.txt"), "rb") as f:
            self.assertEqual(f.read(), EN.encode())
        self.assertEqual(check_folder(self.path("out")), (2, []))

        result = run("import", "--format", "brat", "--into", self.path("again"), self.path("out"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        for doc in LABELS:
            with open(os.path.join(corpus, doc + ".txt.gloss.json"), encoding="utf-8") as f:
                first = json.load(f)["annotations"]
            with open(self.path("again", doc + ".txt.gloss.json"), encoding="utf-8") as f:
                second = json.load(f)["annotations"]
            key = [(a["label"], a["start"], a["end"], a["text"], a["note"]) for a in first]
            self.assertEqual(key, [(a["label"], a["start"], a["end"], a["text"], a["note"]) for a in second])


if __name__ == "__main__":
    unittest.main(verbosity=2)
