// The nominal false-fail rate of one run of the simulation tests (simulations/). Each run whose
// verdict is asserted registers it (test/support/budget/false-fail.ts, registerAlpha), which
// counts it 1.5 times: inside the library's precondition of the normal approximation
// (simulationPrecondition) the true rate is at most that.

/** Family-wise false-fail rate of one agreement run (Holm over its components). */
export const RUN_ALPHA = 2e-10;
