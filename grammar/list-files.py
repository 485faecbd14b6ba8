#!/usr/bin/env python3
"""Lists the grammar's data files, or writes the GResource XML for them."""
import os
import sys

root, sub = sys.argv[1], sys.argv[2]
names = []
for dirpath, dirnames, filenames in os.walk(os.path.join(root, sub)):
    dirnames.sort()
    for f in sorted(filenames):
        if f.startswith(".") or f.endswith("~"):
            continue
        names.append(os.path.relpath(os.path.join(dirpath, f), root))
if "--xml" in sys.argv:
    print('<?xml version="1.0" encoding="UTF-8"?>')
    print("<gresources>")
    print('  <gresource prefix="/org/dateline/grammar">')
    for n in names:
        print(f"    <file>{n}</file>")
    print("  </gresource>")
    print("</gresources>")
else:
    print("\n".join(names))
