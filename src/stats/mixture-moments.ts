/**
 * One part of a mixture law: its weight, and the mean, variance and third central moment of the
 * part (a point mass has variance and third moment 0).
 */
export interface MixturePart {
  readonly weight: number;
  readonly mean: number;
  readonly variance: number;
  readonly third: number;
}

/** The first three moments of a law: total weight, mean, variance, third central moment. */
export interface Moments {
  readonly weight: number;
  readonly mean: number;
  readonly variance: number;
  readonly third: number;
}

/**
 * The moments of a mixture of laws (docs/theory.md §6: the law of the per-group update whose mean a
 * z-test compares), by the law of total cumulance: with `d_i = mean_i - mean`,
 * `variance = sum w_i (variance_i + d_i^2)` and `third = sum w_i (third_i + 3 variance_i d_i + d_i^3)`,
 * the weights normalized by their sum. Central moments about the mixture's mean throughout, so
 * there is no cancellation between raw moments. Parts of weight 0 are ignored; an empty mixture
 * (or one of total weight 0) has weight 0 and NaN moments.
 *
 * Hand-written: simple-statistics and stdlib give the moments of a sample, not of a mixture law.
 */
export function mixtureMoments(parts: readonly MixturePart[]): Moments {
  let weight = 0;
  let first = 0;
  for (const p of parts) {
    weight += p.weight;
    first += p.weight * p.mean;
  }
  const mean = first / weight;
  let variance = 0;
  let third = 0;
  for (const p of parts) {
    if (p.weight === 0) continue;
    const d = p.mean - mean;
    variance += p.weight * (p.variance + d * d);
    third += p.weight * (p.third + 3 * p.variance * d + d * d * d);
  }
  return { weight, mean, variance: variance / weight, third: third / weight };
}
