// Public API of src/audit: re-export each public function from its own file.
export { auditFunction, type FunctionAuditOptions } from './audit-function.ts';
export { auditGroups } from './audit-groups.ts';
export { auditReport, DEFAULT_REL_TOL } from './audit-report.ts';
export { auditTraces } from './audit-traces.ts';
export { CountFormCollector, type RecoveredTables } from './count-form-collector.ts';
export { loadAdvantagesModule } from './load-advantages-module.ts';
export { parseTraceLine } from './parse-trace-line.ts';
export { EXHAUSTIVE_MAX_M, rewardPatterns } from './reward-patterns.ts';
export { sizeAudit } from './size-audit.ts';
export { targetDistances } from './target-distances.ts';
export type * from './types.ts';
