import { requirePositiveInteger } from '../errors/require.ts';
import { objectiveBetaFit } from '../objective/beta-fit.ts';
import { hAtOne } from '../objective/h-at-one.ts';
import { objectivePoints } from '../objective/objective-points.ts';
import { betaSpec } from '../targets/beta-family.ts';
import type { RecoveredTables } from './count-form-collector.ts';
import { targetDistances } from './target-distances.ts';
import type { AuditOptions, SizeAudit } from './types.ts';

/**
 * The audit of one group size (MATH.md §2): the recovered tables and, only when they are count
 * form and complete, the induced objective `h_M` from `c = b - a` — its points `h`, `h'` and
 * `h/h(1)` on the grid `t = j/(grid-1)`, its best fit in the incomplete-beta family on that grid
 * (MATH.md §9), and its distance to each named target and to the fitted member.
 *
 * A size that is not count form gets no tables and no `h` (reporting one would be wrong, MATH.md
 * §2 "When it does not apply"); an incomplete one keeps its tables with `null` cells and no `h`.
 */
export function sizeAudit(tables: RecoveredTables, options: AuditOptions): SizeAudit {
  const { M, coverage } = tables;
  const none = (fitReason: string) => ({
    nearest: null,
    distances: null,
    fit: null,
    fitReason,
    points: [],
  });
  if (!tables.countForm) {
    return { M, a: null, b: null, coverage, ...none('not count form, so there is no h_M') };
  }
  const { a, b } = tables;
  if (coverage.observed < coverage.total) {
    return { M, a, b, coverage, ...none('cells never observed, so h_M is unknown') };
  }
  const c = b.map((bs, s) => bs! - a[s]!);
  const grid = requirePositiveInteger('grid', options.grid ?? 101);
  const ts = Array.from({ length: grid }, (_, j) => (grid === 1 ? 1 : j / (grid - 1)));
  const end = hAtOne(c);
  const points = objectivePoints(c, ts).map(({ t, h, dh }) => ({
    t,
    h,
    dh,
    hNormalized: end === 0 ? null : h / end,
  }));
  const { fit, reason } = objectiveBetaFit(c, ts);
  const fitted = fit === null ? [] : [betaSpec(round(fit.a), round(fit.b))];
  const { nearest, distances } = targetDistances(c, fitted);
  return { M, a, b, coverage, nearest, distances, fit, fitReason: reason ?? null, points };
}

/** A fitted shape parameter to 4 significant digits, as its `distances` key shows it. */
function round(x: number): number {
  return Number(x.toPrecision(4));
}
