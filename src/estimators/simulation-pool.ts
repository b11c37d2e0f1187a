import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { InputError } from '../errors/input-error.ts';
import type { ChunkResult } from './chunk-result.ts';
import type { ChunkTask } from './chunk-task.ts';

/** The worker file: runs `runChunkTask` for one chunk per task. */
const WORKER = new URL('../../simulations/worker.ts', import.meta.url).href;

/** Young-generation limit of each worker's V8 heap, in MB (see the comment in the pool). */
const YOUNG_GENERATION_MB = 4;

/** A pool of worker threads running chunks; share one between many simulations. */
export interface SimulationPool {
  readonly threads: number;
  /**
   * Runs `runChunkTask(task)` on a worker. Rejects when the task throws, when its worker dies
   * (piscina then starts a new one), or with an AbortError when `signal` aborts.
   */
  run(task: ChunkTask, signal?: AbortSignal): Promise<ChunkResult>;
  /** Stops the workers. */
  destroy(): Promise<void>;
}

/**
 * Starts a piscina pool of `threads` workers for simulations (MATH.md §6: the chunks, not the
 * threads, fix the result). Workers cannot load TypeScript by themselves on Node 20, so each
 * starts with `--import tsx`. Throws InputError when `threads` is not an integer in
 * 1..max(64, cores).
 */
export function createSimulationPool(threads: number): SimulationPool {
  const limit = Math.max(64, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1 || threads > limit) {
    throw new InputError(`threads must be an integer in 1..${limit}, got ${threads}`);
  }
  const pool = new Piscina({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    // tsx resolved from this package, so that workers load it whatever the working directory.
    // piscina require()s the worker, so tsx compiles the sources to CommonJS there, where an
    // imported binding is a getter call on each read: hot loops keep such values in locals.
    execArgv: ['--import', import.meta.resolve('tsx')],
    idleTimeout: Number.POSITIVE_INFINITY,
    // V8 lets each worker's young generation grow to its default size while chunks churn; 4 MB
    // keeps a 2-thread run well under the 200 MB target of issue 7 (bench/memory.bench.ts: about
    // 175 MB instead of 190-200), with the same CPU time for a 1e9-response run within noise.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return {
    threads,
    run: (task, signal) => pool.run(task, signal ? { signal } : {}),
    destroy: () => pool.destroy(),
  };
}
