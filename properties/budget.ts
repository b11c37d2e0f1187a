/**
 * The false-fail budget of the property suite (CONTRIBUTING: "the family-wise rate of a whole
 * `npm test` run stays at or below 1e-6"). The Monte Carlo engine's own unit tests take up to
 * 1e-7 of that; this suite takes at most {@link SUITE_ALPHA}. Deterministic properties have a
 * false-fail rate of 0 (their tolerances are a-priori error bounds, not statistics), so only the
 * properties that draw random numbers appear here.
 *
 * Each entry is the family-wise false-fail rate of one property over all its fast-check runs and
 * all gradient components; the property splits it by Bonferroni over `numRuns` and hands the
 * per-run share to the library's Holm split over components. `budget.test.ts` checks that the
 * entries add up to at most {@link SUITE_ALPHA}.
 */
export const SUITE_ALPHA = 5e-7;

/** Per-property family-wise false-fail rates (see the module comment). */
export const PROPERTY_ALPHA = {
  /** Algorithm 1 on random schemes and Bernoulli policies agrees with h'(p) grad p. */
  simulatorBernoulli: 1e-7,
  /** Algorithm 1 on random schemes and softmax / sequence policies agrees with the closed form. */
  simulatorVector: 1e-7,
  /** Native count-form functions (not tables) simulated agree with their recovered tables. */
  simulatorNative: 5e-8,
  /** Adding a baseline d to a and b changes the Monte Carlo mean by nothing detectable. */
  simulatorBaseline: 5e-8,
  /** Pure rejection sampling agrees with grad log p. */
  pureRejection: 5e-8,
  /** The power property's null half: the unperturbed closed form is accepted. */
  powerNull: 5e-8,
  /** Simulations through the piscina pool (1 thread) agree and replay bit for bit. */
  simulatorPool: 5e-8,
} as const;

/**
 * Bonferroni: the false-fail rate each of `runs` fast-check runs may spend so that the property
 * as a whole spends at most `alpha`.
 */
export function perRun(alpha: number, runs: number): number {
  return alpha / runs;
}
