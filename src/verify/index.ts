// Public API of src/verify: the verification battery, its report, and its chunked runs
// (checkpoints, shards and their merge).
export { battery } from './battery.ts';
export { batteryChunks } from './battery-chunks.ts';
export { type BatterySettings, batteryIdentity, VERIFY_KIND } from './battery-identity.ts';
export { type BatteryReportOptions, batteryReport } from './battery-report.ts';
export type { BatteryRunOptions } from './battery-run-options.ts';
export { type Budget, type BudgetName, budget } from './budget.ts';
export type {
  Check,
  CheckSimulation,
  DeterministicCheck,
  DeterministicOutcome,
  MonteCarloCheck,
  MonteCarloOutcome,
  TheoremId,
} from './check.ts';
export { THEOREM_IDS } from './check.ts';
export { type BatteryResult, type CheckEvaluation, decideBattery } from './decide-battery.ts';
export { decideMonteCarlo, type MonteCarloVerdict } from './decide-monte-carlo.ts';
export { type MergeBatteryOptions, mergeBattery } from './merge-battery.ts';
export { mergeVerify } from './merge-verify.ts';
export { monteCarloPreconditions } from './monte-carlo-preconditions.ts';
export { type BatteryPlan, type PlannedSimulation, planBattery } from './plan-battery.ts';
export { type BatteryProgress, progressReporter } from './progress-reporter.ts';
export { type RunBatteryOptions, runBattery, silentProgress } from './run-battery.ts';
export { type RunBatteryShardOptions, runBatteryShard } from './run-battery-shard.ts';
export { type VerifyOptions, verify } from './verify.ts';
export {
  DEFAULT_SEED,
  type VerifyBattery,
  type VerifySettings,
  verifyBattery,
  verifyIdentity,
} from './verify-battery.ts';
export { verifyShard } from './verify-shard.ts';
