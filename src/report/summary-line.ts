import { formatNumber } from './format-number.ts';
import type { Report } from './model.ts';

/**
 * The one-line verdict of a report, first in every rendering and on stdout:
 * `42/42 checks agree (alpha 1e-6)` (or `(deterministic)` without Monte Carlo checks), with `, 1 insufficient (no verdict)` when some checks gave
 * none, followed by ` · report: <path>` when a path is given.
 */
export function summaryLine(
  report: Pick<Report, 'summary' | 'alpha'>,
  reportPath?: string,
): string {
  const { agree, checks, insufficient = 0 } = report.summary;
  const none = insufficient > 0 ? `, ${insufficient} insufficient (no verdict)` : '';
  // A run of deterministic checks only (an audit) has no false-fail rate to state.
  const rate =
    report.summary.monteCarlo === 0 ? 'deterministic' : `alpha ${formatNumber(report.alpha)}`;
  const line = `${agree}/${checks} checks agree${none} (${rate})`;
  return reportPath === undefined ? line : `${line} · report: ${reportPath}`;
}
