import { InputError } from '../errors/input-error.ts';
import { h } from './h.ts';
import { hAtOne } from './h-at-one.ts';

/**
 * The paper's normalization `h_M(t)/h_M(1)` (MATH.md §3, GRPO limit; figure 3 plots it against
 * `(2/pi) arcsin sqrt t`). Throws when `h_M(1) = 0`, where it is undefined.
 *
 * @param c count-form table, s = 0..M-1
 * @param t point in [0, 1]
 */
export function normalizedH(c: ArrayLike<number>, t: number): number {
  const end = hAtOne(c);
  if (end === 0) throw new InputError('h_M(1) = 0: the normalization h/h(1) is undefined');
  return h(c, t) / end;
}
