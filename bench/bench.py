#!/usr/bin/env python3
"""Throughput benchmark: MB/s and peak RSS of dateline-extract alone, of
dateline-normalize alone (on extract's rows, per MB of the text), and of
dateline-extract | dateline-normalize on two cores and on one.

    python3 bench/bench.py [BUILD_DIR] [--mb N] [--file-mb M]

The input is the plain text of TBAQ (../shared, prepared with te3eval) or,
without it, fixtures/*.txt, repeated to N MB (default 50) in files of M MB
(default 1; one big file with --file-mb N).  Timings are printed, never
asserted: this is not a test.
"""
import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus_text():
    shared = os.path.join(ROOT, "..", "shared")
    te3eval = os.path.join(shared, "tools", "te3eval")
    parts = []
    if os.access(te3eval, os.X_OK):
        out = tempfile.mkdtemp(prefix="dl-bench-")
        for corpus in ("TimeBank", "AQUAINT"):
            subprocess.run([te3eval, "prepare",
                            os.path.join(shared, "corpora", "tbaq", corpus),
                            os.path.join(out, corpus)],
                           check=True, stdout=subprocess.DEVNULL)
            for f in sorted(glob.glob(os.path.join(out, corpus, "text", "*.txt"))):
                parts.append(open(f, "rb").read())
    else:
        for f in sorted(glob.glob(os.path.join(ROOT, "fixtures", "*.txt"))):
            data = open(f, "rb").read()
            try:
                data.decode("utf-8")
                parts.append(data)
            except UnicodeDecodeError:
                pass
    return b"\n\n".join(parts)


def make_input(directory, total_mb, file_mb):
    text = corpus_text()
    files, size, total = [], 0, total_mb * 1024 * 1024
    chunk = file_mb * 1024 * 1024
    while size < total:
        name = os.path.join(directory, "part%04d.txt" % len(files))
        with open(name, "wb") as fh:
            written = 0
            while written < chunk and size + written < total:
                fh.write(text + b"\n\n")
                written += len(text) + 2
        size += written
        files.append(name)
    return files, size


def run(label, command, size):
    """Runs command in a fresh child, so that its peak RSS is its own."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        start = time.monotonic()
        status = subprocess.run(["sh", "-c", command]).returncode
        elapsed = time.monotonic() - start
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        os.write(write, ("%d %f %d" % (status, elapsed, rss)).encode())
        os._exit(0)
    os.close(write)
    status, elapsed, rss = os.read(read, 100).decode().split()
    os.waitpid(pid, 0)
    if status != "0":
        sys.exit("bench: %s failed" % label)
    mb = size / (1024 * 1024)
    elapsed = float(elapsed)
    print("%-22s %7.1f MB in %6.2f s  %7.1f MB/s  peak RSS %6.1f MB"
          % (label, mb, elapsed, mb / elapsed, int(rss) / 1024))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--file-mb", type=int, default=1)
    args = ap.parse_args()
    extract = os.path.join(args.build, "extract", "dateline-extract")
    normalize = os.path.join(args.build, "normalize", "dateline-normalize")
    with tempfile.TemporaryDirectory(prefix="dl-bench-") as tmp:
        files, size = make_input(tmp, args.mb, args.file_mb)
        listing = os.path.join(tmp, "*.txt")
        ref = "--reference-date 2000-01-01"
        mentions = os.path.join(tmp, "mentions.csv")
        run("extract", "%s %s %s >/dev/null" % (extract, ref, listing), size)
        # normalize alone, on extract's rows, measured against the text
        # they came from.
        subprocess.run("%s %s %s > %s" % (extract, ref, listing, mentions),
                       shell=True, check=True)
        run("normalize", "%s %s >/dev/null 2>&1" % (normalize, mentions),
            size)
        run("extract | normalize", "%s %s %s | %s >/dev/null 2>&1"
            % (extract, ref, listing, normalize), size)
        # Both stages on one core: the sum of their CPU time.
        if shutil.which("taskset"):
            run("same, on one core", "taskset -c 0 sh -c '%s %s %s | %s"
                " >/dev/null 2>&1'" % (extract, ref, listing, normalize), size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
