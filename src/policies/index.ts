// Public API of src/policies.
export { bernoulli } from './bernoulli.ts';
export { buildPolicy } from './build-policy.ts';
export { Categorical, ENUMERATION_LIMIT, softmaxProbabilities } from './categorical.ts';
export { corpus } from './corpus.ts';
export { type GradedPolicy, gradedSoftmax } from './graded-softmax.ts';
export { LIST_SEPARATOR, parsePolicy } from './parse-policy.ts';
export {
  type GuidedSampler,
  type Policy,
  PolicySampler,
  type PromptTerm,
  type SampledPolicy,
  type Sampler,
} from './policy.ts';
export type {
  GradedSoftmaxDescription,
  PolicyDescription,
  SinglePolicyDescription,
} from './policy-schema.ts';
export {
  type ScoreLaw,
  type ScoreMoments,
  type ScoreSide,
  scoreMoments,
  sideMoments,
} from './score-law.ts';
export { type SequenceParams, sequence } from './sequence.ts';
export { softmax } from './softmax.ts';
