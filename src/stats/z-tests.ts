import { normalCdf, normalQuantile } from './normal-law.ts';

/**
 * Per-component z-scores `z = (estimate - closedForm)/SE` (docs/theory.md §6). A component with
 * `SE = 0` (a degenerate policy, every group the same) gets 0 when the estimate equals the
 * closed form to within 8 ulps of their size and ±Infinity otherwise; NaN SE gives NaN.
 */
export function zScores(
  estimate: ArrayLike<number>,
  stderr: ArrayLike<number>,
  closedForm: ArrayLike<number>,
): number[] {
  return Array.from({ length: estimate.length }, (_, j) => {
    const diff = estimate[j]! - closedForm[j]!;
    const se = stderr[j]!;
    if (se === 0) {
      const scale = Math.max(Math.abs(estimate[j]!), Math.abs(closedForm[j]!));
      if (Math.abs(diff) <= 8 * Number.EPSILON * scale) return 0;
      return diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    }
    return diff / se;
  });
}

/**
 * The two-sided critical value `z` with `P(|N(0,1)| > z) = alphaPrime` (docs/theory.md §6): the `|z|`
 * threshold of one comparison at per-comparison false-fail rate `alphaPrime`. Uses stdlib's
 * normal quantile, accurate far into the tail (simple-statistics' probit table is too coarse
 * for rates like 1e-8).
 */
export function zThreshold(alphaPrime: number): number {
  if (!(alphaPrime > 0 && alphaPrime <= 1)) {
    throw new RangeError(`zThreshold: alpha' must be in (0, 1], got ${alphaPrime}`);
  }
  return -normalQuantile(alphaPrime / 2);
}

/**
 * Holm's step-down split of a family-wise false-fail rate `alpha` over `m` comparisons
 * (docs/theory.md §6), as `|z|` thresholds: entry `k` (0-based) is the threshold for the comparison with
 * the `(k+1)`-th largest `|z|`, at per-comparison rate `alpha/(m - k)`. Entry 0 is Bonferroni's.
 */
export function holmThresholds(alpha: number, m: number): number[] {
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`holmThresholds: alpha must be in (0, 1), got ${alpha}`);
  return Array.from({ length: m }, (_, k) => zThreshold(alpha / (m - k)));
}

/**
 * The most demanding `|z|` threshold a Monte Carlo check of a run can face (docs/theory.md §6): Holm's
 * first step `alpha / m` over the run's `m` Monte Carlo checks, with the check's Bonferroni
 * share over its `components`, `zThreshold(alpha / (m · components))`. It depends on the run's
 * configuration only, so the precondition of the normal approximation is checked there, both
 * when the battery is sized and when it is decided.
 */
export function firstStepThreshold(alpha: number, m: number, components: number): number {
  return zThreshold(alpha / (m * components));
}

/**
 * Holm's step-down test of `m` z-scores at family-wise false-fail rate `alpha` (docs/theory.md §6):
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

/**
 * The resolution of a comparison (docs/theory.md §6): `delta = (z_alpha' + z_beta) · SE`, the smallest
 * true discrepancy `|mean - closedForm|` that a test with `|z|` threshold `threshold` (that is,
 * `z_alpha'`) detects with probability at least `1 - beta`; `z_beta` is the one-sided
 * `(1 - beta)` normal quantile (the far tail's contribution is ignored, which is conservative).
 */
export function resolution(stderr: number, threshold: number, beta: number): number {
  if (!(beta > 0 && beta < 1))
    throw new RangeError(`resolution: beta must be in (0, 1), got ${beta}`);
  return (threshold + normalQuantile(1 - beta)) * stderr;
}

/**
 * The Kolmogorov–Smirnov distance `sup_x |F_n(x) - Phi(x)|` between the empirical distribution
 * of a set of z-scores and N(0, 1) (docs/theory.md §6, calibration). Evaluated at the order statistics,
 * where the supremum is attained: `max_i max(i/n - Phi(z_(i)), Phi(z_(i)) - (i-1)/n)`.
 * NaN z-scores are an error; an empty set has distance 0.
 */
export function ksDistance(z: readonly number[]): number {
  if (z.some(Number.isNaN)) throw new RangeError('ksDistance: a z-score is NaN');
  const sorted = [...z].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
