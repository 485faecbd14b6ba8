#!/usr/bin/env python3
"""Throughput of the dateline filters on one core, against grep.

    python3 bench/bench.py [BUILD_DIR] [--mb N] [--doc-kb K] [--rounds R]
                           [--only extract,extract+normalize,...]
                           [--text FILE...]

The input is the plain text of TimeBank+AQUAINT (../shared, prepared with
te3eval), repeated to N MB (default 50) and cut into documents of K KB
(default 100).  The dateline commands read it as JSON Lines, one document
a line; grep reads the same documents as plain text files of about 1 MB.
Every command runs once a round, R rounds (default 5), in an order turned
by one each round, all on core 0.  Printed: the median MB/s (per MB of
text), its ratio to grep's, and the peak RSS.  Timings are printed, never
asserted: this is not a test.  bench/README.md says what each line means.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as bl  # noqa: E402

# The reference: a pass over the same bytes that finds the commonest date
# words (the 12 month names and 5 more, 17 in all), word-bounded and
# ignoring case, and prints each one found.
DATE_WORDS = ("january|february|march|april|may|june|july|august|september|"
              "october|november|december|today|yesterday|tomorrow|week|year")
REFERENCE = "2000-01-01"
NAMES = ["grep", "extract", "normalize", "extract|normalize",
         "extract|normalize|timeline", "dateline"]


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", nargs="?", default=os.path.join(bl.ROOT, "build"),
                    help="meson build directory (default ROOT/build)")
    ap.add_argument("--mb", type=int, default=50, help="MB of text (50)")
    ap.add_argument("--doc-kb", type=int, default=100,
                    help="KB per document (100)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds (5)")
    ap.add_argument("--cores", type=int, default=1,
                    help="run every command on cores 0..N-1 (1)")
    ap.add_argument("--only", help="comma-separated subset of: "
                    + ", ".join(NAMES) + " (+ for |)")
    ap.add_argument("--text", nargs="+", metavar="FILE",
                    help="measure on these UTF-8 files instead of TBAQ")
    args = ap.parse_args()
    if args.mb < 1 or args.doc_kb < 1 or args.rounds < 1 or args.cores < 1:
        ap.error("--mb, --doc-kb, --rounds and --cores must be at least 1")
    if args.cores > len(os.sched_getaffinity(0)):
        ap.error("--cores: only %d cores here" % len(os.sched_getaffinity(0)))
    # "+" for "|", so that --only extract+normalize needs no quotes.
    args.only = args.only.replace("+", "|").split(",") if args.only else NAMES
    unknown = set(args.only) - set(NAMES)
    if unknown:
        ap.error("--only: unknown %s (known: %s)"
                 % (", ".join(sorted(unknown)), ", ".join(NAMES)))
    return args


def make_input(args, tmp):
    """The documents as one JSON Lines file and as ~1 MB text files."""
    texts = bl.corpus(args.text, os.path.join(tmp, "corpus"))
    docs, size = bl.documents(texts, args.mb * bl.MB, args.doc_kb * 1024)
    os.mkdir(os.path.join(tmp, "text"))
    jsonl = bl.write_jsonl(tmp, docs)[0]
    bl.write_text(os.path.join(tmp, "text"), docs)
    return jsonl, len(docs), size


def commands(args, tmp, jsonl):
    """name -> (stages, where the output goes).  Output goes to /dev/null
    except grep's: GNU grep notices a /dev/null standard output and stops
    at the first match (as -q does), so its matches go to a file."""
    ext = bl.program(args.build, "dateline-extract")
    norm = bl.program(args.build, "dateline-normalize")
    tl = bl.program(args.build, "dateline-timeline")
    dl = bl.program(args.build, "dateline")
    extract = "%s -r %s --input-format jsonl %s" % (ext, REFERENCE, jsonl)
    # grep in a UTF-8 locale, as the dateline programs read UTF-8 (in the
    # C locale grep -i is about twice as fast).
    grep = ("env LC_ALL=C.UTF-8 grep -Eoi '\\b(%s)\\b' %s"
            % (DATE_WORDS, os.path.join(tmp, "text", "*.txt")))
    null = "/dev/null"
    return {
        "grep": ([grep], os.path.join(tmp, "grep.out")),
        "extract": ([extract], null),
        "normalize": (["%s %s" % (norm, mentions_file(tmp))], null),
        "extract|normalize": ([extract, norm], null),
        "extract|normalize|timeline": ([extract, norm, tl], null),
        "dateline": (["%s -r %s --input-format jsonl %s"
                      % (dl, REFERENCE, jsonl)], null),
    }


def mentions_file(tmp):
    return os.path.join(tmp, "mentions.csv")


def make_mentions(args, tmp, jsonl):
    """normalize alone reads extract's rows, made once before the rounds
    (and measured per MB of the text they came from)."""
    ext = bl.program(args.build, "dateline-extract")
    bl.shell("%s -r %s --input-format jsonl %s > %s"
             % (ext, REFERENCE, jsonl, mentions_file(tmp)), "extract")


def measure(cmds, names, rounds, tmp, cores):
    """name -> [seconds per round], and name -> [peak RSS in KB of each
    stage, the largest over the rounds]."""
    times = {n: [] for n in names}
    rss = {n: [0] * len(cmds[n][0]) for n in names}
    for r in range(rounds):
        for name in bl.rotated(names, r):
            stages, out = cmds[name]
            seconds, kb = bl.run(stages, out, tmp, name, cores)
            times[name].append(seconds)
            rss[name] = [max(a, b) for a, b in zip(rss[name], kb)]
        print("round %d/%d done" % (r + 1, rounds), file=sys.stderr)
    return times, rss


def largest(name, kb):
    """The peak RSS of the largest stage, in MB, and which stage it is."""
    i = max(range(len(kb)), key=kb.__getitem__)
    stage = name.split("|")[i] if "|" in name else ""
    return kb[i] / 1024, stage


def report(names, times, rss, size, header, ncores):
    mb = size / bl.MB
    speed = {n: mb / bl.median(times[n]) for n in names}
    ref = speed.get("grep")
    print(header)
    print("%-27s %8s %8s %8s %7s %10s" % ("command", "MB/s", "min", "max",
                                         "x grep", "peak RSS"))
    notes = []
    for n in names:
        ratio = speed[n] / ref if ref else None
        peak, stage = largest(n, rss[n])
        print("%-27s %8.2f %8.2f %8.2f %7s %7.1f MB %s"
              % (n, speed[n], mb / max(times[n]), mb / min(times[n]),
                 "%.3f" % ratio if ratio else "-", peak,
                 "(%s)" % stage if stage else ""))
        notes.append("%s %.2f MB/s%s %.0f MB" % (
            n, speed[n], " %.3fx" % ratio if ratio and n != "grep" else "",
            peak))
    print("notes: %.0f MB, %d core%s: %s" % (mb, ncores,
                                            "" if ncores == 1 else "s",
                                            "; ".join(notes)))


def main():
    load = os.getloadavg()[0]
    args = parse_args()
    bl.check_tools("taskset", "grep")
    names = [n for n in NAMES if n in args.only]
    with bl.temp_dir("dl-bench-") as tmp:
        jsonl, ndocs, size = make_input(args, tmp)
        cmds = commands(args, tmp, jsonl)
        if "normalize" in names:
            make_mentions(args, tmp, jsonl)
        for n in names:
            print("%-27s %s > %s" % (n, " | ".join(cmds[n][0]), cmds[n][1]),
                  file=sys.stderr)
        cores = "0" if args.cores == 1 else "0-%d" % (args.cores - 1)
        times, rss = measure(cmds, names, args.rounds, tmp, cores)
        header = ("bench.py: %s; dateline %s; %.1f MB of %s text in %d "
                  "documents of %d KB; %d rounds on core%s %s (taskset -c %s)"
                  % (bl.machine(load), bl.revision(), size / bl.MB,
                     "--text" if args.text else "TBAQ", ndocs, args.doc_kb,
                     args.rounds, "" if args.cores == 1 else "s", cores,
                     cores))
        report(names, times, rss, size, header, args.cores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
