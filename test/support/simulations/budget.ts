// The false-fail budget of the simulation tests (CONTRIBUTING: every Monte Carlo assertion
// states its rate; simulations/'s total is at most 1e-7, leaving the rest of 1e-6 to others).
// Rates are nominal: the z-tests use the normal approximation of the mean of bounded per-group
// updates, and every asserted verdict lies inside the library's precondition for it
// (simulationPrecondition), where the true rate is at most 1.5 times the nominal one.

/** Family-wise false-fail rate of one agreement run (Holm over its components). */
export const RUN_ALPHA = 2e-10;
/** Agreement runs are at most this many (agreement.test.ts counts its own): 300 x 2e-10 x 1.5. */
export const MAX_AGREEMENT_RUNS = 300;
