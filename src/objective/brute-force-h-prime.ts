import { InputError } from '../errors/input-error.ts';
import { bernsteinBasis } from '../math/bernstein.ts';
import type { Scheme } from '../schemes/scheme.ts';

/**
 * `h_M'(t)` by brute force, with no count-form formula (MATH.md §2, last fact): enumerate the
 * number of correct answers `K ~ Binomial(M, t)`, apply the scheme's *native* group formula to
 * a group with K ones, and average. For the Bernoulli-logistic score `R - t` (MATH.md §5),
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
  const M = scheme.M;
  const pmf = bernsteinBasis(M, t);
  const rewards = new Array<number>(M).fill(0);
  let sum = 0;
  for (let K = 0; K <= M; K++) {
    if (K > 0) rewards[K - 1] = 1;
    const Z = scheme.advantages(rewards);
    let g = 0;
    for (let i = 0; i < M; i++) g += Z[i]! * (rewards[i]! - t);
    sum += pmf[K]! * (g / M);
  }
  return sum / (t * (1 - t));
}
