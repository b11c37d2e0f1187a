import { describe, expect, it } from 'vitest';
import type { Summary } from './model.ts';
import { errorRateText, formatNumber, summaryLine } from './report-text.ts';

describe('formatNumber', () => {
  it('keeps four significant digits in the plain range and uses exponents outside it', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1e-6)).toBe('1e-6');
    expect(formatNumber(-2.5e-7)).toBe('-2.5e-7');
    expect(formatNumber(123456)).toBe('1.23e5');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows null, NaN and infinities as symbols', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

const summary = (monteCarlo: number, deterministic: number): Summary => ({
  checks: monteCarlo + deterministic,
  agree: monteCarlo + deterministic,
  disagree: 0,
  monteCarlo,
  deterministic,
  byTheorem: {},
  ksDistance: null,
  seconds: 0,
});

describe('errorRateText and summaryLine', () => {
  it('state alpha and the Holm split when there are Monte Carlo comparisons', () => {
    const report = { alpha: 1e-6, summary: summary(26, 63) };
    expect(errorRateText(report)).toBe(
      'family-wise α: 1e-6 (Holm over 26 Monte Carlo comparisons) · 63 deterministic checks',
    );
    expect(summaryLine(report)).toBe('89/89 checks agree (alpha 1e-6)');
  });

  it('say deterministic, not "alpha 0", for a run without any (an audit)', () => {
    const report = { alpha: 0, summary: summary(0, 1) };
    expect(errorRateText(report)).toBe(
      'no Monte Carlo comparison (no false-fail rate) · 1 deterministic checks',
    );
    expect(summaryLine(report)).toBe('1/1 checks agree (deterministic)');
  });
});
