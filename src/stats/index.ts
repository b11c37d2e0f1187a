// Public API of src/stats: re-export each public function from its own file.
export { floatCodec, type JsonFloat } from './float-codec.ts';
export { holm } from './holm.ts';
export { holmThresholds } from './holm-thresholds.ts';
export { ksDistance } from './ks-distance.ts';
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
export { resolution } from './resolution.ts';
export { VectorMoments, type VectorMomentsJson } from './vector-moments.ts';
export {
  DEFAULT_ALPHA,
  DEFAULT_BETA,
  type Verdict,
  type VerdictInput,
  type VerdictOptions,
  verdict,
} from './verdict.ts';
export { zScores } from './z-scores.ts';
export { zThreshold } from './z-threshold.ts';
