// Throughput of the Monte Carlo engine, per thread, beside its NumPy peer in the same run, and
// how far it is from the generator's limit. `npm run bench simulate`.
//
// Every rate is responses per second of CPU time of one thread (process.cpuUsage here,
// time.process_time in Python), the best of ROUNDS rounds taken in turn, so that the other work
// of a shared machine counts as little as possible; ratios are what to read. The workload of the
// issue: grpo (population std, eps 1e-8) on bernoulli:p=0.3, one uniform per response, the
// weights from grpo's native group formula, and the softmax policy with 4 answers under rs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { algorithm1Bernoulli } from '../src/estimators/algorithm1-loops.ts';
import { simulate } from '../src/estimators/simulate.ts';
import type { SimulationInput } from '../src/estimators/simulation-input.ts';
import { substream, UniformStream } from '../src/rng/index.ts';
import { scheme } from '../src/schemes/index.ts';
import type { Scheme } from '../src/schemes/scheme.ts';
import { VectorMoments } from '../src/stats/vector-moments.ts';

const ROUNDS = 3;
const SIZES = [8, 64, 256] as const;
/** The goals: the engine's rate over NumPy's at each group size. */
const GOAL: Record<(typeof SIZES)[number], number> = { 8: 3, 64: 2, 256: 2 };
const RESPONSES = 2 ** 25;
const PEER = fileURLToPath(new URL('numpy-peer.py', import.meta.url));
/** The peer's figures of the last committed run, printed (as stale) when it cannot run here. */
const LAST_PEER = JSON.parse(
  readFileSync(new URL('numpy-peer.last.json', import.meta.url), 'utf8'),
) as { measured: string; responsesPerSecond: Record<string, number> };

const fmt = (x: number) => x.toExponential(2);

/** Responses (or words) per CPU second of `run`, which returns how many it did. */
function cpuRate(run: () => number): number {
  const start = process.cpuUsage();
  const count = run();
  const used = process.cpuUsage(start);
  return count / ((used.user + used.system) / 1e6);
}

async function cpuRateAsync(run: () => Promise<number>): Promise<number> {
  const start = process.cpuUsage();
  const count = await run();
  const used = process.cpuUsage(start);
  return count / ((used.user + used.system) / 1e6);
}

/** The peer's rate at group size M, or null when python3 with numpy is missing. */
function peer(M: number): number | null {
  const run = spawnSync('python3', [PEER, String(M), '--responses', String(RESPONSES / 2)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) return null;
  return (JSON.parse(run.stdout) as { responsesPerSecond: number }).responsesPerSecond;
}

const grpoInput = (M: number, seed: number): SimulationInput => ({
  scheme: 'grpo',
  M,
  policy: 'bernoulli:p=0.3',
  groups: Math.floor(RESPONSES / M),
  seed,
});

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (2 cores, shared)`,
);

console.log('\n# rl-objective against NumPy, one thread, responses/s of CPU time');
console.log('| M | rl-objective | NumPy | ratio | goal |');
console.log('|---|---|---|---|---|');
let peerMissing = false;
for (const M of SIZES) {
  let engine = 0;
  let numpy = 0;
  for (let round = 0; round < ROUNDS; round++) {
    engine = Math.max(
      engine,
      await cpuRateAsync(async () => (await simulate(grpoInput(M, round))).responses),
    );
    const rate = peer(M);
    if (rate === null) peerMissing = true;
    else numpy = Math.max(numpy, rate);
  }
  if (peerMissing) numpy = LAST_PEER.responsesPerSecond[M]!;
  const ratio = engine / numpy;
  console.log(
    `| ${M} | ${fmt(engine)} | ${fmt(numpy)}${peerMissing ? ' (stale)' : ''} | ${ratio.toFixed(2)}x | >= ${GOAL[M]}x ${ratio >= GOAL[M] ? 'met' : 'NOT met'} |`,
  );
}
if (peerMissing) {
  console.log(
    `python3 with numpy is missing: the NumPy column is the committed figure of ${LAST_PEER.measured} (stale).`,
  );
}

console.log('\n# The limit: generator, loop with a no-op scheme, full engine (per thread)');
const words = Math.max(
  ...Array.from({ length: ROUNDS }, () =>
    cpuRate(() => {
      const u = new UniformStream(1, 'bench');
      for (let i = 0; i < RESPONSES; i += u.buffer.length) u.refill();
      return RESPONSES;
    }),
  ),
);
const rewards = Math.max(
  ...Array.from({ length: ROUNDS }, () =>
    cpuRate(() => {
      const u = new UniformStream(1, 'bench');
      for (let i = 0; i < RESPONSES; i += u.buffer.length) u.refillBernoulli(0.3);
      return RESPONSES;
    }),
  ),
);
const single = Math.max(
  ...Array.from({ length: ROUNDS }, () =>
    cpuRate(() => {
      const u = substream(1, 'bench');
      let sum = 0;
      for (let i = 0; i < RESPONSES / 4; i++) sum += u();
      return sum >= 0 ? RESPONSES / 4 : 0;
    }),
  ),
);
console.log(`seedrandom alea, one substream:           ${fmt(single)} words/s`);
console.log(`UniformStream, 4 interleaved lanes:       ${fmt(words)} words/s`);
console.log(`the same as Bernoulli rewards and counts: ${fmt(rewards)} rewards/s`);
console.log('| M | loop, no-op scheme | engine loop (grpo) | simulate | simulate / rewards |');
console.log('|---|---|---|---|---|');
for (const M of SIZES) {
  const grpo = scheme('grpo', M);
  const noop: Scheme = {
    ...grpo,
    advantagesInto(_rewards, out) {
      out.fill(0);
    },
    groupWeightsInto(_rewards, _start, _K, out) {
      out[0] = 0;
      out[1] = 0;
    },
  };
  const loop = (s: Scheme) =>
    Math.max(
      ...Array.from({ length: ROUNDS }, () =>
        cpuRate(() => {
          const groups = Math.floor(RESPONSES / M);
          algorithm1Bernoulli(0.3, s, groups, new UniformStream(1, 'b'), new VectorMoments(1));
          return groups * M;
        }),
      ),
    );
  const empty = loop(noop);
  const full = loop(grpo);
  let sim = 0;
  for (let round = 0; round < ROUNDS; round++) {
    sim = Math.max(
      sim,
      await cpuRateAsync(async () => (await simulate(grpoInput(M, round))).responses),
    );
  }
  console.log(
    `| ${M} | ${fmt(empty)} | ${fmt(full)} | ${fmt(sim)} | ${((100 * sim) / rewards).toFixed(0)}% |`,
  );
}

console.log('\n# Every policy kind, one thread, side by side (responses/s of CPU time)');
// The battery's corpus: two Bernoulli prompts and a softmax one.
const CORPUS = JSON.stringify({
  kind: 'corpus',
  prompts: [
    { Q: 0.5, policy: { kind: 'bernoulli', p: 0.2 } },
    { Q: 0.3, policy: { kind: 'softmax', logits: [0.1, -0.4, 0.3, 0], correct: [0, 2] } },
    { Q: 0.2, policy: { kind: 'bernoulli', p: 0.7 } },
  ],
});
const KINDS: readonly { name: string; input: Omit<SimulationInput, 'seed'> }[] = [
  {
    name: 'bernoulli:p=0.3, rs, M = 16',
    input: { scheme: 'rs', M: 16, policy: 'bernoulli:p=0.3', groups: 2 ** 21 },
  },
  {
    name: 'softmax:logits=0;1;2;3,correct=1, rs, M = 16',
    input: { scheme: 'rs', M: 16, policy: 'softmax:logits=0;1;2;3,correct=1', groups: 2 ** 21 },
  },
  {
    name: 'sequence:V=4,L=3,r=1,seed=7, grpo, M = 16',
    input: { scheme: 'grpo', M: 16, policy: 'sequence:V=4,L=3,r=1,seed=7', groups: 2 ** 19 },
  },
  {
    name: 'the battery corpus, rs, M = 16',
    input: { scheme: 'rs', M: 16, policy: CORPUS, groups: 2 ** 21 },
  },
];
const kindRates = KINDS.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  for (const [k, { input }] of KINDS.entries()) {
    kindRates[k] = Math.max(
      kindRates[k]!,
      await cpuRateAsync(async () => (await simulate({ ...input, seed: round })).responses),
    );
  }
}
const [bern, soft, seq, corp] = kindRates as [number, number, number, number];
const goals = [
  'the reference (its loop is not the sampler loop)',
  `>= 1.5e8 and Bernoulli / softmax <= 1.5: ${soft >= 1.5e8 && bern / soft <= 1.5 ? 'met' : 'NOT met'}`,
  `>= 3e7: ${seq >= 3e7 ? 'met' : 'NOT met'}`,
  `softmax / corpus <= 2 (${(soft / corp).toFixed(2)}): ${soft / corp <= 2 ? 'met' : 'NOT met'}`,
];
console.log('| policy, scheme, M | responses/s | Bernoulli / this | goal |');
console.log('|---|---|---|---|');
for (const [k, { name }] of KINDS.entries()) {
  console.log(
    `| ${name} | ${fmt(kindRates[k]!)} | ${(bern / kindRates[k]!).toFixed(2)} | ${goals[k]} |`,
  );
}

console.log('\n# Two threads, the compiled package (wall time)');
// The workers of the sources run under tsx's loader, slower than the package users run.
const compiled = (await import(
  new URL('../dist/src/estimators/index.js', import.meta.url).href
).catch(() => null)) as typeof import('../src/estimators/index.ts') | null;
if (compiled === null) {
  console.log('dist/ is missing: run `npm run build` (npm run bench does) to measure this');
} else {
  // As a user runs it: `simulate --threads 2` starts its pool, and this thread computes chunks
  // until the workers have loaded. grpo, M = 8, 6e7 groups (4.8e8 responses); goal 1.8x.
  const cold = { scheme: 'grpo', M: 8, policy: 'bernoulli:p=0.3', groups: 6e7 };
  let one = 0;
  let two = 0;
  for (let round = 0; round < 2; round++) {
    const run = { ...cold, seed: round };
    one = Math.max(one, (await compiled.simulate({ ...run, threads: 1 })).responsesPerSecond);
    two = Math.max(two, (await compiled.simulate({ ...run, threads: 2 })).responsesPerSecond);
  }
  console.log(
    `grpo, M = 8, 6e7 groups, a new pool per run: 1 thread ${fmt(one)}, 2 threads ${fmt(two)} responses/s: ${(two / one).toFixed(2)}x (goal 1.8x: ${two / one >= 1.8 ? 'met' : 'NOT met'})`,
  );
  // Both workers warm: one pool shared by the runs, started before them.
  for (const M of SIZES) {
    const input = { ...grpoInput(M, 0), groups: Math.floor((8 * RESPONSES) / M) };
    const pool = compiled.createSimulationPool(2);
    await compiled.simulate({ ...input, groups: Math.floor((2 * RESPONSES) / M), pool });
    let warmOne = 0;
    let warmTwo = 0;
    for (let round = 0; round < 2; round++) {
      const run = { ...input, seed: round };
      warmOne = Math.max(
        warmOne,
        (await compiled.simulate({ ...run, threads: 1 })).responsesPerSecond,
      );
      warmTwo = Math.max(warmTwo, (await compiled.simulate({ ...run, pool })).responsesPerSecond);
    }
    await pool.destroy();
    console.log(
      `M = ${M}, both workers warm: 1 thread ${fmt(warmOne)}, 2 threads ${fmt(warmTwo)} responses/s: ${(warmTwo / warmOne).toFixed(2)}x`,
    );
  }
}
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
