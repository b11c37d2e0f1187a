import { requireCount } from './require-count.ts';

const EULER_GAMMA = 0.5772156649015329;

/**
 * The harmonic number `H_M = sum_{k=1}^{M} 1/k` (MATH.md §3, rejection sampling:
 * `h_M(t) = H_M - sum_{k=1}^M (1-t)^k/k`, and the paper's shift `h - (H_M - 1)`); `H_0 = 0`.
 *
 * Up to M = 256 the sum itself, smallest terms first; beyond, the asymptotic expansion
 * `ln M + gamma + 1/(2M) - 1/(12M^2) + 1/(120M^4) - 1/(252M^6)`, whose next term is below
 * 1e-17 there. Both are within 2 ulps of mpmath (test/fixtures/math/special.json). O(1) for large M.
 */
export function harmonic(M: number): number {
  requireCount('M', M);
  if (M <= 256) {
    let sum = 0;
    for (let k = M; k >= 1; k--) sum += 1 / k;
    return sum;
  }
  const inv2 = 1 / (M * M);
  const tail = 1 / (2 * M) - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 / 252));
  return Math.log(M) + EULER_GAMMA + tail;
}
