# Links (issue 8, item 5): a link= row joins only the row just before it in
# the same input, document and sentence, and every join is counted.
H=doc,dct,start,end,line,sentence,mention,form,anchor,context,type,value,mod,earliest,latest,granularity,certainty,note
printf '%s\n%s\n%s\n' "$H" \
  '-,2025-06-07,14,23,1,1,late 2023,2023 mod=END,,Sales rose in late 2023 or early 2024.,DATE,2023,END,2023-09-01,2024-04-30,year,fuzzy,' \
  '-,2025-06-07,27,37,1,1,early 2024,2024 mod=START link=or,,Sales rose in late 2023 or early 2024.,DATE,2024,START,2023-09-01,2024-04-30,year,fuzzy,' \
  >"$tmp/links-a.csv"
printf '%s\n%s\n' "$H" \
  '-,2025-06-07,11,15,1,1,2021,2021 link=or,,In 2020 or 2021 it rained.,DATE,2021,,2020-01-01,2021-12-31,year,fuzzy,' \
  >"$tmp/links-b.csv"
dateline-timeline "$tmp/links-a.csv" "$tmp/links-b.csv" >"$tmp/links.out" 2>"$tmp/links.err"
if [ "$(grep -c '' "$tmp/links.out")" = 3 ] \
   && grep -q '^2023-09-01,2024-04-30,late 2023 - early 2024,' "$tmp/links.out" \
   && grep -q '^2020-01-01,2021-12-31,2021,' "$tmp/links.out"; then
  ok "links: two files both named - do not join"
else
  not_ok "links: two files both named - do not join"
  sed 's/^/# /' "$tmp/links.out"
fi
if grep -qx 'dateline-timeline: 1 row joined to the row before (link=)' "$tmp/links.err"; then
  ok "links: the join is counted on stderr"
else
  not_ok "links: the join is counted on stderr"
  sed 's/^/# /' "$tmp/links.err"
fi
# A bad row between two rows breaks their adjacency.
sed -n 1,2p "$tmp/links-a.csv" >"$tmp/links-c.csv"
echo '-,2025-06-07,24,26,1,1,or,x,,x,DATE,x,,bad,,year,fuzzy,' >>"$tmp/links-c.csv"
sed -n 3p "$tmp/links-a.csv" >>"$tmp/links-c.csv"
dateline-timeline "$tmp/links-c.csv" >"$tmp/links.out" 2>/dev/null
if [ "$(grep -c '' "$tmp/links.out")" = 3 ]; then
  ok "links: not across a skipped row"
else
  not_ok "links: not across a skipped row"
  sed 's/^/# /' "$tmp/links.out"
fi
# "revision Friday to December's figures": a possessive ends no span, so
# Friday keeps its own day (extract's link rule).
printf 'After a small revision Friday to December'"'"'s figures, jobs grew.\n' >"$tmp/friday.txt"
dateline -r 2025-06-07 "$tmp/friday.txt" >"$tmp/friday.out" 2>"$tmp/friday.err"
if grep -q '^2025-06-06,2025-06-06,6 June 2025,' "$tmp/friday.out" \
   && ! grep -q 'link=' "$tmp/friday.err"; then
  ok "links: Friday is not joined with December's figures"
else
  not_ok "links: Friday is not joined with December's figures"
  sed 's/^/# /' "$tmp/friday.out"
fi
