import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Piscina as PiscinaPool } from 'piscina';
import { InputError } from '../errors/index.ts';
import type { ChunkResult } from './chunk-result.ts';
import type { ChunkTask } from './chunk-task.ts';
import { POOL_WORKER_DATA, WORKER_LOADED } from './worker-loaded.ts';

/**
 * Whether this module runs from its TypeScript source (tests and development, through vitest or
 * tsx) rather than from the compiled package. Worker threads start with a bare Node, which cannot
 * load TypeScript on Node 20, so only then do they get tsx.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

const require = createRequire(import.meta.url);

/** Young-generation limit of each worker's V8 heap, in MB (see the comment in the pool). */
const YOUNG_GENERATION_MB = 4;

/**
 * Most a pool waits for a worker still loading its modules before it stops it anyway: loading
 * takes well under a second, and a worker that never finishes must not hang the process.
 */
const LOADING_TIMEOUT_MS = 30_000;

/** A pool of worker threads running tasks of one kind; share one between many runs. */
export interface WorkerPool<Task, Result> {
  readonly threads: number;
  /**
   * Whether every worker the pool started with has loaded its task module (or died trying): from
   * then on the workers take tasks as soon as they are given.
   */
  readonly loaded: boolean;
  /** Resolves when {@link loaded} becomes true. */
  whenLoaded(): Promise<void>;
  /**
   * Runs the pool's task function on a worker. Rejects when the task throws, when its worker dies
   * (piscina then starts a new one), or with the signal's reason as soon as `signal` aborts; a
   * task already running then finishes on its worker, unseen.
   */
  run(task: Task, signal?: AbortSignal): Promise<Result>;
  /** Stops the workers, once each has loaded its task module (see `announceLoaded`). */
  destroy(): Promise<void>;
}

/**
 * `start()`'s promise, or a rejection with the reason of `signal` as soon as it aborts (without
 * starting when it has already). Hand-written rather than a race with `util.aborted`, so that
 * the abort listener goes as soon as the task settles: a run's signal outlives many tasks.
 */
function untilAborted<T>(signal: AbortSignal, start: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    start().then(
      (result) => {
        signal.removeEventListener('abort', abort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/**
 * The listener of a piscina pool's `error` event. piscina reports there the result of a task it
 * no longer tracks: a worker holding two tasks can post the first one's result and then exit
 * on the second, and when its exit is handled first, piscina fails both tasks (the chunks run
 * again) and the result that follows has no task. It is dropped here. Any other error is thrown
 * on, uncaught, as it would be with no listener.
 */
export function dropStaleResult(error: unknown): void {
  if (error instanceof Error && error.message.startsWith('Unexpected message from Worker')) return;
  throw error;
}

/** A pool of worker threads running simulation chunks (`runChunkTask`). */
export type SimulationPool = WorkerPool<ChunkTask, ChunkResult>;

/**
 * Throws InputError unless `threads` is an integer in 1..max(64, cores): the worker threads a
 * run may ask for.
 */
export function requireThreads(threads: number): number {
  const limit = Math.max(64, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1 || threads > limit) {
    throw new InputError(`threads must be an integer in 1..${limit}, got ${threads}`);
  }
  return threads;
}

/**
 * Starts a piscina pool of `threads` workers whose tasks call the export `exportName` of the
 * package module `module` (a URL without its extension: the compiled `.js`, or the `.ts` source
 * under tsx in development). Chunks, not threads, fix every result (docs/theory.md §6), so a pool
 * only changes how fast a run goes. Throws InputError for a bad `threads` ({@link requireThreads}).
 * A worker is handed up to `tasksPerWorker` tasks at once (default 1): with 2, it starts its next
 * task without waiting for this thread to hand it over, which a thread busy with chunks of its
 * own does only between them.
 *
 * The module must call `announceLoaded()` as the last statement of its top level: the pool keeps
 * track of which workers are still loading, tells its users when all have loaded (so that a run
 * can meanwhile compute chunks in its own thread), and stops no worker that is still loading,
 * which can abort the process in V8. Workers that piscina starts in place of dead ones are
 * tracked too.
 */
export function createWorkerPool<Task, Result>(
  module: URL,
  exportName: string,
  threads: number,
  tasksPerWorker = 1,
): WorkerPool<Task, Result> {
  requireThreads(threads);
  // piscina is required here, on the first pool: most uses of the library start none.
  const { Piscina } = require('piscina') as { Piscina: typeof PiscinaPool };
  const pool = new Piscina({
    filename: `${module.href}.${FROM_SOURCE ? 'ts' : 'js'}`,
    name: exportName,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: tasksPerWorker,
    // tsx resolved from this package, so that development workers load it whatever the working
    // directory; the compiled package needs nothing.
    execArgv: FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : [],
    idleTimeout: Number.POSITIVE_INFINITY,
    // V8 lets each worker's young generation grow to its default size while chunks churn; a
    // small one keeps the whole process within its memory target at no cost in CPU time
    // (bench/memory.bench.ts, docs/simulate.md).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    workerData: POOL_WORKER_DATA,
  });
  // Each worker until it has loaded (or exited): piscina starts a replacement for a dead worker
  // while handling its exit, before the exit listeners added here run, so they find it.
  const loading = new Map<Worker, Promise<void>>();
  const track = (worker: Worker) => {
    if (loading.has(worker)) return;
    loading.set(
      worker,
      new Promise<void>((resolve) => {
        const settle = () => {
          worker.off('message', onMessage);
          resolve();
        };
        const onMessage = (message: unknown) => {
          if (message === WORKER_LOADED) settle();
        };
        worker.on('message', onMessage);
        worker.once('exit', () => {
          settle();
          for (const other of pool.threads) track(other);
        });
      }),
    );
  };
  for (const worker of pool.threads) track(worker);
  pool.on('error', dropStaleResult);
  let loaded = false;
  const initial = Promise.all(loading.values()).then(() => {
    loaded = true;
  });
  return {
    threads,
    get loaded() {
      return loaded;
    },
    whenLoaded: () => initial,
    // Not piscina's own signal: piscina runs at most one task that has a signal on a worker (to
    // abort one, it stops its worker), which would leave each worker idle between its tasks
    // until this thread hands it the next, however many tasks it may hold.
    run: (task, signal) => (signal ? untilAborted(signal, () => pool.run(task)) : pool.run(task)),
    async destroy() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, LOADING_TIMEOUT_MS);
        timer.unref();
      });
      await Promise.race([Promise.all(loading.values()), timeout]);
      clearTimeout(timer);
      await pool.destroy();
    },
  };
}

/**
 * Starts a pool of `threads` workers for simulations (docs/theory.md §6), running `runChunkTask`
 * from chunk-task's module, each handed up to `tasksPerWorker` tasks at once; see
 * {@link createWorkerPool}.
 */
export function createSimulationPool(threads: number, tasksPerWorker = 1): SimulationPool {
  return createWorkerPool(chunkWorker(), 'runChunkTask', threads, tasksPerWorker);
}

/**
 * The worker module of {@link createSimulationPool}: in the built package, chunk-task's module
 * bundled into one file with everything it imports (`scripts/build.js`), which a worker loads
 * several times faster than the compiled modules one by one; else (the sources under tsx, or a
 * build without the bundle) chunk-task's own module. The same code either way.
 */
function chunkWorker(): URL {
  const own = new URL('./chunk-task', import.meta.url);
  if (FROM_SOURCE) return own;
  const bundled = new URL('../../bundle/workers/chunk-task', import.meta.url);
  const { existsSync } = process.getBuiltinModule('node:fs');
  return existsSync(new URL(`${bundled.href}.js`)) ? bundled : own;
}
