import { buildPolicy } from '../policies/build-policy.ts';
import type { Policy } from '../policies/policy.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import { scheme as buildScheme } from '../schemes/index.ts';
import type { Scheme } from '../schemes/scheme.ts';
import { VectorMoments } from '../stats/vector-moments.ts';
import { algorithm1Bernoulli } from './algorithm1-bernoulli.ts';
import { algorithm1Groups } from './algorithm1-groups.ts';
import { chunkCount } from './chunk-count.ts';
import type { ChunkResult } from './chunk-result.ts';
import { pureRsBernoulli } from './pure-rs-bernoulli.ts';
import { pureRsGroups } from './pure-rs-groups.ts';
import type { SimulationConfig } from './simulation-config.ts';

interface Built {
  readonly policy: Policy;
  readonly scheme: Scheme | null;
}

// Building a sequence policy enumerates up to 1e5 responses; a worker runs many chunks of the
// same config, so the last few builds are kept. The result does not depend on the cache.
const cache = new Map<string, Built>();
const CACHE_SIZE = 8;

function built(config: SimulationConfig): Built {
  const key = JSON.stringify([config.policy, config.scheme, config.M]);
  let entry = cache.get(key);
  if (!entry) {
    const policy = buildPolicy(config.policy);
    const scheme = config.scheme === null ? null : buildScheme(config.scheme, config.M!);
    entry = { policy, scheme };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  return entry;
}

/**
 * Runs chunk `chunkIndex` of a simulation (MATH.md §1, §4, §6): a pure function of the config
 * and the index. Its groups are `chunkIndex·chunkGroups ..` up to `groups`, drawn from the
 * uniform stream `substream(seed, stream, chunkIndex, 'lane', l)`; the result is the
 * mergeable {@link ChunkResult}. The Bernoulli policy takes a specialised loop; every other
 * policy the generic sampler loop.
 */
export function runChunk(config: SimulationConfig, chunkIndex: number): ChunkResult {
  const chunks = chunkCount(config);
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= chunks) {
    throw new RangeError(`runChunk: chunk ${chunkIndex} is outside 0..${chunks - 1}`);
  }
  const groups = Math.min(config.chunkGroups, config.groups - chunkIndex * config.chunkGroups);
  const { policy, scheme } = built(config);
  const u = new UniformStream(config.seed, config.stream, chunkIndex);
  const gradient = new VectorMoments(policy.dim);
  const fast = policy.kind === 'bernoulli';
  const p = policy.prompts[0]!.p;
  if (config.estimator === 'algorithm1') {
    if (fast) {
      algorithm1Bernoulli(p, scheme!, groups, u, gradient);
    } else {
      const g = new Float64Array(policy.dim);
      algorithm1Groups(policy.sampler(config.M!, g), g, scheme!, groups, u, gradient);
    }
    return {
      first: chunkIndex,
      last: chunkIndex,
      groups,
      responses: groups * config.M!,
      gradient: gradient.toJSON(),
      draws: null,
      capped: 0,
    };
  }
  const draws = new VectorMoments(1);
  let counts: ReturnType<typeof pureRsGroups>;
  if (fast) {
    counts = pureRsBernoulli(p, config.B!, config.maxDraws!, groups, u, gradient, draws);
  } else {
    const g = new Float64Array(policy.dim);
    counts = pureRsGroups(
      policy.sampler(1, g),
      g,
      config.B!,
      config.maxDraws!,
      groups,
      u,
      gradient,
      draws,
    );
  }
  return {
    first: chunkIndex,
    last: chunkIndex,
    groups: counts.groups,
    responses: counts.draws,
    gradient: gradient.toJSON(),
    draws: draws.toJSON(),
    capped: counts.capped,
  };
}
