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

/** `sum_k -r_k(j) (s_k(n) + 1)`, `s_k` the other responses with function `k` = 1. */
function decreasingParts(classes: RewardClasses) {
  return (j: number, n: ArrayLike<number>): number => {
    let w = 0;
    for (let k = 0; k < classes.d; k++) {
      if (classes.vectors[j]![k] !== 1) continue;
      let s = 0;
      for (let i = 0; i < classes.C; i++) if (classes.vectors[i]![k] === 1) s += n[i]!;
      w -= s + 1;
    }
    return w;
  };
}

describe('which form, and what each part states', () => {
  it('one D_j varies and the others are 0: not affine; on levels, a polynomial', () => {
    // w_1(n) = n_1: D_1 = (M - 1) q_1, D_2 = D_3 = 0, so d_1 D_1 = M - 1 and the other rows are 0.
    // Levels with more than two classes are never read as separable, though this J depends on
    // q_1 alone.
    const report = fieldVerdict(
      synthetic(levelClasses([0, 1, 2, 3]), 6, (j, n) => (j === 1 ? n[1]! : 0)),
      q,
      undefined,
    );
    expect(report.closed).toBe(true);
    expect(report.objective!.form).toBe('polynomial');
  });

  it('not separable when J misses the sum of the parts at any point, e_0 included', () => {
    const report = fieldVerdict(
      synthetic(rewardFunctionClasses(2), 6, (j, n) => n[j]!),
      [[1, 0, 0, 0], ...q],
      undefined,
    );
    expect(report.objective!.form).toBe('polynomial');
  });

  it('an affine form carries no functions key; a separable one each part, with fitReason only when it has no fit', () => {
    const affine = fieldVerdict(
      synthetic(levelClasses([0, 1, 2, 3]), 5, (j) => [0.5, 1, 5, 2][j]!),
      q,
      undefined,
    );
    expect('functions' in affine.objective!).toBe(false);
    const separable = gradedObjective({
      scheme: 'trl-grpo:aggregation=normalize_then_sum',
      M: 6,
      rewardFunctions: 2,
    });
    for (const part of separable.objective!.functions!) {
      expect(part.fit).not.toBeNull();
      expect('fitReason' in part).toBe(false);
    }
  });

  it('decreasing parts: separable, no nearest target and no fit, each said so', () => {
    // Each function is a binary count-form scheme with a_s = 0, b_s = -(s + 1) on its own bit:
    // J = sum_k f_k(P_k) with f_k decreasing (docs/theory.md §10), which no target matches.
    const functions = rewardFunctionClasses(2);
    const report = fieldVerdict(synthetic(functions, 5, decreasingParts(functions)), q, undefined);
    expect(report.closed).toBe(true);
    const objective = report.objective!;
    expect(objective.form).toBe('separable');
    expect(objective.text).toBe(
      'J = f_1(P_1) + f_2(P_2) (separable: P_k the success rate of function k, f_k a binary h_M; nearest none, none)',
    );
    for (const part of objective.functions!) {
      expect(part.c).toEqual([-1, -2, -3, -4, -5]);
      expect(part.nearest).toBeNull();
      expect(part.fit).toBeNull();
      expect(typeof part.fitReason).toBe('string');
    }
    const levels = levelClasses([0, 1]);
    const two = fieldVerdict(
      synthetic(levels, 5, decreasingParts(levels)),
      [[0.5, 0.5]],
      undefined,
    );
    expect(two.objective!.text).toBe(
      'J = h_M(q_1) (two classes: the binary h_M of the tables, q_1 the probability of class 1; nearest none)',
    );
  });

  it('two classes at levels 0, 2: the success rate is the probability of the higher level', () => {
    const report = gradedObjective({ scheme: 'grpo', M: 5, levels: [0, 2], q: [[0.6, 0.4]] });
    const objective = report.objective!;
    expect(objective.form).toBe('separable');
    const c = objective.functions![0]!.c;
    expect(Math.abs(report.points[0]!.J! - h(c, 0.4))).toBeLessThanOrEqual(1e-14);
  });

  it('levels starting below 0: the mean reward is still found (E[r] - r_0)', () => {
    // dr-grpo's J is (1 - 1/M)(E[r] - r_0) for any levels; at -1, 0, 1 the class at 0 is as far
    // from r_0 as the sum r_j + r_0 is small, which must not matter.
    const report = gradedObjective({ scheme: 'dr-grpo', M: 4, levels: [-1, 0, 1] });
    expect(report.objective!.form).toBe('mean-reward');
    expect(Math.abs(report.objective!.factor! - 0.75)).toBeLessThanOrEqual(1e-15);
  });

  it('reward weights 1 and -1: the last class has the reward of the first, and the factor still comes out', () => {
    // r = 0, -1, 1, 0 for (0,0), (0,1), (1,0), (1,1).
    const r = [0, -1, 1, 0];
    const report = fieldVerdict(
      synthetic(rewardFunctionClasses(2), 5, (j) => 2 * r[j]!, {
        rewardWeights: [1, -1],
        scalarRewards: r,
      }),
      q,
      undefined,
    );
    expect(report.objective!.form).toBe('mean-reward');
    expect(report.objective!.factor).toBe(2);
    expect(report.objective!.text).toBe(
      'J = 2 E[r], r = r_1 + -1 r_2 (a multiple of the mean reward)',
    );
  });
});

describe('the mean reward on levels symmetric about 0', () => {
  it('dr-grpo on levels -1, 1: J = (1 - 1/M)(E[r] - r_0), a multiple of the mean reward', () => {
    // The classes' distances from r_0 decide which class gives the factor; r_j + r_0 is 0 here.
    const report = gradedObjective({ scheme: 'dr-grpo', M: 4, levels: [-1, 1], q: [[0.5, 0.5]] });
    expect(report.objective!.form).toBe('mean-reward');
    expect(Math.abs(report.objective!.factor! - 0.75)).toBeLessThanOrEqual(1e-15);
    expect(report.objective!.text).toBe('J = 0.75 (E[r] - -1) (a multiple of the mean reward)');
  });
});
