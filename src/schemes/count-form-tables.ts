import { requirePositiveInteger } from '../errors/index.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/** Count-form tables `a[0..M-1]`, `b[0..M-1]` (docs/theory.md §2), with `c = b - a`. */
export interface CountFormTables {
  readonly a: number[];
  readonly b: number[];
}

/**
 * Derives the count-form tables of docs/theory.md §2 from any group formula by evaluating canonical
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

/**
 * The count-form tables of docs/theory.md §2 from a scheme's closed-form count expression, in O(M)
 * evaluations: `a[s] = weight(R = 0, K = s)` and `b[s] = weight(R = 1, K = s + 1)`, since
 * `K = R_i + S_i`.
 */
export function weightTables(weight: SchemeFormulas['weight'], M: number): CountFormTables {
  const a: number[] = new Array(M);
  const b: number[] = new Array(M);
  for (let s = 0; s < M; s++) {
    a[s] = weight(0, s);
    b[s] = weight(1, s + 1);
  }
  return { a, b };
}

/**
 * Largest group size whose tables are derived from the native formula. Deriving them costs
 * O(M^2), too slow at large M for the `objective` command's time budget (bench/objective.bench.ts);
 * above it the closed-form count expression is used, O(M).
 * The tests show that the two routes agree on every entry at every M <= 64 and at sampled M up
 * to 1025, and on sampled entries at M = 2048 and 4096.
 */
export const NATIVE_TABLES_MAX_M = 1024;

/**
 * The count-form tables `a`, `b` (docs/theory.md §2) of a scheme bound to `M`: derived from its native
 * group formula on canonical groups ({@link countFormTables}) when `M <= NATIVE_TABLES_MAX_M`,
 * from its closed-form count expression ({@link weightTables}) above.
 */
export function schemeTables(formulas: SchemeFormulas, M: number): CountFormTables {
  if (M > NATIVE_TABLES_MAX_M) return weightTables(formulas.weight, M);
  const out = new Float64Array(M);
  return countFormTables((rewards) => {
    formulas.advantagesInto(rewards, out);
    return out;
  }, M);
}
