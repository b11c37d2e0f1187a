import type { SimulationPool } from '../estimators/index.ts';

/**
 * The checks of the verification battery (issue 5): each carries one theorem id of the paper and
 * compares an estimate with a closed form (MATH.md §6).
 */

/** The theorem ids, spelled as in the issue. */
export const THEOREM_IDS = [
  'closed-form-integral',
  'weighted-gradient',
  'pure-rejection-sampling',
  'rejection-sampling-log',
  'grpo-arcsin',
  'baseline-invariance',
  'design',
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

/** What a Monte Carlo check is given to run: its seed, worker pool, cancellation, progress. */
export interface MonteCarloContext {
  /** The run seed; a check names its own substream after its id. */
  readonly seed: string | number;
  /** Worker threads shared by every check of the run; absent when running in this thread. */
  readonly pool?: SimulationPool;
  readonly signal?: AbortSignal;
  /** Fraction of this check done, in [0, 1]. */
  onProgress(fraction: number): void;
}

/**
 * A check that simulates: its z-scores enter the run's Holm split of the family-wise α. A vector
 * identity is one comparison, tested on its component with the largest |z| at a Bonferroni share
 * of the check's level (so the check keeps its level whatever the number of components).
 */
export interface MonteCarloCheck extends CheckBase {
  readonly kind: 'monte-carlo';
  /** Groups (or, for pure rejection sampling, estimates) simulated. */
  readonly groups: number;
  run(context: MonteCarloContext): Promise<MonteCarloOutcome>;
}

/** Any check of the battery. */
export type Check = DeterministicCheck | MonteCarloCheck;
