import type { GuideTable, UniformStream } from '../rng/index.ts';
import type { VectorSink } from '../stats/index.ts';
import type { PolicyDescription } from './policy-schema.ts';
import type { ScoreLaw } from './score-law.ts';

/**
 * One prompt's exact terms (docs/theory.md §1, §5): its weight `Q(x)`, its probability of a correct
 * answer `p_x`, and `grad p_x` with respect to its own parameters, which sit at
 * `offset .. offset + gradP.length - 1` of the policy's parameter vector; and the exact law of
 * each score component given a correct or a wrong response (for the simulator's check that
 * its z-tests are trustworthy).
 */
export interface PromptTerm {
  readonly Q: number;
  readonly p: number;
  readonly gradP: Float64Array;
  readonly offset: number;
  readonly scores: ScoreLaw;
}

/**
 * Draws one prompt's responses for the simulators (docs/theory.md §1, steps 2–3) and keeps, in
 * place of each response, counts: per answer (a sequence: per transition) and reward class, the
 * class of a binary reward being the reward itself (0 wrong, 1 correct). The weights of
 * Algorithm 1 depend on a response only through its class within a group (count form, §2), so the
 * group's update `sum_i w[R_i] grad log pi(y_i)` is a function of those counts, computed once per
 * group in O(dim) however many responses were drawn. Every response takes {@link width}
 * uniforms, in draw order, so the draws are a function of the stream alone.
 */
export interface Sampler {
  /** Uniforms one response takes: 1, or a sequence's `L`. */
  readonly width: number;
  /**
   * The reward classes of the responses of the last {@link draw} (binary rewards: 0 or 1; the
   * graded classes of docs/theory.md §10: `0..C-1`), in draw order, at `[0, count)`. Read it
   * after each draw: a larger group than before replaces it.
   */
  readonly rewards: Int32Array;
  /**
   * Draws `count` responses from `uniforms[k .. k + count·width - 1]`, {@link width} each in
   * order, adds them into the counts, writes their classes into {@link rewards} and returns the
   * sum of the classes (with binary rewards, how many are correct).
   */
  draw(uniforms: Float64Array, k: number, count: number): number;
  /**
   * Sends `scale · sum_i w[R_i] grad log pi(y_i)` over the responses drawn since the last call,
   * from their counts, to the prompt's block of the gradient, components `offset ..` of the
   * vector `out` has started (its parameters in the policy's vector: `PromptTerm.offset`,
   * `gradP.length` of them), each as it is computed, and clears the counts. `w[c]` is the
   * weight of reward class `c`; a class with no response may have any finite weight.
   */
  update(w: Float64Array, scale: number, out: VectorSink, offset: number): void;
  /**
   * Present when each response is one uniform drawn by inversion through a guide table whose
   * entries hold its counts: a loop may then have the stream draw the responses as it makes the
   * uniforms (`UniformStream.refillGuided` with this table), and add them with
   * {@link GuidedSampler.count} in place of {@link draw}.
   */
  readonly guided?: GuidedSampler;
}

/**
 * A {@link Sampler}'s responses drawn by the stream itself (`UniformStream.refillGuided`): the
 * guide table, and how the responses drawn there are added into the sampler's counts.
 */
export interface GuidedSampler extends GuideTable {
  /**
   * Adds the responses drawn by the uniforms `from .. to - 1` of the stream's last guided
   * refill, whose running sums of entries are `sums` (`UniformStream.counts`), into the counts
   * that {@link Sampler.update} reads, as {@link Sampler.draw} would; returns the sum of their
   * classes (the stream's `rewards`, which the sampler's own are not).
   */
  count(sums: Int32Array, from: number, to: number): number;
  /**
   * After the {@link GuidedSampler.count} calls of one group of at most `low` responses: the group's counts
   * per answer packed into one non-negative int32, answer `y`'s count in its field of the guide
   * entries (the bits above `low`'s, answer by answer), taken out of the sampler, which is left
   * as before the group. Equal counts give equal keys.
   */
  takeCounts(): number;
  /**
   * {@link Sampler.update} of a group of `M` responses, `K` of them correct, whose counts
   * {@link GuidedSampler.takeCounts} gave as `packed`: the same bits as the update after its
   * {@link GuidedSampler.count}.
   */
  updateCounts(
    packed: number,
    M: number,
    K: number,
    w: Float64Array,
    scale: number,
    out: VectorSink,
    offset: number,
  ): void;
}

/**
 * A policy's samplers for one run of groups: one {@link Sampler} per prompt, and the draw of a
 * group's prompt. A class, so that the loops' calls have one target whatever the policy.
 */
export class PolicySampler {
  /**
   * @param prompts one sampler per prompt, in the order of `Policy.prompts`
   * @param cumulative a corpus's running sums of `Q`, ending at exactly 1; null for a single
   *   policy, whose groups draw no prompt
   */
  constructor(
    readonly prompts: readonly Sampler[],
    private readonly cumulative: Float64Array | null = null,
  ) {}

  /**
   * Starts a group: a corpus draws its prompt `x ~ Q` from the next uniform `v` of `u`, the
   * smallest `x` with `v < cumulative[x]`, and returns it; a single policy reads nothing and
   * returns 0.
   */
  prompt(u: UniformStream): number {
    const cumulative = this.cumulative;
    if (cumulative === null) return 0;
    const v = u.next();
    let x = 0;
    while (v >= cumulative[x]!) x++;
    return x;
  }
}

/**
 * What the sampler loop reads of a policy: its number of parameters, its samplers, and where each
 * prompt's block of parameters starts (the blocks are contiguous, in prompt order).
 */
export type SampledPolicy = Pick<Policy, 'dim' | 'sampler'> & {
  readonly prompts: readonly Pick<PromptTerm, 'offset'>[];
};

/**
 * A policy with exact `p` and `grad p` (docs/theory.md §5): Bernoulli-logistic, tabular softmax, the
 * autoregressive toy model, or a corpus of those. Built from a validated {@link PolicyDescription}.
 */
export interface Policy {
  readonly kind: PolicyDescription['kind'];
  /** The canonical description, with every default filled in; JSON-safe. */
  readonly description: PolicyDescription;
  /** Number of parameters (the length of the gradient). */
  readonly dim: number;
  /** The parameters the gradient is taken with respect to (bernoulli `theta`, softmax logits, ...). */
  readonly theta: Float64Array;
  /** One term per prompt; a single policy has one with `Q = 1` and offset 0. */
  readonly prompts: readonly PromptTerm[];
  /** New samplers (they hold the counts of a group being drawn). */
  sampler(): PolicySampler;
}
