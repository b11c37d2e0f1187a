// Public API of src/objective: re-export each public function from its own file.

export {
  BETA_FIT_LOWER,
  type BetaFit,
  type BetaFitResult,
  betaFit,
  betaFitGridObstacle,
  betaFitObstacle,
  betaFitRange,
  betaSupDistance,
  FIT_MIN_POINTS,
  formatBetaFit,
  objectiveBetaFit,
} from './beta-fit.ts';
export { bruteForceHPrime, type ExactUpdateLaw, exactUpdateLaw } from './brute-force-h-prime.ts';
export { type DesignOptions, type DesignReport, design } from './design-report.ts';
export { h, hAtOne, harmonicShiftedH, hCoefficients, hPrime, normalizedH, requireC } from './h.ts';
export {
  type LargeMLimit,
  LIMIT_GRID,
  type LimitInput,
  type LimitSize,
  largeMLimit,
  normalizedSupDistance,
  type StatedTarget,
} from './large-m-limit.ts';
export { nameLimit, type ReadLimit } from './limit-naming.ts';
export {
  DEFAULT_LIMIT_M,
  type LimitShape,
  limitCounts,
  readLimitShape,
  type WeightDifference,
} from './limit-reading.ts';
export {
  compareTargets,
  type Nearest,
  namedTargetSpecs,
  type TargetComparison,
} from './nearest-target.ts';
export type { ObjectivePoint } from './objective-points.ts';
export { objectivePoints, sampledObjective } from './objective-points.ts';
export {
  type Normalization,
  type ObjectiveLimit,
  type ObjectiveLimitOptions,
  type ObjectiveOptions,
  type ObjectiveTable,
  type ObjectiveTablePoint,
  objective,
  objectiveLimit,
} from './objective-table.ts';
export { rescaled, type Sampled, type SupDistance, sampled, supDistance } from './sup-distance.ts';
export {
  type DistanceTarget,
  logitGrid,
  type TargetDistance,
  type TargetDistanceOptions,
  targetDistance,
} from './target-distance.ts';
