import type { CheckRow, Report } from './model.ts';
import { errorRateText, formatNumber, summaryLine } from './report-text.ts';

const COLUMNS: readonly [string, (row: CheckRow) => string][] = [
  ['id', (r) => `\`${r.id}\``],
  ['theorem', (r) => r.theorem],
  ['scheme', (r) => `\`${r.scheme}\``],
  ['M', (r) => (r.M === null ? '—' : String(r.M))],
  ['policy', (r) => `\`${r.policy}\``],
  ['closed form', (r) => formatNumber(r.closedForm)],
  ['estimate', (r) => formatNumber(r.estimate)],
  ['stderr', (r) => formatNumber(r.stderr)],
  ['z', (r) => formatNumber(r.z)],
  ['threshold', (r) => formatNumber(r.threshold)],
  ['± resolution', (r) => formatNumber(r.resolution)],
  [
    'agree',
    (r) =>
      r.groupsNeeded !== undefined
        ? `insufficient (${r.groupsNeeded} groups needed)`
        : r.agree
          ? 'yes'
          : '**NO**',
  ],
  ['groups', (r) => (r.groups === 0 ? '—' : String(r.groups))],
  ['seconds', (r) => r.seconds.toFixed(2)],
];

/** A GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Renders a {@link Report} as GitHub-flavoured Markdown (`agreement.md`): the summary line first,
 * then the run's provenance, a table per theorem id, every check, and links to the figures.
 */
export function renderMarkdown(report: Report): string {
  const { summary } = report;
  const byTheorem = Object.entries(summary.byTheorem).map(([theorem, t]) => [
    theorem,
    String(t.checks),
    String(t.agree),
    t.agree === t.checks ? 'yes' : '**NO**',
  ]);
  const versions = Object.entries(report.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const failing = report.checks.filter((r) => !r.agree && r.groupsNeeded === undefined);
  return [
    `**${summaryLine(report)}**`,
    '',
    `# ${report.title}`,
    '',
    `- command: \`${report.command}\``,
    `- seed: \`${report.seed}\` · ${errorRateText(report)}`,
    `- z-scores vs N(0,1): Kolmogorov–Smirnov distance ${formatNumber(summary.ksDistance)}`,
    `- versions: ${versions}`,
    `- wall time: ${summary.seconds.toFixed(1)} s`,
    '',
    '## By theorem',
    '',
    markdownTable(['theorem', 'checks', 'agree', 'all agree'], byTheorem),
    '',
    ...(failing.length > 0
      ? [
          '## Disagreements',
          '',
          markdownTable(
            COLUMNS.map(([h]) => h),
            failing.map((r) => COLUMNS.map(([, f]) => f(r))),
          ),
          '',
        ]
      : []),
    '## Checks',
    '',
    markdownTable(
      COLUMNS.map(([h]) => h),
      report.checks.map((r) => COLUMNS.map(([, f]) => f(r))),
    ),
    '',
    '## Figures',
    '',
    ...report.figures.map(
      (f) => `- [${f.title}](figures/${f.id}.svg)${f.note ? ` — ${f.note}` : ''}`,
    ),
    '',
  ].join('\n');
}
