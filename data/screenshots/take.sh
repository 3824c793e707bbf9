#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes screenshots of the real window on the German sample article, light
# and dark, under Xvfb: data/screenshots/window-light.png, window-dark.png;
# with its quotes, speakers and cues tagged as spans (the "Quotation
# attribution" labels): window-spans-light.png, window-spans-dark.png; and
# the same in the sidebar's list of spans: window-span-list-light.png,
# window-span-list-dark.png; the spans in German: window-de-spans-*.png;
# the folder's statistics on three annotators' copies of eight articles
# (bench/make-agree-corpus.py): stats-documents-light.png,
# stats-agreement-light.png, stats-cooccurrence-dark.png; and the folder's
# search: search-light.png.
# the dialog that resolves a merge's clashes, on the file `gloss merge`
# makes of tests/data/ui/clashes: clash-dialog-light.png, clash-dialog-dark.png.
#
#   data/screenshots/take.sh [BUILDDIR]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${1:-$top/build}

ninja -C "$build" tests/screenshot-window tests/screenshot-stats src/gloss data/gschemas.compiled >/dev/null

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export GSK_RENDERER=cairo
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export GLOSS_LOCALEDIR="$build/po"

# English, for the README and the metainfo
LANGUAGE=en LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1400x900x24' \
  "$build/tests/screenshot-window" "$top/data/samples/de-stadtwerke.txt" "$here"

# German, the whole window translated (needs the de_DE.UTF-8 locale)
LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 xvfb-run -a -s '-screen 0 1400x900x24' \
  "$build/tests/screenshot-window" "$top/data/samples/de-stadtwerke.txt" "$here" window-de

# Spans and relations, English and German
LANGUAGE=en LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1400x1000x24' \
  "$build/tests/screenshot-window" --spans "$top/data/samples/de-stadtwerke.txt" "$here" window-spans
LANGUAGE=en LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1400x1000x24' \
  "$build/tests/screenshot-window" --span-list "$top/data/samples/de-stadtwerke.txt" "$here" window-span-list
LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 xvfb-run -a -s '-screen 0 1400x1000x24' \
  "$build/tests/screenshot-window" --spans "$top/data/samples/de-stadtwerke.txt" "$here" window-de-spans

# The statistics of annotators' copies
scratch=$(mktemp -d)
python3 "$top/bench/make-agree-corpus.py" "$scratch/quote-study" 8 40 3 >/dev/null
LANGUAGE=en LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1400x900x24' \
  "$build/tests/screenshot-stats" "$scratch/quote-study" "$here"
rm -rf "$scratch"
# A merge's clashes, resolved in the window
clashes=$(mktemp -d)
cp "$top/tests/data/export-spans/de/interview.txt" "$clashes/"
cp "$top/tests/data/ui/clashes/ours.gloss.json" "$clashes/interview.txt.gloss.json"
"$build/src/gloss" merge "$top/tests/data/export-spans/de/interview.txt.gloss.json" \
  "$clashes/interview.txt.gloss.json" "$top/tests/data/ui/clashes/theirs.gloss.json" \
  "$clashes/interview.txt.gloss.json" >/dev/null 2>&1 || test $? -eq 1
LANGUAGE=en LC_ALL=C.UTF-8 xvfb-run -a -s '-screen 0 1400x900x24' \
  "$build/tests/screenshot-window" --clashes "$clashes/interview.txt" "$here" clash-dialog
rm -r "$clashes"
