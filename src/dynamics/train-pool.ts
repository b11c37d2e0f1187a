import { type ChunkRunOptions, createWorkerPool, runChunkTasks } from '../estimators/index.ts';
import type { TrainChunkResult } from './train-chunk.ts';
import type { TrainConfig } from './train-config.ts';
import { runTrainTask, type TrainTask } from './train-task.ts';

/** Where and how {@link runTrainChunks} runs chunks (threads, cancellation, retries). */
export type RunTrainChunksOptions = Pick<
  ChunkRunOptions<TrainTask, TrainChunkResult>,
  'threads' | 'signal' | 'onRetry'
>;

/**
 * Runs the chunks `chunks` of a training run (docs/theory.md §8) in this thread or on a pool of
 * `threads` workers running `runTrainTask` (train-task.ts), handing each result to
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
      createPool: (threads, tasksPerWorker) =>
        createWorkerPool(
          new URL('./train-task', import.meta.url),
          'runTrainTask',
          threads,
          tasksPerWorker,
        ),
    },
    chunks,
    onResult,
    options,
  );
}
