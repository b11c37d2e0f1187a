import type { Scheme } from '../../schemes/index.ts';
import { exactUpdateLaw } from './exact-update-law.ts';

/** Mean, variance and fourth central moment of a scalar random variable. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly fourth: number;
}

/**
 * Exact moments of one group's Algorithm 1 update on the Bernoulli logistic policy (MATH.md §5),
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
