import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import type { Scheme } from '../../src/schemes/index.ts';

/** Why a Monte Carlo configuration is (or is not) inside the normal approximation's range. */
export interface NormalApproximation {
  /** Whether both conditions below hold. */
  readonly ok: boolean;
  /** Standardized skewness of the mean of `N` per-group updates, `kappa_3 / (sigma^3 sqrt N)`. */
  readonly skewness: number;
  /** Largest shift of z that groups expected fewer than `rare` times can cause when unseen. */
  readonly rareShift: number;
}

/** Skewness bound of {@link normalApproximation}: the 6-sigma tail is then within 1.3x of normal. */
export const MAX_SKEWNESS = 0.05;
/** Shift bound of {@link normalApproximation} for unseen rare groups, in units of SE. */
export const MAX_RARE_SHIFT = 0.05;

/**
 * Whether the z-test of a simulation with `N` groups of the scheme on a Bernoulli policy with
 * probability `p` can be trusted at 6-sigma tails (MATH.md §6 relies on the normal
 * approximation). On the Bernoulli policy the per-group update is a function of the number `K`
 * of correct answers, `u_K = (1/M) sum_i Z_i (R_i - p)` (count form), so its exact distribution is
 * known and two failure modes can be ruled out before simulating:
 *
 * - skew: `|kappa_3| / (sigma^3 sqrt N) <= MAX_SKEWNESS`; by the one-term Edgeworth expansion the
 *   tail at z = 6 is then within a factor `1 + 0.05 (36 - 1)/6 < 1.3` of the normal tail;
 * - rare groups: a `K` expected fewer than `rare` (30) times in `N` groups may not be seen at all;
 *   the bias that would cause, `sum P(K) |u_K - mean|` over those `K`, must be at most
 *   `MAX_RARE_SHIFT` standard errors (otherwise an unseen group of weight 0.1 percent can move z
 *   by 10: found by this suite, see docs/properties.md).
 *
 * For policies with a vector gradient the same test is applied per prompt with `p = p_x`, as a
 * surrogate: the component of the update along `grad p_x` has this distribution.
 */
export function normalApproximation(
  scheme: Scheme,
  p: number,
  N: number,
  rare = 30,
): NormalApproximation {
  const { M } = scheme;
  const probabilities: number[] = [];
  const updates: number[] = [];
  for (let K = 0; K <= M; K++) {
    const rewards = Array.from({ length: M }, (_, i) => (i < K ? 1 : 0));
    const Z = scheme.advantages(rewards);
    let u = 0;
    for (let i = 0; i < M; i++) u += Z[i]! * (rewards[i]! - p);
    probabilities.push(binomialPmf(K, M, p));
    updates.push(u / M);
  }
  const mean = updates.reduce((s, u, K) => s + probabilities[K]! * u, 0);
  let variance = 0;
  let third = 0;
  for (let K = 0; K <= M; K++) {
    const d = updates[K]! - mean;
    variance += probabilities[K]! * d * d;
    third += probabilities[K]! * d * d * d;
  }
  if (!(variance > 0)) {
    // A constant update: the simulator reports SE = 0 and z = 0 when it equals the closed form.
    return { ok: updates.every((u) => u === updates[0]), skewness: 0, rareShift: 0 };
  }
  const sigma = Math.sqrt(variance);
  const se = sigma / Math.sqrt(N);
  const skewness = Math.abs(third) / (sigma ** 3 * Math.sqrt(N));
  let bias = 0;
  for (let K = 0; K <= M; K++) {
    if (N * probabilities[K]! < rare) bias += probabilities[K]! * Math.abs(updates[K]! - mean);
  }
  const rareShift = bias / se;
  return { ok: skewness <= MAX_SKEWNESS && rareShift <= MAX_RARE_SHIFT, skewness, rareShift };
}
