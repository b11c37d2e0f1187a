import { isMainThread } from 'node:worker_threads';
import { UniformStream } from '../rng/uniform-stream.ts';
import type { ChunkResult } from './chunk-result.ts';
import { chunkCount, resolvedSimulation, type SimulationConfig } from './simulation-config.ts';

/**
 * Runs chunk `chunkIndex` of a simulation (docs/theory.md §1, §4, §6): a pure function of the config
 * and the index. Its groups are `chunkIndex·chunkGroups ..` up to `groups`, drawn from the
 * uniform stream `substream(seed, stream, chunkIndex, 'lane', l)` by the simulation's loop
 * (`resolvedSimulation`); the result is the mergeable {@link ChunkResult}.
 */
export function runChunk(config: SimulationConfig, chunkIndex: number): ChunkResult {
  const chunks = chunkCount(config);
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= chunks) {
    throw new RangeError(`runChunk: chunk ${chunkIndex} is outside 0..${chunks - 1}`);
  }
  const groups = Math.min(config.chunkGroups, config.groups - chunkIndex * config.chunkGroups);
  const u = new UniformStream(config.seed, config.stream, chunkIndex);
  const run = resolvedSimulation(config).loop(groups, u);
  return {
    first: chunkIndex,
    last: chunkIndex,
    groups: run.groups,
    responses: run.responses,
    gradient: run.gradient.toJSON(),
    draws: run.draws === null ? null : run.draws.toJSON(),
    capped: run.capped,
  };
}

/** How an injected fault breaks a chunk: the task throws, or its worker thread exits. */
export type Fault = 'throw' | 'exit';

/**
 * Which attempts of which chunks fail, for tests of the retry and resume machinery: the fault
 * of attempt `attempt` (0, then 1 for the retry) at chunk `chunk` (numbered as in the run's
 * checkpoint: a simulation's own chunks, or the battery-wide index of `verify`), or undefined.
 * A run is given one through its `faults` option; by default nothing fails.
 */
export type FaultPlan = (chunk: number, attempt: number) => Fault | undefined;

/** One unit of scheduled work: chunk `chunk` of a simulation, and a fault to inject. */
export interface ChunkTask {
  readonly config: SimulationConfig;
  readonly chunk: number;
  /** Set only when the run's {@link FaultPlan} says so. */
  readonly fault?: Fault;
}

/**
 * Runs a {@link ChunkTask}: `runChunk(config, chunk)` (docs/theory.md §6), the same pure function in a
 * worker thread (see `createSimulationPool`) and in this thread. An injected fault makes it throw,
 * or, for `exit` in a worker thread, end that thread as a crash would. The decision was made
 * where the chunk was scheduled and travels with the task, so it is the same whichever worker
 * runs it.
 */
export function runChunkTask(task: ChunkTask): ChunkResult {
  if (task.fault === 'exit' && !isMainThread) process.exit(1);
  if (task.fault !== undefined) throw new Error('injected fault');
  return runChunk(task.config, task.chunk);
}
