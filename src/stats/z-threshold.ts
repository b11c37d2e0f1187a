import quantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The two-sided critical value `z` with `P(|N(0,1)| > z) = alphaPrime` (MATH.md §6): the `|z|`
 * threshold of one comparison at per-comparison false-fail rate `alphaPrime`. Uses stdlib's
 * normal quantile, accurate far into the tail (simple-statistics' probit table is too coarse
 * for rates like 1e-8).
 */
export function zThreshold(alphaPrime: number): number {
  if (!(alphaPrime > 0 && alphaPrime <= 1)) {
    throw new RangeError(`zThreshold: alpha' must be in (0, 1], got ${alphaPrime}`);
  }
  return -quantile(alphaPrime / 2, 0, 1);
}
