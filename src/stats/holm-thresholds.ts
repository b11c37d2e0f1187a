import { zThreshold } from './z-threshold.ts';

/**
 * Holm's step-down split of a family-wise false-fail rate `alpha` over `m` comparisons
 * (MATH.md §6), as `|z|` thresholds: entry `k` (0-based) is the threshold for the comparison with
 * the `(k+1)`-th largest `|z|`, at per-comparison rate `alpha/(m - k)`. Entry 0 is Bonferroni's.
 */
export function holmThresholds(alpha: number, m: number): number[] {
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`holmThresholds: alpha must be in (0, 1), got ${alpha}`);
  return Array.from({ length: m }, (_, k) => zThreshold(alpha / (m - k)));
}
