import { bernsteinPolynomial } from '../math/bernstein.ts';
import { requireC } from './require-c.ts';

/**
 * The induced objective's derivative `h_M'(t) = sum_{s=0}^{M-1} c_s C(M-1,s) t^s (1-t)^(M-1-s)`,
 * a Bernstein polynomial of degree M-1 (MATH.md §2), with `M = c.length`. O(M).
 *
 * For many points of the same `c`, {@link objectivePoints} is faster and returns `h` too.
 *
 * @param c count-form table `c_s = b_s - a_s`, s = 0..M-1
 * @param t point in [0, 1]
 */
export function hPrime(c: ArrayLike<number>, t: number): number {
  return bernsteinPolynomial(requireC(c), t);
}
