import { type LargeMLimit, largeMLimit } from '../objective/large-m-limit.ts';
import type { StatedLimit } from '../schemes/scheme-limit.ts';
import type { AuditReport } from './types.ts';

/**
 * The large-M study of MATH.md §9 over the sizes of an audit (`audit --limit`), in increasing
 * `M`: at each size the best fit in the incomplete-beta family and the sup distance between
 * successive normalized objectives, on the audit's grid `t = j/(grid-1)`; with `limit` (e.g. an
 * `--expect` target in the family) also the sup distance to it. A size without a complete
 * count-form table has no objective, and says why.
 */
export function auditLimit(report: AuditReport, grid: number, limit?: StatedLimit): LargeMLimit {
  const ts = Array.from({ length: grid }, (_, j) => (grid === 1 ? 1 : j / (grid - 1)));
  const sizes = [...report.bySize].sort((x, y) => x.M - y.M);
  return largeMLimit(
    sizes.map((size) =>
      size.points.length > 0
        ? { M: size.M, c: size.b!.map((bs, s) => bs! - size.a![s]!) }
        : { M: size.M, c: null, reason: size.fitReason ?? 'no objective' },
    ),
    ts,
    limit,
  );
}
