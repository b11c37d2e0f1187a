import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChunkResult, mergeChunkResults } from '../src/estimators/chunk-result.ts';
import { runChunk } from '../src/estimators/chunk-task.ts';
import { runSimulation } from '../src/estimators/run-simulation.ts';
import { simulate } from '../src/estimators/simulate.ts';
import { buildSimulation, type SimulationInput } from '../src/estimators/simulation-input.ts';
import { createSimulationPool, type SimulationPool } from '../src/estimators/simulation-pool.ts';
import { POLICIES } from '../test/support/simulations/policies.ts';

// Reproducibility (docs/theory.md §6): the same seed gives the same bits with 1, 2 and 4 threads, and
// chunks merged from JSON give the same bits. No Monte Carlo assertion: no false-fail rate.
// The pool tests run one after another in this one file (describe.sequential), the only file
// here that starts more than one worker thread.

const runs: SimulationInput[] = [
  { scheme: 'grpo', M: 8, policy: POLICIES.bernoulli, groups: 50_000, chunkGroups: 6_000, seed: 9 },
  { scheme: 'rs', M: 4, policy: POLICIES.corpus, groups: 6_000, chunkGroups: 700, seed: 9 },
  {
    estimator: 'pure-rs',
    B: 4,
    policy: POLICIES.softmax,
    groups: 4_000,
    chunkGroups: 500,
    seed: 9,
  },
];

const bits = (xs: readonly number[]) => Buffer.from(Float64Array.from(xs).buffer).toString('hex');

describe.sequential('bit-identical results whatever the threads', () => {
  const pools: SimulationPool[] = [];
  beforeAll(() => {
    pools.push(createSimulationPool(2), createSimulationPool(4));
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
  });

  it.each(runs.map((input, i) => ({ i, input })))('run $i', async ({ input }) => {
    const one = await simulate({ ...input, threads: 1 });
    for (const pool of pools) {
      const many = await simulate({ ...input, pool });
      expect(bits(many.estimate)).toBe(bits(one.estimate));
      expect(bits(many.stderr)).toBe(bits(one.stderr));
      expect(many.accumulator).toEqual(one.accumulator);
    }
    // The check can fail: another seed gives other bits.
    const other = await simulate({ ...input, seed: 10, threads: 1 });
    expect(bits(other.estimate)).not.toBe(bits(one.estimate));
  });

  it('progress events and cancellation on a pool', async () => {
    const pool = pools[0]!;
    const events: number[] = [];
    const input = runs[0]!;
    const result = await simulate({ ...input, pool, onProgress: (p) => events.push(p.chunksDone) });
    expect(events.at(-1)).toBe(9);
    expect(result.groups).toBe(50_000);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(simulate({ ...input, pool, signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('chunks are pure and merge from JSON to the same bits', () => {
  it('runChunk twice, JSON round trip, merge in order, resume from completed chunks', async () => {
    const simulation = buildSimulation(runs[1]!);
    const chunks = Array.from({ length: 9 }, (_, i) => runChunk(simulation, i));
    expect(runChunk(simulation, 3)).toEqual(chunks[3]);
    const fromJson: ChunkResult[] = chunks.map((c) => JSON.parse(JSON.stringify(c)));
    const merged = fromJson.reduce(mergeChunkResults);
    const direct = await runSimulation(simulation);
    expect(merged).toEqual(direct.accumulator);
    const resumed = await runSimulation(simulation, { completed: fromJson.slice(0, 4) });
    expect(resumed.accumulator).toEqual(direct.accumulator);
    // A run read entirely from its checkpoint simulated nothing: its throughput is 0, not the
    // whole run's responses over the time it took to read them.
    const read = await runSimulation(simulation, { completed: fromJson });
    expect(read.accumulator).toEqual(direct.accumulator);
    expect(read.responsesPerSecond).toBe(0);
    expect(() => mergeChunkResults(chunks[0]!, chunks[2]!)).toThrow(/adjacent/);
  });
});
