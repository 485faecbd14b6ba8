#!/usr/bin/env python3
"""On a terminal, standard input ends at the first end-of-file (issue 8:
it took two).  Runs dateline-extract on a pseudo-terminal, types a line
and one Ctrl-D, and checks that it exits with its row.  TAP output."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptyrun  # noqa: E402

build = os.environ.get("DATELINE_BUILD_ROOT", "build")
extract = os.path.join(build, "extract", "dateline-extract")
status, out = ptyrun.run([extract, "-r", "2025-06-07"],
                         [b"In March 2013 it rained.\n"], timeout=10)
print("1..1")
if status == 0 and b"March 2013" in out:
    print("ok 1 - one end-of-file ends standard input on a terminal")
else:
    print("not ok 1 - one end-of-file ends standard input on a terminal")
    print("# status %s, output %r" % (status, out[-300:]))
    sys.exit(1)
