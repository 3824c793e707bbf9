#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gloss import -f wikinews-quotes` (issue 12): the German news quotation
attribution dataset (Petersen-Frey and Biemann, 2024) read into spans and
relations, and read back.

    test-wikinews-quotes.py GLOSS fixtures   our own articles in the format
                                             (tests/data/wikinews-quotes), and
                                             inputs that must be refused
    test-wikinews-quotes.py GLOSS dev        the 150 articles of the dev split,
                                             ../shared/quotes/wikinews-de-dev
                                             beside the source tree (or
                                             $GLOSS_QUOTES_DEV); skipped (77)
                                             without them

Both compare what Gloss wrote with what the source says through one
function, `source_quotations()`: every quotation's quote parts, attributes,
role spans and relations, exactly; every stored text against the text.
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

GLOSS = os.path.abspath(sys.argv.pop(1))
MODE = sys.argv.pop(1) if len(sys.argv) > 1 and sys.argv[1] in ("fixtures", "dev") else "fixtures"
TESTS = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(TESTS, "data", "wikinews-quotes")
DEV = os.environ.get("GLOSS_QUOTES_DEV",
                     os.path.join(os.path.dirname(TESTS), "..", "shared", "quotes", "wikinews-de-dev"))

ROLES = ("quote", "speaker", "cue", "frame", "addressee")
TYPES = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "free-indirect",
         "IndirectFreeIndirect": "indirect-free-indirect", "Reported": "reported"}
MEDIA = {"Speech": "speech", "Thought": "thought", "Writing": "writing", "ST": "speech-thought",
         "SW": "speech-writing", "TW": "thought-writing", "none": None}


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([GLOSS, *args], capture_output=True, env=env, timeout=300)


# --- The source: what Gloss must hold of an article -------------------------

def role_spans(annotation, role):
    value = annotation.get(role, [])
    return value["spans"] if isinstance(value, dict) else []


def utf16_to_code_points(text):
    """UTF-16 unit -> code point, for each unit that starts a character"""
    table, units = {}, 0
    for i, c in enumerate(text):
        table[units] = i
        units += 2 if ord(c) > 0xFFFF else 1
    table[units] = len(text)
    return table


def unit_of(article):
    """The unit the article's offsets count: code points, unless only UTF-16
    units make every role's text its spans' texts joined by a space"""
    text = article["originalText"]

    def fits(convert):
        for a in article["annotations"]:
            for role in ROLES:
                spans = role_spans(a, role)
                try:
                    joined = " ".join(text[convert(s["charBegin"]):convert(s["charEnd"])] for s in spans)
                except KeyError:
                    return False
                if any(convert(s["charEnd"]) > len(text) for s in spans):
                    return False
                if spans and joined != a[role]["text"]:
                    return False
        return True

    if fits(lambda x: x):
        return lambda x: x
    table = utf16_to_code_points(text)
    assert fits(table.__getitem__), "the offsets fit neither code points nor UTF-16 units"
    return table.__getitem__


def merged(parts):
    """Parts in text order, overlapping ones joined, as Gloss holds them"""
    out = []
    for start, end in sorted(parts):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def source_quotations(article):
    """The one reading of the source: each quotation with a quote as
    (quote parts, attributes, ((role, parts), …), isNested, hasNested), in
    code points, sorted; and how many quotations have no quote (left out)"""
    convert = unit_of(article)
    quotations, without_quote = [], 0
    for a in article["annotations"]:
        parts = {role: merged((convert(s["charBegin"]), convert(s["charEnd"])) for s in role_spans(a, role))
                 for role in ROLES}
        if not parts["quote"]:
            without_quote += 1
            continue
        attributes = {"type": TYPES[a["type"]]}
        if MEDIA[a["medium"]] is not None:
            attributes["medium"] = MEDIA[a["medium"]]
        roles = tuple(sorted((role, parts[role]) for role in ROLES[1:] if parts[role]))
        quotations.append((parts["quote"], tuple(sorted(attributes.items())), roles,
                           bool(a.get("isNested")), bool(a.get("hasNested"))))
    return sorted(quotations), without_quote


# --- What Gloss wrote -------------------------------------------------------

def chars(parts):
    return {i for start, end in parts for i in range(start, end)}


def gloss_quotations(document):
    """The quotations of a .gloss.json as source_quotations() gives them:
    each quote span with the spans its relations reach; isNested and
    hasNested derived from the quotes alone (a quote whose characters
    another quotation's quote holds, one exactly the same excepted)"""
    spans = {s["id"]: s for s in document["spans"]}
    reached = collections.defaultdict(list)
    for r in document["relations"]:
        assert spans[r["from"]]["label"] == "quote", r
        assert spans[r["to"]]["label"] == r["label"], r
        reached[r["from"]].append((r["label"], tuple(tuple(p) for p in spans[r["to"]]["parts"])))
    items = [(tuple(tuple(p) for p in s["parts"]), tuple(sorted(s["attributes"].items())),
              tuple(sorted(reached[s["id"]])))
             for s in document["spans"] if s["label"] == "quote"]
    quotations = []
    for i, item in enumerate(items):
        others = [chars(o[0]) for j, o in enumerate(items) if j != i and o != item]
        mine = chars(item[0])
        quotations.append(item + (any(mine <= o for o in others), any(o <= mine for o in others)))
    return sorted(quotations)


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


class Comparison:
    """Compares an imported folder with its source articles, and counts"""

    def __init__(self, test, folder):
        self.test = test
        self.folder = folder
        self.counts = collections.Counter()

    def check(self, article, document_id):
        test = self.test
        base = os.path.join(self.folder, document_id + ".txt")
        text = read_text(base)
        test.assertEqual(text, article["originalText"])
        with open(base + ".gloss.json", encoding="utf-8") as f:
            document = json.load(f)

        expected, without_quote = source_quotations(article)
        test.assertEqual(gloss_quotations(document), expected, document_id)

        # Every stored text is the text at its part
        for span in document["spans"]:
            test.assertEqual(span["text"], [text[s:e] for s, e in span["parts"]], (document_id, span))
        for annotation in document["annotations"]:
            test.assertEqual(annotation["text"], text[annotation["start"]:annotation["end"]])

        # A role two quotations share is one span, reached by two relations
        roles = {(label, parts) for q in expected for label, parts in q[2]}
        role_spans_written = [(s["label"], tuple(tuple(p) for p in s["parts"]))
                              for s in document["spans"] if s["label"] != "quote"]
        test.assertEqual(sorted(role_spans_written), sorted(roles), document_id)

        # The article's other members are its metadata, exactly
        test.assertEqual(document.get("meta"),
                         {k: v for k, v in article.items() if k not in ("originalText", "annotations")} or None)

        self.count(article, document, expected, without_quote)
        return document

    def count(self, article, document, expected, without_quote):
        c = self.counts
        c["articles"] += 1
        c["quotations in the source"] += len(article["annotations"])
        c["quotations without a quote (left out)"] += without_quote
        c["language " + document["language"]] += 1
        sentences = [(s["start"], s["end"]) for s in document["sentences"]]
        theirs = [(s["charBegin"], s["charEnd"]) for s in article.get("sentences", [])]
        for span in document["spans"]:
            c["spans " + span["label"]] += 1
            if len(span["parts"]) > 1:
                c["discontinuous " + span["label"]] += 1
            if span["label"] == "quote":
                start, end = span["parts"][0][0], span["parts"][-1][1]
                c["type " + span["attributes"]["type"]] += 1
                c["medium " + span["attributes"].get("medium", "(none)")] += 1
                if sum(1 for s, e in sentences if s < end and start < e) > 1:
                    c["quotes across Gloss's sentences"] += 1
                if sum(1 for s, e in theirs if s < end and start < e) > 1:
                    c["quotes across the dataset's sentences"] += 1
        for relation in document["relations"]:
            c["relations " + relation["label"]] += 1

    def report(self):
        for key in sorted(self.counts):
            print(f"# {key}: {self.counts[key]}")


def load_articles(folder):
    articles = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                document_id = name[:-len(".pretty.json")] if name.endswith(".pretty.json") else name[:-len(".json")]
                articles[document_id] = json.load(f)
    return articles


class Test(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gloss-wikinews-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def import_into(self, name, source, *options):
        out = self.path(name)
        result = run("import", "-f", "wikinews-quotes", "--into", out, *options, source)
        return out, result

    def assert_refused(self, source, *expected):
        out, result = self.import_into("refused", source)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 1, stderr)
        for text in expected:
            self.assertIn(text, stderr)
        self.assertIn("nothing was written", stderr)
        self.assertFalse(os.path.exists(out) and os.listdir(out), stderr)
        return stderr


GERMAN = "1001 - Stadtrat streitet über „Radwege“ (2026-12-02)"


class Fixtures(Test):
    def import_fixtures(self, *options):
        out, result = self.import_into("out", FIXTURES, *options)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return out, result.stderr.decode()

    def test_help(self):
        result = run("import", "--help")
        self.assertIn("wikinews-quotes", result.stdout.decode())

    def test_round_trip(self):
        out, stderr = self.import_fixtures()
        self.assertIn("2 documents written", stderr)
        self.assertEqual(run("validate", out).returncode, 0)
        articles = load_articles(FIXTURES)
        self.assertEqual(sorted(articles), [GERMAN, "en-council"])
        comparison = Comparison(self, out)
        for document_id, article in articles.items():
            comparison.check(article, document_id)
        counts = comparison.counts
        self.assertEqual(counts["quotations in the source"], 13)
        self.assertEqual(counts["quotations without a quote (left out)"], 1)
        self.assertEqual(counts["spans quote"], 12)
        # Two quotations of one speaker: one span; Residents twice too
        self.assertEqual(counts["spans speaker"], 9)
        self.assertEqual(counts["relations speaker"], 11)
        self.assertEqual(counts["language de"], 1)
        self.assertEqual(counts["language en"], 1)
        comparison.report()

    def test_exact(self):
        out, stderr = self.import_fixtures()
        text = read_text(self.path("out", GERMAN + ".txt"))
        self.assertIn("2027\u201c, sagte Bürgermeisterin Anna Weber der Zeitung. \u201eDas", text)
        self.assertEqual(text.count("\r\n"), 5)
        with open(self.path("out", GERMAN + ".txt.gloss.json"), encoding="utf-8") as f:
            document = json.load(f)
        spans = {s["id"]: s for s in document["spans"]}
        quotes = [s for s in document["spans"] if s["label"] == "quote"]

        # Two parts, the second across a sentence boundary, after 😊 (one
        # code point)
        first = quotes[0]
        self.assertEqual(first["parts"], [[58, 95], [143, 181]])
        self.assertEqual(first["text"], ["„Wir bauen 😊 zehn Kilometer bis 2027“",
                                         "„Das ist ein Anfang. Mehr geht nicht.“"])
        self.assertEqual(first["attributes"], {"type": "direct", "medium": "speech"})
        reached = sorted((r["label"], spans[r["to"]]["text"]) for r in document["relations"]
                         if r["from"] == first["id"])
        self.assertEqual(reached, [("addressee", ["der Zeitung"]), ("cue", ["sagte"]),
                                   ("frame", ["sagte Bürgermeisterin Anna Weber der Zeitung"]),
                                   ("speaker", ["Bürgermeisterin Anna Weber"])])
        sentences = [(s["start"], s["end"]) for s in document["sentences"]]
        self.assertIn((143, 163), sentences)  # „Das ist ein Anfang.
        self.assertIn((164, 181), sentences)  # Mehr geht nicht.“

        # The speaker both of Berg's quotations have is one span
        berg = [s for s in document["spans"] if s["text"] == ["Fraktionschef Jonas Berg"]
                and s["label"] == "speaker"]
        self.assertEqual(len(berg), 1)
        self.assertEqual(berg[0]["parts"], [[183, 207]])
        self.assertEqual(sorted(spans[r["from"]]["text"][0] for r in document["relations"]
                                if r["to"] == berg[0]["id"]),
                         ["die Kosten seien unklar", "es fehle ein Plan"])

        # A frame listed out of order, in text order
        frame = [s for s in document["spans"] if s["label"] == "frame" and len(s["parts"]) == 2]
        self.assertEqual([(f["parts"], f["text"]) for f in frame],
                         [([[183, 207], [238, 252]], ["Fraktionschef Jonas Berg", "schrieb später"])])

        # The nested quote inside its quote
        outer = [q for q in quotes if q["text"] == ["Weber habe ihm gesagt, „es gibt kein Geld“"]][0]
        inner = [q for q in quotes if q["text"] == ["„es gibt kein Geld“"]][0]
        self.assertEqual((outer["parts"], inner["parts"]), ([[294, 336]], [[317, 336]]))
        self.assertEqual(outer["attributes"], {"type": "indirect", "medium": "speech-writing"})

        # No medium, no role: a quote alone
        alone = [q for q in quotes if q["text"] == ["äußerte sich nicht"]][0]
        self.assertEqual(alone["attributes"], {"type": "reported"})
        self.assertFalse([r for r in document["relations"] if r["from"] == alone["id"]])

        # The quotation without a quote is left out, and said so
        self.assertIn(f"{GERMAN}.pretty.json: $.annotations[7].quote: Left out, as Gloss has no place for it: "
                      "1 record of another kind", stderr)
        self.assertFalse([s for s in document["spans"] if s["text"] == ["Die Verwaltung"]])

        # The labels are the quotation set's, nothing added
        with open(os.path.join(TESTS, "..", "data", "labels", "quotation.json"), encoding="utf-8") as f:
            builtin = json.load(f)
        self.assertEqual([l["id"] for l in document["labels"]], [l["id"] for l in builtin["labels"]])
        self.assertEqual(document["labels"][0]["attributes"], builtin["labels"][0]["attributes"])
        self.assertNotIn("warning", stderr)
        self.assertEqual(sorted(document["meta"]), ["documentName", "sentences", "tokens"])
        self.assertEqual(document["meta"]["documentName"], GERMAN)

        with open(self.path("out", "en-council.txt.gloss.json"), encoding="utf-8") as f:
            english = json.load(f)
        self.assertEqual(english["language"], "en")
        quote = [s for s in english["spans"] if s["label"] == "quote"][2]
        self.assertEqual((quote["parts"], quote["text"]), ([[100, 108], [120, 134]], ['"It is,"', '"a hard year."']))

    def test_one_file(self):
        out, result = self.import_into("one", os.path.join(FIXTURES, "en-council.json"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(sorted(os.listdir(out)), ["en-council.txt", "en-council.txt.gloss.json"])

    def test_strict(self):
        """--strict refuses the quotation without a quote"""
        out, result = self.import_into("strict", FIXTURES, "--strict")
        self.assertEqual(result.returncode, 1)
        self.assertIn("$.annotations[7].quote", result.stderr.decode())
        self.assertFalse(os.path.exists(out) and os.listdir(out))

    def test_utf16(self):
        """The same article with UTF-16 offsets, as Java counts: the same
        spans"""
        with open(os.path.join(FIXTURES, GERMAN + ".pretty.json"), encoding="utf-8") as f:
            article = json.load(f)
        text = article["originalText"]
        units = [0]
        for c in text:
            units.append(units[-1] + (2 if ord(c) > 0xFFFF else 1))
        for a in article["annotations"]:
            for role in ROLES:
                for s in role_spans(a, role):
                    s["charBegin"], s["charEnd"] = units[s["charBegin"]], units[s["charEnd"]]
        self.assertNotEqual(units[-1], len(text))
        os.mkdir(self.path("utf16"))
        with open(self.path("utf16", GERMAN + ".json"), "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)

        def spans(folder):
            with open(os.path.join(folder, GERMAN + ".txt.gloss.json"), encoding="utf-8") as f:
                return [(s["label"], s["parts"], s["text"]) for s in json.load(f)["spans"]]

        out, result = self.import_into("out16", self.path("utf16"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        reference, result = self.import_into("out", FIXTURES)
        self.assertEqual(spans(out), spans(reference))
        self.assertIn(("quote", [[58, 95], [143, 181]],
                       ["„Wir bauen 😊 zehn Kilometer bis 2027“", "„Das ist ein Anfang. Mehr geht nicht.“"]),
                      spans(out))

    def test_bom(self):
        """A text that starts with U+FEFF: the dataset counts it, Gloss
        keeps it as the file's BOM, not a character; in code points and in
        UTF-16 units"""
        text = "\ufeff„Ja“, sagte sie 😊 und ging."
        for name, after in (("points", 0), ("units", 1)):
            article = {"originalText": text, "annotations": [
                {"quote": {"spans": [{"charBegin": 0, "charEnd": 5}], "text": text[0:5]},
                 "speaker": {"spans": [{"charBegin": 13, "charEnd": 16}], "text": "sie"},
                 "type": "Direct", "medium": "Speech"},
                {"quote": {"spans": [{"charBegin": 19 + after, "charEnd": 27 + after}], "text": "und ging"},
                 "speaker": {"spans": [{"charBegin": 13, "charEnd": 16}], "text": "sie"},
                 "type": "Reported", "medium": "none"}]}
            os.makedirs(self.path(name))
            with open(self.path(name, "bom.json"), "w", encoding="utf-8") as f:
                json.dump(article, f, ensure_ascii=False)
            out, result = self.import_into(name + "-out", self.path(name), "--language", "de")
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            with open(os.path.join(out, "bom.txt"), "rb") as f:
                self.assertEqual(f.read(), text.encode())
            with open(os.path.join(out, "bom.txt.gloss.json"), encoding="utf-8") as f:
                document = json.load(f)
            self.assertTrue(document["text"]["bom"])
            self.assertEqual([(s["label"], s["parts"], s["text"]) for s in document["spans"]],
                             [("quote", [[0, 4]], ["„Ja“"]), ("speaker", [[12, 15]], ["sie"]),
                              ("quote", [[18, 26]], ["und ging"])])
            self.assertEqual(len(document["relations"]), 2)

    def test_overlapping_parts(self):
        """A role whose spans overlap (the dev split has two): one part"""
        article = {"originalText": "Sie sagte, es regne.",
                   "annotations": [{"quote": {"spans": [{"charBegin": 11, "charEnd": 19}], "text": "es regne"},
                                    "speaker": {"spans": [{"charBegin": 0, "charEnd": 3}], "text": "Sie"},
                                    "frame": {"spans": [{"charBegin": 0, "charEnd": 9},
                                                        {"charBegin": 4, "charEnd": 9}],
                                              "text": "Sie sagte sagte"},
                                    "type": "Indirect", "medium": "Speech"}]}
        os.mkdir(self.path("in"))
        with open(self.path("in", "a.json"), "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)
        out, result = self.import_into("out", self.path("in"), "--language", "de")
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 0, stderr)
        self.assertIn("a.json: $.annotations[0].frame.spans: warning: The spans [0, 9) and [4, 9) of the frame overlap; "
                      "they were joined into one", stderr)
        with open(self.path("out", "a.txt.gloss.json"), encoding="utf-8") as f:
            document = json.load(f)
        self.assertEqual([(s["label"], s["parts"]) for s in document["spans"]],
                         [("speaker", [[0, 3]]), ("frame", [[0, 9]]), ("quote", [[11, 19]])])
        self.assertEqual(gloss_quotations(document), source_quotations(article)[0])


def bad_article(**changes):
    article = {"documentName": "Kaputt", "originalText": "„Ja“, sagte sie 😊.",
               "annotations": [{"quote": {"spans": [{"charBegin": 0, "charEnd": 4}], "text": "„Ja“"},
                                "speaker": {"spans": [{"charBegin": 12, "charEnd": 15}], "text": "sie"},
                                "type": "Direct", "medium": "Speech"}]}
    for path, value in changes.items():
        target = article
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is None:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    return article


class Refused(Test):
    """An input with a problem writes nothing, and the problem names the
    file and the JSON path"""

    def refuse(self, article, *expected, raw=None):
        os.makedirs(self.path("in"), exist_ok=True)
        shutil.copy(os.path.join(FIXTURES, "en-council.json"), self.path("in"))
        with open(self.path("in", "Kaputt „1“.pretty.json"), "w", encoding="utf-8") as f:
            if raw is not None:
                f.write(raw)
            else:
                json.dump(article, f, ensure_ascii=False)
        return self.assert_refused(self.path("in"), *expected)

    def test_good(self):
        os.mkdir(self.path("in"))
        with open(self.path("in", "gut.json"), "w", encoding="utf-8") as f:
            json.dump(bad_article(), f, ensure_ascii=False)
        out, result = self.import_into("out", self.path("in"), "--language", "de")
        self.assertEqual(result.returncode, 0, result.stderr.decode())

    def test_missing_text(self):
        self.refuse(bad_article(originalText=None), "Kaputt „1“.pretty.json: $.originalText: “originalText” is missing")

    def test_text_not_string(self):
        self.refuse(bad_article(originalText=7), "Kaputt „1“.pretty.json: $.originalText: “originalText” must be a string")

    def test_missing_annotations(self):
        self.refuse(bad_article(annotations=None), "Kaputt „1“.pretty.json: $.annotations: “annotations” is missing")

    def test_out_of_range(self):
        self.refuse(bad_article(annotations__0__speaker__spans=[{"charBegin": 12, "charEnd": 19}]),
                    "Kaputt „1“.pretty.json: $.annotations[0].speaker.spans[0]: The span [12, 19) is not within "
                    "the text (18 characters)")

    def test_empty_span(self):
        self.refuse(bad_article(annotations__0__speaker__spans=[{"charBegin": 12, "charEnd": 12}]),
                    "$.annotations[0].speaker.spans[0]: The span [12, 12) is empty or ends before it starts")

    def test_not_a_number(self):
        self.refuse(bad_article(annotations__0__quote__spans=[{"charBegin": "0", "charEnd": 4}]),
                    "$.annotations[0].quote.spans[0].charBegin: “charBegin” must be a whole number, not a string")

    def test_unknown_type(self):
        self.refuse(bad_article(annotations__0__type="Quoted"),
                    "Kaputt „1“.pretty.json: $.annotations[0].type: Unknown type “Quoted”; it is one of Direct, "
                    "Indirect, FreeIndirect, IndirectFreeIndirect, Reported")

    def test_unknown_medium(self):
        self.refuse(bad_article(annotations__0__medium="Song"),
                    "$.annotations[0].medium: Unknown medium “Song”")

    def test_missing_type(self):
        self.refuse(bad_article(annotations__0__type=None), "$.annotations[0].type: “type” is missing")

    def test_text_differs(self):
        self.refuse(bad_article(annotations__0__speaker__text="Sie"),
                    "$.annotations[0].speaker.text: The text “Sie” differs from the text at the role’s spans: “sie”")

    def test_role_not_object(self):
        self.refuse(bad_article(annotations__0__cue="sagte"),
                    "$.annotations[0].cue: A role must be an object with “spans”, not a string")

    def test_not_json(self):
        self.refuse(None, "Kaputt „1“.pretty.json", raw="{\"originalText\": ")

    def test_not_object(self):
        self.refuse(None, "Kaputt „1“.pretty.json: $: An article must be a JSON object, not a list", raw="[]")

    def test_same_id(self):
        """x.json and x.pretty.json are one document id"""
        os.mkdir(self.path("in"))
        for name in ("x.json", "x.pretty.json"):
            with open(self.path("in", name), "w", encoding="utf-8") as f:
                json.dump(bad_article(), f, ensure_ascii=False)
        self.assert_refused(self.path("in"), "is used a second time")

    def test_one_file_unreadable(self):
        """One file that cannot be read is an error of the whole import"""
        out, result = self.import_into("out", self.path("missing.json"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("missing.json", result.stderr.decode())
        with open(self.path("broken.json"), "w", encoding="utf-8") as f:
            f.write("{")
        out, result = self.import_into("out", self.path("broken.json"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("broken.json", result.stderr.decode())
        self.assertFalse(os.path.exists(out))

    def test_empty_folder(self):
        os.mkdir(self.path("in"))
        out, result = self.import_into("out", self.path("in"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("holds no article", result.stderr.decode())


class Dev(Test):
    def test_dev_split(self):
        articles = load_articles(DEV)
        self.assertEqual(len(articles), 150)
        started = time.perf_counter()
        out, result = self.import_into("dev", DEV)
        elapsed = time.perf_counter() - started
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, 0, stderr)
        self.assertIn("150 documents written", stderr)
        # The two frames whose spans overlap are the only warnings
        warnings = [line for line in stderr.splitlines() if "warning:" in line]
        self.assertEqual(len(warnings), 2, stderr)
        self.assertTrue(all("of the frame overlap; they were joined into one" in w for w in warnings), warnings)
        self.assertEqual(run("validate", out).returncode, 0)

        comparison = Comparison(self, out)
        for document_id, article in articles.items():
            comparison.check(article, document_id)
        counts = comparison.counts
        self.assertEqual(counts["quotations in the source"], 653)
        self.assertEqual(counts["spans quote"], 653)
        print(f"# import of the 150 articles: {elapsed:.2f} s (wall clock, one run, with the writes)")
        comparison.report()

        # import -> export documents-jsonl: every quotation equals the source
        exported = self.path("dev.jsonl")
        result = run("export", "-f", "documents-jsonl", "-o", exported, out)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        seen = 0
        with open(exported, encoding="utf-8") as f:
            for line in f:
                document = json.loads(line)
                document_id = document["id"][:-len(".txt")]
                article = articles[document_id]
                self.assertEqual(document["text"], article["originalText"])
                self.assertEqual(gloss_quotations(document), source_quotations(article)[0], document_id)
                for span in document["spans"]:
                    self.assertEqual(span["text"], [document["text"][a:b] for a, b in span["parts"]])
                seen += 1
        self.assertEqual(seen, 150)

        # brat: every T fragment is the text at its offsets, every R joins two T
        brat = self.path("dev-brat")
        result = run("export", "-f", "brat", "-o", brat, out)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        n_fragments = n_relations = 0
        for document_id, article in articles.items():
            text = read_text(os.path.join(brat, document_id + ".txt"))
            self.assertEqual(text, article["originalText"])
            with open(os.path.join(brat, document_id + ".ann"), encoding="utf-8", newline="") as f:
                lines = f.read().split("\n")
            self.assertEqual(lines[-1], "")
            entities = set()
            for line in lines[:-1]:
                fields = line.split("\t")
                if line.startswith("T"):
                    label_offsets = fields[1].split(" ", 1)
                    fragments = [tuple(map(int, f.split(" "))) for f in label_offsets[1].split(";")]
                    self.assertEqual(fields[2], " ".join(text[a:b] for a, b in fragments), line)
                    entities.add(fields[0])
                    n_fragments += len(fragments)
                elif line.startswith("R"):
                    _, arg1, arg2 = fields[1].split(" ")
                    self.assertIn(arg1[len("Arg1:"):], entities, line)
                    self.assertIn(arg2[len("Arg2:"):], entities, line)
                    n_relations += 1
        self.assertEqual(n_relations, 1567)
        print(f"# brat export: {n_fragments} T fragments equal the text, {n_relations} R lines")


if __name__ == "__main__":
    suite = unittest.TestSuite()
    loader = unittest.defaultTestLoader
    if MODE == "dev":
        if not os.path.isdir(DEV):
            print(f"# skipped: no {DEV}")
            sys.exit(77)
        suite.addTests(loader.loadTestsFromTestCase(Dev))
    else:
        suite.addTests(loader.loadTestsFromTestCase(Fixtures))
        suite.addTests(loader.loadTestsFromTestCase(Refused))
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
