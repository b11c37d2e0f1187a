import { scheme } from '../../schemes/index.ts';
import { normalApproximation } from '../../stats/index.ts';
import type { MonteCarloCheck } from '../check.ts';
import { exactUpdateLaw } from './exact-update-law.ts';
import { exactUpdateMoments } from './exact-update-moments.ts';
import { varianceDifferenceLaw } from './variance-difference-law.ts';

/**
 * `baseline-invariance`, variance half (MATH.md §2: a baseline "changes the variance, never the
 * mean"): two schemes with the same `c` (`plain`, and `baselined` = plain plus a baseline) are
 * simulated on the Bernoulli policy with `p`, each in its own substream. The estimate is the
 * difference of their sample variances of the per-group update (`stderr² · N`); the closed form
 * is the exact difference by enumeration, which is not 0. The standard error of each sample
 * variance is `sqrt((μ4 - σ⁴)/N)` from the exact moments, so z is N(0, 1) when the closed form
 * is right, and the resolution says how small a change of variance the run would still see.
 * Its precondition is `normalApproximation` of the exact law of the per-group statistic
 * ({@link varianceDifferenceLaw}) at `groups`.
 */
export function baselineVarianceCheck(
  id: string,
  plain: string,
  baselined: string,
  M: number,
  p: number,
  groups: number,
): MonteCarloCheck {
  const policy = `bernoulli:p=${p}`;
  return {
    kind: 'monte-carlo',
    id,
    theorem: 'baseline-invariance',
    scheme: `${baselined} vs ${plain}`,
    M,
    policy,
    detail: `variance of the update: Var[${baselined}] − Var[${plain}], exact by enumeration`,
    groups,
    components: 1,
    precondition: (threshold) =>
      normalApproximation(
        varianceDifferenceLaw(
          exactUpdateLaw(scheme(plain, M), p),
          exactUpdateLaw(scheme(baselined, M), p),
        ),
        groups,
        threshold,
      ),
    simulations: [plain, baselined].map((spec, k) => ({
      input: {
        scheme: spec,
        M,
        policy,
        groups,
        stream: `${id}/${k === 0 ? 'plain' : 'baselined'}`,
      },
    })),
    outcome(results) {
      const exact = [plain, baselined].map((spec) => exactUpdateMoments(scheme(spec, M), p));
      const variances = results.map((r) => r.stderr[0]! ** 2 * r.groups);
      const errors = results.map((r, k) =>
        Math.sqrt((exact[k]!.fourth - exact[k]!.variance ** 2) / r.groups),
      );
      return {
        estimate: [variances[1]! - variances[0]!],
        stderr: [Math.hypot(errors[0]!, errors[1]!)],
        closedForm: [exact[1]!.variance - exact[0]!.variance],
        groups: 2 * groups,
      };
    },
  };
}
