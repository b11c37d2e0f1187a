import type { Sampler } from '../policies/index.ts';
import { UNIFORM_BUFFER, type UniformStream } from '../rng/index.ts';
import type { VectorMoments } from '../stats/index.ts';

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
 * Pure rejection sampling (docs/theory.md §4) for `groups` groups of any policy: draw until `B`
 * responses are correct, push `g = (1/B) sum_b grad log pi(y^(b))` over the correct ones into
 * `moments` and the number of draws `N` into `drawMoments`. A group that reaches `maxDraws`
 * draws stops the run: it is not pushed, and `capped` is 1. The sampler keeps the `b`-th
 * correct response in slot `b` (a wrong one is drawn over), so it needs `B` slots.
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
  const ones = new Float64Array(B).fill(1);
  const draws = new Float64Array(1);
  const counts: PureRsCounts = { groups: 0, draws: 0, capped: 0 };
  for (let n = 0; n < groups; n++) {
    sampler.beginGroup(u);
    let correct = 0;
    let drawn = 0;
    while (correct < B) {
      if (drawn === maxDraws) {
        counts.draws += drawn;
        counts.capped = 1;
        return counts;
      }
      drawn++;
      correct += sampler.draw(u, correct);
    }
    for (let j = 0; j < g.length; j++) g[j] = 0;
    sampler.addScores(ones, B, 1 / B);
    moments.push(g);
    draws[0] = drawn;
    drawMoments.push(draws);
    counts.groups++;
    counts.draws += drawn;
  }
  return counts;
}

/**
 * Pure rejection sampling (docs/theory.md §4) on the Bernoulli-logistic policy (§5), specialised: the
 * rewards `R = 1[u < p]` come straight from the stream (`refillBernoulli`, one uniform per
 * draw). Every correct draw has score `1 - p`, so `g = (1/B) · B (1 - p)`; the draw count `N` is
 * the random part. Same uniforms and same stopping rule as {@link pureRsGroups}.
 *
 * `u` must not have been read yet: it is read as rewards.
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
  if (u.index !== UNIFORM_BUFFER) throw new Error('pureRsBernoulli: the stream was read');
  const g = new Float64Array(1);
  const draws = new Float64Array(1);
  const counts: PureRsCounts = { groups: 0, draws: 0, capped: 0 };
  const rewards = u.rewards;
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
      if (k === UNIFORM_BUFFER) {
        u.refillBernoulli(p);
        k = 0;
      }
      correct += rewards[k++]!;
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
