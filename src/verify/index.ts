// Public API of src/verify: the verification battery and its report.
export { battery } from './battery.ts';
export { type Budget, type BudgetName, budget } from './budget.ts';
export type {
  Check,
  DeterministicCheck,
  DeterministicOutcome,
  MonteCarloCheck,
  MonteCarloContext,
  MonteCarloOutcome,
  TheoremId,
} from './check.ts';
export { THEOREM_IDS } from './check.ts';
export { decideMonteCarlo, type MonteCarloVerdict } from './decide-monte-carlo.ts';
export { type BatteryProgress, progressReporter } from './progress-reporter.ts';
export { type BatteryResult, type RunBatteryOptions, runBattery } from './run-battery.ts';
export { DEFAULT_SEED, type VerifyOptions, verify } from './verify.ts';
