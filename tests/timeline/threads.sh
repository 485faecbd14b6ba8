# dateline runs normalize and the timeline in a thread beside extract when
# it has a second core, and in turn on one: both give the same timeline and
# the same messages, byte for byte.  (Sourced by tests/timeline.sh.)
threads_inputs="$src/fixtures/archive.jsonl $src/fixtures/harbor-article.txt
  $src/fixtures/clauses-article.txt $src/fixtures/compare-a.txt"
if ! command -v taskset > /dev/null 2>&1 || [ "$(nproc)" -lt 2 ]; then
  ok "dateline on one core and on two # SKIP needs taskset and two cores"
else
  # shellcheck disable=SC2086 # the inputs are words
  dateline -S 64K -r 2025-06-07 $threads_inputs \
    > "$tmp/threads.two.csv" 2> "$tmp/threads.two.err"
  # shellcheck disable=SC2086
  taskset -c 0 dateline -S 64K -r 2025-06-07 $threads_inputs \
    > "$tmp/threads.one.csv" 2> "$tmp/threads.one.err"
  if [ -s "$tmp/threads.one.csv" ] \
     && cmp -s "$tmp/threads.one.csv" "$tmp/threads.two.csv" \
     && cmp -s "$tmp/threads.one.err" "$tmp/threads.two.err"; then
    ok "dateline on one core and on two: the same timeline and messages"
  else
    not_ok "dateline on one core and on two: the same timeline and messages"
  fi
fi
