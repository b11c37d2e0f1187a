import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { InputError } from '../errors/input-error.ts';
import type { ChunkResult } from './chunk-result.ts';
import type { ChunkTask } from './chunk-task.ts';

/**
 * Whether this module runs from its TypeScript source (tests and development, through vitest or
 * tsx) rather than from the compiled package. Worker threads start with a bare Node, which cannot
 * load TypeScript on Node 20, so only then do they get tsx.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The worker module: each task calls its export `runChunkTask`, for one chunk. */
const WORKER = new URL(`./chunk-task.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url).href;

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
 * threads, fix the result). The workers run the compiled ES module of `runChunkTask` (from the
 * sources under tsx in development). Throws InputError when `threads` is not an integer in
 * 1..max(64, cores).
 */
export function createSimulationPool(threads: number): SimulationPool {
  const limit = Math.max(64, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1 || threads > limit) {
    throw new InputError(`threads must be an integer in 1..${limit}, got ${threads}`);
  }
  const pool = new Piscina({
    filename: WORKER,
    name: 'runChunkTask',
    minThreads: threads,
    maxThreads: threads,
    // tsx resolved from this package, so that development workers load it whatever the working
    // directory; the compiled package needs nothing.
    execArgv: FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : [],
    idleTimeout: Number.POSITIVE_INFINITY,
    // V8 lets each worker's young generation grow to its default size while chunks churn; a
    // small one keeps the whole process within its memory target at no cost in CPU time
    // (bench/memory.bench.ts, docs/simulate.md).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return {
    threads,
    run: (task, signal) => pool.run(task, signal ? { signal } : {}),
    destroy: () => pool.destroy(),
  };
}
