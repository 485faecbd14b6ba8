#!/bin/sh
# scripts/dev.sh demo|test|interop|valgrind|fuzz|ci: the set-up every
# README command shares.
#   demo      install what is missing, build, print the timeline of a fixture
#   test      install what is missing, build, run every test
#   interop   also LibreOffice, Chromium and TimelineJS (npm, into
#             build/npm), then the interop suite: the outputs opened in them
#   valgrind  the unit, golden and bad-input tests under valgrind
#   fuzz      a clang build of the libFuzzer harnesses, each run briefly
#             on its seeds (fuzz/README.md has the long runs)
#   ci        test with the interop suite, then a -Werror build with
#             AddressSanitizer and UBSan tests, the unit and golden tests
#             under valgrind, then fuzz
# Works on a fresh Debian 12 as root (or with sudo available).
set -eu
# pipefail (bash, as .ci/run runs it): a failing test run must fail even
# when piped through tee; the closing summary checks the counts anyway.
if [ -n "${BASH_VERSION:-}" ]; then set -o pipefail; fi
cd "$(dirname "$0")/.."

packages="build-essential pkg-config meson ninja-build python3
  libglib2.0-dev libglib2.0-dev-bin libpcre2-dev libcsv-dev libjson-glib-dev
  libxlsxwriter-dev"
# Only for the fuzzers and the valgrind setup.
check_packages="clang libclang-rt-dev valgrind"
# Only for the scale suite: GNU parallel, and an sshd it reaches over
# --sshlogin, with rsync for --transferfile (a few seconds to install).
scale_packages="parallel openssh-server openssh-client rsync"
# Only for the interop suite (about a minute each to install).
interop_packages="libreoffice-calc-nogui chromium"
# The TimelineJS the interop suite runs, from npm, never committed.
timelinejs="@knight-lab/timelinejs@3.9.11"

install_missing () {
  missing=""
  for p in $packages ${with_checks:+$check_packages} \
           ${with_scale:+$scale_packages} \
           ${with_interop:+$interop_packages}; do
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

# TimelineJS into build/npm, with the machine's npm (none: the TimelineJS
# test skips).
npm_timelinejs () {
  dir=build/npm/node_modules/@knight-lab/timelinejs
  if grep -q "\"version\": \"${timelinejs##*@}\"" "$dir/package.json" \
       2>/dev/null; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    echo "dev.sh: no npm: the TimelineJS test will skip" >&2
    return 0
  fi
  mkdir -p build/npm
  npm install --prefix build/npm --no-save --no-audit --no-fund \
    --loglevel=error "$timelinejs"
}

# The clang build of the fuzz harnesses, run briefly over their seeds.
fuzz () {
  CC=clang build build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false
  meson test -C build-fuzz --suite fuzz --print-errorlogs
}

case "${1:-}" in valgrind|fuzz|ci) with_checks=1 ;; esac
case "${1:-}" in test|ci) with_scale=1 ;; esac
case "${1:-}" in interop|ci) with_interop=1 ;; esac
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
  interop)
    build build
    npm_timelinejs
    meson test -C build --suite interop --print-errorlogs
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
    npm_timelinejs
    meson test -C build --print-errorlogs | tee build/ci-tests.log
    build build-sanitize -Dwerror=true -Db_sanitize=address,undefined \
      -Db_lundef=false
    # The interop suite ran above: it tests LibreOffice and Chromium on
    # our files more than our code.
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      meson test -C build-sanitize --no-suite interop --print-errorlogs \
      | tee build-sanitize/ci-tests.log
    # valgrind on the unit and golden tests (memcheck, leaks included):
    # about 3 minutes on two cores; bad-input runs under ASan above.
    meson test -C build --setup valgrind --suite unit --suite golden \
      --print-errorlogs | tee build/ci-valgrind.log
    mkdir -p build-fuzz
    fuzz | tee build-fuzz/ci-tests.log
    # One plain closing line for the three runs.
    awk '/^Ok:/ { ok += $2 } /^Fail:|^Timeout:/ { bad += $2 }
         /^Unexpected Pass:/ { bad += $3 }
         END { printf "ci: %d passed, %d failed\n", ok, bad; exit bad > 0 }' \
      build/ci-tests.log build-sanitize/ci-tests.log build/ci-valgrind.log \
      build-fuzz/ci-tests.log
    ;;
  *)
    echo "usage: sh scripts/dev.sh demo|test|interop|valgrind|fuzz|ci" >&2
    exit 2
    ;;
esac
