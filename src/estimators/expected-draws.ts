import type { Policy } from '../policies/policy.ts';

/**
 * The expected number of draws of pure rejection sampling (MATH.md §4): `N` is negative
 * binomial with `E[N] = B/p`; for a corpus `sum_x Q(x) B/p_x`. Infinite when some `p_x = 0`.
 */
export function expectedDraws(policy: Policy, B: number): number {
  return policy.prompts.reduce((sum, { Q, p }) => sum + (Q * B) / p, 0);
}
