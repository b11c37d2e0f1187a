import { InputError } from '../errors/index.ts';
import { type ChunkResult, mergeChunkResults, requireUncapped } from './chunk-result.ts';
import { type RunChunksOptions, runChunks } from './run-chunks.ts';
import { chunkCount, type Simulation } from './simulation-config.ts';
import {
  type ComparisonOptions,
  type SimulationResult,
  summarizeSimulation,
} from './simulation-verdict.ts';

/** Progress of a simulation, reported after every completed chunk. */
export interface SimulationProgress {
  readonly chunksDone: number;
  readonly chunks: number;
  readonly groupsDone: number;
  readonly groups: number;
  readonly responses: number;
  readonly seconds: number;
}

/**
 * How {@link runSimulation} runs (threads, pool, cancellation, retries: `runChunks`) and
 * compares.
 */
export interface RunSimulationOptions extends ComparisonOptions, RunChunksOptions {
  readonly onProgress?: (progress: SimulationProgress) => void;
  /** Called with each chunk's result as it completes (in completion order), e.g. to checkpoint. */
  readonly onChunk?: (result: ChunkResult) => void;
  /** Single-chunk results already computed (e.g. from a checkpoint); they are not rerun. */
  readonly completed?: readonly ChunkResult[];
}

/**
 * Runs a simulation (docs/theory.md §1, §4–6) and compares it with its closed form:
 * Algorithm 1 with a weight scheme, or pure rejection sampling, on a policy, for a number of
 * groups. The run is a fixed list of chunks (`runChunk`), computed in this thread or on a worker
 * pool and merged in chunk order, so the same config gives the same bits for any number of
 * threads, and chunks taken from a checkpoint (`completed`) give the same bits as chunks
 * computed now.
 *
 * Throws InputError when a pure-rs group hits its draw cap; a `ChunkFailure` when a chunk fails
 * twice (`runChunks` retries it once).
 */
export async function runSimulation(
  simulation: Simulation,
  options: RunSimulationOptions = {},
): Promise<SimulationResult> {
  const { config } = simulation;
  const started = performance.now();
  const chunks = chunkCount(config);
  const results = new Map<number, ChunkResult>();
  for (const done of options.completed ?? []) {
    if (done.first !== done.last || !(done.first >= 0 && done.first < chunks)) {
      throw new InputError(`completed chunks must be single chunks in 0..${chunks - 1}`);
    }
    results.set(done.first, done);
  }
  let merged: ChunkResult | null = null;
  let next = 0;
  let groupsDone = 0;
  let responses = 0;
  let computed = 0;
  const accept = (result: ChunkResult) => {
    results.set(result.first, result);
    groupsDone += result.groups;
    responses += result.responses;
    requireUncapped(config, result);
    while (results.has(next)) {
      const r = results.get(next)!;
      merged = merged === null ? r : mergeChunkResults(merged, r);
      results.delete(next);
      next++;
    }
    options.onProgress?.({
      chunksDone: next + results.size,
      chunks,
      groupsDone,
      groups: config.groups,
      responses,
      seconds: (performance.now() - started) / 1000,
    });
  };
  const todo = Array.from({ length: chunks }, (_, i) => i).filter((i) => !results.has(i));
  for (const r of [...results.values()]) {
    results.delete(r.first);
    accept(r);
  }
  await runChunks(
    simulation,
    todo,
    (result) => {
      options.onChunk?.(result);
      computed += result.responses;
      accept(result);
    },
    options,
  );
  if (merged === null) throw new Error('simulate: no chunk was merged');
  const seconds = (performance.now() - started) / 1000;
  return summarizeSimulation(simulation, merged, seconds, options, computed);
}
