import { NORMAL_APPROXIMATION_FACTOR } from '../test/support/budget/false-fail.ts';

/**
 * The false-fail budget of the property suite (CONTRIBUTING: "the family-wise rate of a whole
 * `npm test` run stays at or below 1e-6"): this suite allots at most {@link SUITE_ALPHA} to its
 * laws, before they run. What a run actually spends is what the false-fail registry
 * (test/support/budget/) records, assertion by assertion, and adds up over every test file.
 *
 * Deterministic properties have a false-fail rate of 0 (their tolerances are a-priori error
 * bounds, not statistics), so only the properties that draw random numbers appear here. Each
 * entry is the nominal family-wise false-fail rate of one law over all its fast-check runs and all
 * gradient components; the law splits it by Bonferroni over its runs (`MC_RUNS`) and hands the
 * per-run share to the library's Holm split over components. The nominal rates assume the normal
 * approximation; the laws only simulate configurations where the library's precondition holds
 * (`simulationPrecondition`), inside which the true rate is within
 * {@link NORMAL_APPROXIMATION_FACTOR} of the nominal one, so the true total is at most that
 * factor times the nominal sum. `budget.test.ts` checks it.
 */
export const SUITE_ALPHA = 5e-7;

/** Nominal per-law family-wise false-fail rates (see the module comment). */
export const PROPERTY_ALPHA = {
  /** Algorithm 1 on random schemes and Bernoulli policies agrees with h'(p) grad p. */
  simulatorBernoulli: 7e-8,
  /** Algorithm 1 on random schemes and softmax / sequence / corpus policies agrees. */
  simulatorVector: 7e-8,
  /** A pure baseline (a = b = d) has a zero expected update. */
  simulatorBaseline: 5e-8,
  /** Pure rejection sampling agrees with grad log p and B/p draws. */
  pureRejection: 5e-8,
  /** The power laws' null halves: the unperturbed runs agree. */
  powerNull: 5e-8,
  /** Runs through the piscina pool (1 thread) agree. */
  simulatorPool: 2e-8,
  /** The rare-event scheme, with the groups the precondition asks for, agrees. */
  rareEvent: 1e-8,
} as const;

/**
 * Bonferroni: the false-fail rate each of `runs` fast-check runs may spend so that the law as a
 * whole spends at most `alpha`.
 */
export function perRun(alpha: number, runs: number): number {
  return alpha / runs;
}

/** The true family-wise false-fail bound of the suite: the nominal sum times the factor. */
export function suiteFalseFailBound(): number {
  const nominal = Object.values(PROPERTY_ALPHA).reduce((s, a) => s + a, 0);
  return NORMAL_APPROXIMATION_FACTOR * nominal;
}
