// Public API of src/dynamics: Algorithm 1 run as stochastic gradient ascent on a corpus, its
// mean field, and the check along the path (docs/theory.md §8). Usage: docs/train.md.
export { ClosedFormEvaluator } from './closed-form-evaluator.ts';
export {
  buildCorpus,
  CORPUS_KINDS,
  type Corpus,
  type CorpusDescription,
  type CorpusKind,
  parseCorpus,
} from './corpus.ts';
export { DECILES, type MetricLayout, metricLayout } from './curve-metrics.ts';
export { type DriftProjections, driftProjections } from './drift-projections.ts';
export { type DriftLaw, type MeanFieldResult, meanField } from './mean-field.ts';
export { decidePathChecks, type PathCheck, pathCheckThreshold } from './path-check.ts';
export {
  type MeanFieldCurves,
  type RunTrainOptions,
  runTrain,
  type SchemeDynamics,
  type SeedCurve,
  schemeMeanField,
  type TrainOutcome,
  type TrainProgress,
  type TrainResult,
  trainJson,
} from './run-train.ts';
export { type PathResult, type PathSetup, runSeed } from './sga-paths.ts';
export { type TrainOptions, train } from './train.ts';
export {
  parseTrainChunkResult,
  runTrainChunk,
  type TrainChunkResult,
  trainSetup,
} from './train-chunk.ts';
export {
  recordedSteps,
  resolveTrain,
  type TrainConfig,
  type TrainInput,
  trainChunkCount,
} from './train-config.ts';
export {
  curveSeries,
  REACH_LEVELS,
  type StepsToReach,
  stepsToReach,
  trainFigures,
} from './train-figures.ts';
export {
  type TrainReportPaths,
  trainReportFiles,
  trainSummaryLine,
  writeTrainReport,
} from './train-report.ts';
