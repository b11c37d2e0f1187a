import { InputError, quote } from '../errors/index.ts';
import { bernsteinPolynomial, maxAbs } from '../math/index.ts';
import type { Target } from '../targets/index.ts';
import { hAtOne } from './h.ts';
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
  h: DistanceTarget,
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
  targets: readonly DistanceTarget[],
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
  const direct = centered(objectivePoints(c, ts).map((p) => p.h));
  let fromTop: (Centered & { end: number }) | undefined;
  return targets.map((h) => {
    const top = saturatedTarget(h, ts, delta);
    if (top === undefined) return fitAffine(direct, normalizedTarget(h, ts, delta), ts);
    fromTop ??= { ...centered(complementPoints(c, ts, named(h))), end: hAtOne(c) };
    // The same fit, mirrored: slope * (h(1) - h) + b' = 1 - u is slope * h + (1 - slope h(1) - b') = u.
    const fit = fitAffine(fromTop, top, ts);
    return { ...fit, intercept: 1 - fit.slope * fromTop.end - fit.intercept };
  });
}

/** Values on the grid with their mean and their sum of squared deviations. */
interface Centered {
  readonly y: ArrayLike<number>;
  readonly mean: number;
  readonly sxx: number;
}

function centered(y: ArrayLike<number>): Centered {
  let mean = 0;
  for (let j = 0; j < y.length; j++) mean += y[j]!;
  mean /= y.length;
  let sxx = 0;
  for (let j = 0; j < y.length; j++) sxx += (y[j]! - mean) ** 2;
  return { y, mean, sxx };
}

/**
 * The least-squares affine fit `slope * y + intercept` of the objective's values onto the scaled
 * target `u`, with `slope >= 0`, and its largest residual over the grid.
 */
function fitAffine(
  { y, mean: yMean, sxx }: Centered,
  u: ArrayLike<number>,
  ts: Float64Array,
): TargetDistance {
  const points = ts.length;
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
  return { distance, tWorst, slope, intercept, delta: ts[0]!, points };
}

/**
 * The target scaled to [0, 1] over the grid, `u = (h(t) - h(delta))/(h(1-delta) - h(delta))`.
 * Throws an InputError naming the target when it is not finite and increasing there.
 */
function normalizedTarget(h: DistanceTarget, ts: Float64Array, delta: number): Float64Array {
  const g0 = h.h(delta);
  const span = h.h(1 - delta) - g0;
  if (!(Number.isFinite(span) && span > 0)) {
    throw new InputError(
      `${named(h)} must be finite and increasing on [${delta}, ${1 - delta}], where it is compared; h(${delta}) = ${g0}, h(${1 - delta}) = ${g0 + span}`,
    );
  }
  return ts.map((t) => (h.h(t) - g0) / span);
}

/**
 * For a target that saturates, `1 - u` on the grid, computed from its `logComplement`
 * `L = log(h(1) - h)`: `1 - u = (e^(L(t) - L(delta)) - e^(L(1-delta) - L(delta))) / (1 -
 * e^(L(1-delta) - L(delta)))`. Pass@k at `k` in the thousands has `h(delta)` within a few ulps of
 * `h(1)`, so `u` itself would lose every digit to cancellation (and the span rounds to 0 at
 * larger `k`), while `1 - u` keeps them all. A target saturates here when its span over the grid
 * is below 1/2; `undefined` for any other target. Throws an InputError when even the complement
 * underflows at `delta`: no double can tell the target from its maximum on the grid.
 */
function saturatedTarget(
  h: DistanceTarget,
  ts: Float64Array,
  delta: number,
): Float64Array | undefined {
  const L = h.logComplement;
  if (L === undefined || h.h(1 - delta) - h.h(delta) >= 0.5) return undefined;
  const L0 = L(delta);
  if (!Number.isFinite(L0)) {
    throw new InputError(
      `${named(h)} is within the smallest double of its maximum on all of [${delta}, ${1 - delta}], where it is compared, so its shape cannot be measured in double precision`,
    );
  }
  const end = Math.exp(L(1 - delta) - L0);
  return ts.map((t) => (Math.exp(L(t) - L0) - end) / (1 - end));
}

/**
 * `h_M(1) - h_M(t)` at every `t` of `ts`, in the Bernstein form `sum_k (G_M - G_k) B_{k,M}(t)`
 * with `G_M - G_k = (1/M) sum_{s>=k} c_s` (docs/theory.md §2): exact to rounding where `h_M(t)`
 * is within a few ulps of `h_M(1)`, which `h_M(1) - h(t)` computed as a difference is not. The
 * suffix sums are compensated (Neumaier), as `hCoefficients` compensates the prefix sums.
 * Throws an InputError when every value underflows although `h_M` is not constant: then no
 * double holds the shape of `h_M` near its maximum (`what` names the target it is compared with).
 */
function complementPoints(c: ArrayLike<number>, ts: Float64Array, what: string): Float64Array {
  const M = c.length;
  const top = new Float64Array(M + 1);
  let sum = 0;
  let comp = 0;
  for (let s = M - 1; s >= 0; s--) {
    const x = c[s]!;
    const next = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
    sum = next;
    top[s] = (sum + comp) / M;
  }
  const B = new Float64Array(M + 1);
  const values = ts.map((t) => bernsteinPolynomial(top, t, B));
  if (top[0] !== 0 && maxAbs(values) < MIN_NORMAL) {
    throw new InputError(
      `h_M is within the smallest doubles of h_M(1) on all of [${ts[0]}, ${ts[ts.length - 1]}], where it is compared with ${what} (which saturates there too), so the distance between their shapes cannot be measured in double precision`,
    );
  }
  return values;
}

/** The smallest normal double, 2^-1022: below it a value has lost precision to underflow. */
const MIN_NORMAL = 2 ** -1022;

function named(h: DistanceTarget): string {
  return h.spec === undefined ? 'the target' : `target ${quote(h.spec)}`;
}

/** What `targetDistances` needs of a target: `h`, and its spec and complement if it has them. */
export type DistanceTarget = Pick<Target, 'h'> & Partial<Pick<Target, 'spec' | 'logComplement'>>;

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
