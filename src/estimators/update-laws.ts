import { binomialPmf, maxAbs } from '../math/index.ts';
import { scoreMoments, sideMoments } from '../policies/index.ts';
import type { MixturePart, UpdateLaw } from '../stats/index.ts';
import { classCounts, multinomialProbability } from './class-count-law.ts';
import type { GradedSimulation, Simulation } from './simulation-config.ts';

/** The law of one compared statistic: `component` indexes the estimate (pure-rs draws last). */
export interface ComparedLaw {
  readonly component: number;
  readonly law: UpdateLaw;
}

/**
 * The exact laws, up to their third moments, of the per-group statistics a simulation compares
 * with closed forms, under the hypothesis that it is right (docs/theory.md §2, §4–6), for the
 * precondition of the normal approximation (`normalApproximation`). One law per parameter the
 * update moves, and for pure rejection sampling one more for the number of draws. Each is a
 * mixture over the group's prompt `x` and count `K` of correct answers:
 *
 * - Algorithm 1: given `(x, K)`, with probability `Q(x) C(M,K) p^K (1-p)^(M-K)`, the count-form
 *   update of a parameter of `x` is `(1/M)(b[K-1] sum_correct g + a[K] sum_wrong g)`, a sum of
 *   independent scores `g` ({@link scoreMoments} on each side), so its mean, variance and third
 *   cumulant are `(1/M^k)(K b^k kappa_k(correct) + (M-K) a^k kappa_k(wrong))`; a group of
 *   another prompt adds 0.
 * - Pure rejection sampling: a group of `x` moves `x`'s parameters by the mean of `B`
 *   independent correct scores (cumulants `kappa_k(correct)/B^(k-1)`), other blocks not at all;
 *   the number of draws is `B` plus a negative binomial, mean `B/p`, variance `B(1-p)/p^2`,
 *   third central moment `B(1-p)(2-p)/p^3`, mixed over the prompts.
 *
 * Each law's floor is a lower bound of the standard-error floor of `summarizeSimulation`
 * (`rounding` times the update scale), so that events too rare to move the mean beyond
 * rounding are not held against the run.
 */
export function updateLaws(simulation: Simulation, rounding: number): ComparedLaw[] {
  if (simulation.kind === 'graded') return gradedUpdateLaws(simulation, rounding);
  const { config, policy, scheme } = simulation;
  const B = config.estimator === 'pure-rs' ? config.B : 0;
  const laws: ComparedLaw[] = [];
  const maxC = scheme ? maxAbs(scheme.c) : 0;
  for (const { Q, p, gradP, offset, scores } of policy.prompts) {
    if (!(p > 0 && p < 1)) continue;
    const cells = scheme
      ? Array.from({ length: scheme.M + 1 }, (_, K) => Q * binomialPmf(K, scheme.M, p))
      : [];
    gradP.forEach((g, j) => {
      if (g === 0) return;
      const right = scoreMoments(scores, 'correct', j);
      const wrong = scoreMoments(scores, 'wrong', j);
      const parts: MixturePart[] = Q < 1 ? [{ weight: 1 - Q, mean: 0, variance: 0, third: 0 }] : [];
      let floor: number;
      if (scheme) {
        const { M, a, b } = scheme;
        cells.forEach((weight, K) => {
          const bk = K > 0 ? b[K - 1]! : 0;
          const ak = K < M ? a[K]! : 0;
          const sum = (k: 1 | 2 | 3, r: number, w: number) =>
            (K * bk ** k * r + (M - K) * ak ** k * w) / M ** k;
          parts.push({
            weight,
            mean: sum(1, right.mean, wrong.mean),
            variance: sum(2, right.variance, wrong.variance),
            third: sum(3, right.third, wrong.third),
          });
        });
        floor = rounding * maxC * Q * Math.abs(g);
      } else {
        parts.push({
          weight: Q,
          mean: right.mean,
          variance: right.variance / B,
          third: right.third / (B * B),
        });
        floor = rounding * Q * Math.abs(right.mean);
      }
      laws.push({ component: offset + j, law: { parts, floor } });
    });
  }
  if (config.estimator === 'pure-rs') {
    const parts = policy.prompts.map(({ Q, p }) => ({
      weight: Q,
      mean: B / p,
      variance: (B * (1 - p)) / (p * p),
      third: (B * (1 - p) * (2 - p)) / (p * p * p),
    }));
    laws.push({ component: policy.dim, law: { parts, floor: 0 } });
  }
  return laws;
}

/**
 * The laws of the per-group update of Algorithm 1 with graded rewards (docs/theory.md §10), one
 * per logit of the graded softmax policy, under the hypothesis that the simulation is right: a
 * mixture over the group's class counts `N ~ Multinomial(M, q)`. Given `N`, a response of class
 * `c` has weight `w_c(N - e_c)` and its score component `y` has the three-point law of its class
 * (`GradedPolicy.scores`, {@link sideMoments}), independently of the others, so the update
 * `(1/M) sum_i Z_i (e_{y_i} - pi)_y` has cumulants
 * `(1/M^k) sum_c N_c w_c^k kappa_k(y | c)`. The floor is `rounding` times the update's scale,
 * the largest weight times `sum_j |grad_y q_j|`, a lower bound of `summarizeSimulation`'s.
 */
function gradedUpdateLaws(simulation: GradedSimulation, rounding: number): ComparedLaw[] {
  const { policy, scheme } = simulation;
  const { M } = scheme;
  const C = policy.classes.C;
  let largest = 0;
  const cells = classCounts(M, C).flatMap((N) => {
    const weight = multinomialProbability(N, policy.q);
    if (!(weight > 0)) return [];
    const w = Array.from(N, (count, c) => {
      if (count === 0) return 0;
      const others = Int32Array.from(N);
      others[c]!--;
      return scheme.weight(c, others);
    });
    for (const x of w) largest = Math.max(largest, Math.abs(x));
    return [{ N, weight, w }];
  });
  const laws: ComparedLaw[] = [];
  for (let y = 0; y < policy.dim; y++) {
    const sides = policy.scores.byClass.map((side) => sideMoments(policy.pi[y]!, side, y));
    const parts = cells.map(({ N, weight, w }) => {
      const sum = (k: 1 | 2 | 3, moment: 'mean' | 'variance' | 'third') => {
        let total = 0;
        for (let c = 0; c < C; c++) total += N[c]! * w[c]! ** k * sides[c]![moment];
        return total / M ** k;
      };
      return { weight, mean: sum(1, 'mean'), variance: sum(2, 'variance'), third: sum(3, 'third') };
    });
    let spread = 0;
    for (const gradQ of policy.gradQ) spread += Math.abs(gradQ[y]!);
    laws.push({ component: y, law: { parts, floor: rounding * largest * spread } });
  }
  return laws;
}
