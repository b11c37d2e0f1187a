import type { Budget } from './budget.ts';
import type { Check } from './check.ts';
import { bruteForceChecks } from './checks/brute-force-checks.ts';
import { closedFormIntegralChecks } from './checks/closed-form-integral-checks.ts';
import { designChecks } from './checks/design-checks.ts';
import { dynamicsCheck, dynamicsCheckSpecs } from './checks/dynamics-checks.ts';
import { grpoArcsinChecks } from './checks/grpo-arcsin-checks.ts';
import { limitChecks } from './checks/limit-checks.ts';
import { monteCarloChecks } from './checks/monte-carlo-checks.ts';
import { rejectionSamplingLogChecks } from './checks/rejection-sampling-log-checks.ts';

/**
 * The verification battery for a budget: every check of the paper's claims (issue 5), the
 * deterministic ones first (they take milliseconds), then the Monte Carlo ones, sized for a run
 * at family-wise `alpha` so that each meets the precondition of its normal approximation
 * (MATH.md §6).
 */
export function battery(budget: Budget, alpha: number): Check[] {
  const dynamics = dynamicsCheckSpecs(budget);
  const monteCarlo = monteCarloChecks(budget, alpha, dynamics.length);
  const m = monteCarlo.length + dynamics.length;
  return [
    ...closedFormIntegralChecks(budget),
    ...bruteForceChecks(budget),
    ...rejectionSamplingLogChecks(budget),
    ...grpoArcsinChecks(budget),
    ...limitChecks(),
    ...designChecks(budget),
    ...monteCarlo,
    ...dynamics.map((spec) => dynamicsCheck(spec, alpha, m)),
  ];
}
