#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Catches work that grows faster than linear with a size, without timing
anything: each case runs `gloss` at a size and at four times that size under
valgrind's cachegrind, which counts the instructions run, and the count may
grow at most SLOWEST times. Linear work grows about 3.5 times here (start-up
is a part that does not grow); work that grows with the square of the size
grew 10 to 40 times before it was made linear.

    test-scaling.py GLOSS [SANITIZE]

Skipped (77) without valgrind, unless CI is set, and when SANITIZE names
sanitizers (valgrind cannot run such a binary)."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SLOWEST = 6.0
GLOSS = sys.argv[1]
SANITIZE = sys.argv[2] if len(sys.argv) > 2 else "none"


def sentences(n):
    return [f"Sentence number {i} says something new." for i in range(n)]


def doccano(path, text, spans):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "doc", "text": text, "label": spans}) + "\n")


def labels_on_one_span(tmp, n):
    """n labels on one sentence, imported"""
    text = "The minister said on Monday that the plan would cost more. It was not enough."
    doccano(f"{tmp}/in.jsonl", text, [[0, 58, f"l{i:05}"] for i in range(n)])
    return ["import", "--format", "doccano", f"{tmp}/in.jsonl", "--into", f"{tmp}/out"]


def spans_in_one_document(tmp, n):
    """n spans on 2n sentences, imported"""
    parts, spans, offset = sentences(2 * n), [], 0
    for i, part in enumerate(parts):
        if i % 2 == 0:
            spans.append([offset, offset + len(part), ("claim", "source", "quote")[i % 3]])
        offset += len(part) + 1
    doccano(f"{tmp}/in.jsonl", " ".join(parts), spans)
    return ["import", "--format", "doccano", f"{tmp}/in.jsonl", "--into", f"{tmp}/out"]


def project_labels(tmp, n):
    """a gloss-project.json of n labels (each with a key) and a document
    whose one sentence has them all, counted"""
    sentence = "The minister said on Monday that the plan would cost more."
    labels = [{"id": f"l{i:05}", "name": f"Label {i}", "color": "#1c71d8", "key": chr(0x4E00 + i),
               "description": ""} for i in range(n)]
    with open(f"{tmp}/gloss-project.json", "w", encoding="utf-8") as f:
        json.dump({"format": "gloss-project", "version": 1, "labels": labels}, f)
    with open(f"{tmp}/a.txt", "w", encoding="utf-8") as f:
        f.write(sentence)
    annotations = [{"id": i + 1, "label": label["id"], "start": 0, "end": len(sentence), "sentence": 0,
                    "text": sentence, "note": "", "annotator": "", "created": "2024-05-01T10:00:00Z",
                    "modified": "2024-05-01T10:00:00Z"} for i, label in enumerate(labels)]
    document = {"format": "gloss", "version": 1,
                "text": {"file": "a.txt", "sha256": hashlib.sha256(sentence.encode()).hexdigest(),
                         "length": len(sentence), "bom": False},
                "language": "en", "done": False, "labels": labels,
                "sentences": [{"id": 0, "start": 0, "end": len(sentence)}], "annotations": annotations}
    with open(f"{tmp}/a.txt.gloss.json", "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    return ["stats", "--json", tmp]


def reanchor_unchanged(tmp, n):
    """a text of 4n sentences, n of them labelled, re-anchored unchanged"""
    parts, spans, offset = sentences(4 * n), [], 0
    for i, part in enumerate(parts):
        if i % 4 == 0:
            spans.append([offset, offset + len(part), "claim"])
        offset += len(part) + 1
    doccano(f"{tmp}/in.jsonl", " ".join(parts), spans)
    subprocess.run([GLOSS, "import", "--format", "doccano", f"{tmp}/in.jsonl", "--into", f"{tmp}/out"],
                   check=True, capture_output=True)
    return ["reanchor", "--dry-run", f"{tmp}/out/doc.txt"]


CASES = [
    (labels_on_one_span, 250),
    (spans_in_one_document, 500),
    (project_labels, 500),
    (reanchor_unchanged, 500),
]


def instructions(make, n):
    with tempfile.TemporaryDirectory(prefix="gloss-scaling-") as tmp:
        args = make(tmp, n)
        result = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                                 "--cachegrind-out-file=/dev/null", GLOSS, *args],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"gloss {' '.join(args)} failed:\n{result.stderr}")
        match = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
        if match is None:
            sys.exit(f"no instruction count from cachegrind:\n{result.stderr}")
        return int(match.group(1).replace(",", ""))


def main():
    if SANITIZE not in ("", "none"):
        print(f"built with -Db_sanitize={SANITIZE}: valgrind cannot run it; skipped")
        return 77
    if shutil.which("valgrind") is None:
        if os.environ.get("CI"):
            print("valgrind is not installed, and CI is set", file=sys.stderr)
            return 1
        print("valgrind is not installed: skipped")
        return 77

    failed = False
    for make, n in CASES:
        small = instructions(make, n)
        large = instructions(make, 4 * n)
        growth = large / small
        verdict = "ok" if growth <= SLOWEST else "GROWS FASTER THAN LINEAR"
        print(f"{make.__doc__.split(chr(10))[0]}: n = {n}: {small:,} instructions, "
              f"4n: {large:,} ({growth:.1f} times): {verdict}")
        failed |= growth > SLOWEST
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
