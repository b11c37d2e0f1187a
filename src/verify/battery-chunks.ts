import { InputError } from '../errors/input-error.ts';
import { type ChunkResult, parseChunkResult } from '../estimators/index.ts';
import type { BatteryPlan } from './plan-battery.ts';

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
