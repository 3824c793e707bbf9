#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills a process that saves a document over and over, with SIGKILL at many
random moments, and checks each time that the .gloss.json on disk is
complete and valid, and is either the last saved state or the one being
written: never a part of one, never older."""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

SAVER, GLOSS = sys.argv[1], sys.argv[2]
KILLS = 60

random.seed(20261128)
sentences = " ".join(f"Sentence number {i} says something." for i in range(400))

with tempfile.TemporaryDirectory() as tmp:
    text = os.path.join(tmp, "article.txt")
    annotations = text + ".gloss.json"
    with open(text, "w", encoding="utf-8") as f:
        f.write(sentences)

    states_seen = set()
    for kill in range(KILLS):
        proc = subprocess.Popen([SAVER, text], stdout=subprocess.PIPE, text=True)
        # Most kills come after the first save returned, some before, and
        # then at a random moment of the saves that follow: on a loaded
        # machine too, every run moves the file on
        first = proc.stdout.readline() if kill % 5 else ""
        time.sleep(random.uniform(0.0, 0.04))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        reported = [int(line) for line in (first + out).split()]

        if not os.path.exists(annotations):
            assert not reported, f"kill {kill}: saves reported, but no file"
            continue

        check = subprocess.run([GLOSS, "validate", annotations], capture_output=True, text=True)
        assert check.returncode == 0, f"kill {kill}: invalid file after SIGKILL:\n{check.stdout}"

        with open(annotations, encoding="utf-8") as f:
            data = json.load(f)
        on_disk = len({a["sentence"] for a in data["annotations"]})

        if reported:
            last = reported[-1]
            # The file is the last state reported, or the next one whose
            # save had not returned yet: one sentence more, or none after
            # all 400 had a label
            following = last + 1 if last < 400 else 0
            assert on_disk in (last, following), f"kill {kill}: {on_disk} on disk, last saved {last}"
            states_seen.add(on_disk)

    # The kills landed in many different states, so the check had work to do
    assert len(states_seen) > KILLS // 2, f"only {len(states_seen)} states seen"

    # What the kills left behind (the temporary file of a save cut short)
    # goes with the next save, once it is old enough to be no live
    # writer's; a temporary of a process that is gone, planted here, too
    dead = subprocess.Popen(["true"])
    dead.wait()
    planted = os.path.join(tmp, f".article.txt.gloss.json.gloss-tmp-{dead.pid}-Xy12Zw")
    with open(planted, "w") as f:
        f.write("cut short")
    leftovers = set(os.listdir(tmp)) - {"article.txt", "article.txt.gloss.json"}
    long_ago = time.time() - 120
    for name in leftovers:
        os.utime(os.path.join(tmp, name), (long_ago, long_ago))
    proc = subprocess.Popen([SAVER, text], stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    remaining = leftovers & set(os.listdir(tmp))
    assert not remaining, f"left behind after the next save: {sorted(remaining)}"

    print(f"1..2\nok 1 - {KILLS} kills, the file was complete and valid every time")
    print(f"ok 2 - the next save removed the {len(leftovers)} files the kills left behind")
