#!/usr/bin/env bash
# The Slurm recipe on a real Slurm: brings up a single-node cluster on this machine (Debian's
# slurm-wlm and munge, as root, everything on 127.0.0.1), then
#
#  1. submits deploy/slurm/submit.sh with RL_OBJECTIVE_BUDGET=quick, waits for the merge, and
#     compares the merged agreement.json with a single-machine `verify --quick --seed 1`: every
#     check's estimate, stderr, z, group count and verdict (every field but timings) identical;
#  2. runs one task of the array (default budget, shard 1/4), and while it runs starts a second
#     run on the same part, which must be refused at once (exit 2, one line naming the task's
#     pid and host); cancels the task after some chunks with scancel and checks that none of its
#     processes remain within 10 s, that it printed the interrupted line and exited 130, and that
#     it released its lock; resubmits it, checks that it ends COMPLETED, and that its
#     partial.json is byte-identical to that of an uninterrupted run of the same shard.
#
# The cluster lives in a temporary directory with its own munge key and socket, configuration,
# ports, state and logs: nothing of an installed Slurm or munge is used or changed. The daemons
# it starts (and the jobs) are stopped when it ends, however it ends. The packages are installed
# if missing (apt-get; services are not started by the install, nor left enabled), and kept.
#
# Usage (as root, from anywhere): deploy/slurm/test.sh
#   RL_OBJECTIVE_SLURM_KEEP=1 keeps the temporary directory (logs, outputs) for a post-mortem.
# Exit status: 0 all checks passed, 1 a check failed, 2 not run as root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"
started=$SECONDS

say() { printf '[%s] test.sh: %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() {
  printf 'test.sh: FAIL: %s\n' "$*" >&2
  exit 1
}
if [[ $(id -u) != 0 ]]; then
  echo "test.sh: must run as root (it installs slurm-wlm and munge and starts their daemons)" >&2
  exit 2
fi

# --- packages -------------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null | grep -c '^install ok installed$'; }
if [[ $(installed slurm-wlm munge || true) != 2 ]]; then
  say "installing slurm-wlm and munge"
  # Keep the packages' services from starting (or being enabled) during the install.
  own_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    slurm-wlm munge >/dev/null
  [[ -n $own_policy ]] && rm -f /usr/sbin/policy-rc.d
  if [[ -d /run/systemd/system ]]; then
    systemctl disable --quiet slurmctld slurmd munge 2>/dev/null || true
  fi
fi

# --- the checkout's CLI ---------------------------------------------------------------------
cd "$checkout"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
npm run build --silent
cli="$checkout/bin/rl-objective.js"

# --- a private cluster ----------------------------------------------------------------------
# The daemons of an earlier run of this script that was killed before it could stop them.
for old in /tmp/rl-objective-slurm.*; do
  [[ -f $old/owner ]] || continue
  kill -0 "$(cat "$old/owner")" 2>/dev/null && continue # that run is still going
  for pidfile in "$old"/run/*.pid; do [[ -f $pidfile ]] && kill -9 "$(cat "$pidfile")" 2>/dev/null; done
  rm -rf "$old"
done

work="$(mktemp -d /tmp/rl-objective-slurm.XXXXXX)"
echo $$ >"$work/owner"
chmod 755 "$work" # munged checks that every directory above its socket is searchable
mkdir -p "$work"/{etc,run,state,spool,log}
chmod 700 "$work/etc"
conf="$work/etc/slurm.conf"
export SLURM_CONF="$conf"

# The pids of the processes of job $1 (a job id, or a pattern such as [0-9]* for any) of this
# cluster: those whose environment has SLURM_JOB_ID=$1 and our SLURM_CONF, which every process
# of a job inherits, whatever became of its parent.
job_processes() {
  local file
  for file in $(grep -lzx "SLURM_JOB_ID=$1" /proc/[0-9]*/environ 2>/dev/null || true); do
    if grep -qzxF "SLURM_CONF=$conf" "$file" 2>/dev/null; then
      file="${file#/proc/}"
      echo "${file%/environ}"
    fi
  done
}

stop_cluster() {
  set +e
  trap - ERR
  if [[ -f $work/run/slurmctld.pid ]]; then
    scancel --full --quiet --user=root 2>/dev/null
    for _ in $(seq 50); do
      [[ -z $(squeue -h 2>/dev/null) ]] && break
      sleep 0.2
    done
  fi
  local pids=()
  for daemon in slurmd slurmctld munged; do
    [[ -f $work/run/$daemon.pid ]] && pids+=("$(cat "$work/run/$daemon.pid")")
  done
  ((${#pids[@]})) && kill "${pids[@]}" 2>/dev/null
  for _ in $(seq 50); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.2
  done
  ((${#pids[@]})) && kill -9 "${pids[@]}" 2>/dev/null
  # Anything still running in a job of this cluster (it should be nothing).
  for pid in $(job_processes '[0-9]*'); do kill -9 "$pid" 2>/dev/null; done
  if [[ -n ${RL_OBJECTIVE_SLURM_KEEP:-} ]]; then
    echo "test.sh: kept $work"
  else
    rm -rf "$work"
  fi
}
on_exit() {
  local status=$?
  if ((status != 0)) && [[ -d $work/log ]]; then
    echo "test.sh: --- last lines of the logs ---" >&2
    tail -n 15 "$work"/log/*.log "$work"/*/logs/*.log 2>/dev/null >&2
  fi
  stop_cluster
  say "wall time $((SECONDS - started)) s"
  exit "$status"
}
trap on_exit EXIT
trap 'echo "test.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR

# Two free ports on 127.0.0.1 for slurmctld and slurmd.
read -r ctld_port slurmd_port < <(node -e '
const net = require("node:net");
const a = net.createServer().listen(0, "127.0.0.1", () => {
  const b = net.createServer().listen(0, "127.0.0.1", () => {
    console.log(a.address().port, b.address().port);
    a.close();
    b.close();
  });
});')

say "starting munged, slurmctld and slurmd in $work"
mungekey --create --keyfile="$work/etc/munge.key" --bits=1024
munged --socket="$work/run/munge.socket" --key-file="$work/etc/munge.key" \
  --pid-file="$work/run/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/state/munged.seed"
munge -n -S "$work/run/munge.socket" | unmunge -S "$work/run/munge.socket" >/dev/null

host="$(hostname -s)"
node_line="$(slurmd -C | head -n 1 | sed -E 's/ UpTime=.*//')" # NodeName=<host> CPUs=... RealMemory=...
cat >"$conf" <<EOF
ClusterName=rlobjtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/run/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
# No cgroups in a container: processes are tracked through their parents.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# One line per finished job, with its state and exit code.
JobCompType=jobcomp/filetxt
JobCompLoc=$work/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
KillWait=30
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 150); do
  [[ $(sinfo -h -o %T 2>/dev/null) == idle ]] && break
  sleep 0.2
done
[[ $(sinfo -h -o %T) == idle ]] || fail "the node did not come up: $(sinfo 2>&1)"
say "cluster up ($(sinfo -h -o '%N %c CPUs %m MB'))"

# --- helpers on finished jobs (jobcomp) -------------------------------------------------------
# The jobcomp record of job $1 (a job id, or ARRAY_TASK for an array task), once it has ended.
record() {
  local pattern="^JobId=$1 "
  [[ $1 == *_* ]] && pattern="ArrayJobId=${1%_*} ArrayTaskId=${1#*_} "
  grep -E "$pattern" "$work/log/jobcomp.txt" 2>/dev/null | tail -n 1
}
# Waits up to $2 seconds for job $1 to end; prints its state.
wait_job() {
  local deadline=$((SECONDS + $2)) line
  while ((SECONDS < deadline)); do
    line="$(record "$1")"
    if [[ -n $line ]]; then
      sed -E 's/.*JobState=([A-Z_]+).*/\1/' <<<"$line"
      return 0
    fi
    sleep 0.5
  done
  fail "job $1 did not end within $2 s: $(squeue 2>&1)"
}
field() { sed -nE "s/.* $2=([^ ]*).*/\1/p" <<<"$(record "$1")"; }

# --- 1. the quick run through submit.sh, against a single machine -----------------------------
say "single-machine reference: verify --quick --seed 1"
node "$cli" verify --quick --seed 1 --threads 2 --out "$work/reference" >/dev/null 2>"$work/log/reference.log"

say "submit.sh with RL_OBJECTIVE_BUDGET=quick"
submitted=$SECONDS
submit="$(RL_OBJECTIVE_BUDGET=quick RL_OBJECTIVE_OUT="$work/quick" "$here/submit.sh")"
echo "$submit"
array="$(sed -nE 's/^shards: job array ([0-9]+);.*/\1/p' <<<"$submit")"
merge="$(sed -nE 's/.*merge: job ([0-9]+) .*/\1/p' <<<"$submit")"
[[ -n $array && -n $merge ]] || fail "cannot read the job ids from submit.sh's output"
state="$(wait_job "$merge" 900)"
quick_seconds=$((SECONDS - submitted))
for k in 0 1 2 3; do
  [[ $(field "${array}_$k" JobState) == COMPLETED ]] || fail "task ${array}_$k: $(record "${array}_$k")"
done
[[ $state == COMPLETED ]] || fail "merge job $merge ended $state: $(cat "$work"/quick/logs/merge-*.log)"
say "quick Slurm run: 4 shards and the merge COMPLETED in ${quick_seconds} s (submit to merge end)"

node --input-type=module - "$work/reference/agreement.json" "$work/quick/report/agreement.json" <<'EOF'
import { readFileSync } from 'node:fs';
const [one, merged] = process.argv.slice(2).map((p) => JSON.parse(readFileSync(p, 'utf8')));
// Everything but timings and the command line: each check's estimate, stderr, z, groups,
// threshold, resolution and verdict, the summary, the figures.
const numbers = (r) => ({
  ...r,
  command: null,
  summary: { ...r.summary, seconds: null },
  checks: r.checks.map((c) => ({ ...c, seconds: null })),
});
const a = numbers(one);
const b = numbers(merged);
if (a.checks.length !== b.checks.length) {
  console.error(`test.sh: FAIL: ${a.checks.length} checks on one machine, ${b.checks.length} merged`);
  process.exit(1);
}
for (const [k, c] of a.checks.entries()) {
  if (JSON.stringify(c) !== JSON.stringify(b.checks[k])) {
    console.error(`test.sh: FAIL: check ${c.id} differs:\n  one machine ${JSON.stringify(c)}\n  merged      ${JSON.stringify(b.checks[k])}`);
    process.exit(1);
  }
}
if (JSON.stringify(a) !== JSON.stringify(b)) {
  console.error('test.sh: FAIL: the merged report differs outside its checks (summary, figures)');
  process.exit(1);
}
const mc = a.checks.filter((c) => c.stderr > 0).length;
console.log(`test.sh: merged agreement.json = single machine: ${a.checks.length} checks (${mc} Monte Carlo), every estimate, stderr, z, group count and verdict identical; ${a.summary.agree}/${a.summary.checks} agree`);
EOF

# --- 2. a task cancelled, a second writer refused, the task resubmitted ------------------------
say "uninterrupted reference of shard 1/4 at the default budget"
node "$cli" verify --budget default --seed 1 --threads 2 --shard 1/4 --out "$work/uninterrupted" \
  >/dev/null 2>"$work/log/uninterrupted.log"

task() {
  sbatch --parsable --export=ALL --array=1 --output="$work/cancel/logs/task-%A_%a-$1.log" \
    "$here/verify-array.sbatch" | sed 's/;.*//'
}
mkdir -p "$work/cancel/logs"
export RL_OBJECTIVE_BUDGET=default RL_OBJECTIVE_OUT="$work/cancel"
part="$work/cancel/part-1"
first="$(task first)"
say "task ${first}_1 submitted; waiting for 10 chunks"
for _ in $(seq 1200); do
  chunks=0
  for f in "$part"/checkpoint/chunk-*.json; do [[ -e $f ]] && chunks=$((chunks + 1)); done
  ((chunks >= 10)) && break
  [[ -n $(record "${first}_1") ]] && fail "task ${first}_1 ended before it could be cancelled"
  sleep 0.1
done
((chunks >= 10)) || fail "task ${first}_1 wrote $chunks chunks in 120 s"
job="$(squeue -h -r -j "$first" -o %A | head -n 1)" # the task's own job id
holder="$(node -e 'const l=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(l.pid+" "+l.host)' "$part/.rl-objective.lock")"
pids="$(job_processes "$job" | tr '\n' ' ')"
say "task ${first}_1 (job $job) is running: processes $pids; lock held by pid/host $holder"
[[ " $pids " == *" ${holder% *} "* ]] || fail "the lock's holder ${holder% *} is not a process of the task ($pids)"

# A second writer on the same part, while the task runs: refused at once.
second_started=$(date +%s%N)
second_status=0
node "$cli" verify --budget default --seed 1 --threads 2 --shard 1/4 --out "$part" --resume \
  >"$work/log/second.out" 2>"$work/log/second.err" || second_status=$?
second_ms=$((($(date +%s%N) - second_started) / 1000000))
[[ $second_status == 2 ]] || fail "the second run exited $second_status, not 2: $(cat "$work/log/second.err")"
[[ $(wc -l <"$work/log/second.err") == 1 && ! -s $work/log/second.out ]] ||
  fail "the second run printed more than one line: $(cat "$work/log/second.err" "$work/log/second.out")"
grep -qF "directory '$part' is in use by another run (pid ${holder% *} on host '${holder#* }'" \
  "$work/log/second.err" || fail "the refusal does not name the holder: $(cat "$work/log/second.err")"
say "second run on the same part refused (exit 2) in ${second_ms} ms: $(cat "$work/log/second.err")"

scancel "$job"
cancelled=$(date +%s%N)
while [[ -n $(job_processes "$job") ]] && (($(date +%s%N) - cancelled < 10000000000)); do
  sleep 0.1
done
gone_ms=$((($(date +%s%N) - cancelled) / 1000000))
left="$(job_processes "$job" | paste -sd,)"
[[ -z $left ]] || fail "10 s after scancel, processes of job $job remain: $(ps -o pid=,args= -p "$left" | paste -sd';')"
say "scancel: no process of job $job left after ${gone_ms} ms"
wait_job "${first}_1" 60 >/dev/null
log="$(ls "$work"/cancel/logs/task-*-first.log)"
grep -qE '^rl-objective: verify interrupted; [0-9]+ of [0-9]+ chunks are kept in' "$log" ||
  fail "the task did not print the interrupted line: $(tail -n 3 "$log")"
# jobcomp records a cancelled job's exit code before its process has ended; scontrol has it.
exit_code="$(scontrol show job "$job" | sed -nE 's/.* ExitCode=([0-9]+:[0-9]+).*/\1/p')"
[[ $exit_code == 130:0 ]] || fail "the cancelled task's exit code is $exit_code, not 130:0"
[[ ! -e $part/.rl-objective.lock ]] || fail "the cancelled task left its lock"
say "cancelled task: $(field "${first}_1" JobState), exit code $exit_code, $(grep -oE 'verify interrupted; [0-9]+ of [0-9]+ chunks are kept' "$log"), lock released"

again="$(task again)"
state="$(wait_job "${again}_1" 600)"
[[ $state == COMPLETED ]] || fail "resubmitted task ${again}_1 ended $state"
cmp -s "$part/partial.json" "$work/uninterrupted/partial.json" ||
  fail "the resumed part differs from the uninterrupted one"
say "resubmitted task ${again}_1 COMPLETED; its partial.json is byte-identical to the uninterrupted run's"

say "all checks passed (quick Slurm run ${quick_seconds} s; processes gone ${gone_ms} ms after scancel)"
