// Public API of src/stats: re-export each public function from its own file.
export { floatCodec, type JsonFloat } from './float-codec.ts';
export { holm } from './holm.ts';
export { holmThresholds } from './holm-thresholds.ts';
export { ksDistance } from './ks-distance.ts';
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
