import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import type { SpecReader } from '../spec/spec-reader.ts';

/** The `k` of a pass@k-type scheme: its value, and the check once `M` is known. */
export interface KParameter {
  readonly k: number;
  /** Returns `k`, or throws InputError when `k > M`. */
  bind(M: number): number;
}

/**
 * Reads the required `k` of a pass@k-type scheme (MATH.md §3 and §7): an integer `k >= 1`
 * now, and `k <= M` once `M` is known.
 */
export function readK(reader: SpecReader): KParameter {
  const k = reader.requiredNumber('k', requirePositiveInteger);
  return {
    k,
    bind(M) {
      if (k > M) {
        throw new InputError(`scheme '${reader.spec.name}': k must be <= M = ${M}, got k = ${k}`);
      }
      return k;
    },
  };
}
