import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { MonteCarloOutcome } from './check.ts';

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

/** z per component; an exact match with zero spread is z = 0, any mismatch with it is infinite. */
function zScore(estimate: number, closedForm: number, stderr: number): number {
  const difference = estimate - closedForm;
  if (difference === 0) return 0;
  return stderr > 0 ? difference / stderr : Math.sign(difference) * Number.POSITIVE_INFINITY;
}

/**
 * Decides every Monte Carlo check of a run together (MATH.md §6): the family-wise false-fail
 * rate `alpha` is split by Holm's step-down procedure over the checks; inside a check of `d`
 * components the level is split by Bonferroni, so the check's p-value is
 * `min(1, d · 2Φ(-max|z|))`. Each verdict states its |z| threshold at its Holm level and its
 * resolution at false-pass rate `beta`.
 */
export function decideMonteCarlo(
  outcomes: readonly MonteCarloOutcome[],
  alpha: number,
  beta: number,
): MonteCarloVerdict[] {
  const worst = outcomes.map((o) => {
    let component = 0;
    let z = 0;
    for (let i = 0; i < o.estimate.length; i++) {
      const zi = zScore(o.estimate[i]!, o.closedForm[i]!, o.stderr[i]!);
      if (i === 0 || Math.abs(zi) > Math.abs(z)) {
        component = i;
        z = zi;
      }
    }
    const d = o.estimate.length;
    return { component, z, d, p: Math.min(1, d * 2 * normalCdf(-Math.abs(z), 0, 1)) };
  });
  const m = outcomes.length;
  const order = worst.map((_, i) => i).sort((i, j) => worst[i]!.p - worst[j]!.p || i - j);
  const zBeta = normalQuantile(1 - beta, 0, 1);
  const verdicts: MonteCarloVerdict[] = new Array(m);
  let stillRejecting = true;
  for (const [rank, i] of order.entries()) {
    const w = worst[i]!;
    const o = outcomes[i]!;
    const level = alpha / (m - rank);
    const rejected = stillRejecting && w.p <= level;
    if (!rejected) stillRejecting = false;
    const threshold = normalQuantile(1 - level / (2 * w.d), 0, 1);
    const stderr = o.stderr[w.component]!;
    verdicts[i] = {
      component: w.component,
      closedForm: o.closedForm[w.component]!,
      estimate: o.estimate[w.component]!,
      stderr,
      z: w.z,
      threshold,
      resolution: (threshold + zBeta) * stderr,
      agree: !rejected,
    };
  }
  return verdicts;
}
