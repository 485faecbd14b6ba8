#!/usr/bin/env python3
"""Scores the same-event merge on the sets here: each directory holds a
few articles telling one story (a.txt, b.txt, ...), its reference date in
`reference`, and in truth.csv which event each dated line tells (one dated
mention a line).  A pair is two places of different documents in one
timeline row; it is right when truth gives both the same event.  TAP
output; fails when precision over cross-document pairs is below 0.8.
--sweep prints precision and recall for a range of --merge-threshold."""
import csv
import itertools
import os
import subprocess
import sys

src = os.environ.get("DATELINE_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = os.environ.get("DATELINE_BUILD_ROOT") or os.path.join(src, "build")
dateline = os.path.join(build, "dateline", "dateline")
here = os.path.join(src, "tests", "merge")
sets = sorted(d for d in os.listdir(here)
              if os.path.isfile(os.path.join(here, d, "truth.csv")))


def pairs_of(places):
    """Cross-document pairs of a set of doc:line places."""
    out = set()
    for a, b in itertools.combinations(sorted(set(places)), 2):
        if a.rsplit(":", 1)[0] != b.rsplit(":", 1)[0]:
            out.add((a, b))
    return out


def score_set(name, options):
    d = os.path.join(here, name)
    truth = {r["place"]: r["event"]
             for r in csv.DictReader(open(os.path.join(d, "truth.csv")))}
    docs = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    ref = open(os.path.join(d, "reference")).read().strip()
    out = subprocess.run([dateline, "-r", ref] + options + docs, cwd=d,
                         capture_output=True, text=True, check=True).stdout
    predicted = set()
    for row in csv.DictReader(out.splitlines()):
        predicted |= pairs_of(row["source"].split(";"))
    by_event = {}
    for place, event in truth.items():
        by_event.setdefault(event, []).append(place)
    gold = set()
    for places in by_event.values():
        gold |= pairs_of(places)
    wrong = {p for p in predicted if truth.get(p[0], p[0]) != truth.get(p[1], p[1])}
    return predicted, gold, wrong


def score_all(options):
    merged = right = golds = 0
    details = []
    for name in sets:
        predicted, gold, wrong = score_set(name, options)
        merged += len(predicted)
        right += len(predicted) - len(wrong)
        golds += len(gold)
        details += ["%s: %s ~ %s" % (name, a, b) for a, b in sorted(wrong)]
    precision = right / merged if merged else 1.0
    recall = right / golds if golds else 1.0
    return merged, right, golds, precision, recall, details


if "--sweep" in sys.argv:
    for t in ["0.3", "0.35", "0.4", "0.45", "0.5", "0.55", "0.6", "0.7"]:
        merged, right, golds, p, r, _ = score_all(["--merge-threshold", t])
        print("threshold %s: %d pairs merged, %d wrongly; %d same-event pairs"
              " in truth; precision %.2f recall %.2f"
              % (t, merged, merged - right, golds, p, r))
    sys.exit(0)
merged, right, golds, p, r, details = score_all([])
print("1..2")
status = "ok" if p >= 0.8 else "not ok"
print("%s 1 - precision %.2f over %d cross-document pairs merged (%d wrong)"
      % (status, p, merged, merged - right))
for line in details:
    print("# wrongly merged: " + line)
status = "ok" if merged > 0 else "not ok"
print("%s 2 - recall %.2f of %d same-event pairs (reported, not a floor)"
      % (status, r, golds))
sys.exit(0 if p >= 0.8 and merged > 0 else 1)
