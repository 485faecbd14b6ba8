#!/bin/sh
# valgrind.sh PROGRAM [ARG...]: the wrapper of `meson test --setup valgrind`
# (tests/meson.build).  A test program runs under memcheck: a memory error
# or a definite or indirect leak exits 99.  The shell and Python tests run
# as they are; they put the programs they call under this script through
# DATELINE_WRAPPER (tests/wrapper.sh, tests/bad-input/run.sh).
case ${1##*/} in
  sh|dash|bash|python3*) exec "$@" ;;
esac
exec valgrind -q --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --suppressions="$(dirname "$0")/valgrind.supp" "$@"
