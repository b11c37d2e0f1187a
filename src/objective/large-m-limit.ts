import { target as makeTarget, type Target } from '../targets/index.ts';
import { type BetaFit, objectiveBetaFit } from './beta-fit.ts';
import { type DistanceTrend, distanceTrend } from './distance-trend.ts';
import type { ReadLimit } from './limit-naming.ts';
import { sampledObjective } from './objective-points.ts';
import { type Sampled, sampled, supDistance } from './sup-distance.ts';

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

/**
 * A limit stated beforehand: a catalogue entry's (`schemeLimit`), an `--expect` target, a
 * formula (`expr:...`) or, in the library, a target made of functions.
 */
export interface StatedTarget {
  /** How the output names it, e.g. `I_t(1/2, gamma + 1/2) (eps -> 0)` or `the --expect target`. */
  readonly text: string;
  /** A target spec (`beta:a=0.5,b=1.5`, `log`, `expr:log(1+t)`) or a target. */
  readonly target: string | Target;
}

/** One size of {@link LargeMLimit}. All distances are `supDistance`s on the study's grid. */
export interface LimitSize {
  readonly M: number;
  /** The best fit in the incomplete-beta family on the grid (docs/theory.md §9), or null. */
  readonly fit: BetaFit | null;
  /** Why `fit` is null. */
  readonly fitReason?: string;
  /** To the previous size's objective; null for the first size or where one has no objective. */
  readonly fromPrevious: number | null;
  /** To the stated limit; null without one, or without an objective. */
  readonly toStated: number | null;
  /** To the limit read from the scheme; null without one, or without an objective. */
  readonly toLimit: number | null;
}

/** The sizes of a large-M study (docs/theory.md §9) and where their distances go. */
export interface SizeStudy {
  /** Number of grid points the distances and fits are taken on. */
  readonly grid: number;
  /** The stated limit, as given (its spec), or null. */
  readonly stated: { readonly text: string; readonly target: string } | null;
  readonly sizes: readonly LimitSize[];
  /** Where the distances between successive sizes go (a Cauchy test: no limit needed). */
  readonly successive: DistanceTrend;
  /** Where the distances to the stated limit go; null without one. */
  readonly toStated: DistanceTrend | null;
  /** Where the distances to the read limit go; null without one. */
  readonly toLimit: DistanceTrend | null;
}

/**
 * A large-M study: the limit read from the scheme (`--limit`'s `limit`; null where it cannot be
 * read, `limitReason` says why) and the audited sizes against it (`largeM`).
 */
export interface LargeMLimit {
  readonly limit: ReadLimit | null;
  readonly limitReason?: string;
  readonly largeM: SizeStudy;
}

/**
 * `max_j |h_M(t_j)/h_M(1) - member(t_j)|`: the sup distance (`supDistance`) on the grid `ts`
 * between the normalized objective induced by `c` (docs/theory.md §2) and a function on [0, 1] that
 * is 0 at 0 and 1 at 1, e.g. a member `I_t(A, B)` of the incomplete-beta family (docs/theory.md §9).
 * Undefined (NaN) when `h_M(1) <= 0`.
 */
export function normalizedSupDistance(
  c: ArrayLike<number>,
  ts: ArrayLike<number>,
  member: (t: number) => number,
): number {
  return supDistance(sampledObjective(c, ts), sampled(ts, member)).distance;
}

/**
 * The large-M behaviour of docs/theory.md §9 along increasing group sizes, on the grid `ts`: at
 * every size the best fit in the incomplete-beta family, and the distance (`supDistance`, the one
 * distance of docs/objective.md) between its objective and the previous size's (a Cauchy test:
 * it shrinks when the sequence settles), the stated limit (`stated`: any target, `log` and
 * formulas included) and the limit read from the scheme (`limit`, `nameLimit`); then where each
 * sequence of distances goes (`distanceTrend`).
 */
export function largeMLimit(
  inputs: readonly LimitInput[],
  ts: ArrayLike<number>,
  options: {
    readonly stated?: StatedTarget;
    readonly limit?: ReadLimit | { readonly reason: string };
  } = {},
): LargeMLimit {
  const stated = options.stated;
  const statedTarget =
    stated === undefined
      ? undefined
      : typeof stated.target === 'string'
        ? makeTarget(stated.target)
        : stated.target;
  const statedCurve = statedTarget && sampled(ts, (t) => statedTarget.h(t));
  const read = options.limit !== undefined && 'kind' in options.limit ? options.limit : undefined;
  const readCurve = read && limitCurve(read, ts);
  let previous: Sampled | null = null;
  const sizes = inputs.map(({ M, c, reason }): LimitSize => {
    const f = c === null ? null : sampledObjective(c, ts);
    const distance = (g: Sampled | null | undefined) =>
      f === null || g === null || g === undefined ? null : defined(supDistance(f, g).distance);
    const fromPrevious = distance(previous);
    previous = f;
    const common = { fromPrevious, toStated: distance(statedCurve), toLimit: distance(readCurve) };
    if (c === null) return { M, fit: null, fitReason: reason ?? 'no objective', ...common };
    const result = objectiveBetaFit(c, ts);
    return result.fit === null
      ? { M, fit: null, fitReason: result.reason, ...common }
      : { M, fit: result.fit, ...common };
  });
  const Ms = sizes.map((s) => s.M);
  return {
    limit: read ?? null,
    ...(options.limit !== undefined &&
      !('kind' in options.limit) && {
        limitReason: options.limit.reason,
      }),
    largeM: {
      grid: ts.length,
      stated:
        stated === undefined || statedTarget === undefined
          ? null
          : { text: stated.text, target: statedTarget.spec },
      sizes,
      successive: distanceTrend(
        sizes.slice(1).map((s) => s.fromPrevious),
        Ms.slice(1),
      ),
      toStated:
        statedCurve === undefined
          ? null
          : distanceTrend(
              sizes.map((s) => s.toStated),
              Ms,
            ),
      toLimit:
        readCurve === undefined
          ? null
          : distanceTrend(
              sizes.map((s) => s.toLimit),
              Ms,
            ),
    },
  };
}

/**
 * A read limit sampled on the grid `ts` (which must be the grid it was named on): its rescaled
 * values, and `-Infinity`/`+Infinity` outside its window, where it diverges.
 */
export function limitCurve(limit: ReadLimit, ts: ArrayLike<number>): Sampled {
  const byT = new Map(limit.points.map(([t, v]) => [t, v]));
  const { zeroAt, oneAt } = limit.normalization;
  const at = (t: number) =>
    byT.get(t) ??
    (t < zeroAt ? Number.NEGATIVE_INFINITY : t > oneAt ? Number.POSITIVE_INFINITY : Number.NaN);
  return {
    ts,
    values: Float64Array.from(ts, at),
    at0: zeroAt === 0 ? (byT.get(0) ?? 0) : Number.NEGATIVE_INFINITY,
    at1: oneAt === 1 ? (byT.get(1) ?? 1) : Number.POSITIVE_INFINITY,
  };
}

function defined(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
