import { requireUnitInterval } from '../errors/require.ts';
import { binomialPmfUnchecked } from './binomial-pmf.ts';
import { requireCount } from './require-count.ts';

/**
 * The full Bernstein basis `B_{k,n}(t) = C(n,k) t^k (1-t)^(n-k)`, k = 0..n (MATH.md §2: the
 * basis of `h_M'` in degree M-1 and of `h_M` in degree M; equally the Binomial(n, t) pmf).
 *
 * Anchored at the mode `floor((n+1) t)` by {@link binomialPmf} (a few ulps), then filled outward
 * by the ratio `B_{k+1}/B_k = (n-k)/(k+1) * t/(1-t)`. Every ratio on the way out is at most 1, so
 * nothing overflows, and a term that underflows ends its side (all farther terms are smaller).
 * A term d steps from the mode carries about `1.5 d` ulps of relative error; the terms that
 * carry the mass are within a few `sqrt(n t (1-t))` of the mode. `t = 0` and `t = 1` are exact.
 * Stable and NaN-free up to n = 1e5 and beyond; cost O(n).
 *
 * @param n degree, a non-negative integer
 * @param t point in [0, 1]
 * @param out optional buffer of length >= n + 1, overwritten and returned (no allocation)
 */
export function bernsteinBasis(n: number, t: number, out?: Float64Array): Float64Array {
  requireCount('n', n);
  requireUnitInterval('t', t);
  const B = out ?? new Float64Array(n + 1);
  bernsteinBasisInto(n, t, B);
  return B;
}

/** {@link bernsteinBasis} without validation, writing into `B[0..n]`; for validated hot loops. */
export function bernsteinBasisInto(n: number, t: number, B: Float64Array): void {
  B.fill(0, 0, n + 1);
  if (t === 0) {
    B[0] = 1;
    return;
  }
  if (t === 1) {
    B[n] = 1;
    return;
  }
  const mode = Math.min(n, Math.floor((n + 1) * t));
  let term = binomialPmfUnchecked(mode, n, t);
  B[mode] = term;
  const up = t / (1 - t);
  for (let k = mode; k < n && term > 0; k++) {
    term *= ((n - k) / (k + 1)) * up;
    B[k + 1] = term;
  }
  const down = (1 - t) / t;
  term = B[mode]!;
  for (let k = mode; k > 0 && term > 0; k--) {
    term *= (k / (n - k + 1)) * down;
    B[k - 1] = term;
  }
}
