#!/bin/sh
# A Slurm array job over a folder of plain-text articles (docs/scaling.md):
# task N of the array takes every Mth file from the Nth, writes its sorted
# timeline to parts/ with each report a row of its own (--no-merge), and
# the last step merges the parts and the reports that tell one event: the
# timeline one process would write, byte for byte.
#
#   n=$(ls archive/*.txt | wc -l)
#   jid=$(sbatch --parsable --array=0-15 scale/slurm.sh archive parts)
#   sbatch --dependency=afterok:$jid --wrap \
#     'dateline-timeline --merge parts/*.csv -o timeline.csv'
#
#SBATCH --job-name=dateline
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
set -eu
archive=$1 parts=$2
task=${SLURM_ARRAY_TASK_ID:-0}
tasks=${SLURM_ARRAY_TASK_COUNT:-1}
mkdir -p "$parts"
# This task's share of the files, in a stable order.
ls "$archive"/*.txt | awk -v t="$task" -v n="$tasks" 'NR % n == t' \
  > "$parts/files.$task"
# Each file gets its own date from dates.csv when there is one.
dates=
[ -f "$archive/dates.csv" ] && dates="--dates $archive/dates.csv"
# shellcheck disable=SC2086
xargs -d "\n" dateline --no-merge --no-progress $dates -S 512M -o "$parts/part.$task.csv" \
  < "$parts/files.$task"
rm -f "$parts/files.$task"
