#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times `gloss suggest --print` on a 1 MB article: the German sample
(data/samples) repeated to 1 MB, as one text; best of 5 whole processes,
and the same process on the tiny sample alone (its start-up), so the
difference is the suggester's time for a megabyte.

  bench/bench-suggest.py [--gloss build/src/gloss] [--runs 5]
"""

import argparse
import os
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def best(cmd, runs):
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - begin)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--gloss', default=os.path.join(HERE, '..', 'build', 'src', 'gloss'))
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()
    sample = open(os.path.join(HERE, '..', 'data', 'samples', 'de-stadtwerke.txt'), encoding='utf-8').read()
    with tempfile.TemporaryDirectory() as tmp:
        small = os.path.join(tmp, 'small.txt')
        big = os.path.join(tmp, 'big.txt')
        with open(small, 'w', encoding='utf-8') as f:
            f.write(sample)
        text = sample
        while len(text.encode()) < 1 << 20:
            text += '\n\n' + sample
        with open(big, 'w', encoding='utf-8') as f:
            f.write(text)
        t_small = best([args.gloss, 'suggest', '--print', '-L', 'de', small], args.runs)
        t_big = best([args.gloss, 'suggest', '--print', '-L', 'de', big], args.runs)
    print('1 MB article (%d bytes): %.1f ms the process, %.1f ms without start-up (best of %d)'
          % (len(text.encode()), t_big * 1000, (t_big - t_small) * 1000, args.runs))


if __name__ == '__main__':
    main()
