# The timeline's sort past its buffer: sorted runs on temporary files,
# merged in passes, give the timeline held in memory byte for byte, the
# same-event merge across run boundaries included, and leave no file.
# (Sourced by tests/timeline.sh.)
awk 'BEGIN {
  split("January February March April May June July August September October November December", m, " ")
  for (i = 0; i < 5000; i++) {
    if (i % 25 == 0) printf "\n\n"
    # every event told about three times, in other words and documents
    e = int(i / 3)
    printf "On %s %d, %d the council of Town%d approved the harbor plan %d. ",
      m[e % 12 + 1], e % 28 + 1, 1990 + e % 30, e % 97, e
  }
}' > "$tmp/spill.txt"
dateline-extract --reference-date 2025-06-07 "$tmp/spill.txt" \
  | dateline-normalize > "$tmp/spill.ranges.csv" 2>/dev/null
dateline-timeline "$tmp/spill.ranges.csv" > "$tmp/spill.memory.csv" \
  2> "$tmp/spill.memory.err"
mkdir -p "$tmp/spill.dir"
for size in 1M 64K; do
  if G_MESSAGES_DEBUG=all dateline-timeline -S $size -T "$tmp/spill.dir" \
       "$tmp/spill.ranges.csv" > "$tmp/spill.$size.csv" \
       2> "$tmp/spill.$size.err" \
     && cmp -s "$tmp/spill.memory.csv" "$tmp/spill.$size.csv" \
     && grep -q 'rows merged into a row telling the same event' \
          "$tmp/spill.$size.err" \
     && grep -q 'spilled run 1:' "$tmp/spill.$size.err" \
     && [ -z "$(ls -A "$tmp/spill.dir")" ]; then
    ok "timeline -S $size: runs spilled and merged, the timeline held in memory byte for byte"
  else
    not_ok "timeline -S $size: runs spilled and merged, the timeline held in memory byte for byte"
  fi
done
# Rows at the spill's level 1 (16 runs of 64K merged into one) at least.
if grep -q 'merged 16 runs' "$tmp/spill.64K.err"; then
  ok "timeline -S 64K: runs merged in passes of 16"
else
  not_ok "timeline -S 64K: runs merged in passes of 16"
fi
# An interrupted sort leaves nothing behind: its files have no name.
G_MESSAGES_DEBUG= dateline-timeline -S 64K -T "$tmp/spill.dir" \
  "$tmp/spill.ranges.csv" "$tmp/spill.ranges.csv" "$tmp/spill.ranges.csv" \
  > /dev/null 2>&1 &
pid=$!
sleep 0.3
kill -INT $pid 2>/dev/null
wait $pid
if [ -z "$(ls -A "$tmp/spill.dir")" ]; then
  ok "timeline -S 64K: SIGINT leaves no temporary file"
else
  not_ok "timeline -S 64K: SIGINT leaves no temporary file"
fi
if dateline-timeline -S 10 "$tmp/spill.ranges.csv" > /dev/null 2> "$tmp/spill.bad.err"; then
  not_ok "timeline -S 10: too small a buffer is a usage error"
else
  [ $? = 2 ] && grep -q 'buffer-size' "$tmp/spill.bad.err" \
    && ok "timeline -S 10: too small a buffer is a usage error" \
    || not_ok "timeline -S 10: too small a buffer is a usage error"
fi
# Rows that differ only in their mention and event (one date, one line of
# one document) are ordered by those alone: a row taken while the buffer
# spills keeps its own, in every run.
awk 'BEGIN {
  for (i = 0; i < 3000; i++)
    printf "%s event %d of the plan %d happened. ", (i % 2 ? "Last year" : "last year"), (i * 7919) % 3001, i
  printf "\n"
}' > "$tmp/ties.txt"
dateline-extract --reference-date 2025-06-07 "$tmp/ties.txt" \
  | dateline-normalize > "$tmp/ties.ranges.csv" 2>/dev/null
dateline-timeline --no-merge "$tmp/ties.ranges.csv" > "$tmp/ties.memory.csv" \
  2>/dev/null
if dateline-timeline --no-merge -S 64K "$tmp/ties.ranges.csv" \
     > "$tmp/ties.64K.csv" 2>/dev/null \
   && [ "$(wc -l < "$tmp/ties.memory.csv")" -gt 3000 ] \
   && cmp -s "$tmp/ties.memory.csv" "$tmp/ties.64K.csv"; then
  ok "timeline -S 64K: rows told apart by mention and event alone keep their order across runs"
else
  not_ok "timeline -S 64K: rows told apart by mention and event alone keep their order across runs"
fi
