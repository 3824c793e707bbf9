#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A team's corpus in git (issue 15), with real repositories.

The German interview of tests/data/export-spans (CR LF, „…“, 😊) is
annotated on two branches; `gloss git-setup` registers the merge driver and
`git merge` runs it as it runs for any user:

- two annotators add, remove and change labels, notes, spans, relations,
  attributes and the label set → a clean merge, the exact expected file;
- a table of real clashes → git stops, the file is JSON holding both
  sides, `gloss validate` lists them, resolving them through the core's
  API (resolve-conflicts, which saves as the window does) gives the
  expected file, and the commit after it validates;
- one side re-splits a sentence or changes the text while the other
  labels it;
- the same merge gives the same bytes; a side that is not JSON leaves
  OURS as it was and exits 2.

Skipped (77) when git is missing.
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
RESOLVE = os.path.abspath(sys.argv.pop(1))
SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(SOURCE, 'tests', 'data', 'export-spans', 'de')
NAME = 'interview.txt'
JSON = NAME + '.gloss.json'

if shutil.which('git') is None:
    print('git is not installed', file=sys.stderr)
    sys.exit(77)

ENV = dict(os.environ)
ENV.update({
    'GIT_CONFIG_GLOBAL': '/dev/null',
    'GIT_CONFIG_NOSYSTEM': '1',
    'GIT_AUTHOR_NAME': 'Ada', 'GIT_AUTHOR_EMAIL': 'ada@example.org',
    'GIT_COMMITTER_NAME': 'Ada', 'GIT_COMMITTER_EMAIL': 'ada@example.org',
    'GIT_AUTHOR_DATE': '2026-12-02T10:00:00Z', 'GIT_COMMITTER_DATE': '2026-12-02T10:00:00Z',
    # git runs the driver as "gloss merge …": this build's gloss
    'PATH': os.path.dirname(GLOSS) + os.pathsep + os.environ.get('PATH', ''),
    'LC_ALL': 'C.UTF-8',
})

with open(os.path.join(FIXTURE, JSON), encoding='utf-8') as f:
    BASE = f.read()


def edit(text, *pairs):
    """TEXT with each OLD replaced by NEW; each OLD there exactly once."""
    for old, new in zip(pairs[::2], pairs[1::2]):
        assert text.count(old) == 1, (old, text.count(old))
        text = text.replace(old, new)
    return text


SPAN1_NOTE = ('"note": "Zitat über zwei Sätze 😊", "annotator": "Ada", '
              '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:30:00Z"')
SPAN1_ATTRIBUTES = '"attributes": {"type": "direct", "medium": "speech"}'
SPAN1_LINE = '    {"id": 1, "label": "quote", "parts": [[32, 65], [117, 169]]'
SPAN5_LINE = ('    {"id": 5, "label": "speaker", "parts": [[90, 102]], "text": ["Anna Schmidt"], "attributes": {}, '
              '"note": "nur der Name", "annotator": "Bea", "created": "2026-12-02T08:00:00Z", '
              '"modified": "2026-12-02T08:30:00Z"},\n')
RELATION4_LINE = ('    {"id": 4, "label": "speaker", "from": 1, "to": 5, "note": "", "annotator": "Bea", '
                  '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:00:00Z"},\n')
RELATION5_LINE = ('    {"id": 5, "label": "speaker", "from": 6, "to": 7, "note": "", "annotator": "Bea", '
                  '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:00:00Z"}')
RELATION6_LINE = (',\n    {"id": 6, "label": "cue", "from": 6, "to": 8, "note": "", "annotator": "Bea", '
                  '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:00:00Z"}')
CLAIM_LINE = ('    {"id": 1, "label": "claim", "start": 172, "end": 218, "sentence": 4, '
              '"text": "Der Verkehrsclub kritisierte die Pläne scharf.", "note": "", "annotator": "Bea", '
              '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:00:00Z"}')
CLAIM_DESCRIPTION = '"description": "A statement presented as fact that could be checked."'
LAST_LABEL = '"description": "To whom the quote was said or written, when the text names it (told the newspaper).", "scope": "span"}'
SENTENCE1_LINE = '{"id": 1, "start": 31, "end": 115}'

# Alice: a note, a new span, a relation deleted, a sentence labelled with
# a note, a label added to the set, meta
ALICE = edit(
    BASE,
    SPAN1_NOTE, SPAN1_NOTE.replace('😊"', '😊 (geprüft)"').replace('08:30:00Z', '09:00:00Z'),
    SPAN1_LINE, '    {"id": 9, "label": "cue", "parts": [[0, 4]], "text": ["Neue"], "attributes": {}, '
                '"note": "„Überschrift“", "annotator": "Ada", "created": "2026-12-02T09:00:00Z", '
                '"modified": "2026-12-02T09:00:00Z"},\n' + SPAN1_LINE,
    RELATION6_LINE, '',
    CLAIM_LINE, '    {"id": 2, "label": "claim", "start": 0, "end": 27, "sentence": 0, '
                '"text": "Neue Regeln für E-Scooter 😊", "note": "Titel", "annotator": "Ada", '
                '"created": "2026-12-02T09:00:00Z", "modified": "2026-12-02T09:00:00Z"},\n' + CLAIM_LINE,
    LAST_LABEL, LAST_LABEL + ',\n    {"id": "evidence", "name": "Evidence", "color": "#2ec27e", "key": "e", '
                             '"description": "Belege"}',
    '\n}\n', ',\n  "meta": {"outlet":"Tagblatt"}\n}\n',
)

# Bob: an attribute, a new span with the id Alice's took, a relation to
# it, a label removed, a label's description, done, meta
BOB_SPAN = ('    {"id": 9, "label": "speaker", "parts": [[5, 11]], "text": ["Regeln"], "attributes": {}, '
            '"note": "Bob", "annotator": "Bob", "created": "2026-12-02T09:30:00Z", '
            '"modified": "2026-12-02T09:30:00Z"},\n')
BOB_RELATION = (',\n    {"id": 7, "label": "speaker", "from": 6, "to": 9, "note": "", "annotator": "Bob", '
                '"created": "2026-12-02T09:30:00Z", "modified": "2026-12-02T09:30:00Z"}')
BOB = edit(
    BASE,
    SPAN1_ATTRIBUTES, SPAN1_ATTRIBUTES.replace('speech', 'writing'),
    SPAN1_LINE, BOB_SPAN + SPAN1_LINE,
    RELATION5_LINE, RELATION5_LINE + BOB_RELATION,
    '"annotations": [\n' + CLAIM_LINE + '\n  ]', '"annotations": []',
    CLAIM_DESCRIPTION, '"description": "Eine überprüfbare Tatsachenbehauptung."',
    '"done": false', '"done": true',
    '\n}\n', ',\n  "meta": {"url":"https://example.org/roller"}\n}\n',
)

# Both: Bob's span renumbered past every id either side had (10), his
# relation following it; every other change of each side
EXPECTED = edit(
    ALICE,
    SPAN1_ATTRIBUTES, SPAN1_ATTRIBUTES.replace('speech', 'writing'),
    SPAN1_LINE, BOB_SPAN.replace('"id": 9', '"id": 10') + SPAN1_LINE,
    RELATION5_LINE, RELATION5_LINE + BOB_RELATION.replace('"to": 9', '"to": 10'),
    ',\n' + CLAIM_LINE, '',
    CLAIM_DESCRIPTION, '"description": "Eine überprüfbare Tatsachenbehauptung."',
    '"done": false', '"done": true',
    '"meta": {"outlet":"Tagblatt"}', '"meta": {"outlet":"Tagblatt","url":"https://example.org/roller"}',
)


class Repository:
    def __init__(self, test):
        self.test = test
        self.path = tempfile.mkdtemp(prefix='gloss-git-')
        test.addCleanup(shutil.rmtree, self.path)
        self.git('init', '-q', '-b', 'main')
        shutil.copy(os.path.join(FIXTURE, NAME), self.path)
        self.write(BASE)

    def run(self, *args, check=True):
        result = subprocess.run(args, cwd=self.path, env=ENV, capture_output=True, text=True)
        if check and result.returncode != 0:
            self.test.fail('%s failed (%d): %s %s' % (' '.join(args), result.returncode, result.stdout,
                                                      result.stderr))
        return result

    def git(self, *args, check=True):
        return self.run('git', *args, check=check)

    def gloss(self, *args, check=True):
        return self.run(GLOSS, *args, check=check)

    def write(self, text, name=JSON):
        with open(os.path.join(self.path, name), 'w', encoding='utf-8', newline='') as f:
            f.write(text)

    def read(self, name=JSON):
        with open(os.path.join(self.path, name), encoding='utf-8', newline='') as f:
            return f.read()

    def commit(self, message):
        self.git('add', '-A')
        self.git('commit', '-q', '--allow-empty', '-m', message)

    def branches(self, ours, theirs, ours_text=None, theirs_text=None):
        """main holds the base; alice holds OURS, bob THEIRS; on alice."""
        self.commit('base')
        self.git('checkout', '-q', '-b', 'bob')
        if theirs_text is not None:
            self.write(theirs_text, NAME)
        self.write(theirs)
        self.commit('bob')
        self.git('checkout', '-q', '-b', 'alice', 'main')
        if ours_text is not None:
            self.write(ours_text, NAME)
        self.write(ours)
        self.commit('alice')


class GitMerge(unittest.TestCase):
    def setup(self):
        repo = Repository(self)
        result = repo.gloss('git-setup')
        self.assertIn('.gitattributes', result.stdout)
        self.assertIn('merge.gloss.driver', result.stdout)
        return repo

    def test_git_setup(self):
        repo = Repository(self)
        sub = os.path.join(repo.path, 'korpus')
        os.mkdir(sub)
        repo.write('*.txt text\n', '.gitattributes')
        result = repo.gloss('git-setup', 'korpus')
        self.assertIn('Added “*.gloss.json merge=gloss”', result.stdout)
        self.assertEqual(repo.read('.gitattributes'), '*.txt text\n*.gloss.json merge=gloss\n')
        self.assertEqual(repo.git('config', 'merge.gloss.driver').stdout, 'gloss merge %O %A %B %P\n')
        self.assertTrue(repo.git('config', 'merge.gloss.name').stdout.strip())

        # Nothing twice
        again = repo.gloss('git-setup', sub)
        self.assertIn('Nothing to do', again.stdout)
        self.assertEqual(repo.read('.gitattributes'), '*.txt text\n*.gloss.json merge=gloss\n')
        self.assertEqual(repo.git('config', '--get-all', 'merge.gloss.driver').stdout.count('\n'), 1)

        # Not a repository
        outside = tempfile.mkdtemp(prefix='gloss-no-git-')
        self.addCleanup(shutil.rmtree, outside)
        result = subprocess.run([GLOSS, 'git-setup', outside], env=dict(ENV, GIT_CEILING_DIRECTORIES=os.path.dirname(outside)),
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn('not in a git repository', result.stderr)

        # No git at all
        result = subprocess.run([GLOSS, 'git-setup', repo.path], env=dict(ENV, PATH='/nonexistent'),
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn('git cannot be run', result.stderr)

    def test_clean_merge(self):
        repo = self.setup()
        repo.branches(ALICE, BOB)
        result = repo.git('merge', '-q', '--no-edit', 'bob', check=False)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        merged = repo.read()
        if merged != EXPECTED:
            import difflib
            self.fail(''.join(difflib.unified_diff(EXPECTED.splitlines(True), merged.splitlines(True))))
        repo.gloss('validate', NAME)

        document = json.loads(merged)
        ids = [span['id'] for span in document['spans']]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(len(document['spans']), 10)
        self.assertEqual(len(document['relations']), 6)

        # (d) the same merge again gives the same bytes
        repo.git('reset', '-q', '--hard', 'HEAD~1')
        repo.git('merge', '-q', '--no-edit', 'bob')
        self.assertEqual(repo.read(), merged)

        # and the other way round, everything is there too
        repo.git('checkout', '-q', 'bob')
        repo.git('merge', '-q', '--no-edit', 'alice')
        swapped = json.loads(repo.read())
        self.assertEqual(len(swapped['spans']), 10)
        self.assertEqual(len(swapped['relations']), 6)
        self.assertTrue(swapped['done'])
        repo.gloss('validate', NAME)

    CLASHES = [
        # (what ours does, what theirs does, kind, resolved with, expected file)
        ('both change a span note',
         (SPAN1_NOTE, SPAN1_NOTE.replace('😊"', 'A"')),
         (SPAN1_NOTE, SPAN1_NOTE.replace('😊"', 'B"').replace('08:30:00Z', '09:00:00Z')),
         'span', 'theirs'),
        ('both change an attribute',
         (SPAN1_ATTRIBUTES, SPAN1_ATTRIBUTES.replace('speech', 'writing')),
         (SPAN1_ATTRIBUTES, SPAN1_ATTRIBUTES.replace('speech', 'thought')),
         'span', 'ours'),
        ('ours deletes a span theirs changes',
         (SPAN5_LINE, '', RELATION4_LINE, ''),
         ('"note": "nur der Name"', '"note": "Vorname und Name"'),
         'span', 'ours'),
        ('ours deletes a relation theirs changes',
         (RELATION6_LINE, ''),
         ('"from": 6, "to": 8, "note": ""', '"from": 6, "to": 8, "note": "Verb"'),
         'relation', 'theirs'),
        ('both change the note of a sentence',
         ('scharf.", "note": ""', 'scharf.", "note": "ja"'),
         ('scharf.", "note": ""', 'scharf.", "note": "nein"'),
         'note', 'theirs'),
        ('both move one boundary differently',
         (SENTENCE1_LINE, '{"id": 1, "start": 31, "end": 67},\n    {"id": 5, "start": 68, "end": 115}'),
         (SENTENCE1_LINE, '{"id": 1, "start": 31, "end": 73},\n    {"id": 5, "start": 74, "end": 115}'),
         'sentence', 'ours'),
        ('both move one boundary differently, theirs taken',
         (SENTENCE1_LINE, '{"id": 1, "start": 31, "end": 67},\n    {"id": 5, "start": 68, "end": 115}'),
         (SENTENCE1_LINE, '{"id": 1, "start": 31, "end": 73},\n    {"id": 5, "start": 74, "end": 115}'),
         'sentence', 'theirs'),
        ('a label of the set changed differently',
         (CLAIM_DESCRIPTION, '"description": "Behauptung"'),
         (CLAIM_DESCRIPTION, '"description": "Tatsache"'),
         'label', 'theirs'),
    ]

    def test_clashes(self):
        for name, ours_edit, theirs_edit, kind, choice in self.CLASHES:
            with self.subTest(name):
                repo = self.setup()
                ours = edit(BASE, *ours_edit)
                theirs = edit(BASE, *theirs_edit)
                repo.branches(ours, theirs)
                result = repo.git('merge', '--no-edit', 'bob', check=False)
                self.assertNotEqual(result.returncode, 0)
                self.assertIn('CONFLICT', result.stdout)
                self.assertIn('gloss validate', result.stderr)

                merged = repo.read()
                document = json.loads(merged)          # valid JSON, both sides in it
                self.assertIn(document['conflicts'][0]['kind'], kind)
                self.assertLess(list(document).index('conflicts'), len(document))
                if kind != 'label':
                    self.assertEqual(list(document)[-1], 'conflicts')
                check = repo.gloss('validate', NAME, check=False)
                self.assertEqual(check.returncode, 1)
                self.assertIn('$.conflicts[0]', check.stdout)
                self.assertIn('(%s)' % kind, check.stdout)

                # Exports, stats and agree leave it out
                stats = repo.gloss('stats', NAME, check=False)
                self.assertEqual(stats.returncode, 1)
                self.assertIn('gloss validate', stats.stderr)
                export = repo.gloss('export', '-f', 'sentences-jsonl', '-o', os.path.join(repo.path, 'out.jsonl'),
                                    NAME, check=False)
                self.assertNotEqual(export.returncode, 0)
                self.assertIn('$.conflicts[0]', export.stderr)

                copies = tempfile.mkdtemp(prefix='gloss-agree-')
                self.addCleanup(shutil.rmtree, copies)
                for copy, text in (('a', merged), ('b', BASE)):
                    os.mkdir(os.path.join(copies, copy))
                    shutil.copy(os.path.join(FIXTURE, NAME), os.path.join(copies, copy))
                    with open(os.path.join(copies, copy, JSON), 'w', encoding='utf-8') as f:
                        f.write(text)
                agree = subprocess.run([GLOSS, 'agree', 'a', 'b'], cwd=copies, env=ENV, capture_output=True, text=True)
                self.assertEqual(agree.returncode, 1)
                self.assertIn('$.conflicts[0]', agree.stdout + agree.stderr)

                resolved = repo.run(RESOLVE, os.path.join(repo.path, NAME), choice, check=False)
                self.assertEqual(resolved.returncode, 0, resolved.stderr)
                expected = ours if choice == 'ours' else theirs
                if kind == 'sentence' and choice == 'theirs':
                    # Made by a split (a new id) and a merge, as in the window
                    expected = theirs.replace('{"id": 5, "start": 74', '{"id": 6, "start": 74')
                got = repo.read()
                if kind == 'note':
                    # A note set in the window is modified now
                    got = re.sub(r'("note": "nein", [^}]*"modified": )"[^"]*"', r'\1"2026-12-02T08:00:00Z"', got)
                self.assertEqual(got, expected)
                repo.git('add', JSON)
                repo.git('commit', '-q', '--no-edit')
                repo.gloss('validate', NAME)

    def test_split_and_label(self):
        # (c) Bob re-splits a sentence, Alice labels it
        repo = self.setup()
        sentence = '„Wir wollen die Gehwege freihalten“, sagte Bürgermeisterin Anna Schmidt am Dienstag.'
        ours = edit(BASE, CLAIM_LINE,
                    '    {"id": 2, "label": "claim", "start": 31, "end": 115, "sentence": 1, "text": "%s", '
                    '"note": "", "annotator": "Ada", "created": "2026-12-02T09:00:00Z", '
                    '"modified": "2026-12-02T09:00:00Z"},\n' % sentence + CLAIM_LINE)
        theirs = edit(BASE, SENTENCE1_LINE,
                      '{"id": 1, "start": 31, "end": 67},\n    {"id": 5, "start": 68, "end": 115}')
        repo.branches(ours, theirs)
        repo.git('merge', '-q', '--no-edit', 'bob')
        repo.gloss('validate', NAME)
        document = json.loads(repo.read())
        self.assertEqual([s['id'] for s in document['sentences']], [0, 1, 5, 2, 3, 4])
        claims = [(a['sentence'], a['text'], a.get('review', False)) for a in document['annotations']]
        self.assertEqual(claims, [(1, '„Wir wollen die Gehwege freihalten“,', True),
                                  (5, 'sagte Bürgermeisterin Anna Schmidt am Dienstag.', True),
                                  (4, 'Der Verkehrsclub kritisierte die Pläne scharf.', False)])

    def test_text_changed(self):
        # (c) Bob changes the text (a new first line), Alice labels and
        # changes a note: git merges the .txt, the driver finds Bob's text
        # in git and re-anchors Alice's side in it
        repo = self.setup()
        with open(os.path.join(FIXTURE, NAME), encoding='utf-8', newline='') as f:
            text = f.read()
        new_text = 'Vorab: ein neuer Satz 😊.\r\n' + text
        repo.branches(edit(BASE, SPAN1_NOTE, SPAN1_NOTE.replace('😊"', 'A"').replace('08:30:00Z', '09:00:00Z')),
                      BASE)
        # Bob's file for the new text, written by gloss reanchor
        repo.git('checkout', '-q', 'bob')
        repo.write(new_text, NAME)
        repo.gloss('reanchor', NAME)
        bob = json.loads(repo.read())
        self.assertEqual(bob['spans'][0]['parts'], [[58, 91], [143, 195]])
        repo.commit('bob: new text')
        repo.git('checkout', '-q', 'alice')

        result = repo.git('merge', '--no-edit', 'bob', check=False)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        repo.gloss('validate', NAME)
        document = json.loads(repo.read())
        quote = [s for s in document['spans'] if s['id'] == 1][0]
        self.assertEqual(quote['parts'], [[58, 91], [143, 195]])
        self.assertEqual(quote['note'], 'Zitat über zwei Sätze A')

        # Both change the text where git merges it cleanly
        repo2 = self.setup()
        alice_text = text + '\r\nNachtrag von Alice.'
        repo2.branches(BASE, BASE)
        repo2.git('checkout', '-q', 'bob')
        repo2.write(new_text, NAME)
        repo2.gloss('reanchor', NAME)
        repo2.commit('bob: new first line')
        repo2.git('checkout', '-q', 'alice')
        repo2.write(alice_text, NAME)
        repo2.gloss('reanchor', NAME)
        repo2.commit('alice: a last line')
        result = repo2.git('merge', '--no-edit', 'bob', check=False)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        repo2.gloss('validate', NAME)
        self.assertEqual(json.loads(repo2.read())['spans'][0]['parts'], [[58, 91], [143, 195]])

    def test_bad_side(self):
        # (e) a side that is not JSON: exit 2, OURS as it was
        work = tempfile.mkdtemp(prefix='gloss-merge-')
        self.addCleanup(shutil.rmtree, work)
        shutil.copy(os.path.join(FIXTURE, NAME), work)
        for name, text in (('base', BASE), ('ours', ALICE), ('theirs', '{"format": "gloss", broken')):
            with open(os.path.join(work, name), 'w', encoding='utf-8') as f:
                f.write(text)
        result = subprocess.run([GLOSS, 'merge', 'base', 'ours', 'theirs', JSON], cwd=work, env=ENV,
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn('Their side', result.stderr)
        with open(os.path.join(work, 'ours'), encoding='utf-8') as f:
            self.assertEqual(f.read(), ALICE)
        self.assertEqual(sorted(os.listdir(work)), ['base', NAME, 'ours', 'theirs'])

        # In git: the merge stops with our file in place
        repo = self.setup()
        repo.branches(ALICE, '{"broken": ')
        result = repo.git('merge', '--no-edit', 'bob', check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(repo.read(), ALICE)

        # Usage
        result = subprocess.run([GLOSS, 'merge', 'a'], env=ENV, capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)


if __name__ == '__main__':
    unittest.main()
