#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# sentences-jsonl as a short script with the standard json module writes it:
# what `gloss export -f sentences-jsonl -o OUT FOLDER` is measured against
# (bench-export). Usage: export-sentences.py FOLDER OUT
import json, os, sys

root, out = sys.argv[1], open(sys.argv[2], "w", encoding="utf-8", newline="")
paths = []
for folder, dirs, files in os.walk(root):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    paths += [os.path.join(folder, f) for f in files if f.endswith(".txt") and not f.startswith(".")]
for path in sorted(paths):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    with open(path + ".gloss.json", encoding="utf-8") as f:
        doc = json.load(f)
    by_sentence = {}
    for a in doc["annotations"]:
        by_sentence.setdefault(a["sentence"], []).append(a)
    for i, s in enumerate(doc["sentences"]):
        ann = by_sentence.get(s["id"], [])
        out.write(json.dumps({"document": os.path.relpath(path, root), "sentence": s["id"], "index": i,
                              "start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]],
                              "labels": [a["label"] for a in ann], "notes": [a["note"] for a in ann],
                              "annotators": [a["annotator"] for a in ann], "language": doc["language"]},
                             ensure_ascii=False) + "\n")
