#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data/gloss.schema.json against the fixtures: every annotation file that
Gloss loads without a problem passes the schema, and each invalid fixture
fails it exactly where a schema can say what is wrong (the rest, such as
offsets beyond the text or duplicate ids, only Gloss's loading finds).
Needs Debian's python3-jsonschema; skips (77) without it unless CI is
set."""
import glob
import json
import os
import subprocess
import sys
import unittest

try:
    import jsonschema
except ImportError:
    if os.environ.get("CI"):
        raise
    print("python3-jsonschema is not installed: skipped", file=sys.stderr)
    sys.exit(77)

GLOSS = os.path.abspath(sys.argv.pop(1))
SRCDIR = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(SRCDIR, "data")
SCHEMA = os.path.join(SRCDIR, "..", "data", "gloss.schema.json")

# The invalid fixtures (tests/data/invalid/) whose problem is one of form
SCHEMA_REJECTS = {
    "not-object", "wrong-type", "float-offset", "missing-key", "missing-sentences", "huge-number", "negative",
    "newer-version", "unknown-field", "wrong-format", "bad-language",
    "span-no-parts", "span-part-not-pair", "span-attribute-not-string", "span-bad-origin", "spans-not-list",
    "label-unknown-scope", "label-bad-value", "v1-with-spans", "v1-span-labels",
    "conflict-unknown-kind", "conflict-both-null",
}
# Not JSON at all, or too deep for Python's parser: there is nothing to validate
NOT_JSON = {"not-json", "deep"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Schema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load(SCHEMA)
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)

    def errors(self, path):
        return list(self.validator.iter_errors(load(path)))

    def test_valid_fixtures(self):
        """Every file Gloss finds valid is valid by the schema"""
        files = sorted(glob.glob(os.path.join(DATA, "**", "*.gloss.json"), recursive=True))
        checked = set()
        for path in files:
            name = os.path.basename(path)[:-len(".txt.gloss.json")]
            if os.path.dirname(path).endswith("invalid") and name in NOT_JSON:
                continue
            result = subprocess.run([GLOSS, "validate", path], capture_output=True,
                                    env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
            if result.returncode != 0:
                continue
            with self.subTest(path=os.path.relpath(path, DATA)):
                self.assertEqual([e.message for e in self.errors(path)], [])
            checked.add(os.path.relpath(path, DATA))
        # Both versions, the examples of the README and the span fixtures among them
        for expected in ("example/artikel.txt.gloss.json", "invalid/valid.txt.gloss.json",
                         "invalid/valid-v2.txt.gloss.json", "spans/de-zitate.txt.gloss.json",
                         "spans/en-quotes.txt.gloss.json", "suggest-flow/stored/artikel.txt.gloss.json"):
            self.assertIn(expected, checked)

    def test_merge_clashes(self):
        """A merge's result with its clashes (issue 15) is of good form,
        though validate lists the clashes"""
        path = os.path.join(DATA, "merge", "clashes.txt.gloss.json")
        result = subprocess.run([GLOSS, "validate", path], capture_output=True,
                                env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
        self.assertEqual(result.returncode, 1)
        self.assertNotIn(b"$.conflicts[", result.stdout.replace(b": $.conflicts[", b""))
        kinds = {c["kind"] for c in load(path)["conflicts"]}
        self.assertEqual(kinds, {"span", "relation", "note", "sentence", "label", "meta"})
        self.assertEqual([e.message for e in self.errors(path)], [])

    def test_invalid_fixtures(self):
        """Each invalid fixture fails the schema if and only if its problem is
        one of form"""
        folder = os.path.join(DATA, "invalid")
        names = sorted(f[:-len(".txt.gloss.json")] for f in os.listdir(folder) if f.endswith(".txt.gloss.json"))
        self.assertGreater(len(names), 50)
        for name in names:
            if name in NOT_JSON or name.startswith("valid"):
                continue
            with self.subTest(name=name):
                errors = self.errors(os.path.join(folder, name + ".txt.gloss.json"))
                if name in SCHEMA_REJECTS:
                    self.assertNotEqual(errors, [], "the schema lets it pass")
                else:
                    self.assertEqual([e.message for e in errors], [], "the schema refuses a file of good form")

    def test_where(self):
        """The schema names the place, as Gloss does"""
        cases = {
            "span-part-not-pair": ["spans", 0, "parts", 0],
            "span-bad-origin": ["spans", 1, "origin"],
            "label-bad-value": ["labels", 2, "attributes", 0, "values"],
            "float-offset": ["sentences", 0, "end"],
        }
        for name, where in cases.items():
            with self.subTest(name=name):
                errors = self.errors(os.path.join(DATA, "invalid", name + ".txt.gloss.json"))
                paths = [list(e.absolute_path) for e in errors]
                self.assertTrue(any(p[:len(where)] == where for p in paths) or
                                any(list(c.absolute_path)[:len(where)] == where
                                    for e in errors for c in (e.context or [])), paths)


if __name__ == "__main__":
    unittest.main()
