#!/bin/sh
# End-to-end golden tests: run the built programs on fixtures/ and compare
# their output byte for byte with tests/golden/.  TAP output.
# UPDATE_GOLDEN=1 rewrites the expected files (review the diff!).
set -u
src=${DATELINE_SOURCE_ROOT:?}
build=${DATELINE_BUILD_ROOT:?}
extract=$build/extract/dateline-extract
normalize=$build/normalize/dateline-normalize
timeline=$build/timeline/dateline-timeline
dateline=$build/dateline/dateline
fx=$src/fixtures
golden=$src/tests/golden
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/wrapper.sh"
extract=$(wrapped "$extract" "$tmp")
normalize=$(wrapped "$normalize" "$tmp")
timeline=$(wrapped "$timeline" "$tmp")
dateline=$(wrapped "$dateline" "$tmp")
cd "$fx" || exit 1
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# golden NAME: compares $tmp/NAME with $golden/NAME.
golden () {
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/$1" "$golden/$1"
  fi
  if cmp -s "$tmp/$1" "$golden/$1"; then
    ok "$1"
  else
    not_ok "$1"
    diff -u "$golden/$1" "$tmp/$1" | sed 's/^/# /' | head -40
  fi
}

# expect NAME STATUS CMD...: runs CMD, stdout+stderr to $tmp/NAME, checks
# the exit status and the golden output.
expect () {
  name=$1 want=$2
  shift 2
  "$@" >"$tmp/$name" 2>&1
  got=$?
  if [ "$got" != "$want" ]; then
    not_ok "$name exits $want (got $got)"
    sed 's/^/# /' "$tmp/$name" | head -20
    return
  fi
  golden "$name"
}

ref=--reference-date=2025-06-07

# The three stages one by one, each from the previous one's output.
"$extract" $ref harbor-article.txt >"$tmp/harbor.mentions.csv" 2>/dev/null
golden harbor.mentions.csv
"$normalize" "$tmp/harbor.mentions.csv" >"$tmp/harbor.ranges.csv" 2>/dev/null
golden harbor.ranges.csv
"$timeline" <"$tmp/harbor.ranges.csv" >"$tmp/harbor.timeline.csv"
golden harbor.timeline.csv

# Anchored to an event from an anchors file: "five days prior" to the
# strike, "before the 2019 harbour strike".
"$dateline" $ref --anchors harbor-anchors.csv --no-default-anchors \
  harbor-article.txt >"$tmp/harbor-anchored.timeline.csv" 2>/dev/null
golden harbor-anchored.timeline.csv

# The whole pipeline in one process gives the same timeline.
"$dateline" $ref harbor-article.txt >"$tmp/dateline.csv" 2>/dev/null
if cmp -s "$tmp/dateline.csv" "$tmp/harbor.timeline.csv"; then
  ok "dateline equals the three stages"
else
  not_ok "dateline equals the three stages"
fi

# The event of each mention (its clause), and lines without full stops (a
# log, a list) read as one sentence each.
"$extract" $ref clauses-article.txt server-log.txt \
  >"$tmp/clauses.mentions.csv" 2>&1
golden clauses.mentions.csv

# A JSON Lines archive: a document a line, its id and date; a line with a
# bad date or without text is an error naming the line, and the others go
# on (exit 1).
expect archive.out 1 "$extract" $ref archive.jsonl

# --dates gives each plain-text file its date; a file not listed takes
# --reference-date.
"$extract" $ref --dates archive-dates.csv clauses-article.txt harbor-article.txt \
  | cut -d, -f1,2 | uniq >"$tmp/archive-dates.out" 2>&1
golden archive-dates.out

# TimeML: DCT from the document, markup skipped, offsets into the file.
expect sample.mentions.csv 0 "$extract" sample.tml
"$dateline" - <sample.tml >"$tmp/sample.timeline.csv" 2>&1
golden sample.timeline.csv

# Standard input is "-" and the default.
"$extract" $ref <harbor-article.txt >"$tmp/stdin.csv" 2>/dev/null
sed 's/^-,/harbor-article.txt,/' "$tmp/stdin.csv" >"$tmp/stdin-renamed.csv"
if cmp -s "$tmp/stdin-renamed.csv" "$tmp/harbor.mentions.csv"; then
  ok "stdin reads like a file"
else
  not_ok "stdin reads like a file"
fi

# Columns the user added pass through every stage.
"$normalize" extra-column.csv | "$timeline" >"$tmp/extra-column.timeline.csv"
golden extra-column.timeline.csv

# Bad input: clear message naming file and line, exit 1, good files still
# processed.
expect bad-utf8.out 1 "$extract" $ref bad-utf8.txt harbor-article.txt
expect missing-column.out 1 "$normalize" bad-missing-column.csv
expect missing-file.out 1 "$timeline" no-such-file.csv
expect bad-option.out 2 "$extract" --no-such-option
expect bad-date.out 2 "$normalize" --reference-date=2022-02-30 extra-column.csv

# Forms no grammar writes (absurd numbers, repeated keys, day 0001-01-01,
# 9999-12-31): every row comes out, with exit 0; under the sanitizers this
# also checks for leaks and overflows.
rows_in=$(grep -c '' odd-forms.csv)
for opts in "" "--hemisphere=south --fiscal-year-start=10" "--style=narrative"; do
  # shellcheck disable=SC2086
  "$normalize" $opts odd-forms.csv >"$tmp/odd.csv" 2>"$tmp/odd.err"
  status=$?
  rows_out=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))' "$tmp/odd.csv")
  if [ "$status" = 0 ] && [ "$rows_out" = "$rows_in" ]; then
    ok "odd forms ${opts:-(no options)}: $rows_in rows in, $rows_out out"
  else
    not_ok "odd forms ${opts:-(no options)}: exit $status, $rows_in rows in, $rows_out out"
    sed 's/^/# /' "$tmp/odd.err" | head -20
  fi
done

# A closed stdout ends quietly: no write error, however long the output.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do cat harbor-article.txt; done \
  >"$tmp/long.txt"
for i in 1 2 3 4 5 6 7 8; do cat "$tmp/long.txt"; done >"$tmp/longer.txt"
"$extract" $ref "$tmp/longer.txt" 2>"$tmp/pipe.err" | head -1 >/dev/null
if ! grep -qi "write\|pipe" "$tmp/pipe.err"; then ok "quiet under | head"; else
  not_ok "quiet under | head"; sed 's/^/# /' "$tmp/pipe.err"; fi

# A full disk: exit 1, and the write error told once.
# full_disk NAME CMD...
full_disk () {
  name=$1
  shift
  "$@" >/dev/full 2>"$tmp/full.err"
  status=$?
  told=$(grep -c "standard output" "$tmp/full.err")
  if [ "$status" = 1 ] && [ "$told" = 1 ]; then
    ok "$name on a full disk"
  else
    not_ok "$name on a full disk: exit $status, told $told times"
    sed 's/^/# /' "$tmp/full.err"
  fi
}
if [ -w /dev/full ]; then
  full_disk extract "$extract" $ref harbor-article.txt
  full_disk normalize "$normalize" "$golden/harbor.mentions.csv"
  full_disk timeline "$timeline" "$golden/harbor.ranges.csv"
  full_disk dateline "$dateline" $ref harbor-article.txt
fi

for p in "$extract" "$normalize" "$timeline" "$dateline"; do
  if "$p" --help >/dev/null && "$p" --version | grep -q dateline; then
    ok "$(basename "$p") --help and --version"
  else
    not_ok "$(basename "$p") --help and --version"
  fi
done

echo "1..$n"
[ "$failed" = 0 ]
