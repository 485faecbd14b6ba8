#!/bin/sh
# run.sh [CASE.case...]: the bad-input matrix (tests/bad-input/README.md).
# Each case runs in a fresh temporary directory with the built programs
# first on PATH, standard input from /dev/null, a time limit and a memory
# limit, so that a case that hangs or blows up fails instead of hurting the
# machine.  TAP output.
#   DATELINE_BUILD_ROOT   the build directory (meson test sets it)
#   DATELINE_WRAPPER      a command the programs run under (valgrind ...)
#   BAD_INPUT_TIMEOUT     seconds a case may take (20)
#   BAD_INPUT_MEMORY      KiB of address space a case may take (1 GiB);
#                         under AddressSanitizer, RSS instead (its shadow
#                         memory needs the address space)
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${DATELINE_BUILD_ROOT:?set DATELINE_BUILD_ROOT to the build directory}
timeout_s=${BAD_INPUT_TIMEOUT:-20}
memory_kb=${BAD_INPUT_MEMORY:-1048576}
check="python3 $here/check-stdout.py"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The programs on PATH: the built ones, or shims that run them under the
# wrapper.
mkdir "$tmp/bin"
for prog in "$build"/*/dateline "$build"/*/dateline-*; do
  [ -f "$prog" ] && [ -x "$prog" ] || continue
  name=$(basename "$prog")
  if [ -n "${DATELINE_WRAPPER:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$DATELINE_WRAPPER" "$prog" \
      >"$tmp/bin/$name"
    chmod +x "$tmp/bin/$name"
  else
    ln -s "$prog" "$tmp/bin/$name"
  fi
done
PATH=$tmp/bin:$PATH
export PATH

# Under AddressSanitizer (or valgrind) a limit on address space breaks the
# tool itself: limit what is resident instead, and allow more time.
if ldd "$build/extract/dateline-extract" 2>/dev/null | grep -q libasan \
   || nm "$build/extract/dateline-extract" 2>/dev/null \
      | grep -q __asan_init; then
  ASAN_OPTIONS="hard_rss_limit_mb=$((memory_kb / 1024)):${ASAN_OPTIONS:-}"
  export ASAN_OPTIONS
  memory_kb=unlimited
fi
if [ -n "${DATELINE_WRAPPER:-}" ]; then
  memory_kb=unlimited
  timeout_s=$((timeout_s * 10))
fi

# field KEY FILE: the values of KEY, one a line, without a trailing
# " # comment" (not in setup and run: there it is sh's own comment).
field () {
  sed -n "s/^$1:[[:space:]]*//p" "$2" | {
    if [ "$1" = setup ] || [ "$1" = run ]; then cat
    else sed 's/[[:space:]][[:space:]]*#[[:space:]].*$//; s/[[:space:]]*$//'
    fi
  }
}

# Whatever a case expects, these on stderr are bugs: a sanitizer's or
# valgrind's report, a GLib critical or warning, a crash.
alarm='Sanitizer|runtime error:|-CRITICAL \*\*|-WARNING \*\*|==[0-9]+== [A-Z]|Segmentation fault|core dumped'

n=0
failed=0
if [ $# -eq 0 ]; then set -- "$here"/*.case; fi
for case in "$@"; do
  n=$((n + 1))
  name=$(basename "$case" .case)
  dir=$tmp/case
  rm -rf "$dir" && mkdir "$dir" || exit 1
  problem=""
  # The case's own files, NAME.* next to it.
  for f in "$(dirname "$case")/$name".*; do
    [ "$f" = "$case" ] || cp -R "$f" "$dir/"
  done
  run=$(field run "$case")
  want_exit=$(field exit "$case" | head -1)
  kind=$(field stdout "$case" | head -1)
  raw=""
  case $run in *--raw*) raw=--raw ;; esac
  if [ -z "$run" ] || [ -z "$want_exit" ] || [ -z "$kind" ]; then
    problem="the case needs run:, exit: and stdout:"
  fi
  # Setup lines, each in the case directory.
  if [ -z "$problem" ]; then
    field setup "$case" >"$tmp/setup.sh"
    (cd "$dir" && sh -e "$tmp/setup.sh") >"$tmp/setup.out" 2>&1
    status=$?
    if [ "$status" = 77 ]; then
      echo "ok $n - $name # SKIP $(head -c 100 "$tmp/setup.out")"
      continue
    elif [ "$status" != 0 ]; then
      problem="setup failed: $(head -c 300 "$tmp/setup.out")"
    fi
  fi
  if [ -z "$problem" ]; then
    (
      cd "$dir" || exit 99
      [ "$memory_kb" = unlimited ] || ulimit -v "$memory_kb"
      exec timeout -k 5 "$timeout_s" sh -c "$run"
    ) </dev/null >"$tmp/stdout" 2>"$tmp/stderr"
    got=$?
    if [ "$got" = 124 ] || [ "$got" = 137 ]; then
      problem="timed out after ${timeout_s}s"
    elif [ "$got" -gt 128 ] && [ "$got" != "$want_exit" ]; then
      problem="killed by signal $((got - 128))"
    elif grep -Eq "$alarm" "$tmp/stderr"; then
      problem="stderr: $(grep -Em1 "$alarm" "$tmp/stderr" | head -c 200)"
    elif [ "$got" != "$want_exit" ]; then
      problem="exit $got, expected $want_exit"
    fi
  fi
  if [ -z "$problem" ]; then
    field stderr "$case" >"$tmp/patterns"
    while IFS= read -r pattern; do
      if ! grep -Eq -- "$pattern" "$tmp/stderr"; then
        problem="no stderr line matches: $pattern"
        break
      fi
    done <"$tmp/patterns"
  fi
  if [ -z "$problem" ]; then
    if ! why=$($check "$kind" "$tmp/stdout" $raw); then
      problem="stdout is not $kind: $why"
    fi
  fi
  if [ -z "$problem" ]; then
    echo "ok $n - $name"
  else
    failed=$((failed + 1))
    echo "not ok $n - $name: $problem"
    echo "#   run: $run"
    sed 's/^/#   stderr: /' "$tmp/stderr" | head -10
    head -c 2000 "$tmp/stdout" | head -5 | sed 's/^/#   stdout: /'
  fi
done
echo "1..$n"
[ "$failed" = 0 ]
