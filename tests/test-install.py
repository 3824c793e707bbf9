#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` puts everything Gloss needs into the prefix, and Gloss runs
from there. Installs the build into a temporary DESTDIR, then checks the
installed files against each other (the desktop file names the installed
binary and icon, the metainfo the desktop file, every sample article and
every language of po/LINGUAS is there) and runs the installed `gloss
--version` and `gloss stats --json` on the installed samples.

    test-install.py MESON BUILD-DIR SOURCE-DIR APP-ID VERSION UI \
                    PREFIX BINDIR DATADIR MANDIR LOCALEDIR LIBEXECDIR"""
import configparser
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

(MESON, BUILD, SOURCE, APP_ID, VERSION, UI,
 PREFIX, BINDIR, DATADIR, MANDIR, LOCALEDIR, LIBEXECDIR) = sys.argv[1:13]
del sys.argv[1:13]


def under(root, *parts):
    # Each option may be absolute or relative to the prefix, as meson allows
    path = pathlib.Path(PREFIX)
    for part in parts:
        path = path / part
    return pathlib.Path(root) / path.relative_to(path.anchor)


class Installed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="gloss-install-")
        cls.root = cls._tmp.name
        env = dict(os.environ, DESTDIR=cls.root)
        result = subprocess.run([MESON, "install", "-C", BUILD, "--no-rebuild", "--quiet"],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        if result.returncode != 0:
            raise AssertionError("meson install failed:\n" + result.stdout)
        cls.bin = under(cls.root, BINDIR, "gloss")
        cls.data = under(cls.root, DATADIR)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def run_gloss(self, *args):
        env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        return subprocess.run([str(self.bin), *args], env=env, capture_output=True,
                              text=True, timeout=60)

    def test_version(self):
        self.assertTrue(os.access(self.bin, os.X_OK), f"{self.bin} is not executable")
        result = self.run_gloss("--version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), f"gloss {VERSION}")

    def test_schema(self):
        installed = self.data / "gloss" / "gloss.schema.json"
        with open(installed, encoding="utf-8") as f:
            schema = json.load(f)
        self.assertEqual(schema["properties"]["version"], {"enum": [1, 2]})

    def test_samples_run_headless(self):
        samples = self.data / "gloss" / "samples"
        expected = sorted(p.name for p in (pathlib.Path(SOURCE) / "data" / "samples").glob("*.txt"))
        self.assertTrue(expected, "no sample articles in data/samples")
        self.assertEqual(sorted(p.name for p in samples.iterdir()), expected)

        result = self.run_gloss("stats", "--json", str(samples))
        self.assertEqual(result.returncode, 0, result.stderr)
        stats = json.loads(result.stdout)
        self.assertEqual(sorted(d["id"] for d in stats["documents"]), expected)
        self.assertEqual(stats["total"]["documents"], len(expected))
        for doc in stats["documents"]:
            self.assertGreater(doc["sentences"], 1, doc["id"])
            self.assertEqual(doc["problems"], 0, doc["id"])

    def test_commands_without_gtk(self):
        # A command must not pay for loading GTK and libadwaita (8 ms a start)
        needed = self.bin.read_bytes()
        self.assertNotIn(b"libgtk-4.so", needed)
        self.assertNotIn(b"libadwaita-1.so", needed)

    def test_window_program(self):
        if UI != "true":
            self.skipTest("built without the window")
        program = under(self.root, LIBEXECDIR, "gloss-window")
        self.assertTrue(os.access(program, os.X_OK), f"{program} is not executable")
        # The installed `gloss` starts the installed window program in its
        # place: only GApplication, in the window program, knows this
        # option, and it needs no display
        result = self.run_gloss("--help-all")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("--gapplication-service", result.stdout)
        self.assertIn("gloss [OPTION", result.stdout)

    def test_desktop_file(self):
        path = self.data / "applications" / f"{APP_ID}.desktop"
        entry = configparser.RawConfigParser(interpolation=None, strict=False)
        entry.optionxform = str
        entry.read(path, encoding="utf-8")
        group = entry["Desktop Entry"]
        self.assertEqual(group["Name"], "Gloss")
        self.assertEqual(group["Exec"].split()[0], self.bin.name)
        self.assertEqual(group["Icon"], APP_ID)
        # the translations were merged in
        for lang in self.languages():
            self.assertIn(f"Comment[{lang}]", group, f"no {lang} translation of Comment")

    def test_metainfo(self):
        path = self.data / "metainfo" / f"{APP_ID}.metainfo.xml"
        component = ET.parse(path).getroot()
        self.assertEqual(component.findtext("id"), APP_ID)
        self.assertEqual(component.findtext("launchable"), f"{APP_ID}.desktop")
        self.assertTrue((self.data / "applications" / component.findtext("launchable")).is_file())
        self.assertEqual(component.findtext("provides/binary"), self.bin.name)
        self.assertEqual(component.find("releases/release").get("version"), VERSION)
        lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
        summaries = {s.get(lang_attr) for s in component.findall("summary")}
        for lang in self.languages():
            self.assertIn(lang, summaries, f"no {lang} translation of the summary")

    def test_icons(self):
        icons = self.data / "icons" / "hicolor"
        for path in (icons / "scalable" / "apps" / f"{APP_ID}.svg",
                     icons / "symbolic" / "apps" / f"{APP_ID}-symbolic.svg"):
            root = ET.parse(path).getroot()
            self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg", path)

    def test_man_page(self):
        page = under(self.root, MANDIR, "man1", "gloss.1")
        text = page.read_text(encoding="utf-8")
        # A comment first, or the line that asks man(1) for tbl ('\" t)
        self.assertTrue(text.lstrip().startswith((".\\\"", "'\\\" t")) or text.startswith(".TH"))
        for command in ("segment", "validate", "stats", "export", "import"):
            self.assertIn(f'.SS "{command} ', text, f"the man page misses {command}")

    def test_translations(self):
        for lang in self.languages():
            mo = under(self.root, LOCALEDIR, lang, "LC_MESSAGES", "gloss.mo")
            self.assertTrue(mo.is_file(), f"{mo} is missing")

    def test_schema(self):
        if UI != "true":
            self.skipTest("built without the window")
        schema = self.data / "glib-2.0" / "schemas" / f"{APP_ID}.gschema.xml"
        ids = [s.get("id") for s in ET.parse(schema).getroot().findall("schema")]
        self.assertIn(APP_ID, ids)

    @staticmethod
    def languages():
        linguas = pathlib.Path(SOURCE) / "po" / "LINGUAS"
        words = []
        for line in linguas.read_text(encoding="utf-8").splitlines():
            words += line.split("#", 1)[0].split()
        return words


if __name__ == "__main__":
    unittest.main(verbosity=2)
