import { formatNumber } from './format-number.ts';
import type { Report } from './model.ts';

/**
 * The one-line verdict of a report, first in every rendering and on stdout:
 * `42/42 checks agree (alpha 1e-6)`, with `, 1 insufficient (no verdict)` when some checks gave
 * none, followed by ` · report: <path>` when a path is given.
 */
export function summaryLine(
  report: Pick<Report, 'summary' | 'alpha'>,
  reportPath?: string,
): string {
  const { agree, checks, insufficient = 0 } = report.summary;
  const none = insufficient > 0 ? `, ${insufficient} insufficient (no verdict)` : '';
  const line = `${agree}/${checks} checks agree${none} (alpha ${formatNumber(report.alpha)})`;
  return reportPath === undefined ? line : `${line} · report: ${reportPath}`;
}
