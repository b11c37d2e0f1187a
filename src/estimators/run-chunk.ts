import { UniformStream } from '../rng/uniform-stream.ts';
import type { ChunkResult } from './chunk-result.ts';
import { chunkCount, resolvedSimulation, type SimulationConfig } from './simulation-config.ts';

/**
 * Runs chunk `chunkIndex` of a simulation (MATH.md §1, §4, §6): a pure function of the config
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
