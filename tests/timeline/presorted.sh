# dateline-timeline --merge: timelines each sorted already, merged without
# sorting again, give what sorting them together gives, byte for byte;
# more inputs than are merged at a time go in passes with few files open;
# an input out of order or of range rows is told.  (Sourced by
# tests/timeline.sh.)
python3 "$src/tests/scale/archive.py" "$tmp/ps" 60
for f in "$tmp"/ps/a*.txt; do
  dateline --dates "$tmp/ps/dates.csv" "$f" > "${f%.txt}.csv" 2>/dev/null
done
dateline-timeline "$tmp"/ps/a*.csv > "$tmp/ps.sorted.csv" 2>/dev/null
dateline --dates "$tmp/ps/dates.csv" "$tmp"/ps/a*.txt \
  > "$tmp/ps.serial.csv" 2>/dev/null
if dateline-timeline --merge "$tmp"/ps/a*.csv > "$tmp/ps.merged.csv" \
     2> "$tmp/ps.merged.err" \
   && cmp -s "$tmp/ps.sorted.csv" "$tmp/ps.merged.csv" \
   && cmp -s "$tmp/ps.serial.csv" "$tmp/ps.merged.csv" \
   && grep -q 'merged into a row telling the same event' "$tmp/ps.merged.err"
then
  ok "timeline --merge of 60 timelines: the timelines sorted together, and one dateline run, byte for byte"
else
  not_ok "timeline --merge of 60 timelines: the timelines sorted together, and one dateline run, byte for byte"
fi
# 60 inputs, 16 at a time: with 24 files open at most.
if (ulimit -n 24 && G_MESSAGES_DEBUG=all dateline-timeline -m \
      "$tmp"/ps/a*.csv > "$tmp/ps.few.csv" 2> "$tmp/ps.few.err") \
   && cmp -s "$tmp/ps.sorted.csv" "$tmp/ps.few.csv" \
   && grep -q 'merged 16 runs' "$tmp/ps.few.err"; then
  ok "timeline --merge: 60 inputs in passes of 16, within 24 open files"
else
  not_ok "timeline --merge: 60 inputs in passes of 16, within 24 open files"
fi
# Standard input among the inputs.
if dateline-timeline -m "$tmp"/ps/a000*.csv - < "$tmp/ps/a0010.csv" \
     > "$tmp/ps.stdin.csv" 2>/dev/null \
   && dateline-timeline "$tmp"/ps/a000*.csv "$tmp/ps/a0010.csv" 2>/dev/null \
     | cmp -s - "$tmp/ps.stdin.csv"; then
  ok "timeline --merge: - reads standard input"
else
  not_ok "timeline --merge: - reads standard input"
fi
# Out of order: told once with file and line, the rows counted, exit 1.
{ head -n 1 "$tmp/ps.sorted.csv"; tail -n +2 "$tmp/ps.sorted.csv" | sort -r; } \
  > "$tmp/ps.reversed.csv"
dateline-timeline -m "$tmp/ps.reversed.csv" > "$tmp/ps.rev.out" \
  2> "$tmp/ps.rev.err"
status=$?
kept=$(($(wc -l < "$tmp/ps.rev.out") - 1))
skipped=$(sed -n 's/.*: \([0-9]*\) rows skipped (out of order)$/\1/p' \
  "$tmp/ps.rev.err")
total=$(($(wc -l < "$tmp/ps.reversed.csv") - 1))
if [ "$status" = 1 ] \
   && [ "$(grep -c 'ps.reversed.csv:[0-9]*: not sorted' "$tmp/ps.rev.err")" = 1 ] \
   && [ -n "$skipped" ] && [ $((kept + skipped)) -ge "$total" ]; then
  ok "timeline --merge: an input out of order is told once, its rows counted, exit 1"
else
  not_ok "timeline --merge: an input out of order is told once, its rows counted, exit 1"
  sed 's/^/# /' "$tmp/ps.rev.err" | head -5
fi
dateline-extract -r 2020-01-01 "$tmp/ps/a0001.txt" | dateline-normalize \
  > "$tmp/ps.ranges.csv" 2>/dev/null
if dateline-timeline -m "$tmp/ps.ranges.csv" "$tmp/ps/a0002.csv" \
     > "$tmp/ps.r.out" 2> "$tmp/ps.r.err"; then
  not_ok "timeline --merge: range rows are refused, naming the file"
else
  [ $? = 1 ] && grep -q 'ps.ranges.csv:1: --merge reads sorted timelines' \
    "$tmp/ps.r.err" && [ "$(wc -l < "$tmp/ps.r.out")" -gt 1 ] \
    && ok "timeline --merge: range rows are refused, naming the file" \
    || not_ok "timeline --merge: range rows are refused, naming the file"
fi
