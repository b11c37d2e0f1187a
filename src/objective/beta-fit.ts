import { InputError } from '../errors/index.ts';
import { betainc } from '../math/index.ts';
import { hAtOne, requireC } from './h.ts';
import { type ObjectivePoint, objectivePoints } from './objective-points.ts';

/** The member `I_t(a, b)` of the incomplete-beta family closest to a normalized objective. */
export interface BetaFit {
  /** `A*`, the first shape parameter. */
  readonly a: number;
  /** `B*`, the second shape parameter. */
  readonly b: number;
  /**
   * `max_j |h_M(t_j)/h_M(1) - I_{t_j}(A*, B*)|` over every point of the grid the fit was made on:
   * the sup distance of docs/objective.md (`supDistance`), here with both ends anchored at 0 and 1.
   */
  readonly distance: number;
  /** The number of grid points that distance is taken over. */
  readonly gridPoints: number;
  /** The searched box `[lo, hi]` of each shape parameter (docs/theory.md §9). */
  readonly range: readonly [number, number];
  /**
   * Whether `A*` or `B*` lies on an edge of {@link range}: the best member inside the box may
   * then not be the best member of the family.
   */
  readonly atEdge: boolean;
}

/** The best fit of an objective, or why there is none. */
export type BetaFitResult =
  | { readonly fit: BetaFit; readonly reason?: undefined }
  | { readonly fit: null; readonly reason: string };

/** The smallest shape parameter searched (docs/theory.md §9). */
export const BETA_FIT_LOWER = 0.01;

/**
 * The searched box of each shape parameter at group size `M` (docs/theory.md §9):
 * `[0.01, max(100, 2M)]`. It holds every member the catalogue produces at that size: pass@k is
 * `I_t(1, k)` with `k` up to `M`.
 */
export function betaFitRange(M: number): readonly [number, number] {
  return [BETA_FIT_LOWER, Math.max(100, 2 * M)];
}

/** The shape parameters of the family. */
const PARAMETERS = 2;
/**
 * Points inside (0, 1) beyond the parameters that a fit needs: every member has `I_0 = 0` and
 * `I_1 = 1`, two free parameters pass through any two interior values, and a sup fit on barely
 * more points than parameters equioscillates on all of them, saying little about the curve
 * between.
 */
const FIT_MARGIN = 5;
/** Fewest grid points inside (0, 1) for a fit. */
export const FIT_MIN_POINTS = PARAMETERS + FIT_MARGIN;
/** At most this many grid points enter the search; the distance is then taken on every point. */
const SEARCH_POINTS = 201;
/** Spacing of the lattice of starting points in `(log A, log B)`, and its least side. */
const LATTICE_STEP = 0.55;
const LATTICE_MIN = 17;
/** Local minima of the lattice polished by Nelder-Mead: the "several starts". */
const STARTS = 4;
/**
 * Rounds of exchange on a grid larger than the search set: the points where the full grid's
 * residual peaks join the search set, and the search is polished again.
 */
const EXCHANGE_ROUNDS = 3;
/**
 * An exchange round ends the search when the whole grid's sup is within this relative amount
 * (or 1e-12) of the search set's: the fit is then that close to the best on the whole grid.
 */
const SETTLED = 1e-6;
/** Residual peaks added to the search set per exchange round. */
const EXCHANGE_PEAKS = 16;
/** Nelder-Mead stops when the simplex is this small in `(log A, log B)`... */
const SIMPLEX_TOL = 1e-11;
/** ...or after this many evaluations per run. */
const MAX_EVALUATIONS = 2000;

/**
 * `max_j |y_j - I_{t_j}(A, B)|`, the sup distance on a grid between values `y` (a normalized
 * objective) and the member `I_t(A, B)` of the incomplete-beta family (docs/theory.md §9).
 */
export function betaSupDistance(
  ts: ArrayLike<number>,
  y: ArrayLike<number>,
  A: number,
  B: number,
): number {
  let worst = 0;
  for (let j = 0; j < ts.length; j++) {
    const gap = Math.abs(y[j]! - betainc(ts[j]!, A, B));
    if (gap > worst) worst = gap;
  }
  return worst;
}

/**
 * Why the objective induced by `c` (docs/theory.md §2) has no best fit in the family, or `undefined`
 * when it has one. A fit needs `h_M` increasing (docs/theory.md §9): every `c_s >= 0` (a `c_s` below 0
 * by more than 16 ulps of the largest `|c_s|` counts as negative, so rounding in `b_s - a_s`
 * does not), and `h_M(1) > 0`.
 */
export function betaFitObstacle(c: ArrayLike<number>): string | undefined {
  requireC(c);
  let largest = 0;
  for (let s = 0; s < c.length; s++) largest = Math.max(largest, Math.abs(c[s]!));
  const floor = -16 * Number.EPSILON * largest;
  const negative: number[] = [];
  for (let s = 0; s < c.length; s++) if (c[s]! < floor) negative.push(s);
  if (negative.length > 0) {
    const shown = negative
      .slice(0, 3)
      .map((s) => `c[${s}] = ${Number(c[s]!.toPrecision(3))}`)
      .join(', ');
    const more = negative.length > 3 ? ` and ${negative.length - 3} more` : '';
    return `${shown}${more} < 0, so h_M need not be increasing and no member of the beta family describes it`;
  }
  if (!(hAtOne(c) > 0)) return 'h_M is identically 0 (every c_s = 0), so h_M/h_M(1) is undefined';
  return undefined;
}

/**
 * Why a grid is too small for a fit (fewer than {@link FIT_MIN_POINTS} points inside (0, 1)), or
 * `undefined`.
 */
export function betaFitGridObstacle(ts: ArrayLike<number>): string | undefined {
  let inside = 0;
  for (let j = 0; j < ts.length; j++) if (ts[j]! > 0 && ts[j]! < 1) inside++;
  if (inside >= FIT_MIN_POINTS) return undefined;
  return `a fit needs at least ${FIT_MIN_POINTS} points inside (0, 1), got ${inside}: with ${PARAMETERS} parameters, a sup fit on so few points matches them however the curve runs between`;
}

/**
 * The best fit of docs/theory.md §9: the member `I_t(A*, B*)` of the incomplete-beta family closest in
 * sup distance to the normalized objective `y_j = h_M(t_j)/h_M(1)` on the grid `ts`,
 *
 *     (A*, B*) = argmin max_j |y_j - I_{t_j}(A, B)|,  A, B in range (searched in logs),
 *
 * `range` being {@link betaFitRange} of the group size. The objective is a max, not smooth, so
 * the search is derivative-free with several starts, on at most 201 of the grid points (a stride
 * of the grid): a lattice in `(log A, log B)` over the box (spacing at most 0.55), then
 * Nelder-Mead from each of the 4 best local minima of the lattice, each run restarted once from
 * its end point, every vertex projected onto the box. On a larger grid, exchange rounds follow
 * (as in Remez's algorithm): the peaks of the residual over the whole grid join the search set
 * and the search is polished again, until the whole grid's sup is the search set's. The reported
 * distance is always the sup over the whole grid. Deterministic. A small search of our own rather
 * than an npm optimizer: docs/objective.md says why.
 *
 * @param ts grid points in [0, 1]
 * @param y the normalized objective at `ts`
 */
export function betaFit(
  ts: ArrayLike<number>,
  y: ArrayLike<number>,
  range: readonly [number, number] = betaFitRange(1),
): BetaFit {
  if (ts.length !== y.length || ts.length === 0) {
    throw new InputError(
      `betaFit needs as many values as grid points (got ${y.length}, ${ts.length})`,
    );
  }
  if (!(range[0] > 0 && range[1] > range[0] && Number.isFinite(range[1]))) {
    throw new InputError(`betaFit: range must be 0 < lo < hi, got [${range[0]}, ${range[1]}]`);
  }
  const lo = Math.log(range[0]);
  const hi = Math.log(range[1]);
  const clamp = (x: number) => Math.min(hi, Math.max(lo, x));

  const search = new Set<number>();
  const stride = Math.max(1, Math.ceil(ts.length / SEARCH_POINTS));
  for (let j = 0; j < ts.length; j += stride) search.add(j);
  search.add(ts.length - 1);
  let searchT: number[] = [];
  let searchY: number[] = [];
  const refresh = () => {
    const sorted = [...search].sort((p, q) => p - q);
    searchT = sorted.map((j) => ts[j]!);
    searchY = sorted.map((j) => y[j]!);
  };
  refresh();
  const onSearch = (u: number, v: number) =>
    betaSupDistance(searchT, searchY, Math.exp(u), Math.exp(v));

  const side = Math.max(LATTICE_MIN, Math.ceil((hi - lo) / LATTICE_STEP) + 1);
  const step = (hi - lo) / (side - 1);
  const lattice: number[][] = [];
  for (let i = 0; i < side; i++) {
    lattice.push([]);
    for (let k = 0; k < side; k++) lattice[i]!.push(onSearch(lo + i * step, lo + k * step));
  }
  const minima: { i: number; k: number; value: number }[] = [];
  for (let i = 0; i < side; i++) {
    for (let k = 0; k < side; k++) {
      const value = lattice[i]![k]!;
      let isMinimum = true;
      for (let di = -1; di <= 1 && isMinimum; di++) {
        for (let dk = -1; dk <= 1; dk++) {
          const neighbour = lattice[i + di]?.[k + dk];
          if (neighbour !== undefined && neighbour < value) {
            isMinimum = false;
            break;
          }
        }
      }
      if (isMinimum) minima.push({ i, k, value });
    }
  }
  minima.sort((p, q) => p.value - q.value || p.i - q.i || p.k - q.k);

  let best = { u: 0, v: 0, value: Number.POSITIVE_INFINITY };
  for (const start of minima.slice(0, STARTS)) {
    let run = nelderMead(onSearch, clamp, lo + start.i * step, lo + start.k * step, step / 2);
    run = nelderMead(onSearch, clamp, run.u, run.v, step / 8);
    if (run.value < best.value) best = run;
  }

  let distance = best.value;
  if (search.size < ts.length) {
    for (let round = 0; ; round++) {
      const residual = residuals(ts, y, Math.exp(best.u), Math.exp(best.v));
      distance = residual.reduce((m, r) => Math.max(m, r), 0);
      const settled = distance <= best.value * (1 + SETTLED) + 1e-12;
      if (settled || round === EXCHANGE_ROUNDS) break;
      for (const j of peaks(residual, search, EXCHANGE_PEAKS)) search.add(j);
      refresh();
      best = nelderMead(onSearch, clamp, best.u, best.v, step / 8);
    }
  }
  const edge = (x: number) => x - lo <= 1e-9 || hi - x <= 1e-9;
  return {
    a: Math.exp(best.u),
    b: Math.exp(best.v),
    distance,
    gridPoints: ts.length,
    range: [range[0], range[1]],
    atEdge: edge(best.u) || edge(best.v),
  };
}

/**
 * The best fit (docs/theory.md §9) of the objective induced by `c` on the grid `ts`, over
 * {@link betaFitRange}`(M)`, or the reason there is none: {@link betaFitObstacle}, or a grid
 * with fewer than {@link FIT_MIN_POINTS} points inside (0, 1). `points`, when given, are
 * `objectivePoints(c, ts)` already computed, which are then not computed again.
 */
export function objectiveBetaFit(
  c: ArrayLike<number>,
  ts: ArrayLike<number>,
  points?: readonly ObjectivePoint[],
): BetaFitResult {
  const reason = betaFitObstacle(c) ?? betaFitGridObstacle(ts);
  if (reason !== undefined) return { fit: null, reason };
  const end = hAtOne(c);
  return {
    fit: betaFit(
      ts,
      (points ?? objectivePoints(c, ts)).map((p) => p.h / end),
      betaFitRange(c.length),
    ),
  };
}

/**
 * A best fit as the human-readable outputs print it: `I_t(0.578, 0.578) (0.00684)`, parameters
 * and distance to 3 significant digits, then `, at the edge of the searched range [0.01, 128]`
 * when it is there; or `none` with the reason.
 */
export function formatBetaFit(fit: BetaFit | null, reason?: string | null): string {
  if (fit === null) return `none (${reason ?? 'no objective'})`;
  const sig = (x: number) => String(Number(x.toPrecision(3)));
  const edge = fit.atEdge
    ? `, at the edge of the searched range [${fit.range[0]}, ${fit.range[1]}]`
    : '';
  return `I_t(${sig(fit.a)}, ${sig(fit.b)}) (${sig(fit.distance)}${edge})`;
}

/** `|y_j - I_{t_j}(A, B)|` at every grid point. */
function residuals(ts: ArrayLike<number>, y: ArrayLike<number>, A: number, B: number): number[] {
  return Array.from({ length: ts.length }, (_, j) => Math.abs(y[j]! - betainc(ts[j]!, A, B)));
}

/** The largest `count` local maxima of `r` outside `taken`, by index. */
function peaks(r: readonly number[], taken: ReadonlySet<number>, count: number): number[] {
  const found: number[] = [];
  for (let j = 0; j < r.length; j++) {
    if (taken.has(j)) continue;
    if ((j === 0 || r[j]! >= r[j - 1]!) && (j === r.length - 1 || r[j]! >= r[j + 1]!)) {
      found.push(j);
    }
  }
  return found.sort((p, q) => r[q]! - r[p]! || p - q).slice(0, count);
}

/**
 * Nelder-Mead in two dimensions (reflection 1, expansion 2, contraction 1/2, shrink 1/2) with
 * every vertex projected onto the box by `clamp`, from the simplex `(u, v)`, `(u + size, v)`,
 * `(u, v + size)` (moved inside the box when it leaves it).
 */
function nelderMead(
  f: (u: number, v: number) => number,
  clamp: (x: number) => number,
  u0: number,
  v0: number,
  size: number,
): { u: number; v: number; value: number } {
  type Vertex = { u: number; v: number; value: number };
  let evaluations = 0;
  const at = (u: number, v: number): Vertex => {
    evaluations++;
    const cu = clamp(u);
    const cv = clamp(v);
    return { u: cu, v: cv, value: f(cu, cv) };
  };
  const du = clamp(u0 + size) === u0 + size ? size : -size;
  const dv = clamp(v0 + size) === v0 + size ? size : -size;
  const simplex: Vertex[] = [at(u0, v0), at(u0 + du, v0), at(u0, v0 + dv)];
  while (evaluations < MAX_EVALUATIONS) {
    simplex.sort((p, q) => p.value - q.value);
    const [x0, x1, x2] = simplex as [Vertex, Vertex, Vertex];
    const diameter = Math.max(
      Math.abs(x1.u - x0.u),
      Math.abs(x1.v - x0.v),
      Math.abs(x2.u - x0.u),
      Math.abs(x2.v - x0.v),
    );
    if (diameter < SIMPLEX_TOL) break;
    const cu = (x0.u + x1.u) / 2;
    const cv = (x0.v + x1.v) / 2;
    const reflected = at(2 * cu - x2.u, 2 * cv - x2.v);
    if (reflected.value < x0.value) {
      const expanded = at(3 * cu - 2 * x2.u, 3 * cv - 2 * x2.v);
      simplex[2] = expanded.value < reflected.value ? expanded : reflected;
      continue;
    }
    if (reflected.value < x1.value) {
      simplex[2] = reflected;
      continue;
    }
    const outside = reflected.value < x2.value;
    const contracted = outside
      ? at(cu + (reflected.u - cu) / 2, cv + (reflected.v - cv) / 2)
      : at(cu + (x2.u - cu) / 2, cv + (x2.v - cv) / 2);
    if (contracted.value < Math.min(reflected.value, x2.value)) {
      simplex[2] = contracted;
      continue;
    }
    simplex[1] = at(x0.u + (x1.u - x0.u) / 2, x0.v + (x1.v - x0.v) / 2);
    simplex[2] = at(x0.u + (x2.u - x0.u) / 2, x0.v + (x2.v - x0.v) / 2);
  }
  simplex.sort((p, q) => p.value - q.value);
  return simplex[0]!;
}
