// Throughput of the Monte Carlo engine (issue 3): responses per second per thread for grpo,
// M = 8, on the Bernoulli policy, the scaling at 2 threads, and what limits it (the bare
// generators, the scheme's formula natively and as the simulators call it, tabulated over the
// reward patterns, and the loop without the scheme). `npm run bench simulate`.
import { loadavg } from 'node:os';
import { algorithm1Bernoulli } from '../src/estimators/algorithm1-loops.ts';
import { simulate } from '../src/estimators/simulate.ts';
import { createSimulationPool } from '../src/estimators/simulation-pool.ts';
import { substream } from '../src/rng/substream.ts';
import { UniformStream } from '../src/rng/uniform-stream.ts';
import { resolveScheme, scheme } from '../src/schemes/index.ts';
import type { Scheme } from '../src/schemes/scheme.ts';
import { VectorMoments } from '../src/stats/vector-moments.ts';

const M = 8;
const GROUPS = 4_000_000;

function best(label: string, count: number, run: () => void, repeats = 3): number {
  let rate = 0;
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    run();
    rate = Math.max(rate, count / ((performance.now() - t) / 1000));
  }
  console.log(`${label.padEnd(52)} ${rate.toExponential(3)} /s`);
  return rate;
}

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (2 cores)`,
);
const N = M * GROUPS;
best('seedrandom alea, one substream (uniforms)', N, () => {
  const u = substream(1, 'bench');
  let acc = 0;
  for (let i = 0; i < N; i++) acc += u();
  if (acc < 0) console.log(acc);
});
best('UniformStream, 4 interleaved lanes (uniforms)', N, () => {
  const u = new UniformStream(1, 'bench');
  for (let i = 0; i < N; i += 4096) u.refill();
});
const grpo = scheme('grpo', M);
// Random rewards as in the simulation (p = 0.3): a fixed pattern would let the branch predictor
// learn the scheme's all-equal test and overstate its speed about fourfold.
const patterns = new Float64Array(1 << 20);
const pu = new UniformStream(2, 'patterns');
for (let i = 0; i < patterns.length; i++) patterns[i] = pu.next() < 0.3 ? 1 : 0;
const alone = (advantagesInto: Scheme['advantagesInto']) => () => {
  const r = new Float64Array(M);
  const z = new Float64Array(M);
  for (let g = 0; g < GROUPS; g++) {
    const at = (g * M) & (patterns.length - 1);
    for (let i = 0; i < M; i++) r[i] = patterns[at + i]!;
    advantagesInto(r, z);
  }
};
best(
  'grpo native formula alone, random rewards (responses)',
  N,
  alone(resolveScheme('grpo').bind(M).advantagesInto),
);
best('grpo advantagesInto (pattern table), same (responses)', N, alone(grpo.advantagesInto));
const loop = (s: Scheme) => () =>
  algorithm1Bernoulli(0.3, s, GROUPS, new UniformStream(1, 'b'), new VectorMoments(1));
const perThread = best('Algorithm 1, grpo, M = 8, bernoulli (responses)', N, loop(grpo));
const noop: Scheme = { ...grpo, advantagesInto() {} };
best('same loop, scheme call a no-op (responses)', N, loop(noop));

const input = {
  scheme: 'grpo',
  M,
  policy: 'bernoulli:p=0.3',
  groups: 16_000_000,
  chunkGroups: 250_000,
};
const one = await simulate(input, { threads: 1 });
console.log(
  `simulate, 1 thread (in-process): ${one.responsesPerSecond.toExponential(3)} responses/s`,
);
const pool = createSimulationPool(2);
await simulate({ ...input, groups: 1_000_000 }, { pool });
const two = await simulate(input, { pool });
await pool.destroy();
console.log(
  `simulate, 2 threads (pool, warm): ${two.responsesPerSecond.toExponential(3)} responses/s`,
);
console.log(
  `scaling at 2 threads: ${(two.responsesPerSecond / one.responsesPerSecond).toFixed(2)}x`,
);
console.log(
  `target: >= 1.5e8 responses/s/thread (${perThread >= 1.5e8 ? 'met' : 'NOT met'}), >= 1.8x`,
);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
