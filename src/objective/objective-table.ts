import { OBJECTIVE_DEFAULTS } from '../defaults/index.ts';
import { InputError, LIMITS, requireGridPoints, requireSize } from '../errors/index.ts';
import { grid, harmonic } from '../math/index.ts';
import { scheme as makeScheme, schemeLimit } from '../schemes/index.ts';
import { target as makeTarget, type Target } from '../targets/index.ts';
import { type BetaFit, betaFitRange, objectiveBetaFit } from './beta-fit.ts';
import { hAtOne } from './h.ts';
import { type LargeMLimit, largeMLimit, type StatedTarget } from './large-m-limit.ts';
import { nameLimit, type ReadLimit } from './limit-naming.ts';
import { DEFAULT_LIMIT_M, limitCounts, schemeLimitShape } from './limit-reading.ts';
import { namedTargetSpecs } from './nearest-target.ts';
import { objectivePoints } from './objective-points.ts';

/** The paper's normalizations (docs/theory.md §3): `end` is `h/h(1)`, `harmonic` is `h − (H_M − 1)`. */
export type Normalization = 'end' | 'harmonic';

/** What {@link objective} is asked for. */
export interface ObjectiveOptions {
  /** Scheme spec, e.g. `grpo:std=sample,eps=1e-6`. */
  readonly scheme: string;
  /** Group size. */
  readonly M: number;
  /** Points in [0, 1]; when absent, `grid` equally spaced points from 0 to 1. */
  readonly t?: readonly number[];
  /**
   * Number of equally spaced points on [0, 1] (>= 2) when `t` is absent; default
   * `OBJECTIVE_DEFAULTS.grid`.
   */
  readonly grid?: number;
  /** Add `hNormalized` to every point. */
  readonly normalize?: Normalization;
  /** Called as the points are computed, with the points done and in all (a progress bar). */
  readonly progress?: (done: number, total: number) => void;
}

/** One row of an {@link ObjectiveTable}. */
export interface ObjectiveTablePoint {
  readonly t: number;
  readonly h: number;
  readonly dh: number;
  readonly hNormalized?: number;
}

/** The objective `h_M` induced by a scheme: the `objective` command's JSON output. */
export interface ObjectiveTable {
  /** Canonical scheme spec. */
  readonly scheme: string;
  readonly M: number;
  readonly a: readonly number[];
  readonly b: readonly number[];
  /**
   * The member `I_t(a, b)` of the incomplete-beta family closest in sup distance to
   * `h_M/h_M(1)` on the points (docs/theory.md §9), or null when `h_M` is not increasing.
   */
  readonly fit: BetaFit | null;
  /** Why `fit` is null; absent when there is a fit. */
  readonly fitReason?: string;
  readonly points: readonly ObjectiveTablePoint[];
}

/**
 * `rl-objective objective` as a function: the objective `h_M` that a weight scheme induces (docs/theory.md §2: `h_M(t) = (1/M) Σ c_s
 * I_t(s+1, M−s)` and `h_M'(t) = Σ c_s B_{s,M−1}(t)`), with the scheme's count-form tables, at the
 * requested points, optionally normalized as in the paper's figures 2 and 3, and its best fit in
 * the incomplete-beta family on those points (docs/theory.md §9, `betaFit`).
 *
 * Throws InputError for a bad spec, `M`, `t` or grid, and for `end` normalization when
 * `h_M(1) = 0`.
 */
export function objective(options: ObjectiveOptions): ObjectiveTable {
  const M = requireSize('M', options.M, LIMITS.M);
  const ts = tablePoints(options.t, options.grid ?? OBJECTIVE_DEFAULTS.grid, M);
  const s = makeScheme(options.scheme, M);
  const points: ObjectiveTablePoint[] = objectivePoints(s.c, ts, options.progress);
  const { fit, reason } = objectiveBetaFit(s.c, ts, points);
  const head = { scheme: s.spec, M, a: s.a, b: s.b, fit, ...(reason && { fitReason: reason }) };
  if (options.normalize === undefined) return { ...head, points };
  const normalized = normalizer(s.c, options.normalize, s.spec);
  return { ...head, points: points.map((p) => ({ ...p, hNormalized: normalized(p.h) })) };
}

/** What {@link objectiveLimit} is asked for. */
export interface ObjectiveLimitOptions {
  /** Scheme spec, e.g. `f-grpo:gamma=1`. */
  readonly scheme: string;
  /** Group sizes, increasing, e.g. `[16, 64, 256, 1024]`. */
  readonly M: readonly number[];
  /** Points in [0, 1]; when absent, `grid` equally spaced points from 0 to 1. */
  readonly t?: readonly number[];
  /**
   * Number of equally spaced points on [0, 1] (>= 2) when `t` is absent; default
   * `OBJECTIVE_DEFAULTS.limitGrid`.
   */
  readonly grid?: number;
  /** The group size `M*` the limit is read at (docs/theory.md §9); default 10^6. */
  readonly limitM?: number;
  /**
   * The stated limit the sizes are compared with (a target spec, a formula such as
   * `expr:log(1+t)`, or a `Target`); default the limit the scheme's catalogue entry states.
   */
  readonly stated?: string | Target;
}

/** The large-M study of one scheme: `objective --limit`'s JSON output. */
export interface ObjectiveLimit extends LargeMLimit {
  /** Canonical scheme spec. */
  readonly scheme: string;
}

/**
 * `rl-objective objective --limit` as a function: where a scheme's normalized objective goes as M
 * grows (docs/theory.md §9). The limit is read from the scheme itself at one large group
 * (`schemeLimitShape` at `limitM`, named by `nameLimit`: kind, points, nearest named target, best
 * beta fit, exact match); at each of the increasing sizes `M` come its best fit in the
 * incomplete-beta family and its distance to the previous size, to the stated limit (the
 * catalogue entry's, or `stated`) and to the read limit (`largeMLimit`), on the requested
 * points. A scheme whose limit cannot be read (a `table` of one size) gets `limit: null` and
 * `limitReason`.
 *
 * Throws InputError for a bad spec, a size the scheme does not accept, sizes that do not
 * increase, a bad `t`, grid, `limitM` or stated target.
 */
export function objectiveLimit(options: ObjectiveLimitOptions): ObjectiveLimit {
  const sizes = options.M.map((M) => requireSize('M', M, LIMITS.M));
  if (sizes.length === 0) throw new InputError('--limit needs at least one group size');
  sizes.forEach((M, i) => {
    if (i > 0 && !(M > sizes[i - 1]!)) {
      throw new InputError(
        `the group sizes of --limit must increase, got ${sizes[i - 1]} then ${M}`,
      );
    }
  });
  const limitM = options.limitM ?? DEFAULT_LIMIT_M;
  limitCounts(limitM);
  const statedTarget =
    typeof options.stated === 'string' ? makeTarget(options.stated) : options.stated;
  const ts = tablePoints(
    options.t,
    options.grid ?? OBJECTIVE_DEFAULTS.limitGrid,
    sizes.reduce((sum, M) => sum + M, 0),
  );
  const schemes = sizes.map((M) => makeScheme(options.scheme, M));
  const stated: StatedTarget | undefined =
    statedTarget !== undefined
      ? { text: statedTarget.spec, target: statedTarget }
      : schemeLimit(options.scheme);
  const largest = sizes[sizes.length - 1]!;
  let limit: ReadLimit | { readonly reason: string };
  try {
    limit = nameLimit(schemeLimitShape(options.scheme, limitM), ts, {
      targets: namedTargetSpecs(largest),
      range: betaFitRange(largest),
      ...(stated !== undefined && { stated: stated.target }),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    limit = { reason: error.message };
  }
  return {
    scheme: schemes[0]!.spec,
    ...largeMLimit(
      schemes.map((s) => ({ M: s.M, c: s.c })),
      ts,
      { ...(stated !== undefined && { stated }), limit },
    ),
  };
}

function normalizer(
  c: readonly number[],
  normalization: Normalization,
  spec: string,
): (h: number) => number {
  if (normalization === 'harmonic') {
    const shift = harmonic(c.length) - 1;
    return (h) => h - shift;
  }
  const end = hAtOne(c);
  if (end === 0) {
    throw new InputError(`scheme '${spec}' has h_M(1) = 0, so h/h(1) is undefined`);
  }
  return (h) => h / end;
}

/**
 * `n` equally spaced points of [0, 1], both ends included: the grid `--grid n` of every command,
 * from 2 to the stated limit of points (`requireGridPoints`).
 */
export function uniformGrid(n: number): number[] {
  return grid(0, 1, requireGridPoints('grid', n));
}

/**
 * The points of a table: `t` as given, else `n` evenly spaced from 0 to 1; checked against the
 * stated limits before any is computed, the points themselves and their cost `points x work`
 * (`work`: the group size, or the sum of the sizes of a study).
 */
function tablePoints(t: readonly number[] | undefined, n: number, work: number): readonly number[] {
  const count = t === undefined ? requireGridPoints('grid', n) : t.length;
  requireSize('number of points t', count, LIMITS.points);
  if (count * work > LIMITS.pointWork.max) {
    throw new InputError(
      `points x M must be at most ${LIMITS.pointWork.max} (${LIMITS.pointWork.why}), got ${count} x ${work}: use fewer points or a smaller M`,
    );
  }
  return t ?? uniformGrid(n);
}
