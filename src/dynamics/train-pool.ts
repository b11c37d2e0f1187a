import { type ChunkRunOptions, runChunkTasks } from '../estimators/run-chunks.ts';
import { createWorkerPool } from '../estimators/simulation-pool.ts';
import { runTrainChunk, type TrainChunkResult } from './train-chunk.ts';
import type { TrainConfig } from './train-config.ts';

/** One unit of scheduled work: chunk `chunk` of a training run. */
export interface TrainTask {
  readonly config: TrainConfig;
  readonly chunk: number;
}

/** Runs a {@link TrainTask}: the same pure `runTrainChunk` in a worker and in this thread. */
export function runTrainTask(task: TrainTask): TrainChunkResult {
  return runTrainChunk(task.config, task.chunk);
}

/** Where and how {@link runTrainChunks} runs chunks (threads, cancellation, retries). */
export type RunTrainChunksOptions = Pick<
  ChunkRunOptions<TrainTask, TrainChunkResult>,
  'threads' | 'signal' | 'onRetry'
>;

/**
 * Runs the chunks `chunks` of a training run (docs/theory.md §8) in this thread or on a pool of
 * `threads` workers running this module's {@link runTrainTask}, handing each result to
 * `onResult` as it completes; the estimators' `runChunkTasks` schedules them (at most 2 per
 * thread in flight, one retry per chunk, cancellation). Each chunk's numbers depend only on the
 * config and its index, so the thread count never changes a result.
 */
export function runTrainChunks(
  config: TrainConfig,
  chunks: readonly number[],
  onResult: (result: TrainChunkResult) => void,
  options: RunTrainChunksOptions = {},
): Promise<void> {
  return runChunkTasks(
    {
      task: (chunk) => ({ config, chunk }),
      runHere: runTrainTask,
      createPool: (threads) =>
        createWorkerPool(new URL('./train-pool', import.meta.url), 'runTrainTask', threads),
    },
    chunks,
    onResult,
    options,
  );
}
