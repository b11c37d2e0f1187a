// Public API of src/audit: re-export each public function from its own file.
export { type AuditOptions, type AuditResult, type AuditSource, audit } from './audit.ts';
export { type AuditProvenance, auditDocument } from './audit-document.ts';
export {
  auditFunction,
  auditModule,
  type FunctionAuditOptions,
  loadAdvantagesModule,
  type ModuleAuditOptions,
} from './audit-function.ts';
export { auditPython, type PythonAuditOptions, pythonInterpreter } from './audit-python.ts';
export {
  auditLimit,
  auditReport,
  auditTable,
  sizeAudit,
  targetDistances,
} from './audit-report.ts';
export { auditGroups, auditTraces, parseTraceLine } from './audit-traces.ts';
export {
  auditClasses,
  CLASS_SIGNATURE,
  type ClassAuditOptions,
  type ClassAuditResult,
  type ClassAuditSource,
  usesRewardClasses,
} from './class-audit.ts';
export { classAuditReport } from './class-audit-report.ts';
export { ClassCountCollector } from './class-count-collector.ts';
export { classPatternCount, classPatterns, classRewards } from './class-patterns.ts';
export { CountFormCollector, type RecoveredTables } from './count-form-collector.ts';
export {
  checkExpectation,
  type Expectation,
  type ExpectationVerdict,
  expectObjective,
  type InducedObjective,
  inducedObjective,
  parseExpectation,
  type SizeVerdict,
} from './expect-objective.ts';
export { formatAudit } from './format-audit.ts';
export { formatClassAudit } from './format-class-audit.ts';
export { parseGradedTraceLine, traceClasses } from './graded-traces.ts';
export type * from './graded-types.ts';
export {
  type DescribeInput,
  IsolatedModule,
  type IsolatedModuleOptions,
} from './isolated-module.ts';
export { auditPatterns, type PatternAuditOptions, type WeighPatterns } from './pattern-audit.ts';
export {
  type PythonTarget,
  parsePythonTarget,
} from './python-bridge.ts';
export {
  defaultSamples,
  EXHAUSTIVE_MAX_M,
  patternAt,
  rewardPatterns,
} from './reward-patterns.ts';
export type * from './types.ts';
