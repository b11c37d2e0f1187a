import { InputError } from '../errors/index.ts';
import {
  buildSimulation,
  type ChunkResult,
  chunkCount,
  parseChunkResult,
  type Simulation,
} from '../estimators/index.ts';
import type { Check } from './check.ts';

/** One simulation of a battery, placed in the battery's chunk numbering. */
export interface PlannedSimulation {
  /** Index of its check in the battery. */
  readonly check: number;
  /** Built once, for the run's seed; the run, its shards and their merge all use it. */
  readonly simulation: Simulation;
  /** The closed form to compare with instead of the simulation's own, if the check sets one. */
  readonly closedForm?: () => ArrayLike<number>;
  /** Battery-wide index of its chunk 0: its chunk `c` is the battery's chunk `first + c`. */
  readonly first: number;
  /** Its number of chunks, `chunkCount(simulation.config)`. */
  readonly chunks: number;
}

/** A battery laid out for a run: every simulation of every Monte Carlo check, numbered. */
export interface BatteryPlan {
  readonly checks: readonly Check[];
  readonly seed: string | number;
  /** In battery order: check by check, each check's simulations in its own order. */
  readonly simulations: readonly PlannedSimulation[];
  /** Chunks of the whole battery: `0..chunks-1`, one index space for every simulation. */
  readonly chunks: number;
}

/**
 * Lays out a battery for a run with `seed` (docs/theory.md §6): builds every simulation of every
 * Monte Carlo check, once, and numbers their chunks globally, check by check in battery order, so that
 * one index space (and one checkpoint, one set of shards) covers the whole battery. Chunk `g`
 * is chunk `g - first` of the simulation whose range holds it; its random numbers come from that
 * simulation's own substream, so the numbering never changes a result.
 *
 * Throws an Error for duplicate check ids or simulation streams (they name the substreams), and
 * an InputError for a simulation that does not resolve.
 */
export function planBattery(checks: readonly Check[], seed: string | number): BatteryPlan {
  const ids = new Set<string>();
  const streams = new Set<string>();
  const simulations: PlannedSimulation[] = [];
  let chunks = 0;
  for (const [index, check] of checks.entries()) {
    if (ids.has(check.id)) throw new Error(`duplicate check id '${check.id}'`);
    ids.add(check.id);
    if (check.kind !== 'monte-carlo') continue;
    for (const { input, closedForm } of check.simulations) {
      if (streams.has(input.stream))
        throw new Error(`duplicate simulation stream '${input.stream}'`);
      streams.add(input.stream);
      const simulation = buildSimulation({ ...input, seed });
      const count = chunkCount(simulation.config);
      simulations.push({ check: index, simulation, closedForm, first: chunks, chunks: count });
      chunks += count;
    }
  }
  return { checks, seed, simulations, chunks };
}

/**
 * Reads stored chunk results of a battery run (a checkpoint's chunks, or the chunks gathered
 * from shards) back into {@link ChunkResult}s by battery-wide index: each must be a chunk index
 * of `plan` and hold exactly that chunk of its simulation (`parseChunkResult`). Anything else is
 * a one-line {@link InputError} naming `source` and the chunk.
 */
export function batteryChunks(
  plan: BatteryPlan,
  stored: Iterable<readonly [number, unknown]>,
  source: string,
): Map<number, ChunkResult> {
  const chunks = new Map<number, ChunkResult>();
  for (const [index, value] of stored) {
    const simulation = plan.simulations.find((s) => index >= s.first && index < s.first + s.chunks);
    if (simulation === undefined) {
      throw new InputError(`${source}: chunk ${index} is not a chunk of this battery`);
    }
    chunks.set(
      index,
      parseChunkResult(value, index - simulation.first, `${source}: chunk ${index}`),
    );
  }
  return chunks;
}
