/**
 * Where a sequence of distances along increasing group sizes goes (docs/theory.md §9, the large-M
 * limit): toward 0, or to a floor.
 *
 * - `shrinking`: strictly decreasing, and toward 0: extrapolated (below) to less than half the
 *   last distance, or, from two distances only, falling at least like `M^(-1/4)`;
 * - `levels-off`: decreasing, but toward a floor: `extrapolated` is that floor (null from two
 *   distances);
 * - `not-shrinking`: some distance is not below the one before;
 * - `rounding`: every distance is at most 1e-9 (one objective at every size);
 * - `unknown`: fewer than two distances, or a missing one.
 */
export interface DistanceTrend {
  readonly verdict: 'shrinking' | 'levels-off' | 'not-shrinking' | 'rounding' | 'unknown';
  /** The distances, in order of size (null where missing). */
  readonly values: readonly (number | null)[];
  /** The limit of the distances extrapolated from the last three (see {@link distanceTrend}). */
  readonly extrapolated: number | null;
  /** The verdict in words, with the distances: what the outputs print. */
  readonly text: string;
}

/** Distances this small at every size are rounding: the objectives are one. */
const ROUNDING = 1e-9;
/** From two distances only, a fall at least like `M^(-1/4)` counts as toward 0. */
const MIN_RATE = 0.25;

/**
 * The {@link DistanceTrend} of `values` at the increasing group sizes `sizes`. With three or more
 * distances the last three are fitted by `d(M) = d_inf + C M^(-p)` (`p > 0`, exact through the
 * three points), and `d_inf` is the extrapolated floor: the sequence shrinks toward 0 when
 * `d_inf` is below half the last distance (`d_inf` is `-Infinity` when the falls grow faster
 * than any power allows, which is toward 0 too). Distances that level off, like GRPO with
 * `eps = 1` against arcsin (0.0961, 0.0916, 0.0902 at M = 64, 256, 1024: floor 0.0896), are
 * reported with their floor, never as shrinking.
 */
export function distanceTrend(
  values: readonly (number | null)[],
  sizes: readonly number[],
): DistanceTrend {
  const shown = values.map((v) => (v === null || Number.isNaN(v) ? '-' : sig(v)));
  const unknown = (why: string): DistanceTrend => ({
    verdict: 'unknown',
    values,
    extrapolated: null,
    text: `cannot tell (${why})`,
  });
  if (values.length < 2) return unknown('fewer than two distances');
  if (values.some((v) => v === null || Number.isNaN(v))) return unknown('a distance is missing');
  const d = values as readonly number[];
  if (d.every((v) => v <= ROUNDING)) {
    return {
      verdict: 'rounding',
      values,
      extrapolated: null,
      text: `0 to rounding at every size (${shown.join(', ')})`,
    };
  }
  for (let i = 1; i < d.length; i++) {
    if (!(d[i]! < d[i - 1]!)) {
      return {
        verdict: 'not-shrinking',
        values,
        extrapolated: null,
        text: `NOT shrinking (${shown.join(', ')})`,
      };
    }
  }
  const falling = shown.join(' > ');
  const n = d.length;
  if (n === 2) {
    const rate = Math.log(d[0]! / d[1]!) / Math.log(sizes[1]! / sizes[0]!);
    return rate >= MIN_RATE
      ? {
          verdict: 'shrinking',
          values,
          extrapolated: null,
          text: `shrinking (${falling}, like M^-${sig(rate)})`,
        }
      : {
          verdict: 'levels-off',
          values,
          extrapolated: null,
          text: `levels off at about ${shown[1]} (${falling}, only like M^-${sig(rate)})`,
        };
  }
  const floor = extrapolate(
    [sizes[n - 3]!, sizes[n - 2]!, sizes[n - 1]!],
    [d[n - 3]!, d[n - 2]!, d[n - 1]!],
  );
  if (floor < d[n - 1]! / 2) {
    return {
      verdict: 'shrinking',
      values,
      extrapolated: Math.max(floor, 0),
      text: `shrinking (${falling})`,
    };
  }
  return {
    verdict: 'levels-off',
    values,
    extrapolated: floor,
    text: `levels off at about ${sig(floor)} (${falling})`,
  };
}

/**
 * `d_inf` of `d(M) = d_inf + C M^(-p)` through three points with `d` decreasing: `p` solves
 * `(d1 - d2)/(d2 - d3) = (M1^-p - M2^-p)/(M2^-p - M3^-p)` by bisection (the right side increases
 * with `p`); `-Infinity` when the ratio is below its value as `p -> 0` (no power fits).
 */
function extrapolate(M: readonly number[], d: readonly number[]): number {
  const target = (d[0]! - d[1]!) / (d[1]! - d[2]!);
  const ratio = (p: number) => (M[0]! ** -p - M[1]! ** -p) / (M[1]! ** -p - M[2]! ** -p);
  const atZero = Math.log(M[1]! / M[0]!) / Math.log(M[2]! / M[1]!);
  if (!(target > atZero)) return Number.NEGATIVE_INFINITY;
  let lo = 0;
  let hi = 1;
  while (ratio(hi) < target && hi < 32) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (ratio(mid) < target) lo = mid;
    else hi = mid;
  }
  const p = (lo + hi) / 2;
  const C = (d[1]! - d[2]!) / (M[1]! ** -p - M[2]! ** -p);
  return d[2]! - C * M[2]! ** -p;
}

function sig(x: number): string {
  return String(Number(x.toPrecision(3)));
}
