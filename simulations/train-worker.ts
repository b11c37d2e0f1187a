// A piscina worker (see src/dynamics/train-pool.ts): one task is one chunk of a training run,
// computed by the same `runTrainChunk` as the in-process path.
import { runTrainTask } from '../src/dynamics/train-pool.ts';

export default runTrainTask;
