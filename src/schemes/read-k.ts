import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import type { SpecReader } from '../spec/spec-reader.ts';

/**
 * Reads the required `k` of a pass@k-type scheme (MATH.md §3 and §7): an integer `k >= 1`
 * now, and `k <= M` once `M` is known (the returned function checks it and returns `k`).
 */
export function readK(reader: SpecReader): (M: number) => number {
  const k = reader.requiredNumber('k', requirePositiveInteger);
  return (M) => {
    if (k > M) {
      throw new InputError(`scheme '${reader.spec.name}': k must be <= M = ${M}, got k = ${k}`);
    }
    return k;
  };
}
