import { requireUnitInterval } from '../errors/require.ts';
import { bernsteinBasisInto } from './bernstein-basis.ts';

/**
 * The Bernstein polynomial `sum_{k=0}^{n} beta_k B_{k,n}(t)` with `n = beta.length - 1`
 * (MATH.md §2: `h_M'` is this with `beta = c`, and `h_M` is this with `beta = G`).
 *
 * Uses {@link bernsteinBasis}; with nonnegative coefficients every term is nonnegative, so the
 * sum has no cancellation. O(n).
 *
 * @param beta coefficients `beta_0..beta_n`, at least one
 * @param t point in [0, 1]
 * @param scratch optional buffer of length >= beta.length for the basis (no allocation)
 */
export function bernsteinPolynomial(
  beta: ArrayLike<number>,
  t: number,
  scratch?: Float64Array,
): number {
  requireUnitInterval('t', t);
  const n = beta.length - 1;
  const B = scratch ?? new Float64Array(n + 1);
  bernsteinBasisInto(n, t, B);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    const b = B[k]!;
    if (b !== 0) sum += beta[k]! * b;
  }
  return sum;
}
