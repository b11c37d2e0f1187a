import { describe, expect, it } from 'vitest';
import type { DeterministicCheck } from '../check.ts';
import { LIMIT_SCHEMES, LIMIT_SIZES, limitChecks } from './limit-checks.ts';

function agrees(check: DeterministicCheck): boolean {
  const { closedForm, estimate } = check.evaluate();
  return check.relation === 'at-most'
    ? estimate <= closedForm + check.tolerance
    : Math.abs(estimate - closedForm) <= check.tolerance;
}

describe('limit checks (docs/theory.md §9)', () => {
  const checks = limitChecks();

  it('cover grpo and f-grpo at gamma 0.5, 1, 2 over M = 16..4096, and all agree', () => {
    expect(LIMIT_SCHEMES).toEqual(['grpo', 'f-grpo:gamma=0.5', 'f-grpo:gamma=1', 'f-grpo:gamma=2']);
    expect(LIMIT_SIZES).toEqual([16, 64, 256, 1024, 4096]);
    // per scheme: 5 mpmath rows, 4 decreasing rows, 1 bound
    expect(checks).toHaveLength(LIMIT_SCHEMES.length * 10);
    expect(new Set(checks.map((c) => c.theorem))).toEqual(new Set(['limit']));
    for (const check of checks) expect(agrees(check), check.id).toBe(true);
    expect(checks.find((c) => c.id === 'limit/f-grpo:gamma=1/M=4096/bound')!.scheme).toBe(
      'f-grpo:gamma=1,std=population,eps=1e-8,eps-at=std',
    );
  });

  it('flag a catalogue that states the wrong limit (I_t(1/2, gamma) for F-GRPO): mutant', () => {
    const wrong = limitChecks((spec) => {
      const gamma = Number(/gamma=([\d.]+)/.exec(spec)?.[1] ?? 0);
      return `beta:a=0.5,b=${gamma === 0 ? 1 : gamma}`;
    });
    for (const spec of LIMIT_SCHEMES) {
      const failing = wrong.filter((c) => c.id.startsWith(`limit/${spec}/`) && !agrees(c));
      expect(failing.length, spec).toBeGreaterThan(0);
    }
    // Every mpmath row fails: each reference is a distance to the stated limit only.
    expect(wrong.filter((c) => c.id.endsWith('/mpmath')).every((c) => !agrees(c))).toBe(true);
  });

  it('flag a scheme that does not approach its limit (grpo against t): the ladder and bound fail', () => {
    const wrong = limitChecks(() => 'beta:a=1,b=1');
    const grpo = wrong.filter((c) => c.id.startsWith('limit/grpo/'));
    expect(grpo.find((c) => c.id.endsWith('4096/bound'))!).toSatisfy(
      (c) => !agrees(c as DeterministicCheck),
    );
    expect(grpo.filter((c) => c.id.endsWith('/decreasing')).some((c) => !agrees(c))).toBe(true);
  });
});
