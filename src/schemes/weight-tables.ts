import type { CountFormTables } from './count-form-tables.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/**
 * The count-form tables of MATH.md §2 from a scheme's closed-form count expression, in O(M)
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
