import { formatNumber } from './format-number.ts';
import type { Report } from './model.ts';

/**
 * The one-line verdict of a report, first in every rendering and on stdout:
 * `42/42 checks agree (alpha 1e-6)`, followed by ` · report: <path>` when a path is given.
 */
export function summaryLine(
  report: Pick<Report, 'summary' | 'alpha'>,
  reportPath?: string,
): string {
  const { agree, checks } = report.summary;
  const line = `${agree}/${checks} checks agree (alpha ${formatNumber(report.alpha)})`;
  return reportPath === undefined ? line : `${line} · report: ${reportPath}`;
}
