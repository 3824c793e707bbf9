#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`gloss agree --git-rev A --git-rev B [PATH]` with real git (issue 15).

Each annotator's copy is a branch of a repository made in a temporary
folder; the work tree stays on another branch, never checked out.

- The agreement fixtures' reports (tests/data/agreement/expected/, the
  folders' report) come out byte for byte the same between branches that
  hold those folders.
- A constructed case (German and English, „…“, CR LF, 😊) gives exactly the
  κ and α worked out by hand, whatever PATH names (the top, a folder, one
  text, the current folder).
- Errors: one revision, a revision that does not exist, a PATH outside any
  work tree, no git, folders beside --git-rev; a text annotated at one
  revision only.
Skipped (77) without git.
"""
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True

GLOSS = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
SRCDIR = os.path.dirname(os.path.abspath(__file__))
AGREEMENT = os.path.join(SRCDIR, "data", "agreement")
EXPECTED = os.path.join(AGREEMENT, "expected")
GIT = shutil.which("git")

# git without the user's configuration, and with a name
GIT_ENV = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org",
               LC_ALL="C.UTF-8", LANGUAGE="")


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixtures = load_module("fixtures", os.path.join(AGREEMENT, "make-fixtures.py"))


def git(cwd, *args):
    return subprocess.run([GIT, *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True).stdout


def run(*args, cwd=None, env=None):
    return subprocess.run([GLOSS, *args], capture_output=True, env=env or GIT_ENV, timeout=120, cwd=cwd)


def make_repository(root, copies, subfolder="corpus"):
    """A repository at root whose branch NAME holds copies[NAME] (a folder)
    in subfolder; the work tree is left on main, which has none of them"""
    os.makedirs(root)
    git(root, "init", "-q", "-b", "main")
    with open(os.path.join(root, "README"), "w") as f:
        f.write("Korpus\n")
    git(root, "add", "README")
    git(root, "commit", "-q", "-m", "Beginn")
    for name, folder in copies.items():
        git(root, "checkout", "-q", "-b", name, "main")
        shutil.copytree(folder, os.path.join(root, subfolder))
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Annotationen von " + name)
        git(root, "checkout", "-q", "main")
    return root


# --- The fixtures' reports --------------------------------------------------

# name: (study, arguments before the revisions, annotators)
GOLDEN = {
    "study": ("study", [], ["ada", "bea", "cem"]),
    "study-labels": ("study", ["-l", "quote", "-l", "claim", "-l", "rumour"], ["ada", "bea", "cem"]),
    "perfect": ("perfect", [], ["ada", "bea"]),
    "novariation": ("novariation", [], ["ada", "bea"]),
    "nospans": ("nospans", [], ["ada", "bea"]),
    "nospans-labels": ("nospans", ["-l", "quote", "-l", "claim", "-l", "speaker"], ["ada", "bea"]),
}


def revisions(names):
    return [arg for name in names for arg in ("--git-rev", name)]


class Fixtures(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gloss-agree-git-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_reports_as_folders(self):
        """Between branches, each report is byte for byte the folders' report"""
        for name, (study, args, names) in GOLDEN.items():
            root = os.path.join(self.tmp, name)
            if not os.path.exists(root):
                make_repository(root, {n: os.path.join(AGREEMENT, study, n) for n in names})
            for suffix, extra in (("txt", []), ("json", ["--json"])):
                with self.subTest(name=name, suffix=suffix), open(os.path.join(EXPECTED, f"{name}.{suffix}")) as f:
                    result = run("agree", *extra, *args, *revisions(names), "corpus", cwd=root)
                    self.assertEqual("exit %d\n" % result.returncode + result.stdout.decode(), f.read())
                    self.assertEqual(result.stderr, b"")

    def test_spans_as_folders(self):
        """Spans and relations (CR LF, „…“, 😊): the same report as the folders'"""
        folder = os.path.join(AGREEMENT, "spans")
        root = make_repository(os.path.join(self.tmp, "spans"), {n: os.path.join(folder, n) for n in ("ada", "bea")})
        for extra in ([], ["--json"]):
            ours = run("agree", *extra, "--git-rev", "ada", "--git-rev", "bea", "corpus", cwd=root)
            theirs = run("agree", *extra, "ada", "bea", cwd=folder)
            self.assertEqual(ours.returncode, 0, ours.stderr)
            self.assertEqual(ours.stdout.decode(), theirs.stdout.decode())
            self.assertIn("Spans in the compared documents" if not extra else '"spans": {', ours.stdout.decode())

    def test_broken_named_by_revision(self):
        """A broken annotation file is named as git names it, REV:PATH"""
        folder = os.path.join(AGREEMENT, "broken")
        root = make_repository(os.path.join(self.tmp, "broken"), {n: os.path.join(folder, n) for n in ("ada", "bea")})
        result = run("agree", "--git-rev", "ada", "--git-rev", "bea", "corpus", cwd=root)
        with open(os.path.join(EXPECTED, "broken.txt")) as f:
            self.assertEqual("exit %d\n" % result.returncode + result.stdout.decode(), f.read())
        folders = run("agree", "ada", "bea", cwd=folder)
        expected = folders.stderr.decode().replace(folder + "/ada/", "ada:corpus/").replace(folder + "/bea/",
                                                                                                 "bea:corpus/")
        self.assertEqual(result.stderr.decode(), expected)
        self.assertIn("gloss agree: bea:corpus/b.txt.gloss.json: $.annotations[0]:", result.stderr.decode())


# --- A constructed case ----------------------------------------------------

DE = ["Die Ministerin sagte: „Wir bauen die Brücke.“", "Kritiker widersprachen 😊.",
      "„Das wird teuer“, warnte der Rechnungshof."]
EN = ["“We will not raise taxes,” the mayor said.", "Nobody objected 😊."]


def write_copy(root, annotator, de_labels, en_labels):
    """The two texts, with CR LF line ends, and their sentence labels"""
    for name, sentences, language, labelled in (("de/artikel.txt", DE, "de", de_labels),
                                                ("en/article.txt", EN, "en", en_labels)):
        text, spans, offset = "", [], 0
        for i, sentence in enumerate(sentences):
            if i:
                text += "\r\n"
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence
        text += "\r\n"
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        raw = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(raw)
        annotations = []
        for index in sorted(labelled):
            start, end = spans[index]
            annotations.append({"id": len(annotations) + 1, "label": "quote", "start": start, "end": end,
                                "sentence": index, "text": text[start:end], "note": "", "annotator": annotator,
                                "created": fixtures.TIME, "modified": fixtures.TIME})
        document = {"format": "gloss", "version": 1,
                    "text": {"file": os.path.basename(path), "sha256": hashlib.sha256(raw).hexdigest(),
                             "length": len(text), "bom": False},
                    "language": language, "done": True, "labels": fixtures.LABELS,
                    "sentences": [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(spans)],
                    "annotations": annotations}
        with open(path + ".gloss.json", "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, indent=2)
            f.write("\n")


# Five sentences, one label: Ada labels 0, 1 (de) and 3 (en), Bea 0, 2 (de)
# and 3 (en). Both yes 2, Ada only 1, Bea only 1, both no 1: observed 3/5;
# chance 0.6² + 0.4² = 0.52, so Cohen's and Fleiss' κ = 0.08 / 0.48 = 1/6;
# Krippendorff's α = 1 − (n − 1) o_yn / (n_y n_n) = 1 − 9 · 2 / 24 = 0.25.
QUOTE_ROW = "quote               5         5     0.600     0.167           0.250"
PAIR_ROW = "quote       A–B           5     0.600    0.167        2       1       1      1"


class Constructed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gloss-agree-git-")
        copies = os.path.join(cls.tmp, "copies")
        write_copy(os.path.join(copies, "ada"), "Ada", {0, 1}, {0})
        write_copy(os.path.join(copies, "bea"), "Bea", {0, 2}, {0})
        cls.root = make_repository(os.path.join(cls.tmp, "repo"),
                                   {"ada": os.path.join(copies, "ada"), "bea": os.path.join(copies, "bea")},
                                   subfolder="Korpus")
        cls.copies = copies

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def agree(self, *args, cwd=None):
        return run("agree", "--git-rev", "ada", "--git-rev", "bea", *args, cwd=cwd or self.root)

    def test_exact_figures(self):
        result = self.agree("Korpus")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.decode().splitlines()
        self.assertEqual(lines[:3], ["Annotators:", "  A  ada", "  B  bea"])
        self.assertIn(QUOTE_ROW, lines)
        self.assertIn(PAIR_ROW, lines)
        data = json.loads(self.agree("--json", "Korpus").stdout)
        self.assertEqual([a["name"] for a in data["annotators"]], ["ada", "bea"])
        quote = data["per_label"]["quote"]
        self.assertEqual((quote["observed"], quote["fleiss_kappa"], quote["krippendorff_alpha"]), (0.6, 0.166667, 0.25))
        self.assertEqual([d["id"] for d in data["per_document"]], ["de/artikel.txt", "en/article.txt"])

    def test_same_as_folders(self):
        ours = self.agree("--json", "Korpus").stdout
        theirs = run("agree", "--json", "ada", "bea", cwd=self.copies).stdout
        self.assertEqual(ours.decode(), theirs.decode())

    def test_paths(self):
        """A folder, one text, the current folder: ids below what is given"""
        data = json.loads(self.agree("--json", "Korpus/de").stdout)
        self.assertEqual([d["id"] for d in data["per_document"]], ["artikel.txt"])
        self.assertEqual(data["sentences"], 3)
        data = json.loads(self.agree("--json", "Korpus/en/article.txt").stdout)
        self.assertEqual([d["id"] for d in data["per_document"]], ["article.txt"])
        self.assertEqual(data["per_label"]["quote"]["observed"], 1.0)
        # The work tree (on main) has no Korpus folder: from its top, the
        # whole tree; from a folder in it, that folder
        data = json.loads(self.agree("--json").stdout)
        self.assertEqual([d["id"] for d in data["per_document"]], ["Korpus/de/artikel.txt", "Korpus/en/article.txt"])
        os.makedirs(os.path.join(self.root, "Korpus", "en"), exist_ok=True)
        try:
            data = json.loads(self.agree("--json", cwd=os.path.join(self.root, "Korpus", "en")).stdout)
            self.assertEqual([d["id"] for d in data["per_document"]], ["article.txt"])
        finally:
            shutil.rmtree(os.path.join(self.root, "Korpus"))

    def test_nothing_checked_out(self):
        head = git(self.root, "rev-parse", "HEAD")
        status = git(self.root, "status", "--porcelain", "--ignored")
        self.agree("Korpus")
        self.assertEqual(git(self.root, "rev-parse", "HEAD"), head)
        self.assertEqual(git(self.root, "status", "--porcelain", "--ignored"), status)
        self.assertEqual(git(self.root, "symbolic-ref", "HEAD"), b"refs/heads/main\n")

    def test_commits_and_tags(self):
        git(self.root, "tag", "-f", "v1", "ada")
        commit = git(self.root, "rev-parse", "bea").decode().strip()
        result = run("agree", "--git-rev", "v1", "--git-rev", commit, "Korpus", cwd=self.root)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(QUOTE_ROW, result.stdout.decode().splitlines())
        self.assertEqual(result.stdout.decode().splitlines()[:3], ["Annotators:", "  A  v1", f"  B  {commit}"])


class Errors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gloss-agree-git-")
        copies = os.path.join(cls.tmp, "copies")
        write_copy(os.path.join(copies, "ada"), "Ada", {0}, {0})
        write_copy(os.path.join(copies, "bea"), "Bea", {1}, {1})
        # Cem annotated only the German text
        write_copy(os.path.join(copies, "cem"), "Cem", {0}, {1})
        os.remove(os.path.join(copies, "cem", "en", "article.txt.gloss.json"))
        cls.root = make_repository(os.path.join(cls.tmp, "repo"),
                                   {n: os.path.join(copies, n) for n in ("ada", "bea", "cem")})

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_one_revision(self):
        result = run("agree", "--git-rev", "ada", "corpus", cwd=self.root)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"Give --git-rev two or more times", result.stderr)
        self.assertEqual(result.stdout, b"")

    def test_two_paths(self):
        result = run("agree", "--git-rev", "ada", "--git-rev", "bea", "corpus", "corpus", cwd=self.root)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"give at most one PATH", result.stderr)

    def test_no_such_revision(self):
        result = run("agree", "--git-rev", "ada", "--git-rev", "zoe", "corpus", cwd=self.root)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(), "gloss agree: There is no revision “zoe” (branch, tag or commit) in "
                                                 f"the repository {os.path.realpath(self.root)}\n")
        self.assertEqual(result.stdout, b"")
        result = run("agree", "--git-rev", "ada", "--git-rev", "--all", "corpus", cwd=self.root)
        self.assertEqual(result.returncode, 2)
        self.assertIn("There is no revision “--all”", result.stderr.decode())

    def test_not_in_a_repository(self):
        outside = os.path.join(self.tmp, "copies", "ada")
        result = run("agree", "--git-rev", "ada", "--git-rev", "bea", outside, cwd=self.tmp)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(), f"gloss agree: {outside} is not in a git work tree\n")
        nowhere = os.path.join(self.tmp, "nirgends", "x")
        result = run("agree", "--git-rev", "ada", "--git-rev", "bea", nowhere)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode(), f"gloss agree: {nowhere} is not in a git work tree\n")

    def test_no_git(self):
        env = dict(GIT_ENV, PATH=os.path.join(self.tmp, "no-programs"))
        result = run("agree", "--git-rev", "ada", "--git-rev", "bea", "corpus", cwd=self.root, env=env)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(), "gloss agree: Git is needed to read revisions, but the program "
                                                 "“git” was not found: install git\n")

    def test_annotated_at_one_revision(self):
        result = run("agree", "--json", "--git-rev", "ada", "--git-rev", "cem", "corpus/en", cwd=self.root)
        self.assertEqual(result.returncode, 1)
        data = json.loads(result.stdout)
        self.assertEqual(data["per_document"][0]["status"], "too_few_copies")
        self.assertEqual(data["per_document"][0]["copies"], ["ok", "not_annotated"])
        self.assertEqual(result.stderr.decode(), "gloss agree: no document was compared: of 1, 1 are held (annotated "
                                                 "and without problems) at fewer than two revisions and 0 have "
                                                 "different texts at the revisions; documents are matched by their "
                                                 "path at each revision\n")
        # With a third that has it, the other two are compared
        result = run("agree", "--git-rev", "ada", "--git-rev", "bea", "--git-rev", "cem", "corpus", cwd=self.root)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("en/article.txt", result.stdout.decode())
        self.assertIn("C not annotated", result.stdout.decode())

    def test_nothing_at_path(self):
        for path in ("README", "Korpus", "corpus/fr"):
            result = run("agree", "--git-rev", "ada", "--git-rev", "bea", path, cwd=self.root)
            self.assertEqual(result.returncode, 1)
            self.assertIn("gloss agree: no document was compared: the revisions hold no texts (.txt) at the path "
                          "given\n", result.stderr.decode())


if __name__ == "__main__":
    if GIT is None:
        print("1..0 # SKIP git is not installed")
        sys.exit(77)
    unittest.main()
