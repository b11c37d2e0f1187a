import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Piscina as PiscinaPool } from 'piscina';
import { InputError } from '../errors/index.ts';
import type { ChunkResult } from './chunk-result.ts';
import type { ChunkTask } from './chunk-task.ts';

/**
 * Whether this module runs from its TypeScript source (tests and development, through vitest or
 * tsx) rather than from the compiled package. Worker threads start with a bare Node, which cannot
 * load TypeScript on Node 20, so only then do they get tsx.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

const require = createRequire(import.meta.url);

/** Young-generation limit of each worker's V8 heap, in MB (see the comment in the pool). */
const YOUNG_GENERATION_MB = 4;

/** A pool of worker threads running tasks of one kind; share one between many runs. */
export interface WorkerPool<Task, Result> {
  readonly threads: number;
  /**
   * Runs the pool's task function on a worker. Rejects when the task throws, when its worker dies
   * (piscina then starts a new one), or with an AbortError when `signal` aborts.
   */
  run(task: Task, signal?: AbortSignal): Promise<Result>;
  /** Stops the workers. */
  destroy(): Promise<void>;
}

/** A pool of worker threads running simulation chunks (`runChunkTask`). */
export type SimulationPool = WorkerPool<ChunkTask, ChunkResult>;

/**
 * Throws InputError unless `threads` is an integer in 1..max(64, cores): the worker threads a
 * run may ask for.
 */
function requireThreads(threads: number): number {
  const limit = Math.max(64, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1 || threads > limit) {
    throw new InputError(`threads must be an integer in 1..${limit}, got ${threads}`);
  }
  return threads;
}

/**
 * Starts a piscina pool of `threads` workers whose tasks call the export `exportName` of the
 * package module `module` (a URL without its extension: the compiled `.js`, or the `.ts` source
 * under tsx in development). Chunks, not threads, fix every result (docs/theory.md §6), so a pool only
 * changes how fast a run goes. Throws InputError for a bad `threads` ({@link requireThreads}).
 */
export function createWorkerPool<Task, Result>(
  module: URL,
  exportName: string,
  threads: number,
): WorkerPool<Task, Result> {
  requireThreads(threads);
  // piscina is required here, on the first pool: most uses of the library start none.
  const { Piscina } = require('piscina') as { Piscina: typeof PiscinaPool };
  const pool = new Piscina({
    filename: `${module.href}.${FROM_SOURCE ? 'ts' : 'js'}`,
    name: exportName,
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

/**
 * Starts a pool of `threads` workers for simulations (docs/theory.md §6), running `runChunkTask`
 * from chunk-task's module; see {@link createWorkerPool}.
 */
export function createSimulationPool(threads: number): SimulationPool {
  return createWorkerPool(new URL('./chunk-task', import.meta.url), 'runChunkTask', threads);
}
