import { InputError } from '../errors/index.ts';
import { Categorical, ENUMERATION_LIMIT, softmaxProbabilities } from './categorical.ts';
import { type Policy, PolicySampler } from './policy.ts';
import { SoftmaxSampler } from './softmax-sampler.ts';

/**
 * The tabular softmax policy (docs/theory.md §5): `K` responses with logits `theta`, correct subset `C`.
 * `pi = softmax(theta)`, `p = sum_{y in C} pi_y`, `grad log pi(y) = e_y - pi` and
 * `grad p = pi ⊙ (1_C - p)`, elementwise, with respect to the logits.
 *
 * Throws InputError when `K` exceeds {@link ENUMERATION_LIMIT}, a logit is not finite, or a
 * correct index is not an integer in `0..K-1` or repeats.
 */
export function softmax(params: {
  readonly logits: readonly number[];
  readonly correct: readonly number[];
}): Policy {
  const { logits, correct } = params;
  const pi = logitProbabilities(logits);
  const K = logits.length;
  const isCorrect = new Uint8Array(K);
  for (const y of correct) {
    if (!Number.isInteger(y) || y < 0 || y >= K) {
      throw new InputError(`softmax policy: correct index ${y} must be an integer in 0..${K - 1}`);
    }
    if (isCorrect[y]) throw new InputError(`softmax policy: correct index ${y} is given twice`);
    isCorrect[y] = 1;
  }
  let p = 0;
  for (const y of correct) p += pi[y]!;
  const gradP = pi.map((v, y) => v * (isCorrect[y]! - p));
  const always = (q: number) => new Float64Array(K).fill(q > 0 ? 1 : 0);
  const scores = {
    pi,
    correct: { used: always(p), hit: pi.map((v, y) => (p > 0 ? (v * isCorrect[y]!) / p : 0)) },
    wrong: {
      used: always(1 - p),
      hit: pi.map((v, y) => (p < 1 ? (v * (1 - isCorrect[y]!)) / (1 - p) : 0)),
    },
  };
  const categorical = new Categorical(pi, K);
  return {
    kind: 'softmax',
    description: { kind: 'softmax', logits: [...logits], correct: [...correct] },
    dim: K,
    theta: Float64Array.from(logits),
    prompts: [{ Q: 1, p, gradP, offset: 0, scores }],
    sampler() {
      return new PolicySampler([new SoftmaxSampler(categorical, pi, isCorrect, 2)]);
    },
  };
}

/**
 * `pi = softmax(logits)` of a tabular softmax policy (docs/theory.md §5), after checking that
 * there are 1 to {@link ENUMERATION_LIMIT} logits, each finite; throws InputError otherwise.
 */
export function logitProbabilities(logits: readonly number[]): Float64Array {
  const K = logits.length;
  if (K < 1 || K > ENUMERATION_LIMIT) {
    throw new InputError(
      `softmax policy: K = ${K} responses; allowed 1..${ENUMERATION_LIMIT} (the enumeration limit)`,
    );
  }
  logits.forEach((v, j) => {
    if (!Number.isFinite(v))
      throw new InputError(`softmax policy: logit ${j} must be finite, got ${v}`);
  });
  return softmaxProbabilities(logits);
}
