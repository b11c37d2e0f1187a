import type { UniformStream } from '../rng/uniform-stream.ts';
import type { VectorMoments } from '../stats/vector-moments.ts';
import type { PureRsCounts } from './pure-rs-groups.ts';

/**
 * Pure rejection sampling (MATH.md §4) on the Bernoulli-logistic policy (§5), specialised: one
 * uniform per draw from the buffer, branch-free `R = 1[u < p]`. Every correct draw has score
 * `1 - p`, so `g = (1/B) · B (1 - p)`; the draw count `N` is the random part. Same uniforms and
 * same stopping rule as the generic {@link pureRsGroups}.
 */
export function pureRsBernoulli(
  p: number,
  B: number,
  maxDraws: number,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
  drawMoments: VectorMoments,
): PureRsCounts {
  const g = new Float64Array(1);
  const draws = new Float64Array(1);
  const counts: PureRsCounts = { groups: 0, draws: 0, capped: 0 };
  const buffer = u.buffer;
  // The buffer's length, not the imported UNIFORM_BUFFER: piscina loads the workers through
  // tsx's CommonJS hook, where an imported constant is a getter call on every read (2.8x slower
  // per chunk at M = 8 than on the main thread).
  const end = buffer.length;
  let k = u.index;
  for (let n = 0; n < groups; n++) {
    let correct = 0;
    let drawn = 0;
    while (correct < B) {
      if (drawn === maxDraws) {
        u.index = k;
        counts.draws += drawn;
        counts.capped = 1;
        return counts;
      }
      if (k === end) {
        u.refill();
        k = 0;
      }
      correct += 0 - Math.floor(buffer[k++]! - p);
      drawn++;
    }
    g[0] = (correct * (1 - p)) / B;
    moments.push(g);
    draws[0] = drawn;
    drawMoments.push(draws);
    counts.groups++;
    counts.draws += drawn;
  }
  u.index = k;
  return counts;
}
