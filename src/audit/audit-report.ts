import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import {
  LIMITS,
  quote,
  requireGridPoints,
  requireNonNegative,
  requireSize,
} from '../errors/index.ts';
import { grid } from '../math/index.ts';
import {
  betaFitRange,
  compareTargets,
  hAtOne,
  type LargeMLimit,
  type LimitShape,
  largeMLimit,
  namedTargetSpecs,
  nameLimit,
  objectiveBetaFit,
  objectivePoints,
  type StatedTarget,
  type TargetComparison,
} from '../objective/index.ts';
import { readTableFile } from '../schemes/index.ts';
import type { CountFormCollector, RecoveredTables } from './count-form-collector.ts';
import type { AuditReport, AuditReportOptions, SizeAudit } from './types.ts';

/**
 * Checks the options every audit shares, before any work: the relative tolerance and the grid
 * (2 to `LIMITS.points` points, the rule of every `--grid`).
 */
export function checkAuditOptions(options: AuditReportOptions): void {
  requireNonNegative('relTol', options.relTol ?? AUDIT_DEFAULTS.relTol);
  requireGridPoints('grid', options.grid ?? AUDIT_DEFAULTS.grid);
}

/**
 * Turns what a {@link CountFormCollector} observed into an {@link AuditReport} (docs/theory.md §2): the
 * input is count form when no size has a violation; each size gets its tables and, when they are
 * count form and complete, the objective they induce (see `sizeAudit`).
 */
export function auditReport(
  collector: CountFormCollector,
  options: AuditReportOptions,
): AuditReport {
  const relTol = requireNonNegative('relTol', options.relTol ?? AUDIT_DEFAULTS.relTol);
  const { tables, violations } = collector.result(relTol);
  return {
    countForm: violations.length === 0,
    violations,
    bySize: tables.map((t) => sizeAudit(t, options)),
  };
}

/**
 * The audit of one group size (docs/theory.md §2): the recovered tables and, only when they are count
 * form and complete, the induced objective `h_M` from `c = b - a` — its points `h`, `h'` and
 * `h/h(1)` on the grid `t = j/(grid-1)`, its best fit in the incomplete-beta family on that grid
 * (docs/theory.md §9), and its distance to each named target on the same grid (`targetDistances`).
 *
 * A size that is not count form gets no tables and no `h` (reporting one would be wrong, docs/theory.md
 * §2 "When it does not apply"); an incomplete one keeps its tables with `null` cells and no `h`.
 */
export function sizeAudit(tables: RecoveredTables, options: AuditReportOptions): SizeAudit {
  const { M, coverage } = tables;
  const none = (fitReason: string) => ({
    nearest: null,
    distances: null,
    aliases: null,
    fit: null,
    fitReason,
    points: [],
  });
  if (!tables.countForm) {
    return { M, a: null, b: null, coverage, ...none('not count form, so there is no h_M') };
  }
  const { a, b } = tables;
  if (coverage.observed < coverage.total) {
    return { M, a, b, coverage, ...none('cells never observed, so h_M is unknown') };
  }
  const c = b.map((bs, s) => bs! - a[s]!);
  const ts = grid(0, 1, requireGridPoints('grid', options.grid ?? AUDIT_DEFAULTS.grid));
  const end = hAtOne(c);
  const points = objectivePoints(c, ts).map(({ t, h, dh }) => ({
    t,
    h,
    dh,
    hNormalized: end === 0 ? null : h / end,
  }));
  const { fit, reason } = objectiveBetaFit(c, ts);
  const { nearest, distances, aliases } = targetDistances(c, ts);
  return { M, a, b, coverage, nearest, distances, aliases, fit, fitReason: reason ?? null, points };
}

/**
 * The distance (`supDistance`, docs/objective.md) on the grid `ts` between the objective induced
 * by `c` (docs/theory.md §2) and each named target an audit compares with (docs/theory.md §3):
 * identity, log, logit, arcsin and pass@k for `k = 1..M` (`namedTargetSpecs`), each distinct
 * objective once under its first name with the others as aliases (`passk:k=1` is identity), and
 * the nearest (`compareTargets`).
 */
export function targetDistances(c: readonly number[], ts: readonly number[]): TargetComparison {
  return compareTargets(
    { ts, values: objectivePoints(c, ts).map((p) => p.h), at0: 0, at1: hAtOne(c) },
    namedTargetSpecs(c.length),
  );
}

/** How {@link auditLimit} reads and names the limit. */
export interface AuditLimitOptions {
  /** The audit's grid: `points` evenly spaced `t` in [0, 1]. */
  readonly points: number;
  /** A limit stated beforehand (an `--expect` target, a formula). */
  readonly stated?: StatedTarget;
  /**
   * The limit read from the audited code at one large group (`readCodeLimit`), or why it could
   * not be; absent for a trace or a table, which have one group size.
   */
  readonly shape?: LimitShape | { readonly reason: string };
}

/**
 * The large-M study of docs/theory.md §9 over the sizes of an audit (`audit --limit`): the limit read
 * from the audited code at one large group (`shape`, named by `nameLimit`; where it could not
 * be read, `limitReason` says why), and in increasing
 * `M` each size's best fit and its distance to the previous size, to the stated limit and to the
 * read limit (`largeMLimit`), on the audit's grid. A size without a complete count-form table
 * has no objective, and says why.
 */
export function auditLimit(report: AuditReport, options: AuditLimitOptions): LargeMLimit {
  const ts = grid(0, 1, options.points);
  const sizes = [...report.bySize].sort((x, y) => x.M - y.M);
  const largest = sizes.length === 0 ? 1 : sizes[sizes.length - 1]!.M;
  const { shape } = options;
  const limit =
    shape === undefined || !('kind' in shape)
      ? shape
      : nameLimit(shape, ts, {
          targets: namedTargetSpecs(largest),
          range: betaFitRange(largest),
          ...(options.stated !== undefined && { stated: options.stated.target }),
        });
  return largeMLimit(
    sizes.map((size) =>
      size.points.length > 0
        ? { M: size.M, c: size.b!.map((bs, s) => bs! - size.a![s]!) }
        : { M: size.M, c: null, reason: size.fitReason ?? 'no objective' },
    ),
    ts,
    {
      ...(options.stated !== undefined && { stated: options.stated }),
      ...(limit !== undefined && { limit }),
    },
  );
}

/**
 * Audits count-form tables given directly, from a JSON file `{"M": n, "a": [...], "b": [...]}`
 * (docs/theory.md §2; read and validated by `readTableFile`): count form by construction, so the report
 * is the objective `h_M` induced by `c = b - a` and its distance to each named target.
 *
 * The file must be a regular file of at most 256 MiB (`readTableFile` reads it through `readInputFile`); anything else, like a
 * malformed table, is an InputError naming it.
 */
export function auditTable(file: string, options: AuditReportOptions = {}): AuditReport {
  checkAuditOptions(options);
  const { M, a, b } = readTableFile(file);
  requireSize(`table file ${quote(file)}: M`, M, LIMITS.auditM);
  const coverage = { observed: 2 * M, total: 2 * M, missing: [] };
  return {
    countForm: true,
    violations: [],
    bySize: [sizeAudit({ M, a, b, coverage, countForm: true }, options)],
  };
}
