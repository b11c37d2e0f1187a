import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkResult } from './chunk-result.ts';
import { type Fault, type FaultPlan, runChunk } from './chunk-task.ts';
import { ChunkFailure, runChunks } from './run-chunks.ts';
import { buildSimulation } from './simulation-input.ts';
import { createSimulationPool } from './simulation-pool.ts';

// Worker faults: a chunk whose task throws or whose worker dies is retried once and
// gives the same bits; a second failure names the chunk. Deterministic: no false-fail rate.
// One pool of 1 thread (CONTRIBUTING: at most one thread per test file).

const simulation = buildSimulation({
  scheme: 'grpo',
  M: 4,
  policy: 'bernoulli:p=0.3',
  groups: 4000,
  chunkGroups: 500,
  seed: 5,
});
const all = Array.from({ length: 8 }, (_, c) => c);
const expected = all.map((c) => runChunk(simulation, c));
const pool = createSimulationPool(1);
// Loaded before the tests start, so that every chunk given to the pool runs on its worker
// (while a pool loads, a run computes chunks in this thread too).
beforeAll(() => pool.whenLoaded());
afterAll(() => pool.destroy());

/** Fails the first `times` attempts at chunk `chunk` with `mode`. */
const failing =
  (mode: Fault, chunk: number, times = 1): FaultPlan =>
  (c, attempt) =>
    c === chunk && attempt < times ? mode : undefined;

async function collect(options: Parameters<typeof runChunks>[3]) {
  const results: ChunkResult[] = [];
  const retries: string[] = [];
  await runChunks(simulation, all, (r) => results.push(r), {
    ...options,
    onRetry: (m) => retries.push(m),
  });
  return { results: results.sort((a, b) => a.first - b.first), retries };
}

describe('runChunks retries a failed chunk once', () => {
  it.each([
    ['a throwing task, in this thread', failing('throw', 2), {}],
    ['a throwing task, on a worker', failing('throw', 2), { pool }],
    ['a dying worker', failing('exit', 2), { pool }],
  ])('%s: same results, one warning naming the chunk', async (_, faults, options) => {
    const { results, retries } = await collect({ ...options, faults });
    expect(results).toEqual(expected);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatch(/^chunk 2 failed \(.+\); running it once more$/);
  });

  it.each([
    ['in this thread', failing('throw', 45, 2), {}, /injected fault/],
    ['on a dying worker', failing('exit', 45, 2), { pool }, /worker exited with code: 1/],
  ])('a second failure %s rejects with a ChunkFailure naming chunk and owner', async (...args) => {
    const [, faults, options, cause] = args;
    const error = await runChunks(simulation, all, () => {}, {
      ...options,
      faults,
      offset: 40,
      owner: "check 'x'",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkFailure);
    expect((error as ChunkFailure).chunk).toBe(45);
    expect((error as Error).message).toMatch(
      new RegExp(`^chunk 45 \\(check 'x', its chunk 5\\) failed twice: ${cause.source}`),
    );
  });

  it('a fault plan names chunks by their index in the whole run (offset)', async () => {
    const { results, retries } = await collect({ offset: 10, faults: failing('throw', 12) });
    expect(results).toEqual(expected);
    expect(retries).toEqual([expect.stringMatching(/^chunk 12 failed/)]);
  });

  it('cancellation is not retried and rejects with the signal reason', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const run = runChunks(
      simulation,
      all,
      (r) => {
        done.push(r.first);
        if (done.length === 3) controller.abort(new Error('stop'));
      },
      { pool, signal: controller.signal, onRetry: () => expect.unreachable() },
    );
    await expect(run).rejects.toThrow('stop');
    expect(done.length).toBeLessThan(all.length);
  });
});
