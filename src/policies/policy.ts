import type { UniformStream } from '../rng/index.ts';
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
 * Draws responses for the simulators (docs/theory.md §1, steps 1–2) and adds their score vectors
 * `grad log pi(y)` into a gradient buffer given when the sampler was made. Slots name the
 * responses of the current group, so that their scores can be added once the weights are known.
 * Every response takes one uniform (a sequence one per token), a corpus's prompt one more, in
 * draw order: the draws are a function of the stream alone.
 */
export interface Sampler {
  /**
   * Draws one group: its prompt `x ~ Q` (a corpus), then responses into slots `0..count-1`;
   * writes their rewards `R` (0 or 1) into `rewards` and returns how many are correct.
   */
  drawGroup(u: UniformStream, rewards: Float64Array, count: number): number;
  /** Starts a group response by response (pure rejection sampling): a corpus draws `x` here. */
  beginGroup(u: UniformStream): void;
  /** Draws one response of the current group into `slot`; returns its reward `R` (0 or 1). */
  draw(u: UniformStream, slot: number): number;
  /**
   * Adds `sum_i (w_i · scale) grad log pi(y_i)` over the slots `i < count` with `w_i != 0`, in
   * slot order, into the buffer (which the caller has zeroed).
   */
  addScores(weights: ArrayLike<number>, count: number, scale: number): void;
}

/**
 * Draws `count` responses one by one through a sampler's `draw` into slots `0..count-1`, writing
 * their rewards; returns how many are correct. A sampler's `drawGroup` does this when the group's
 * uniforms straddle a refill of the stream, and otherwise reads them from the buffer in a loop
 * without calls.
 */
export function drawEach(
  draw: Sampler['draw'],
  u: UniformStream,
  rewards: Float64Array,
  count: number,
): number {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    rewards[i] = draw(u, i);
    correct += rewards[i]!;
  }
  return correct;
}

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
  /**
   * A sampler remembering up to `slots` responses per group, adding scores into `g`
   * (length {@link dim}).
   */
  sampler(slots: number, g: Float64Array): Sampler;
}
