import { runIdentity } from '../checkpoint/index.ts';
import { SIMULATE_DEFAULTS } from '../defaults/index.ts';
import {
  type CheckpointOptions,
  checkpointedRun,
  type RunEvents,
  withRunLock,
} from './checkpointed-run.ts';
import { parseChunkResult } from './chunk-result.ts';
import type { FaultInjection } from './run-chunks.ts';
import { runSimulation, type SimulationProgress } from './run-simulation.ts';
import { chunkCount } from './simulation-config.ts';
import { buildSimulation, type SimulationInput } from './simulation-input.ts';
import type { SimulationPool } from './simulation-pool.ts';
import type { ComparisonOptions, SimulationResult } from './simulation-verdict.ts';

/**
 * What {@link simulate} is asked for: the simulation itself (`SimulationInput`: estimator,
 * scheme and `M` or `B`, policy, groups, seed), how its estimate is compared with the closed
 * form, where it runs, and where it keeps its completed chunks.
 */
export interface SimulateOptions
  extends SimulationInput,
    ComparisonOptions,
    CheckpointOptions,
    RunEvents,
    FaultInjection {
  /** Worker threads; default `SIMULATE_DEFAULTS.threads` (1: this thread). */
  readonly threads?: number;
  /** A worker pool to run on instead (kept running afterwards), e.g. one shared by many runs. */
  readonly pool?: SimulationPool;
  /**
   * With `pool`: this thread computes too, throughout the run, beside the pool's workers (a pool
   * of the run's threads but one, started early: `simulate --threads`); default false.
   */
  readonly computeHere?: boolean;
  /** Told after every completed chunk. */
  readonly onProgress?: (progress: SimulationProgress) => void;
}

/**
 * `rl-objective simulate` as a function: runs Algorithm 1 with a weight scheme, or pure
 * rejection sampling, on a policy for a number of groups, response by response, and compares
 * the mean update with its closed form (docs/theory.md §1, §4–6): `h_M'(p) grad p`, or
 * `grad p / p` for pure-rs.
 *
 * The input is validated once, before any work; the run is a fixed list of chunks merged in
 * chunk order, so the same options give the same bits for any number of threads and across
 * resumes. With `checkpoint` every completed chunk is kept there (under the directory's lock)
 * until the run completes, and `resume` continues from them.
 *
 * Throws an InputError for bad input (and when a pure-rs group hits its draw cap); a
 * `StoppedRun` when cancelled through `signal` or when a chunk fails twice.
 */
export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const simulation = buildSimulation(options);
  const { config } = simulation;
  const dir = options.checkpoint;
  const run = () =>
    checkpointedRun(
      dir === undefined
        ? undefined
        : {
            dir,
            identity: runIdentity({
              kind: 'simulate',
              config,
              seed: config.seed,
              chunks: chunkCount(config),
            }),
            resume: options.resume === true,
          },
      options.signal,
      (work) =>
        runSimulation(simulation, {
          ...options,
          threads: options.threads ?? SIMULATE_DEFAULTS.threads,
          completed: [...work.completed].map(([index, stored]) =>
            parseChunkResult(stored, index, `checkpoint '${dir}': chunk ${index}`),
          ),
          onChunk: (chunk) => work.onChunk(chunk.first, chunk),
          onRetry: options.onWarning,
        }),
    );
  return dir === undefined ? run() : withRunLock(dir, { ...options, removeIfEmpty: true }, run);
}
