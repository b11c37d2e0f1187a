import { describe, expect, it } from 'vitest';
import { firstStepThreshold } from '../../stats/z-tests.ts';
import { GROWTH_CAP, simulationCheck, sizedCheck } from './simulation-check.ts';

const draftOf = (scheme: string, M: number, policy: string, groups: number) => ({
  groups,
  build: (n: number) =>
    simulationCheck({
      id: 'x',
      theorem: 'weighted-gradient',
      detail: '',
      input: { scheme, M, policy, groups: n },
    }),
});

describe('sizedCheck', () => {
  const alpha = 1e-6;
  const m = 100;

  it('keeps a check that already qualifies at Holm’s first step', () => {
    const check = sizedCheck(draftOf('grpo', 8, 'bernoulli:p=0.3', 1_000_000), alpha, m);
    expect(check.groups).toBe(1_000_000);
    expect(check.precondition(firstStepThreshold(alpha, m, 1)).ok).toBe(true);
  });

  it('raises the groups to exactly what the precondition needs, within the cap', () => {
    const check = sizedCheck(draftOf('grpo', 8, 'bernoulli:p=0.3', 20_000), alpha, m);
    const t = firstStepThreshold(alpha, m, 1);
    expect(check.groups).toBeGreaterThan(20_000);
    expect(check.groups).toBeLessThanOrEqual(GROWTH_CAP * 20_000);
    expect(check.precondition(t).ok).toBe(true);
    // The smallest such number: one group fewer does not qualify.
    expect(
      draftOf('grpo', 8, 'bernoulli:p=0.3', check.groups - 1)
        .build(check.groups - 1)
        .precondition(t).ok,
    ).toBe(false);
  });

  it('moves to the fallback when the first configuration needs more than the cap', () => {
    // rs at M = 16 on p = 0.6: no correct answer has probability 4e-7, a rare event.
    const rare = draftOf('rs', 16, 'bernoulli:p=0.6', 1_000_000);
    expect(
      rare.build(1_000_000).precondition(firstStepThreshold(alpha, m, 1)).groupsNeeded,
    ).toBeGreaterThan(GROWTH_CAP * 1_000_000);
    const fallback = draftOf('rs', 16, 'bernoulli:p=0.125', 1_000_000);
    const check = sizedCheck({ ...rare, fallback }, alpha, m);
    expect(check.policy).toBe('bernoulli:p=0.125');
    expect(check.precondition(firstStepThreshold(alpha, m, 1)).ok).toBe(true);
  });

  it('keeps the budget’s groups when nothing qualifies within the cap (its row is insufficient)', () => {
    const check = sizedCheck(draftOf('rs', 16, 'bernoulli:p=0.6', 1_000_000), alpha, m);
    expect(check.groups).toBe(1_000_000);
    expect(check.precondition(firstStepThreshold(alpha, m, 1)).ok).toBe(false);
  });
});
