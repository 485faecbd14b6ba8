#!/bin/sh
# run-seeds.sh NAME HARNESS: the CI run of one harness (meson test --suite
# fuzz): its seeds (fuzz/seeds.py), then 10,000 runs from a fixed
# seed, so that the run is the same each time.  FUZZ_RUNS overrides the
# number of runs (fuzz/README.md has the long runs).
set -u
name=$1
harness=$2
src=${DATELINE_SOURCE_ROOT:?}
build=${DATELINE_BUILD_ROOT:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
case $name in
  extract|timeml|dateline) dict=dates.dict ;;
  normalize|timeline) dict=forms.dict ;;
  *) dict=csv.dict ;;
esac
python3 "$src/fuzz/seeds.py" "$name" "$tmp/corpus" || exit 1
mkdir -p "$build/fuzz/artifacts"
# -timeout: a unit slower than this is a hang; -rss_limit_mb: a blow-up.
# libFuzzer exits 77 on a finding by default, which meson reads as a skip.
exec "$harness" -error_exitcode=1 -timeout_exitcode=1 -seed=1 \
  -runs="${FUZZ_RUNS:-10000}" -timeout=20 \
  -rss_limit_mb=2048 -max_len=8192 -dict="$src/fuzz/$dict" \
  -artifact_prefix="$build/fuzz/artifacts/$name-" "$tmp/corpus"
