import type { Sampler } from '../policies/policy.ts';
import type { UniformStream } from '../rng/uniform-stream.ts';
import type { VectorMoments } from '../stats/vector-moments.ts';

/** What a run of pure rejection sampling groups reports besides the moments. */
export interface PureRsCounts {
  /** Groups completed (pushed into the moments). */
  groups: number;
  /** Responses drawn, the capped group's included. */
  draws: number;
  /** 1 when a group hit the draw cap (the run stops there), else 0. */
  capped: number;
}

/**
 * Pure rejection sampling (MATH.md §4) for `groups` groups of any policy: draw until `B`
 * responses are correct, push `g = (1/B) sum_b grad log pi(y^(b))` over the correct ones into
 * `moments` and the number of draws `N` into `drawMoments`. A group that reaches `maxDraws`
 * draws stops the run: it is not pushed, and `capped` is 1.
 */
export function pureRsGroups(
  sampler: Sampler,
  g: Float64Array,
  B: number,
  maxDraws: number,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
  drawMoments: VectorMoments,
): PureRsCounts {
  const invB = 1 / B;
  const draws = new Float64Array(1);
  const counts: PureRsCounts = { groups: 0, draws: 0, capped: 0 };
  for (let n = 0; n < groups; n++) {
    sampler.beginGroup(u);
    g.fill(0);
    let correct = 0;
    let drawn = 0;
    while (correct < B) {
      if (drawn === maxDraws) {
        counts.draws += drawn;
        counts.capped = 1;
        return counts;
      }
      drawn++;
      if (sampler.draw(u, 0) === 1) {
        sampler.addScore(0, invB);
        correct++;
      }
    }
    sampler.flush();
    moments.push(g);
    draws[0] = drawn;
    drawMoments.push(draws);
    counts.groups++;
    counts.draws += drawn;
  }
  return counts;
}
