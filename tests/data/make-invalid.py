#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fixtures under invalid/: one text and one broken .gloss.json
per validation problem. Run it again after changing the format."""
import copy, hashlib, json, os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "invalid")
TEXT = "Der Minister sagte „Nein“.\nDas ist falsch 👍🏽!"
SENTENCES = [(0, 26), (27, 45)]


def base(name):
    raw = TEXT.encode("utf-8")
    return {
        "format": "gloss",
        "version": 1,
        "text": {"file": name + ".txt", "sha256": hashlib.sha256(raw).hexdigest(),
                 "length": len(TEXT), "bom": False},
        "language": "de",
        "done": False,
        "labels": [
            {"id": "claim", "name": "Claim", "color": "#3584e4", "key": "c", "description": ""},
            {"id": "quote", "name": "Quote", "color": "#2ec27e", "key": "q", "description": ""},
        ],
        "sentences": [{"id": i, "start": s, "end": e} for i, (s, e) in enumerate(SENTENCES)],
        "annotations": [
            {"id": 1, "label": "quote", "start": 0, "end": 26, "sentence": 0,
             "text": TEXT[0:26], "note": "", "annotator": "Ada",
             "created": "2026-11-28T05:00:00Z", "modified": "2026-11-28T05:00:00Z"},
        ],
    }


def case(name, mutate, raw=None):
    doc = base(name)
    if mutate:
        mutate(doc)
    with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8", newline="") as f:
        f.write(TEXT)
    with open(os.path.join(HERE, name + ".txt.gloss.json"), "w", encoding="utf-8") as f:
        f.write(raw if raw is not None else json.dumps(doc, ensure_ascii=False, indent=1))


def setp(path, value):
    def mutate(doc):
        obj = doc
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = value
    return mutate


def delp(path):
    def mutate(doc):
        obj = doc
        for key in path[:-1]:
            obj = obj[key]
        del obj[path[-1]]
    return mutate


os.makedirs(HERE, exist_ok=True)
case("valid", None)
case("not-json", None, raw='{"format": "gloss", ')
case("not-object", None, raw='[1, 2, 3]\n')
case("deep", None, raw="[" * 100000 + "]" * 100000)
case("wrong-type", setp(["sentences", 0, "start"], "0"))
case("float-offset", setp(["sentences", 0, "end"], 26.5))
case("missing-key", delp(["annotations", 0, "label"]))
case("missing-sentences", delp(["sentences"]))
case("out-of-range", setp(["annotations", 0, "end"], 4000))
case("huge-number", setp(["sentences", 1, "end"], 2 ** 60))
case("negative", setp(["sentences", 0, "start"], -1))
case("start-after-end", setp(["sentences", 1, "start"], 50))
case("overlap", setp(["sentences", 1, "start"], 20))
case("text-differs", setp(["annotations", 0, "text"], "Der Minister sagte „Ja“."))
case("unknown-label", setp(["annotations", 0, "label"], "rumour"))
case("duplicate-sentence-id", setp(["sentences", 1, "id"], 0))
case("duplicate-annotation-id", lambda d: d["annotations"].append(
    dict(d["annotations"][0], label="claim")))
case("duplicate-label-id", lambda d: d["labels"].append(dict(d["labels"][0], key="x")))
case("newer-version", setp(["version"], 2))
case("sha-differs", setp(["text", "sha256"], "0" * 64))
case("unknown-field", setp(["annotations", 0, "confidence"], 0.9))
case("bad-time", setp(["annotations", 0, "created"], "yesterday"))
case("no-such-sentence", setp(["annotations", 0, "sentence"], 7))
case("not-its-sentence", setp(["annotations", 0, "sentence"], 1))
case("untrimmed", setp(["sentences", 1, "start"], 26))
case("wrong-format", setp(["format"], "doccano"))
case("bad-language", setp(["language"], "fr"))
