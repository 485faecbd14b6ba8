#!/bin/sh
# scripts/dev.sh demo|test|valgrind|fuzz|ci: the set-up every README
# command shares.
#   demo      install what is missing, build, print the timeline of a fixture
#   test      install what is missing, build, run every test
#   valgrind  the unit, golden and bad-input tests under valgrind
#   fuzz      a clang build of the libFuzzer harnesses, each run briefly
#             on its seeds (fuzz/README.md has the long runs)
#   ci        test, then a -Werror build with AddressSanitizer and UBSan
#             tests, then fuzz
# Works on a fresh Debian 12 as root (or with sudo available).
set -eu
# pipefail (bash, as .ci/run runs it): a failing test run must fail even
# when piped through tee; the closing summary checks the counts anyway.
if [ -n "${BASH_VERSION:-}" ]; then set -o pipefail; fi
cd "$(dirname "$0")/.."

packages="build-essential pkg-config meson ninja-build python3
  libglib2.0-dev libglib2.0-dev-bin libpcre2-dev libcsv-dev libjson-glib-dev"
# Only for the fuzzers and the valgrind setup.
check_packages="clang libclang-rt-dev valgrind"

install_missing () {
  missing=""
  for p in $packages ${with_checks:+$check_packages}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "dev.sh: installing$missing" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
}

# build DIR [meson options]: configure (once) and compile.
build () {
  dir=$1
  shift
  if [ -d "$dir/meson-info" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

# The clang build of the fuzz harnesses, run briefly over their seeds.
fuzz () {
  CC=clang build build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false
  meson test -C build-fuzz --suite fuzz --print-errorlogs
}

case "${1:-}" in valgrind|fuzz|ci) with_checks=1 ;; esac
install_missing
case "${1:-}" in
  demo)
    build build >/dev/null
    ./build/dateline/dateline --reference-date 2025-06-07 \
      fixtures/harbor-article.txt
    ;;
  test)
    build build
    meson test -C build --print-errorlogs
    ;;
  valgrind)
    build build
    meson test -C build --setup valgrind --print-errorlogs
    ;;
  fuzz)
    fuzz
    ;;
  ci)
    build build
    meson test -C build --print-errorlogs | tee build/ci-tests.log
    build build-sanitize -Dwerror=true -Db_sanitize=address,undefined \
      -Db_lundef=false
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C build-sanitize --print-errorlogs \
      | tee build-sanitize/ci-tests.log
    mkdir -p build-fuzz
    fuzz | tee build-fuzz/ci-tests.log
    # One plain closing line for the three runs.
    awk '/^Ok:/ { ok += $2 } /^Fail:|^Timeout:/ { bad += $2 }
         /^Unexpected Pass:/ { bad += $3 }
         END { printf "ci: %d passed, %d failed\n", ok, bad; exit bad > 0 }' \
      build/ci-tests.log build-sanitize/ci-tests.log build-fuzz/ci-tests.log
    ;;
  *)
    echo "usage: sh scripts/dev.sh demo|test|valgrind|fuzz|ci" >&2
    exit 2
    ;;
esac
