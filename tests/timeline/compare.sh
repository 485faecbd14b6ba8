# dateline-compare (issue 9, section 4): two articles of one story with two
# dates changed and one event told only by A.
fx=$src/fixtures
ref=--reference-date=2025-06-07
(cd "$fx" && dateline-compare $ref compare-a.txt compare-b.txt) \
  >"$tmp/compare.csv" 2>"$tmp/compare.err"
status=$?
if [ "$status" = 1 ] && cmp -s "$tmp/compare.csv" "$src/tests/golden/compare.csv"; then
  ok "compare: the golden rows, exit 1"
else
  not_ok "compare: the golden rows, exit 1 (got $status)"
  diff -u "$src/tests/golden/compare.csv" "$tmp/compare.csv" | sed 's/^/# /' | head -20
fi
if [ "$(cat "$tmp/compare.err")" = \
     "dateline-compare: 3 agree, 2 conflict, 1 only in A, 0 only in B" ]; then
  ok "compare: one summary line on stderr"
else
  not_ok "compare: one summary line on stderr"
  sed 's/^/# /' "$tmp/compare.err"
fi
# The same from timelines, from ranges, and with A on standard input.
(cd "$fx" && dateline $ref compare-a.txt) >"$tmp/a.timeline.csv" 2>/dev/null
(cd "$fx" && dateline-extract $ref compare-b.txt | dateline-normalize) \
  >"$tmp/b.ranges.csv" 2>/dev/null
(cd "$tmp" && dateline-compare a.timeline.csv - <b.ranges.csv) \
  >"$tmp/compare-csv.csv" 2>/dev/null
if cmp -s "$tmp/compare-csv.csv" "$tmp/compare.csv"; then
  ok "compare: a timeline and ranges on stdin give the same rows"
else
  not_ok "compare: a timeline and ranges on stdin give the same rows"
  diff -u "$tmp/compare.csv" "$tmp/compare-csv.csv" | sed 's/^/# /' | head -10
fi
(cd "$fx" && dateline-compare $ref - compare-a.txt <compare-a.txt) \
  >"$tmp/same.csv" 2>"$tmp/same.err"
status=$?
if [ "$status" = 0 ] && ! grep -qv '^agree,\|^status,' "$tmp/same.csv"; then
  ok "compare: an article against itself agrees, exit 0"
else
  not_ok "compare: an article against itself agrees, exit 0 (got $status)"
  sed 's/^/# /' "$tmp/same.csv" "$tmp/same.err" | head
fi
dateline-compare "$fx/compare-a.txt" >/dev/null 2>"$tmp/usage.err"
status=$?
if [ "$status" = 2 ]; then ok "compare: one input is a usage error, exit 2"
else not_ok "compare: one input is a usage error, exit 2 (got $status)"; fi
dateline-compare "$fx/compare-a.txt" "$tmp/no-such-file" >/dev/null 2>&1
status=$?
if [ "$status" = 2 ]; then ok "compare: a missing input is trouble, exit 2"
else not_ok "compare: a missing input is trouble, exit 2 (got $status)"; fi
if dateline-compare --help >/dev/null && dateline-compare --version | grep -q dateline; then
  ok "dateline-compare --help and --version"
else
  not_ok "dateline-compare --help and --version"
fi
