#!/usr/bin/env bash
# Runs the sharded verification on the current kubectl context: the shared volume, the Indexed
# Job of shards, then, once every shard has succeeded, the merge. Exits 1 if the shards fail.
# Usage: deploy/kubernetes/run.sh [poll seconds, default 30]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
poll="${1:-30}"

kubectl apply -f "$here/volume.yaml"
kubectl apply -f "$here/verify-shards.yaml"

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
