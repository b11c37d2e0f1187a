import type { StatedLimit } from '../schemes/resolve-scheme.ts';
import { target as makeTarget } from '../targets/targets.ts';
import { type BetaFit, objectiveBetaFit } from './beta-fit.ts';
import { hAtOne } from './h.ts';
import { objectivePoints } from './objective-points.ts';

/**
 * The grid on which `verify` measures the large-M limit (theorem `limit`, docs/theory.md §9): 2001
 * points equally spaced in logit t over [1e-6, 1 - 1e-6] (`logitGrid`), dense near the ends,
 * where the gap to the limit peaks at t of a few 1/M.
 */
export const LIMIT_GRID = { delta: 1e-6, points: 2001 } as const;

/** The objective at one group size of a large-M study, or why there is none. */
export interface LimitInput {
  readonly M: number;
  /** `c = b - a` (docs/theory.md §2), or `null` when that size has no `h_M` (not count form, ...). */
  readonly c: readonly number[] | null;
  /** Why `c` is null. */
  readonly reason?: string;
}

/** One size of {@link LargeMLimit}. */
export interface LimitSize {
  readonly M: number;
  /** The best fit in the incomplete-beta family on the grid (docs/theory.md §9), or null. */
  readonly fit: BetaFit | null;
  /** Why `fit` is null. */
  readonly fitReason?: string;
  /**
   * `max_j |hN_M(t_j) - hN_prev(t_j)|`, `hN = h/h(1)`, against the previous size; null for the
   * first size, or when either size has no normalized objective.
   */
  readonly fromPrevious: number | null;
  /**
   * `max_j |hN_M(t_j) - I_{t_j}(A, B)|` to the stated limit when it is a member of the family;
   * null otherwise (no stated limit, `log`, or no normalized objective).
   */
  readonly toLimit: number | null;
}

/** Where a sequence of objectives goes as M grows (docs/theory.md §9), on one grid. */
export interface LargeMLimit {
  /** The stated limit of the scheme, when known. */
  readonly limit: StatedLimit | null;
  /** Number of grid points the distances and fits are taken on. */
  readonly grid: number;
  readonly sizes: readonly LimitSize[];
  /**
   * Whether the distances between successive normalized objectives strictly decrease; null when
   * there are fewer than two of them, or one is missing.
   */
  readonly successiveShrink: boolean | null;
  /** Whether the distances to the stated limit strictly decrease; null as above. */
  readonly limitShrink: boolean | null;
}

/**
 * `max_j |h_M(t_j)/h_M(1) - member(t_j)|`: the sup distance on the grid `ts` between the
 * normalized objective induced by `c` (docs/theory.md §2) and a function on [0, 1], e.g. a member
 * `I_t(A, B)` of the incomplete-beta family (docs/theory.md §9). Undefined (NaN) when `h_M(1) = 0`.
 */
export function normalizedSupDistance(
  c: ArrayLike<number>,
  ts: ArrayLike<number>,
  member: (t: number) => number,
): number {
  const y = normalizedValues(c, ts);
  return y === null
    ? Number.NaN
    : supGap(
        y,
        Float64Array.from(ts, (t) => member(t)),
      );
}

/**
 * The large-M behaviour of docs/theory.md §9 along increasing group sizes, on the grid `ts`: at every
 * size the best fit in the incomplete-beta family, the sup distance between its normalized
 * objective and the previous size's (a Cauchy test: it shrinks when the sequence settles), and,
 * when the scheme's limit is stated and lies in the family, the sup distance to it; then
 * whether each sequence of distances shrinks.
 */
export function largeMLimit(
  inputs: readonly LimitInput[],
  ts: ArrayLike<number>,
  limit?: StatedLimit,
): LargeMLimit {
  const stated = limit === undefined ? undefined : makeTarget(limit.target);
  const member = stated?.name === 'beta' ? stated.h : undefined;
  const limitValues = member && Float64Array.from(ts, (t) => member(t));
  let previous: Float64Array | null = null;
  const sizes = inputs.map(({ M, c, reason }, i): LimitSize => {
    const y = c === null ? null : normalizedValues(c, ts);
    const fromPrevious = i > 0 && y !== null && previous !== null ? supGap(y, previous) : null;
    previous = y;
    const toLimit = y === null || limitValues === undefined ? null : supGap(y, limitValues);
    if (c === null) {
      return { M, fit: null, fitReason: reason ?? 'no objective', fromPrevious, toLimit };
    }
    const result = objectiveBetaFit(c, ts);
    return result.fit === null
      ? { M, fit: null, fitReason: result.reason, fromPrevious, toLimit }
      : { M, fit: result.fit, fromPrevious, toLimit };
  });
  return {
    limit: limit ?? null,
    grid: ts.length,
    sizes,
    successiveShrink: decreasing(sizes.slice(1).map((s) => s.fromPrevious)),
    limitShrink: decreasing(sizes.map((s) => s.toLimit)),
  };
}

function normalizedValues(c: ArrayLike<number>, ts: ArrayLike<number>): Float64Array | null {
  const end = hAtOne(c);
  if (end === 0) return null;
  return Float64Array.from(objectivePoints(c, ts), (p) => p.h / end);
}

function supGap(x: Float64Array, y: Float64Array): number {
  let worst = 0;
  for (let j = 0; j < x.length; j++) worst = Math.max(worst, Math.abs(x[j]! - y[j]!));
  return worst;
}

function decreasing(values: readonly (number | null)[]): boolean | null {
  if (values.length < 2 || values.some((v) => v === null)) return null;
  for (let i = 1; i < values.length; i++) if (!(values[i]! < values[i - 1]!)) return false;
  return true;
}
