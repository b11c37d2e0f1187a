import type { MixturePart } from '../../stats/mixture-moments.ts';
import type { UpdateLaw } from '../../stats/normal-approximation.ts';
import type { ExactUpdateLaw } from './exact-update-law.ts';

/**
 * The law of the per-group statistic behind a difference of two sample variances (MATH.md §6):
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
