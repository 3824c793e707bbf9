#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes clashes.txt.gloss.json: the German interview of ../export-spans
# merged from two sides that clash in a span, a relation, a note, a
# boundary, a label of the set and meta (gloss merge exits 1). Run from
# this folder with the gloss to use: ./make-fixtures.sh ../../../build/src/gloss
set -e
GLOSS=${1:-gloss}
SRC=../export-spans/de
cp "$SRC/interview.txt" clashes.txt
BASE=$(mktemp) OURS=clashes.txt.gloss.json THEIRS=$(mktemp)
cp "$SRC/interview.txt.gloss.json" "$BASE"
sed -e 's/Zitat über zwei Sätze 😊/Zitat A/' \
    -e 's/"from": 6, "to": 8, "note": ""/"from": 6, "to": 8, "note": "a"/' \
    -e 's/scharf.", "note": ""/scharf.", "note": "ja"/' \
    -e 's/{"id": 1, "start": 31, "end": 115}/{"id": 1, "start": 31, "end": 67},\n    {"id": 5, "start": 68, "end": 115}/' \
    -e 's/checked."}/checked!"}/' \
    -e 's/^}$/  ,"meta": {"url":"a"}\n}/' "$BASE" | sed -e 's/^  ]\n  ,"meta"/],"meta"/' > "$OURS"
sed -e 's/Zitat über zwei Sätze 😊/Zitat B/' \
    -e 's/"from": 6, "to": 8, "note": ""/"from": 6, "to": 8, "note": "b"/' \
    -e 's/scharf.", "note": ""/scharf.", "note": "nein"/' \
    -e 's/{"id": 1, "start": 31, "end": 115}/{"id": 1, "start": 31, "end": 73},\n    {"id": 5, "start": 74, "end": 115}/' \
    -e 's/checked."}/checked?"}/' \
    -e 's/^}$/  ,"meta": {"url":"b"}\n}/' "$BASE" > "$THEIRS"
"$GLOSS" merge "$BASE" "$OURS" "$THEIRS" clashes.txt.gloss.json || test $? = 1
rm -f "$BASE" "$THEIRS"
