import { ROUNDING_FLOOR } from '../estimators/index.ts';
import {
  GROUPS_PER_T4,
  holm,
  holmThresholds,
  normalApproximation,
  resolution,
  type VectorMoments,
  zThreshold,
} from '../stats/index.ts';
import type { DriftLaw } from './mean-field.ts';

/** The verdict of one scheme's path check (docs/theory.md §8, "the check along the path"). */
export interface PathCheck {
  /** Names of the projections of `D_T`, in order. */
  readonly projections: readonly string[];
  /** Per projection, the mean of `v . D_T` over the seeds, its standard error, and z. */
  readonly estimate: readonly number[];
  readonly stderr: readonly number[];
  readonly z: readonly number[];
  /** The |z| its largest component had to exceed at its Holm rank. */
  readonly threshold: number;
  /** `(threshold + z_beta) SE` of that component: a drift this large is seen w.p. 1 - beta. */
  readonly resolution: number;
  /** Index of the reported component (the largest |z|). */
  readonly component: number;
  /** No projection disagrees; null when there is no verdict (too few seeds). */
  readonly agree: boolean | null;
  /** Seeds the normal approximation needs at Holm's first step (at least the run's). */
  readonly seedsNeeded: number;
}

/** One scheme's drift across seeds, the law of its projections, and its SE floor. */
export interface PathCheckInput {
  readonly drift: VectorMoments;
  /** The law along the mean-field path; null when the seeds are too few whatever the law. */
  readonly law: DriftLaw | null;
  /**
   * A bound on `|lr sum_t v . grad J|`: the standard error is floored at {@link ROUNDING_FLOOR}
   * times it, because a drift that is 0 up to rounding has a sample variance of rounding noise.
   */
  readonly scale: number;
}

/**
 * The |z| threshold at Holm's first step over `schemes` checks of `projections` components each
 * at family-wise `alpha`, and the fewest seeds the normal approximation needs there whatever
 * the law (`GROUPS_PER_T4 t^4`): below it no law is worth computing.
 */
export function pathCheckThreshold(
  alpha: number,
  schemes: number,
  projections: number,
): { threshold: number; fewestSeeds: number } {
  const threshold = zThreshold(alpha / (schemes * projections));
  return { threshold, fewestSeeds: Math.ceil(GROUPS_PER_T4 * threshold ** 4) };
}

/**
 * Decides the path checks of a run's schemes together (docs/theory.md §6 and §8). Under the theorem
 * `E[D_T] = 0` exactly, so each projection's mean over the independent seeds is compared with
 * 0: `z = mean / SE`, SE across seeds. Every (scheme, projection) comparison is one member of a
 * family split by Holm's step-down procedure at family-wise `alpha`; a scheme agrees when none
 * of its projections is rejected, and reports the threshold and resolution (at false-pass rate
 * `beta`) of its largest |z|.
 *
 * A scheme whose drift law fails the precondition of the normal approximation at Holm's first
 * step (`normalApproximation` with the run's seeds) gets no verdict (`agree: null`) and is
 * never rejected (Holm sees a z of 0), so it cannot lower the others' thresholds.
 */
export function decidePathChecks(
  inputs: readonly PathCheckInput[],
  names: readonly string[],
  alpha: number,
  beta: number,
): PathCheck[] {
  const d = names.length;
  const m = inputs.length;
  const { threshold: first, fewestSeeds } = pathCheckThreshold(alpha, m, d);
  const seeds = inputs[0]?.drift.n ?? 0;
  const rows = inputs.map(({ drift, law, scale }) => {
    const se = drift.stderr();
    const stderr = Array.from(se, (s) => Math.max(s, ROUNDING_FLOOR * scale));
    const estimate = Array.from(drift.mean);
    const z = estimate.map((e, j) => e / stderr[j]!);
    let seedsNeeded = Math.max(seeds, fewestSeeds);
    if (law !== null) {
      for (let j = 0; j < d; j++) {
        const approximation = normalApproximation(
          {
            parts: [{ weight: 1, mean: 0, variance: law.variance[j]!, third: law.third[j]! }],
            floor: ROUNDING_FLOOR * scale,
          },
          seeds,
          first,
        );
        seedsNeeded = Math.max(seedsNeeded, approximation.groupsNeeded);
      }
    }
    return { estimate, stderr, z, seedsNeeded, sufficient: law !== null && seedsNeeded === seeds };
  });
  const tested = rows.flatMap((r) => (r.sufficient ? r.z : r.z.map(() => 0)));
  const rejected = holm(tested, alpha);
  const thresholds = holmThresholds(alpha, m * d);
  const size = (i: number) =>
    Number.isNaN(tested[i]!) ? Number.POSITIVE_INFINITY : Math.abs(tested[i]!);
  const order = tested.map((_, i) => i).sort((i, j) => size(j) - size(i) || i - j);
  const rank = new Array<number>(tested.length);
  for (const [position, i] of order.entries()) rank[i] = position;
  return rows.map((row, s) => {
    let component = 0;
    for (let j = 1; j < d; j++) {
      if (!(Math.abs(row.z[j]!) <= Math.abs(row.z[component]!))) component = j;
    }
    const threshold = row.sufficient ? thresholds[rank[s * d + component]!]! : first;
    return {
      projections: names,
      estimate: row.estimate,
      stderr: row.stderr,
      z: row.z,
      threshold,
      resolution: resolution(row.stderr[component]!, threshold, beta),
      component,
      agree: row.sufficient ? !rejected.slice(s * d, s * d + d).includes(true) : null,
      seedsNeeded: row.seedsNeeded,
    };
  });
}
