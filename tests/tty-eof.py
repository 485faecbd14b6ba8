#!/usr/bin/env python3
"""On a terminal, standard input ends at the first end-of-file (issue 8:
it took two).  Runs dateline-extract on a pseudo-terminal, types a line
and one Ctrl-D, and checks that it exits with its row.  TAP output."""
import os
import pty
import select
import sys
import time

build = os.environ.get("DATELINE_BUILD_ROOT", "build")
extract = os.path.join(build, "extract", "dateline-extract")
pid, fd = pty.fork()
if pid == 0:
    os.execv(extract, [extract, "-r", "2025-06-07"])
os.write(fd, b"In March 2013 it rained.\n")
time.sleep(0.2)
os.write(fd, b"\x04")
out = b""
deadline = time.time() + 10
status = None
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            out += os.read(fd, 4096)
        except OSError:
            pass
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(st)
        break
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
print("1..1")
if status == 0 and b"March 2013" in out:
    print("ok 1 - one end-of-file ends standard input on a terminal")
else:
    print("not ok 1 - one end-of-file ends standard input on a terminal")
    print("# status %s, output %r" % (status, out[-300:]))
    sys.exit(1)
