#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fixtures of the Label Studio and doccano tests of spans: a
German and an English article (CR LF, „…“ and “…”, 😊 U+1F60A inside and
just before spans, so that UTF-16 offsets differ from there on), each with
a quote in two parts across sentences, nested spans, attributes, notes on a
span, a relation and a sentence, and two relations between the same two
spans (Label Studio keeps one relation a pair, with both labels). The label
set is the built-in quotation set, the sentence label `claim` and the
relation label `cites`. The writer is that of ../spans/:
    python3 make-fixtures.py ../../../build/src/gloss
Offsets are Python's str indexes (code points)."""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("spans", os.path.join(HERE, "..", "spans", "make-fixtures.py"))
spans_fixtures = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(spans_fixtures)

CITES = {"id": "cites", "name": "Cites", "color": "#5e5c64", "description": "The quote cites its speaker by name.",
         "from": ["quote"], "to": ["speaker"]}

ARTICLES = {
    "de-emoji": {
        "language": "de",
        "relation_labels": [CITES],
        "text": "Stadtfest ein Erfolg 😊\r\n\r\n"
                "„Wir sind stolz auf euch 😊“, sagte Bürgermeisterin Eva Roth am Freitag. "
                "„Das Fest war ein Erfolg.“\r\nKritiker sahen das anders.\r\n",
        # label, parts ((text, n-th occurrence)), attributes, note (as in ../spans/)
        "spans": [
            ("quote", [("Wir sind stolz auf euch 😊", 0), ("Das Fest war ein Erfolg.", 0)],
             {"type": "direct", "medium": "speech"}, "Zitat über zwei Sätze „wörtlich“ 😊"),
            ("cue", [("sagte", 0)], {}, ""),
            ("speaker", [("Bürgermeisterin Eva Roth", 0)], {}, ""),
            ("speaker", [("Eva Roth", 0)], {}, ""),
            ("frame", [("sagte Bürgermeisterin Eva Roth am Freitag", 0)], {}, ""),
        ],
        "relations": [("speaker", 1, 3, ""), ("cites", 1, 3, "Name genannt"), ("cue", 1, 2, ""),
                      ("frame", 1, 5, "")],
        "claims": [("Kritiker sahen das anders.", "Meinung, kein Fakt?")],
    },
    "en-emoji": {
        "language": "en",
        "relation_labels": [CITES],
        "text": "Festival draws record crowd 😊\r\n\r\n"
                "“It was the best day 😊 of the year,” said the mayor. "
                "Organisers told reporters they were 😊 “overwhelmed”.\r\n",
        "spans": [
            ("quote", [("It was the best day 😊 of the year,", 0)], {"type": "direct"}, ""),
            ("cue", [("said", 0)], {}, ""),
            ("speaker", [("the mayor", 0)], {}, "The mayor, not named"),
            ("quote", [("they were", 0), ("“overwhelmed”", 0)], {"type": "indirect", "medium": "speech"}, ""),
            ("speaker", [("Organisers", 0)], {}, ""),
            ("addressee", [("reporters", 0)], {}, ""),
        ],
        "relations": [("speaker", 1, 3, ""), ("cue", 1, 2, ""), ("speaker", 4, 5, ""), ("addressee", 4, 6, "")],
        "claims": [("Festival draws record crowd 😊", "")],
    },
}


if __name__ == "__main__":
    for name, article in ARTICLES.items():
        spans_fixtures.write(os.path.join("..", "exchange", name), article, sys.argv[1])
