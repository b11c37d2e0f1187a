import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { requireNonNegative, requirePositiveInteger } from '../errors/require.ts';
import { grid } from '../math/grid.ts';
import { objectiveBetaFit } from '../objective/beta-fit.ts';
import { hAtOne } from '../objective/h.ts';
import { type LargeMLimit, largeMLimit } from '../objective/large-m-limit.ts';
import { objectivePoints } from '../objective/objective-points.ts';
import { targetDistances as distancesTo } from '../objective/target-distance.ts';
import type { StatedLimit } from '../schemes/resolve-scheme.ts';
import { readTableFile } from '../schemes/table.ts';
import { betaSpec } from '../targets/beta-family.ts';
import { target } from '../targets/targets.ts';
import type { CountFormCollector, RecoveredTables } from './count-form-collector.ts';
import type { AuditReport, AuditReportOptions, Nearest, SizeAudit } from './types.ts';

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
 * (docs/theory.md §9), and its distance to each named target and to the fitted member.
 *
 * A size that is not count form gets no tables and no `h` (reporting one would be wrong, docs/theory.md
 * §2 "When it does not apply"); an incomplete one keeps its tables with `null` cells and no `h`.
 */
export function sizeAudit(tables: RecoveredTables, options: AuditReportOptions): SizeAudit {
  const { M, coverage } = tables;
  const none = (fitReason: string) => ({
    nearest: null,
    distances: null,
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
  const ts = grid(0, 1, requirePositiveInteger('grid', options.grid ?? AUDIT_DEFAULTS.grid));
  const end = hAtOne(c);
  const points = objectivePoints(c, ts).map(({ t, h, dh }) => ({
    t,
    h,
    dh,
    hNormalized: end === 0 ? null : h / end,
  }));
  const { fit, reason } = objectiveBetaFit(c, ts);
  const fitted = fit === null ? [] : [betaSpec(round(fit.a), round(fit.b))];
  const { nearest, distances } = targetDistances(c, fitted);
  return { M, a, b, coverage, nearest, distances, fit, fitReason: reason ?? null, points };
}

/** A fitted shape parameter to 4 significant digits, as its `distances` key shows it. */
function round(x: number): number {
  return Number(x.toPrecision(4));
}

/**
 * The distance of the objective induced by `c` (docs/theory.md §2) to each named target an audit
 * compares with (docs/theory.md §3): identity, log, logit, arcsin and pass@k for `k = 1..M`, each after
 * the best affine fit (`targetDistance`), keyed by canonical target spec (`passk:k=4`), and the
 * nearest of them (the first listed on a tie, so identity before `passk:k=1`). The `extra`
 * target specs (e.g. a fitted `beta:a=A,b=B`, docs/theory.md §9) get a distance too, but never count
 * as nearest: `nearest` is a named target.
 */
export function targetDistances(
  c: readonly number[],
  extra: readonly string[] = [],
): {
  distances: Record<string, number>;
  nearest: Nearest;
} {
  const specs = ['identity', 'log', 'logit', 'arcsin'];
  for (let k = 1; k <= c.length; k++) specs.push(`passk:k=${k}`);
  const named = specs.map((spec) => target(spec));
  const members = extra.map((spec) => target(spec));
  const all = distancesTo(c, [...named, ...members]);
  const distances: Record<string, number> = {};
  let nearest: Nearest | undefined;
  named.forEach(({ spec }, i) => {
    const distance = all[i]!.distance;
    distances[spec] = distance;
    if (nearest === undefined || distance < nearest.distance) nearest = { name: spec, distance };
  });
  members.forEach(({ spec }, i) => {
    distances[spec] = all[named.length + i]!.distance;
  });
  return { distances, nearest: nearest! };
}

/**
 * The large-M study of docs/theory.md §9 over the sizes of an audit (`audit --limit`), in increasing
 * `M`: at each size the best fit in the incomplete-beta family and the sup distance between
 * successive normalized objectives, on the audit's grid of `points` evenly spaced `t` in [0, 1]; with `limit` (e.g. an
 * `--expect` target in the family) also the sup distance to it. A size without a complete
 * count-form table has no objective, and says why.
 */
export function auditLimit(report: AuditReport, points: number, limit?: StatedLimit): LargeMLimit {
  const ts = grid(0, 1, points);
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

/**
 * Audits count-form tables given directly, from a JSON file `{"M": n, "a": [...], "b": [...]}`
 * (docs/theory.md §2; read and validated by `readTableFile`): count form by construction, so the report
 * is the objective `h_M` induced by `c = b - a` and its distance to each named target.
 *
 * The file must be a regular file of at most 256 MiB (`readTableFile` reads it through `readInputFile`); anything else, like a
 * malformed table, is an InputError naming it.
 */
export function auditTable(file: string, options: AuditReportOptions = {}): AuditReport {
  const { M, a, b } = readTableFile(file);
  const coverage = { observed: 2 * M, total: 2 * M, missing: [] };
  return {
    countForm: true,
    violations: [],
    bySize: [sizeAudit({ M, a, b, coverage, countForm: true }, options)],
  };
}
