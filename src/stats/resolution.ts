import quantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The resolution of a comparison (MATH.md §6): `delta = (z_alpha' + z_beta) · SE`, the smallest
 * true discrepancy `|mean - closedForm|` that a test with `|z|` threshold `threshold` (that is,
 * `z_alpha'`) detects with probability at least `1 - beta`; `z_beta` is the one-sided
 * `(1 - beta)` normal quantile (the far tail's contribution is ignored, which is conservative).
 */
export function resolution(stderr: number, threshold: number, beta: number): number {
  if (!(beta > 0 && beta < 1))
    throw new RangeError(`resolution: beta must be in (0, 1), got ${beta}`);
  return (threshold + quantile(1 - beta, 0, 1)) * stderr;
}
