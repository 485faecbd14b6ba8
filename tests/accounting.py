#!/usr/bin/env python3
"""Row accounting (issue 8): random well-formed documents, made from
sentence templates of our own, go through dateline-extract |
dateline-normalize | dateline-timeline (and dateline, and the timeline
read again); every mention must come out as a timeline row or be counted
on stderr (joined by a link, merged as the same event, left out by
--resolved-only).  Seeds are fixed (DATELINE_SEEDS="1 2 3" to choose), so
a failure can be run again.  TAP output."""
import csv
import io
import os
import random
import re
import subprocess
import sys
import tempfile

src = os.environ.get("DATELINE_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))
build = os.environ.get("DATELINE_BUILD_ROOT") or os.path.join(src, "build")
bin_ = {name: os.path.join(build, sub, name) for name, sub in [
    ("dateline-extract", "extract"), ("dateline-normalize", "normalize"),
    ("dateline-timeline", "timeline"), ("dateline", "dateline")]}
seeds = [int(s) for s in os.environ.get("DATELINE_SEEDS", "1 2 3 4 5 6 7 8").split()]

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SUBJECTS = ["The council", "The harbour board", "The union", "Kestrel Rail",
            "The regional court", "The health agency", "Local farmers",
            "The mayor", "The university", "Investors"]
VERBS = ["approved a new budget", "opened a ferry terminal",
         "announced job cuts", "signed a tram contract",
         "published a flood report", "closed the old bridge",
         "raised parking fees", "held a public meeting",
         "delivered the first trams", "filed an appeal"]
NUMBERS = ["two", "three", "five", "six", "ten"]


def a_date(r):
    year = r.randint(1990, 2026)
    kind = r.randrange(12)
    month = r.choice(MONTHS)
    if kind == 0:
        return "on %s %d, %d" % (month, r.randint(1, 28), year)
    if kind == 1:
        return "on %d %s %d" % (r.randint(1, 28), month, year)
    if kind == 2:
        return "in %s %d" % (month, year)
    if kind == 3:
        return "in %d" % year
    if kind == 4:
        return "in late %d or early %d" % (year, year + 1)
    if kind == 5:
        return "from %s %d to %s %d" % (month, year, r.choice(MONTHS),
                                        year + r.randint(1, 3))
    if kind == 6:
        return "last %s" % r.choice(WEEKDAYS)
    if kind == 7:
        return "%s days later" % r.choice(NUMBERS)
    if kind == 8:
        return "for about %s months" % r.choice(NUMBERS)
    if kind == 9:
        return "every %s" % r.choice(WEEKDAYS)
    if kind == 10:
        return "in the %d0s" % r.randint(195, 201)
    return "before %d" % year


def sentence(r):
    subject, verb = r.choice(SUBJECTS), r.choice(VERBS)
    shape = r.randrange(4)
    if shape == 0:
        return "%s %s %s." % (subject, verb, a_date(r))
    if shape == 1:
        return "%s, %s %s." % (a_date(r).capitalize(), subject.lower(), verb)
    if shape == 2:
        return "%s %s %s, and %s %s %s." % (subject, verb, a_date(r),
                                           r.choice(SUBJECTS).lower(),
                                           r.choice(VERBS), a_date(r))
    return "%s said it %s." % (subject, verb)


def documents(r, n):
    """n documents; some sentences repeat across them, as stories do."""
    shared = [sentence(r) for _ in range(6)]
    docs = []
    for _ in range(n):
        lines = []
        for _ in range(r.randint(3, 12)):
            lines.append(r.choice(shared) if r.random() < 0.3 else sentence(r))
        # Paragraphs: several sentences a line, now and then.
        text, i = "", 0
        while i < len(lines):
            k = r.randint(1, 3)
            text += " ".join(lines[i:i + k]) + "\n"
            i += k
        docs.append(text)
    return docs


def rows(text):
    return list(csv.reader(io.StringIO(text)))[1:]


def counted(stderr):
    total = 0
    for pattern in [r"(\d+) rows? joined to the row before",
                    r"(\d+) rows? merged into a row",
                    r"left out (\d+) rows?",
                    r"(\d+) rows? skipped"]:
        for m in re.finditer(pattern, stderr):
            total += int(m.group(1))
    return total


def run(args, stdin=None, cwd=None):
    p = subprocess.run(args, input=stdin, capture_output=True, text=True,
                       cwd=cwd)
    return p.returncode, p.stdout, p.stderr


n = failed = 0


def check(ok, what, detail=""):
    global n, failed
    n += 1
    if not ok:
        failed += 1
        print("not ok %d - %s" % (n, what))
        for line in detail.splitlines()[:10]:
            print("# " + line)
    else:
        print("ok %d - %s" % (n, what))


for seed in seeds:
    r = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, text in enumerate(documents(r, r.randint(2, 6))):
            name = "doc%d.txt" % i
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
            names.append(name)
        ref = "2025-06-07"
        _, mentions, _ = run([bin_["dateline-extract"], "-r", ref] + names,
                             cwd=tmp)
        m = len(rows(mentions))
        _, ranges, _ = run([bin_["dateline-normalize"]], stdin=mentions)
        check(len(rows(ranges)) == m,
              "seed %d: normalize keeps all %d mentions" % (seed, m))
        for options in ([], ["--no-merge"], ["-R"], ["--merge-threshold", "0.2"]):
            status, out, err = run([bin_["dateline-timeline"]] + options,
                                   stdin=ranges)
            t, c = len(rows(out)), counted(err)
            check(status == 0 and t + c == m,
                  "seed %d: timeline %s: %d rows + %d counted = %d mentions"
                  % (seed, " ".join(options) or "(defaults)", t, c, m), err)
        status, out, err = run([bin_["dateline"], "-r", ref] + names, cwd=tmp)
        t, c = len(rows(out)), counted(err)
        check(status == 0 and t + c == m,
              "seed %d: dateline: %d rows + %d counted = %d mentions"
              % (seed, t, c, m), err)
        # The timeline read again: every row comes out or is counted.
        again_in = len(rows(out))
        status, again, err = run([bin_["dateline-timeline"]], stdin=out)
        t, c = len(rows(again)), counted(err)
        check(status == 0 and t + c == again_in,
              "seed %d: the timeline read again: %d rows + %d counted = %d"
              % (seed, t, c, again_in), err)
print("1..%d" % n)
sys.exit(1 if failed else 0)
