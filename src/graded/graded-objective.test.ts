import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { h } from '../objective/h.ts';
import { rewardFunctionClasses } from '../rewards/reward-classes.ts';
import { gradedScheme } from '../schemes/graded-scheme.ts';
import { scheme } from '../schemes/scheme.ts';
import { GRADED_REFERENCES as graded, type Study } from '../verify/checks/graded-references.ts';
import { gradedField } from './graded-field.ts';
import { type GradedObjectiveOptions, gradedObjective } from './graded-objective.ts';

/** The options of a study of the references, with its points as `q`. */
function options(study: Study, spec: string): GradedObjectiveOptions {
  return {
    scheme: spec,
    M: study.M,
    ...(study.classes.levels ? { levels: study.classes.levels } : {}),
    ...(study.classes.rewardFunctions ? { rewardFunctions: study.classes.rewardFunctions } : {}),
    q: study.schemes.find((s) => s.spec === spec)!.points.map((p) => p.q),
  };
}

describe('the verdict of every scheme of docs/theory.md §10', () => {
  for (const study of [graded.levels, graded.functions]) {
    for (const reference of study.schemes) {
      it(`${reference.spec}: ${reference.closed ? 'closed, with J' : 'not closed, no J'}`, () => {
        const report = gradedObjective(options(study, reference.spec));
        expect(report.scheme).toBe(reference.spec);
        expect(report.closed).toBe(reference.closed);
        report.points.forEach((p, i) => {
          const ref = reference.points[i]!;
          if (reference.closed) {
            // 1e-10 relative (measured: a few ulps).
            expect(Math.abs(p.J! - ref.J!) / Math.abs(ref.J!)).toBeLessThanOrEqual(1e-10);
          } else {
            expect(p.J).toBeUndefined();
            expect(Math.abs(p.curl - ref.curl) / ref.curl).toBeLessThanOrEqual(1e-10);
          }
        });
        if (!reference.closed) {
          expect(report.objective).toBeUndefined();
          expect(
            Math.abs(report.circulation - reference.circulation) / reference.circulation,
          ).toBeLessThanOrEqual(1e-10);
          expect(report.verdict).toMatch(/^not closed \(/);
        } else {
          expect(Math.abs(report.circulation)).toBeLessThanOrEqual(report.circulationTolerance);
          expect(report.verdict).toMatch(/^closed \(/);
        }
      });
    }
  }

  it('GRPO, mean-scaled and sum_then_normalize read at large M; the rest have nothing to read', () => {
    const grpo = gradedObjective(
      options(graded.levels, 'grpo:std=population,eps=0.000001,eps-at=std'),
    );
    expect(grpo.reading).toBe(
      'ascent on E[r] with step 1/sigma(q) per prompt (sigma the std of the reward)',
    );
    expect(grpo.verdict).toContain('Algorithm 1 ascends no objective; large M: ascent on E[r]');
    const sum = gradedObjective(options(graded.functions, graded.functions.schemes[0]!.spec));
    expect(sum.reading).toBe(grpo.reading);
    expect(gradedObjective(options(graded.levels, 'mean-scaled:offset=0.1')).reading).toContain(
      'log(E[r] + offset)',
    );
  });

  it('the verdict can fail: a mean-scaled offset of 1000 is all but dr-grpo, and still not closed', () => {
    // Its curl falls like offset^-3 (2.6e-5 at 10, 2.7e-11 at 1000): still 1e4 tolerances.
    const report = gradedObjective({
      scheme: 'mean-scaled:offset=1000',
      M: 8,
      levels: [0, 0.5, 1],
    });
    expect(report.closed).toBe(false);
    expect(report.curl).toBeGreaterThan(1000 * report.tolerance);
    expect(report.curl).toBeLessThan(1e-10);
  });
});

describe('the potential and its form', () => {
  it.each([
    ['reinforce', 1, 'J = 1 E[r] (a multiple of the mean reward)'],
    ['rloo', 1, 'J = 1 E[r] (a multiple of the mean reward)'],
    ['dr-grpo', 7 / 8, 'J = 0.875 E[r] (a multiple of the mean reward)'],
  ])('%s on levels 0, 0.5, 1 at M = 8: J = %f E[r]', (spec, factor, text) => {
    const report = gradedObjective({
      scheme: spec,
      M: 8,
      levels: [0, 0.5, 1],
      q: [[0.3, 0.1, 0.6]],
    });
    expect(report.objective?.form).toBe('mean-reward');
    expect(Math.abs(report.objective!.factor! - factor)).toBeLessThanOrEqual(1e-14);
    expect(report.objective!.text).toBe(text);
    expect(Math.abs(report.points[0]!.J! - factor * (0.1 * 0.5 + 0.6))).toBeLessThanOrEqual(1e-14);
  });

  it('dr-grpo with levels not starting at 0 names E[r] - r_0', () => {
    const report = gradedObjective({ scheme: 'dr-grpo', M: 4, levels: [-1, 2, 3] });
    expect(report.objective!.text).toBe('J = 0.75 (E[r] - -1) (a multiple of the mean reward)');
  });

  it('dr-grpo on two reward functions: a multiple of E[r_1 + r_2], separable into identities', () => {
    const report = gradedObjective({ scheme: 'dr-grpo', M: 6, rewardFunctions: 2 });
    expect(report.closed).toBe(true);
    expect(report.objective!.text).toBe(
      'J = 0.833333 E[r], r = r_1 + r_2 (a multiple of the mean reward)',
    );
    expect(report.objective!.functions!.map((f) => f.nearest?.name)).toEqual([
      'identity',
      'identity',
    ]);
  });

  it('normalize_then_sum: separable, each part the binary h of TRL group normalization', () => {
    const report = gradedObjective({
      scheme: 'trl-grpo:aggregation=normalize_then_sum,reward-weights=1/1',
      M: 6,
      rewardFunctions: 2,
    });
    expect(report.closed).toBe(true);
    expect(report.objective!.form).toBe('separable');
    const binary = scheme('trl-grpo', 6).c;
    for (const part of report.objective!.functions!) {
      part.c.forEach((c, s) => {
        expect(Math.abs(c - binary[s]!)).toBeLessThanOrEqual(4 * Number.EPSILON);
      });
    }
    expect(report.objective!.text).toBe(
      'J = f_1(P_1) + f_2(P_2) (separable: P_k the success rate of function k, f_k a binary h_M; nearest identity, identity)',
    );
  });

  // Deterministic property: no false-fail rate. J as the report computes it (the field's
  // potential) against the existing binary machinery (h of the binary trl-grpo table).
  test.prop(
    [
      fc.integer({ min: 2, max: 24 }),
      fc.tuple(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
      ),
    ],
    { numRuns: 60 },
  )('normalize_then_sum at d = 2: J = h_M(P_1) + h_M(P_2) to 1e-12', (M, raw) => {
    const total = raw.reduce((a, b) => a + b, 0);
    const q = raw.map((x) => x / total);
    const field = gradedField(
      gradedScheme('trl-grpo:aggregation=normalize_then_sum', rewardFunctionClasses(2), M),
    );
    const c = scheme('trl-grpo', M).c;
    const want = h(c, q[2]! + q[3]!) + h(c, q[1]! + q[3]!);
    expect(Math.abs(field.potential(q) - want)).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(want)),
    );
  });

  it('normalize_then_sum at d = 2, as reported at the points of docs/theory.md §10', () => {
    const spec = graded.functions.schemes.find((s) => s.spec.includes('normalize_then_sum'))!;
    const report = gradedObjective(options(graded.functions, spec.spec));
    const c = scheme('trl-grpo', 6).c;
    report.points.forEach((p) => {
      const want = h(c, p.q[2]! + p.q[3]!) + h(c, p.q[1]! + p.q[3]!);
      expect(Math.abs(p.J! - want)).toBeLessThanOrEqual(1e-12);
    });
  });

  it('the J check can fail: sum_then_normalize is not the sum of the binary h', () => {
    const q = [0.25, 0.2, 0.3, 0.25];
    const c = scheme('trl-grpo', 6).c;
    const want = h(c, 0.55) + h(c, 0.45);
    const closedReport = gradedObjective({
      scheme: 'trl-grpo:aggregation=normalize_then_sum',
      M: 6,
      rewardFunctions: 2,
      q: [q],
    });
    expect(Math.abs(closedReport.points[0]!.J! - want)).toBeLessThanOrEqual(1e-12);
    const withWeights = gradedObjective({
      scheme: 'trl-grpo:aggregation=normalize_then_sum,reward-weights=1/2',
      M: 6,
      rewardFunctions: 2,
      q: [q],
    });
    expect(Math.abs(withWeights.points[0]!.J! - want)).toBeGreaterThan(0.1);
  });
});

describe('bad input: one line, before any work', () => {
  it.each<[GradedObjectiveOptions, string]>([
    [
      { scheme: 'grpo', M: 8, levels: [0, 1, 0.5] },
      'levels must be strictly increasing: level 1 is 1, level 2 is 0.5',
    ],
    [
      { scheme: 'grpo', M: 8, levels: [0, 0.5, 0.5] },
      'levels: level 2 repeats level 1 (0.5); levels must not repeat',
    ],
    [
      { scheme: 'grpo', M: 8, levels: [0, Number.NaN] },
      'levels: level 1 must be a finite number, got NaN',
    ],
    [
      { scheme: 'grpo', M: 8, levels: Array.from({ length: 65 }, (_, j) => j) },
      'levels: at most 64 classes are allowed, got 65 levels',
    ],
    [
      { scheme: 'grpo', M: 8, rewardFunctions: 7 },
      'reward-functions 7 gives 2^7 = 128 classes; at most 64 are allowed (d <= 6)',
    ],
    [
      { scheme: 'grpo', M: 8, levels: [0, 1], rewardFunctions: 2 },
      'give either levels or reward-functions, not both',
    ],
    [{ scheme: 'grpo', M: 8 }, 'graded objective needs levels or reward-functions'],
    [
      { scheme: 'grpo', M: 8, levels: [0, 0.5, 1], q: [[0.5, 0.2, 0.2]] },
      "q '0.5,0.2,0.2' is not on the simplex: its entries sum to 0.8999999999999999, not 1",
    ],
    [
      { scheme: 'grpo', M: 8, levels: [0, 0.5, 1], q: [[1.2, -0.2, 0]] },
      "q '1.2,-0.2,0' is not on the simplex: entry 1 is -0.2, not a number >= 0",
    ],
    [
      { scheme: 'grpo', M: 8, levels: [0, 0.5, 1], q: [[0.5, 0.5]] },
      "q '0.5,0.5' has 2 entries; levels=0,0.5,1 has 3 classes (0, 0.5, 1)",
    ],
    [
      { scheme: 'grpo', M: 8, levels: [0, 0.5, 1], grid: 1 },
      'grid must be an integer >= 2 (points per side), got 1',
    ],
    [
      { scheme: 'grpo', M: 8, rewardFunctions: 4, grid: 10 },
      'grid 10 on 16 classes has 1.31e+6 points; at most 20000 (use a smaller grid or --q)',
    ],
    [
      { scheme: 'grpo', M: 9, rewardFunctions: 6 },
      '64 classes with 8 other responses give 1.06e+10 class-count vectors; at most 4194304',
    ],
    [
      { scheme: 'passk:k=2', M: 8, levels: [0, 0.5, 1] },
      "scheme 'passk' with levels=0,0.5,1: allowed",
    ],
    [{ scheme: 'rloo', M: 1, levels: [0, 0.5, 1] }, "scheme 'rloo' needs M >= 2"],
    [{ scheme: 'grpo', M: 0, levels: [0, 0.5, 1] }, 'M must be a positive integer, got 0'],
  ])('%j', (input, message) => {
    let thrown: unknown;
    try {
      gradedObjective(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
