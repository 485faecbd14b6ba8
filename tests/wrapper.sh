# wrapper.sh, sourced by the shell tests: wrapped PROGRAM DIR prints
# PROGRAM, or, when DATELINE_WRAPPER is set (meson test --setup valgrind),
# a script in DIR that runs PROGRAM under that command.
wrapped () {
  if [ -z "${DATELINE_WRAPPER:-}" ]; then
    echo "$1"
    return
  fi
  mkdir -p "$2/wrapped"
  printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$DATELINE_WRAPPER" "$1" \
    >"$2/wrapped/${1##*/}"
  chmod +x "$2/wrapped/${1##*/}"
  echo "$2/wrapped/${1##*/}"
}
