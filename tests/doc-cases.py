#!/usr/bin/env python3
"""Every example docs/ranges.md cites as NAME.cases:LINE is that line of
tests/cases/NAME.cases: the mention in brackets appears there.  A case
file edited above a cited line shifts it; this says which.  TAP output."""
import os
import re
import sys

src = os.environ.get("DATELINE_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))
doc = open(os.path.join(src, "docs", "ranges.md"), encoding="utf-8").read()
cases = {}
n = failed = 0
# An example: `text with [mention]` ... &mdash; NAME.cases:LINE
example = re.compile(r"`[^`]*\[([^`\]]*)\][^`]*`(?:(?!<br>)[^|])*?"
                     r"&mdash; (\w+)\.cases:(\d+)")
for m in example.finditer(doc):
    mention, name, line = m.group(1), m.group(2), int(m.group(3))
    if name not in cases:
        path = os.path.join(src, "tests", "cases", name + ".cases")
        cases[name] = open(path, encoding="utf-8").read().split("\n")
    text = cases[name][line - 1] if line <= len(cases[name]) else ""
    n += 1
    if "[" + mention + "]" in text:
        print("ok %d - %s.cases:%d [%s]" % (n, name, line, mention))
    else:
        failed += 1
        print("not ok %d - %s.cases:%d does not hold [%s]" % (n, name, line,
                                                           mention))
        print("# line %d: %s" % (line, text))
print("1..%d" % n)
sys.exit(1 if failed or n == 0 else 0)
