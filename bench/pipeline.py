#!/usr/bin/env python3
"""The whole pipeline on many files: one dateline process against GNU
parallel running one per file on two cores, their timelines combined.

    python3 bench/pipeline.py [BUILD_DIR] [--mb N] [--doc-kb K]
                              [--file-mb M] [--jobs J] [--rounds R]
                              [--format jsonl|text] [--no-merge]
                              [--text FILE...]

The input is TBAQ's text (as for bench.py) repeated to N MB (default
200), in documents of K KB (default 100), in files of about M MB (default
1) as JSON Lines (default) or plain text.  Interleaved over R rounds
(default 3):

    serial:   taskset -c 0 dateline -r D FILE... > serial.csv
    parallel: parallel -jJ 'dateline --no-merge -r D {} > out/{/.}.csv'
              ::: FILE... then dateline-timeline --merge out/*.csv >
              parallel.csv (docs/scaling.md; without --merge in the
              timeline, the jobs merge and the last step sorts again)

Printed: MB/s of each, the speed-up, peak RSS, and whether the two
timelines are the same bytes.  Timings are printed, never asserted.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402

REFERENCE = "2000-01-01"


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", nargs="?", default=os.path.join(bl.ROOT, "build"))
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--doc-kb", type=int, default=100)
    ap.add_argument("--file-mb", type=float, default=1)
    ap.add_argument("--jobs", type=int, default=2,
                    help="parallel -j and the cores it gets (2)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    ap.add_argument("--text", nargs="+", metavar="FILE",
                    help="measure on these UTF-8 files instead of TBAQ")
    ap.add_argument("--tmp", help="directory for the input and outputs")
    ap.add_argument("--no-merge", action="store_true",
                    help="pass --no-merge to dateline and the timeline: "
                    "merging rows that tell one event across documents "
                    "depends on the order rows meet, so only then must the "
                    "two timelines be the same bytes")
    args = ap.parse_args()
    if min(args.mb, args.doc_kb, args.file_mb, args.jobs, args.rounds) <= 0:
        ap.error("sizes, --jobs and --rounds must be positive")
    return args


def make_input(args, tmp):
    texts = bl.corpus(args.text, os.path.join(tmp, "corpus"))
    docs, size = bl.documents(texts, args.mb * bl.MB, args.doc_kb * 1024)
    indir = os.path.join(tmp, "in")
    os.mkdir(indir)
    os.mkdir(os.path.join(tmp, "out"))
    group = int(args.file_mb * bl.MB)
    if args.format == "jsonl":
        files = bl.write_jsonl(indir, docs, group)
    else:
        files = bl.write_text(indir, docs, group)
    return files, len(docs), size


def has_merge(tl):
    out = subprocess.run([tl, "--help"], capture_output=True, text=True).stdout
    # --merge itself, not --merge-threshold.
    return re.search(r"(^|\s)--merge(\s|=|$)", out, re.M) is not None


def commands(args, tmp):
    """name -> list of steps, each (stage, output, cores).  The steps of
    one command run one after the other and their times add up."""
    dl = bl.program(args.build, "dateline")
    tl = bl.program(args.build, "dateline-timeline")
    pattern = os.path.join(tmp, "in", "part*." + ("jsonl" if args.format
                                                  == "jsonl" else "txt"))
    nomerge = " --no-merge" if args.no_merge else ""
    dateline = "%s%s -r %s" % (dl, nomerge, REFERENCE)
    # The recipe of docs/scaling.md: the jobs only sort (--no-merge), the
    # last step merges the reports of one event; so the output is the
    # serial one.  Without --merge the combining step sorts again.
    job = "%s --no-merge -r %s" % (dl, REFERENCE) if has_merge(tl) \
        else dateline
    cores = ",".join(str(c) for c in range(args.jobs))
    # One job per file, its timeline named after it; {/.} is the file's
    # name without directory and extension.
    par = ("parallel --will-cite -j%d '%s {} > %s/{/.}.csv' ::: %s"
           % (args.jobs, job, os.path.join(tmp, "out"), pattern))
    combine = "%s%s%s %s" % (tl, nomerge, " --merge" if has_merge(tl) else "",
                             os.path.join(tmp, "out", "part*.csv"))
    return {
        "serial": [("%s %s" % (dateline, pattern),
                    os.path.join(tmp, "serial.csv"), "0")],
        "parallel": [(par, "/dev/null", cores),
                     (combine, os.path.join(tmp, "parallel.csv"), cores)],
    }


def measure(cmds, rounds, tmp):
    """name -> [seconds per round], name -> [[seconds per round] per
    step], name -> [peak RSS in KB per step], and the cmp output of every
    round whose two timelines differ."""
    times = {n: [] for n in cmds}
    steps = {n: [[] for _ in cmds[n]] for n in cmds}
    rss = {n: [0] * len(cmds[n]) for n in cmds}
    diffs = []
    for r in range(rounds):
        for name in bl.rotated(list(cmds), r):
            total, kbs = 0.0, []
            for i, (stage, out, cores) in enumerate(cmds[name]):
                seconds, kb = bl.run([stage], out, tmp, name, cores)
                steps[name][i].append(seconds)
                total += seconds
                kbs.append(kb[0])
            times[name].append(total)
            rss[name] = [max(a, b) for a, b in zip(rss[name], kbs)]
        diff = compare(tmp)
        if diff:
            diffs.append("round %d: %s" % (r + 1, diff))
        print("round %d/%d done" % (r + 1, rounds), file=sys.stderr)
    return times, steps, rss, diffs


def compare(tmp):
    """cmp's complaint when the two timelines differ, else ''."""
    got = subprocess.run(["cmp", os.path.join(tmp, "serial.csv"),
                          os.path.join(tmp, "parallel.csv")],
                         capture_output=True, text=True)
    return "" if got.returncode == 0 else (got.stdout + got.stderr).strip()


# A loop of about a second's work, for the capacity check.
SPIN = "n = 0\nwhile n < 20_000_000: n += 1"


def capacity(jobs):
    """How many times one core's work a CPU loop gets done on jobs cores
    at once, now: the ceiling of any speed-up here.  Under 2 on a 2-core
    machine when something else runs, or when the cores are shared on the
    host."""
    def spin(cores):
        start = time.monotonic()
        kids = [subprocess.Popen(["taskset", "-c", str(c), sys.executable,
                                  "-c", SPIN]) for c in cores]
        for k in kids:
            k.wait()
        return time.monotonic() - start
    alone = spin([0])
    return jobs * alone / spin(range(jobs))


def report(args, times, steps, rss, diffs, size, header):
    mb = size / bl.MB
    speed = {n: mb / bl.median(times[n]) for n in times}
    print(header)
    print("  serial    %7.2f MB/s (%.2f-%.2f)  %7.2f s  peak RSS %6.1f MB"
          % (speed["serial"], mb / max(times["serial"]),
             mb / min(times["serial"]), bl.median(times["serial"]),
             rss["serial"][0] / 1024))
    print("  parallel  %7.2f MB/s (%.2f-%.2f)  %7.2f s  peak RSS %6.1f MB "
          "(parallel and its jobs), %.1f MB (combining timeline)"
          % (speed["parallel"], mb / max(times["parallel"]),
             mb / min(times["parallel"]), bl.median(times["parallel"]),
             rss["parallel"][0] / 1024, rss["parallel"][1] / 1024))
    print("            of which parallel %.2f s, combining timeline %.2f s "
          "(medians)" % tuple(bl.median(t) for t in steps["parallel"]))
    up = speed["parallel"] / speed["serial"]
    print("  speed-up  %.2f on %d cores (a CPU loop's: %.2f before the "
          "rounds, %.2f after)" % ((up, args.jobs) + tuple(args.capacity)))
    if diffs:
        print("  WARNING: the two timelines differ:")
        for d in diffs:
            print("    " + d)
    else:
        print("  outputs identical (cmp) in every round")
    print("notes: %.0f MB, pipeline: serial %.2f MB/s, parallel -j%d %.2f "
          "MB/s, speed-up %.2f (CPU loop %.2f), outputs %s"
          % (mb, speed["serial"], args.jobs, speed["parallel"], up,
             min(args.capacity), "DIFFER" if diffs else "identical"))


def main():
    load = os.getloadavg()[0]
    args = parse_args()
    bl.check_tools("taskset", "parallel", "cmp")
    if args.jobs > (os.cpu_count() or 1):
        bl.die("--jobs %d: only %d cores" % (args.jobs, os.cpu_count()))
    with bl.temp_dir("dl-pipeline-", args.tmp) as tmp:
        files, ndocs, size = make_input(args, tmp)
        cmds = commands(args, tmp)
        for name, steps in cmds.items():
            for stage, out, cores in steps:
                print("%-9s taskset -c %s %s > %s" % (name, cores, stage, out),
                      file=sys.stderr)
        args.capacity = [capacity(args.jobs)]
        times, steps, rss, diffs = measure(cmds, args.rounds, tmp)
        args.capacity.append(capacity(args.jobs))
        header = ("pipeline.py: %s; dateline %s; %.1f MB of %s text in %d "
                  "documents of %d KB, %d %s files; %d rounds%s"
                  % (bl.machine(load), bl.revision(), size / bl.MB,
                     "--text" if args.text else "TBAQ", ndocs, args.doc_kb,
                     len(files), args.format, args.rounds,
                     "; --no-merge" if args.no_merge else ""))
        report(args, times, steps, rss, diffs, size, header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
