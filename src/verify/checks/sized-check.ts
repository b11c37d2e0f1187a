import { firstStepThreshold } from '../../stats/z-tests.ts';
import type { MonteCarloCheck } from '../check.ts';

/**
 * Most a check's groups may grow to meet its precondition, as a multiple of the groups its
 * budget gives it: a check then costs at most 16 times its share of the budget's work.
 */
export const GROWTH_CAP = 16;

/** A Monte Carlo check before sizing: the groups its budget gives it, and how to build it. */
export interface CheckDraft {
  readonly groups: number;
  build(groups: number): MonteCarloCheck;
  /** The same check in another configuration (e.g. a less extreme policy), tried next. */
  readonly fallback?: CheckDraft;
}

/**
 * A Monte Carlo check sized for a run of `m` Monte Carlo checks at family-wise `alpha` (MATH.md
 * §6): its groups are raised to what the precondition of the normal approximation needs at the
 * most demanding threshold it can face ({@link firstStepThreshold}), as long as that is at most
 * {@link GROWTH_CAP} times its budget's groups; otherwise its fallback configuration is sized the
 * same way. A check that no configuration lets qualify within the cap keeps its budget's groups,
 * and its row will say `insufficient`. Deterministic, and a function of the configuration only
 * (never of the data, the threads or the shards), so every run of a battery plans the same.
 */
export function sizedCheck(draft: CheckDraft, alpha: number, m: number): MonteCarloCheck {
  for (let d: CheckDraft | undefined = draft; d; d = d.fallback) {
    const check = d.build(d.groups);
    const threshold = firstStepThreshold(alpha, m, check.components);
    const needed = check.precondition(threshold).groupsNeeded;
    if (needed <= GROWTH_CAP * d.groups) return needed > d.groups ? d.build(needed) : check;
  }
  return draft.build(draft.groups);
}
