import { isMainThread } from 'node:worker_threads';
import { UniformStream } from '../rng/index.ts';
import type { ChunkResult } from './chunk-result.ts';
import {
  chunkCount,
  rebuildSimulation,
  type Simulation,
  type SimulationConfig,
} from './simulation-config.ts';
import { announceLoaded } from './worker-loaded.ts';

/**
 * Runs chunk `chunkIndex` of a simulation (docs/theory.md §1, §4, §6): a pure function of its
 * config and the index. Its groups are `chunkIndex·chunkGroups ..` up to `groups`, drawn from the
 * uniform stream `substream(seed, stream, chunkIndex, 'lane', l)` by the simulation's loop; the
 * result is the mergeable {@link ChunkResult}.
 */
export function runChunk(simulation: Simulation, chunkIndex: number): ChunkResult {
  const { config } = simulation;
  const chunks = chunkCount(config);
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= chunks) {
    throw new RangeError(`runChunk: chunk ${chunkIndex} is outside 0..${chunks - 1}`);
  }
  const groups = Math.min(config.chunkGroups, config.groups - chunkIndex * config.chunkGroups);
  const u = new UniformStream(config.seed, config.stream, chunkIndex);
  const run = simulation.loop(groups, u);
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
 * Breaks the chunk of `task` if the run's fault plan said so: throws, or, for `exit` in a worker
 * thread, ends that thread as a crash would. The decision was made where the chunk was scheduled
 * and travels with the task, so it is the same whichever thread runs it.
 */
export function injectFault(task: ChunkTask): void {
  if (task.fault === 'exit' && !isMainThread) process.exit(1);
  if (task.fault !== undefined) throw new Error('injected fault');
}

// The simulation this worker built last, by its config's JSON: a worker receives only configs,
// and consecutive tasks are mostly chunks of one run, whose policy may take long to build (a
// sequence policy enumerates up to 1e5 responses). Results never depend on it.
let last: { readonly key: string; readonly simulation: Simulation } | undefined;

/**
 * Runs a {@link ChunkTask} in a worker thread (see `createSimulationPool`): `runChunk` on the
 * simulation its config describes (docs/theory.md §6), the same pure function a run in this
 * thread calls on the simulation it holds, after {@link injectFault}.
 */
export function runChunkTask(task: ChunkTask): ChunkResult {
  injectFault(task);
  const key = JSON.stringify(task.config);
  if (last?.key !== key) last = { key, simulation: rebuildSimulation(task.config) };
  return runChunk(last.simulation, task.chunk);
}

// The last statement: a pool's worker has loaded this module and everything it imports.
announceLoaded();
