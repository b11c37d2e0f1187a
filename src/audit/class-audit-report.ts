import { InputError } from '../errors/index.ts';
import { fieldVerdict } from '../graded/index.ts';
import { type Compositions, compositions } from '../math/index.ts';
import type { RewardClasses } from '../rewards/index.ts';
import { batchFactor } from './batch-factor.ts';
import { type ClassCountCollector, cellKey } from './class-count-collector.ts';
import { tableGradedScheme } from './graded-table-scheme.ts';
import type { BatchFactor, ClassAuditReport, ClassSizeAudit } from './graded-types.ts';

/** At most this many unobserved cells are named in `coverage.missing`. */
const NAMED_MISSING = 50;

/**
 * The points where the field is reported: the barycentre, then `(barycentre + e_j)/2` for each
 * class `j`; all interior, where the weights of a group-normalized scheme are not dominated by
 * groups of one class (at a vertex the std is 0 and the curl is that of `1/eps`).
 */
export function interiorPoints(C: number): number[][] {
  const centre = Array<number>(C).fill(1 / C);
  return [centre, ...centre.map((_, j) => centre.map((x, i) => x / 2 + (i === j ? 0.5 : 0)))];
}

/**
 * Turns what a {@link ClassCountCollector} observed into a {@link ClassAuditReport}
 * (docs/theory.md §10): strict generalized count form when no cell disagrees; otherwise, when
 * the groups name batches, count form up to one positive factor per batch (`batchFactor`). Each
 * size that is count form and whose every cell `(class, counts of the others)` was observed gets
 * the field verdict of src/graded on the recovered weights (`fieldVerdict`): closed or not, the
 * curl (`kappa` for three classes), and where closed `J` and its recognised form. Each recovered
 * weight may be off by `relTol` times the size's largest weight, and the closedness tolerance
 * starts from that.
 */
export function classAuditReport(
  collector: ClassCountCollector,
  classes: RewardClasses,
  inferred: boolean,
  relTol: number,
): ClassAuditReport {
  const violations = collector.violations(relTol);
  const countForm = violations.length === 0;
  let values: Map<string, number> | undefined = countForm ? collector.firstValues() : undefined;
  let factor: BatchFactor | undefined;
  let batchFactorReason: string | undefined;
  if (!countForm && collector.batches.size > 0) {
    const finding = batchFactor(collector, relTol);
    if ('factor' in finding) {
      factor = finding.factor;
      values = finding.values;
    } else batchFactorReason = finding.reason;
  }
  const bySize = collector.groupSizes().map((M) => {
    const sizeCountForm = values !== undefined || !violations.some((v) => v.M === M);
    return sizeAudit(M, classes, collector, values, sizeCountForm, relTol);
  });
  const verdicts = bySize.flatMap((s) => (s.field === null ? [] : [s.field.closed]));
  return {
    classes: classes.spec,
    labels: classes.labels,
    inferred,
    countForm,
    ...(factor !== undefined && { batchFactor: factor }),
    ...(batchFactorReason !== undefined && { batchFactorReason }),
    violations,
    bySize,
    closed: verdicts.length === 0 ? null : verdicts.every((c) => c),
  };
}

function sizeAudit(
  M: number,
  classes: RewardClasses,
  collector: ClassCountCollector,
  values: Map<string, number> | undefined,
  countForm: boolean,
  relTol: number,
): ClassSizeAudit {
  const { C } = classes;
  let comps: Compositions;
  try {
    comps = compositions(M - 1, C);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const observed = [...collector.cells.values()].filter((c) => c.M === M).length;
    const coverage = { observed, total: Number.POSITIVE_INFINITY, missing: [] };
    return { M, coverage, countForm, field: null, fieldReason: error.message };
  }
  const table = new Float64Array(comps.count * C);
  const missing: string[] = [];
  let observed = 0;
  const n = new Int32Array(C);
  for (let i = 0; i < comps.count; i++) {
    n.set(comps.counts.subarray(i * C, (i + 1) * C));
    for (let k = 0; k < C; k++) {
      const key = cellKey(M, k, n);
      const value = values?.get(key) ?? collector.cells.get(key)?.first.value;
      if (value === undefined || !collector.cells.has(key)) {
        if (missing.length < NAMED_MISSING) missing.push(collector.describeCell(k, Array.from(n)));
        continue;
      }
      observed++;
      table[i * C + k] = value;
    }
  }
  const total = comps.count * C;
  const coverage = { observed, total, missing };
  if (!countForm) {
    return { M, coverage, countForm, field: null, fieldReason: 'not count form at this size' };
  }
  if (observed < total) {
    return {
      M,
      coverage,
      countForm,
      field: null,
      fieldReason: `${total - observed} of the ${total} cells were never observed, and the field needs every one (more groups, or groups with other mixes of classes)`,
    };
  }
  const largest = table.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
  const scheme = tableGradedScheme(classes, M, comps, table, relTol * largest);
  const field = fieldVerdict(scheme, interiorPoints(C), undefined);
  return { M, coverage, countForm, field };
}
