#!/bin/sh
# Tests of dateline-timeline and dateline-compare from the command line:
# the bad-input cases of both (tests/bad-input/timeline-*.case and
# compare-*.case, run here until the shared matrix runner runs them all),
# then the checks in tests/timeline/*.sh.  TAP output.
set -u
src=${DATELINE_SOURCE_ROOT:?}
build=${DATELINE_BUILD_ROOT:?}
PATH=$build/extract:$build/normalize:$build/timeline:$build/dateline:$PATH
export PATH
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# well_formed FILE KIND: csv (valid UTF-8 RFC 4180 with a header and no
# live formula), empty or any.
well_formed () {
  case $2 in
    any) return 0 ;;
    empty) [ ! -s "$1" ] ;;
    *) python3 - "$1" <<'PY'
import csv, re, sys
data = open(sys.argv[1], 'rb').read()
text = data.decode('utf-8')
rows = list(csv.reader(text.splitlines(True), strict=True))
assert rows and rows[0], 'no header'
for row in rows:
    assert len(row) == len(rows[0]), 'ragged row'
    for cell in row:
        assert not re.match(r"[=+\-@\t\r].", cell), 'live formula: ' + cell
PY
    ;;
  esac
}

# run_case FILE: one case of the bad-input matrix (format: tests/bad-input).
run_case () {
  case_file=$1
  name=$(basename "$case_file" .case)
  dir=$tmp/case-$name
  mkdir -p "$dir"
  for f in "${case_file%.case}".*; do
    [ "$f" = "$case_file" ] || cp "$f" "$dir/"
  done
  want_exit= want_stdout=any
  : >"$dir/.stderr-patterns"
  : >"$dir/.setup"
  run=
  while IFS= read -r line; do
    case $line in
      '#'*|'') ;;
      setup:*) printf '%s\n' "${line#setup: }" >>"$dir/.setup" ;;
      run:*) run=${line#run: } ;;
      exit:*) want_exit=${line#exit: } ;;
      stderr:*) printf '%s\n' "${line#stderr: }" >>"$dir/.stderr-patterns" ;;
      stdout:*) want_stdout=${line#stdout: } ;;
    esac
  done <"$case_file"
  (cd "$dir" && sh .setup && sh -c "$run" >.out 2>.err)
  got=$?
  why=
  [ "$got" = "$want_exit" ] || why="exit $got, not $want_exit"
  while IFS= read -r pattern; do
    grep -Eq -- "$pattern" "$dir/.err" || why="$why; stderr lacks /$pattern/"
  done <"$dir/.stderr-patterns"
  well_formed "$dir/.out" "$want_stdout" 2>/dev/null \
    || why="$why; stdout is not $want_stdout"
  if [ -z "$why" ]; then
    ok "$name"
  else
    not_ok "$name: $why"
    sed 's/^/# stderr: /' "$dir/.err" | head -10
  fi
}

for f in "$src"/tests/bad-input/timeline-*.case \
         "$src"/tests/bad-input/compare-*.case; do
  [ -f "$f" ] && run_case "$f"
done

# Each tests/timeline/NAME.sh is sourced here with ok, not_ok, $tmp and
# $src/fixtures at hand.
for t in "$src"/tests/timeline/*.sh; do
  [ -f "$t" ] && . "$t"
done

echo "1..$n"
[ "$failed" = 0 ]
