#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints, per article of the German development split, the gold and the
suggested quotes side by side, with their speakers and cues, marked as
matched (=), missed (-), false (+) or matched with a wrong speaker or cue
(~), so the errors can be sorted into classes by hand. Uses the scorer's
metric (bench/score-suggest.py). Prints to the terminal only: never write
its output into the repository (the dataset's text must not be kept).

  bench/diagnose-suggest.py [--gloss build/src/gloss] [--data DIR]
                            [--only missed|false|roles|speaker|cue] [--type TYPE] [--grep WORD]
  bench/diagnose-suggest.py --classes   (counts of the error classes only, no text)

Python 3 standard library only.
"""

import argparse
import collections
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('score', os.path.join(HERE, 'score-suggest.py'))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def role_of(text, spans):
    return ' … '.join(text[b:e] for b, e in spans) or '-'


def with_roles(quote):
    """The scorer's quote, with its speaker and cue as parts ('speaker',
    'cue') and as sets ('sp', 'cu')"""
    return dict(quote, sp=quote['speaker'], cu=quote['cue'],
                speaker=quote['speaker_parts'], cue=quote['cue_parts'])


def gold_quotes(article):
    return [with_roles(q) for q in score.gold_of(article)]


def suggested_quotes(doc):
    return [with_roles(q) for q in score.suggestions_of(doc)]


def classes(articles, docs):
    """Counts of the error classes (tests/data/suggest/errors-de.md); prints
    no text of the articles"""
    missed, false, speaker, cue, boundary = (collections.Counter() for _ in range(5))
    for a, d in zip(articles, docs):
        text = a['originalText']
        gold, sugg = gold_quotes(a), suggested_quotes(d)
        pairs = score.pair(gold, sugg)
        by_g = dict(pairs)
        by_s = {j: i for i, j in pairs}
        for i, g in enumerate(gold):
            if i in by_g:
                s = sugg[by_g[i]]
                if g['sp'] and score.iou(g['sp'], s['sp']) < 0.5:
                    if not s['sp']:
                        speaker['no speaker suggested'] += 1
                    elif s['sp'] & g['sp']:
                        speaker['the speaker phrase cut differently'] += 1
                    elif role_of(text, s['speaker']).lower() in ('er', 'sie', 'ihr', 'wir'):
                        speaker['a pronoun where the dataset has a name'] += 1
                    else:
                        speaker['another phrase (an object, an adverb, an earlier speaker)'] += 1
                if g['cu'] and score.iou(g['cu'], s['cu']) < 0.5:
                    cue['no cue suggested' if not s['cu'] else 'another cue, or cut differently'] += 1
                continue
            best = max(sugg, key=lambda s: score.iou(g['set'], s['set']), default=None)
            cue_text = role_of(text, g['cue'])
            if best is not None and score.iou(g['set'], best['set']) > 0:
                if best['set'] <= g['set']:
                    kind = 'too short'
                elif g['set'] <= best['set']:
                    kind = 'too long'
                else:
                    kind = 'shifted'
                missed['boundary: a suggestion overlaps (IoU < 0.5)'] += 1
                boundary['%s: gold %s, suggested %s' % (kind, g['type'], best['type'])] += 1
            elif cue_text == '-':
                missed['no cue word in the gold: %s' % g['type']] += 1
            elif re.search(r'\b(nach|laut|zufolge|so|gemäß)\b', cue_text, re.I) and len(cue_text.split()) <= 2:
                missed['a source frame (nach, laut, zufolge, so) missed'] += 1
            elif re.search(r'\b(die|der|den|das|mit|zum|zur)\b', cue_text.lower()):
                missed['a nominal or phrasal frame'] += 1
            elif re.search(r'\b(wird|wurde|wurden|werden|heißt|hieß|gab es|gebe es)\b', cue_text):
                missed['a passive or impersonal frame'] += 1
            else:
                missed['a verb frame not found (verb not listed, another clause)'] += 1
        for j, s in enumerate(sugg):
            if j in by_s:
                continue
            if any(score.iou(s['set'], g['set']) > 0 for g in gold):
                false['boundary: overlaps a gold quote (IoU < 0.5)'] += 1
            else:
                false['%s, no gold quote there' % s['type']] += 1
    for name, counter in (('missed', missed), ('boundary misses', boundary), ('false alarms', false),
                          ('wrong speakers', speaker), ('wrong cues', cue)):
        print('%s: %d' % (name, sum(counter.values())))
        for k, v in counter.most_common():
            print('  %4d  %s' % (v, k))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--gloss', default=os.path.join(HERE, '..', 'build', 'src', 'gloss'))
    parser.add_argument('--data', default=score.DEFAULT_DATA)
    parser.add_argument('--only', choices=('missed', 'false', 'roles', 'speaker', 'cue'))
    parser.add_argument('--type', help='only gold quotes of this type (Direct, Indirect, …)')
    parser.add_argument('--grep', help='only items whose sentence holds this text')
    parser.add_argument('--classes', action='store_true', help='count the error classes only')
    args = parser.parse_args()

    files = sorted(f for f in os.listdir(args.data) if f.endswith('.json'))
    articles = [json.load(open(os.path.join(args.data, f), encoding='utf-8')) for f in files]
    docs, _ = score.run_suggest(args.gloss, articles)
    if args.classes:
        classes(articles, docs)
        return 0

    for n, (a, d) in enumerate(zip(articles, docs)):
        text = a['originalText']
        gold, sugg = gold_quotes(a), suggested_quotes(d)
        pairs = score.pair(gold, sugg)
        by_g = {i: j for i, j in pairs}
        by_s = {j: i for i, j in pairs}
        items = []
        for i, g in enumerate(gold):
            if i in by_g:
                s = sugg[by_g[i]]
                bad_sp = bool(g['sp']) and score.iou(g['sp'], s['sp']) < 0.5
                bad_cu = bool(g['cu']) and score.iou(g['cu'], s['cu']) < 0.5
                mark = '~' if bad_sp or bad_cu else '='
                kind = 'roles'
                if args.only == 'speaker' and not bad_sp or args.only == 'cue' and not bad_cu:
                    continue
                if args.only in ('speaker', 'cue'):
                    kind = args.only
            else:
                s, mark, kind = None, '-', 'missed'
            items.append((g['parts'][0][0], mark, kind, g, s))
        for j, s in enumerate(sugg):
            if j not in by_s:
                items.append((s['parts'][0][0], '+', 'false', None, s))
        items.sort(key=lambda x: x[0])
        shown = False
        for _, mark, kind, g, s in items:
            if args.only and kind != args.only:
                continue
            if args.only in ('roles', 'speaker', 'cue') and mark != '~':
                continue
            if args.type and (g is None or g['type'] != args.type):
                continue
            ref = g or s
            if args.grep:
                lo = max(0, ref['parts'][0][0] - 200)
                if args.grep not in text[lo:ref['parts'][-1][1] + 200]:
                    continue
            if not shown:
                print('=== %03d %s' % (n, a['documentName']))
                shown = True
            if g is not None:
                print('%s G %-12s %s\n      sp: %s | cue: %s' % (mark, g['type'], role_of(text, g['parts']),
                                                              role_of(text, g['speaker']), role_of(text, g['cue'])))
            if s is not None:
                print('%s S %-12s %s\n      sp: %s | cue: %s' % (mark, s['type'], role_of(text, s['parts']),
                                                              role_of(text, s['speaker']), role_of(text, s['cue'])))
            if mark == '-':
                # the nearest suggestion that overlaps (a boundary difference)
                for s2 in sugg:
                    v = score.iou(g['set'], s2['set'])
                    if v > 0:
                        print('    overlap %.2f with S: %s' % (v, role_of(text, s2['parts'])[:160]))
            print()
    return 0


if __name__ == '__main__':
    sys.exit(main())
