import { describe, expect, it } from 'vitest';
import { firstStepThreshold } from '../../stats/z-tests.ts';
import { budget } from '../budget.ts';
import { gradedMonteCarloChecks, gradedMonteCarloCount } from './graded-monte-carlo-checks.ts';

// Deterministic: the checks are planned, not run (the quick battery runs them).

describe('the graded Monte Carlo checks (docs/theory.md §10)', () => {
  const checks = gradedMonteCarloChecks(budget('quick'), 1e-6);

  it('four schemes on each of two class sets, d = 2 included, and two two-path tests', () => {
    expect(checks).toHaveLength(gradedMonteCarloCount());
    expect(
      checks.filter((c) => c.id.includes('/field/') && c.id.endsWith('levels=0,0.5,1')),
    ).toHaveLength(4);
    expect(checks.filter((c) => c.id.endsWith('reward-functions=2'))).toHaveLength(4);
    expect(checks.filter((c) => c.id.startsWith('graded/two-path/'))).toHaveLength(2);
    expect(checks.every((c) => c.theorem === 'graded')).toBe(true);
  });

  it('every simulation has its own substream, and every check meets its precondition', () => {
    const streams = checks.flatMap((c) => c.simulations.map((s) => s.input.stream));
    expect(new Set(streams).size).toBe(streams.length);
    for (const check of checks) {
      // Sized at Holm's first step for this family: the precondition holds at its groups.
      const threshold = firstStepThreshold(1e-6, checks.length, check.components);
      expect(check.precondition(threshold).groupsNeeded, check.id).toBeLessThanOrEqual(
        check.groups,
      );
    }
    // The check can fail: at a far stricter threshold GRPO's two-path test needs more groups.
    const two = checks.find((c) => c.id.startsWith('graded/two-path/grpo'))!;
    expect(two.precondition(8).groupsNeeded).toBeGreaterThan(two.groups);
  });
});
