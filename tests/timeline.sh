#!/bin/sh
# Tests of dateline-timeline and dateline-compare from the command line:
# the checks in tests/timeline/*.sh (their bad-input cases are in the
# shared matrix, tests/bad-input).  TAP output.
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

# Each tests/timeline/NAME.sh is sourced here with ok, not_ok, $tmp and
# $src/fixtures at hand.
for t in "$src"/tests/timeline/*.sh; do
  [ -f "$t" ] && . "$t"
done

echo "1..$n"
[ "$failed" = 0 ]
