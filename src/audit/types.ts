import type { BetaFit, Nearest } from '../objective/index.ts';

/**
 * Types of an audit (docs/theory.md §2, "When it does not apply"; §7): what a weight function, a trace or
 * a table was observed to do, and the JSON shape `rl-objective audit --json` prints.
 */

/** Where an observation came from: a trace line (1-based) or a reward pattern such as `0110`. */
export type Where = { readonly line: number } | { readonly pattern: string };

/** One group of binary rewards and the weights `Z_i` the audited code gave them. */
export interface ObservedGroup {
  readonly rewards: ArrayLike<number>;
  readonly advantages: ArrayLike<number>;
  readonly where: Where;
}

/**
 * A concrete reason the weights are not count form: a cell `(R, S)` (equivalently `(K, R)` with
 * `K = R + S`) that got two different values, or a weight that is not a finite number.
 */
export type Violation = Where & {
  readonly M: number;
  /** Number of correct answers in the group. */
  readonly K: number;
  /** The reward of the response whose weight is in question. */
  readonly R: number;
  /** The two disagreeing values (the first is at the earlier observation), or the one non-finite value. */
  readonly values: readonly number[];
  readonly reason: string;
};

/** Which of the `2M` count-form cells were observed at one group size. */
export interface Coverage {
  readonly observed: number;
  readonly total: number;
  /** Unobserved cells, e.g. `a[0]` (a wrong answer, no other right) or `b[7]`. */
  readonly missing: readonly string[];
}

export type { Nearest } from '../objective/index.ts';

/** A point of the induced objective `h_M` (docs/theory.md §2), with `h/h(1)` (`null` when `h(1) = 0`). */
export interface AuditPoint {
  readonly t: number;
  readonly h: number;
  readonly dh: number;
  readonly hNormalized: number | null;
}

/**
 * The audit of one group size. `a` and `b` are `null` when that size is not count form; a cell of
 * `a` or `b` is `null` when it was never observed. `nearest`, `distances`, `aliases`, `fit` and
 * `points` need complete tables of a count-form size, and are `null`/empty otherwise; `fit`
 * also needs an increasing `h_M`, and `fitReason` says why it is null. Every distance is the
 * sup distance of docs/objective.md (`supDistance`) on the points' grid.
 */
export interface SizeAudit {
  readonly M: number;
  readonly a: readonly (number | null)[] | null;
  readonly b: readonly (number | null)[] | null;
  readonly coverage: Coverage;
  readonly nearest: Nearest | null;
  /** The distance to each named target, keyed by the first name of each distinct objective. */
  readonly distances: Readonly<Record<string, number>> | null;
  /** The other names of a key of `distances` (`identity`: `passk:k=1`), where it has any. */
  readonly aliases: Readonly<Record<string, readonly string[]>> | null;
  /**
   * The member `I_t(a, b)` of the incomplete-beta family closest in sup distance to `h_M/h_M(1)`
   * on the points' grid (docs/theory.md §9).
   */
  readonly fit: BetaFit | null;
  readonly fitReason: string | null;
  readonly points: readonly AuditPoint[];
}

/** The whole audit, exactly the JSON printed by `rl-objective audit --json`. */
export interface AuditReport {
  readonly countForm: boolean;
  readonly violations: readonly Violation[];
  readonly bySize: readonly SizeAudit[];
}

/** Options shared by every audit input. */
export interface AuditReportOptions {
  /**
   * Relative tolerance of the count-form check, default 1e-9: two values `x`, `y` of one cell
   * agree when `|x - y| <= relTol * max(|x|, |y|, Zmax)`, `Zmax` the largest `|Z|` observed at that
   * group size (so a weight that is 0 in exact arithmetic and 1e-17 in floating point agrees).
   */
  readonly relTol?: number;
  /** Number of grid points `t = 0, 1/(n-1), ..., 1` for `points`; default 101. */
  readonly grid?: number;
}

/** A weight function under audit: a group's binary rewards in, one weight per response out. */
export type AdvantagesFn = (rewards: number[]) => number[] | Promise<number[]>;
