import type { SchemeFormulas } from '../../../src/schemes/scheme-kind.ts';

/** Count-form tables, possibly read-only (a `Scheme` or a `CountFormTables`). */
export interface Tables {
  readonly a: readonly number[];
  readonly b: readonly number[];
}

/**
 * Tolerance for two computations of the same weight, in units of Number.EPSILON relative to the
 * reference value: `4 + M/2`. The native group formulas sum `M` squared deviations in order, and
 * since those terms take only two values their rounding errors add up linearly; measured worst
 * case 0.29 M ulps (grpo, M = 3000). Exact zeros must match exactly.
 */
export function toleranceUlps(M: number): number {
  return 4 + M / 2;
}

/**
 * Error of `x` against the reference `y` in ulps of `y`: infinite when `y = 0` and `x != 0`, or
 * when either is NaN.
 */
export function errorUlps(x: number, y: number): number {
  if (x === y) return 0;
  const ulps = Math.abs(x - y) / (Number.EPSILON * Math.abs(y));
  return Number.isNaN(ulps) ? Number.POSITIVE_INFINITY : ulps;
}

/** The worst disagreement found by {@link patternAgreement}, and where. */
export interface Disagreement {
  readonly ulps: number;
  readonly pattern: number[];
  readonly index: number;
  readonly native: number;
  readonly table: number;
}

/**
 * Evaluates a native group formula on every one of the `2^M` reward patterns and compares each
 * weight `Z_i` with the count-form lookup `(1 - R_i) a[S_i] + R_i b[S_i]` (docs/theory.md §2).
 * Returns the worst error in ulps of the table value.
 */
export function patternAgreement(
  advantagesInto: SchemeFormulas['advantagesInto'],
  tables: Tables,
  M: number,
): Disagreement {
  const rewards = new Array<number>(M);
  const out = new Float64Array(M);
  let worst: Disagreement = { ulps: 0, pattern: [], index: -1, native: 0, table: 0 };
  for (let bits = 0; bits < 2 ** M; bits++) {
    let K = 0;
    for (let i = 0; i < M; i++) {
      rewards[i] = (bits >> i) & 1;
      K += rewards[i]!;
    }
    advantagesInto(rewards, out);
    for (let i = 0; i < M; i++) {
      const S = K - rewards[i]!;
      const table = rewards[i] === 1 ? tables.b[S]! : tables.a[S]!;
      const ulps = errorUlps(out[i]!, table);
      if (ulps > worst.ulps) {
        worst = { ulps, pattern: [...rewards], index: i, native: out[i]!, table };
      }
    }
  }
  return worst;
}

/** Worst elementwise error, in ulps, of tables `x` against reference tables `y`. */
export function tablesErrorUlps(x: Tables, y: Tables): number {
  let worst = 0;
  for (const key of ['a', 'b'] as const) {
    for (let s = 0; s < y[key].length; s++) {
      const e = errorUlps(x[key][s]!, y[key][s]!);
      if (e > worst) worst = e;
    }
  }
  return worst;
}
