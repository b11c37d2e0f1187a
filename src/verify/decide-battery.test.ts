import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../report/render-markdown.ts';
import { summaryLine } from '../report/report-text.ts';
import { resolveBattery } from './battery.ts';
import { batteryReport } from './battery-report.ts';
import type { Check, MonteCarloCheck } from './check.ts';
import { simulationCheck } from './checks/simulation-check.ts';
import { decideBattery, monteCarloPreconditions } from './decide-battery.ts';

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
      const { plan } = resolveBattery({ budget });
      expect(plan.simulations.length).toBeGreaterThan(0);
      expect(insufficient(plan.checks)).toEqual([]);
    },
  );

  it('flags a mutant plan: the quick battery with one check at its unsized budget groups', () => {
    const { checks } = resolveBattery({ budget: 'quick' }).plan;
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

describe('decideBattery', () => {
  const check = (id: string, policy: string, groups: number) =>
    simulationCheck({
      id,
      theorem: 'weighted-gradient',
      detail: 'd',
      input: { scheme: 'rs', M: 16, policy, groups },
    });
  // rs at M = 16 on p = 0.6: no correct answer (probability 4e-7) is a rare event that 1e6
  // groups neither see often nor miss safely, so that check gets no verdict.
  const checks: Check[] = [
    check('sufficient', 'bernoulli:p=0.125', 1_000_000),
    check('insufficient', 'bernoulli:p=0.6', 1_000_000),
  ];
  // Fixed outcomes, no simulation: the insufficient one with an absurd z it must not act on.
  const outcome = (estimate: number) => ({
    outcome: { estimate: [estimate], stderr: [1e-3], closedForm: [0.5], groups: 1_000_000 },
    seconds: 0,
  });

  it('gives an insufficient check no verdict, with the groups it needs, and keeps the others', () => {
    const { rows, calibrationZ } = decideBattery(checks, [outcome(0.5), outcome(0.6)], 1e-6, 1e-3);
    expect(rows[0]!.agree).toBe(true);
    expect(rows[0]!.groupsNeeded).toBeUndefined();
    expect(rows[1]!.agree).toBe(false);
    expect(rows[1]!.groupsNeeded).toBeGreaterThan(16 * 1_000_000);
    expect(rows[1]!.detail).toMatch(/insufficient: \d+ groups needed/);
    expect(calibrationZ).toEqual([0]);
    const report = batteryReport(
      { rows, calibrationZ },
      { budget: 'test', seed: 1, alpha: 1e-6, command: 'test', seconds: 0 },
    );
    expect(report.summary).toMatchObject({ checks: 2, agree: 1, disagree: 0, insufficient: 1 });
    expect(summaryLine(report)).toBe('1/2 checks agree, 1 insufficient (no verdict) (alpha 1e-6)');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(`insufficient (${rows[1]!.groupsNeeded} groups needed)`);
    expect(markdown).not.toContain('## Disagreements');
  });

  it('still flags a disagreement next to an insufficient check', () => {
    const { rows } = decideBattery(checks, [outcome(0.6), outcome(0.5)], 1e-6, 1e-3);
    expect(rows.map((r) => [r.agree, r.groupsNeeded === undefined])).toEqual([
      [false, true],
      [false, false],
    ]);
  });
});
