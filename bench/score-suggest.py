#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores `gloss suggest --print` on the German news quotation attribution
dataset's development split, or on Gloss's English gold set (issue 14's metric).

A quote is the set of its code points without white space, quotation marks,
`. , ; : ! ?` and dashes. A suggested and a gold quote match when their
intersection over union is at least 0.5, paired greedily by best overlap.
Precision, recall and F1 are over all quotations; direct exact recall is the
share of gold direct quotes whose set equals a suggested quote's; speaker
(cue) accuracy is, among matched quotes whose gold speaker (cue) is not
empty, the share whose suggested speaker (cue), normalised the same way,
overlaps it with IoU >= 0.5.

  bench/score-suggest.py [--gloss build/src/gloss] [--data DIR] [--baseline]
                         [--show N] [--roles N]
  bench/score-suggest.py --gold-en [DIR] [--texts-en DIR] [--min-f1 F] ...

--gold-en scores the English gold set (tests/data/suggest/gold-en/, its
README says how it was annotated): the gold files hold offsets and SHA-256
sums, not the Reuters-21578 texts, which bench/fetch-english-news.py makes
(into a temporary folder unless --texts-en names one that has them). A text or
a gold span whose SHA-256 differs is an error; exit code 77 when the texts
cannot be had. --min-f1, --min-speaker, --min-cue, --min-direct make it fail
(exit code 1) below those figures, for the test.

The articles are never copied anywhere but a temporary folder. Python 3
standard library only.
"""

import argparse
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = 4
DEFAULT_DATA = os.path.join(HERE, '..', '..', '..', 'shared', 'quotes', 'wikinews-de-dev')
DEFAULT_GOLD_EN = os.path.join(HERE, '..', 'tests', 'data', 'suggest', 'gold-en')
FETCH_EN = os.path.join(HERE, 'fetch-english-news.py')
SKIP = 77

QUOTE_MARKS = set('"\'„“”‚‘’»«‹›')
DROP = QUOTE_MARKS | set('.,;:!?') | set('-\u2010\u2011\u2012\u2013\u2014\u2015\u2212')


def code_points(text, parts):
    """The normalised set of a span's code points"""
    out = set()
    for start, end in parts:
        for i in range(start, end):
            c = text[i]
            if c.isspace() or c in DROP:
                continue
            out.add(i)
    return frozenset(out)


def iou(a, b):
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def role_text(text, points):
    """A role's normalised code points as text, for --roles"""
    return ''.join(text[i] for i in sorted(points)) or '-'


def gold_of(article):
    text = article['originalText']
    quotes = []
    for a in article['annotations']:
        def parts(name):
            r = a.get(name)
            return [(s['charBegin'], s['charEnd']) for s in (r or {}).get('spans') or []]

        def role(name):
            return code_points(text, parts(name))
        q = role('quote')
        if not q:
            continue
        # the parts, for bench/diagnose-suggest.py
        quotes.append({'set': q, 'type': a['type'], 'speaker': role('speaker'),
                       'cue': role('cue'), 'text': a['quote']['text'], 'parts': parts('quote'),
                       'speaker_parts': parts('speaker'), 'cue_parts': parts('cue')})
    return quotes


def suggestions_of(doc):
    """Quotes of one documents-jsonl object, with their linked speaker and cue"""
    text = doc['text']
    spans = {s['id']: s for s in doc['spans']}
    linked = {}
    for r in doc['relations']:
        linked.setdefault(r['from'], {})[r['label']] = r['to']
    out = []
    for s in doc['spans']:
        if s['label'] != 'quote':
            continue
        # the printed texts must be the text at the parts
        for (b, e), t in zip(s['parts'], s['text']):
            assert text[b:e] == t, (doc['id'], b, e)
        links = linked.get(s['id'], {})

        def parts(name):
            return [tuple(p) for p in spans[links[name]]['parts']] if name in links else []

        def role(name):
            return code_points(text, parts(name))
        out.append({'set': code_points(text, s['parts']), 'speaker': role('speaker'),
                    'cue': role('cue'), 'type': s['attributes'].get('type', ''),
                    'text': ' … '.join(s['text']), 'parts': [tuple(p) for p in s['parts']],
                    'speaker_parts': parts('speaker'), 'cue_parts': parts('cue')})
    return out


def baseline(text):
    """The issue's baseline: „…“ spans of four or more words"""
    out = []
    for m in re.finditer('„([^“„]*)“', text):
        if len(m.group(1).split()) >= WORDS:
            out.append({'set': code_points(text, [(m.start(), m.end())]), 'speaker': frozenset(),
                        'cue': frozenset(), 'type': 'direct', 'text': m.group(0)})
    return out


def run_suggest(gloss, articles, language='de'):
    """`gloss suggest --print` on the articles (written to a temporary
    folder): the documents-jsonl objects in the articles' order, and the
    seconds the process took"""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, a in enumerate(articles):
            path = os.path.join(tmp, '%03d.txt' % n)
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(a['originalText'])
            paths.append(path)
        begin = time.perf_counter()
        result = subprocess.run([gloss, 'suggest', '--print', '--language', language] + paths,
                                stdout=subprocess.PIPE, check=True)
        elapsed = time.perf_counter() - begin
    docs = [json.loads(line) for line in result.stdout.decode('utf-8').splitlines()]
    assert len(docs) == len(articles), (len(docs), len(articles))
    docs.sort(key=lambda d: d['id'])
    return docs, elapsed


def baseline_en(text):
    """The same baseline in English: "…" and “…” spans of four or more words"""
    out = []
    for m in re.finditer('"([^"]*)"|“([^”“]*)”', text):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if len(inner.split()) >= WORDS:
            out.append({'set': code_points(text, [(m.start(), m.end())]), 'speaker': frozenset(),
                        'cue': frozenset(), 'type': 'direct', 'text': m.group(0)})
    return out


def sha256(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def load_gold_en(gold_dir, texts_dir):
    """The English gold set in the German dataset's shape: each file's text
    read from texts_dir and checked, each role's text made from its offsets
    and checked against its SHA-256 (the parts' texts joined with a line
    feed)"""
    articles = []
    for path in sorted(glob.glob(os.path.join(gold_dir, '*.json'))):
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        text_path = os.path.join(texts_dir, doc['text'])
        with open(text_path, encoding='utf-8', newline='') as f:
            text = f.read()
        if sha256(text) != doc['sha256']:
            raise SystemExit('%s: the text %s differs from the one annotated (SHA-256)'
                             % (os.path.basename(path), text_path))
        for a in doc['annotations']:
            for name in ('quote', 'speaker', 'cue', 'addressee', 'frame'):
                r = a.setdefault(name, {'spans': []})
                parts = [text[s['charBegin']:s['charEnd']] for s in r['spans']]
                if r['spans'] and sha256('\n'.join(parts)) != r.get('sha256'):
                    raise SystemExit('%s: annotation %d: the %s differs from the one annotated'
                                     % (os.path.basename(path), a['id'], name))
                r['text'] = ' … '.join(parts)
        articles.append({'documentName': doc['documentName'], 'originalText': text,
                         'annotations': doc['annotations']})
    return articles


def fetch_en(out):
    """Makes the English texts with bench/fetch-english-news.py; exits 77 if
    they cannot be had"""
    result = subprocess.run([sys.executable, FETCH_EN, out], stdout=subprocess.DEVNULL)
    if result.returncode != 0:
        print('the English texts cannot be had (fetch-english-news.py: %d)' % result.returncode,
              file=sys.stderr)
        sys.exit(SKIP if result.returncode == SKIP else 1)


def pair(gold, suggested):
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(suggested):
            v = iou(g['set'], s['set'])
            if v >= 0.5:
                candidates.append((-v, i, j))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for v, i, j in candidates:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        pairs.append((i, j))
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--gloss', default=os.path.join(HERE, '..', 'build', 'src', 'gloss'))
    parser.add_argument('--data', default=DEFAULT_DATA)
    parser.add_argument('--gold-en', nargs='?', const=DEFAULT_GOLD_EN, default=None,
                        help='score the English gold set (default tests/data/suggest/gold-en)')
    parser.add_argument('--texts-en', help='a folder fetch-english-news.py has filled')
    parser.add_argument('--min-f1', type=float, default=0.0)
    parser.add_argument('--min-direct', type=float, default=0.0)
    parser.add_argument('--min-speaker', type=float, default=0.0)
    parser.add_argument('--min-cue', type=float, default=0.0)
    parser.add_argument('--baseline', action='store_true', help='score the „…“ baseline instead')
    parser.add_argument('--show', type=int, default=0, help='show N misses of each kind')
    parser.add_argument('--roles', type=int, default=0,
                        help='show N wrong speakers and N wrong cues of matched quotes')
    args = parser.parse_args()

    language = 'de'
    if args.gold_en:
        language = 'en'
        with tempfile.TemporaryDirectory() as tmp:
            texts = args.texts_en
            if not texts or not os.path.isdir(os.path.join(texts, 'acq')):
                texts = texts or os.path.join(tmp, 'texts')
                fetch_en(texts)
            articles = load_gold_en(args.gold_en, texts)
    else:
        files = sorted(glob.glob(os.path.join(args.data, '*.json')))
        if not files:
            print('no articles in %s' % args.data, file=sys.stderr)
            return SKIP
        articles = [json.load(open(f, encoding='utf-8')) for f in files]
    if not articles:
        print('no articles', file=sys.stderr)
        return SKIP

    elapsed = None
    if args.baseline:
        make = baseline_en if language == 'en' else baseline
        suggested = [make(a['originalText']) for a in articles]
    else:
        docs, elapsed = run_suggest(args.gloss, articles, language)
        for d, a in zip(docs, articles):
            assert d['text'] == a['originalText']
        suggested = [suggestions_of(d) for d in docs]

    n_gold = n_sugg = n_match = 0
    direct = direct_exact = 0
    speaker_n = speaker_ok = cue_n = cue_ok = 0
    by_type = {}
    misses, false_alarms, wrong_roles = [], [], {'speaker': [], 'cue': []}
    for a, sugg in zip(articles, suggested):
        gold = gold_of(a)
        n_gold += len(gold)
        n_sugg += len(sugg)
        pairs = pair(gold, sugg)
        n_match += len(pairs)
        sets = {s['set'] for s in sugg}
        for g in gold:
            t = by_type.setdefault(g['type'], [0, 0])
            t[0] += 1
            if g['type'] == 'Direct':
                direct += 1
                direct_exact += g['set'] in sets
        matched_g = {i for i, _ in pairs}
        matched_s = {j for _, j in pairs}
        for i, j in pairs:
            g, s = gold[i], sugg[j]
            by_type[g['type']][1] += 1
            if g['speaker']:
                speaker_n += 1
                speaker_ok += iou(g['speaker'], s['speaker']) >= 0.5
            if g['cue']:
                cue_n += 1
                cue_ok += iou(g['cue'], s['cue']) >= 0.5
            for name in ('speaker', 'cue'):
                if g[name] and iou(g[name], s[name]) < 0.5:
                    text = a['originalText']
                    wrong_roles[name].append((a['documentName'], g['type'], role_text(text, g[name]),
                                              role_text(text, s[name]), s['text'][:90]))
        misses += [(a['documentName'], gold[i]['type'], gold[i]['text']) for i in range(len(gold)) if i not in matched_g]
        false_alarms += [(a['documentName'], sugg[j]['text']) for j in range(len(sugg)) if j not in matched_s]

    p = n_match / n_sugg if n_sugg else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print('articles %d, gold quotations %d, suggested %d, matched %d' % (len(articles), n_gold, n_sugg, n_match))
    print('precision %.3f  recall %.3f  F1 %.3f' % (p, r, f))
    print('direct exact recall %.3f (%d of %d)' % (direct_exact / max(direct, 1), direct_exact, direct))
    print('speaker accuracy %.3f (%d of %d)' % (speaker_ok / max(speaker_n, 1), speaker_ok, speaker_n))
    print('cue accuracy %.3f (%d of %d)' % (cue_ok / max(cue_n, 1), cue_ok, cue_n))
    print('recall by type: ' + ', '.join('%s %d/%d' % (k, v[1], v[0]) for k, v in sorted(by_type.items())))
    if elapsed is not None:
        print('gloss suggest --print on %d articles: %.3f s' % (len(articles), elapsed))
    for name, kind in ((misses, 'missed'), (false_alarms, 'false')):
        for item in name[:args.show]:
            print(kind, *item, sep=' | ')
    for name in ('speaker', 'cue'):
        for item in wrong_roles[name][:args.roles]:
            print(name, *item, sep=' | ')
    failed = [name for name, value, least in
              (('F1', f, args.min_f1),
               ('direct exact recall', direct_exact / max(direct, 1), args.min_direct),
               ('speaker accuracy', speaker_ok / max(speaker_n, 1), args.min_speaker),
               ('cue accuracy', cue_ok / max(cue_n, 1), args.min_cue)) if value < least]
    for name in failed:
        print('%s below the least allowed' % name, file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
