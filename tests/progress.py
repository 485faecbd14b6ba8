#!/usr/bin/env python3
"""--progress and --no-progress on every program: the count on stderr,
the output unchanged, the later option winning, and on a terminal the
default: drawn on one line when the output goes to a file, never when it
goes to a pipe, cleared before a message and at exit.  TAP output."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptyrun  # noqa: E402
from tap import Tap  # noqa: E402

build = os.environ.get("DATELINE_BUILD_ROOT", "build")
src = os.environ.get("DATELINE_SOURCE_ROOT", ".")
wrapper = os.environ.get("DATELINE_WRAPPER")
prog = {
    "dateline-extract": os.path.join(build, "extract", "dateline-extract"),
    "dateline-normalize": os.path.join(build, "normalize",
                                       "dateline-normalize"),
    "dateline-timeline": os.path.join(build, "timeline", "dateline-timeline"),
    "dateline": os.path.join(build, "dateline", "dateline"),
    "dateline-compare": os.path.join(build, "timeline", "dateline-compare"),
}
fx = os.path.join(src, "fixtures")
article = os.path.join(fx, "harbor-article.txt")
ref = "--reference-date=2025-06-07"
tap = Tap()
check = tap.check


def run(argv, stdin=None):
    if wrapper:
        argv = [wrapper] + argv
    return subprocess.run(argv, input=stdin, capture_output=True)


tmp = tempfile.mkdtemp(prefix="dl-progress-")
mentions = run([prog["dateline-extract"], ref, article]).stdout
ranges = run([prog["dateline-normalize"]], mentions).stdout
cases = {
    "dateline-extract": ([ref, article], None),
    "dateline-normalize": ([], mentions),
    "dateline-timeline": ([], ranges),
    "dateline": ([ref, article], None),
    "dateline-compare": ([ref, os.path.join(fx, "compare-a.txt"),
                          os.path.join(fx, "compare-b.txt")], None),
}
for name, (args, stdin) in cases.items():
    plain = run([prog[name]] + args, stdin)
    shown = run([prog[name], "--progress"] + args, stdin)
    err = shown.stderr.decode()
    line = [l for l in err.splitlines()
            if l.startswith(name + ": ") and " MB read, " in l]
    check(shown.returncode == plain.returncode and shown.stdout == plain.stdout
          and line and " rows" in line[-1] and "\r" not in err,
          "%s --progress: the count on stderr, a line each, the output the "
          "same" % name, err)
    off = run([prog[name], "--progress", "--no-progress"] + args, stdin)
    on = run([prog[name], "--no-progress", "--progress"] + args, stdin)
    check(off.stderr == plain.stderr and " MB read, " in on.stderr.decode(),
          "%s: the later of --progress and --no-progress wins" % name,
          off.stderr.decode() + on.stderr.decode())


def on_terminal(command, chunks):
    """Runs the shell command with stderr (and stdin) on a pseudo-terminal,
    typing the chunks with a pause between them; stdout goes where the
    command's own redirection sends it (a file or a pipe)."""
    return ptyrun.run(["/bin/sh", "-c", command], chunks, pause=0.6,
                      echo=False)


# Range rows of many documents typed in two halves, a pause between: the
# meter draws when the second half starts (a new document), a bad row's
# message comes on a clean line, and the line is cleared at exit.
archive = os.path.join(tmp, "archive")
subprocess.run([sys.executable, os.path.join(src, "tests", "scale",
                                             "archive.py"), archive, "40"],
               check=True)
texts = sorted(os.path.join(archive, f) for f in os.listdir(archive)
               if f.endswith(".txt"))
lines = run([prog["dateline-normalize"]],
            run([prog["dateline-extract"], ref] + texts).stdout).stdout \
    .splitlines(keepends=True)
half = len(lines) // 2
bad = b'"unclosed\n'
tl = prog["dateline-timeline"]
if wrapper:
    tl = wrapper + " " + tl
to_file = os.path.join(tmp, "timeline.csv")
status, out = on_terminal("exec %s > %s" % (tl, to_file),
                          [b"".join(lines[:half]), b"".join(lines[half:])])
text = out.decode("utf-8", "replace")
last = text.rfind("MB/s\033[K")
check(status == 0 and text.startswith("\r") and last >= 0
      and "\r\033[K" in text[last:],
      "on a terminal, output to a file: drawn on one line and cleared at exit",
      repr(text[-400:]))
status, out = on_terminal("exec %s | cat > %s" % (tl, to_file),
                          [b"".join(lines[:half]), b"".join(lines[half:])])
check(b" MB read, " not in out,
      "on a terminal, output to a pipe: no progress (the next stage's)",
      repr(out[-400:]))
status, out = on_terminal("exec %s > %s" % (tl, to_file),
                          [b"".join(lines[:half]), b"".join(lines[half:-1]),
                           bad + lines[-1]])
text = out.decode("utf-8", "replace")
message = [l for l in text.split("\n") if "row" in l and "skipped" in l]
check(message and all(not m.lstrip("\r").startswith(
          "dateline-timeline: 0") for m in message)
      and all("MB/s" not in m.split("\033[K")[-1] for m in message),
      "on a terminal: a message comes on a line of its own, not after the "
      "meter", repr(text[-600:]))
tap.done()
