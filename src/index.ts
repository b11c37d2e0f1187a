/**
 * rl-objective: the public TypeScript API, every export by name. Everything the CLI does is an
 * entry point here (one typed function per command); below them, the closed forms of
 * docs/theory.md, the audits, the Monte Carlo engine and the reports' types. Each concept folder
 * owns its barrel; this file picks from them what the package offers, and nothing else: a
 * function missing here is internal. The API report (`api/rl-objective.api.md`, checked by
 * `npm run lint`) shows every change of this list in review.
 */

// The types that the functions above take and return.
export type {
  AuditPoint,
  AuditReportOptions,
  Coverage,
  FunctionAuditOptions,
  ModuleAuditOptions,
  Nearest,
  PatternAuditOptions,
  PythonTarget,
  SizeVerdict,
  Where,
} from './audit/index.ts';
// Entry points: `rl-objective COMMAND` as functions, with their options and results.
// Audits (docs/theory.md §2, §7): is advantage code count form, and which objective does it
// induce? For tests of your own trainer.
// Audits on reward classes (docs/theory.md §10): graded rewards or several reward functions, in
// code or traces; generalized count form, a factor per batch, and the field verdict.
export {
  type AdvantagesFn,
  type AuditOptions,
  type AuditReport,
  type AuditResult,
  type AuditSource,
  audit,
  auditClasses,
  auditFunction,
  auditModule,
  auditTable,
  auditTraces,
  type BatchFactor,
  type ClassAdvantagesFn,
  type ClassAuditOptions,
  type ClassAuditReport,
  type ClassAuditResult,
  type ClassAuditSource,
  type ClassSizeAudit,
  type ClassViolation,
  checkExpectation,
  type Expectation,
  type ExpectationVerdict,
  expectObjective,
  formatAudit,
  formatClassAudit,
  type InducedObjective,
  inducedObjective,
  parseExpectation,
  type SizeAudit,
  usesRewardClasses,
  type Violation,
} from './audit/index.ts';
export type { PartialResult, Shard } from './checkpoint/index.ts';
export {
  AUDIT_DEFAULTS,
  BUDGET_NAMES,
  type BudgetName,
  DEFAULT_ALPHA,
  DEFAULT_BETA,
  ESTIMATORS,
  type Estimator,
  OBJECTIVE_DEFAULTS,
  PYTHON_ARRAYS,
  type PythonArray,
  SIMULATE_DEFAULTS,
  TRAIN_DEFAULTS,
  VERIFY_DEFAULTS,
} from './defaults/index.ts';
export type {
  CorpusDescription,
  MeanFieldCurves,
  PathCheck,
  TrainConfig,
  TrainReportPaths,
} from './dynamics/index.ts';
export {
  type SchemeDynamics,
  type SeedCurve,
  type TrainInput,
  type TrainOptions,
  type TrainOutcome,
  type TrainProgress,
  type TrainResult,
  train,
  trainJson,
  trainSummaryLine,
  writeTrainReport,
} from './dynamics/index.ts';
export { InputError } from './errors/index.ts';
export type {
  Algorithm1Config,
  Algorithm1Simulation,
  ComparisonOptions,
  GroupsLoop,
  GroupsRun,
  PureRsConfig,
  PureRsSimulation,
  SimulationPrecondition,
} from './estimators/index.ts';
// The Monte Carlo engine (docs/theory.md §1, §4–6), for runs of your own: policies, a shared
// worker pool, the chunks a run is cut into, and the statistics of its verdict.
// The two-path test of closedness with graded rewards (docs/theory.md §10), by Monte Carlo.
export {
  BernoulliGroup,
  buildSimulation,
  type CheckpointOptions,
  type ChunkResult,
  createSimulationPool,
  type Estimated,
  type Fault,
  type FaultInjection,
  type FaultPlan,
  type LogitMove,
  mergeChunkResults,
  type ResumeOptions,
  type RunEvents,
  rebuildSimulation,
  runChunk,
  type SimulateOptions,
  type Simulation,
  type SimulationConfig,
  type SimulationInput,
  type SimulationOutcome,
  type SimulationPool,
  type SimulationProgress,
  type SimulationResult,
  StoppedRun,
  simulate,
  simulationPrecondition,
  type TwoPathComparison,
  type TwoPathInput,
  type TwoPathOptions,
  type TwoPathResult,
  twoPathTest,
} from './estimators/index.ts';
// Graded rewards and several reward functions (docs/theory.md §10): the update field on reward
// classes, whether it is closed, and its potential J.
export {
  type FieldPoint,
  fieldVerdict,
  type GradedField,
  type GradedObjective,
  type GradedObjectiveOptions,
  type GradedPoint,
  type GradedPotential,
  gradedField,
  gradedObjective,
  type SeparablePart,
} from './graded/index.ts';
export type {
  DistanceTarget,
  LimitInput,
  LimitSize,
  Normalization,
  TargetDistanceOptions,
} from './objective/index.ts';
// Closed forms (docs/theory.md §2–3, §9–10): the objective a weight scheme induces, the schemes,
// the targets, and the incomplete-beta family.
export {
  type BetaFit,
  type BetaFitResult,
  betaFit,
  type DesignOptions,
  type DesignReport,
  design,
  h,
  hAtOne,
  harmonicShiftedH,
  hCoefficients,
  hPrime,
  type LargeMLimit,
  largeMLimit,
  normalizedH,
  type ObjectiveLimit,
  type ObjectiveLimitOptions,
  type ObjectiveOptions,
  type ObjectivePoint,
  type ObjectiveTable,
  type ObjectiveTablePoint,
  objective,
  objectiveBetaFit,
  objectiveLimit,
  objectivePoints,
  type Sampled,
  type SupDistance,
  sampled,
  supDistance,
  type TargetDistance,
  targetDistance,
} from './objective/index.ts';
export type {
  GuidedSampler,
  PromptTerm,
  Sampler,
  SinglePolicyDescription,
} from './policies/index.ts';
export {
  buildPolicy,
  type GradedPolicy,
  type GradedSoftmaxDescription,
  gradedSoftmax,
  type Policy,
  type PolicyDescription,
  parsePolicy,
} from './policies/index.ts';
export type {
  Axis,
  CheckRow,
  Contour,
  FieldArrow,
  Figure,
  HeatCell,
  Report,
  ReportFigure,
  Series,
  Simplex3,
  SimplexFigure,
  SimplexPanel,
  Summary,
} from './report/index.ts';
export {
  levelClasses,
  parseLevels,
  type RewardClasses,
  type RewardClassOptions,
  rewardClasses,
  rewardFunctionClasses,
} from './rewards/index.ts';
export { type GuideTable, substream, type Uniform, UniformStream } from './rng/index.ts';
export type { SchemeFormulas, SchemeLimit } from './schemes/index.ts';
export {
  type Aggregation,
  CATALOGUE_SPECS,
  type CountFormTables,
  catalogueAt,
  type GradedScheme,
  gradedScheme,
  type Scheme,
  type SchemeKind,
  type StatedLimit,
  scheme,
  schemeCatalogue,
  schemeDefinedAt,
  schemeLimit,
} from './schemes/index.ts';
export type {
  UpdateLaw,
  VectorMomentsJson,
  VectorSink,
  VerdictInput,
  VerdictOptions,
} from './stats/index.ts';
export {
  holm,
  holmThresholds,
  type NormalApproximation,
  normalApproximation,
  resolution,
  VectorMoments,
  type Verdict,
  verdict,
  zScores,
  zThreshold,
} from './stats/index.ts';
export {
  betaSpec,
  FORMULA_FUNCTIONS,
  functionTarget,
  incompleteBeta,
  incompleteBetaDensity,
  type Target,
  type TargetFunctions,
  target,
} from './targets/index.ts';
export type { DeterministicCheck, MonteCarloCheck, VerifySettings } from './verify/index.ts';
export {
  type BatteryProgress,
  type Check,
  type MergeVerifyOptions,
  mergeVerify,
  THEOREM_IDS,
  type TheoremId,
  type VerifyOptions,
  verify,
  verifyShard,
} from './verify/index.ts';
