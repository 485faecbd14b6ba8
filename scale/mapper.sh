#!/bin/sh
# The mapper of a Hadoop Streaming job (docs/scaling.md): JSON Lines
# articles on standard input (id, date, text), timeline rows out as TSV
# lines keyed by their start date (the first field, up to the tab), with no
# header: Streaming sorts and splits the lines by key, and a header would
# reach one reducer only.  Rows are not merged here: the reducer does it.
# Options after the script's name go to dateline (--id-field, --text-field,
# --reference-date...).
set -e
dateline --input-format jsonl --no-merge --format tsv --no-progress "$@" - \
  | tail -n +2
