import { harmonic } from '../math/special-functions.ts';
import { h } from './h.ts';

/**
 * The paper's normalization for rejection sampling, `h_M(t) - (H_M - 1)` with `H_M` the harmonic
 * number (MATH.md §3; figure 2 plots it against `ln t + 1`, to which it tends as M grows).
 *
 * @param c count-form table, s = 0..M-1
 * @param t point in [0, 1]
 */
export function harmonicShiftedH(c: ArrayLike<number>, t: number): number {
  return h(c, t) - (harmonic(c.length) - 1);
}
