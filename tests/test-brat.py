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
  one space; no fragment holds a line break (brat's annotation.py reads the
  .ann with readlines, which splits where str.splitlines does);
  `#N<TAB>AnnotatorNotes ID<TAB>…` names an existing entity or relation;
  `RN<TAB>TYPE Arg1:T1 Arg2:T2` joins entities of the types its
  `[relations]` line allows; `AN<TAB>NAME ID VALUE` gives an entity an
  attribute `[attributes]` declares for its type, with one of its values.

Issue 12 adds spans, relations, attributes and notes on them, and a round
trip Gloss → brat → Gloss that gives the same annotation files back.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))
SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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

    conf = Conf()
    entities = conf.entities
    for line in sections["entities"]:
        name = line.strip()
        if not re.match(r"^!?[^\s|,:]+$", name):
            raise ValueError(f"not an entity type: {line!r}")
        if not name.startswith("!"):
            entities.add(name)

    overlaps = conf.overlaps
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
        elif set(args) != {"Arg1", "Arg2"}:
            raise ValueError(f"a relation needs Arg1 and Arg2: {line!r}")
        elif not re.match(r"^[a-zA-Z0-9_-]+$", rtype):
            raise ValueError(f"not a type brat can store: {line!r}")
        else:
            conf.relations[rtype] = (args["Arg1"], args["Arg2"])
    for line in sections["attributes"]:
        m = re.match(r"^([a-zA-Z0-9_-]+)\s+(.*)$", line.strip())
        if not m:
            raise ValueError(f"not an attribute: {line!r}")
        name, rest = m.groups()
        args = dict(arg.strip().partition(":")[::2] for arg in rest.split(",") if arg.strip())
        if set(args) - {"Arg", "Value"} or "Arg" not in args:
            raise ValueError(f"an attribute needs Arg and may have Value: {line!r}")
        # Without a Value brat's attribute is binary: present or not
        conf.attributes[name] = (args["Arg"].split("|"), args["Value"].split("|") if "Value" in args else None)
    return conf


class Conf:
    def __init__(self):
        self.entities = set()
        self.overlaps = []
        self.relations = {}
        self.attributes = {}


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

# What str.splitlines, and so brat's reading of an .ann, takes for a line end
LINE_BREAKS = {c for c in map(chr, range(0x10000)) if len(f"a{c}b".splitlines()) == 2}


def parse_fragments(offsets):
    fragments = []
    for fragment in offsets.split(";"):
        m = re.match(r"^(\d+) (\d+)$", fragment)
        if not m:
            return None
        fragments.append((int(m.group(1)), int(m.group(2))))
    return fragments


def split_at_line_breaks(text, parts):
    """The fragments brat can hold of these parts: the pieces between line breaks"""
    fragments = []
    for start, end in parts:
        piece = start
        for i in range(start, end + 1):
            if i == end or text[i] in LINE_BREAKS:
                if i > piece:
                    fragments.append((piece, i))
                piece = i + 1
    return fragments


def check_document(ann_path, conf):
    problems = []
    text = read_brat_text(ann_path[:-4] + ".txt")
    with open(ann_path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        problems.append("the last line has no line end")
    bounds = {}
    relations = {}
    later = []
    for line in lines[:-1]:
        fields = line.split("\t")
        if line.splitlines() != [line]:
            problems.append(f"brat would read this as several lines: {line!r}")
        if line.startswith("T"):
            if len(fields) != 3:
                problems.append(f"not ID, TYPE OFFSETS and TEXT: {line!r}")
                continue
            tid, kind, span_text = fields
            etype, _, offsets = kind.partition(" ")
            if etype not in conf.entities:
                problems.append(f"{tid}: {etype} is not an entity type of annotation.conf")
            spans = parse_fragments(offsets)
            if spans is None:
                problems.append(f"{tid}: a fragment is not START END: {offsets!r}")
                continue
            for i, (start, end) in enumerate(spans):
                if not (start < end <= len(text)) or (i > 0 and start < spans[i - 1][1]):
                    problems.append(f"{tid}: fragment {start} {end} out of order or beyond the text")
            if " ".join(text[s:e] for s, e in spans) != span_text:
                problems.append(f"{tid}: {span_text!r} is not the text at {offsets}")
            if tid in bounds:
                problems.append(f"{tid} twice")
            bounds[tid] = (etype, spans)
        elif line.startswith("R"):
            m = re.match(r"^(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)$", line)
            if not m:
                problems.append(f"not a relation: {line!r}")
                continue
            rid, rtype, arg1, arg2 = m.groups()
            relations[rid] = (rtype, arg1, arg2)
        elif line.startswith("A") or line.startswith("#"):
            later.append(line)
        else:
            problems.append(f"a line Gloss does not write: {line!r}")

    for rid, (rtype, arg1, arg2) in relations.items():
        if rtype not in conf.relations:
            problems.append(f"{rid}: {rtype} is not a relation type of annotation.conf")
        elif arg1 not in bounds or arg2 not in bounds:
            problems.append(f"{rid}: an argument is no entity")
        elif not (matches(conf.relations[rtype][0], bounds[arg1][0]) and
                  matches(conf.relations[rtype][1], bounds[arg2][0])):
            problems.append(f"{rid}: {rtype} may not join {bounds[arg1][0]} to {bounds[arg2][0]}")

    attributes = set()
    for line in later:
        fields = line.split("\t")
        if line.startswith("A"):
            m = re.match(r"^A\d+\t(\S+) (T\d+) (\S+)$", line)
            if not m:
                problems.append(f"not an attribute: {line!r}")
                continue
            name, target, value = m.groups()
            if target not in bounds or name not in conf.attributes:
                problems.append(f"an attribute brat does not know: {line!r}")
            elif not matches(conf.attributes[name][0], bounds[target][0]) or value not in conf.attributes[name][1]:
                problems.append(f"an attribute its type or value does not allow: {line!r}")
            if (name, target) in attributes:
                problems.append(f"an attribute twice: {line!r}")
            attributes.add((name, target))
        elif len(fields) != 3 or not re.match(r"^#\d+$", fields[0]):
            problems.append(f"not a comment: {line!r}")
        elif fields[1].startswith("AnnotatorNotes "):
            if fields[1].split(" ", 1)[1] not in bounds and fields[1].split(" ", 1)[1] not in relations:
                problems.append(f"a note on an unknown annotation: {line!r}")
        elif fields[1].startswith("GlossParts "):
            target = fields[1].split(" ", 1)[1]
            parts = parse_fragments(fields[2])
            if target not in bounds or parts is None or split_at_line_breaks(text, parts) != bounds[target][1]:
                problems.append(f"parts that are not those of the fragments: {line!r}")
        else:
            problems.append(f"a comment Gloss does not write: {line!r}")

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
            if not overlap_allowed(conf.overlaps, kind, type1, type2):
                problems.append(f"{id1}: {type1} may not {kind} {type2} {id2}")
    return problems


def check_folder(folder):
    with open(os.path.join(folder, "annotation.conf"), encoding="utf-8") as f:
        conf = parse_conf(f.read())
    problems = []
    n = 0
    for dirpath, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith(".ann"):
                n += 1
                path = os.path.join(dirpath, name)
                problems += [f"{os.path.relpath(path, folder)}: {p}" for p in check_document(path, conf)]
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


# --- a corpus with spans and relations (issue 12) ---------------------------

# CR LF, „…“ and 😊 (beyond U+FFFF); in German a quote over two sentences, a
# quote in two parts whose second runs over a line break, nested frame,
# speaker and cue; in English two parts with only line breaks between them
SPAN_DE = ("Die Ministerin sagte am Montag: „Wir prüfen das. Es dauert.“ 😊\r\n"
           "„Das Ergebnis“, sagte Weber, „kommt im März.\r\nVorher nicht.“\r\n"
           "Über die Kosten wird noch gesprochen.\r\n")
SPAN_EN = ('The mayor said: "We will check it." 😊 Nobody agreed.\r\n'
           '"Nothing is decided.\r\n\r\nNot yet," she wrote.\r\n'
           '"It takes time.\r\nA long time," the mayor added.\r\n')
# Line ends that are not CR or LF, which brat's readlines () ends a line at
SPAN_LINES = 'He said: "One\u2028two\x85three\x1efour." Done.\n'
TIME = "2026-11-28T05:00:00Z"


def at(text, needle, n=1):
    start = -1
    for _ in range(n):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


# (label, parts, attributes, note); (label, from, to, note) by position in
# the list of spans; (label, sentence text, note)
SPAN_DOCUMENTS = {
    "de/zitate": ("de", SPAN_DE, [
        ("frame", [at(SPAN_DE, "Die Ministerin sagte am Montag:")], {}, ""),
        ("speaker", [at(SPAN_DE, "Die Ministerin")], {}, ""),
        ("cue", [at(SPAN_DE, "sagte")], {}, ""),
        ("quote", [at(SPAN_DE, "Wir prüfen das. Es dauert.")], {"type": "direct", "medium": "speech"}, "zwei Sätze"),
        ("quote", [at(SPAN_DE, "Das Ergebnis"), at(SPAN_DE, "kommt im März.\r\nVorher nicht.")], {"type": "direct"}, ""),
        ("speaker", [at(SPAN_DE, "Weber")], {}, ""),
        ("cue", [at(SPAN_DE, "sagte", 2)], {}, ""),
    ], [("speaker", 3, 1, ""), ("cue", 3, 2, ""), ("frame", 3, 0, "Rahmen „so“"), ("speaker", 4, 5, ""),
        ("cue", 4, 6, "")],
        [("claim", "Über die Kosten wird noch gesprochen.", "offen")]),
    "en/council": ("en", SPAN_EN, [
        ("speaker", [at(SPAN_EN, "The mayor")], {}, ""),
        ("cue", [at(SPAN_EN, "said")], {}, ""),
        ("quote", [at(SPAN_EN, "We will check it.")], {"type": "direct", "medium": "speech"}, ""),
        ("quote", [at(SPAN_EN, "Nothing is decided."), at(SPAN_EN, "Not yet,")],
         {"type": "direct", "medium": "writing"}, "two parts"),
        ("speaker", [at(SPAN_EN, "she")], {}, ""),
        ("quote", [at(SPAN_EN, "It takes time.\r\nA long time,")], {}, "one part 😊"),
        ("speaker", [at(SPAN_EN, "the mayor")], {}, ""),
    ], [("speaker", 2, 0, ""), ("cue", 2, 1, ""), ("speaker", 3, 4, ""), ("speaker", 5, 6, "")],
        [("claim", "😊 Nobody agreed.", ""), ("claim", 'Not yet," she wrote.', "her note")]),
    "en/lines": ("en", SPAN_LINES, [
        ("quote", [at(SPAN_LINES, "One\u2028two\x85three\x1efour.")], {}, "a\u2028b"),
        ("speaker", [at(SPAN_LINES, "He")], {}, ""),
    ], [("speaker", 0, 1, "")], []),
}

# What the export writes for en/council, byte for byte: sentence labels
# first, then the spans in text order, each with its attributes and note,
# then the relations; the two parts of T6 have only CR LF CR LF between
# them, so a GlossParts comment keeps them apart, while T8's one part
# across a CR LF is two fragments that the import joins again
EN_ANN = ('T1\tclaim 36 52\t😊 Nobody agreed.\n'
          'T2\tclaim 78 98\tNot yet," she wrote.\n'
          '#1\tAnnotatorNotes T2\ther note\n'
          'T3\tspeaker 0 9\tThe mayor\n'
          'T4\tcue 10 14\tsaid\n'
          'T5\tquote 17 34\tWe will check it.\n'
          'A1\ttype T5 direct\n'
          'A2\tmedium T5 speech\n'
          'T6\tquote 55 74;78 86\tNothing is decided. Not yet,\n'
          '#2\tGlossParts T6\t55 74;78 86\n'
          'A3\ttype T6 direct\n'
          'A4\tmedium T6 writing\n'
          '#3\tAnnotatorNotes T6\ttwo parts\n'
          'T7\tspeaker 88 91\tshe\n'
          'T8\tquote 101 115;117 129\tIt takes time. A long time,\n'
          '#4\tAnnotatorNotes T8\tone part 😊\n'
          'T9\tspeaker 131 140\tthe mayor\n'
          'R1\tspeaker Arg1:T5 Arg2:T3\n'
          'R2\tcue Arg1:T5 Arg2:T4\n'
          'R3\tspeaker Arg1:T6 Arg2:T7\n'
          'R4\tspeaker Arg1:T8 Arg2:T9\n')


def span_labels():
    with open(os.path.join(SOURCE, "data", "labels", "quotation.json"), encoding="utf-8") as f:
        quotation = json.load(f)
    labels = [{"id": "claim", "name": "Claim", "color": "#1c71d8", "key": "k", "description": "A claim."}]
    return labels + quotation["labels"], quotation["relation_labels"]


def write_span_corpus(folder):
    """The corpus as Gloss writes it, ids in the order Gloss sorts spans and
    relations (which is the order an import numbers them in); returns the
    path of its label set, a gloss-project.json"""
    labels, relation_labels = span_labels()
    position = {label["id"]: i for i, label in enumerate(labels)}
    relation_position = {label["id"]: i for i, label in enumerate(relation_labels)}
    for doc, (language, text, spans, relations, sentence_labels) in SPAN_DOCUMENTS.items():
        path = os.path.join(folder, doc + ".txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        result = run("segment", "--language", language, path)
        sentences = [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(json.loads(result.stdout))]
        annotations = []
        for label, sentence_text, note in sentence_labels:
            start, end = at(text, sentence_text)
            sentence = [x["id"] for x in sentences if (x["start"], x["end"]) == (start, end)]
            assert len(sentence) == 1, f"not a sentence: {sentence_text!r}"
            annotations.append({"id": len(annotations) + 1, "label": label, "start": start, "end": end,
                                "sentence": sentence[0], "text": text[start:end], "note": note, "annotator": "",
                                "created": TIME, "modified": TIME})
        order = sorted(range(len(spans)), key=lambda i: (spans[i][1][0][0], spans[i][1][-1][1], position[spans[i][0]]))
        new_id = {old: new + 1 for new, old in enumerate(order)}
        span_list = [{"id": new_id[i], "label": label, "parts": parts, "text": [text[s:e] for s, e in parts],
                      "attributes": attributes, "note": note, "annotator": "", "created": TIME, "modified": TIME}
                     for i, (label, parts, attributes, note) in enumerate(spans)]
        relation_list = sorted(({"label": label, "from": new_id[a], "to": new_id[b], "note": note, "annotator": "",
                                 "created": TIME, "modified": TIME} for label, a, b, note in relations),
                               key=lambda r: (r["from"], relation_position[r["label"]]))
        for i, relation in enumerate(relation_list):
            relation["id"] = i + 1
        data = {"format": "gloss", "version": 2,
                "text": {"file": os.path.basename(path), "sha256": hashlib.sha256(text.encode()).hexdigest(),
                         "length": len(text), "bom": False},
                "language": language, "done": False, "labels": labels, "relation_labels": relation_labels,
                "sentences": sentences, "annotations": annotations,
                "spans": sorted(span_list, key=lambda x: x["id"]), "relations": relation_list}
        with open(path + ".gloss.json", "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
    project = os.path.join(os.path.dirname(folder), "labels.json")
    with open(project, "w", encoding="utf-8") as f:
        json.dump({"format": "gloss-project", "version": 2, "labels": labels, "relation_labels": relation_labels},
                  f, ensure_ascii=False, indent=2)
    return project


def without_times(data):
    """A .gloss.json without what brat has no place for: who made each
    annotation, span and relation, and when"""
    for member in ("annotations", "spans", "relations"):
        for item in data.get(member, []):
            for key in ("annotator", "created", "modified"):
                item.pop(key)
    return data


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
        conf = parse_conf("[entities]\na\nb\n[relations]\n<OVERLAP> Arg1:a, Arg2:b, "
                          "<OVL-TYPE>:contain\n[events]\n[attributes]\n")
        self.assertTrue(overlap_allowed(conf.overlaps, "contain", "b", "a"))
        self.assertFalse(overlap_allowed(conf.overlaps, "equal", "a", "b"))

    def test_export_passes_brat_checks(self):
        """Finding 3: two labels on a sentence are two entities with one
        span; annotation.conf allows that with brat's <OVERLAP>"""
        corpus = self.import_brat(bom_documents=("en/council",))
        result = run("export", "--format", "brat", "-o", self.path("out"), corpus)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(self.path("out", "annotation.conf"), encoding="utf-8") as f:
            conf = f.read()
        self.assertIn("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", conf)
        self.assertEqual(parse_conf(conf).entities, {"claim", "source", "quote"})
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

    def export_spans(self):
        labels = write_span_corpus(self.path("corpus"))
        self.assertEqual(run("validate", self.path("corpus")).returncode, 0)
        result = run("export", "--format", "brat", "-o", self.path("out"), self.path("corpus"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return labels, result.stderr.decode()

    def test_spans_refused(self):
        """Fragments that overlap, a relation to a span that is not there:
        the document is not imported, and nothing is written"""
        os.mkdir(self.path("in"))
        with open(self.path("in", "a.txt"), "w", encoding="utf-8") as f:
            f.write("„Ja“, sagte sie. 😊\n")
        for ann, message in (("T1\tquote 1 3;2 3\tJa a\n", "T1: the fragments “1 3;2 3” overlap"),
                             ("T1\tquote 1 3\tJa\nR1\tspeaker Arg1:T1 Arg2:T9\n",
                              "The relation “speaker” from “T1” to “T9” names a span that is not there")):
            with open(self.path("in", "a.ann"), "w", encoding="utf-8") as f:
                f.write(ann)
            result = run("import", "--format", "brat", "--labels", "quotation", "--into", self.path("corpus"),
                         self.path("in"))
            self.assertEqual(result.returncode, 1, ann)
            self.assertIn(message, result.stderr.decode())
            self.assertFalse(os.path.exists(self.path("corpus")))

    def test_spans_export(self):
        """Spans are T lines in fragments, never across a line break, with
        their attributes, notes and relations; annotators and times are
        counted as not carried"""
        _, stderr = self.export_spans()
        with open(self.path("out", "en", "council.ann"), encoding="utf-8", newline="") as f:
            self.assertEqual(f.read(), EN_ANN)
        self.assertIn("the times of 29 annotations", stderr)
        self.assertIn("1 note held line breaks or tabs, which a brat note cannot: they were written as spaces", stderr)
        with open(self.path("out", "en", "lines.ann"), encoding="utf-8", newline="") as f:
            self.assertEqual(f.read(), "T1\tspeaker 0 2\tHe\n"
                                       "T2\tquote 10 13;14 17;18 23;24 29\tOne two three four.\n"
                                       "#1\tAnnotatorNotes T2\ta b\n"
                                       "R1\tspeaker Arg1:T2 Arg2:T1\n")
        with open(self.path("out", "annotation.conf"), encoding="utf-8") as f:
            conf = f.read()
        self.assertEqual(conf, "[entities]\nclaim\nquote\nspeaker\ncue\nframe\naddressee\n\n"
                               "[relations]\nspeaker\tArg1:quote, Arg2:speaker\ncue\tArg1:quote, Arg2:cue\n"
                               "frame\tArg1:quote, Arg2:frame\naddressee\tArg1:quote, Arg2:addressee\n"
                               "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n"
                               "[attributes]\n"
                               "type\tArg:quote, Value:direct|indirect|free-indirect|indirect-free-indirect|reported\n"
                               "medium\tArg:quote, Value:speech|thought|writing|speech-thought|speech-writing|"
                               "thought-writing\n")
        with open(self.path("out", "visual.conf"), encoding="utf-8") as f:
            self.assertIn("\nspeaker\tbgColor:#e66100, color:#e66100\n", f.read())

        # Every fragment against the .txt as brat reads it, every relation,
        # attribute and comment against annotation.conf
        self.assertEqual(check_folder(self.path("out")), (3, []))
        text = read_brat_text(self.path("out", "de", "zitate.txt"))
        self.assertEqual(text, SPAN_DE)
        with open(self.path("out", "de", "zitate.ann"), encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        quote = [line for line in lines if line.startswith("T6\t")][0]
        # The second part runs over CR LF: two fragments, which the text of
        # T6 joins with a space as brat does
        self.assertEqual(quote, "T6\tquote 65 77;94 108;110 123\tDas Ergebnis kommt im März. Vorher nicht.")
        self.assertEqual([text[s:e] for s, e in parse_fragments(quote.split("\t")[1].split(" ", 1)[1])],
                         ["Das Ergebnis", "kommt im März.", "Vorher nicht.“"[:-1]])
        self.assertIn("R3\tframe Arg1:T5 Arg2:T3", lines)
        self.assertIn("#3\tAnnotatorNotes R3\tRahmen „so“", lines)
        self.assertNotIn("GlossParts", "\n".join(lines))

    def test_spans_filtered(self):
        """--label keeps spans and relations of those labels; a relation
        goes only with both its spans"""
        write_span_corpus(self.path("corpus"))
        result = run("export", "--format", "brat", "--label", "quote", "--label", "speaker", "--label", "cue",
                     "-o", self.path("out"), self.path("corpus"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(self.path("out", "de", "zitate.ann"), encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        self.assertEqual([line.split("\t")[1] for line in lines if line.startswith(("T", "R"))],
                         ["speaker 0 14", "cue 15 20", "quote 33 59", "quote 65 77;94 108;110 123", "cue 80 85",
                          "speaker 86 91", "speaker Arg1:T3 Arg2:T1", "cue Arg1:T3 Arg2:T2",
                          "speaker Arg1:T4 Arg2:T6", "cue Arg1:T4 Arg2:T5"])
        self.assertEqual(check_folder(self.path("out")), (3, []))

    def test_spans_round_trip(self):
        """Gloss → brat → Gloss gives the same files, but for annotators and
        times"""
        labels, _ = self.export_spans()
        result = run("import", "--format", "brat", "--labels", labels, "--into", self.path("again"), self.path("out"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(result.stderr.decode(), "gloss import: 3 documents written\n")
        for doc in SPAN_DOCUMENTS:
            with open(self.path("corpus", doc + ".txt.gloss.json"), encoding="utf-8") as f:
                original = without_times(json.load(f))
            if doc == "en/lines":
                # A note's line break is a space in brat
                self.assertEqual(original["spans"][1]["note"], "a\u2028b")
                original["spans"][1]["note"] = "a b"
            with open(self.path("again", doc + ".txt.gloss.json"), encoding="utf-8") as f:
                imported = without_times(json.load(f))
            self.assertEqual(imported, original, doc)
            with open(self.path("again", doc + ".txt"), encoding="utf-8", newline="") as f:
                self.assertEqual(f.read(), SPAN_DOCUMENTS[doc][1])
        self.assertEqual(run("validate", self.path("again")).returncode, 0)

    def test_spans_as_brat_writes_them(self):
        """What brat's editor writes: a selection across a line break cut
        into fragments, fragments in any order, binary and old-style
        attributes, notes on relations; a GlossParts comment that no longer
        fits its fragments is not taken"""
        os.mkdir(self.path("in"))
        text = "Sie sagte:\r\n„Wir kommen.\r\nMorgen.“ 😊 Er nickte.\n"
        with open(self.path("in", "a.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        quote = at(text, "Wir kommen.")
        rest = at(text, "Morgen.")
        ann = [f"T1\tquote {rest[0]} {rest[1]};{quote[0]} {quote[1]}\tMorgen. Wir kommen.",
               "T2\tspeaker 0 3\tSie",
               f"T3\tspeaker {at(text, 'Er')[0]} {at(text, 'Er')[1]}\tEr",
               "R1\tspeaker Arg1:T1 Arg2:T2",
               "#1\tAnnotatorNotes R1\tsicher",
               "A1\ttype T1 direct",
               "A2\tNegated T3",
               "M3\tmedium T1 speech",
               "#2\tGlossParts T3\t0 3",
               "#3\tAnnotatorNotes T1\terste Zeile",
               "#4\tAnnotatorNotes T1\tzweite Zeile"]
        with open(self.path("in", "a.ann"), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(ann) + "\n")
        result = run("import", "--format", "brat", "--labels", "quotation", "--into", self.path("corpus"),
                     self.path("in"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        stderr = result.stderr.decode()
        self.assertIn("T3: the parts “0 3” are not those of its fragments", stderr)
        self.assertIn("The attribute “negated” of the label “speaker” is new", stderr)
        with open(self.path("corpus", "a.txt.gloss.json"), encoding="utf-8") as f:
            data = json.load(f)
        # Ids in the order of the .ann, spans listed in text order
        spans = [(s["id"], s["label"], s["parts"], s["text"], s["attributes"], s["note"]) for s in data["spans"]]
        self.assertEqual(spans, [
            (2, "speaker", [[0, 3]], ["Sie"], {}, ""),
            # the fragments joined again: only CR LF lies between them
            (1, "quote", [[quote[0], rest[1]]], ["Wir kommen.\r\nMorgen."], {"type": "direct", "medium": "speech"},
             "erste Zeile\nzweite Zeile"),
            (3, "speaker", [at(text, "Er")], ["Er"], {"negated": "true"}, ""),
        ])
        self.assertEqual([(r["label"], r["from"], r["to"], r["note"]) for r in data["relations"]],
                         [("speaker", 1, 2, "sicher")])


if __name__ == "__main__":
    unittest.main(verbosity=2)
