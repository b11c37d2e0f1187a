import { holmThresholds } from './holm-thresholds.ts';

/**
 * Holm's step-down test of `m` z-scores at family-wise false-fail rate `alpha` (MATH.md §6):
 * sort by `|z|` descending, reject while `|z|` exceeds `holmThresholds(alpha, m)[k]`, stop at the
 * first that does not. A NaN z-score (no standard error) counts as rejected: nothing was shown.
 * Returns, per comparison in input order, whether it is rejected.
 */
export function holm(z: ArrayLike<number>, alpha: number): boolean[] {
  const m = z.length;
  const thresholds = holmThresholds(alpha, m);
  const size = (j: number) => (Number.isNaN(z[j]!) ? Number.POSITIVE_INFINITY : Math.abs(z[j]!));
  const order = Array.from({ length: m }, (_, j) => j).sort((i, j) => size(j) - size(i) || i - j);
  const rejected = new Array<boolean>(m).fill(false);
  for (let k = 0; k < m; k++) {
    const j = order[k]!;
    if (!(size(j) > thresholds[k]!)) break;
    rejected[j] = true;
  }
  return rejected;
}
