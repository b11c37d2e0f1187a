import { readTableFile } from '../schemes/read-table-file.ts';
import { sizeAudit } from './size-audit.ts';
import type { AuditOptions, AuditReport } from './types.ts';

/**
 * Audits count-form tables given directly, from a JSON file `{"M": n, "a": [...], "b": [...]}`
 * (MATH.md §2; read and validated by `readTableFile`): count form by construction, so the report
 * is the objective `h_M` induced by `c = b - a` and its distance to each named target.
 *
 * The file must be a regular file of at most 256 MiB (`readTableFile` reads it through `readInputFile`); anything else, like a
 * malformed table, is an InputError naming it.
 */
export function auditTable(file: string, options: AuditOptions = {}): AuditReport {
  const { M, a, b } = readTableFile(file);
  const coverage = { observed: 2 * M, total: 2 * M, missing: [] };
  return {
    countForm: true,
    violations: [],
    bySize: [sizeAudit({ M, a, b, coverage, countForm: true }, options)],
  };
}
