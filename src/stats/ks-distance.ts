import cdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * The Kolmogorov–Smirnov distance `sup_x |F_n(x) - Phi(x)|` between the empirical distribution
 * of a set of z-scores and N(0, 1) (MATH.md §6, calibration). Evaluated at the order statistics,
 * where the supremum is attained: `max_i max(i/n - Phi(z_(i)), Phi(z_(i)) - (i-1)/n)`.
 * NaN z-scores are an error; an empty set has distance 0.
 */
export function ksDistance(z: readonly number[]): number {
  if (z.some(Number.isNaN)) throw new RangeError('ksDistance: a z-score is NaN');
  const sorted = [...z].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!, 0, 1);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
