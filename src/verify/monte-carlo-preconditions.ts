import type { NormalApproximation } from '../stats/index.ts';
import { firstStepThreshold } from '../stats/z-tests.ts';
import type { Check } from './check.ts';

/**
 * The precondition of the normal approximation (MATH.md §6) of every Monte Carlo check of a run
 * at family-wise `alpha`, by index into `checks`: each check's `precondition` at its own groups
 * and at the most demanding threshold it can face, Holm's first step over the run's Monte Carlo
 * checks ({@link firstStepThreshold}). A function of the configuration only, never of the data.
 */
export function monteCarloPreconditions(
  checks: readonly Check[],
  alpha: number,
): Map<number, NormalApproximation> {
  const m = checks.filter((c) => c.kind === 'monte-carlo').length;
  const result = new Map<number, NormalApproximation>();
  for (const [index, check] of checks.entries()) {
    if (check.kind !== 'monte-carlo') continue;
    result.set(index, check.precondition(firstStepThreshold(alpha, m, check.components)));
  }
  return result;
}
