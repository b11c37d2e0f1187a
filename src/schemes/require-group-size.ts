import { InputError } from '../errors/input-error.ts';

/**
 * Requires `M >= 2` for a scheme whose formula (or whose source library) needs at least two
 * responses per group, e.g. rloo's `S_i/(M-1)`.
 *
 * @param scheme the catalogue name, for the message
 * @param why the reason, for the message (e.g. `its baseline divides by M - 1`)
 */
export function requireGroupSize(scheme: string, M: number, why: string): void {
  if (M < 2) throw new InputError(`scheme '${scheme}' needs M >= 2 (${why}), got M = ${M}`);
}
