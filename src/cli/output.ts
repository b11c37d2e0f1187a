import { relative } from 'node:path';
import type { Report } from '../report/model.ts';
import { EXIT } from './exit-codes.ts';

/**
 * Formats rows as an aligned plain-text table for the CLI's human-readable output: numbers with
 * 12 significant digits (the JSON output carries every digit), columns right-aligned.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (number | string)[])[],
): string {
  const cells = [header, ...rows.map((row) => row.map(formatCell))];
  const widths = header.map((_, j) => Math.max(...cells.map((row) => row[j]!.length)));
  return `${cells.map((row) => row.map((cell, j) => cell.padStart(widths[j]!)).join('  ')).join('\n')}\n`;
}

function formatCell(value: number | string): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(12))) : value;
}

/**
 * Writes a battery report into `dir` (`writeReport`: agreement.json, agreement.md, index.html,
 * figures), prints its one-line summary with the path of index.html (or, with `json`, the report)
 * on stdout, and sets the exit status: 1 if some check disagrees, else 3 if some check gave no
 * verdict (`insufficient`, docs/theory.md §6), else 0. Shared by `verify` and
 * `merge`, which publish the same report for the same run. The renderers load on first use.
 */
export async function publishReport(report: Report, dir: string, json: boolean): Promise<void> {
  const [{ writeReport }, { summaryLine }] = await Promise.all([
    import('../report/write-report.ts'),
    import('../report/report-text.ts'),
  ]);
  const paths = await writeReport(report, dir);
  const shown = relative(process.cwd(), paths.html);
  process.stdout.write(
    json
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${summaryLine(report, shown.startsWith('..') ? paths.html : shown)}\n`,
  );
  const { disagree, insufficient = 0 } = report.summary;
  process.exitCode = disagree > 0 ? EXIT.disagree : insufficient > 0 ? EXIT.insufficient : EXIT.ok;
}

/** A progress bar on stderr when it is a terminal (cli-progress), else none. */
export async function progressBar(format: string) {
  if (!process.stderr.isTTY) return null;
  const { SingleBar } = await import('cli-progress');
  return new SingleBar({ stream: process.stderr, format });
}
