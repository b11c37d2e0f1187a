/**
 * A function of `t` sampled on a grid, with its values at the ends `t = 0` and `t = 1` (which
 * need not be grid points, and may be infinite: `log` at 0).
 */
export interface Sampled {
  /** The grid, increasing, in [0, 1]. */
  readonly ts: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly at0: number;
  readonly at1: number;
}

/** The result of {@link supDistance}. */
export interface SupDistance {
  /** `max |f^(t) - g^(t)|` over the grid points in `[lo, hi]`; NaN when undefined (see there). */
  readonly distance: number;
  /** Where both are rescaled to 0: `t = 0`, or the first grid point above 0. */
  readonly lo: number;
  /** Where both are rescaled to 1: `t = 1`, or the last grid point below 1. */
  readonly hi: number;
  /** The grid point where the sup is attained. */
  readonly tWorst: number;
  /** The number of grid points compared. */
  readonly points: number;
}

/** `fn` on the grid `ts` and at 0 and 1: the input of {@link supDistance}. */
export function sampled(ts: ArrayLike<number>, fn: (t: number) => number): Sampled {
  return { ts, values: Float64Array.from(ts, (t) => fn(t)), at0: fn(0), at1: fn(1) };
}

/**
 * The distance between two objectives, the one quantity every command reports (docs/objective.md,
 * "Distances"; docs/theory.md §9): on the grid, each function is rescaled by the increasing affine
 * map that sends it to 0 at `lo` and to 1 at `hi`, and the distance is the largest gap between
 * the two rescaled functions over the grid points in `[lo, hi]`:
 *
 *     f^(t) = (f(t) - f(lo)) / (f(hi) - f(lo)),   distance = max_{t_j in [lo, hi]} |f^(t_j) - g^(t_j)|.
 *
 * `lo = 0` when both are finite at 0, else the first grid point above 0; `hi = 1` when both are
 * finite at 1, else the last grid point below 1. So for `h_M` and a member `I_t(A, B)` of the
 * incomplete-beta family it is `max_j |h_M(t_j)/h_M(1) - I_{t_j}(A, B)|`, the best fit's
 * distance, and for `log` (unbounded at 0) both are normalized on `[t_0, 1]` with `t_0` the first
 * grid point above 0. An affine image of `g` (same maximizers, docs/theory.md §3) is at distance 0
 * from it. Invariant to scaling and shifting either function; 0 means equal shapes on the grid.
 *
 * NaN when either function is not increasing from `lo` to `hi` (`f(hi) <= f(lo)`, so no
 * increasing map rescales it), is not finite at a compared point, or fewer than one grid point
 * lies in `[lo, hi]`.
 *
 * Both must be sampled on the same grid.
 */
export function supDistance(f: Sampled, g: Sampled): SupDistance {
  if (f.ts !== g.ts && !sameGrid(f.ts, g.ts)) {
    throw new RangeError('supDistance: the two functions are sampled on different grids');
  }
  const { ts } = f;
  const fromZero = Number.isFinite(f.at0) && Number.isFinite(g.at0);
  const toOne = Number.isFinite(f.at1) && Number.isFinite(g.at1);
  let first = -1;
  let last = -1;
  for (let j = 0; j < ts.length; j++) {
    const t = ts[j]!;
    if ((fromZero ? t >= 0 : t > 0) && (toOne ? t <= 1 : t < 1)) {
      if (first < 0) first = j;
      last = j;
    }
  }
  const lo = fromZero ? 0 : first < 0 ? Number.NaN : ts[first]!;
  const hi = toOne ? 1 : last < 0 ? Number.NaN : ts[last]!;
  const undefinedResult = { distance: Number.NaN, lo, hi, tWorst: Number.NaN, points: 0 };
  if (first < 0) return undefinedResult;
  const f0 = fromZero ? f.at0 : f.values[first]!;
  const f1 = toOne ? f.at1 : f.values[last]!;
  const g0 = fromZero ? g.at0 : g.values[first]!;
  const g1 = toOne ? g.at1 : g.values[last]!;
  const fSpan = f1 - f0;
  const gSpan = g1 - g0;
  if (!(fSpan > 0 && gSpan > 0 && Number.isFinite(fSpan) && Number.isFinite(gSpan))) {
    return { ...undefinedResult, points: last - first + 1 };
  }
  let distance = 0;
  let tWorst = ts[first]!;
  for (let j = first; j <= last; j++) {
    const gap = Math.abs((f.values[j]! - f0) / fSpan - (g.values[j]! - g0) / gSpan);
    if (!(gap <= distance)) {
      if (Number.isNaN(gap)) return { ...undefinedResult, points: last - first + 1 };
      distance = gap;
      tWorst = ts[j]!;
    }
  }
  return { distance, lo, hi, tWorst, points: last - first + 1 };
}

/**
 * `f` rescaled as {@link supDistance} rescales it against itself: `(f(t) - f(lo))/(f(hi) - f(lo))`
 * at the grid points in `[lo, hi]`, with `lo`, `hi` as there (`f` alone decides where it is
 * finite). Returns the window and the `[t, value]` pairs; no pairs when `f` does not increase.
 */
export function rescaled(f: Sampled): {
  readonly lo: number;
  readonly hi: number;
  readonly points: readonly (readonly [number, number])[];
} {
  const self = supDistance(f, f);
  if (Number.isNaN(self.distance)) return { lo: self.lo, hi: self.hi, points: [] };
  const { lo, hi } = self;
  let j0 = -1;
  let j1 = -1;
  for (let j = 0; j < f.ts.length; j++) {
    if (f.ts[j]! >= lo && f.ts[j]! <= hi) {
      if (j0 < 0) j0 = j;
      j1 = j;
    }
  }
  const v0 = lo === 0 ? f.at0 : f.values[j0]!;
  const v1 = hi === 1 ? f.at1 : f.values[j1]!;
  const points: [number, number][] = [];
  for (let j = j0; j <= j1; j++) {
    points.push([f.ts[j]!, (f.values[j]! - v0) / (v1 - v0)]);
  }
  return { lo, hi, points };
}

function sameGrid(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}
