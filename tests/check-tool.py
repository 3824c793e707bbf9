#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a checker on a data file, for the tests of suite `data`:

    check-tool.py [--fail-on REGEX]... TOOL ARG...

TOOL runs in an empty temporary folder (flatpak-builder leaves its state
folder in the current one); @TMPDIR@ in an argument names that folder, for
output that is only checked, never kept. The test fails when TOOL exits with an error, or
when a line of its output matches one of the --fail-on patterns (for checkers
that report warnings but exit with 0). Without TOOL installed the test is
skipped (77), unless CI is set: there every checker must run."""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    patterns = []
    while len(argv) >= 2 and argv[0] == "--fail-on":
        patterns.append(re.compile(argv[1]))
        argv = argv[2:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2

    tool = shutil.which(argv[0])
    if tool is None:
        if os.environ.get("CI"):
            print(f"{argv[0]} is not installed, and CI is set", file=sys.stderr)
            return 1
        print(f"{argv[0]} is not installed: skipped", file=sys.stderr)
        return 77

    with tempfile.TemporaryDirectory(prefix="gloss-check-") as tmp:
        args = [arg.replace("@TMPDIR@", tmp) for arg in argv[1:]]
        result = subprocess.run([tool, *args], cwd=tmp,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors="replace")
    print(" ".join(argv))
    print(result.stdout, end="")

    if result.returncode != 0:
        print(f"FAIL: {argv[0]} exited with {result.returncode}", file=sys.stderr)
        return 1
    bad = [line for line in result.stdout.splitlines()
           if any(p.search(line) for p in patterns)]
    if bad:
        print(f"FAIL: {argv[0]} reported {len(bad)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
