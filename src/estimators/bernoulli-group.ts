import { UNIFORM_BUFFER, type UniformStream } from '../rng/index.ts';
import { PATTERN_TABLE_MAX_M, type Scheme } from '../schemes/index.ts';

/**
 * One group of Algorithm 1 on a Bernoulli prompt (docs/theory.md §1, §5): `M` rewards
 * `R_i ~ Bernoulli(p)`, each from one uniform of the stream, the weights `Z` from the scheme's
 * native group formula on those rewards, and the group's update
 * `g = (1/M) sum_i Z_i (R_i - p)` (as `d log pi / d theta = R - p`), summed in response order.
 *
 * The weights come from `scheme.groupWeightsInto` where the scheme has it and `M` is above
 * `PATTERN_TABLE_MAX_M` (two weights per group, computed once each), else from
 * `scheme.advantagesInto` (a table lookup up to that size): both give the native formula's
 * bits, so the update's bits do not depend on which one runs. Reuses its buffers: no allocation
 * per group.
 */
export class BernoulliGroup {
  readonly M: number;
  /** The rewards of the last group {@link draw}n. */
  readonly rewards: Float64Array;
  private readonly weights: Float64Array;
  private readonly two = new Float64Array(2);
  private readonly invM: number;

  constructor(private readonly scheme: Scheme) {
    this.M = scheme.M;
    this.invM = 1 / scheme.M;
    this.rewards = new Float64Array(scheme.M);
    this.weights = new Float64Array(scheme.M);
  }

  /**
   * Draws a group at success probability `p`: `R_i = 1[u_i < p]` for the next `M` uniforms of
   * `u` (exactly, without a branch: `u - p` lies in (-1, 1)), into {@link rewards}; returns its
   * update `g`.
   */
  draw(p: number, u: UniformStream): number {
    const { M, rewards } = this;
    const buffer = u.buffer;
    let k = u.index;
    let K = 0;
    for (let i = 0; i < M; i++) {
      if (k === UNIFORM_BUFFER) {
        u.refill();
        k = 0;
      }
      const r = 0 - Math.floor(buffer[k++]! - p);
      rewards[i] = r;
      K += r;
    }
    u.index = k;
    return this.update(rewards, 0, K, p);
  }

  /**
   * The update `g` of the group whose `M` rewards (each 0 or 1, `K` of them ones) are
   * `rewards[start .. start + M - 1]`, at success probability `p`.
   */
  update(rewards: ArrayLike<number>, start: number, K: number, p: number): number {
    const M = this.M;
    const scheme = this.scheme;
    let acc = 0;
    if (scheme.groupWeightsInto !== undefined && M > PATTERN_TABLE_MAX_M) {
      const two = this.two;
      scheme.groupWeightsInto(rewards, start, K, two);
      for (let i = start; i < start + M; i++) {
        const r = rewards[i]!;
        acc += two[r]! * (r - p);
      }
    } else {
      const own = this.rewards;
      const weights = this.weights;
      if (rewards !== own || start !== 0) {
        for (let i = 0; i < M; i++) own[i] = rewards[start + i]!;
      }
      scheme.advantagesInto(own, weights);
      for (let i = 0; i < M; i++) acc += weights[i]! * (own[i]! - p);
    }
    return acc * this.invM;
  }
}
