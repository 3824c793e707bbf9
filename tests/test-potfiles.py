#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with translatable strings, and only files
that exist: a file missing from it keeps its strings out of gloss.pot, so
they would silently stay English.

    test-potfiles.py SOURCE-ROOT

Translatable are: C sources under src/ that call _(), N_(), C_(), NC_() or
ngettext; .ui files under src/ with translatable="yes"; and under data/ the
desktop file and metainfo templates and a GSettings schema with a
gettext-domain."""
import pathlib
import re
import sys

C_MARKS = re.compile(r"(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|ngettext|g_dpgettext2)\s*\(")
UI_MARKS = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""")
SCHEMA_MARKS = re.compile(r"gettext-domain\s*=")


def translatable(path):
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if name.endswith((".c", ".h")):
        return bool(C_MARKS.search(text))
    if name.endswith(".ui"):
        return bool(UI_MARKS.search(text))
    if name.endswith(".gschema.xml"):
        return bool(SCHEMA_MARKS.search(text))
    if name.endswith((".desktop.in", ".metainfo.xml.in")):
        return True
    return False


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    potfiles = root / "po" / "POTFILES.in"
    listed = []
    for line in potfiles.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)

    failed = False
    seen = set()
    for entry in listed:
        if entry in seen:
            print(f"po/POTFILES.in: {entry} is listed twice")
            failed = True
        seen.add(entry)
        if not (root / entry).is_file():
            print(f"po/POTFILES.in: {entry} does not exist (xgettext would fail)")
            failed = True

    candidates = [p for p in (root / "src").rglob("*") if p.is_file()]
    candidates += [p for p in (root / "data").glob("*") if p.is_file()]
    missing = sorted(str(p.relative_to(root)) for p in candidates
                     if translatable(p) and str(p.relative_to(root)) not in seen)
    for entry in missing:
        print(f"po/POTFILES.in: {entry} has translatable strings but is not listed")
        failed = True

    if failed:
        return 1
    print(f"po/POTFILES.in lists all {len(listed)} files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
