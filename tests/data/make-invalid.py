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
case("newer-version", setp(["version"], 3))
case("sha-differs", setp(["text", "sha256"], "0" * 64))
case("unknown-field", setp(["annotations", 0, "confidence"], 0.9))
case("bad-time", setp(["annotations", 0, "created"], "yesterday"))
case("no-such-sentence", setp(["annotations", 0, "sentence"], 7))
case("not-its-sentence", setp(["annotations", 0, "sentence"], 1))
case("untrimmed", setp(["sentences", 1, "start"], 26))
case("wrong-format", setp(["format"], "doccano"))
case("bad-language", setp(["language"], "fr"))


# Version 2: spans, relations and their labels, on the same text
UTTERANCE = {"id": "utterance", "name": "Utterance", "color": "#3584e4", "key": "u", "description": "",
             "scope": "span", "attributes": [{"name": "type", "values": ["direct", "indirect"]}]}
SPEAKER = {"id": "speaker", "name": "Speaker", "color": "#e66100", "key": "s", "description": "", "scope": "span"}
CUE = {"id": "cue", "name": "Cue", "color": "#9141ac", "key": "v", "description": "", "scope": "span"}


def base2(name):
    doc = base(name)
    doc["version"] = 2
    doc["labels"] += copy.deepcopy([UTTERANCE, SPEAKER, CUE])
    doc["relation_labels"] = [
        {"id": "speaker", "name": "Speaker", "color": "#e66100", "description": "",
         "from": ["utterance"], "to": ["speaker"]},
        {"id": "cue", "name": "Cue", "color": "#9141ac", "description": "", "from": ["utterance"], "to": ["cue"]},
    ]
    info = {"note": "", "annotator": "Ada", "created": "2026-11-28T05:00:00Z", "modified": "2026-11-28T05:00:00Z"}
    # A quote over both sentences, in two parts
    doc["spans"] = [
        dict({"id": 1, "label": "utterance", "parts": [[20, 24], [27, 30]], "text": ["Nein", "Das"],
              "attributes": {"type": "direct"}}, **info),
        dict({"id": 2, "label": "speaker", "parts": [[0, 12]], "text": ["Der Minister"], "attributes": {}}, **info),
        dict({"id": 3, "label": "cue", "parts": [[13, 18]], "text": ["sagte"], "attributes": {}}, **info),
    ]
    doc["relations"] = [
        dict({"id": 1, "label": "speaker", "from": 1, "to": 2}, **info),
        dict({"id": 2, "label": "cue", "from": 1, "to": 3}, **info),
    ]
    return doc


def case2(name, mutate):
    def both(doc):
        doc.clear()
        doc.update(base2(name))
        if mutate:
            mutate(doc)
    case(name, both)


def as_version_1(doc):
    """span labels only, in a file that says version 1"""
    doc["version"] = 1
    for member in ("spans", "relations", "relation_labels"):
        del doc[member]


case2("valid-v2", None)
case2("span-out-of-range", setp(["spans", 0, "parts", 1], [27, 4000]))
case2("span-text-differs", setp(["spans", 0, "text", 0], "Ja"))
case2("span-parts-order", lambda d: d["spans"][0].update(parts=[[27, 30], [20, 24]], text=["Das", "Nein"]))
case2("span-parts-overlap", lambda d: d["spans"][0].update(parts=[[20, 24], [22, 30]], text=["Nein", "in“.\nDas"]))
case2("span-part-empty", lambda d: d["spans"][0].update(parts=[[20, 20], [27, 30]], text=["", "Das"]))
case2("span-no-parts", lambda d: d["spans"][0].update(parts=[], text=[]))
case2("span-part-not-pair", setp(["spans", 0, "parts", 0], [20]))
case2("span-texts-count", setp(["spans", 0, "text"], ["Nein"]))
case2("span-unknown-label", setp(["spans", 1, "label"], "rumour"))
case2("span-wrong-scope", setp(["spans", 1, "label"], "claim"))
case2("span-undeclared-attribute", setp(["spans", 0, "attributes"], {"type": "direct", "tone": "angry"}))
case2("span-undeclared-value", setp(["spans", 0, "attributes", "type"], "ironic"))
case2("span-attribute-not-string", setp(["spans", 0, "attributes", "type"], 1))
case2("span-duplicate-id", setp(["spans", 2, "id"], 2))
case2("span-bad-origin", setp(["spans", 1, "origin"], "imported"))
case2("spans-not-list", setp(["spans"], {}))
case2("relation-missing-span", setp(["relations", 0, "to"], 9))
case2("relation-wrong-labels", setp(["relations", 1, "label"], "speaker"))
case2("relation-unknown-label", setp(["relations", 0, "label"], "said"))
case2("relation-duplicate-id", setp(["relations", 1, "id"], 1))
case2("relation-to-itself", setp(["relations", 0, "to"], 1))
case2("label-unknown-scope", setp(["labels", 2, "scope"], "passage"))
case2("label-bad-value", setp(["labels", 2, "attributes", 0, "values"], ["direct", "direct"]))
case2("label-key-clash", setp(["labels", 3, "key"], "q"))
case2("relation-label-not-span", setp(["relation_labels", 0, "to"], ["claim"]))
case2("relation-label-unknown-end", setp(["relation_labels", 1, "from"], ["speech"]))
case2("v1-with-spans", setp(["version"], 1))
case2("v1-span-labels", as_version_1)

# A merge's clashes (issue 15): the member's form
case("conflict-unknown-kind", setp(["conflicts"], [{"kind": "guess", "ours": None, "theirs": "a"}]))
case("conflict-both-null", setp(["conflicts"], [{"kind": "note", "sentence": 0, "ours": None, "theirs": None}]))
