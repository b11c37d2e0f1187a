import { InputError } from '../errors/index.ts';
import type { RewardClasses } from '../rewards/index.ts';
import { Categorical } from './categorical.ts';
import { PolicySampler } from './policy.ts';
import type { GradedSoftmaxDescription } from './policy-schema.ts';
import type { ScoreSide } from './score-law.ts';
import { logitProbabilities } from './softmax.ts';
import { SoftmaxSampler } from './softmax-sampler.ts';

/**
 * A tabular softmax policy whose answers carry graded rewards (docs/theory.md §10, the Monte Carlo
 * check): `K` answers with logits `theta`, `pi = softmax(theta)`, answer `y` in reward class
 * `classOf[y]`. With `q_j = sum_{classOf[y] = j} pi_y` and `grad log pi(y) = e_y - pi`,
 * `grad q_j = pi ⊙ (1[classOf = j] - q_j)` elementwise, with respect to the logits; with one
 * answer per class, `grad q_j = q_j (e_j - q)`.
 */
export interface GradedPolicy {
  readonly kind: 'softmax';
  /** The canonical description, JSON-safe. */
  readonly description: GradedSoftmaxDescription;
  readonly classes: RewardClasses;
  /** Number of parameters: the answers `K`. */
  readonly dim: number;
  /** The logits. */
  readonly theta: Float64Array;
  readonly pi: Float64Array;
  /** The reward class of each answer. */
  readonly classOf: Uint8Array;
  /** `q_j`, the probability of class `j`, `j = 0..C-1`. */
  readonly q: Float64Array;
  /** `grad q_j` for each class `j`, each of length `K`. */
  readonly gradQ: readonly Float64Array[];
  /**
   * The law of each score component given each class (docs/theory.md §5, `ScoreLaw`, with one
   * side per class instead of correct and wrong): given class `j`, component `y` is `1 - pi_y`
   * with probability `pi_y 1[classOf[y] = j] / q_j` and `-pi_y` otherwise. A class that cannot
   * occur (`q_j = 0`) has `used = hit = 0`.
   */
  readonly scores: { readonly pi: Float64Array; readonly byClass: readonly ScoreSide[] };
  /** One prompt, whose parameters start at 0 (for the sampler loop). */
  readonly prompts: readonly [{ readonly offset: 0 }];
  /**
   * New samplers for the simulators: an answer drawn by inversion from `pi`, then its class, as
   * the binary softmax policy draws (the same `SoftmaxSampler`), kept as counts per answer.
   */
  sampler(): PolicySampler;
}

/**
 * Builds the softmax policy with graded rewards of `description` against the reward classes
 * `classes` (docs/theory.md §10): each answer's reward must be one of the classes (a declared
 * level, or a vector of `d` entries 0 or 1). Throws a one-line InputError for a bad logit, a
 * number of rewards other than one per answer, or a reward outside the classes.
 */
export function gradedSoftmax(
  description: GradedSoftmaxDescription,
  classes: RewardClasses,
): GradedPolicy {
  const { logits, rewards } = description;
  const pi = logitProbabilities(logits);
  const K = logits.length;
  if (rewards.length !== K) {
    throw new InputError(
      `softmax policy: ${rewards.length} rewards for ${K} answers; give one reward per answer`,
    );
  }
  const C = classes.C;
  const classOf = new Uint8Array(K);
  rewards.forEach((reward, y) => {
    const j = classes.classOf(reward);
    if (j === undefined) {
      const shown = typeof reward === 'number' ? String(reward) : reward.join('/');
      throw new InputError(
        `softmax policy: the reward of answer ${y} is ${shown}, not one of the classes of ${classes.spec} (${classes.labels.join(', ')})`,
      );
    }
    classOf[y] = j;
  });
  const categorical = new Categorical(pi, K);
  const q = new Float64Array(C);
  for (let y = 0; y < K; y++) q[classOf[y]!] = q[classOf[y]!]! + pi[y]!;
  const gradQ = Array.from({ length: C }, (_, j) =>
    pi.map((v, y) => v * ((classOf[y] === j ? 1 : 0) - q[j]!)),
  );
  const byClass = Array.from({ length: C }, (_, j) => ({
    used: new Float64Array(K).fill(q[j]! > 0 ? 1 : 0),
    hit: pi.map((v, y) => (q[j]! > 0 && classOf[y] === j ? v / q[j]! : 0)),
  }));
  return {
    kind: 'softmax',
    description: { kind: 'softmax', logits: [...logits], rewards: rewards.map(copy) },
    classes,
    dim: K,
    theta: Float64Array.from(logits),
    pi,
    classOf,
    q,
    gradQ,
    scores: { pi, byClass },
    prompts: [{ offset: 0 }],
    sampler() {
      return new PolicySampler([new SoftmaxSampler(categorical, pi, classOf, C)]);
    },
  };
}

function copy(reward: number | readonly number[]): number | number[] {
  return typeof reward === 'number' ? reward : [...reward];
}
