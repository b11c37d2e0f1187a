// Public API of src/estimators: re-export each public function from its own file.
export { algorithm1Bernoulli } from './algorithm1-bernoulli.ts';
export { algorithm1ClosedForm } from './algorithm1-closed-form.ts';
export { algorithm1Groups } from './algorithm1-groups.ts';
export { chunkCount } from './chunk-count.ts';
export { ChunkFailure } from './chunk-failure.ts';
export type { ChunkResult } from './chunk-result.ts';
export { expectedDraws } from './expected-draws.ts';
export { mergeChunkResults } from './merge-chunk-results.ts';
export { parseChunkResult } from './parse-chunk-result.ts';
export { pureRsBernoulli } from './pure-rs-bernoulli.ts';
export { pureRsClosedForm } from './pure-rs-closed-form.ts';
export { type PureRsCounts, pureRsGroups } from './pure-rs-groups.ts';
export { requireUncapped } from './require-uncapped.ts';
export { runChunk } from './run-chunk.ts';
export { type RunChunksOptions, runChunks } from './run-chunks.ts';
export { type SimulateOptions, type SimulationProgress, simulate } from './simulate.ts';
export {
  DEFAULT_MAX_DRAWS,
  DRAW_CAP_MARGIN,
  ESTIMATORS,
  type Estimator,
  resolveSimulation,
  type SimulationConfig,
  type SimulationInput,
} from './simulation-config.ts';
export { createSimulationPool, type SimulationPool } from './simulation-pool.ts';
export {
  type SimulationPrecondition,
  simulationPrecondition,
} from './simulation-precondition.ts';
export {
  type ComparisonOptions,
  ROUNDING_FLOOR,
  type SimulationOutcome,
  type SimulationResult,
  summarizeSimulation,
} from './summarize-simulation.ts';
export { type ComparedLaw, updateLaws } from './update-laws.ts';
