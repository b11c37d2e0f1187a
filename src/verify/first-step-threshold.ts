import { zThreshold } from '../stats/index.ts';

/**
 * The most demanding `|z|` threshold a Monte Carlo check of a run can face (MATH.md §6): Holm's
 * first step `alpha / m` over the run's `m` Monte Carlo checks, with the check's Bonferroni
 * share over its `components`, `zThreshold(alpha / (m · components))`. It depends on the run's
 * configuration only, so the precondition of the normal approximation is checked there, both
 * when the battery is sized and when it is decided.
 */
export function firstStepThreshold(alpha: number, m: number, components: number): number {
  return zThreshold(alpha / (m * components));
}
