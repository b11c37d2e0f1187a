import { auditFunction } from './audit-function.ts';
import type { AdvantagesFn, AuditOptions, SizeAudit, Violation } from './types.ts';

/** What {@link inducedObjective} finds at one group size. */
export type InducedObjective = SizeAudit & {
  readonly countForm: boolean;
  readonly violations: readonly Violation[];
};

/**
 * The objective a weight function optimizes at group size `M` (MATH.md §2), for users' own test
 * suites: audits `advantagesFn` on every reward pattern (random arrangements of every count when
 * `M > 16`) and returns whether it is count form, its violations, its tables `a`, `b`, the
 * induced `h_M` on a grid, and the nearest named target.
 *
 * @example
 * const objective = await inducedObjective(myAdvantages, { M: 8 });
 * expect(objective.countForm).toBe(true);
 * expect(objective.nearest?.name).toBe('arcsin');
 */
export async function inducedObjective(
  advantagesFn: AdvantagesFn,
  options: AuditOptions & {
    readonly M: number;
    readonly samples?: number;
    readonly seed?: string | number;
  },
): Promise<InducedObjective> {
  const report = await auditFunction(advantagesFn, options);
  return { countForm: report.countForm, violations: report.violations, ...report.bySize[0]! };
}
