// Public API of src/stats: z-tests and Holm's procedure, verdicts, streaming moments and the
// precondition of the normal approximation (docs/theory.md §6).

export { type MixturePart, type Moments, mixtureMoments } from './mixture-moments.ts';
export {
  GROUPS_PER_T4,
  type NormalApproximation,
  normalApproximation,
  RARE_EXPECTED,
  SHIFT_EXCESS,
  SKEWNESS_BUDGET,
  SMALLEST_SPREAD,
  type UpdateLaw,
} from './normal-approximation.ts';
export { normalCdf, normalQuantile } from './normal-law.ts';
export { ShiftedSums } from './shifted-sums.ts';
export {
  floatCodec,
  type JsonFloat,
  VectorMoments,
  type VectorMomentsJson,
  vectorMomentsSchema,
} from './vector-moments.ts';
export { VectorBuffer, type VectorSink } from './vector-sink.ts';
export {
  type Verdict,
  type VerdictInput,
  type VerdictOptions,
  verdict,
} from './verdict.ts';
export {
  firstStepThreshold,
  holm,
  holmThresholds,
  ksDistance,
  resolution,
  zScores,
  zThreshold,
} from './z-tests.ts';
