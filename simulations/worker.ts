// A piscina worker (see src/estimators/simulation-pool.ts): one task is one chunk of a
// simulation, computed by the same `runChunkTask` as the in-process path.
import { runChunkTask } from '../src/estimators/chunk-task.ts';

export default runChunkTask;
