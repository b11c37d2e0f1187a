import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StartCounterTask } from '../../test/support/pool/start-counter.ts';
import type { ChunkResult } from './chunk-result.ts';
import { type ChunkTask, runChunk, runChunkTask } from './chunk-task.ts';
import { type ChunkWork, runChunkTasks } from './run-chunks.ts';
import { buildSimulation } from './simulation-input.ts';
import { createSimulationPool, createWorkerPool, dropStaleResult } from './simulation-pool.ts';

// Deterministic: no false-fail rate. One thread per pool (CONTRIBUTING), except the start/stop
// stress, which runs its pools of up to 4 threads in a child process one after another.

const simulation = buildSimulation({
  scheme: 'grpo',
  M: 4,
  policy: 'bernoulli:p=0.3',
  groups: 4000,
  chunkGroups: 250,
  seed: 9,
});
const { config } = simulation;
const all = Array.from({ length: 16 }, (_, c) => c);

/** The simulation's chunk work, counting the chunks run in this thread and the pools started. */
function countingWork() {
  const counts = { here: 0, pools: [] as [number, number][] };
  const work: ChunkWork<ChunkTask, ChunkResult> = {
    task: (chunk) => ({ config, chunk }),
    runHere: (task) => {
      counts.here++;
      return runChunkTask(task);
    },
    createPool: (threads, tasksPerWorker) => {
      counts.pools.push([threads, tasksPerWorker]);
      return createSimulationPool(threads, tasksPerWorker);
    },
  };
  return { work, counts };
}

describe('worker pools', () => {
  it('stop no worker before it has loaded its modules', async () => {
    const pool = createSimulationPool(1);
    expect(pool.loaded).toBe(false);
    await pool.destroy();
    expect(pool.loaded).toBe(true);
  });

  it("compute chunks in this thread beside a new pool's workers, with the same bits", async () => {
    const { work, counts } = countingWork();
    const results: ChunkResult[] = [];
    await runChunkTasks(work, all, (r) => results.push(r), { threads: 2 });
    // This thread is one of the two; the worker holds its next task.
    expect(counts.pools).toEqual([[1, 2]]);
    // The pool's workers could not have loaded before this thread took its first chunk.
    expect(counts.here).toBeGreaterThan(0);
    results.sort((a, b) => a.first - b.first);
    expect(results).toEqual(all.map((c) => runChunk(simulation, c)));
  });

  it.each([
    [true, 'throughout'],
    [false, 'only while it loads'],
  ])(
    'on a given pool, loaded, computeHere %s: this thread computes %s, with the same bits',
    async (computeHere) => {
      const { work, counts } = countingWork();
      const pool = createSimulationPool(1, 2);
      await pool.whenLoaded();
      const results: ChunkResult[] = [];
      try {
        await runChunkTasks(work, all, (r) => results.push(r), { pool, computeHere });
      } finally {
        await pool.destroy();
      }
      expect(counts.pools).toEqual([]);
      // Throughout, this thread takes a chunk after one turn of the event loop, in which the
      // worker can finish at most the two tasks it holds (this thread hands out the next ones).
      if (computeHere) expect(counts.here).toBeGreaterThan(0);
      else expect(counts.here).toBe(0);
      results.sort((a, b) => a.first - b.first);
      expect(results).toEqual(all.map((c) => runChunk(simulation, c)));
    },
  );

  it('start no more workers than there are chunks, and check the thread count first', async () => {
    const { work, counts } = countingWork();
    const results: ChunkResult[] = [];
    await runChunkTasks(work, [3], (r) => results.push(r), { threads: 16 });
    expect(counts.pools).toEqual([]);
    expect(results).toEqual([runChunk(simulation, 3)]);
    for (const threads of [0, 1.5, 1e6]) {
      await expect(runChunkTasks(work, [3], () => {}, { threads })).rejects.toThrow(
        /^threads must be an integer in 1\.\./,
      );
    }
  });

  it('start and stop without a V8 abort (scripts/pool-stress.ts, small)', async () => {
    const script = fileURLToPath(new URL('../../scripts/pool-stress.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, '--source', '--threads', '1,2,4', '--cycles', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data;
    });
    child.stderr.on('data', (data: Buffer) => {
      output += data;
    });
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(output).toMatch(/threads 4: 2 start\/stop cycles, 0 aborts, 0 other failures/);
    expect(status).toBe(0);
  }, 120_000);

  it('hand a worker all the tasks it may hold at once, also when they have a signal', async () => {
    const pool = createWorkerPool<StartCounterTask, number>(
      new URL('../../test/support/pool/start-counter', import.meta.url),
      'countStart',
      1,
      2,
    );
    try {
      await pool.whenLoaded();
      const started = new SharedArrayBuffer(4);
      const signal = new AbortController().signal;
      const results = [pool.run({ started }, signal), pool.run({ started }, signal)];
      // Microtasks only (where piscina posts tasks), no turn of the event loop: this thread
      // takes no result from the worker before it blocks below.
      for (let i = 0; i < 10; i++) await Promise.resolve();
      // This thread blocked, so the worker can start the second task only if it already holds
      // it. The wait's limit only ends the test when it does not (piscina keeps a task with a
      // signal back while its worker runs another, and this thread would hand it over after
      // taking the first result); passing takes microseconds.
      const counter = new Int32Array(started);
      const deadline = Date.now() + 20_000;
      while (Atomics.load(counter, 0) < 2 && Date.now() < deadline) {
        Atomics.wait(counter, 0, Atomics.load(counter, 0), 100);
      }
      expect(Atomics.load(counter, 0)).toBe(2);
      expect((await Promise.all(results)).sort()).toEqual([1, 2]);
    } finally {
      await pool.destroy();
    }
  });

  it('reject a task with the reason of its signal, at once, and start none after it aborted', async () => {
    const pool = createWorkerPool<StartCounterTask, number>(
      new URL('../../test/support/pool/start-counter', import.meta.url),
      'countStart',
      1,
    );
    try {
      const started = new SharedArrayBuffer(4);
      const controller = new AbortController();
      const reason = new Error('stop');
      const running = pool.run({ started }, controller.signal);
      controller.abort(reason);
      await expect(running).rejects.toBe(reason);
      await expect(pool.run({ started }, controller.signal)).rejects.toBe(reason);
      // The first task may have run on the worker, unseen; the second never started.
      await pool.whenLoaded();
      expect(await pool.run({ started })).toBeLessThanOrEqual(2);
      expect(Atomics.load(new Int32Array(started), 0)).toBeLessThanOrEqual(2);
    } finally {
      await pool.destroy();
    }
  });

  it("drop piscina's report of a result with no task, and throw any other error on", () => {
    expect(() =>
      dropStaleResult(new Error('Unexpected message from Worker: { taskId: 54 }')),
    ).not.toThrow();
    const other = new Error('worker exited with code: 1');
    expect(() => dropStaleResult(other)).toThrow(other);
    expect(() => dropStaleResult('Unexpected message from Worker')).toThrow();
  });
});
