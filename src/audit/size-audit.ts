import { requirePositiveInteger } from '../errors/require.ts';
import { hAtOne } from '../objective/h-at-one.ts';
import { objectivePoints } from '../objective/objective-points.ts';
import type { RecoveredTables } from './count-form-collector.ts';
import { targetDistances } from './target-distances.ts';
import type { AuditOptions, SizeAudit } from './types.ts';

/**
 * The audit of one group size (MATH.md §2): the recovered tables and, only when they are count
 * form and complete, the induced objective `h_M` from `c = b - a` — its points `h`, `h'` and
 * `h/h(1)` on the grid `t = j/(grid-1)`, and its distance to each named target.
 *
 * A size that is not count form gets no tables and no `h` (reporting one would be wrong, MATH.md
 * §2 "When it does not apply"); an incomplete one keeps its tables with `null` cells and no `h`.
 */
export function sizeAudit(tables: RecoveredTables, options: AuditOptions): SizeAudit {
  const { M, coverage } = tables;
  const none = { nearest: null, distances: null, points: [] };
  if (!tables.countForm) return { M, a: null, b: null, coverage, ...none };
  const { a, b } = tables;
  if (coverage.observed < coverage.total) return { M, a, b, coverage, ...none };
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
  const { nearest, distances } = targetDistances(c);
  return { M, a, b, coverage, nearest, distances, points };
}
