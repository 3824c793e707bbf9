#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fetches the English news texts of the suggester's English gold set.

The texts are Reuters-21578 articles as Debian's r-cran-tm package ships
them (usr/lib/R/site-library/tm/texts/acq/*.xml, crude/*.xml). Reuters-21578
may be distributed for research only, so Gloss keeps only offsets and
SHA-256 sums (tests/data/suggest/gold-en/) and this script makes the texts:

  bench/fetch-english-news.py OUTDIR [--deb FILE | --tm DIR]

It runs `apt-get download r-cran-tm` in a temporary folder (or takes a .deb
already there, or an installed tm folder, /usr/lib/R/site-library/tm, when
there is one), unpacks it with dpkg-deb and writes OUTDIR/acq/reut-NNNNN.txt
and OUTDIR/crude/reut-NNNNN.txt, one text an article:

- the BODY only (no title, no dateline), its XML entities decoded;
- the wire's hard line wrapping undone: a line that starts with white space
  starts a paragraph, the lines of a paragraph are joined with one space
  (each line stripped at both ends), paragraphs are separated by one empty
  line ("\\n\\n");
- the wire's closing signature line ("Reuter", "REUTER", "REUTER...") left out;
- UTF-8, "\\n", a final newline.

Exit code 77 when the package cannot be had (no apt-get, no network), so a
test that needs the texts is skipped, not failed. Python 3 standard library
only.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TM = os.path.join('usr', 'lib', 'R', 'site-library', 'tm')
SKIP = 77
SIGNATURE = re.compile(r'^\s*reuters?\W*$', re.IGNORECASE)


def body_text(body):
    """The article's text from its BODY, as the module's doc says"""
    lines = body.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and SIGNATURE.match(lines[-1]):
        lines.pop()
    paragraphs = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not paragraphs or (line[:1].isspace() and i > 0):
            paragraphs.append([stripped])
        else:
            paragraphs[-1].append(stripped)
    return '\n\n'.join(' '.join(p) for p in paragraphs) + '\n'


def unpack(args, tmp):
    """The tm folder: given, installed, or unpacked from the package"""
    if args.tm:
        return args.tm
    deb = args.deb
    if not deb:
        installed = os.path.join('/', TM)
        if os.path.isdir(os.path.join(installed, 'texts', 'acq')):
            return installed
        try:
            subprocess.run(['apt-get', 'download', 'r-cran-tm'], cwd=tmp, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except (OSError, subprocess.CalledProcessError) as e:
            print('cannot download r-cran-tm: %s' % e, file=sys.stderr)
            sys.exit(SKIP)
        debs = glob.glob(os.path.join(tmp, 'r-cran-tm_*.deb'))
        if not debs:
            print('apt-get download gave no r-cran-tm package', file=sys.stderr)
            sys.exit(SKIP)
        deb = debs[0]
    root = os.path.join(tmp, 'root')
    try:
        subprocess.run(['dpkg-deb', '-x', deb, root], check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print('cannot unpack %s: %s' % (deb, e), file=sys.stderr)
        sys.exit(SKIP)
    return os.path.join(root, TM)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--deb', help='an r-cran-tm .deb already downloaded')
    parser.add_argument('--tm', help='a tm folder (with texts/acq) already unpacked')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tm = unpack(args, tmp)
        n = 0
        for folder in ('acq', 'crude'):
            os.makedirs(os.path.join(args.out, folder), exist_ok=True)
            for path in sorted(glob.glob(os.path.join(tm, 'texts', folder, '*.xml'))):
                body = ET.parse(path).getroot().find('TEXT/BODY')
                if body is None or not body.text:
                    continue
                name = os.path.splitext(os.path.basename(path))[0] + '.txt'
                with open(os.path.join(args.out, folder, name), 'w', encoding='utf-8',
                          newline='\n') as f:
                    f.write(body_text(body.text))
                n += 1
    if n == 0:
        print('no articles found', file=sys.stderr)
        return SKIP
    print('%d articles in %s' % (n, args.out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
