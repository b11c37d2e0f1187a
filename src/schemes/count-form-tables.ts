import { requirePositiveInteger } from '../errors/require.ts';

/** Count-form tables `a[0..M-1]`, `b[0..M-1]` (MATH.md §2), with `c = b - a`. */
export interface CountFormTables {
  readonly a: number[];
  readonly b: number[];
}

/**
 * Derives the count-form tables of MATH.md §2 from any group formula by evaluating canonical
 * groups: the response at index 0 is wrong (for `a[s]`) or right (for `b[s]`), the next `s`
 * responses are right and the rest wrong, so `S_0 = s`; the table entry is `Z_0`.
 *
 * This assumes count form; it does not check it (the tests and the audit check it over every
 * pattern). It makes `2M` calls, each given the same `number[]` refilled from scratch (so a
 * formula that mutates its input does no harm), hence O(M^2) work for an O(M) formula.
 *
 * @param advantages a group formula: `M` binary rewards in, the `M` weights `Z` out
 * @param M the group size
 */
export function countFormTables(
  advantages: (rewards: number[]) => ArrayLike<number>,
  M: number,
): CountFormTables {
  requirePositiveInteger('M', M);
  const rewards: number[] = new Array(M).fill(0);
  const a: number[] = new Array(M);
  const b: number[] = new Array(M);
  const canonical = (R: number, s: number): number => {
    rewards[0] = R;
    for (let j = 1; j < M; j++) rewards[j] = j <= s ? 1 : 0;
    return advantages(rewards)[0]!;
  };
  for (let s = 0; s < M; s++) {
    a[s] = canonical(0, s);
    b[s] = canonical(1, s);
  }
  return { a, b };
}
