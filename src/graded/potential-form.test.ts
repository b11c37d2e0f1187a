import { describe, expect, it } from 'vitest';
import { h } from '../objective/h.ts';
import {
  levelClasses,
  type RewardClasses,
  rewardFunctionClasses,
} from '../rewards/reward-classes.ts';
import { type GradedScheme, gradedScheme } from '../schemes/graded-scheme.ts';
import { scheme } from '../schemes/scheme.ts';
import { fieldVerdict, gradedObjective } from './graded-objective.ts';

/**
 * A graded scheme on `classes` whose count-form weight is `weight`, with no rounding of its own
 * (every other member is that of reinforce; recognisePotential reads the classes, the scalar
 * rewards and the reward weights).
 */
function synthetic(
  classes: RewardClasses,
  M: number,
  weight: (j: number, n: ArrayLike<number>) => number,
  extra: Partial<GradedScheme> = {},
): GradedScheme {
  const { largeMReading: _, ...base } = gradedScheme('reinforce', classes, M);
  return { ...base, spec: 'synthetic', weight, weightError: 0, ...extra };
}

const q = [
  [0.1, 0.2, 0.3, 0.4],
  [0.4, 0.3, 0.2, 0.1],
];

describe('the recognised forms of docs/theory.md §10', () => {
  it('constant weights not proportional to the rewards: affine, J = sum_j (c_j - c_0) q_j', () => {
    const c = [0.5, 1, 5, 2];
    const report = fieldVerdict(
      synthetic(levelClasses([0, 1, 2, 3]), 5, (j) => c[j]!),
      q,
      undefined,
    );
    expect(report.closed).toBe(true);
    expect(report.objective!.form).toBe('affine');
    expect(report.objective!.coefficients).toEqual([0, 0.5, 4.5, 1.5]);
    expect(report.objective!.text).toBe('J = 0.5 q_1 + 4.5 q_2 + 1.5 q_3 (affine in q)');
    expect(report.objective!.functions).toBeUndefined();
    report.points.forEach((p) => {
      const J = 0.5 * p.q[1]! + 4.5 * p.q[2]! + 1.5 * p.q[3]!;
      expect(Math.abs(p.J! - J)).toBeLessThanOrEqual(1e-14);
    });
  });

  it('constant weights 3 + 2 r_j: a multiple of the mean reward, factor 2', () => {
    const r = [0, 1, 2, 3];
    const report = fieldVerdict(
      synthetic(levelClasses(r), 5, (j) => 3 + 2 * r[j]!),
      q,
      undefined,
    );
    expect(report.objective!.form).toBe('mean-reward');
    expect(report.objective!.factor).toBe(2);
    expect(report.objective!.text).toBe('J = 2 E[r] (a multiple of the mean reward)');
  });

  it('weighted reward functions: the mean reward names its weights', () => {
    // Classes (0,0), (0,1), (1,0), (1,1) with w_1 = 0.5 (r_1 the high bit): r = 0, 1, 0.5, 1.5.
    const r = [0, 1, 0.5, 1.5];
    const report = fieldVerdict(
      synthetic(rewardFunctionClasses(2), 5, (j) => r[j]!, {
        rewardWeights: [0.5, 1],
        scalarRewards: r,
      }),
      q,
      undefined,
    );
    expect(report.objective!.form).toBe('mean-reward');
    expect(report.objective!.text).toBe(
      'J = 1 E[r], r = 0.5 r_1 + r_2 (a multiple of the mean reward)',
    );
  });

  it('w_j(n) = n_j: closed (d_k D_j = (M - 1)(1 + [j = k]) is symmetric), a polynomial', () => {
    for (const classes of [levelClasses([0, 1, 2, 3]), rewardFunctionClasses(2)]) {
      const report = fieldVerdict(
        synthetic(classes, 6, (j, n) => n[j]!),
        q,
        undefined,
      );
      expect(report.closed).toBe(true);
      expect(report.objective!.form).toBe('polynomial');
      expect(report.objective!.text).toBe(
        'J is a polynomial of degree 6 in q with no recognised form',
      );
      expect(report.objective!.functions).toBeUndefined();
    }
  });

  it('two classes: J = h_M(q_1), the binary objective of the same scheme', () => {
    const M = 6;
    const report = gradedObjective({ scheme: 'grpo', M, levels: [0, 1], q: [[0.7, 0.3]] });
    const objective = report.objective!;
    expect(objective.form).toBe('separable');
    const c = scheme('grpo', M).c;
    const part = objective.functions![0]!;
    expect(part.k).toBe(1);
    expect(part.c).toEqual(c);
    expect(part.hAtOne).toBe(h(c, 1));
    expect(Math.abs(report.points[0]!.J! - h(c, 0.3))).toBeLessThanOrEqual(1e-14);
    expect(objective.text).toBe(
      `J = h_M(q_1) (two classes: the binary h_M of the tables, q_1 the probability of class 1; nearest ${part.nearest!.name})`,
    );
  });
});
