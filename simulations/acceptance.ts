// The acceptance sweep of the engine, run by hand (not part of `npm test`):
//   node --import tsx simulations/acceptance.ts [--threads 2]
// Every catalogue scheme × policy kind × M in {1, 2, 8, 64} at the default alpha 1e-6 per run;
// pure-rs with B in {1, 4}; the fewest groups (doubling from 1e4, at most 2e6) at which each
// deliberately wrong closed form is flagged.
import { algorithm1ClosedForm } from '../src/estimators/closed-forms.ts';
import { simulate } from '../src/estimators/simulate.ts';
import { resolveSimulation } from '../src/estimators/simulation-input.ts';
import { createSimulationPool } from '../src/estimators/simulation-pool.ts';
import { simulationPrecondition } from '../src/estimators/simulation-verdict.ts';
import { buildPolicy } from '../src/policies/build-policy.ts';
import { parsePolicy } from '../src/policies/parse-policy.ts';
import { scheme, schemeDefinedAt } from '../src/schemes/index.ts';
import { ksDistance } from '../src/stats/z-tests.ts';
import { POLICIES } from '../test/support/simulations/policies.ts';
import { TEST_SCHEMES } from '../test/support/simulations/schemes.ts';

const threads = Number(process.argv[process.argv.indexOf('--threads') + 1] ?? 1) || 1;
const pool = threads > 1 ? createSimulationPool(threads) : undefined;

const started = performance.now();
const zs: number[] = [];
let runs = 0;
let disagreements = 0;
const byKind = new Map<string, number>();
for (const spec of TEST_SCHEMES) {
  for (const M of [1, 2, 8, 64]) {
    if (!schemeDefinedAt(spec, M)) continue;
    for (const [kind, text] of Object.entries(POLICIES)) {
      const policy = kind === 'bernoulli' && M === 64 ? 'bernoulli:p=0.5' : text;
      const groups = kind === 'bernoulli' ? 1_000_000 : Math.max(20_000, Math.floor(2_000_000 / M));
      const run = { scheme: spec, M, policy, seed: 2026, stream: `${spec}/${M}/${kind}` };
      // Runs too small for the normal approximation give no verdict: size them as they ask.
      const needed = simulationPrecondition(resolveSimulation({ ...run, groups })).groupsNeeded;
      const r = await simulate({ ...run, groups: needed }, { pool });
      runs++;
      const maxZ = Math.max(...r.z.map(Math.abs));
      byKind.set(kind, Math.max(byKind.get(kind) ?? 0, maxZ));
      zs.push(...r.z.filter((z) => Number.isFinite(z) && z !== 0));
      if (r.outcome !== 'agree') {
        disagreements++;
        console.log(`${r.outcome.toUpperCase()} ${spec} M=${M} ${kind}: max |z| ${maxZ}`);
      }
    }
  }
}
console.log(`Algorithm 1: ${runs - disagreements}/${runs} runs agree at alpha 1e-6 per run`);
for (const [kind, z] of byKind) console.log(`  max |z| over ${kind}: ${z.toFixed(2)}`);
console.log(
  `  ${zs.length} non-degenerate z-scores, KS distance to N(0,1): ${ksDistance(zs).toFixed(4)}`,
);

for (const [B, policy] of [
  [1, POLICIES.bernoulli],
  [4, POLICIES.bernoulli],
  [1, POLICIES.softmax],
  [4, POLICIES.softmax],
] as const) {
  const r = await simulate(
    { estimator: 'pure-rs', B, policy, groups: 200_000, seed: 2026 },
    { pool },
  );
  const d = r.draws!;
  console.log(
    `pure-rs B=${B} ${policy}: agree ${r.agree}, max |z| ${Math.max(...r.z.map(Math.abs)).toFixed(2)}, mean draws ${d.mean.toFixed(4)} ± ${d.stderr.toFixed(4)} vs B/p ${d.expected.toFixed(4)} (z ${d.z.toFixed(2)})`,
  );
}

const wrong = (spec: string, M: number, policy: string) =>
  algorithm1ClosedForm(buildPolicy(parsePolicy(policy)), scheme(spec, M).c);
const detections = [
  [
    'grpo sample std vs population closed form, M=4, p=0.3',
    { scheme: 'grpo:std=sample', M: 4, policy: 'bernoulli:p=0.3' },
    wrong('grpo', 4, 'bernoulli:p=0.3'),
  ],
  [
    'rloo with S_i counting itself, M=4, p=0.3',
    { scheme: 'rloo', M: 4, policy: 'bernoulli:p=0.3' },
    Float64Array.of((2 / 3) * 0.21),
  ],
  [
    'eps inside root vs added to sigma, eps=0.1, M=8, p=0.1',
    { scheme: 'grpo:eps=0.1,eps-at=var', M: 8, policy: 'bernoulli:p=0.1' },
    wrong('grpo:eps=0.1,eps-at=std', 8, 'bernoulli:p=0.1'),
  ],
  [
    'eps inside root vs added to sigma, eps=0.1, M=8, p=0.3',
    { scheme: 'grpo:eps=0.1,eps-at=var', M: 8, policy: 'bernoulli:p=0.3' },
    wrong('grpo:eps=0.1,eps-at=std', 8, 'bernoulli:p=0.3'),
  ],
  [
    'fixed-M rs vs grad log p, M=4, p=0.2',
    { scheme: 'rs', M: 4, policy: 'bernoulli:p=0.2' },
    Float64Array.of(0.8),
  ],
] as const;
for (const [name, run, closedForm] of detections) {
  let groups = 10_000;
  let z = 0;
  let flagged = false;
  while (groups <= 2_000_000) {
    const r = await simulate({ ...run, groups, seed: 2026 }, { pool, closedForm });
    z = r.z[0]!;
    if (r.outcome === 'disagree') {
      flagged = true;
      break;
    }
    groups *= 2;
  }
  console.log(
    `detect ${name}: ${flagged ? `flagged at ${groups} groups, z = ${z.toFixed(1)}` : `NOT flagged within 2e6 groups (last z ${z.toFixed(2)})`}`,
  );
}
await pool?.destroy();
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
