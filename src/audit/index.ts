// Public API of src/audit: re-export each public function from its own file.
export { type AuditProvenance, auditDocument } from './audit-document.ts';
export { auditFunction, type FunctionAuditOptions } from './audit-function.ts';
export { auditGroups } from './audit-groups.ts';
export { auditLimit } from './audit-limit.ts';
export { auditPython, type PythonAuditOptions } from './audit-python.ts';
export { auditReport, DEFAULT_REL_TOL } from './audit-report.ts';
export { auditTable } from './audit-table.ts';
export { auditTraces } from './audit-traces.ts';
export {
  checkExpectation,
  type ExpectationVerdict,
  type SizeVerdict,
} from './check-expectation.ts';
export { CountFormCollector, type RecoveredTables } from './count-form-collector.ts';
export { expectObjective } from './expect-objective.ts';
export { formatAudit } from './format-audit.ts';
export { type InducedObjective, inducedObjective } from './induced-objective.ts';
export { loadAdvantagesModule } from './load-advantages-module.ts';
export { DEFAULT_EXPECT_TOL, type Expectation, parseExpectation } from './parse-expectation.ts';
export { parseTraceLine } from './parse-trace-line.ts';
export {
  DEFAULT_PYTHON_TIMEOUT,
  PYTHON_ARRAYS,
  type PythonArray,
  type PythonTarget,
  parsePythonTarget,
} from './python-bridge.ts';
export { EXHAUSTIVE_MAX_M, rewardPatterns } from './reward-patterns.ts';
export { sizeAudit } from './size-audit.ts';
export { targetDistances } from './target-distances.ts';
export type * from './types.ts';
