import { InputError, requirePositiveInteger } from '../errors/index.ts';
import type { SpecReader } from '../grammar/index.ts';

/**
 * One weight scheme bound to a group size `M`, as its two independent formulas (docs/theory.md §2):
 * the native group formula a trainer runs, and the closed-form count expression. The tables
 * `a`, `b` of a {@link Scheme} come from the first (evaluated on canonical groups) up to
 * `NATIVE_TABLES_MAX_M`, and from the second above it; tests prove that the two agree.
 */
export interface SchemeFormulas {
  /**
   * Native group formula, written the way the trainer writes it (group mean, group std from the
   * reward array, ...). Writes `Z_i` into `out[0..M-1]`; must not allocate.
   */
  advantagesInto(rewards: ArrayLike<number>, out: Float64Array): void;
  /**
   * Optional, for a native formula that gives every correct response of a group one weight and
   * every wrong one another: the same formula with each of the two weights computed once. Given
   * a group's rewards at `rewards[start .. start + M - 1]` (each 0 or 1) and their number `K` of
   * ones, writes the weight of a wrong response to `out[0]` and of a correct one to `out[1]`, by
   * the same operations as {@link advantagesInto}, so that `advantagesInto` writes `out[R_i]` at
   * every `i`, bit for bit (tested). The simulators call it where it exists; it must not allocate.
   */
  groupWeightsInto?(rewards: ArrayLike<number>, start: number, K: number, out: Float64Array): void;
  /**
   * True when {@link SchemeFormulas.groupWeightsInto} reads `K` alone, never the rewards: a group's two weights
   * are then the same bits whatever the order of its rewards (tested on the catalogue, at every
   * pattern), so the simulators may pool the groups that have the same answer counts
   * (docs/theory.md §6). Absent where rounding makes the weights depend on the order (GRPO's sum
   * of squares).
   */
  readonly orderFree?: boolean;
  /**
   * Closed-form count expression: the weight of a response with reward `R` in a group with `K`
   * correct answers in all (so `S = K - R`). Only called with `0 <= K - R <= M - 1`.
   */
  weight(R: 0 | 1, K: number): number;
  /**
   * Optional, for a formula defined only for some real rewards (docs/theory.md §10): throws an
   * InputError when rewards from `lowest` to `highest` would leave its domain.
   */
  requireRewardRange?(lowest: number, highest: number): void;
  /**
   * Required of a formula for real rewards (`SchemeKind.realRewards`): an upper bound on
   * `sum_k |dZ_i/dr_k|`, the gradient of one weight in the group's rewards (l1 norm), over every
   * group whose rewards take the given `values` (distinct, increasing). It turns the rounding of
   * the rewards' sums into a bound on the rounding of the weights (docs/theory.md §10, the
   * closedness tolerance); `Infinity` where rounding can move a weight by O(1) (GRPO with
   * `eps = 0` where the mean of equal rewards is inexact).
   */
  rewardGain?(values: readonly number[]): number;
}

/**
 * The known large-M limit of a scheme's normalized objective `h_M(t)/h_M(1)` (docs/theory.md §9), e.g.
 * `I_t(1/2, 1/2)` for grpo.
 */
export interface SchemeLimit {
  /** The limit as the help line states it, e.g. `I_t(1/2, gamma + 1/2) (eps -> 0)`. */
  readonly text: string;
  /**
   * The limit as a target spec (`beta:a=0.5,b=1.5`, `log`), given the parameters of the
   * scheme's canonical spec (every default filled in).
   */
  target(params: ReadonlyMap<string, string>): string;
}

/**
 * A catalogue entry (docs/theory.md §3 and §7): a scheme name, its help text, and a reader that turns
 * the spec parameters into formulas for any group size.
 */
export interface SchemeKind {
  /** Catalogue name, the part of the spec before the colon. */
  readonly name: string;
  /** Keys and defaults, e.g. `grpo[:std=population|sample,eps=1e-8,eps-at=std|var]`. */
  readonly usage: string;
  /** One line for `--help` and error messages. */
  readonly summary: string;
  /** Where `h_M/h_M(1)` goes as `M -> infinity`, when that is known (stated in the help line). */
  readonly limit?: SchemeLimit;
  /**
   * True when the native formula is written for any real rewards, not only 0 and 1, so that the
   * scheme acts on graded rewards and on sums of reward functions (docs/theory.md §10).
   */
  readonly realRewards?: true;
  /**
   * For a scheme acting on real rewards whose graded field is not closed (docs/theory.md §10): how
   * its update reads as M grows, e.g. GRPO's ascent on `E[r]` with step `1/sigma(q)` per prompt.
   */
  readonly gradedReading?: string;
  /**
   * The smallest group size the scheme accepts whatever its parameters; default 1. Checked
   * before the binder of {@link SchemeKind.read} runs; a limit that depends on a parameter
   * (`k <= M`, `std=sample`) is the binder's.
   */
  readonly minM?: number;
  /** Why a group smaller than `minM` is refused, for the message, e.g. `its baseline divides by M - 1`. */
  readonly minMReason?: string;
  /**
   * Reads and validates every parameter that does not depend on `M` (throwing InputError), and
   * returns the binder that validates `M` and builds the formulas.
   */
  read(reader: SpecReader): (M: number) => SchemeFormulas;
}

/**
 * Requires the group size `M` to be at least the scheme's own `minM` ({@link SchemeKind.minM}),
 * e.g. rloo's 2: its formula (or its source library) needs that many responses per group.
 */
export function requireGroupSize(kind: SchemeKind, M: number): void {
  const minM = kind.minM ?? 1;
  if (M < minM) {
    throw new InputError(
      `scheme '${kind.name}' needs M >= ${minM} (${kind.minMReason}), got M = ${M}`,
    );
  }
}

/** The `k` of a pass@k-type scheme: its value, and the check once `M` is known. */
export interface KParameter {
  readonly k: number;
  /** Returns `k`, or throws InputError when `k > M`. */
  bind(M: number): number;
}

/**
 * Reads the required `k` of a pass@k-type scheme (docs/theory.md §3 and §7): an integer `k >= 1`
 * now, and `k <= M` once `M` is known.
 */
export function readK(reader: SpecReader): KParameter {
  const k = reader.requiredNumber('k', requirePositiveInteger);
  return {
    k,
    bind(M) {
      if (k > M) {
        throw new InputError(`scheme '${reader.spec.name}': k must be <= M = ${M}, got k = ${k}`);
      }
      return k;
    },
  };
}
