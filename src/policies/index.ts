// Public API of src/policies: re-export each public function from its own file.
export { bernoulli } from './bernoulli.ts';
export { buildPolicy } from './build-policy.ts';
export { categoricalCdf, drawCategorical } from './categorical-sampler.ts';
export { corpus } from './corpus.ts';
export { LIST_SEPARATOR, parsePolicy } from './parse-policy.ts';
export { ENUMERATION_LIMIT, type Policy, type PromptTerm, type Sampler } from './policy.ts';
export {
  type PolicyDescription,
  policyKindSchemas,
  policySchema,
  type SinglePolicyDescription,
} from './policy-schema.ts';
export type { ScoreLaw, ScoreSide } from './score-law.ts';
export { type ScoreMoments, scoreMoments } from './score-moments.ts';
export { type SequenceParams, sequence } from './sequence.ts';
export { softmax } from './softmax.ts';
export { softmaxProbabilities } from './softmax-probabilities.ts';
