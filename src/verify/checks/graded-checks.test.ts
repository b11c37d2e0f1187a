import { describe, expect, it } from 'vitest';
import type { DeterministicCheck } from '../check.ts';
import { gradedChecks } from './graded-checks.ts';
import { GRADED_REFERENCES, type GradedReferences } from './graded-references.ts';

/** The ids of the checks that disagree (deterministic: no false-fail rate). */
function failing(checks: readonly DeterministicCheck[]): string[] {
  return checks
    .filter((check) => {
      const { estimate, closedForm } = check.evaluate();
      const gap =
        check.relation === 'at-most' ? estimate - closedForm : Math.abs(estimate - closedForm);
      return !(gap <= check.tolerance);
    })
    .map((check) => check.id);
}

/** The references with one scheme's record changed by `change`. */
function mutated(
  study: 'levels' | 'functions',
  prefix: string,
  change: (record: GradedReferences['levels']['schemes'][number]) => object,
): GradedReferences {
  const schemes = GRADED_REFERENCES[study].schemes.map((s) =>
    s.spec.startsWith(prefix) ? { ...s, ...change(s) } : s,
  );
  return { ...GRADED_REFERENCES, [study]: { ...GRADED_REFERENCES[study], schemes } };
}

describe('graded checks', () => {
  it('77 checks, unique ids, every one agrees', () => {
    const checks = gradedChecks();
    expect(checks).toHaveLength(77);
    expect(new Set(checks.map((c) => c.id)).size).toBe(77);
    expect(failing(checks)).toEqual([]);
  });

  it('fail on wrong references: a flipped verdict, kappa of the other sign, another J', () => {
    const closed = mutated('levels', 'grpo', () => ({ closed: true }));
    // A closed reference also asks the circulation to vanish, which GRPO's does not.
    expect(failing(gradedChecks(closed))).toEqual([
      'graded/levels=0,0.5,1/grpo:std=population,eps=0.000001,eps-at=std/closed',
      'graded/levels=0,0.5,1/grpo:std=population,eps=0.000001,eps-at=std/circulation',
    ]);
    const kappa = mutated('levels', 'mean-scaled', (s) => ({
      points: s.points.map((p) => ({ ...p, kappa: -p.kappa! })),
    }));
    expect(failing(gradedChecks(kappa))).toHaveLength(3);
    const J = mutated('functions', 'trl-grpo:scale-rewards=group,aggregation=normalize', (s) => ({
      points: s.points.map((p) => ({ ...p, J: p.J! * (1 + 1e-9) })),
    }));
    expect(failing(gradedChecks(J)).every((id) => id.endsWith('/J'))).toBe(true);
    expect(failing(gradedChecks(J))).toHaveLength(2);
    const circulation = mutated(
      'functions',
      'trl-grpo:scale-rewards=group,aggregation=sum',
      (s) => ({
        circulation: s.circulation * 1.001,
      }),
    );
    expect(failing(gradedChecks(circulation))).toHaveLength(1);
  });
});
