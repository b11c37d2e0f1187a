import { holm, normalCdf, resolution, zScores, zThreshold } from '../stats/index.ts';
import type { MonteCarloOutcome } from './check.ts';

/** Units of rounding, in ulps of the larger of estimate and closed form, that a mean may carry. */
const ROUNDING_ULPS = 16;

/**
 * The standard error a Monte Carlo comparison uses: the sampled one, floored at the rounding
 * error of the numbers compared (`16 ε max(|estimate|, |closedForm|)`). A component whose every
 * group gives the same value (pure rejection sampling on the Bernoulli policy, where each correct
 * draw has the same score) has a sample variance of 0 or a few ulps, but its merged mean still
 * carries a few ulps of rounding; without the floor that rounding would read as a huge z.
 */
export function effectiveStderr(estimate: number, closedForm: number, stderr: number): number {
  const rounding =
    ROUNDING_ULPS * Number.EPSILON * Math.max(Math.abs(estimate), Math.abs(closedForm));
  return Math.max(stderr, rounding);
}

/** The verdict on one Monte Carlo check, reported on its component with the largest |z|. */
export interface MonteCarloVerdict {
  /** 0-based index of the reported component. */
  readonly component: number;
  readonly closedForm: number;
  readonly estimate: number;
  readonly stderr: number;
  readonly z: number;
  /** |z| above which this check is rejected at its Holm level. */
  readonly threshold: number;
  /** δ = (threshold + z_β) · stderr: the discrepancy detected with probability 1 - β. */
  readonly resolution: number;
  readonly agree: boolean;
}

/**
 * Decides every Monte Carlo check of a run together (docs/theory.md §6). The family-wise false-fail
 * rate `alpha` is split by Holm's step-down procedure over the checks. Inside a check of `d`
 * components the check's level is split by Bonferroni, so the check's statistic is its largest
 * |z|, turned into the |z| of one comparison with the same p-value, `p = min(1, d · 2Φ(-max|z|))`,
 * before Holm sees it. Standard errors are floored at rounding level ({@link effectiveStderr}).
 * Each verdict states the |z| threshold of its component at its Holm rank,
 * `zThreshold(alpha / ((m - rank) d))`, and its resolution at false-pass rate `beta`.
 *
 * A check marked in `insufficient` (its normal approximation does not hold, so its z means
 * nothing) still counts in `m` but is never rejected: Holm sees it as a p-value of 1, so it
 * cannot lower the thresholds of the others.
 */
export function decideMonteCarlo(
  outcomes: readonly MonteCarloOutcome[],
  alpha: number,
  beta: number,
  insufficient: readonly boolean[] = [],
): MonteCarloVerdict[] {
  const errors = outcomes.map((o) =>
    o.stderr.map((se, i) => effectiveStderr(o.estimate[i]!, o.closedForm[i]!, se)),
  );
  const worst = outcomes.map((o, k) => {
    const z = zScores(o.estimate, errors[k]!, o.closedForm);
    let component = 0;
    for (let i = 1; i < z.length; i++) {
      if (!(Math.abs(z[i]!) <= Math.abs(z[component]!))) component = i;
    }
    const d = z.length;
    const size = Math.abs(z[component]!);
    // The single-comparison |z| with p-value d·P(|N(0,1)| > size): identical when d = 1.
    const pooled = Number.isNaN(size) ? size : pooledZ(size, d);
    return { component, z: z[component]!, d, pooled };
  });
  const m = outcomes.length;
  const tested = worst.map((w, i) => (insufficient[i] ? 0 : w.pooled));
  const rejected = holm(tested, alpha);
  const size = (i: number) => (Number.isNaN(tested[i]!) ? Number.POSITIVE_INFINITY : tested[i]!);
  const order = worst.map((_, i) => i).sort((i, j) => size(j) - size(i) || i - j);
  const verdicts: MonteCarloVerdict[] = new Array(m);
  for (const [rank, i] of order.entries()) {
    const w = worst[i]!;
    const o = outcomes[i]!;
    const threshold = zThreshold(alpha / ((m - rank) * w.d));
    const stderr = errors[i]![w.component]!;
    verdicts[i] = {
      component: w.component,
      closedForm: o.closedForm[w.component]!,
      estimate: o.estimate[w.component]!,
      stderr,
      z: w.z,
      threshold,
      resolution: resolution(stderr, threshold, beta),
      agree: !rejected[i],
    };
  }
  return verdicts;
}

/** `zThreshold(d · P(|N(0,1)| > size))`, or `size` itself once that tail underflows. */
function pooledZ(size: number, d: number): number {
  if (d === 1 || !Number.isFinite(size)) return size;
  const p = d * 2 * normalCdf(-size);
  if (p >= 1) return 0;
  return p > 0 ? zThreshold(p) : size;
}
