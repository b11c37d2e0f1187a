import { formatBetaFit } from '../objective/index.ts';
import type { ExpectationVerdict } from './expect-objective.ts';
import type { AuditReport, SizeAudit } from './types.ts';

const SHOWN_VIOLATIONS = 10;
const SHOWN_POINTS = 11;
/** Up to this group size every pass@k distance is printed; above, the nearest of them. */
const SHOWN_PASSK_MAX_M = 8;
/** What every distance of an audit is (`supDistance`, docs/objective.md). */
const DISTANCE_NOTE =
  'distance: the largest gap between h_M and the target, both rescaled to 0 at t = 0 and 1 at t = 1 (log, logit: at the first and last grid point inside (0, 1)),';

/**
 * The human-readable audit (docs/theory.md §2, §7) that `rl-objective audit` prints without `--json`:
 * the count-form verdict and its violations, then per group size the tables, the cells never
 * observed, the nearest named objective and a few points of `h_M`, then the expectation.
 */
export function formatAudit(report: AuditReport, verdict?: ExpectationVerdict): string {
  const lines: string[] = [];
  const sizes = report.bySize.map((s) => s.M).join(', ');
  if (report.countForm) {
    lines.push(`count form: yes — every cell (R, S) got a single weight (group size ${sizes})`);
  } else {
    lines.push(
      `count form: NO — ${report.violations.length} violation(s); no objective h is reported for a size that is not count form`,
    );
    for (const v of report.violations.slice(0, SHOWN_VIOLATIONS)) {
      const where = 'line' in v ? `line ${v.line}` : `pattern ${v.pattern}`;
      lines.push(`  M=${v.M} K=${v.K} R=${v.R} (${where}): ${v.reason}`);
    }
    const more = report.violations.length - SHOWN_VIOLATIONS;
    if (more > 0) lines.push(`  ... and ${more} more (see --json)`);
  }
  for (const size of report.bySize) lines.push('', ...formatSize(size));
  if (verdict !== undefined) {
    lines.push(
      '',
      `expect ${verdict.target} within ${verdict.tol}: ${verdict.met ? 'met' : 'NOT MET'}`,
      ...verdict.bySize.map((v) => `  ${v.reason}`),
    );
  }
  lines.push(
    '',
    'note: this audits per-response weights; token-level loss aggregation (token-mean) also weights a response by its length, which is outside the theorem (docs/theory.md §7).',
  );
  return `${lines.join('\n')}\n`;
}

function formatSize(size: SizeAudit): string[] {
  const { M, coverage } = size;
  const lines = [`M = ${M}: ${coverage.observed}/${coverage.total} cells observed`];
  if (size.a === null || size.b === null) {
    lines.push('  not count form at this size: no tables, no h');
    return lines;
  }
  lines.push(`  ${pad('s', 5)}${pad('a[s]', 16)}${pad('b[s]', 16)}c[s]`);
  for (let s = 0; s < M; s++) {
    const a = size.a[s] ?? null;
    const b = size.b[s] ?? null;
    const c = a === null || b === null ? null : b - a;
    lines.push(`  ${pad(String(s), 5)}${pad(num(a), 16)}${pad(num(b), 16)}${num(c)}`);
  }
  if (coverage.missing.length > 0) {
    lines.push(
      `  never observed: ${coverage.missing.join(', ')} (null in --json); h needs every cell, so none is reported`,
    );
    return lines;
  }
  if (size.nearest !== null && size.distances !== null) {
    lines.push(
      `  nearest named: ${named(size.nearest.name, size.aliases)} (${num(size.nearest.distance)}); best beta fit: ${formatBetaFit(size.fit, size.fitReason)}`,
      `  distances: ${distanceList(size.distances, size.aliases ?? {}, M)}`,
      `  (${DISTANCE_NOTE} over the ${size.points.length} grid points)`,
    );
  }
  const step = Math.max(1, Math.round((size.points.length - 1) / (SHOWN_POINTS - 1)));
  const shown = size.points.filter((_, j) => j % step === 0 || j === size.points.length - 1).length;
  lines.push(
    `  ${pad('t', 8)}${pad('h', 16)}${pad("h'", 16)}h/h(1)    (${shown} of the ${size.points.length} grid points)`,
  );
  size.points.forEach((p, j) => {
    if (j % step !== 0 && j !== size.points.length - 1) return;
    lines.push(
      `  ${pad(p.t.toFixed(3), 8)}${pad(num(p.h), 16)}${pad(num(p.dh), 16)}${num(p.hNormalized)}`,
    );
  });
  return lines;
}

/** A target and its other names: `identity (= passk:k=1)`. */
function named(spec: string, aliases: Readonly<Record<string, readonly string[]>> | null): string {
  const others = aliases?.[spec];
  return others === undefined ? spec : `${spec} (= ${others.join(' = ')})`;
}

/**
 * Every target compared, with its distance: the named ones, then pass@k, each `k` up to
 * M = 8, and above that the range of `k` with the nearest of them (all are in --json).
 */
function distanceList(
  distances: Readonly<Record<string, number>>,
  aliases: Readonly<Record<string, readonly string[]>>,
  M: number,
): string {
  const entries = Object.entries(distances);
  const passk = entries.filter(([spec]) => spec.startsWith('passk:'));
  const rest = entries
    .filter(([spec]) => !spec.startsWith('passk:'))
    .map(([spec, d]) => `${named(spec, aliases)} ${num(d)}`);
  if (passk.length === 0) return rest.join(', ');
  if (M <= SHOWN_PASSK_MAX_M) {
    return [...rest, ...passk.map(([spec, d]) => `${named(spec, aliases)} ${num(d)}`)].join(', ');
  }
  const [bestSpec, bestDistance] = passk.reduce((best, entry) =>
    entry[1] < best[1] ? entry : best,
  );
  const first = passk[0]![0].slice('passk:k='.length);
  return `${rest.join(', ')}; passk:k=${first}..${M}: nearest ${bestSpec} ${num(bestDistance)}`;
}

function num(x: number | null): string {
  return x === null ? 'null' : x.toPrecision(6);
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}
