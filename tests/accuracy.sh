#!/bin/sh
# The accuracy suite: runs dateline-extract | dateline-normalize over the
# TimeBank and AQUAINT corpora (TBAQ) in ../shared and scores them with
# te3eval, the TempEval-3 way.  Fails when a score falls below its floor;
# skips (77) when ../shared is not there.  Raise the floors as scores rise.
set -u
src=${DATELINE_SOURCE_ROOT:?}
build=${DATELINE_BUILD_ROOT:?}
shared=${DATELINE_SHARED:-$src/../shared}
te3eval=$shared/tools/te3eval

if [ ! -x "$te3eval" ] || [ ! -d "$shared/corpora/tbaq" ]; then
  echo "accuracy: $shared not found, skipped"
  exit 77
fi

# corpus strict relaxed value: the floors (F1, percent).
floors="TimeBank 90.7 94.2 82.4
AQUAINT 85.5 93.3 77.8"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
echo "$floors" | while read -r corpus strict relaxed value; do
  "$te3eval" prepare "$shared/corpora/tbaq/$corpus" "$tmp/$corpus" >/dev/null \
    || exit 1
  "$build/extract/dateline-extract" "$tmp/$corpus"/tml/*.tml \
    | "$build/normalize/dateline-normalize" >"$tmp/$corpus.csv" \
    2>"$tmp/$corpus.err" || { cat "$tmp/$corpus.err"; exit 1; }
  "$te3eval" score "$tmp/$corpus" "$tmp/$corpus.csv" --coords tml-bytes \
    >"$tmp/$corpus.score" || exit 1
  echo "== $corpus"
  sed -n '1,5p' "$tmp/$corpus.score"
  awk -v corpus="$corpus" -v s="$strict" -v r="$relaxed" -v v="$value" '
    $1 == "strict" { strict = $7 } $1 == "relaxed" { relaxed = $7 }
    $1 == "value" { value = $5 }
    END {
      bad = 0
      if (strict < s) { print corpus ": strict F1 " strict " below floor " s; bad = 1 }
      if (relaxed < r) { print corpus ": relaxed F1 " relaxed " below floor " r; bad = 1 }
      if (value < v) { print corpus ": value F1 " value " below floor " v; bad = 1 }
      exit bad
    }' "$tmp/$corpus.score" || exit 1
done || status=1
exit $status
