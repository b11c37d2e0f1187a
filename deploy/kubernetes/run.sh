#!/usr/bin/env bash
# Runs the sharded verification on the current kubectl context: the shared volume, the Indexed
# Job of shards, then, once every shard has succeeded, the merge. Exits 1 if the shards fail.
# Usage: RL_OBJECTIVE_BUDGET=quick|default|full deploy/kubernetes/run.sh [poll seconds, default 30]
# The budget (default full) is written into the shard Job's RL_OBJECTIVE_BUDGET as it is applied.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
poll="${1:-30}"
budget="${RL_OBJECTIVE_BUDGET:-full}"
case "$budget" in
  quick | default | full) ;;
  *)
    echo "run.sh: RL_OBJECTIVE_BUDGET must be quick, default or full, got '$budget'" >&2
    exit 2
    ;;
esac

kubectl apply -f "$here/volume.yaml"
# The value line that follows the env entry's name.
sed "/- name: RL_OBJECTIVE_BUDGET\$/{n;s/value: .*/value: \"$budget\"/;}" \
  "$here/verify-shards.yaml" | kubectl apply -f -

# Kubernetes Jobs have no dependency field: wait for the Complete or Failed condition of the
# shard Job (`kubectl wait` on Complete alone would hang until its timeout if a shard fails).
until_done() {
  local job="$1" state
  while true; do
    state="$(kubectl get "job/$job" -o 'jsonpath={.status.conditions[?(@.status=="True")].type}')"
    case "$state" in
      *Complete*) return 0 ;;
      *Failed*)
        echo "run.sh: job $job failed; see kubectl logs -l app.kubernetes.io/name=rl-objective" >&2
        return 1
        ;;
    esac
    sleep "$poll"
  done
}

until_done rl-objective-verify
kubectl apply -f "$here/merge.yaml"
until_done rl-objective-merge
kubectl logs job/rl-objective-merge
