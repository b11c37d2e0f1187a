import type { Report } from './model.ts';

/**
 * Formats a number for a report table: up to four significant digits, exponent notation outside
 * [1e-3, 1e5), `—` for null, and `∞` for infinities, so that tables stay narrow and readable.
 */
export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return String(Number(value.toPrecision(4)));
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

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

/**
 * How a report's verdicts may err, in words: the family-wise false-fail rate α and its Holm split
 * (docs/theory.md §6) when the run has Monte Carlo comparisons, or that every check is deterministic
 * (an a-priori tolerance, no false-fail rate to state), as in an audit.
 */
export function errorRateText(report: Pick<Report, 'summary' | 'alpha'>): string {
  const { monteCarlo, deterministic } = report.summary;
  return monteCarlo === 0
    ? `no Monte Carlo comparison (no false-fail rate) · ${deterministic} deterministic checks`
    : `family-wise α: ${formatNumber(report.alpha)} (Holm over ${monteCarlo} Monte Carlo comparisons) · ${deterministic} deterministic checks`;
}
