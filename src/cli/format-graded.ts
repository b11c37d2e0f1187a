import type { GradedObjective } from '../graded/index.ts';
import { formatBetaFit } from '../objective/index.ts';
import { formatTable } from './output.ts';

/** Up to this many classes the text output has one `W_j` column per class. */
const W_COLUMNS_MAX = 8;

/**
 * A graded objective as `rl-objective objective --levels/--reward-functions` prints it
 * (docs/theory.md §10): the scheme and classes, the verdict in one line, the loop, the separable
 * parts where there are any, and one row per point: `q`, `W_j`, the curl, `kappa` for three
 * classes and `J` where closed.
 */
export function gradedText(report: GradedObjective): string {
  const C = report.labels.length;
  const lines = [
    `scheme ${report.scheme}, M = ${report.M}, ${report.classes} (classes ${report.labels.join(', ')})`,
    report.verdict,
  ];
  if (report.loop.length > 0) {
    lines.push(
      `loop: ${report.loop.map((v) => `(${v.map((x) => Number(x.toPrecision(4))).join(', ')})`).join(' -> ')} -> back`,
    );
  }
  for (const part of report.objective?.functions ?? []) {
    const nearest =
      part.nearest === null
        ? 'none (not increasing)'
        : `${part.nearest.name} (${Number(part.nearest.distance.toPrecision(3))})`;
    lines.push(
      `f_${part.k}: binary h of c = [${part.c.map((c) => Number(c.toPrecision(6))).join(', ')}]; nearest ${nearest}; beta fit ${formatBetaFit(part.fit, part.fitReason)}`,
    );
  }
  const columns = C <= W_COLUMNS_MAX;
  const header = [
    'q',
    ...(columns ? report.labels.map((label) => `W[${label}]`) : []),
    'curl',
    ...(C === 3 ? ['kappa'] : []),
    ...(report.closed ? ['J'] : []),
  ];
  const rows = report.points.map((p) => [
    p.q.map((x) => Number(x.toPrecision(6))).join(','),
    ...(columns ? p.W : []),
    p.curl,
    ...(C === 3 ? [p.kappa!] : []),
    ...(report.closed ? [p.J!] : []),
  ]);
  const table = rows.length === 0 ? '' : `\n${formatTable(header, rows)}`;
  return `${lines.join('\n')}\n${table}${columns ? '' : `(W has ${C} entries per point: use --json to see them)\n`}`;
}
