#!/bin/sh
# The acceptance example: the article this project started from
# (../shared/examples, not in the repository) must give the timeline that
# ../shared/examples/README.md asks for, with and without an anchors file.
# Skips when ../shared is absent (a TAP plan of 0 with SKIP: meson reads
# TAP, not exit 77, for this test).
set -u
src=${DATELINE_SOURCE_ROOT:?}
build=${DATELINE_BUILD_ROOT:?}
shared=${DATELINE_SHARED:-$src/../shared}
article=$shared/examples/fsb-china-article.txt
dateline=$build/dateline/dateline

if [ ! -f "$article" ]; then
  echo "1..0 # SKIP $article not found"
  exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/wrapper.sh"
dateline=$(wrapped "$dateline" "$tmp")
cat >"$tmp/anchors.csv" <<'CSV'
name,earliest,latest,aliases
Russian invasion of Ukraine,2022-02-24,2022-02-24,2022 invasion|Ukraine invasion|invasion of Ukraine
CSV
n=0
failed=0

# row FILE START END MENTION: the timeline in FILE has that row.
row () {
  n=$((n + 1))
  if awk -F, -v s="$2" -v e="$3" -v m="$4" \
       'index($0, m) && $1 == s && $2 == e { found = 1 } END { exit !found }' "$1"; then
    echo "ok $n - $(basename "$1"): $4 is $2..$3"
  else
    failed=$((failed + 1))
    echo "not ok $n - $(basename "$1"): $4 is $2..$3"
    grep -F "$4" "$1" | sed 's/^/# /'
  fi
}

ref=--reference-date=2025-06-07
"$dateline" $ref --anchors "$tmp/anchors.csv" --no-default-anchors "$article" \
  >"$tmp/anchored.csv" 2>/dev/null
"$dateline" $ref --no-default-anchors "$article" >"$tmp/plain.csv" 2>/dev/null
"$dateline" $ref "$article" >"$tmp/builtin.csv" 2>/dev/null

for f in "$tmp/anchored.csv" "$tmp/plain.csv" "$tmp/builtin.csv"; do
  row "$f" 2023-09-01 2024-04-30 "late 2023 or early 2024"
  row "$f" 2023-01-01 2023-12-31 ",2023,"
  row "$f" 1800-01-01 1899-12-31 "19th-century"
  row "$f" "" "" "every weekend"
done
for f in "$tmp/anchored.csv" "$tmp/builtin.csv"; do
  row "$f" "" 2022-02-23 "before the 2022 Ukraine invasion"
  row "$f" 2022-02-21 2022-02-21 "three days prior"
done
row "$tmp/plain.csv" 2021-12-29 2022-12-28 "three days prior"

# The event of a mention is the clause that carries it, not the sentence.
"$build/extract/dateline-extract" $ref "$article" >"$tmp/mentions.csv"
n=$((n + 1))
want=',"the FSB launched a counterintelligence program, ""Entente-4,"" just three days prior","This internal tension'
if grep -qF "$want" "$tmp/mentions.csv"; then
  echo "ok $n - the event of three days prior is its clause"
else
  failed=$((failed + 1))
  echo "not ok $n - the event of three days prior is its clause"
  grep -F "three days prior" "$tmp/mentions.csv" | sed 's/^/# /'
fi

echo "1..$n"
[ "$failed" = 0 ]
