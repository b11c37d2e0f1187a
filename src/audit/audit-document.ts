import { grid } from '../math/grid.ts';
import { hAtOne } from '../objective/h.ts';
import { objectivePoints } from '../objective/objective-points.ts';
import { targetDistance } from '../objective/target-distance.ts';
import type { CheckRow, Figure, Report, Series } from '../report/model.ts';
import { incompleteBeta } from '../targets/beta-family.ts';
import { target } from '../targets/targets.ts';
import { versions } from '../verify/battery-report.ts';
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
 * expectation as a check per size (distance after the best affine fit against its tolerance),
 * and per complete count-form size a figure of the induced `h_M/h_M(1)` with the named targets
 * drawn through the same best affine fit that `targetDistance` measures.
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
 * `h_M/h_M(1)`, each named target mapped onto it by the inverse of its best affine fit, and the
 * best beta fit `I_t(a, b)` (docs/theory.md §9) as it is.
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
  const names = [
    ...new Set(['identity', 'arcsin', size.nearest.name, ...(expected ? [expected] : [])]),
  ];
  const targets = names.flatMap((spec): Series[] => {
    const named = target(spec);
    const fit = targetDistance(c, named);
    // A zero slope (h_M flat on the grid) has no inverse to draw the target through.
    if (fit.slope === 0) return [];
    const lo = named.h(fit.delta);
    const span = named.h(1 - fit.delta) - lo;
    const inner = ts.map((t) => Math.min(Math.max(t, fit.delta), 1 - fit.delta));
    const series: Series = {
      label: `${named.spec} (affine fit, distance ${fit.distance.toPrecision(3)})`,
      params: { target: named.spec, distance: fit.distance },
      points: [...new Set(inner)].map((t) => ({
        x: t,
        y: ((named.h(t) - lo) / span - fit.intercept) / fit.slope / end,
      })),
    };
    return [series];
  });
  const fitted: Series[] =
    size.fit === null
      ? []
      : [
          {
            label: `beta fit I_t(${size.fit.a.toPrecision(3)}, ${size.fit.b.toPrecision(3)}), sup ${size.fit.distance.toPrecision(2)}`,
            params: { a: size.fit.a, b: size.fit.b, distance: size.fit.distance },
            points: ts.map((t) => ({ x: t, y: incompleteBeta(t, size.fit!.a, size.fit!.b) })),
          },
        ];
  return {
    id: `induced-objective-M${size.M}`,
    title: `Induced objective at M = ${size.M} against named targets (nearest: ${size.nearest.name})`,
    x: { title: 't = p_theta(x)' },
    y: { title: 'h_M(t)/h_M(1)' },
    note: 'Each named target is drawn through the best affine fit that defines its distance (grid on [1e-3, 1-1e-3]); the best beta fit is drawn as it is.',
    series: [induced, ...targets, ...fitted],
  };
}
