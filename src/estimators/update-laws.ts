import { binomialPmf } from '../math/binomial-pmf.ts';
import type { Policy } from '../policies/policy.ts';
import type { Scheme } from '../schemes/scheme.ts';
import type { MixturePart } from '../stats/mixture-moments.ts';
import type { UpdateLaw } from '../stats/normal-approximation.ts';
import type { SimulationConfig } from './simulation-config.ts';

const point = (weight: number, mean: number): MixturePart => ({
  weight,
  mean,
  variance: 0,
  third: 0,
});

/**
 * The laws of the per-group statistics a simulation compares with closed forms, under the
 * hypothesis that it is right (MATH.md §2, §4–6), for the precondition of the normal
 * approximation ({@link normalApproximation}). One law per prompt whose parameters the update
 * moves, and for pure rejection sampling one for the number of draws.
 *
 * - Algorithm 1: a group of prompt `x` with `K` correct answers has the expected update
 *   `w_K grad p_x`, `w_K = (1/M) (K b[K-1]/p_x - (M-K) a[K]/(1-p_x))` (count form, with the
 *   scores' conditional means `E[grad log pi | correct] = grad p/p` and
 *   `E[grad log pi | wrong] = -grad p/(1-p)`); `K ~ Binomial(M, p_x)`, and a group of another
 *   prompt adds 0 to `x`'s block. The law of `w` over `(x, K)` is exact on the Bernoulli policy,
 *   where the update is `w_K p(1-p)`; elsewhere it leaves out the spread of the scores within a
 *   cell (a softmax response rarer than 1/groups is not seen).
 * - Pure rejection sampling: the gradient's conditional mean is `grad p_x / p_x` in `x`'s block
 *   for a group of `x` and 0 otherwise (only a corpus has more than one value); the number of
 *   draws is `B` plus a negative binomial, mean `B/p`, variance `B(1-p)/p^2`, third central
 *   moment `B(1-p)(2-p)/p^3`, mixed over the prompts.
 *
 * Each law's floor is the standard-error floor of `summarizeSimulation` in the law's units
 * (`rounding` times the update scale), so that events too rare to move the mean above rounding
 * are not counted against the run.
 */
export function updateLaws(
  config: SimulationConfig,
  policy: Policy,
  scheme: Scheme | null,
  rounding: number,
): UpdateLaw[] {
  const laws: UpdateLaw[] = [];
  const moving = policy.prompts.filter(({ p }) => p > 0 && p < 1);
  if (config.estimator === 'algorithm1') {
    const { M, a, b } = scheme!;
    const maxC = Math.max(...scheme!.c.map(Math.abs));
    for (const { Q, p } of moving) {
      const parts: MixturePart[] = [];
      for (let K = 0; K <= M; K++) {
        const right = K > 0 ? (K * b[K - 1]!) / p : 0;
        const wrong = K < M ? ((M - K) * a[K]!) / (1 - p) : 0;
        parts.push(point(Q * binomialPmf(K, M, p), (right - wrong) / M));
      }
      if (Q < 1) parts.push(point(1 - Q, 0));
      laws.push({ parts, floor: rounding * maxC * Q });
    }
    return laws;
  }
  const B = config.B!;
  if (policy.prompts.length > 1) {
    for (const { Q, p } of moving) {
      laws.push({ parts: [point(Q, 1 / p), point(1 - Q, 0)], floor: (rounding * Q) / p });
    }
  }
  laws.push({
    parts: policy.prompts.map(({ Q, p }) => ({
      weight: Q,
      mean: B / p,
      variance: (B * (1 - p)) / (p * p),
      third: (B * (1 - p) * (2 - p)) / (p * p * p),
    })),
    floor: 0,
  });
  return laws;
}
