import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { InputError } from '../errors/input-error.ts';
import { chunkCount } from './chunk-count.ts';
import type { ChunkResult } from './chunk-result.ts';
import { mergeChunkResults } from './merge-chunk-results.ts';
import { runChunk } from './run-chunk.ts';
import {
  resolveSimulation,
  type SimulationConfig,
  type SimulationInput,
} from './simulation-config.ts';
import { createSimulationPool, type SimulationPool } from './simulation-pool.ts';
import {
  type ComparisonOptions,
  type SimulationResult,
  summarizeSimulation,
} from './summarize-simulation.ts';

/** Progress of a simulation, reported after every completed chunk. */
export interface SimulationProgress {
  readonly chunksDone: number;
  readonly chunks: number;
  readonly groupsDone: number;
  readonly groups: number;
  readonly responses: number;
  readonly seconds: number;
}

export interface SimulateOptions extends ComparisonOptions {
  /** Worker threads; default 1, which runs in this thread. Ignored when `pool` is given. */
  readonly threads?: number;
  /** A pool to run on (kept running afterwards), e.g. shared by the checks of a battery. */
  readonly pool?: SimulationPool;
  /** Cancels the run: it rejects with the signal's reason once running chunks are stopped. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SimulationProgress) => void;
  /** Called with each chunk's result as it completes (in completion order), e.g. to checkpoint. */
  readonly onChunk?: (result: ChunkResult) => void;
  /** Single-chunk results already computed (e.g. from a checkpoint); they are not rerun. */
  readonly completed?: readonly ChunkResult[];
}

/**
 * Runs a simulation (MATH.md §1, §4–6) and compares it with its closed form: Algorithm 1 with a
 * weight scheme, or pure rejection sampling, on a policy, for a number of groups. The run is a
 * fixed list of chunks (`runChunk`), computed in this thread or on a worker pool and merged in
 * chunk order, so the same config gives the same bits for any number of threads.
 *
 * Throws InputError for bad input, and when a pure-rs group hits its draw cap.
 */
export async function simulate(
  input: SimulationInput | SimulationConfig,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  const config = resolveSimulation(input);
  const started = performance.now();
  const chunks = chunkCount(config);
  const results = new Map<number, ChunkResult>();
  for (const done of options.completed ?? []) {
    if (done.first !== done.last) throw new InputError('completed chunks must be single chunks');
    results.set(done.first, done);
  }
  let merged: ChunkResult | null = null;
  let next = 0;
  let groupsDone = 0;
  let responses = 0;
  const accept = (result: ChunkResult) => {
    results.set(result.first, result);
    groupsDone += result.groups;
    responses += result.responses;
    if (result.capped > 0) {
      throw new InputError(
        `pure-rs: a group reached the draw cap of ${config.maxDraws} draws (chunk ${result.first}); raise max-draws or use a policy with larger p`,
      );
    }
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
  const threads = options.pool?.threads ?? options.threads ?? 1;
  if (threads === 1 && !options.pool) {
    for (const chunk of todo) {
      options.signal?.throwIfAborted();
      const result = runChunk(config, chunk);
      options.onChunk?.(result);
      accept(result);
      // Lets timers and signal handlers run between chunks.
      await yieldToEventLoop();
    }
    options.signal?.throwIfAborted();
  } else {
    const pool = options.pool ?? createSimulationPool(threads);
    try {
      await runOnPool(pool, config, todo, options, accept);
    } finally {
      if (!options.pool) await pool.destroy();
    }
  }
  if (merged === null) throw new Error('simulate: no chunk was merged');
  return summarizeSimulation(config, merged, (performance.now() - started) / 1000, options);
}

/** Keeps at most 2 chunks per thread in flight, so memory stays flat in the number of chunks. */
async function runOnPool(
  pool: SimulationPool,
  config: SimulationConfig,
  todo: readonly number[],
  options: SimulateOptions,
  accept: (result: ChunkResult) => void,
): Promise<void> {
  const window = 2 * pool.threads;
  const stop = new AbortController();
  const abort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', abort, { once: true });
  let position = 0;
  let failure: unknown = null;
  const lane = async () => {
    while (position < todo.length && failure === null) {
      const chunk = todo[position++]!;
      try {
        const result = await pool.run(config, chunk, stop.signal);
        options.onChunk?.(result);
        accept(result);
      } catch (error) {
        failure ??= error;
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(window, todo.length) }, lane));
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  options.signal?.throwIfAborted();
  if (failure !== null) throw failure;
}
