import type { Sampler } from '../policies/policy.ts';
import type { UniformStream } from '../rng/uniform-stream.ts';
import type { Scheme } from '../schemes/scheme.ts';
import type { VectorMoments } from '../stats/vector-moments.ts';

/**
 * Runs Algorithm 1 (MATH.md §1) for `groups` groups of any policy and pushes each group's update
 * `g = (1/M) sum_i Z_i grad log pi(y_i)` into `moments`: draw `M` responses, get `R_i` from the
 * verifier, compute `Z_i` with the scheme's native group formula (`advantagesInto`, never the
 * a/b tables), accumulate the scores. `g` is the buffer the sampler was made with; no allocation
 * per group.
 */
export function algorithm1Groups(
  sampler: Sampler,
  g: Float64Array,
  scheme: Scheme,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
): void {
  const M = scheme.M;
  const invM = 1 / M;
  const rewards = new Float64Array(M);
  const weights = new Float64Array(M);
  for (let n = 0; n < groups; n++) {
    sampler.beginGroup(u);
    for (let i = 0; i < M; i++) rewards[i] = sampler.draw(u, i);
    scheme.advantagesInto(rewards, weights);
    g.fill(0);
    for (let i = 0; i < M; i++) {
      const w = weights[i]!;
      if (w !== 0) sampler.addScore(i, w * invM);
    }
    sampler.flush();
    moments.push(g);
  }
}
