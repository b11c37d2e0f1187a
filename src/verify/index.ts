// Public API of src/verify: the verification battery, its report, and its chunked runs
// (checkpoints, shards and their merge).
export {
  type BatterySettings,
  battery,
  batteryIdentity,
  type ResolvedBattery,
  resolveBattery,
  VERIFY_KIND,
  type VerifySettings,
  verifyIdentity,
} from './battery.ts';
export { type BatteryProgress, silentProgress } from './battery-progress.ts';
export { type BatteryReportOptions, batteryReport } from './battery-report.ts';
export { type Budget, budget } from './budget.ts';
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
export {
  type BatteryResult,
  type CheckEvaluation,
  decideBattery,
  monteCarloPreconditions,
} from './decide-battery.ts';
export { decideMonteCarlo, type MonteCarloVerdict } from './decide-monte-carlo.ts';
export {
  type BatteryPlan,
  batteryChunks,
  type PlannedSimulation,
  planBattery,
} from './plan-battery.ts';
export type { BatteryRunOptions } from './run-battery.ts';
export {
  type MergeBatteryOptions,
  mergeBattery,
  type RunBatteryOptions,
  runBattery,
} from './run-battery.ts';
export { type RunBatteryShardOptions, runBatteryShard } from './run-battery-shard.ts';
export {
  type MergeVerifyOptions,
  mergeVerify,
  type VerifyOptions,
  verify,
  verifyShard,
} from './verify.ts';
