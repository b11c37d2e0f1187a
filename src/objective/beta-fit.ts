import { InputError } from '../errors/input-error.ts';
import { betainc } from '../math/lazy-stdlib.ts';
import { hAtOne, requireC } from './h.ts';
import { objectivePoints } from './objective-points.ts';

/** The member `I_t(a, b)` of the incomplete-beta family closest to a normalized objective. */
export interface BetaFit {
  /** `A*`, the first shape parameter. */
  readonly a: number;
  /** `B*`, the second shape parameter. */
  readonly b: number;
  /** `max_j |h_M(t_j)/h_M(1) - I_{t_j}(A*, B*)|` over the grid the fit was made on. */
  readonly distance: number;
}

/** The best fit of an objective, or why there is none. */
export type BetaFitResult =
  | { readonly fit: BetaFit; readonly reason?: undefined }
  | { readonly fit: null; readonly reason: string };

/** The searched range of each shape parameter (docs/theory.md §9): `[0.05, 50]`, searched in logs. */
export const BETA_FIT_RANGE: readonly [number, number] = [0.05, 50];

/**
 * Fewest grid points inside (0, 1) for a fit: every member has `I_0 = 0` and `I_1 = 1`, and two
 * free parameters can match any two interior values, so a fit on fewer points says nothing.
 */
const FIT_MIN_POINTS = 3;
/** Side of the coarse lattice of starting points in `(log A, log B)`. */
const LATTICE = 17;
/** Local minima of the lattice polished by Nelder-Mead: the "several starts". */
const STARTS = 4;
/** At most this many grid points enter the coarse lattice (a stride of the grid). */
const COARSE_POINTS = 201;
/** Nelder-Mead stops when the simplex is this small in `(log A, log B)`... */
const SIMPLEX_TOL = 1e-10;
/** ...or after this many evaluations per run. */
const MAX_EVALUATIONS = 600;

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
 * The best fit of docs/theory.md §9: the member `I_t(A*, B*)` of the incomplete-beta family closest in
 * sup distance to the normalized objective `y_j = h_M(t_j)/h_M(1)` on the grid `ts`,
 *
 *     (A*, B*) = argmin max_j |y_j - I_{t_j}(A, B)|,  log A, log B in [log 0.05, log 50].
 *
 * The objective is a max, not smooth, so the search is derivative-free with several starts:
 * a 17 x 17 lattice in `(log A, log B)` over the box (on at most 201 of the grid points), then
 * Nelder-Mead on the full grid from each of the 4 best local minima of the lattice, each run
 * restarted once from its end point, every vertex projected onto the box. Deterministic. A
 * small search of our own rather than an npm optimizer: docs/objective.md says why.
 *
 * @param ts grid points in [0, 1]
 * @param y the normalized objective at `ts`
 */
export function betaFit(ts: ArrayLike<number>, y: ArrayLike<number>): BetaFit {
  if (ts.length !== y.length || ts.length === 0) {
    throw new InputError(
      `betaFit needs as many values as grid points (got ${y.length}, ${ts.length})`,
    );
  }
  const lo = Math.log(BETA_FIT_RANGE[0]);
  const hi = Math.log(BETA_FIT_RANGE[1]);
  const clamp = (x: number) => Math.min(hi, Math.max(lo, x));
  const full = (u: number, v: number) => betaSupDistance(ts, y, Math.exp(u), Math.exp(v));

  const stride = Math.max(1, Math.ceil(ts.length / COARSE_POINTS));
  const coarseT: number[] = [];
  const coarseY: number[] = [];
  for (let j = 0; j < ts.length; j += stride) {
    coarseT.push(ts[j]!);
    coarseY.push(y[j]!);
  }
  const step = (hi - lo) / (LATTICE - 1);
  const lattice: number[][] = [];
  for (let i = 0; i < LATTICE; i++) {
    lattice.push([]);
    for (let k = 0; k < LATTICE; k++) {
      lattice[i]!.push(
        betaSupDistance(coarseT, coarseY, Math.exp(lo + i * step), Math.exp(lo + k * step)),
      );
    }
  }
  const minima: { i: number; k: number; value: number }[] = [];
  for (let i = 0; i < LATTICE; i++) {
    for (let k = 0; k < LATTICE; k++) {
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
  minima.sort((p, q) => p.value - q.value);

  let best = { u: 0, v: 0, value: Number.POSITIVE_INFINITY };
  for (const start of minima.slice(0, STARTS)) {
    let run = nelderMead(full, clamp, lo + start.i * step, lo + start.k * step, step / 2);
    run = nelderMead(full, clamp, run.u, run.v, step / 8);
    if (run.value < best.value) best = run;
  }
  return { a: Math.exp(best.u), b: Math.exp(best.v), distance: best.value };
}

/**
 * The best fit (docs/theory.md §9) of the objective induced by `c` on the grid `ts`, or the reason
 * there is none: {@link betaFitObstacle}, or fewer than 3 grid points inside (0, 1).
 */
export function objectiveBetaFit(c: ArrayLike<number>, ts: ArrayLike<number>): BetaFitResult {
  const reason = betaFitObstacle(c);
  if (reason !== undefined) return { fit: null, reason };
  let inside = 0;
  for (let j = 0; j < ts.length; j++) if (ts[j]! > 0 && ts[j]! < 1) inside++;
  if (inside < FIT_MIN_POINTS) {
    return {
      fit: null,
      reason: `a fit needs at least ${FIT_MIN_POINTS} points inside (0, 1), got ${inside}: two parameters pass through any two values`,
    };
  }
  const end = hAtOne(c);
  return {
    fit: betaFit(
      ts,
      objectivePoints(c, ts).map((p) => p.h / end),
    ),
  };
}

/**
 * A best fit as the human-readable outputs print it: `I_t(0.578, 0.578) (0.00684)`, parameters
 * and distance to 3 significant digits, or `none` with the reason.
 */
export function formatBetaFit(fit: BetaFit | null, reason?: string | null): string {
  if (fit === null) return `none (${reason ?? 'no objective'})`;
  const sig = (x: number) => String(Number(x.toPrecision(3)));
  return `I_t(${sig(fit.a)}, ${sig(fit.b)}) (${sig(fit.distance)})`;
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
