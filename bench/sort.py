#!/usr/bin/env python3
"""The timeline's external sort against GNU sort, on one core.

    python3 bench/sort.py [BUILD_DIR] [--rows N] [--rounds R] [--buffer 64M]
                          [--tmp DIR]

Writes N (default 10,000,000) synthetic range rows, in the CSV form
dateline-normalize writes and dateline-timeline reads, to a temporary
file once, then times, interleaved over R rounds (default 3), on core 0:

    dateline-timeline --no-merge -S 64M FILE > /dev/null
    LC_ALL=C sort -S 64M ... FILE > /dev/null

and prints rows/s (median), peak RSS and the ratio.  When the timeline
has --merge (merging sorted timelines without sorting again, as sort -m
does), it also times that on 8 sorted parts against sort -m.  Timings are
printed, never asserted: this is not a test.
"""
import argparse
import os
import re
import random
import shutil
import subprocess
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402

HEADER = ("doc,dct,start,end,line,sentence,mention,form,anchor,event,context,"
          "type,value,mod,earliest,latest,granularity,certainty,note")
# The timeline orders rows by first day (earliest, field 15), last day
# (latest, 16), document (doc, 1), offset in it (start, 3) and then input
# order.  GNU sort does not parse CSV quoting: -t, splits at every comma,
# so these keys are right only because no generated field holds a comma
# (or a quote).  -s keeps input order for ties, as the timeline does.
SORT_KEYS = "-s -t, -k15,15 -k16,16 -k1,1 -k3,3n"
PARTS = 8
BYTES_PER_ROW = 190  # about, to check the disk


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", nargs="?", default=os.path.join(bl.ROOT, "build"))
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--buffer", default="64M",
                    help="-S for both sorts (64M)")
    ap.add_argument("--tmp", help="directory for the rows and both sorts' "
                    "temporary files (default $TMPDIR or /tmp)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.rows < 1 or args.rounds < 1:
        ap.error("--rows and --rounds must be at least 1")
    return args


# ---- the rows ---------------------------------------------------------

def day_strings():
    """Every day of 1900-2030 as YYYY-MM-DD, and the months and years as
    (value, first day, last day)."""
    first, last = date(1900, 1, 1), date(2030, 12, 31)
    days = [(first + timedelta(n)).isoformat()
            for n in range((last - first).days + 1)]
    months, years = {}, {}
    for d in days:
        m, y = months.setdefault(d[:7], [d, d]), years.setdefault(d[:4], [d, d])
        m[1] = y[1] = d
    return (days, [(k, a, b) for k, (a, b) in months.items()],
            [(k, a, b) for k, (a, b) in years.items()])


def row_maker(rng):
    """A function of the row number that makes one range row.  Ranges are
    of days (most), months, years and free spans of up to a year, as text
    has them; documents are drawn from 100,000 names.  Each row's event
    and context are its own, so that no two rows tell one event (and the
    sort is run with --no-merge anyway)."""
    days, months, years = day_strings()

    def span():
        kind = rng.random()
        if kind < 0.60:
            d = rng.choice(days)
            return d, d, d, d, "day", "exact"
        if kind < 0.85:
            value, a, b = rng.choice(months)
            return value, value, a, b, "month", "exact"
        if kind < 0.95:
            value, a, b = rng.choice(years)
            return value, value, a, b, "year", "exact"
        i = rng.randrange(len(days) - 366)
        a, b = days[i], days[i + rng.randrange(1, 366)]
        return "from %s to %s" % (a, b), "XXXX-XX-XX", a, b, "day", \
               "approximate"

    def make(n):
        mention, value, a, b, gran, cert = span()
        start = rng.randrange(1_000_000)
        return ("doc%05d,2000-01-01,%d,%d,%d,%d,%s,%s,,event %d told,"
                "the context of event %d,DATE,%s,,%s,%s,%s,%s,synthetic\n"
                % (rng.randrange(100_000), start, start + len(mention),
                   start // 80 + 1, start // 200 + 1, mention, value, n, n,
                   value, a, b, gran, cert))
    return make


def write_rows(path, rows, seed):
    make = row_maker(random.Random(seed))
    with open(path, "w", buffering=1 << 20) as out:
        out.write(HEADER + "\n")
        for n in range(rows):
            out.write(make(n))


def check_disk(directory, rows, merge):
    """The rows, both sorts' spills and (for --merge) the parts twice."""
    need = rows * BYTES_PER_ROW * (5 if merge else 3)
    free = shutil.disk_usage(directory).free
    if free < need:
        bl.die("%s has %.1f GB free, the run needs about %.1f GB: --rows "
               "fewer or --tmp elsewhere" % (directory, free / 1e9, need / 1e9))


# ---- the commands -----------------------------------------------------

def sort_commands(args, tmp, rows_file):
    tl = bl.program(args.build, "dateline-timeline")
    return {
        "timeline": "%s --no-merge -S %s -T %s %s" % (tl, args.buffer, tmp,
                                                      rows_file),
        # --parallel=1: on one core sort would start one thread anyway.
        "sort": "env LC_ALL=C sort --parallel=1 -S %s -T %s %s %s"
                % (args.buffer, tmp, SORT_KEYS, rows_file),
    }


def has_merge(args):
    tl = bl.program(args.build, "dateline-timeline")
    out = subprocess.run([tl, "--help"], capture_output=True, text=True).stdout
    # --merge itself, not --merge-threshold.
    return re.search(r"(^|\s)--merge(\s|=|$)", out, re.M) is not None


def make_parts(args, tmp, rows_file):
    """PARTS slices of the rows (every PARTS-th row each), each made a
    sorted timeline and a file sorted by sort, before the rounds."""
    tl = bl.program(args.build, "dateline-timeline")
    names = [os.path.join(tmp, "part%d" % i) for i in range(PARTS)]
    outs = [open(n + ".csv", "w", buffering=1 << 20) for n in names]
    with open(rows_file) as rows:
        header = next(rows)
        for out in outs:
            out.write(header)
        for i, line in enumerate(rows):
            outs[i % PARTS].write(line)
    for out in outs:
        out.close()
    for n in names:
        bl.shell("%s --no-merge -S %s -T %s %s.csv > %s.timeline.csv"
                 % (tl, args.buffer, tmp, n, n), "timeline")
        bl.shell("LC_ALL=C sort -S %s -T %s %s %s.csv > %s.sorted"
                 % (args.buffer, tmp, SORT_KEYS, n, n), "sort")
        os.unlink(n + ".csv")
    parts = os.path.join(tmp, "part*")
    return {
        "timeline --merge": "%s --no-merge --merge -S %s -T %s %s.timeline.csv"
                            % (tl, args.buffer, tmp, parts),
        "sort -m": "env LC_ALL=C sort -m -S %s -T %s %s %s.sorted"
                   % (args.buffer, tmp, SORT_KEYS, parts),
    }


# ---- measuring --------------------------------------------------------

def measure(cmds, rounds, tmp):
    """name -> ([seconds per round], peak RSS in KB over the rounds)."""
    names = list(cmds)
    times, rss = {n: [] for n in names}, {n: 0 for n in names}
    for r in range(rounds):
        for name in bl.rotated(names, r):
            seconds, kb = bl.run([cmds[name]], "/dev/null", tmp, name)
            times[name].append(seconds)
            rss[name] = max(rss[name], kb[0])
        print("round %d/%d done" % (r + 1, rounds), file=sys.stderr)
    return times, rss


def report(title, cmds, times, rss, rows):
    names = list(cmds)
    speed = {n: rows / bl.median(times[n]) for n in names}
    print(title)
    for n in names:
        print("  %-17s %12.0f rows/s  (%.0f-%.0f)  %7.2f s  peak RSS %7.1f MB"
              % (n, speed[n], rows / max(times[n]), rows / min(times[n]),
                 bl.median(times[n]), rss[n] / 1024))
    a, b = names
    print("  %s / %s: %.2f" % (a, b, speed[a] / speed[b]))
    return "%s %.2fM rows/s %.0f MB, %s %.2fM rows/s %.0f MB (%.2fx)" % (
        a, speed[a] / 1e6, rss[a] / 1024, b, speed[b] / 1e6, rss[b] / 1024,
        speed[a] / speed[b])


def main():
    load = os.getloadavg()[0]
    args = parse_args()
    bl.check_tools("taskset", "sort")
    merge = has_merge(args)
    with bl.temp_dir("dl-sort-", args.tmp) as tmp:
        check_disk(tmp, args.rows, merge)
        rows_file = os.path.join(tmp, "rows.csv")
        write_rows(rows_file, args.rows, args.seed)
        size = os.path.getsize(rows_file)
        cmds = sort_commands(args, tmp, rows_file)
        for n, c in cmds.items():
            print("%-17s %s > /dev/null" % (n, c), file=sys.stderr)
        print("sort.py: %s; dateline %s; %d rows (%.0f MB); -S %s; %d rounds "
              "on core 0 (taskset -c 0)" % (bl.machine(load), bl.revision(),
                                            args.rows, size / bl.MB,
                                            args.buffer, args.rounds))
        times, rss = measure(cmds, args.rounds, tmp)
        notes = [report("sort:", cmds, times, rss, args.rows)]
        if merge:
            mcmds = make_parts(args, tmp, rows_file)
            os.unlink(rows_file)
            for n, c in mcmds.items():
                print("%-17s %s > /dev/null" % (n, c), file=sys.stderr)
            times, rss = measure(mcmds, args.rounds, tmp)
            notes.append(report("merge of %d sorted parts:" % PARTS, mcmds,
                                times, rss, args.rows))
        else:
            print("merge: skipped: no --merge")
        print("notes: %d rows, -S %s, 1 core: %s" % (args.rows, args.buffer,
                                                     "; ".join(notes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
