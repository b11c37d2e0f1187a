import { betaSpec, type Target, target } from '../targets/index.ts';
import { type BetaFit, betaFit, betaFitGridObstacle } from './beta-fit.ts';
import type { LimitKind, LimitShape } from './limit-reading.ts';
import { compareTargets, type Nearest } from './nearest-target.ts';
import { rescaled, sampled, supDistance } from './sup-distance.ts';

/**
 * A target within this sup distance of a read limit is named as its exact value: about ten
 * times the reading's own error at `M* = 10^6` (limit-reading.test.ts), far below the distance
 * between any two named targets.
 */
export const EXACT_TOL = 1e-4;

/** The large-M limit of a scheme read from its weights, and its name: `--limit`'s `limit`. */
export interface ReadLimit {
  /** The group size `M*` the weights were read at. */
  readonly M: number;
  readonly kind: LimitKind;
  /**
   * `[t, value]` at the grid points in the normalization's window: the limit objective, rescaled
   * by an increasing affine map to 0 at `normalization.zeroAt` and 1 at `normalization.oneAt`.
   */
  readonly points: readonly (readonly [number, number])[];
  /**
   * `zeroAt` is 0 for a limit finite at 0, else the first grid point above 0 (the log type);
   * `oneAt` is 1, or the last grid point below 1 when the limit diverges there too.
   */
  readonly normalization: { readonly zeroAt: number; readonly oneAt: number };
  /** The exponents of `phi` at the ends (`LimitShape`). */
  readonly exponents: { readonly atZero: number | null; readonly atOne: number | null };
  /** For `degenerate`: why the limit is a step. */
  readonly reason?: string;
  /** Group evaluations the reading made. */
  readonly evaluations: number;
  /** The nearest named target (log and logit included) and its distance; null for a step. */
  readonly nearest: Nearest | null;
  /** The best fit in the incomplete-beta family, for a `bounded` limit; else null. */
  readonly fit: BetaFit | null;
  /** Why `fit` is null. */
  readonly fitReason?: string;
  /**
   * A target within {@link EXACT_TOL} of the limit, when one is: the stated limit, the nearest
   * named target, or the best fit rounded to 3 digits (`beta:a=0.5,b=1.5`), first found.
   */
  readonly exact: { readonly target: string; readonly distance: number } | null;
}

/** What {@link nameLimit} compares a limit with. */
export interface LimitNaming {
  /** Named targets, in order of precedence on a tie (`namedTargetSpecs`). */
  readonly targets: readonly string[];
  /** The searched box of the beta fit (`betaFitRange`). */
  readonly range: readonly [number, number];
  /** A limit stated beforehand (a catalogue entry's, an `--expect` target, a formula), tried first for `exact`. */
  readonly stated?: string | Target;
}

/**
 * Names a limit read from a scheme (docs/theory.md §9, "The limit of any scheme") on the grid `ts`:
 * its points, normalized as its kind allows; the nearest named target after the affine map
 * (`compareTargets`, the one distance of docs/objective.md); for a bounded limit the best fit in
 * the incomplete-beta family; and an exact match where one holds within {@link EXACT_TOL}.
 */
export function nameLimit(
  shape: LimitShape,
  ts: ArrayLike<number>,
  naming: LimitNaming,
): ReadLimit {
  const curve = shape.on(ts);
  const { lo, hi, points } = rescaled(curve);
  const head = {
    M: shape.M,
    kind: shape.kind,
    points,
    normalization: { zeroAt: lo, oneAt: hi },
    exponents: shape.exponents,
    ...(shape.reason !== undefined && { reason: shape.reason }),
    evaluations: shape.evaluations,
  };
  if (shape.kind === 'degenerate') {
    return {
      ...head,
      nearest: null,
      fit: null,
      fitReason: 'the limit is a step, which no objective in the family describes',
      exact: null,
    };
  }
  const { nearest } = compareTargets(curve, naming.targets);
  let fit: BetaFit | null = null;
  let fitReason: string | undefined;
  if (shape.kind === 'log-type') {
    fitReason = 'the limit is unbounded (log-type), and every member of the family is bounded';
  } else {
    fitReason = betaFitGridObstacle(ts);
    if (fitReason === undefined) {
      fit = betaFit(
        points.map(([t]) => t),
        points.map(([, y]) => y),
        naming.range,
      );
    }
  }
  const candidates: (string | Target)[] = [];
  if (naming.stated !== undefined) candidates.push(naming.stated);
  if (nearest !== null) candidates.push(nearest.name);
  if (fit !== null) candidates.push(betaSpec(round(fit.a), round(fit.b)));
  let exact: ReadLimit['exact'] = null;
  for (const candidate of candidates) {
    const made = typeof candidate === 'string' ? target(candidate) : candidate;
    const distance = supDistance(
      curve,
      sampled(ts, (t) => made.h(t)),
    ).distance;
    if (distance <= EXACT_TOL) {
      exact = { target: made.spec, distance };
      break;
    }
  }
  return { ...head, nearest, fit, ...(fitReason !== undefined && { fitReason }), exact };
}

function round(x: number): number {
  return Number(x.toPrecision(3));
}
