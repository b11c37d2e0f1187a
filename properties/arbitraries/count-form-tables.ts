import fc from 'fast-check';

/**
 * Count-form tables (docs/theory.md §2): `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]` for a group of size `M`,
 * with `a`, `b` of length `M`. Plain data, so that fast-check prints and shrinks it.
 */
export interface CountFormTables {
  readonly M: number;
  readonly a: readonly number[];
  readonly b: readonly number[];
}

/** Options of {@link countFormTables}. */
export interface CountFormTablesOptions {
  /** Smallest group size (default 1). */
  readonly minM?: number;
  /** Largest group size (default 64). */
  readonly maxM?: number;
  /** Bound on `|a_s|` and `|b_s|` (default 4). */
  readonly bound?: number;
  /** Force `c_s = b_s - a_s >= 0` for every `s` (for monotonicity). */
  readonly nonNegativeC?: boolean;
}

/**
 * One table entry in `[-bound, bound]`: small integers, zero among them (exact in floating point,
 * so differences `b - a` are exact too), and arbitrary doubles. Shrinks towards 0; with
 * cross-shrinking a double may shrink to an integer, so counterexamples end up as small integers.
 */
export function tableEntry(bound: number): fc.Arbitrary<number> {
  const whole = Math.floor(bound);
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.integer({ min: -whole, max: whole }) },
    {
      weight: 1,
      arbitrary: fc.double({ min: -bound, max: bound, noNaN: true, noDefaultInfinity: true }),
    },
  );
}

/**
 * A group size biased to small values (where edge cases live) but reaching `maxM`, shrinking to
 * `minM`.
 */
export function groupSize(minM = 1, maxM = 64): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: minM, max: Math.min(maxM, minM + 7) }) },
    { weight: 2, arbitrary: fc.integer({ min: minM, max: maxM }) },
    { weight: 1, arbitrary: fc.constant(maxM) },
  );
}

/**
 * Random count-form tables: `M` in `[minM, maxM]`, entries bounded by `bound` and including
 * zeros, negatives and rows with `a_s = b_s` (a zero `c_s`), or with `c >= 0` throughout.
 * Shrinks to the smallest `M` and to all-zero tables.
 */
export function countFormTables(
  options: CountFormTablesOptions = {},
): fc.Arbitrary<CountFormTables> {
  const { minM = 1, maxM = 64, bound = 4, nonNegativeC = false } = options;
  const entry = tableEntry(bound);
  const row = fc.tuple(
    entry,
    nonNegativeC ? entry.map(Math.abs) : entry,
    fc.integer({ min: 0, max: 3 }),
  );
  // M is the number of rows, not a value the rows are chained on, so shrinking removes rows and
  // keeps the others: a counterexample shrinks to the smallest M with the same failing entries.
  const rows = (size: fc.SizeForArbitrary) =>
    fc.array(row, { minLength: minM, maxLength: maxM, size });
  return fc.oneof(rows('small'), rows('max')).map((list) => {
    const a = list.map(([x]) => x);
    const b = list.map(([x, y, tie]) => {
      // One row in four has a = b, so c_s = 0 there.
      if (tie === 0) return x;
      if (nonNegativeC) return Math.min(bound, x + y);
      return y;
    });
    return { M: list.length, a, b };
  });
}

/** `c_s = b_s - a_s`, the only part of the tables that the expected update sees. */
export function differences(tables: CountFormTables): number[] {
  return tables.a.map((a, s) => tables.b[s]! - a);
}
