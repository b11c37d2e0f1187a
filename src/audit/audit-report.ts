import { requireNonNegative } from '../errors/require.ts';
import type { CountFormCollector } from './count-form-collector.ts';
import { sizeAudit } from './size-audit.ts';
import type { AuditOptions, AuditReport } from './types.ts';

/** Default relative tolerance of the count-form check. */
export const DEFAULT_REL_TOL = 1e-9;

/**
 * Turns what a {@link CountFormCollector} observed into an {@link AuditReport} (MATH.md §2): the
 * input is count form when no size has a violation; each size gets its tables and, when they are
 * count form and complete, the objective they induce (see `sizeAudit`).
 */
export function auditReport(collector: CountFormCollector, options: AuditOptions): AuditReport {
  const relTol = requireNonNegative('relTol', options.relTol ?? DEFAULT_REL_TOL);
  const { tables, violations } = collector.result(relTol);
  return {
    countForm: violations.length === 0,
    violations,
    bySize: tables.map((t) => sizeAudit(t, options)),
  };
}
