# A bad row is told, skipped and counted; the good rows of the same file
# still come out (issue 8, item 2).
H=doc,dct,start,end,line,sentence,mention,form,anchor,context,type,value,mod,earliest,latest,granularity,certainty,note
printf '%s\n%s\n%s\n' "$H" \
  'a.txt,,0,8,1,1,May 2013,2013-05,,In May 2013.,DATE,2013-05,,2013-05,2013-05-31,day,exact,' \
  'a.txt,,9,13,2,2,1998,1998,,It was 1998.,DATE,1998,,1998-01-01,1998-12-31,year,exact,' \
  >"$tmp/validate.csv"
dateline-timeline "$tmp/validate.csv" >"$tmp/validate.out" 2>/dev/null
status=$?
if [ "$status" = 1 ] && grep -q '^1998-01-01,1998-12-31,1998,' "$tmp/validate.out" \
   && [ "$(grep -c '' "$tmp/validate.out")" = 2 ]; then
  ok "validate: the good row comes out, exit 1"
else
  not_ok "validate: the good row comes out, exit 1 (got $status)"
  sed 's/^/# /' "$tmp/validate.out"
fi
