import { relative } from 'node:path';
import { largest } from '../math/index.ts';
import type { Report } from '../report/index.ts';
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
  const widths = header.map((_, j) => largest(cells, (row) => row[j]!.length));
  return `${cells.map((row) => row.map((cell, j) => cell.padStart(widths[j]!)).join('  ')).join('\n')}\n`;
}

function formatCell(value: number | string): string {
  return typeof value === 'number' ? significant(value, 12) : value;
}

/** The smallest normal double, 2^-1022. */
const MIN_NORMAL = 2 ** -1022;

/**
 * `x` to `digits` significant digits, as the text output prints a number (`0.5`, `1.25e-7`),
 * with a subnormal value printed as 0: below 2^-1022 a double has lost precision to underflow,
 * and what a computation leaves there (a stderr of 4.94e-321 where the spread is exactly 0) is
 * rounding noise, not a value. The JSON output keeps every bit.
 */
export function significant(x: number, digits: number): string {
  return String(Number((Math.abs(x) < MIN_NORMAL ? 0 : x).toPrecision(digits)));
}

/** A path as the CLI shows it: relative to the working directory, unless that climbs out of it. */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') ? path : shown;
}

/** Prints a one-line warning of a run (a chunk run again, a stale lock taken over) on stderr. */
export function warn(message: string): void {
  process.stderr.write(`rl-objective: warning: ${message}\n`);
}

/**
 * Prints the battery report that `verify` or `merge` wrote into `dir`: its one-line summary with
 * the path of index.html (or, with `json`, the report) on stdout, and sets the exit status: 1 if
 * some check disagrees, else 3 if some check gave no verdict (`insufficient`, docs/theory.md §6),
 * else 0. The report's text helpers load on first use.
 */
export async function printReport(report: Report, dir: string, json: boolean): Promise<void> {
  const [{ reportFiles }, { summaryLine }] = await Promise.all([
    import('../report/write-report.ts'),
    import('../report/report-text.ts'),
  ]);
  process.stdout.write(
    json
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${summaryLine(report, shownPath(reportFiles(dir).html))}\n`,
  );
  const { disagree, insufficient = 0 } = report.summary;
  process.exitCode = disagree > 0 ? EXIT.disagree : insufficient > 0 ? EXIT.insufficient : EXIT.ok;
}

/** A progress display: moves to `done` of `total`, and goes away. */
export interface ProgressBar {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal (cli-progress), else one that shows nothing. */
export async function progressBar(format: string): Promise<ProgressBar> {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format });
  // A bar's total is 100 before it starts, so whether it started is kept here.
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
