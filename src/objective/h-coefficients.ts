import { requireC } from './require-c.ts';

/**
 * The degree-M Bernstein coefficients of `h_M`: `G_k = (1/M) sum_{s<k} c_s`, k = 0..M, so that
 * `h_M(t) = sum_k G_k B_{k,M}(t)` (MATH.md §2). `G_0 = 0` gives `h_M(0) = 0`, and
 * `G_M = h_M(1)`.
 *
 * The running sums are compensated (Neumaier), so each `G_k` is within about 2 ulps of the exact
 * sum of the given `c` whatever M and whatever the signs.
 */
export function hCoefficients(c: ArrayLike<number>): Float64Array {
  requireC(c);
  const M = c.length;
  const G = new Float64Array(M + 1);
  let sum = 0;
  let comp = 0;
  for (let s = 0; s < M; s++) {
    const x = c[s]!;
    const next = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
    sum = next;
    G[s + 1] = (sum + comp) / M;
  }
  return G;
}
