import { grid } from '../math/index.ts';
import { hAtOne, objectivePoints, sampled, supDistance } from '../objective/index.ts';
import { type CheckRow, type Figure, type Report, type Series, versions } from '../report/index.ts';
import { incompleteBeta, target } from '../targets/index.ts';
import type { ExpectationVerdict } from './expect-objective.ts';
import type { AuditReport, SizeAudit } from './types.ts';

/** What the audited input was, for the report's provenance. */
export interface AuditProvenance {
  /** E.g. `module src/my-advantages.ts`, `traces dump.jsonl`. */
  readonly source: string;
  readonly command: string;
  readonly seed: string | number;
  readonly relTol: number;
}

const FIGURE_POINTS = 201;

/**
 * An audit as a publishable {@link Report} (rendered to `agreement.json`, `agreement.md`,
 * `index.html` and SVG by `writeReport`, like `verify`): docs/theory.md §2's count-form condition as
 * checks (one passing row per count-form size, one failing row per violating cell), the
 * expectation as a check per size (its distance against its tolerance),
 * and per complete count-form size a figure of the induced `h_M/h_M(1)` with the named targets
 * drawn through the same affine map that their distance (`supDistance`) uses.
 */
export function auditDocument(
  report: AuditReport,
  provenance: AuditProvenance,
  verdict?: ExpectationVerdict,
): Report {
  const checks: CheckRow[] = [];
  const row = (fields: Partial<CheckRow> & Pick<CheckRow, 'id' | 'theorem' | 'M' | 'agree'>) =>
    checks.push({
      scheme: provenance.source,
      policy: 'count form',
      closedForm: 0,
      estimate: 0,
      stderr: 0,
      z: null,
      threshold: provenance.relTol,
      resolution: provenance.relTol,
      groups: 0,
      seconds: 0,
      ...fields,
    });
  for (const size of report.bySize) {
    const violations = report.violations.filter((v) => v.M === size.M);
    const cells = `${size.coverage.observed}/${size.coverage.total} cells observed`;
    if (violations.length === 0) {
      const missing =
        size.coverage.missing.length > 0
          ? `; never observed: ${size.coverage.missing.join(', ')}`
          : '';
      row({
        id: `count-form-M${size.M}`,
        theorem: 'count-form',
        M: size.M,
        agree: true,
        detail: `${cells}${missing}`,
      });
    }
    for (const v of violations) {
      row({
        id: `count-form-M${v.M}-K${v.K}-R${v.R}`,
        theorem: 'count-form',
        M: v.M,
        agree: false,
        estimate: Math.abs(v.values[0]! - (v.values[1] ?? Number.NaN)),
        detail: v.reason,
      });
    }
  }
  for (const v of verdict?.bySize ?? []) {
    row({
      id: `expect-${verdict!.target}-M${v.M}`,
      theorem: 'expected-objective',
      policy: verdict!.target,
      M: v.M,
      agree: v.met,
      estimate: v.distance ?? Number.NaN,
      threshold: verdict!.tol,
      resolution: verdict!.tol,
      detail: v.reason,
    });
  }
  const agree = checks.filter((c) => c.agree).length;
  const byTheorem: Record<string, { checks: number; agree: number }> = {};
  for (const c of checks) {
    const entry = byTheorem[c.theorem] ?? { checks: 0, agree: 0 };
    byTheorem[c.theorem] = entry;
    entry.checks++;
    if (c.agree) entry.agree++;
  }
  return {
    title: `rl-objective audit: ${provenance.source}`,
    seed: provenance.seed,
    alpha: 0,
    versions: versions(),
    command: provenance.command,
    checks,
    figures: report.bySize.flatMap((size) => {
      const figure = inducedFigure(size, verdict?.target);
      return figure === undefined ? [] : [figure];
    }),
    summary: {
      checks: checks.length,
      agree,
      disagree: checks.length - agree,
      monteCarlo: 0,
      deterministic: checks.length,
      byTheorem,
      ksDistance: null,
      seconds: 0,
    },
  };
}

/**
 * `h_M/h_M(1)`, each named target mapped onto it as its distance (`supDistance` on the audit's
 * grid) compares them: both rescaled to 0 and 1 at the ends of the window, so the gap drawn is the
 * gap measured; and the best beta fit `I_t(a, b)` (docs/theory.md §9), already on that scale.
 */
function inducedFigure(size: SizeAudit, expected: string | undefined): Figure | undefined {
  if (size.a === null || size.b === null || size.nearest === null) return undefined;
  const c = size.b.map((bs, s) => bs! - size.a![s]!);
  const end = hAtOne(c);
  if (end === 0) return undefined;
  const ts = grid(0, 1, FIGURE_POINTS);
  const induced: Series = {
    label: `induced h_M/h_M(1), M = ${size.M}`,
    params: { M: size.M },
    points: objectivePoints(c, ts).map((p) => ({ x: p.t, y: p.h / end })),
  };
  const auditGrid = size.points.map((p) => p.t);
  const hM = { ts: auditGrid, values: size.points.map((p) => p.h), at0: 0, at1: end };
  const names = [
    ...new Set(['identity', 'arcsin', size.nearest.name, ...(expected ? [expected] : [])]),
  ];
  const targets = names.flatMap((spec): Series[] => {
    const named = target(spec);
    const measured = supDistance(
      hM,
      sampled(auditGrid, (t) => named.h(t)),
    );
    if (Number.isNaN(measured.distance)) return [];
    const { lo, hi } = measured;
    const g0 = named.h(lo);
    const gSpan = named.h(hi) - g0;
    const h0 = lo === 0 ? 0 : objectivePoints(c, [lo])[0]!.h;
    const hSpan = (hi === 1 ? end : objectivePoints(c, [hi])[0]!.h) - h0;
    const inside = ts.filter((t) => t >= lo && t <= hi);
    const series: Series = {
      label: `${named.spec} (distance ${measured.distance.toPrecision(3)})`,
      params: { target: named.spec, distance: measured.distance },
      points: inside.map((t) => ({
        x: t,
        y: (h0 + ((named.h(t) - g0) / gSpan) * hSpan) / end,
      })),
    };
    return [series];
  });
  const fitted: Series[] =
    size.fit === null
      ? []
      : [
          {
            label: `beta fit I_t(${size.fit.a.toPrecision(3)}, ${size.fit.b.toPrecision(3)}), distance ${size.fit.distance.toPrecision(2)}`,
            params: { a: size.fit.a, b: size.fit.b, distance: size.fit.distance },
            points: ts.map((t) => ({ x: t, y: incompleteBeta(t, size.fit!.a, size.fit!.b) })),
          },
        ];
  return {
    id: `induced-objective-M${size.M}`,
    title: `Induced objective at M = ${size.M} against named targets (nearest: ${size.nearest.name})`,
    x: { title: 't = p_theta(x)' },
    y: { title: 'h_M(t)/h_M(1)' },
    note: 'Each target is rescaled to meet h_M at the ends of the window its distance is taken on (t = 0 and 1; for log and logit the first and last grid point inside (0, 1)), so the gap drawn is the distance reported.',
    series: [induced, ...targets, ...fitted],
  };
}
