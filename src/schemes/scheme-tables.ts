import { type CountFormTables, countFormTables } from './count-form-tables.ts';
import type { SchemeFormulas } from './scheme-kind.ts';
import { weightTables } from './weight-tables.ts';

/**
 * Largest group size whose tables are derived from the native formula. Deriving them costs
 * O(M^2): measured 0.1-0.5 s per scheme at M = 4096, too much of the 1 s budget of `objective`
 * there, and about 20 ms at M = 1024. Above it the closed-form count expression is used, O(M).
 * The tests show that the two routes agree on every entry at every M <= 64 and at sampled M up
 * to 1025, and on sampled entries at M = 2048 and 4096.
 */
export const NATIVE_TABLES_MAX_M = 1024;

/**
 * The count-form tables `a`, `b` (MATH.md §2) of a scheme bound to `M`: derived from its native
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
