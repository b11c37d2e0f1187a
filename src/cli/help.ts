// The help text shown after each command's options (`rl-objective COMMAND --help`): examples,
// the spec grammars the options take, and the exit statuses. Kept apart from the command files,
// which declare the options and call the library.

/** `rl-objective simulate --help`: policy specs, examples and exit statuses. */
export const SIMULATE_HELP = `
Policies: bernoulli:p=0.3 | bernoulli:theta=-0.5 | softmax:logits=0.1;-0.4;0.3;0,correct=0;2
          sequence:V=4,L=3,r=1,seed=7 | JSON inline or @file.json (a corpus is JSON only)
          graded (with --levels or --reward-functions): softmax:logits=0;0;0,rewards=0;0.5;1
          or one reward vector per answer, rewards=0/0;0/1;1/0;1/1
          (quote specs that contain ';' in the shell)

Examples:
  rl-objective simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 1e6
  rl-objective simulate --scheme rs --M 4 --policy 'softmax:logits=0;1;2;3,correct=1' --groups 2e5 --threads 2 --json
  rl-objective simulate --estimator pure-rs --B 4 --policy bernoulli:p=0.2 --groups 1e5
  rl-objective simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 1e9 --checkpoint run-1
    (Ctrl-C keeps the completed chunks in run-1; the same command with --resume continues)
  rl-objective simulate --levels 0,0.5,1 --scheme grpo --M 8 --policy 'softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1' --groups 3e5
  rl-objective simulate --reward-functions 2 --scheme trl-grpo:aggregation=normalize_then_sum --M 6 --policy 'softmax:logits=0;0;0;0,rewards=0/0;0/1;1/0;1/1' --groups 3e5
  rl-objective simulate --levels 0,0.5,1 --scheme grpo --M 8 --policy 'softmax:logits=0;0;0,rewards=0;0.5;1' --two-path 1:2,2:2 --groups 2.5e5
    (the update integrated along two paths between the same endpoints: equal for a closed field)

Exit status: 0 if the estimate agrees with the closed form, 1 if not, 2 for bad input,
3 if --groups is too small for a verdict (it says how many would do), 70 if a chunk failed
twice, 130 when interrupted (SIGINT or SIGTERM).`;

/** `rl-objective train --help`: corpus specs, examples, the path check and exit statuses. */
export const TRAIN_HELP = `
Corpora: tabular:prompts=N[,alpha=A,beta=B]        one logit per prompt
         shared:prompts=N[,dim=d,alpha=A,beta=B]   p_x = sigmoid(w . phi_x + b_x), only w trained
         initial p_x: the Beta(A, B) quantile at (x + 1/2)/N (defaults A = B = 1, d = 4)

Examples:
  rl-objective train --scheme reinforce --scheme grpo --scheme rs --corpus tabular:prompts=1000,alpha=0.5,beta=2 --lr 64 --steps 2000
  rl-objective train --scheme grpo --scheme passk:k=4 --corpus shared:prompts=500,dim=8 --lr 0.2 --seeds 16 --out train-report
  rl-objective train --scheme grpo --corpus tabular:prompts=100 --lr 16 --steps 50 --seeds 6000 --threads 2 --json

The path check (martingale D_T = sum_t (Delta theta_t - lr grad J(theta_t)) has mean 0) needs
thousands of seeds for a verdict; with fewer, the curves are reported and the check says so.
Exit status: 0 if every scheme's path check agrees, 1 if one disagrees, 2 for bad input, 3 if the
seeds are too few for a verdict, 70 if a chunk failed twice, 130 when interrupted.`;

/** `rl-objective verify --help`: examples (sharded runs too) and exit statuses. */
export const VERIFY_HELP = `
Examples:
  rl-objective verify --quick
  rl-objective verify --full --out out/full            (Ctrl-C, then the same with --resume)
  rl-objective verify --full --shard 2/4 --out out/part-2 --resume
  rl-objective verify --budget "$RL_OBJECTIVE_BUDGET" --shard 2/4 --out out/part-2 --resume
  rl-objective merge out/part-0 out/part-1 out/part-2 out/part-3 --out out/report

Exit status: 0 if every check agrees (or a shard's part is written), 1 if some check disagrees,
3 if none disagrees but some check is insufficient (too few groups for its normal
approximation: no verdict), 2 for bad input, 70 if a chunk failed twice, 130 when interrupted
(SIGINT or SIGTERM).`;

/** `rl-objective merge --help`: examples and exit statuses. */
export const MERGE_HELP = `
Examples:
  rl-objective verify --full --shard 0/2 --out out/part-0     (on one machine)
  rl-objective verify --full --shard 1/2 --out out/part-1     (on another)
  rl-objective merge out/part-0 out/part-1 --out out/report

Exit status: 0 if every check agrees, 1 if some check disagrees, 3 if none disagrees but some
check is insufficient (no verdict), 2 for bad input (a part missing, given twice, of another
run, or unreadable).`;

/** `rl-objective objective --help`: the JSON shapes, and examples, shown after the catalogue. */
export const OBJECTIVE_EXAMPLES = `JSON (--json, one line):
  {"scheme", "M", "a": [...], "b": [...], "fit", "fitReason", "points": [{"t", "h", "dh", "hNormalized"}]}
    fit: {"a", "b", "distance", "gridPoints", "range", "atEdge"}, the best I_t(a, b), or null;
    fitReason: why fit is null (absent when there is one); hNormalized: with --normalize only
  with --limit: {"scheme", "limit", "limitReason", "largeM": {"grid", "stated",
    "sizes": [{"M", "fit", "fitReason", "fromPrevious", "toStated", "toLimit"}],
    "successive", "toStated", "toLimit"}}
    limit: read at --limit-m, {"M", "kind", "points", "normalization", "exponents", "evaluations",
    "nearest", "fit", "exact"}, or null and limitReason says why; stated: {"text", "target"} or
    null; fromPrevious, toStated, toLimit: sup distances of h/h(1) to the previous size, the stated
    limit and the read limit; each trend: {"verdict", "values", "extrapolated", "text"}
  with --levels or --reward-functions: {"scheme", "classes", "labels", "M", "closed", "tolerance",
    "curl", "largestDerivative", "circulation", "circulationTolerance", "loop", "checkPoints",
    "points": [{"q", "W", "dD", "curl", "kappa" or "J"}], "objective" or "reading", "verdict"}

Examples:
  rl-objective objective --scheme grpo --M 8 --grid 5
  rl-objective objective --scheme passk:k=4 --M 16 --t 0.01,0.1,0.5 --json
  rl-objective objective --scheme rs --M 16 --t 0.01,0.1,1 --normalize harmonic
  rl-objective objective --scheme f-grpo:gamma=1 --M 16,64,256,1024 --limit
  rl-objective objective --levels 0,0.5,1 --scheme grpo:eps=1e-6 --M 8 --q 0.5,0.2,0.3
  rl-objective objective --reward-functions 2 --scheme trl-grpo:aggregation=normalize_then_sum --M 8 --grid 5

With --levels or --reward-functions (docs/graded.md), schemes act on the classes' rewards (the
level, or the sum of the functions); the verdict says whether the update is the gradient of an
objective J, and gives J where it is.

Sizes: M at most 1e6, --grid from 2 to 1e6 points, and points x M at most 1e9 (a table costs
that many terms); --limit-m at most 1e6.
Exit status: 0 when the table (or the study, or the field) is printed, 2 for bad input (a spec,
a number, a size over its limit), 130 when interrupted (Ctrl-C).`;

/** `rl-objective design --help`: the distance, examples and exit statuses. */
export const DESIGN_HELP = `
The distance is the sup distance of every command (docs/objective.md, "Distances"): h_M and
the target, each rescaled to 0 at t = 0 and 1 at t = 1 (log: at the first grid point above 0),
differ by at most this much on the grid.

Examples:
  rl-objective design --target logit --M 16
  rl-objective design --target passk:k=4 --M 8 --json
  rl-objective design --target beta:a=0.5,b=1.5 --M 16 --grid 1001

Exit status: 0 when the weights are printed, 2 for bad input (a target, a number, M over 1e6),
130 when interrupted (Ctrl-C).`;

/** `rl-objective audit --help`: examples and exit statuses. */
export const AUDIT_HELP = `
Examples:
  rl-objective audit --module my-advantages.ts --M 8,64 --expect arcsin:0.05
  rl-objective audit --python my_advantages.py:advantages --M 64 --python-bin .venv/bin/python
  rl-objective audit --traces trainer-dump.jsonl --json
  rl-objective audit --table tables.json --out audit-report
  rl-objective audit --traces graded-dump.jsonl --expect closed      (graded rewards, classes inferred)
  rl-objective audit --module gdpo.ts --reward-functions 2 --M 6      (advantages gets an M x 2 array)
  rl-objective audit --python my_advantages.py --levels 0,0.5,1 --M 8

A --module runs in a worker thread of its own: process.exit, a Promise that never settles, a
call longer than --timeout, a crash, each stops the audit with one line (exit 2); what it prints
is discarded. Group sizes up to 16 try every reward pattern; larger ones draw --samples
arrangements of every count; M is at most 100000, since the work grows as M^2 (timings in
docs/audit.md).

With --levels or --reward-functions, or a trace whose rewards are not all 0 or 1, the audit is
on reward classes (docs/graded.md): generalized count form (each weight depends only on the
response's own class and the class counts of the others), or count form up to one positive
factor per batch (a trace whose groups carry a "batch"), then the field verdict: closed with
its objective J, or not closed (no objective).

Exit status: 0 if the code is count form (and meets --expect), 1 if it is not count form or
misses --expect (--expect closed: the field is not closed), 2 for bad input (a flag, a file, or
code that fails, exits, hangs or returns other than M numbers), 3 when --expect closed has no
field verdict (cells never observed), 130 when interrupted (Ctrl-C).`;
