#!/usr/bin/env bash
# Submits the sharded verification to Slurm: the job array of shards, then the merge with
# --dependency=afterok on the whole array (it runs only if every shard succeeds).
#
#   RL_OBJECTIVE_BUDGET=quick RL_OBJECTIVE_OUT=out/slurm deploy/slurm/submit.sh [sbatch options]
#
# RL_OBJECTIVE_BUDGET: quick, default or full (default full). RL_OBJECTIVE_OUT: the output
# directory (default rl-objective-out in the checkout; a relative path is taken from the current
# directory). Both are passed on to every job; the parts go to OUT/part-k, the report to
# OUT/report and the jobs' logs to OUT/logs. Extra arguments go to both sbatch calls (e.g.
# --partition=batch --account=me). Run it from anywhere: it submits from the checkout, where the
# batch scripts find the CLI ($SLURM_SUBMIT_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"

budget="${RL_OBJECTIVE_BUDGET:-full}"
case "$budget" in
  quick | default | full) ;;
  *)
    echo "submit.sh: RL_OBJECTIVE_BUDGET must be quick, default or full, got '$budget'" >&2
    exit 2
    ;;
esac
out="${RL_OBJECTIVE_OUT:-$checkout/rl-objective-out}"
[[ "$out" == /* ]] || out="$PWD/$out"
if [[ ! -f "$checkout/bin/rl-objective.js" || ! -d "$checkout/node_modules" ]]; then
  echo "submit.sh: run 'npm ci' in $checkout first" >&2
  exit 2
fi
mkdir -p "$out/logs"
export RL_OBJECTIVE_BUDGET="$budget" RL_OBJECTIVE_OUT="$out"

cd "$checkout"
array="$(sbatch --parsable --export=ALL --output="$out/logs/verify-%A_%a.log" "$@" \
  "$here/verify-array.sbatch")"
array="${array%%;*}" # --parsable prints "jobid" or "jobid;cluster"
merge="$(sbatch --parsable --export=ALL --output="$out/logs/merge-%j.log" \
  --dependency="afterok:${array}" "$@" "$here/merge.sbatch")"
merge="${merge%%;*}"
echo "shards: job array ${array}; merge: job ${merge} (after every shard succeeds)"
echo "budget ${budget}; parts and report in ${out}; logs in ${out}/logs"
