import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { oneLine } from '../errors/index.ts';
import type { ChunkResult } from './chunk-result.ts';
import { type ChunkTask, type FaultPlan, injectFault, runChunk } from './chunk-task.ts';
import type { Simulation } from './simulation-config.ts';
import { createSimulationPool, requireThreads, type WorkerPool } from './simulation-pool.ts';

/**
 * A chunk that failed twice (its first attempt and its one retry): the run cannot complete.
 * The message is one line naming the chunk and what it belongs to, e.g.
 * `chunk 17 (check 'weighted-gradient/rloo/M=2/bernoulli', its chunk 2) failed twice: worker
 * exited with code: 1`. Completed chunks stay valid: a checkpointed run can be resumed.
 */
export class ChunkFailure extends Error {
  override name = 'ChunkFailure';

  /**
   * @param chunk the chunk's index in the run (battery-wide for `verify`)
   * @param where the chunk as a phrase for messages, e.g. `chunk 17 (check 'x', its chunk 2)`
   * @param cause the error of the second attempt
   */
  constructor(
    readonly chunk: number,
    where: string,
    cause: unknown,
  ) {
    super(
      `${where} failed twice: ${oneLine(cause instanceof Error ? cause.message : String(cause))}`,
      { cause },
    );
  }
}

/** Where and how {@link runChunkTasks} runs chunks. */
export interface ChunkRunOptions<Task, Result> {
  /** Worker threads; default 1, which runs in this thread. Ignored when `pool` is given. */
  readonly threads?: number;
  /** A pool to run on (kept running afterwards), e.g. shared by the checks of a battery. */
  readonly pool?: WorkerPool<Task, Result>;
  /**
   * With `pool`: this thread computes chunks throughout, beside the pool's workers, as it does
   * beside a pool the run starts itself; for a pool started early for this run alone, of its
   * threads but one. Default false: this thread computes only while the pool's workers load
   * (they are the run's threads, e.g. a battery's pool).
   */
  readonly computeHere?: boolean;
  /** Cancels the run: it rejects with the signal's reason once running chunks are stopped. */
  readonly signal?: AbortSignal;
  /**
   * Index of this run's chunk 0 in a larger run (the battery of `verify`), so that messages and
   * a {@link FaultPlan} use the larger run's chunk numbers; default 0.
   */
  readonly offset?: number;
  /** What the chunks belong to, for messages, e.g. `check 'weighted-gradient/rloo/M=2/bernoulli'`. */
  readonly owner?: string;
  /** Told, in one line, about a chunk that failed once and is run again. */
  readonly onRetry?: (message: string) => void;
  /**
   * Called once, when every chunk of the run has been started (or at once when there are none):
   * from then on the run only waits for its last chunks, so a caller can queue the next run's
   * chunks behind them and keep the workers busy.
   */
  readonly onAllStarted?: () => void;
}

/** Faults to inject into a run's chunks, for tests of its retries and resumes. */
export interface FaultInjection {
  /** Which attempts of which chunks fail; default none. */
  readonly faults?: FaultPlan;
}

/** Where and how {@link runChunks} runs a simulation's chunks, and the faults it injects. */
export interface RunChunksOptions extends ChunkRunOptions<ChunkTask, ChunkResult>, FaultInjection {}

/** A chunked run: the task of each attempt at a chunk, and the two places a task can run. */
export interface ChunkWork<Task, Result> {
  /** The task of attempt `attempt` (0, then 1 for the retry) at chunk `chunk`. */
  task(chunk: number, attempt: number): Task;
  /** Runs a task in this thread: the same pure function the workers run. */
  runHere(task: Task): Result;
  /**
   * Starts a pool of `threads` workers running the same function, each handed up to
   * `tasksPerWorker` tasks at once.
   */
  createPool(threads: number, tasksPerWorker: number): WorkerPool<Task, Result>;
}

/**
 * Runs the chunks `chunks` of a chunked run in this thread or on a worker pool, and hands each
 * result to `onResult` as it completes (in completion order; the caller merges them in chunk
 * order). At most 2 chunks per thread are in flight, so memory stays flat in the number of
 * chunks. A chunk's result depends only on its task, never on the thread count, nor on where
 * it ran. A run of `threads` threads without a given pool computes in this thread and on a
 * new pool of `threads - 1` workers (no more threads than it has chunks), so that this thread
 * computes while the workers load their modules; on a given pool, whose workers are the run's
 * threads, this thread computes chunks only while they load.
 *
 * A chunk whose task throws, or whose worker dies, is run once more: it has the same seed, so
 * the retry gives the same result. A second failure stops the run with a {@link ChunkFailure}
 * naming the chunk (and `owner`). Cancellation through `signal` is not a failure: the run
 * rejects with the signal's reason, and chunks already handed to `onResult` stay done.
 */
export async function runChunkTasks<Task, Result>(
  work: ChunkWork<Task, Result>,
  chunks: readonly number[],
  onResult: (result: Result) => void,
  options: ChunkRunOptions<Task, Result> = {},
): Promise<void> {
  if (options.threads !== undefined && !options.pool) requireThreads(options.threads);
  // A worker with no chunk to run would only cost its start.
  const threads =
    options.pool?.threads ?? Math.min(options.threads ?? 1, Math.max(1, chunks.length));
  if (threads === 1 && !options.pool) {
    const run = retrying(work, options, async (task) => work.runHere(task));
    if (chunks.length === 0) options.onAllStarted?.();
    for (const [position, chunk] of chunks.entries()) {
      options.signal?.throwIfAborted();
      if (position === chunks.length - 1) options.onAllStarted?.();
      onResult(await run(chunk));
      // Lets timers and signal handlers run between chunks.
      await yieldToEventLoop();
    }
    options.signal?.throwIfAborted();
    return;
  }
  if (options.pool) {
    const here = options.computeHere === true ? 'throughout' : 'while-loading';
    await runOnPool(options.pool, work, chunks, onResult, options, here);
    return;
  }
  // This thread is one of the run's threads: it computes from the start, while the workers
  // load, and to the end, so a run's time does not pay for the pool's start. Each worker holds
  // its next task, since this thread hands tasks over only between its own chunks.
  const pool = work.createPool(threads - 1, 2);
  try {
    await runOnPool(pool, work, chunks, onResult, options, 'throughout');
  } finally {
    await pool.destroy();
  }
}

/**
 * Runs the chunks `chunks` of a simulation (`runChunk`, docs/theory.md §6) with
 * {@link runChunkTasks}: in this thread on `simulation` itself, on a worker from its task
 * `{config, chunk}` (JSON only), with the fault `options.faults` gives that attempt, if any.
 */
export function runChunks(
  simulation: Simulation,
  chunks: readonly number[],
  onResult: (result: ChunkResult) => void,
  options: RunChunksOptions = {},
): Promise<void> {
  const offset = options.offset ?? 0;
  const work: ChunkWork<ChunkTask, ChunkResult> = {
    task: (chunk, attempt) => {
      const fault = options.faults?.(offset + chunk, attempt);
      const { config } = simulation;
      return fault === undefined ? { config, chunk } : { config, chunk, fault };
    },
    runHere: (task) => {
      injectFault(task);
      return runChunk(simulation, task.chunk);
    },
    createPool: createSimulationPool,
  };
  return runChunkTasks(work, chunks, onResult, options);
}

/**
 * When this thread computes chunks beside a pool's workers: only while they load (a shared pool,
 * whose workers occupy the run's threads), or throughout (a pool of the run's threads but one).
 */
type HereLane = 'while-loading' | 'throughout';

async function runOnPool<Task, Result>(
  pool: WorkerPool<Task, Result>,
  work: ChunkWork<Task, Result>,
  chunks: readonly number[],
  onResult: (result: Result) => void,
  options: ChunkRunOptions<Task, Result>,
  hereLane: HereLane,
): Promise<void> {
  const window = 2 * pool.threads;
  const stop = new AbortController();
  const abort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', abort, { once: true });
  const stopping = { ...options, signal: stop.signal };
  const onPool = retrying(work, stopping, (task) => pool.run(task, stop.signal));
  const here = retrying(work, stopping, async (task) => work.runHere(task));
  let position = 0;
  let failure: unknown = null;
  let allStarted = false;
  const next = () => {
    if (failure !== null) return undefined;
    if (position < chunks.length) return chunks[position++];
    if (!allStarted) {
      allStarted = true;
      options.onAllStarted?.();
    }
    return undefined;
  };
  // No chunk: no lane asks for one, so the run has started all its chunks now.
  if (chunks.length === 0) next();
  const settle = async (run: (chunk: number) => Promise<Result>, chunk: number) => {
    try {
      onResult(await run(chunk));
    } catch (error) {
      failure ??= error;
      stop.abort(error);
    }
  };
  const lane = async () => {
    for (let chunk = next(); chunk !== undefined; chunk = next()) await settle(onPool, chunk);
  };
  // While the pool's workers load their modules (or throughout), this thread runs the next
  // chunks itself (the same pure function, so the same bits) instead of waiting; the workers
  // take the first ones as soon as they can.
  const meanwhile = async () => {
    // One turn of the event loop first: a pool whose workers have loaded while this thread was
    // busy (reading the input, building the run) gets its first tasks now, not after this
    // thread's first chunk.
    await yieldToEventLoop();
    while ((hereLane === 'throughout' || !pool.loaded) && !stop.signal.aborted) {
      const chunk = next();
      if (chunk === undefined) return;
      await settle(here, chunk);
      await yieldToEventLoop();
    }
  };
  try {
    await Promise.all([
      ...Array.from({ length: Math.min(window, chunks.length) }, lane),
      meanwhile(),
    ]);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  options.signal?.throwIfAborted();
  if (failure !== null) throw failure;
}

/** Wraps one way of running a task into "run chunk c, retrying it once after a failure". */
function retrying<Task, Result>(
  work: ChunkWork<Task, Result>,
  options: ChunkRunOptions<Task, Result>,
  execute: (task: Task) => Promise<Result>,
): (chunk: number) => Promise<Result> {
  const offset = options.offset ?? 0;
  const where = (chunk: number) =>
    options.owner === undefined
      ? `chunk ${offset + chunk}`
      : `chunk ${offset + chunk} (${options.owner}, its chunk ${chunk})`;
  return async (chunk) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await execute(work.task(chunk, attempt));
      } catch (error) {
        // Cancellation (ours, or the pool stopping after another chunk failed) is not a fault.
        if (options.signal?.aborted) throw error;
        if (attempt >= 1) throw new ChunkFailure(offset + chunk, where(chunk), error);
        options.onRetry?.(
          `${where(chunk)} failed (${oneLine(error instanceof Error ? error.message : String(error))}); running it once more`,
        );
      }
    }
  };
}
