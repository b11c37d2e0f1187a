// Public API of src/estimators.
export { algorithm1Bernoulli, algorithm1Groups } from './algorithm1-loops.ts';
export { BernoulliGroup } from './bernoulli-group.ts';
export {
  type CheckpointedWork,
  type CheckpointOptions,
  checkpointedRun,
  type ResumeOptions,
  type RunCheckpoint,
  type RunEvents,
  StoppedRun,
  withRunLock,
} from './checkpointed-run.ts';
export {
  type ChunkResult,
  mergeChunkResults,
  parseChunkResult,
  requireUncapped,
} from './chunk-result.ts';
export { type Fault, type FaultPlan, runChunk } from './chunk-task.ts';
export {
  algorithm1ClosedForm,
  expectedDraws,
  gradedClosedForm,
  pureRsClosedForm,
} from './closed-forms.ts';
export { type PureRsCounts, pureRsBernoulli, pureRsGroups } from './pure-rs-loops.ts';
export {
  ChunkFailure,
  type ChunkRunOptions,
  type FaultInjection,
  type RunChunksOptions,
  runChunks,
  runChunkTasks,
} from './run-chunks.ts';
export {
  type RunSimulationOptions,
  runSimulation,
  type SimulationProgress,
} from './run-simulation.ts';
export { type SimulateOptions, simulate } from './simulate.ts';
export {
  type Algorithm1Config,
  type Algorithm1Simulation,
  chunkCount,
  configClasses,
  type GradedSimulation,
  type GroupsLoop,
  type GroupsRun,
  type PureRsConfig,
  type PureRsSimulation,
  rebuildSimulation,
  type Simulation,
  type SimulationConfig,
} from './simulation-config.ts';
export {
  buildSimulation,
  DRAW_CAP_MARGIN,
  type SimulationInput,
} from './simulation-input.ts';
export { createSimulationPool, createWorkerPool, type SimulationPool } from './simulation-pool.ts';
export {
  type ComparisonOptions,
  ROUNDING_FLOOR,
  type SimulationOutcome,
  type SimulationPrecondition,
  type SimulationResult,
  simulationPrecondition,
  summarizeSimulation,
} from './simulation-verdict.ts';
export {
  type Estimated,
  type LogitMove,
  type TwoPathComparison,
  type TwoPathInput,
  type TwoPathNode,
  type TwoPathOptions,
  type TwoPathPlan,
  type TwoPathResult,
  twoPathGroupsNeeded,
  twoPathOutcome,
  twoPathPlan,
  twoPathTest,
  twoPathThreshold,
} from './two-path.ts';
export { type ComparedLaw, updateLaws } from './update-laws.ts';
export { announceLoaded } from './worker-loaded.ts';
