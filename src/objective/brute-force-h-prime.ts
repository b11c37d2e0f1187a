import { InputError } from '../errors/index.ts';
import { bernsteinBasis } from '../math/index.ts';
import type { Scheme } from '../schemes/index.ts';

/**
 * `h_M'(t)` by brute force, with no count-form formula (docs/theory.md §2, "Brute force, with no
 * formula"): enumerate the number of correct answers `K ~ Binomial(M, t)`, apply the scheme's
 * *native* group formula to a group with K ones, and average. For the Bernoulli-logistic score
 * `R - t` (docs/theory.md §5),
 *
 *     h_M'(t) = E[ (1/M) sum_i Z_i (R_i - t) ] / (t (1-t)).
 *
 * The order of the group does not matter for a count-form scheme; the K ones come first.
 * O(M) calls of `advantages`, O(M^2) work.
 *
 * @param scheme anything with a group size and a native group formula
 * @param t point in the open interval (0, 1), where `t(1-t) > 0`
 */
export function bruteForceHPrime(scheme: Pick<Scheme, 'M' | 'advantages'>, t: number): number {
  if (!(t > 0 && t < 1)) {
    throw new InputError(`t must be a number in the open interval (0, 1), got ${String(t)}`);
  }
  const { pmf, values } = exactUpdateLaw(scheme, t);
  let sum = 0;
  for (let K = 0; K <= scheme.M; K++) sum += pmf[K]! * values[K]!;
  return sum / (t * (1 - t));
}

/** The law of one group's update on the Bernoulli policy: `values[K]` with probability `pmf[K]`. */
export interface ExactUpdateLaw {
  readonly pmf: ArrayLike<number>;
  readonly values: readonly number[];
}

/**
 * The exact law of one group's Algorithm 1 update `(1/M) Σ Z_i (R_i - p)` on the Bernoulli
 * logistic policy (docs/theory.md §5: the score is `R - p`), by enumerating `K ~ Binomial(M, p)` and
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
