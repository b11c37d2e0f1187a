import type { SchemeFormulas } from './scheme-kind.ts';

/**
 * A weight scheme bound to one group size `M` (MATH.md §2–3): a named, validated value with
 * two forms of the same weights.
 *
 * - {@link Scheme.advantages} is the native group formula, computed exactly as a trainer
 *   computes it (group mean, group std, ...). The Monte Carlo engine uses only this form.
 * - {@link Scheme.a} and {@link Scheme.b} are the count-form tables,
 *   `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]` with `S_i` the number of *other* correct answers.
 *   The closed-form objective uses only these (through `c = b - a`).
 *
 * That the two forms agree is a checked property, not an assumption.
 */
export interface Scheme {
  /** Canonical spec with every default filled in; `scheme(spec, M)` rebuilds the same scheme. */
  readonly spec: string;
  /** Catalogue name, e.g. `grpo`, `passk`, `verl-grpo`. */
  readonly name: string;
  /** Group size. */
  readonly M: number;
  /**
   * Native group formula: the weight `Z_i` of every response in a group of `M` binary rewards.
   * Throws an InputError when `rewards.length !== M` or a reward is not 0 or 1.
   */
  advantages(rewards: readonly number[]): number[];
  /**
   * The same native formula without validation or allocation, for the simulators' inner loop
   * (tabulated over reward patterns for small M: the same bits, see `patternTable`):
   * writes `Z_i` into `out[0..M-1]`. The caller guarantees `M` rewards, each 0 or 1.
   */
  advantagesInto(rewards: ArrayLike<number>, out: Float64Array): void;
  /**
   * The native formula's two weights of a group, wrong then correct, where the formula has that
   * form (`SchemeFormulas.groupWeightsInto`: the same bits as {@link advantagesInto}); absent
   * otherwise.
   */
  readonly groupWeightsInto?: SchemeFormulas['groupWeightsInto'];
  /** `a[s]`: weight of a wrong answer when `s` of the other `M - 1` answers are right. */
  readonly a: readonly number[];
  /** `b[s]`: weight of a right answer when `s` of the other `M - 1` answers are right. */
  readonly b: readonly number[];
  /** `c[s] = b[s] - a[s]`, the only part of the tables the expected update depends on. */
  readonly c: readonly number[];
}
