"""What bench.py, sort.py and pipeline.py share: the corpus, the input
files made from it, the machine's description and the timed run of one
shell command.  Standard library only."""
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
MB = 1024 * 1024


def die(message):
    print("%s: %s" % (os.path.basename(sys.argv[0]), message), file=sys.stderr)
    sys.exit(1)


def program(build, name):
    """The path of one of the built programs, or a loud exit."""
    sub = {"dateline": "dateline"}.get(name, name.replace("dateline-", ""))
    path = os.path.join(build, sub, name)
    if not os.access(path, os.X_OK):
        die("%s not found: build first (meson setup %s && ninja -C %s)"
            % (path, build, build))
    return path


# ---- the corpus -------------------------------------------------------

def tbaq_text(workdir):
    """TimeBank and AQUAINT as plain text, one string per article, made
    with ../shared's te3eval.  Exits when ../shared is not there: a
    benchmark on other text would give other figures, so it must never
    fall back to the fixtures without being asked (--text)."""
    te3eval = os.path.join(SHARED, "tools", "te3eval")
    corpora = [os.path.join(SHARED, "corpora", "tbaq", c)
               for c in ("TimeBank", "AQUAINT")]
    missing = [p for p in [te3eval] + corpora if not os.path.exists(p)]
    if missing:
        die("the TBAQ text is missing (%s); pass --text FILE... to measure "
            "on text of your own" % ", ".join(missing))
    texts = []
    for corpus in corpora:
        out = os.path.join(workdir, os.path.basename(corpus))
        subprocess.run([te3eval, "prepare", corpus, out], check=True,
                       stdout=subprocess.DEVNULL)
        names = sorted(glob.glob(os.path.join(out, "text", "*.txt")))
        if not names:
            die("te3eval wrote no text for %s" % corpus)
        texts += [read_text(n) for n in names]
    return texts


def read_text(path):
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        die("%s is not UTF-8" % path)


def corpus(text_files, workdir):
    """The articles to repeat: --text's files, else TBAQ."""
    if text_files:
        return [read_text(f) for f in text_files]
    return tbaq_text(workdir)


def documents(texts, total_bytes, doc_bytes):
    """Documents of about doc_bytes each, total_bytes in all (UTF-8
    bytes), cut from the articles repeated end to end.  A cut falls on a
    line break, else on a space, in the last quarter of the document, so
    no word or character is split and most sentences stay whole."""
    stream = "\n\n".join(texts).encode("utf-8") + b"\n\n"
    docs, size, pos = [], 0, 0
    while size < total_bytes:
        want = min(doc_bytes, total_bytes - size)
        window = take(stream, pos, want + 4)
        cut = cut_point(window, want, doc_bytes // 4)
        docs.append(window[:cut].decode("utf-8"))
        pos = (pos + cut) % len(stream)
        size += cut
    return docs, size


def take(stream, pos, n):
    """n bytes of stream from pos on, going round to its start."""
    out = bytearray()
    while len(out) < n:
        piece = stream[pos:pos + n - len(out)]
        out += piece
        pos = (pos + len(piece)) % len(stream)
    return bytes(out)


def cut_point(window, want, slack):
    """Where to end a document of about want bytes: after the last line
    break in its last quarter, else after the last space there, else on
    the first character boundary at want."""
    low = max(0, want - slack)
    for sep in (b"\n", b" "):
        i = window.rfind(sep, low, want)
        if i >= 0:
            return i + 1
    i = want
    while i > 1 and (window[i] & 0xC0) == 0x80:  # a UTF-8 continuation byte
        i -= 1
    return i


def write_jsonl(directory, docs, group_bytes=None, date="2000-01-01"):
    """Documents as JSON Lines (id, date, text; one document a line), in
    one file, or in files of about group_bytes of text each."""
    files, out, held = [], None, 0
    for n, doc in enumerate(docs):
        if out is None or (group_bytes and held >= group_bytes):
            if out:
                out.close()
            files.append(os.path.join(directory, "part%05d.jsonl" % len(files)))
            out, held = open(files[-1], "w", encoding="utf-8"), 0
        out.write(json.dumps({"id": "doc%06d" % n, "date": date, "text": doc},
                             ensure_ascii=False) + "\n")
        held += len(doc.encode("utf-8"))
    out.close()
    return files


def write_text(directory, docs, group_bytes=MB):
    """The same documents as plain text files of about group_bytes each,
    documents separated by a blank line (one file per document would be
    tens of thousands of files at 200 MB)."""
    files, out, held = [], None, 0
    for doc in docs:
        if out is None or held >= group_bytes:
            if out:
                out.close()
            files.append(os.path.join(directory, "part%05d.txt" % len(files)))
            out, held = open(files[-1], "w", encoding="utf-8"), 0
        out.write(doc.rstrip("\n") + "\n\n")
        held += len(doc.encode("utf-8"))
    out.close()
    return files


# ---- the machine ------------------------------------------------------

def machine(load):
    """nproc, the CPU model and load, the load average taken when the
    script started (before it made its input)."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    # The load average tells whether something else was running too.
    return "nproc %d, %s, load %.2f at start" % (os.cpu_count() or 0, model,
                                                 load)


def revision():
    try:
        return subprocess.run(["git", "-C", ROOT, "describe", "--always",
                               "--dirty"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def check_tools(*names):
    """A loud exit if one of the programs the runs need is not on PATH."""
    for name in names:
        if not any(os.access(os.path.join(d, name), os.X_OK)
                   for d in os.environ.get("PATH", "").split(os.pathsep)):
            die("%s is not installed" % name)


# ---- running ----------------------------------------------------------

def on_cores(command, cores="0"):
    """command (a shell string) with all its processes on the given
    cores: taskset around the shell, so a pipeline's stages share them."""
    return "taskset -c %s sh -c %s" % (cores, shlex.quote(command))


def run(stages, out, tmp, label="command", cores="0"):
    """Runs the pipeline of stages (shell strings) with its output to
    out, all on cores, and returns (seconds, [peak RSS in KB of each
    stage]).  Each stage runs under /usr/bin/time -f %M, which reports the
    stage's own maxrss (wait4's, the largest of the process and the
    children it waited for).  Not wait4 on our own child: a child forked
    from Python keeps Python's peak RSS across exec."""
    rss = [os.path.join(tmp, "rss.%d" % i) for i in range(len(stages))]
    line = " | ".join("/usr/bin/time -f %%M -o %s %s" % (r, s)
                      for r, s in zip(rss, stages)) + " > " + out
    log = os.path.join(tmp, "stderr.log")
    with open(log, "w") as err:
        start = time.monotonic()
        status = subprocess.run(on_cores(line, cores), shell=True,
                                stderr=err).returncode
        elapsed = time.monotonic() - start
    if status != 0:
        with open(log) as err:
            sys.stderr.write(err.read()[-2000:])
        die("%s failed (status %d): %s" % (label, status, line))
    return elapsed, [read_rss(r) for r in rss]


def read_rss(path):
    with open(path) as fh:
        return int(fh.read().split()[-1])


def shell(command, label="command"):
    """Runs an untimed shell command (making inputs), loudly on failure."""
    if subprocess.run(command, shell=True).returncode != 0:
        die("%s failed: %s" % (label, command))


def rotated(items, round_no):
    """items in the order for one round: each round starts one further
    on, so no command is always first (cold) or always after the same."""
    k = round_no % len(items)
    return items[k:] + items[:k]


def median(values):
    return statistics.median(values)


def temp_dir(prefix, parent=None):
    return tempfile.TemporaryDirectory(prefix=prefix, dir=parent)
