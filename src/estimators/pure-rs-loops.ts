import type { Policy } from '../policies/index.ts';
import { UNIFORM_BUFFER, type UniformStream } from '../rng/index.ts';
import type { VectorMoments } from '../stats/index.ts';
import { promptBlocks, putZeros } from './prompt-blocks.ts';

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
 * Pure rejection sampling (docs/theory.md §4) for `groups` groups of any policy: draw the group's
 * prompt (a corpus), then responses one at a time until `B` are correct; push
 * `g = (1/B) sum_b grad log pi(y^(b))` over the correct ones into `moments` (the prompt's
 * sampler keeps the draws as counts, weighs the wrong ones 0 and the correct ones 1, and sends
 * each component to `moments` as it computes it) and the
 * number of draws `N` into `drawMoments`. A group that reaches `maxDraws` draws stops the run:
 * it is not pushed, and `capped` is 1.
 */
export function pureRsGroups(
  policy: Policy,
  B: number,
  maxDraws: number,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
  drawMoments: VectorMoments,
): PureRsCounts {
  const sampler = policy.sampler();
  const samplers = sampler.prompts;
  const blocks = promptBlocks(policy);
  const dim = policy.dim;
  const correctOnly = Float64Array.of(0, 1);
  const draws = new Float64Array(1);
  const counts: PureRsCounts = { groups: 0, draws: 0, capped: 0 };
  for (let n = 0; n < groups; n++) {
    const x = sampler.prompt(u);
    const prompt = samplers[x]!;
    let correct = 0;
    let drawn = 0;
    while (correct < B) {
      if (drawn === maxDraws) {
        counts.draws += drawn;
        counts.capped = 1;
        return counts;
      }
      drawn++;
      const uniforms = u.take(prompt.width);
      correct += prompt.draw(uniforms, u.at, 1);
    }
    moments.next();
    prompt.update(correctOnly, 1 / B, moments, blocks[x]!);
    putZeros(moments, blocks, x, dim);
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
