import { describe, expect, it } from 'vitest';
import type { Check, MonteCarloCheck } from './check.ts';
import { simulationCheck } from './checks/simulation-check.ts';
import { monteCarloPreconditions } from './monte-carlo-preconditions.ts';
import { planBattery } from './plan-battery.ts';
import { verifyBattery } from './verify-battery.ts';

/** The ids of the Monte Carlo checks whose precondition fails, with the groups they need. */
function insufficient(checks: readonly Check[]) {
  return [...monteCarloPreconditions(checks, 1e-6).entries()]
    .filter(([, p]) => !p.ok)
    .map(([index, p]) => [checks[index]!.id, p.groupsNeeded]);
}

describe('monteCarloPreconditions', () => {
  // Planning only: nothing is simulated, so the full budget costs what the quick one does.
  it.each(['quick', 'default', 'full'] as const)(
    '%s: every Monte Carlo check of the planned battery meets its precondition at Holm’s first step',
    (budget) => {
      const { checks, seed } = verifyBattery({ budget });
      const plan = planBattery(checks, seed);
      expect(plan.simulations.length).toBeGreaterThan(0);
      expect(insufficient(plan.checks)).toEqual([]);
    },
  );

  it('flags a mutant plan: the quick battery with one check at its unsized budget groups', () => {
    const { checks } = verifyBattery({ budget: 'quick' });
    const id = 'weighted-gradient/passk:k=4/M=8/sequence';
    const index = checks.findIndex((c) => c.id === id);
    const sized = checks[index] as MonteCarloCheck;
    // 1e7 work units over M + dim = 8 + 36: the groups the budget gave it before sizing.
    const mutant = simulationCheck({
      id,
      theorem: 'weighted-gradient',
      detail: '',
      input: { scheme: sized.scheme, M: 8, policy: sized.policy, groups: 227_273 },
    });
    expect(sized.groups).toBeGreaterThan(mutant.groups);
    const mutated = checks.map((c, i) => (i === index ? mutant : c));
    expect(insufficient(mutated)).toEqual([[id, sized.groups]]);
  });
});
