import { hCoefficients } from './h-coefficients.ts';

/**
 * `h_M(1) = (1/M) sum_s c_s = G_M` (MATH.md §2, §3 "GRPO limit"): the constant of the paper's
 * normalization `h_M(t)/h_M(1)`, which maps every increasing `h_M` onto [0, 1].
 */
export function hAtOne(c: ArrayLike<number>): number {
  const G = hCoefficients(c);
  return G[G.length - 1]!;
}
