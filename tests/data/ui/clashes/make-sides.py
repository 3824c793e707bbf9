#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the two sides of a merge for test-window-clashes: the German
interview of tests/data/export-spans (CR LF, „…“, 😊) as two annotators
changed it. Both change span 1's note, relation 3's note and the note of
a new label on sentence 0; ours removes the claim of sentence 4, which
theirs marks for review. `gloss merge` gives four clashes of four kinds
(annotation, note, span, relation). Run from this folder."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, '..', '..', 'export-spans', 'de', 'interview.txt.gloss.json')

SPAN1 = ('"note": "Zitat über zwei Sätze 😊", "annotator": "Ada", '
         '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:30:00Z"')
REL3 = ('"note": "Rahmen, „so“", "annotator": "Ada", '
        '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:30:00Z"')
CLAIM = ('    {"id": 1, "label": "claim", "start": 172, "end": 218, "sentence": 4, '
         '"text": "Der Verkehrsclub kritisierte die Pläne scharf.", "note": "", "annotator": "Bea", '
         '"created": "2026-12-02T08:00:00Z", "modified": "2026-12-02T08:00:00Z"}')
HEAD = ('    {"id": 2, "label": "claim", "start": 0, "end": 27, "sentence": 0, '
        '"text": "Neue Regeln für E-Scooter 😊", "note": "%s", "annotator": "%s", '
        '"created": "%s", "modified": "%s"}')


def edit(text, *pairs):
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def main():
    with open(BASE, encoding='utf-8') as f:
        base = f.read()
    ours = edit(base,
                (SPAN1, SPAN1.replace('Zitat über zwei Sätze 😊', 'Zitat über zwei Sätze, geprüft')
                              .replace('08:30:00Z"', '09:00:00Z"')),
                ('  "annotations": [\n' + CLAIM + '\n  ]',
                 '  "annotations": [\n' + HEAD % ('Überschrift „kurz“', 'Ada', '2026-12-02T09:00:00Z',
                                                  '2026-12-02T09:00:00Z') + '\n  ]'),
                (REL3, REL3.replace('Rahmen, „so“', 'Rahmen „so“ (Ada)').replace('08:30:00Z"', '09:00:00Z"')))
    theirs = edit(base,
                  (SPAN1, SPAN1.replace('Zitat über zwei Sätze 😊', '„Zwei Sätze“ 😊').replace('Ada', 'Bea')
                                .replace('08:30:00Z"', '09:30:00Z"')),
                  ('  "annotations": [\n',
                   '  "annotations": [\n' + HEAD % ('Titel 😊', 'Bea', '2026-12-02T09:10:00Z',
                                                    '2026-12-02T09:10:00Z') + ',\n'),
                  (CLAIM, CLAIM.replace('"modified": "2026-12-02T08:00:00Z"}',
                                        '"modified": "2026-12-02T09:10:00Z", "review": true}')),
                  (REL3, REL3.replace('Rahmen, „so“', 'Rahmen (Bea)').replace('Ada', 'Bea')
                              .replace('08:30:00Z"', '09:30:00Z"')))
    for name, text in (('ours', ours), ('theirs', theirs)):
        with open(os.path.join(HERE, name + '.gloss.json'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)


if __name__ == '__main__':
    main()
