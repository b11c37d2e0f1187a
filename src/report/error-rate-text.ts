import { formatNumber } from './format-number.ts';
import type { Report } from './model.ts';

/**
 * How a report's verdicts may err, in words: the family-wise false-fail rate α and its Holm split
 * (MATH.md §6) when the run has Monte Carlo comparisons, or that every check is deterministic
 * (an a-priori tolerance, no false-fail rate to state), as in an audit.
 */
export function errorRateText(report: Pick<Report, 'summary' | 'alpha'>): string {
  const { monteCarlo, deterministic } = report.summary;
  return monteCarlo === 0
    ? `no Monte Carlo comparison (no false-fail rate) · ${deterministic} deterministic checks`
    : `family-wise α: ${formatNumber(report.alpha)} (Holm over ${monteCarlo} Monte Carlo comparisons) · ${deterministic} deterministic checks`;
}
