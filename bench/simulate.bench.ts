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
/** rs, M = 16, softmax with 4 answers, before this engine: see docs/simulate.md. */
const SOFTMAX_BEFORE = 4.8e7;

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

console.log('\n# Softmax policy, 4 answers, rs, M = 16 (generic sampler loop)');
const softmax = {
  scheme: 'rs',
  M: 16,
  policy: 'softmax:logits=0;1;2;3,correct=1',
  groups: 2 ** 20,
};
let soft = 0;
for (let round = 0; round < ROUNDS; round++) {
  soft = Math.max(
    soft,
    await cpuRateAsync(async () => (await simulate({ ...softmax, seed: round })).responses),
  );
}
console.log(
  `simulate, 1 thread: ${fmt(soft)} responses/s, ${(soft / SOFTMAX_BEFORE).toFixed(2)}x the ${fmt(SOFTMAX_BEFORE)} of the engine before (docs/simulate.md; goal 4x)`,
);

console.log('\n# Two threads, the compiled package (wall time, both workers warm)');
// The workers of the sources run under tsx's loader, slower than the package users run.
const compiled = (await import(
  new URL('../dist/src/estimators/index.js', import.meta.url).href
).catch(() => null)) as typeof import('../src/estimators/index.ts') | null;
if (compiled === null) {
  console.log('dist/ is missing: run `npm run build` (npm run bench does) to measure this');
} else {
  for (const M of SIZES) {
    const input = { ...grpoInput(M, 0), groups: Math.floor((8 * RESPONSES) / M) };
    const pool = compiled.createSimulationPool(2);
    await compiled.simulate({ ...input, groups: Math.floor((2 * RESPONSES) / M), pool });
    let one = 0;
    let two = 0;
    for (let round = 0; round < 2; round++) {
      const run = { ...input, seed: round };
      one = Math.max(one, (await compiled.simulate({ ...run, threads: 1 })).responsesPerSecond);
      two = Math.max(two, (await compiled.simulate({ ...run, pool })).responsesPerSecond);
    }
    await pool.destroy();
    console.log(
      `M = ${M}: 1 thread ${fmt(one)}, 2 threads ${fmt(two)} responses/s: ${(two / one).toFixed(2)}x`,
    );
  }
}
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
