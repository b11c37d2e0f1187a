import type { SimulationInput, SimulationResult } from '../estimators/index.ts';
import type { NormalApproximation } from '../stats/index.ts';

/**
 * The checks of the verification battery (docs/theory.md §2–6, §8–10): each carries one theorem id
 * of the paper and compares an estimate with a closed form (docs/theory.md §6).
 */

/** The theorem ids, spelled as in the issue. */
export const THEOREM_IDS = [
  'closed-form-integral',
  'weighted-gradient',
  'pure-rejection-sampling',
  'rejection-sampling-log',
  'grpo-arcsin',
  'limit',
  'baseline-invariance',
  'design',
  'dynamics',
  'graded',
] as const;

/** One of {@link THEOREM_IDS}. */
export type TheoremId = (typeof THEOREM_IDS)[number];

/** What every check states about itself. */
interface CheckBase {
  /** Unique within a battery, stable across runs: it also names the check's random substream. */
  readonly id: string;
  readonly theorem: TheoremId;
  readonly scheme: string;
  readonly M: number | null;
  readonly policy: string;
  /** One line saying what is compared. */
  readonly detail: string;
}

/**
 * The outcome of a deterministic comparison: agreement means |estimate - closedForm| <= tolerance
 * for relation `equal`, and estimate <= closedForm + tolerance for relation `at-most` (a bound).
 */
export interface DeterministicOutcome {
  readonly closedForm: number;
  readonly estimate: number;
}

/**
 * A check with no randomness: a closed form against an independent computation (quadrature,
 * enumeration, a proven bound). Its tolerance is an a-priori error bound, so it never false-fails.
 */
export interface DeterministicCheck extends CheckBase {
  readonly kind: 'deterministic';
  /** Largest allowed |estimate - closedForm| (`equal`), or excess over the bound (`at-most`). */
  readonly tolerance: number;
  /** `equal` (default): the two must match; `at-most`: `closedForm` is an upper bound. */
  readonly relation?: 'equal' | 'at-most';
  evaluate(): DeterministicOutcome;
}

/**
 * The outcome of a Monte Carlo comparison, per component of a vector identity: the estimate, its
 * standard error and the closed form it is compared with.
 */
export interface MonteCarloOutcome {
  readonly estimate: readonly number[];
  readonly stderr: readonly number[];
  readonly closedForm: readonly number[];
  readonly groups: number;
}

/**
 * One simulation a Monte Carlo check needs. The battery runs it (in chunks that can be
 * checkpointed, retried, sharded and merged, docs/theory.md §6) with the run seed filled in.
 */
export interface CheckSimulation {
  /** What to simulate; `stream` names its substream (the check id, or one derived from it). */
  readonly input: Omit<SimulationInput, 'seed'> & { readonly stream: string };
  /** A closed form to compare with instead of the simulation's own (`simulate`'s option). */
  readonly closedForm?: () => ArrayLike<number>;
}

/**
 * A check that simulates: its z-scores enter the run's Holm split of the family-wise α. A vector
 * identity is one comparison, tested on its component with the largest |z| at a Bonferroni share
 * of the check's level (so the check keeps its level whatever the number of components).
 *
 * The check only describes its simulations and how to read its outcome from their results: the
 * battery runs them, so that its chunks are numbered across the whole battery.
 */
export interface MonteCarloCheck extends CheckBase {
  readonly kind: 'monte-carlo';
  /** Groups (or, for pure rejection sampling, estimates) simulated. */
  readonly groups: number;
  /** Components compared: the `d` of the check's Bonferroni share. */
  readonly components: number;
  /**
   * The validity precondition of the normal approximation behind its z (docs/theory.md §6,
   * `normalApproximation` on the exact law of every compared statistic) at its own groups and
   * `|z|` threshold `threshold`, with the groups it needs there. It depends on the
   * configuration only, never on the draws.
   */
  precondition(threshold: number): NormalApproximation;
  /** The simulations the check runs, in order; their streams are unique within a battery. */
  readonly simulations: readonly CheckSimulation[];
  /**
   * For a check that simulates in this thread instead of through chunked `simulations` (which
   * it leaves empty): its outcome for the run seed, a pure function of the seed (`dynamics`,
   * whose paths are cheap). The battery calls it where a deterministic check is evaluated, so
   * shards skip it and `merge` computes it.
   */
  evaluate?(seed: string | number): MonteCarloOutcome;
  /**
   * {@link MonteCarloCheck.evaluate} in parts, for a battery that computes it in this thread beside the
   * simulations of its worker pool: each `next()` does one part of the work (a few tens of
   * milliseconds), and the last returns the outcome `evaluate` gives, bit for bit.
   */
  evaluateInParts?(seed: string | number): Iterator<undefined, MonteCarloOutcome, undefined>;
  /** The comparison, from the results of {@link simulations}, in the same order. */
  outcome(results: readonly SimulationResult[]): MonteCarloOutcome;
}

/** Runs an iterator of parts (`MonteCarloCheck.evaluateInParts`) to its end: its outcome. */
export function finish<T>(parts: Iterator<undefined, T, undefined>): T {
  for (;;) {
    const step = parts.next();
    if (step.done) return step.value;
  }
}

/** Any check of the battery. */
export type Check = DeterministicCheck | MonteCarloCheck;

/**
 * The comparison with the largest |estimate - closedForm| over a set of points: how a
 * deterministic check that holds "for every t" reports its single row.
 */
export function worstOver<T>(
  points: readonly T[],
  compare: (point: T) => DeterministicOutcome,
): DeterministicOutcome {
  let worst: DeterministicOutcome = { closedForm: 0, estimate: 0 };
  let size = -1;
  for (const point of points) {
    const outcome = compare(point);
    const gap = Math.abs(outcome.estimate - outcome.closedForm);
    // NaN must surface as the worst, so compare with `!(gap <= size)`.
    if (!(gap <= size)) {
      worst = outcome;
      size = Number.isNaN(gap) ? Number.POSITIVE_INFINITY : gap;
    }
  }
  return worst;
}
