import { isMainThread } from 'node:worker_threads';
import { InputError } from '../errors/input-error.ts';
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

/** One unit of scheduled work: chunk `chunk` of a simulation, and a test fault to inject. */
export interface ChunkTask {
  readonly config: SimulationConfig;
  readonly chunk: number;
  /** Set only by the test hook {@link testFault}. */
  readonly fault?: Fault;
}

/**
 * Runs a {@link ChunkTask}: `runChunk(config, chunk)` (docs/theory.md §6), the same pure function in a
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

/** The environment variable of the test hook {@link testFault}. */
export const TEST_FAULT_VARIABLE = 'RL_OBJECTIVE_TEST_FAULT';

/**
 * **Test hook, never for production use.** Reads `RL_OBJECTIVE_TEST_FAULT=MODE:CHUNKS[:TIMES]`
 * (e.g. `throw:3`, `exit:3,7:2`) and says whether attempt `attempt` (0-based) of chunk `chunk`
 * must fail: it does when `chunk` is one of the comma-separated `CHUNKS` and `attempt < TIMES`
 * (default 1, so the retry succeeds). `MODE` `throw` makes the task throw, `exit` makes its worker
 * thread exit (in this thread, where exiting would end the process, it throws instead).
 *
 * Chunks are numbered as in the run's checkpoint: a simulation's own chunks, or the battery-wide
 * index of `verify`. The decision is made where the chunk is scheduled and travels with the task,
 * so it is the same whichever worker runs it. Unset (the normal case), nothing ever fails; a
 * malformed value is an {@link InputError}, so a typo cannot pass silently.
 */
export function testFault(chunk: number, attempt: number): Fault | undefined {
  const text = process.env[TEST_FAULT_VARIABLE];
  if (text === undefined || text === '') return undefined;
  const match = /^(throw|exit):(\d+(?:,\d+)*)(?::(\d+))?$/.exec(text);
  if (match === null) {
    throw new InputError(
      `${TEST_FAULT_VARIABLE} must be MODE:CHUNKS[:TIMES] with MODE throw or exit, e.g. throw:3 or exit:3,7:2; got '${text}'`,
    );
  }
  const chunks = match[2]!.split(',').map(Number);
  const times = match[3] === undefined ? 1 : Number(match[3]);
  return chunks.includes(chunk) && attempt < times ? (match[1] as Fault) : undefined;
}
