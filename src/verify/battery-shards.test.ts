import { describe, expect, it } from 'vitest';
import {
  mergeParts,
  type PartialResult,
  runIdentity,
  type Shard,
  shardChunks,
} from '../checkpoint/index.ts';
import { ChunkFailure, type ChunkResult, createSimulationPool } from '../estimators/index.ts';
import { substream } from '../rng/index.ts';
import { batteryIdentity } from './battery.ts';
import type { BatteryProgress } from './battery-progress.ts';
import { type Check, finish, type MonteCarloCheck, type MonteCarloOutcome } from './check.ts';
import { baselineVarianceCheck } from './checks/baseline-variance-check.ts';
import { simulationCheck } from './checks/simulation-check.ts';
import type { BatteryResult } from './decide-battery.ts';
import { batteryChunks, planBattery } from './plan-battery.ts';
import { mergeBattery, runBattery } from './run-battery.ts';
import { runBatteryShard } from './run-battery-shard.ts';
import { mergeVerify } from './verify.ts';

// Chunked battery runs on a small battery of many chunks: shards 0..n-1 merged, and a
// run resumed from part of its chunks, give the bits of one uninterrupted run. Numbers are
// compared, not verdicts, so no assertion here has a false-fail rate.

const SEED = 'shards-test';
const settings = { budget: 'quick' as const, alpha: 1e-6, beta: 1e-3 };
const checks: Check[] = [
  {
    kind: 'deterministic',
    id: 'deterministic/one',
    theorem: 'design',
    scheme: 's',
    M: 1,
    policy: 'none',
    detail: '',
    tolerance: 1e-12,
    evaluate: () => ({ closedForm: 1, estimate: 1 }),
  },
  simulationCheck({
    id: 'grpo-sample/bernoulli',
    theorem: 'weighted-gradient',
    detail: '',
    input: {
      scheme: 'grpo:std=sample',
      M: 4,
      policy: 'bernoulli:p=0.3',
      groups: 6000,
      chunkGroups: 500,
    },
  }),
  simulationCheck({
    id: 'rs/softmax',
    theorem: 'rejection-sampling-log',
    detail: '',
    input: {
      scheme: 'rs',
      M: 3,
      policy: 'softmax:logits=0.1;-0.4;0.3;0,correct=0;2',
      groups: 3000,
      chunkGroups: 400,
    },
  }),
  simulationCheck({
    id: 'pure-rs/draws',
    theorem: 'pure-rejection-sampling',
    detail: '',
    input: {
      estimator: 'pure-rs',
      B: 2,
      policy: 'bernoulli:p=0.4',
      groups: 2000,
      chunkGroups: 300,
    },
    read: (r) => ({
      estimate: [r.draws!.mean],
      stderr: [r.draws!.stderr],
      closedForm: [r.draws!.expected],
    }),
  }),
  baselineVarianceCheck('rloo/variance', 'reinforce', 'rloo', 8, 0.3, 5000),
  inThreadCheck(),
];

/**
 * A check that simulates in this thread, in three parts, as `dynamics` does: the mean of 3000
 * uniforms of the run seed's substream.
 */
function inThreadCheck(): MonteCarloCheck {
  function* evaluateInParts(seed: string | number): Generator<undefined, MonteCarloOutcome> {
    const u = substream(seed, 'in-thread');
    let sum = 0;
    for (let part = 0; part < 3; part++) {
      if (part > 0) yield;
      for (let i = 0; i < 1000; i++) sum += u();
    }
    return {
      estimate: [sum / 3000],
      stderr: [Math.sqrt(1 / 36000)],
      closedForm: [0.5],
      groups: 3000,
    };
  }
  return {
    kind: 'monte-carlo',
    id: 'in-thread/uniform-mean',
    theorem: 'dynamics',
    scheme: 'none',
    M: null,
    policy: 'none',
    detail: '',
    groups: 3000,
    components: 1,
    precondition: () => ({ ok: true, groupsNeeded: 3000, skewness: 0 }),
    simulations: [],
    outcome() {
      throw new Error('simulates in this thread');
    },
    evaluate: (seed) => finish(evaluateInParts(seed)),
    evaluateInParts,
  };
}
const plan = planBattery(checks, SEED);
const options = { alpha: settings.alpha, beta: settings.beta, threads: 1 };

/** Every number of a result as the hex of its float64 bits, timings left out. */
function bits(result: BatteryResult): string {
  return JSON.stringify(
    { rows: result.rows.map(({ seconds: _, ...row }) => row), z: result.calibrationZ },
    (_, v) => (typeof v === 'number' ? Buffer.from(Float64Array.of(v).buffer).toString('hex') : v),
  );
}

const reference = await (async () => {
  const chunks = new Map<number, ChunkResult>();
  const result = await runBattery(plan, { ...options, onChunk: (i, r) => chunks.set(i, r) });
  return { result, chunks };
})();

/** The part a shard writes, through JSON as partial.json holds it. */
async function part(shard: Shard, completed?: ReadonlyMap<number, ChunkResult>) {
  const chunks = await runBatteryShard(plan, { ...options, shard, completed });
  const written: PartialResult = {
    identity: batteryIdentity(plan, settings),
    shard,
    chunks: Object.fromEntries(chunks),
  };
  return JSON.parse(JSON.stringify(written)) as PartialResult;
}

function merge(parts: readonly PartialResult[]): BatteryResult {
  const { results } = mergeParts(parts);
  return mergeBattery(plan, batteryChunks(plan, results.entries(), 'parts'), options);
}

describe('a battery cut into chunks', () => {
  it('numbers the chunks battery-wide, check by check, and refuses duplicate streams', () => {
    expect(plan.chunks).toBe(12 + 8 + 7 + 2);
    expect(plan.simulations.map((s) => [s.check, s.first, s.chunks])).toEqual([
      [1, 0, 12],
      [2, 12, 8],
      [3, 20, 7],
      [4, 27, 1],
      [4, 28, 1],
    ]);
    expect(reference.chunks.size).toBe(plan.chunks);
    const twin = { ...checks[2]!, simulations: (checks[1] as MonteCarloCheck).simulations };
    expect(() => planBattery([checks[1]!, twin as Check], SEED)).toThrow(
      "duplicate simulation stream 'grpo-sample/bernoulli'",
    );
  });

  it.each([1, 3, 7])('shards 0..%i-1 merged give the bits of the single run', async (n) => {
    const parts = await Promise.all(Array.from({ length: n }, (_, i) => part({ i, n })));
    for (const [i, p] of parts.entries()) {
      expect(Object.keys(p.chunks).map(Number)).toEqual(shardChunks(plan.chunks, i, n));
    }
    expect(bits(merge(parts.reverse()))).toBe(bits(reference.result));
  });

  it('the comparison can fail: another seed gives other bits', async () => {
    const other = await runBattery(planBattery(checks, 'other'), options);
    expect(bits(other)).not.toBe(bits(reference.result));
  });

  it('a run and a shard resumed from some of their chunks give the same bits', async () => {
    const u = substream(SEED, 'resume-subset');
    const completed = new Map([...reference.chunks].filter(() => u() < 0.5));
    expect(completed.size).toBeGreaterThan(0);
    expect(completed.size).toBeLessThan(plan.chunks);
    const fresh: number[] = [];
    const resumed = await runBattery(plan, {
      ...options,
      completed,
      onChunk: (index) => fresh.push(index),
    });
    expect(bits(resumed)).toBe(bits(reference.result));
    expect(fresh.sort((a, b) => a - b)).toEqual(
      [...reference.chunks.keys()].filter((i) => !completed.has(i)),
    );
    const parts = [await part({ i: 0, n: 2 }, completed), await part({ i: 1, n: 2 })];
    expect(bits(merge(parts))).toBe(bits(reference.result));
  });

  it('refuses to decide with a chunk missing, or a chunk stored under another index', () => {
    const some = new Map(reference.chunks);
    some.delete(13);
    expect(() => mergeBattery(plan, some, options)).toThrow(
      "chunk 13 (check 'rs/softmax') is missing: the run is incomplete",
    );
    expect(() => batteryChunks(plan, [[13, reference.chunks.get(12)]], 'parts')).toThrow(
      'parts: chunk 13: holds chunks 0..0 of its simulation, expected chunk 1',
    );
    expect(() => batteryChunks(plan, [[plan.chunks, {}]], 'parts')).toThrow(
      `parts: chunk ${plan.chunks} is not a chunk of this battery`,
    );
  });

  it('a chunk failing twice stops the run naming the check and the chunk', async () => {
    const faults = (chunk: number, attempt: number) =>
      chunk === 14 && attempt < 2 ? ('throw' as const) : undefined;
    const error = await runBattery(plan, { ...options, faults }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkFailure);
    expect((error as Error).message).toBe(
      "chunk 14 (check 'rs/softmax', its chunk 2) failed twice: injected fault",
    );
  });
});

describe('a battery on a worker pool', () => {
  it('runs its checks side by side with the bits of a run in one thread; progress hears of them in order', async () => {
    const pool = createSimulationPool(1, 2);
    try {
      const events: string[] = [];
      const fractions: number[][] = checks.map(() => []);
      let current = -1;
      const progress: BatteryProgress = {
        start(_check, index) {
          current = index;
          events.push(`start ${index}`);
        },
        advance(fraction) {
          fractions[current]!.push(fraction);
        },
        done(row) {
          events.push(`done ${row.id}`);
        },
        stop() {
          events.push('stop');
        },
      };
      const chunks = new Map<number, ChunkResult>();
      const result = await runBattery(plan, {
        ...options,
        pool,
        progress,
        onChunk: (i, r) => chunks.set(i, r),
      });
      expect(bits(result)).toBe(bits(reference.result));
      expect([...chunks.keys()].sort((a, b) => a - b)).toEqual([...reference.chunks.keys()]);
      expect(events).toEqual([
        ...checks.flatMap((check, index) => [`start ${index}`, `done ${check.id}`]),
        'stop',
      ]);
      // Each check's own progress, rising to 1: none of a check queued behind it.
      for (const [index, check] of checks.entries()) {
        const mine = fractions[index]!;
        expect(mine.every((f, k) => f >= (mine[k - 1] ?? 0) && f <= 1)).toBe(true);
        if (check.kind === 'monte-carlo' && check.simulations.length > 0) {
          expect(mine.at(-1)).toBe(1);
        }
      }
    } finally {
      await pool.destroy();
    }
  });

  it('a chunk failing twice in a check queued ahead stops the run, naming that check, and nothing runs on', async () => {
    const pool = createSimulationPool(1, 2);
    try {
      const faults = (chunk: number, attempt: number) =>
        chunk === 14 && attempt < 2 ? ('throw' as const) : undefined;
      let after = 0;
      let stopped = false;
      const error = await runBattery(plan, {
        ...options,
        pool,
        faults,
        onChunk: () => {
          if (stopped) after++;
        },
      }).catch((e: unknown) => e);
      stopped = true;
      expect(error).toBeInstanceOf(ChunkFailure);
      expect((error as Error).message).toBe(
        "chunk 14 (check 'rs/softmax', its chunk 2) failed twice: injected fault",
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(after).toBe(0);
    } finally {
      await pool.destroy();
    }
  });
});

describe('mergeVerify refuses parts it cannot rebuild', () => {
  const whole = (identity: PartialResult['identity']): PartialResult[] => [
    {
      identity,
      shard: { i: 0, n: 1 },
      chunks: Object.fromEntries(Array.from({ length: identity.chunks }, (_, i) => [i, {}])),
    },
  ];

  it('of another kind of run', async () => {
    const identity = runIdentity({ kind: 'simulate', config: {}, seed: 1, chunks: 1 });
    await expect(mergeVerify(whole(identity))).rejects.toThrow(
      "the parts are of a 'simulate' run; merge combines the shards of 'verify' runs",
    );
  });

  it('of a battery this version does not build', async () => {
    const identity = runIdentity({
      kind: 'verify',
      config: { ...settings, checks: [] },
      seed: 1,
      chunks: 2,
    });
    await expect(mergeVerify(whole(identity))).rejects.toThrow(
      /^the parts are not of a battery this rl-objective runs: config\.checks\.length differs \(the parts 0, this rl-objective \d+\); chunks differ/,
    );
  });
});
