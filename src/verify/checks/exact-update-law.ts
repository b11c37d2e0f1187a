import { bernsteinBasis } from '../../math/index.ts';
import type { Scheme } from '../../schemes/index.ts';

/** The law of one group's update on the Bernoulli policy: `values[K]` with probability `pmf[K]`. */
export interface ExactUpdateLaw {
  readonly pmf: ArrayLike<number>;
  readonly values: readonly number[];
}

/**
 * The exact law of one group's Algorithm 1 update `(1/M) Σ Z_i (R_i - p)` on the Bernoulli
 * logistic policy (MATH.md §5: the score is `R - p`), by enumerating `K ~ Binomial(M, p)` and
 * applying the scheme's native group formula: the update depends on the group only through K.
 */
export function exactUpdateLaw(s: Pick<Scheme, 'M' | 'advantages'>, p: number): ExactUpdateLaw {
  const rewards = new Array<number>(s.M).fill(0);
  const values: number[] = [];
  for (let K = 0; K <= s.M; K++) {
    if (K > 0) rewards[K - 1] = 1;
    const Z = s.advantages(rewards);
    let g = 0;
    for (let i = 0; i < s.M; i++) g += Z[i]! * (rewards[i]! - p);
    values.push(g / s.M);
  }
  return { pmf: bernsteinBasis(s.M, p), values };
}
