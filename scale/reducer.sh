#!/bin/sh
# The reducer of a Hadoop Streaming job (docs/scaling.md): the mappers'
# lines for a share of the keys, sorted by key, in; one sorted timeline out,
# as TSV, whose first field is again the start date, so that Streaming
# writes each line as it is.  Reports of one event may reach two reducers
# (their start dates differ), so they are merged only by the last step,
# dateline-timeline --merge over the part files, which sees them all.  The header the mappers left out comes first,
# from dateline-timeline itself (an empty input still gets one).  Options
# go to dateline-timeline (--merge-threshold...).
set -e
{ dateline-timeline --format tsv --no-progress < /dev/null; cat; } \
  | dateline-timeline --no-merge --format tsv --no-progress "$@"
