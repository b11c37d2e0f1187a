/** Units of rounding, in ulps of the larger of estimate and closed form, that a mean may carry. */
const ROUNDING_ULPS = 16;

/**
 * The standard error a Monte Carlo comparison uses: the sampled one, floored at the rounding
 * error of the numbers compared (`16 ε max(|estimate|, |closedForm|)`). A component whose every
 * group gives the same value (pure rejection sampling on the Bernoulli policy, where each correct
 * draw has the same score) has a sample variance of 0 or a few ulps, but its merged mean still
 * carries a few ulps of rounding; without the floor that rounding would read as a huge z.
 */
export function effectiveStderr(estimate: number, closedForm: number, stderr: number): number {
  const rounding =
    ROUNDING_ULPS * Number.EPSILON * Math.max(Math.abs(estimate), Math.abs(closedForm));
  return Math.max(stderr, rounding);
}
