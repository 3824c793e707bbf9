#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the agreement figures of the study/ corpus that test-agreement.c
expects, computed apart from Gloss: straight from the definitions in
make-fixtures.py, with Krippendorff's coincidence matrix built pair by
pair, Fleiss' κ over the sentences all three decided and Cohen's κ from
each pair's marginals."""
import importlib.util, itertools, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fixtures", os.path.join(HERE, "make-fixtures.py"))
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)

ANNOTATORS = ["ada", "bea", "cem"]
LABELS = ["claim", "source", "quote"]


def units_per_label():
    units = {label: [] for label in LABELS}
    documents = sorted({d for a in ANNOTATORS for d in fixtures.STUDY[a]})
    for doc in documents:
        copies = {a: fixtures.STUDY[a][doc] for a in ANNOTATORS if doc in fixtures.STUDY[a]}
        split = {a: fixtures.spans_of(c[0], c[3]) for a, c in copies.items()}
        if len({text for text, _ in split.values()}) > 1:
            continue  # texts differ: not compared
        for span in sorted({s for _, spans in split.values() for s in spans}):
            holders = [a for a in copies if span in split[a][1]]
            if len(holders) < 2:
                continue  # not aligned
            for label in LABELS:
                units[label].append({a: int(label in copies[a][2].get(split[a][1].index(span), []))
                                     for a in holders})
    return units


def alpha(units):
    o = {}
    for unit in units:
        values = list(unit.values())
        for i, j in itertools.permutations(range(len(values)), 2):
            o[values[i], values[j]] = o.get((values[i], values[j]), 0) + 1 / (len(values) - 1)
    n = sum(o.values())
    marginal = {c: sum(v for (x, _), v in o.items() if x == c) for c in (0, 1)}
    observed = sum(v for (x, y), v in o.items() if x != y)
    expected = 2 * marginal[0] * marginal[1] / (n - 1)
    return 1 - observed / expected if expected else None


def fleiss(units):
    complete = [u for u in units if len(u) == len(ANNOTATORS)]
    m = len(ANNOTATORS)
    p = sum(sum(u.values()) for u in complete) / (len(complete) * m)
    expected = p * p + (1 - p) * (1 - p)
    mean = sum((sum(u.values()) ** 2 + (m - sum(u.values())) ** 2 - m) / (m * (m - 1))
               for u in complete) / len(complete)
    return (mean - expected) / (1 - expected) if expected < 1 else None


def cohen(units, a, b):
    pairs = [(u[a], u[b]) for u in units if a in u and b in u]
    observed = sum(x == y for x, y in pairs) / len(pairs)
    pa = sum(x for x, _ in pairs) / len(pairs)
    pb = sum(y for _, y in pairs) / len(pairs)
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected) if expected < 1 else None


def main():
    units = units_per_label()
    for label in LABELS + [None]:
        chosen = sum(units.values(), []) if label is None else units[label]
        kappas = ", ".join(f"{a}-{b} {cohen(chosen, a, b):.6f}" for a, b in itertools.combinations(ANNOTATORS, 2))
        print(f"{label or 'all labels'}: {len(chosen)} decisions, Fleiss {fleiss(chosen):.6f}, "
              f"alpha {alpha(chosen):.6f}, Cohen {kappas}")


if __name__ == "__main__":
    main()
