#!/usr/bin/env bash
# Submits the sharded verification to Slurm: the job array of shards, then the merge with
# --dependency=afterok on the whole array (it runs only if every shard succeeds).
# Run from the repository checkout: deploy/slurm/submit.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

array="$(sbatch --parsable "$here/verify-array.sbatch")"
array="${array%%;*}" # --parsable prints "jobid" or "jobid;cluster"
merge="$(sbatch --parsable --dependency="afterok:${array}" "$here/merge.sbatch")"
merge="${merge%%;*}"
echo "shards: job array ${array}; merge: job ${merge} (after every shard succeeds)"
