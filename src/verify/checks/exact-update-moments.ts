import { bernsteinBasis } from '../../math/index.ts';
import type { Scheme } from '../../schemes/index.ts';

/** Mean, variance and fourth central moment of a scalar random variable. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly fourth: number;
}

/**
 * Exact moments of one group's Algorithm 1 update `(1/M) Σ Z_i (R_i - p)` on the Bernoulli
 * logistic policy (MATH.md §5: the score is `R - p`), by enumerating `K ~ Binomial(M, p)` and
 * applying the scheme's native group formula: the update depends on the group only through K.
 */
export function exactUpdateMoments(s: Pick<Scheme, 'M' | 'advantages'>, p: number): Moments {
  const pmf = bernsteinBasis(s.M, p);
  const rewards = new Array<number>(s.M).fill(0);
  const values: number[] = [];
  for (let K = 0; K <= s.M; K++) {
    if (K > 0) rewards[K - 1] = 1;
    const Z = s.advantages(rewards);
    let g = 0;
    for (let i = 0; i < s.M; i++) g += Z[i]! * (rewards[i]! - p);
    values.push(g / s.M);
  }
  let mean = 0;
  for (let K = 0; K <= s.M; K++) mean += pmf[K]! * values[K]!;
  let variance = 0;
  let fourth = 0;
  for (let K = 0; K <= s.M; K++) {
    const d = values[K]! - mean;
    variance += pmf[K]! * d * d;
    fourth += pmf[K]! * d ** 4;
  }
  return { mean, variance, fourth };
}
