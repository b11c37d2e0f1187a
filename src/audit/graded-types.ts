import type { GradedObjective } from '../graded/index.ts';
import type { Coverage, Where } from './types.ts';

/**
 * Types of an audit on reward classes (docs/theory.md §10): graded rewards or several reward
 * functions, observed in a trace or produced by code, and the JSON shape that `rl-objective audit
 * --levels/--reward-functions --json` (or a trace with graded rewards) prints.
 */

/** One group: the class of each response (`0..C-1`) and the weights the audited code gave. */
export interface ClassGroup {
  readonly classes: ArrayLike<number>;
  readonly advantages: ArrayLike<number>;
  readonly where: Where;
  /** The trace's `batch` of the group, when the trace names batches. */
  readonly batch?: string;
}

/**
 * A concrete reason the weights are not in generalized count form: one cell (a response's own
 * class and the class counts of the other `M - 1`) that got two different weights, or a weight
 * that is not a finite number. `values` are the two weights (the first at the earlier
 * observation) or the one non-finite value.
 */
export type ClassViolation = Where & {
  readonly M: number;
  /** The class of the response whose weight is in question, as written (`0.5`, `0/1`). */
  readonly class: string;
  /** The class counts of the other `M - 1` responses, one per class in class order. */
  readonly others: readonly number[];
  readonly values: readonly number[];
  readonly reason: string;
};

/**
 * Weights that are count form up to one positive factor per batch (docs/theory.md §10: TRL's
 * batch standardization, verl's GPG `alpha`): within each batch every cell got one weight, and
 * the weights of each batch are one positive multiple of those of the first batch.
 */
export interface BatchFactor {
  /** Number of batches. */
  readonly batches: number;
  /** The batch whose factor is 1: the first in the trace. */
  readonly reference: string;
  /** The smallest and largest factor relative to it. */
  readonly smallest: number;
  readonly largest: number;
}

/** The audit of one group size on reward classes. */
export interface ClassSizeAudit {
  readonly M: number;
  /** Cells `(class, counts of the others)` observed, of `C` times the compositions of `M - 1`. */
  readonly coverage: Coverage;
  /** Whether every observation at this size agreed with its cell (up to the batch factor, if any). */
  readonly countForm: boolean;
  /**
   * The field verdict of src/graded on the recovered weights `w_j(n)` (closed, tolerance, curl
   * and `kappa`, `J` and its form where closed, the large-M reading where not); null when the
   * size is not count form or some cell was never observed (`fieldReason` says which).
   */
  readonly field: GradedObjective | null;
  readonly fieldReason?: string;
}

/** The whole audit on reward classes, exactly the JSON printed by `rl-objective audit --json`. */
export interface ClassAuditReport {
  /** The classes as an option (`levels=0,0.5,1`, `reward-functions=2`). */
  readonly classes: string;
  /** Each class as written (`0.5`, `0/1`), in class order. */
  readonly labels: readonly string[];
  /** Whether the classes were inferred from the trace rather than declared. */
  readonly inferred: boolean;
  /** Generalized count form, strictly: every cell got one weight across every group. */
  readonly countForm: boolean;
  /** Present when not strictly count form but count form up to one positive factor per batch. */
  readonly batchFactor?: BatchFactor;
  /** Why the batch factor does not hold, when the trace names batches and it was tried. */
  readonly batchFactorReason?: string;
  /** Strict violations, ordered by group size. */
  readonly violations: readonly ClassViolation[];
  readonly bySize: readonly ClassSizeAudit[];
  /**
   * Whether every size's field is closed: true, false, or null when no size has a field verdict
   * (not count form, or cells never observed).
   */
  readonly closed: boolean | null;
}

/** A weight function on reward classes: a group's rewards in (levels, or `M x d` rows), weights out. */
export type ClassAdvantagesFn = (
  rewards: number[] | number[][],
) => ArrayLike<number> | Promise<ArrayLike<number>>;
