import { InputError } from '../errors/input-error.ts';
import type { ChunkResult } from './chunk-result.ts';
import type { SimulationConfig } from './simulation-config.ts';

/**
 * Refuses a chunk in which a pure-rs group reached its draw cap (MATH.md §4: the estimator is
 * unbiased only if every group runs until B correct answers), with a one-line
 * {@link InputError} saying how to fix the run. Returns the chunk otherwise.
 */
export function requireUncapped(config: SimulationConfig, result: ChunkResult): ChunkResult {
  if (result.capped > 0) {
    throw new InputError(
      `pure-rs: a group reached the draw cap of ${config.maxDraws} draws (chunk ${result.first}); raise max-draws or use a policy with larger p`,
    );
  }
  return result;
}
