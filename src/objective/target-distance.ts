import { InputError } from '../errors/input-error.ts';
import type { Target } from '../targets/targets.ts';
import { objectivePoints } from './objective-points.ts';

/** Where and how finely {@link targetDistance} compares. */
export interface TargetDistanceOptions {
  /** Half-width of the excluded ends: the grid covers [delta, 1 - delta]. Default 1e-3. */
  readonly delta?: number;
  /** Number of grid points, >= 3. Default 1001. */
  readonly points?: number;
}

/** The result of {@link targetDistance}. */
export interface TargetDistance {
  /** Sup over the grid of |slope * h_M(t) + intercept - u(t)|, dimensionless (u spans [0, 1]). */
  readonly distance: number;
  /** The grid point where the sup is attained. */
  readonly tWorst: number;
  /** Least-squares affine fit `u ~ slope * h_M + intercept`. */
  readonly slope: number;
  readonly intercept: number;
  readonly delta: number;
  readonly points: number;
}

/**
 * The distance between the objective `h_M` induced by `c` (docs/theory.md §2) and a named target `h`
 * (docs/theory.md §3), up to the affine maps that do not change what is optimized (`J_{alpha h + beta}`
 * has the same maximizers as `J_h` for `alpha > 0`).
 *
 * Definition (dimensionless, invariant to scaling `c` and to shifting or scaling the target):
 * 1. grid: `points` values of t, equally spaced in `logit t` from `logit delta` to
 *    `logit(1-delta)` (dense near both ends, where log, logit and arcsin change fastest, and
 *    still every 0.35% of [0, 1] in the middle at the defaults);
 * 2. the target normalized to [0, 1] over the grid: `u = (h(t) - h(delta))/(h(1-delta) - h(delta))`;
 * 3. the least-squares affine fit `slope * h_M(t) + intercept` of `h_M` onto `u` over the grid,
 *    with `slope >= 0` (a decreasing image would optimize the opposite objective);
 * 4. the distance is the largest residual `|slope * h_M(t) + intercept - u(t)|` over the grid.
 *
 * So 0 means `h_M` is an affine image of the target on [delta, 1-delta]. Defaults: `delta = 1e-3`,
 * 1001 points. This is `verify`'s convergence measure; the commands' outputs use `supDistance`
 * (docs/objective.md, "Distances").
 *
 * The fit is hand-written with centered sums: simple-statistics' `linearRegression` uses raw
 * sums, which cancel, and returns NaN when `h_M` is constant (here slope 0).
 *
 * @param c count-form table `c_s = b_s - a_s`, s = 0..M-1
 * @param h the target (see `target(spec)`)
 */
export function targetDistance(
  c: ArrayLike<number>,
  h: Pick<Target, 'h'>,
  options: TargetDistanceOptions = {},
): TargetDistance {
  return targetDistances(c, [h], options)[0]!;
}

/**
 * {@link targetDistance} to each of several targets, in order, evaluating `h_M` on the grid once
 * (an audit compares with about M targets, and `h_M` costs O(M) per point).
 */
export function targetDistances(
  c: ArrayLike<number>,
  targets: readonly Pick<Target, 'h'>[],
  options: TargetDistanceOptions = {},
): TargetDistance[] {
  const delta = options.delta ?? 1e-3;
  const points = options.points ?? 1001;
  if (!(delta > 0 && delta < 0.5)) {
    throw new InputError(`delta must be a number in (0, 0.5), got ${String(delta)}`);
  }
  if (!(Number.isSafeInteger(points) && points >= 3)) {
    throw new InputError(`points must be an integer >= 3, got ${String(points)}`);
  }
  const ts = logitGrid(delta, points);
  const y = objectivePoints(c, ts).map((p) => p.h);
  let yMean = 0;
  for (let j = 0; j < points; j++) yMean += y[j]!;
  yMean /= points;
  let sxx = 0;
  for (let j = 0; j < points; j++) sxx += (y[j]! - yMean) ** 2;
  return targets.map((h) => {
    const g0 = h.h(delta);
    const span = h.h(1 - delta) - g0;
    if (!(Number.isFinite(span) && span > 0)) {
      throw new InputError('the target must be finite and increasing on [delta, 1 - delta]');
    }
    const u = Array.from(ts, (t) => (h.h(t) - g0) / span);
    let uMean = 0;
    for (let j = 0; j < points; j++) uMean += u[j]!;
    uMean /= points;
    let sxy = 0;
    for (let j = 0; j < points; j++) sxy += (y[j]! - yMean) * (u[j]! - uMean);
    // Only increasing affine maps (slope > 0) preserve what J_h optimizes; a decreasing h_M is as
    // far from an increasing target as a constant is, so its best admissible fit has slope 0.
    const slope = sxx > 0 && sxy > 0 ? sxy / sxx : 0;
    const intercept = uMean - slope * yMean;
    let distance = 0;
    let tWorst = ts[0]!;
    for (let j = 0; j < points; j++) {
      const r = Math.abs(slope * y[j]! + intercept - u[j]!);
      if (r > distance) {
        distance = r;
        tWorst = ts[j]!;
      }
    }
    return { distance, tWorst, slope, intercept, delta, points };
  });
}

/**
 * `points` values of t equally spaced in `logit t` from `logit delta` to `logit(1 - delta)`, with
 * the ends exactly `delta` and `1 - delta`: dense near 0 and 1, where the targets and the gap
 * between `h_M` and its large-M limit change fastest.
 */
export function logitGrid(delta: number, points: number): Float64Array {
  const lo = Math.log(delta) - Math.log1p(-delta);
  const ts = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const x = lo + (-2 * lo * j) / (points - 1);
    ts[j] = 1 / (1 + Math.exp(-x));
  }
  ts[0] = delta;
  ts[points - 1] = 1 - delta;
  return ts;
}
