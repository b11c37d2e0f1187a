import { type ExactUpdateLaw, exactUpdateLaw } from '../../objective/index.ts';
import { type Scheme, scheme } from '../../schemes/index.ts';
import { type MixturePart, normalApproximation, type UpdateLaw } from '../../stats/index.ts';
import type { MonteCarloCheck } from '../check.ts';

/** Mean, variance and fourth central moment of a scalar random variable. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly fourth: number;
}

/**
 * Exact moments of one group's Algorithm 1 update on the Bernoulli logistic policy (docs/theory.md §5),
 * from its law over `K ~ Binomial(M, p)` ({@link exactUpdateLaw}).
 */
export function exactUpdateMoments(s: Pick<Scheme, 'M' | 'advantages'>, p: number): Moments {
  const { pmf, values } = exactUpdateLaw(s, p);
  let mean = 0;
  for (let K = 0; K <= s.M; K++) mean += pmf[K]! * values[K]!;
  let variance = 0;
  let fourth = 0;
  for (let K = 0; K <= s.M; K++) {
    const d = values[K]! - mean;
    variance += pmf[K]! * d * d;
    fourth += pmf[K]! * d ** 4;
  }
  return { mean, variance, fourth };
}

/**
 * The law of the per-group statistic behind a difference of two sample variances (docs/theory.md §6):
 * with independent groups of the two schemes, `Var[g1] - Var[g0]` is, up to an O(1/N) term,
 * the mean over groups of `D = (g1 - mu1)^2 - (g0 - mu0)^2`. For laws over `K` (the Bernoulli
 * policy, {@link ExactUpdateLaw}), `D` is a point mass for every pair `(K0, K1)`, with weight
 * `pmf0[K0] pmf1[K1]`. Its standard error is exact, not estimated, so it has no floor.
 */
export function varianceDifferenceLaw(plain: ExactUpdateLaw, baselined: ExactUpdateLaw): UpdateLaw {
  const centred = ({ pmf, values }: ExactUpdateLaw) => {
    const mean = values.reduce((sum, v, K) => sum + pmf[K]! * v, 0);
    return values.map((v) => (v - mean) ** 2);
  };
  const squares0 = centred(plain);
  const squares1 = centred(baselined);
  const parts: MixturePart[] = [];
  squares0.forEach((s0, K0) => {
    squares1.forEach((s1, K1) => {
      const weight = plain.pmf[K0]! * baselined.pmf[K1]!;
      parts.push({ weight, mean: s1 - s0, variance: 0, third: 0 });
    });
  });
  return { parts, floor: 0 };
}

/**
 * `baseline-invariance`, variance half (docs/theory.md §2: a baseline "changes the variance, never the
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
