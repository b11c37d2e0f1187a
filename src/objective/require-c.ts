import { InputError } from '../errors/input-error.ts';

/**
 * Requires a count-form table `c[0..M-1]` (MATH.md §2, `c_s = b_s - a_s`): at least one entry,
 * every entry finite. Its length is the group size M.
 */
export function requireC(c: ArrayLike<number>): ArrayLike<number> {
  if (c.length < 1) throw new InputError('c must have at least one entry (M >= 1)');
  for (let s = 0; s < c.length; s++) {
    if (!Number.isFinite(c[s])) {
      throw new InputError(`c[${s}] must be a finite number, got ${String(c[s])}`);
    }
  }
  return c;
}
