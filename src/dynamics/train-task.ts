import { announceLoaded } from '../estimators/index.ts';
import { runTrainChunk, type TrainChunkResult } from './train-chunk.ts';
import type { TrainConfig } from './train-config.ts';

// The module each worker thread of a training pool loads (train-pool.ts names it by path): it
// holds the task alone, so that a worker loads the chunk's computation and not the pool's
// scheduling.

/** One unit of scheduled work: chunk `chunk` of a training run. */
export interface TrainTask {
  readonly config: TrainConfig;
  readonly chunk: number;
}

/** Runs a {@link TrainTask}: the same pure `runTrainChunk` in a worker and in this thread. */
export function runTrainTask(task: TrainTask): TrainChunkResult {
  return runTrainChunk(task.config, task.chunk);
}

// The last statement: a pool's worker has loaded this module and everything it imports.
announceLoaded();
