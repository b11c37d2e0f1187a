import { bernsteinPolynomial } from '../math/bernstein.ts';
import { hCoefficients } from './h-coefficients.ts';

/**
 * The induced objective `h_M(t) = (1/M) sum_{s=0}^{M-1} c_s I_t(s+1, M-s)`, `h_M(0) = 0`
 * (MATH.md §2), evaluated in its equivalent degree-M Bernstein form
 * `sum_{k=0}^{M} G_k B_{k,M}(t)`, `G_k = (1/M) sum_{s<k} c_s`.
 *
 * The Bernstein form was kept after measuring both (h.test.ts re-measures and prints them). Max
 * relative error against exact BigInt rationals (M <= 60, 5 rational schemes): Bernstein 5.8e-16,
 * incomplete-beta sum 8.9e-16; against mpmath for grpo (M <= 60): 8.0e-16 and 8.1e-16; against
 * mpmath at M = 256 and 1024 (5 schemes, t in [1e-6, 1-1e-6]): 1.9e-15 and 1.8e-15. The two are
 * tied at rounding level; the Bernstein form costs O(M) per point, the sum O(M^2) (one O(M)
 * incomplete beta per s), so the Bernstein form is the one kept (2.2e-15 at M = 4096).
 *
 * @param c count-form table `c_s = b_s - a_s`, s = 0..M-1
 * @param t point in [0, 1]
 */
export function h(c: ArrayLike<number>, t: number): number {
  return bernsteinPolynomial(hCoefficients(c), t);
}
