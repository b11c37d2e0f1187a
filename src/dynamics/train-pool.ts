import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { InputError, oneLine } from '../errors/input-error.ts';
import { ChunkFailure } from '../estimators/index.ts';
import { runTrainChunk, type TrainChunkResult } from './train-chunk.ts';
import type { TrainConfig } from './train-config.ts';

/**
 * Whether this module runs from its TypeScript source (tests, development) rather than from the
 * compiled package: only then do worker threads need tsx to load it (as the simulation pool's).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The worker module, this one: each task calls its export {@link runTrainTask}. */
const WORKER = new URL(`./train-pool.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url).href;

/** One unit of scheduled work: chunk `chunk` of a training run. */
export interface TrainTask {
  readonly config: TrainConfig;
  readonly chunk: number;
}

/** Runs a {@link TrainTask}: the same pure `runTrainChunk` in a worker and in this thread. */
export function runTrainTask(task: TrainTask): TrainChunkResult {
  return runTrainChunk(task.config, task.chunk);
}

/** Where and how {@link runTrainChunks} runs chunks. */
export interface RunTrainChunksOptions {
  /** Worker threads; default 1, which runs in this thread. */
  readonly threads?: number;
  /** Cancels the run: it rejects with the signal's reason once running chunks are stopped. */
  readonly signal?: AbortSignal;
  /** Told, in one line, about a chunk that failed once and is run again. */
  readonly onRetry?: (message: string) => void;
}

/**
 * Runs the chunks `chunks` of a training run (MATH.md §8) in this thread or on a piscina pool of
 * `threads` workers, handing each result to `onResult` as it completes. Each chunk's numbers
 * depend only on the config and its index, so the thread count never changes a result. At most
 * 2 chunks per thread are in flight. A chunk whose task throws or whose worker dies is run once
 * more (same seed, same result); a second failure rejects with a `ChunkFailure` naming it.
 * Workers run the compiled module (the sources under tsx in development), as the simulation
 * pool's do.
 */
export async function runTrainChunks(
  config: TrainConfig,
  chunks: readonly number[],
  onResult: (result: TrainChunkResult) => void,
  options: RunTrainChunksOptions = {},
): Promise<void> {
  const threads = options.threads ?? 1;
  const limit = Math.max(64, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1 || threads > limit) {
    throw new InputError(`threads must be an integer in 1..${limit}, got ${threads}`);
  }
  const retrying =
    (execute: (task: TrainTask) => Promise<TrainChunkResult>, signal?: AbortSignal) =>
    async (chunk: number): Promise<TrainChunkResult> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await execute({ config, chunk });
        } catch (error) {
          if (signal?.aborted) throw error;
          if (attempt >= 1) throw new ChunkFailure(chunk, `chunk ${chunk}`, error);
          options.onRetry?.(
            `chunk ${chunk} failed (${oneLine(error instanceof Error ? error.message : String(error))}); running it once more`,
          );
        }
      }
    };
  if (threads === 1) {
    const run = retrying(async (task) => runTrainTask(task), options.signal);
    for (const chunk of chunks) {
      options.signal?.throwIfAborted();
      onResult(await run(chunk));
      await yieldToEventLoop();
    }
    options.signal?.throwIfAborted();
    return;
  }
  const pool = new Piscina({
    filename: WORKER,
    name: 'runTrainTask',
    minThreads: threads,
    maxThreads: threads,
    execArgv: FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : [],
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const stop = new AbortController();
  const abort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', abort, { once: true });
  const run = retrying(
    (task) => pool.run(task, { signal: stop.signal }) as Promise<TrainChunkResult>,
    stop.signal,
  );
  let position = 0;
  let failure: unknown = null;
  const lane = async () => {
    while (position < chunks.length && failure === null) {
      const chunk = chunks[position++]!;
      try {
        onResult(await run(chunk));
      } catch (error) {
        failure ??= error;
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(2 * threads, chunks.length) }, lane));
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pool.destroy();
  }
  options.signal?.throwIfAborted();
  if (failure !== null) throw failure;
}
