import { describe, expect, it } from 'vitest';
import { registerAlpha, registerFalseFail } from '../../../test/support/budget/false-fail.ts';
import { scheme } from '../../schemes/index.ts';
import { firstStepThreshold } from '../../stats/index.ts';
import { budget } from '../budget.ts';
import { decideMonteCarlo } from '../decide-monte-carlo.ts';
import { dynamicsCheck, dynamicsCheckSpecs } from './dynamics-checks.ts';

const M = 8;
const tabular = (spec: string) =>
  dynamicsCheckSpecs(budget('default')).find(
    (s) => s.scheme === spec && s.corpus.startsWith('tabular'),
  )!;
const shared = (spec: string) =>
  dynamicsCheckSpecs(budget('default')).find(
    (s) => s.scheme === spec && s.corpus.startsWith('shared'),
  )!;

describe('dynamics checks (docs/theory.md §8, the check along the path)', () => {
  // Two correct checks, each decided alone at alpha 1e-8 (registered) and sized for it.
  it('agree on correct closed forms, with the seeds their precondition asks for', () => {
    for (const spec of [tabular('grpo'), shared('passk:k=4')]) {
      const check = dynamicsCheck(spec, 1e-8, 1);
      expect(check.theorem).toBe('dynamics');
      expect(check.precondition(firstStepThreshold(1e-8, 1, check.components)).ok).toBe(true);
      const [verdict] = decideMonteCarlo([check.evaluate!(1)], registerAlpha(1e-8), 1e-3);
      expect(verdict!.agree).toBe(true);
    }
  });

  // Each mutant is decided as one of the default battery's Monte Carlo checks (its threshold is
  // about 6); the smallest of their z-scores is about 20 at these seeds, so each is flagged
  // with probability 1 - 1e-40 or more (a miss, registered per mutant).
  it('fail on a mean field built from h_{M-1}′ and on sample-std GRPO read with population std', () => {
    const mutants = [
      { ...tabular('grpo'), closedForm: scheme('grpo', M - 1).c },
      { ...shared('rs'), closedForm: scheme('rs', M - 1).c },
      {
        ...tabular('grpo'),
        scheme: 'grpo:std=sample',
        closedForm: scheme('grpo:std=population', M).c,
      },
      {
        ...shared('grpo'),
        scheme: 'grpo:std=sample',
        closedForm: scheme('grpo:std=population', M).c,
      },
    ];
    for (const mutant of mutants) {
      const check = dynamicsCheck(mutant, 1e-6, 120);
      expect(check.id).toMatch(/\/mutant$/);
      const [verdict] = decideMonteCarlo([check.evaluate!(1)], 1e-6 / 120, 1e-3);
      registerFalseFail(1e-40);
      expect(verdict!.agree).toBe(false);
      expect(Math.abs(verdict!.z)).toBeGreaterThan(12);
    }
  });
});
