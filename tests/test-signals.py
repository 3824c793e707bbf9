#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Logging out sends SIGHUP and SIGTERM (a terminal's Ctrl+C, SIGINT): none of
them may lose work. Runs the real window (tests/signal-window.c: the same
application as `gloss FILE`), makes a change through the action its key
triggers, and signals it at once, well before the autosave's half second:

1. for each signal, the change is in the annotation file afterwards, and so
   is a note being typed; an annotation file another program rewrote just
   before (the same size, its time put back) is not written over, and ours
   is kept in a recovery file;
2. when the file cannot be written (a full disk: a tiny full tmpfs where
   the process may mount one; else a read-only folder, or, for root, a
   folder in the file's place), the change is kept in a recovery file in
   the user's data folder, and the next start offers it; restoring it
   writes it to the annotation file and deletes the recovery."""
import glob
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HARNESS = sys.argv[1]
TEXT = "Der Rat tagte am Montag. Er beschloss nichts. Die Opposition protestierte.\n"

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    if os.environ.get("CI"):
        print("Bail out! no display, and CI is set")
        sys.exit(1)
    print("1..0 # SKIP no display")
    sys.exit(0)

tests = []


def check(ok, name):
    tests.append((ok, name))
    print(f"{'ok' if ok else 'not ok'} {len(tests)} - {name}", flush=True)


def watch(proc):
    """The harness's output lines, read in a thread so that a wait can end"""
    proc.lines = queue.Queue()

    def read():
        for line in proc.stdout:
            proc.lines.put(line)
        proc.lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return proc


def start(args, env):
    return watch(subprocess.Popen([HARNESS] + args, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env))


def wait_line(proc, expected, timeout=20):
    """The first line of the harness's output starting with expected"""
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = proc.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if line is None:
            return None
        if line.startswith(expected):
            return line.strip()


def finish(proc, timeout=20):
    """Waits for the end; returns the status (None: killed) and stderr"""
    try:
        proc.wait(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        status = None
    return status, proc.stderr.read()


def change_and_signal(proc, signum, before_signal=None):
    """Waits for the change, then signals within 100 ms of it"""
    line = wait_line(proc, "changed")
    changed_at = time.monotonic()
    if before_signal:
        before_signal()
    proc.send_signal(signum)
    delay = time.monotonic() - changed_at
    status, err = finish(proc)
    return line, delay, status, err


def labels_in(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [a["label"] for a in json.load(f)["annotations"]]
    except (OSError, ValueError):
        return None


def can_mount_tmpfs(work):
    probe = os.path.join(work, "probe")
    os.mkdir(probe)
    result = subprocess.run(["unshare", "-m", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$1"', "sh", probe],
                            capture_output=True)
    os.rmdir(probe)
    return result.returncode == 0


with tempfile.TemporaryDirectory() as work:
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(work, "data")
    recovery_dir = os.path.join(env["XDG_DATA_HOME"], "gloss", "recovery")

    # 1. Each signal: the change is saved before the process ends
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        folder = os.path.join(work, signum.name)
        os.mkdir(folder)
        text = os.path.join(folder, "article.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(TEXT)

        proc = start(["--change", "claim", text], env)
        line, delay, status, err = change_and_signal(proc, signum)
        check(line == "changed" and delay < 0.1, f"{signum.name}: the change was made and signalled within 100 ms")
        check(status == 0, f"{signum.name}: the window quit by itself (status {status}) {err.strip()}")
        check(labels_in(text + ".gloss.json") == ["claim"],
              f"{signum.name}: the change is in the annotation file: {labels_in(text + '.gloss.json')}")
        check(not os.path.exists(recovery_dir) or not os.listdir(recovery_dir),
              f"{signum.name}: no recovery file when the save worked")

    # A note being typed (no Enter yet) is work too
    folder = os.path.join(work, "note")
    os.mkdir(folder)
    text = os.path.join(folder, "article.txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write(TEXT)
    proc = start(["--change", "claim", "--note", "Laut Protokoll", text], env)
    line, delay, status, err = change_and_signal(proc, signal.SIGTERM)
    try:
        with open(text + ".gloss.json", encoding="utf-8") as f:
            notes = [a["note"] for a in json.load(f)["annotations"]]
    except (OSError, ValueError):
        notes = None
    check(status == 0 and notes == ["Laut Protokoll"], f"SIGTERM while a note is typed: the note is saved: {notes}")

    # Another program rewrites the annotation file just before the signal
    # (the same size, its time put back): theirs is not written over, ours
    # is kept for later
    folder = os.path.join(work, "theirs")
    shutil.copytree(os.path.join(work, "SIGTERM"), folder)
    text = os.path.join(folder, "article.txt")
    json_path = text + ".gloss.json"
    with open(json_path, encoding="utf-8") as f:
        theirs = f.read().replace('"label": "claim"', '"label": "quote"')

    def rewrite():
        before = os.stat(json_path)
        with open(json_path, "r+", encoding="utf-8") as f:
            f.write(theirs)
        os.utime(json_path, ns=(before.st_atime_ns, before.st_mtime_ns))

    proc = start(["--change", "source", text], env)
    line, delay, status, err = change_and_signal(proc, signal.SIGTERM, rewrite)
    with open(json_path, encoding="utf-8") as f:
        on_disk = f.read()
    kept = glob.glob(os.path.join(recovery_dir, "*.json"))
    recovery = {}
    if len(kept) == 1:
        with open(kept[0], encoding="utf-8") as f:
            recovery = json.load(f)
    check(status == 0 and on_disk == theirs, "changed on disk before the signal: theirs is not written over")
    check(recovery.get("conflict") is True and
          sorted(a["label"] for a in recovery["annotations"]["annotations"]) == ["claim", "source"],
          f"changed on disk before the signal: ours is kept, marked as a conflict: {kept}")
    for path in kept:
        os.remove(path)

    # 2. The file cannot be written: the change goes to a recovery file
    folder = os.path.join(work, "full")
    os.mkdir(folder)
    text = os.path.join(folder, "article.txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write(TEXT)
    json_path = text + ".gloss.json"

    before_signal = None
    restore_folder = None
    if shutil.which("unshare") and can_mount_tmpfs(work):
        how = "a full disk (tmpfs)"
        # The same text stays under the mount, for the next start to find
        script = ('mount -t tmpfs -o size=64k tmpfs "$1" && cp "$2" "$1/article.txt" && '
                  '{ dd if=/dev/zero of="$1/fill" bs=4096 2>/dev/null; true; } && '
                  'exec "$3" --change claim "$1/article.txt"')
        source = os.path.join(work, "source.txt")
        shutil.copy(text, source)
        proc = watch(subprocess.Popen(["unshare", "-m", "sh", "-c", script, "sh", folder, source, HARNESS],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
    else:
        proc = start(["--change", "claim", text], env)
        if os.geteuid() != 0:
            how = "a read-only folder"
            os.chmod(folder, 0o555)
            restore_folder = lambda: os.chmod(folder, 0o755)
        else:
            # root writes to read-only folders: a folder in the file's place
            # makes the rename fail even for root
            how = "a folder in the annotation file's place"
            before_signal = lambda: os.mkdir(json_path)
            restore_folder = lambda: os.rmdir(json_path)
    print(f"# the save is made impossible by {how}")

    line, delay, status, err = change_and_signal(proc, signal.SIGTERM, before_signal)
    if restore_folder:
        restore_folder()
    check(line == "changed" and delay < 0.1, "impossible save: the change was made and signalled within 100 ms")
    check(status == 0, f"impossible save: the window quit by itself (status {status})")
    check("kept in" in err and "article.txt" in err, f"impossible save: it says where the work is: {err.strip()}")
    check(labels_in(json_path) is None, "impossible save: no annotation file was written")

    kept = glob.glob(os.path.join(recovery_dir, "*.json"))
    check(len(kept) == 1, f"impossible save: one recovery file: {kept}")
    recovery = {}
    if kept:
        with open(kept[0], encoding="utf-8") as f:
            recovery = json.load(f)
        check(oct(os.stat(kept[0]).st_mode & 0o777) == oct(0o600), "the recovery file is private to the user")
        check(not [n for n in os.listdir(recovery_dir) if not n.endswith(".json")],
              "no temporary file is left beside it")
    check(recovery.get("format") == "gloss-recovery" and recovery.get("text") == "file://" + text,
          f"the recovery records the text: {recovery.get('text')}")
    check([a["label"] for a in recovery.get("annotations", {}).get("annotations", [])] == ["claim"],
          "the recovery holds the whole annotation file with the change")

    # 3. The next start offers it; Restore writes it the normal way
    proc = start(["--respond", "restore", "--quit-when-saved", text], env)
    offer = wait_line(proc, "offer:")
    saved = wait_line(proc, "saved")
    status, err = finish(proc)
    check(offer is not None and "Unsaved Work Found" in offer and "“article.txt”" in offer,
          f"the next start offers it: {offer}")
    check(saved == "saved" and status == 0, f"restored and saved (status {status}) {err.strip()}")
    check(labels_in(json_path) == ["claim"], f"the restored change is in the annotation file: {labels_in(json_path)}")
    check(not glob.glob(os.path.join(recovery_dir, "*.json")), "the recovery file is gone once saved")

print(f"1..{len(tests)}")
sys.exit(0 if all(ok for ok, _ in tests) else 1)
