import { InputError } from '../errors/input-error.ts';
import { requireCount } from './require-count.ts';

/**
 * The Bernstein coefficients of the monomial `t^j` in degree `n >= j`:
 * `t^j = sum_{k=0}^{n} [C(k, j)/C(n, j)] B_{k,n}(t)` (MATH.md §3, "A polynomial h' of degree
 * <= M-1 can be matched exactly"). Reversed (`k -> n-k`) they are the coefficients of
 * `(1-t)^j`, the pass@k identity `(1-t)^j = sum_s [C(n-s, j)/C(n, j)] B_{s,n}(t)`.
 *
 * Each ratio is the product `prod_{i<j} (k-i)/(n-i)`, within about `j` ulps of exact, for
 * `j <= 64`; beyond, the recurrence `beta_{k+1} = beta_k (k+1)/(k+1-j)` from `beta_n = 1`
 * downward keeps the cost O(n) at about `(n-k)` ulps.
 *
 * @param j exponent, an integer in [0, n]
 * @param n degree, a non-negative integer
 */
export function monomialInBernstein(j: number, n: number): number[] {
  requireCount('j', j);
  requireCount('n', n);
  if (j > n) throw new InputError(`j must be at most n = ${n}, got ${j}`);
  const beta = new Array<number>(n + 1).fill(0);
  if (j <= 64) {
    for (let k = j; k <= n; k++) {
      let r = 1;
      for (let i = 0; i < j; i++) r *= (k - i) / (n - i);
      beta[k] = r;
    }
    return beta;
  }
  beta[n] = 1;
  for (let k = n - 1; k >= j; k--) beta[k] = beta[k + 1]! * ((k + 1 - j) / (k + 1));
  return beta;
}
