import { auditReport } from './audit-report.ts';
import { CountFormCollector } from './count-form-collector.ts';
import type { AuditOptions, AuditReport, ObservedGroup } from './types.ts';

/**
 * Audits observed groups (MATH.md §2, §7), e.g. dumped by a trainer: files every weight under its
 * cell `(R_i, S_i)`, checks that each cell got one value, and reports the recovered tables and the
 * objective they induce, one entry per group size. The groups must be validated (see
 * `parseTraceLine`); they are streamed, so memory does not grow with their number.
 */
export async function auditGroups(
  groups: Iterable<ObservedGroup> | AsyncIterable<ObservedGroup>,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const collector = new CountFormCollector();
  for await (const group of groups) collector.add(group);
  return auditReport(collector, options);
}
