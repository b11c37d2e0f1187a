// The suite's allotment of false-fail rates adds up (budget.ts), before any law runs; what a run
// spends is added up by the false-fail registry (test/support/budget/total.test.ts).
// Deterministic, false-fail rate 0.
import { describe, expect, it } from 'vitest';
import { SUITE_BUDGET } from '../test/support/budget/registry.ts';
import { PROPERTY_ALPHA, SUITE_ALPHA, suiteFalseFailBound } from './budget.ts';
import { MC_RUNS } from './laws/monte-carlo-laws.ts';

describe('false-fail budget', () => {
  it('the allotted total is at most 5e-7, leaving the rest of 1e-6 to the other tests', () => {
    expect(suiteFalseFailBound()).toBeLessThanOrEqual(SUITE_ALPHA);
    expect(SUITE_ALPHA).toBeLessThan(SUITE_BUDGET);
  });

  it('every Monte Carlo law has a fixed number of runs and a positive budget', () => {
    for (const runs of Object.values(MC_RUNS))
      expect(Number.isInteger(runs) && runs > 0).toBe(true);
    for (const alpha of Object.values(PROPERTY_ALPHA)) expect(alpha).toBeGreaterThan(0);
  });
});
