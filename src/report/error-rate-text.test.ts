import { describe, expect, it } from 'vitest';
import { errorRateText } from './error-rate-text.ts';
import type { Summary } from './model.ts';
import { summaryLine } from './summary-line.ts';

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
