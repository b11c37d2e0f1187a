import { isMainThread } from 'node:worker_threads';
import type { ChunkResult } from './chunk-result.ts';
import { runChunk } from './run-chunk.ts';
import type { SimulationConfig } from './simulation-config.ts';
import { type Fault, TEST_FAULT_VARIABLE } from './test-fault.ts';

/** One unit of scheduled work: chunk `chunk` of a simulation, and a test fault to inject. */
export interface ChunkTask {
  readonly config: SimulationConfig;
  readonly chunk: number;
  /** Set only by the test hook `testFault`. */
  readonly fault?: Fault;
}

/**
 * Runs a {@link ChunkTask}: `runChunk(config, chunk)` (MATH.md §6), the same pure function in a
 * worker thread (see `createSimulationPool`) and in this thread. An injected fault makes it throw,
 * or, for `exit` in a worker thread, end that thread as a crash would.
 */
export function runChunkTask(task: ChunkTask): ChunkResult {
  if (task.fault === 'exit' && !isMainThread) process.exit(1);
  if (task.fault !== undefined) {
    throw new Error(`injected fault (${TEST_FAULT_VARIABLE})`);
  }
  return runChunk(task.config, task.chunk);
}
