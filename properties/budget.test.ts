// The suite's false-fail budget adds up (budget.ts); deterministic, false-fail rate 0.
import { describe, expect, it } from 'vitest';
import { PROPERTY_ALPHA, SUITE_ALPHA, suiteFalseFailBound } from './budget.ts';
import { MC_RUNS } from './laws/monte-carlo-laws.ts';

describe('false-fail budget', () => {
  it('the suite total is at most 5e-7, leaving the rest of 1e-6 to the other tests', () => {
    expect(suiteFalseFailBound()).toBeLessThanOrEqual(SUITE_ALPHA);
    expect(SUITE_ALPHA + 1e-7 + 1e-7).toBeLessThanOrEqual(1e-6);
  });

  it('every Monte Carlo law has a fixed number of runs and a positive budget', () => {
    for (const runs of Object.values(MC_RUNS))
      expect(Number.isInteger(runs) && runs > 0).toBe(true);
    for (const alpha of Object.values(PROPERTY_ALPHA)) expect(alpha).toBeGreaterThan(0);
  });
});
