import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { levelClasses } from '../rewards/reward-classes.ts';
import { type GradedScheme, gradedScheme } from '../schemes/graded-scheme.ts';
import { gradedField } from './graded-field.ts';
import { fieldVerdict, gradedObjective, MAX_GRID_POINTS } from './graded-objective.ts';

/**
 * A graded scheme on four levels whose count-form weight is `weight` (every other member is that
 * of reinforce, which fieldVerdict does not read), with the stated rounding `weightError`.
 */
function synthetic(
  M: number,
  weight: (j: number, n: ArrayLike<number>) => number,
  weightError: number,
): GradedScheme {
  const { largeMReading: _, ...base } = gradedScheme('reinforce', levelClasses([0, 1, 2, 3]), M);
  return { ...base, spec: 'synthetic', weight, weightError };
}

describe('the grid, the check points and the loop, as the TSDoc states them', () => {
  it('with no q and at most 6 classes, the grid of 5 points per side; with q, only q', () => {
    const levels = [0, 0.2, 0.4, 0.6, 0.8, 1];
    const report = gradedObjective({ scheme: 'dr-grpo', M: 4, levels });
    // Every q whose 6 entries are multiples of 1/4: C(4 + 5, 5) = 126 points, each once.
    expect(report.points).toHaveLength(126);
    const keys = new Set(report.points.map((p) => p.q.map((x) => x * 4).join(',')));
    expect(keys.size).toBe(126);
    for (const p of report.points) {
      expect(p.q.every((x) => Number.isInteger(x * 4))).toBe(true);
      expect(p.q.reduce((a, b) => a + b, 0)).toBe(1);
    }
    const seven = gradedObjective({ scheme: 'dr-grpo', M: 3, levels: [...levels, 1.2] });
    expect(seven.points).toHaveLength(0);
    const one = gradedObjective({ scheme: 'dr-grpo', M: 4, levels, q: [[0.5, 0.5, 0, 0, 0, 0]] });
    expect(one.points.map((p) => p.q)).toEqual([[0.5, 0.5, 0, 0, 0, 0]]);
  });

  it('grid 2 is the vertices; a grid of exactly MAX_GRID_POINTS points is allowed', () => {
    const vertices = gradedObjective({ scheme: 'grpo', M: 3, levels: [0, 0.5, 1], grid: 2 });
    expect(vertices.points.map((p) => p.q)).toEqual([
      [0, 0, 1],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    // Two classes: a grid of n points per side has n points.
    const full = gradedObjective({ scheme: 'rloo', M: 2, levels: [0, 1], grid: MAX_GRID_POINTS });
    expect(full.points).toHaveLength(MAX_GRID_POINTS);
    expect(() =>
      gradedObjective({ scheme: 'rloo', M: 2, levels: [0, 1], grid: MAX_GRID_POINTS + 1 }),
    ).toThrow(InputError);
  });

  it('a q with entries 0 is on the simplex', () => {
    const report = gradedObjective({ scheme: 'rloo', M: 4, levels: [0, 0.5, 1], q: [[0, 0, 1]] });
    expect(report.points[0]!.q).toEqual([0, 0, 1]);
  });

  it('the check points: entries proportional to 1 + frac((j + 1) m phi), m = 1, 2, 3', () => {
    const phi = (Math.sqrt(5) - 1) / 2;
    for (const C of [3, 5]) {
      const levels = Array.from({ length: C }, (_, j) => j);
      const report = gradedObjective({ scheme: 'dr-grpo', M: 3, levels, q: [] });
      expect(report.checkPoints).toHaveLength(3);
      report.checkPoints.forEach((q, i) => {
        const m = i + 1;
        const raw = levels.map((j) => 1 + (((j + 1) * m * phi) % 1));
        const total = raw.reduce((a, b) => a + b, 0);
        q.forEach((x, j) => {
          expect(Math.abs(x - raw[j]! / total)).toBeLessThanOrEqual(4 * Number.EPSILON);
        });
      });
    }
  });

  it('the loop is (barycentre + e_i)/2 for i = 0, 1, C - 1, of l1 length 3; none for C = 2', () => {
    const report = gradedObjective({ scheme: 'grpo', M: 5, levels: [0, 0.3, 0.6, 1], q: [] });
    expect(report.loop).toEqual([
      [0.625, 0.125, 0.125, 0.125],
      [0.125, 0.625, 0.125, 0.125],
      [0.125, 0.125, 0.125, 0.625],
    ]);
    // Each side moves 1/2 of the mass from one class to another: l1 length 1.
    const field = gradedField(gradedScheme('grpo', levelClasses([0, 0.3, 0.6, 1]), 5));
    expect(report.circulationTolerance).toBe(field.integralTolerance(3));
    const two = gradedObjective({ scheme: 'grpo', M: 5, levels: [0, 1], q: [] });
    expect(two.loop).toEqual([]);
    expect(two.circulation).toBe(0);
    expect(two.circulationTolerance).toBe(0);
  });
});

describe('what the report states', () => {
  it('largestDerivative is the largest |d_k D_j| over the points and the check points', () => {
    const report = gradedObjective({
      scheme: 'grpo',
      M: 6,
      levels: [0, 0.5, 1],
      q: [[0.2, 0.3, 0.5]],
    });
    const field = gradedField(gradedScheme('grpo', levelClasses([0, 0.5, 1]), 6));
    const all = [...report.points.map((p) => p.q), ...report.checkPoints];
    const want = Math.max(...all.flatMap((q) => field.at(q).dD.flat().map(Math.abs)));
    expect(report.largestDerivative).toBe(want);
    expect(want).toBeGreaterThan(0);
  });

  it('the verdict states the measured values, each to 4 significant digits', () => {
    const report = gradedObjective({ scheme: 'rloo', M: 6, levels: [0, 0.5, 1], q: [] });
    const show = (x: number) => Number(x.toPrecision(4)).toString();
    expect(report.verdict).toBe(
      `closed (largest curl ${show(report.curl)} against derivatives up to ${show(report.largestDerivative)}, tolerance ${show(report.tolerance)}; circulation ${show(report.circulation)} around the loop): ${report.objective!.text}`,
    );
  });

  it('M = 1: a constant field, closed with a tolerance of 0', () => {
    // The weight of a lone response does not depend on q: every derivative and the curl are 0,
    // and the bound 8 (M - 1) (...) of gradedField is 0 too; the potential is E[r] - r_0.
    const report = gradedObjective({ scheme: 'reinforce', M: 1, levels: [0, 0.5, 1] });
    expect(report.tolerance).toBe(0);
    expect(report.curl).toBe(0);
    expect(report.closed).toBe(true);
    expect(report.objective!.text).toBe('J = 1 E[r] (a multiple of the mean reward)');
  });
});

describe('closed needs both the curl and the circulation within their bounds', () => {
  it('a curl off the plane of the loop: circulation 0, not closed, and no large-M reading', () => {
    // w_2(n) = n_1: D_2 = (M - 1) q_1 and D_1 = D_3 = 0, so d_1 D_2 = M - 1 everywhere. The loop
    // keeps q_2 = 1/8 (it moves mass among classes 0, 1 and 3), so omega = D_2 dq_2 is 0 along it.
    const M = 6;
    const report = fieldVerdict(
      synthetic(M, (j, n) => (j === 2 ? n[1]! : 0), 0),
      [],
      undefined,
    );
    expect(report.circulation).toBe(0);
    expect(Math.abs(report.curl - (M - 1))).toBeLessThanOrEqual(1e-12 * M);
    expect(report.closed).toBe(false);
    expect('reading' in report).toBe(false);
    expect(report.verdict).toMatch(/: Algorithm 1 ascends no objective$/);
  });

  it('a curl within a (large) stated weight error, and a circulation above its bound: not closed', () => {
    // w_1(n) = n_3: D_1 = (M - 1) q_3, a constant curl d_3 D_1 = M - 1. A stated weight error of
    // 1/8 makes the curl's bound 8 (M - 1)(1/8 + ...) >= M - 1; the circulation's bound is about
    // 3 (2/8). Around the loop, in (q_1, q_3): (1/8, 1/8) -> (5/8, 1/8) -> (1/8, 5/8), the
    // integral of q_3 dq_1 is 1/16 - 3/16 + 0 = -1/8, so the circulation is -(M - 1)/8.
    const M = 20;
    const report = fieldVerdict(
      synthetic(M, (j, n) => (j === 1 ? n[3]! : 0), 1 / 8),
      [],
      undefined,
    );
    expect(report.curl).toBeLessThanOrEqual(report.tolerance);
    expect(Math.abs(report.circulation + (M - 1) / 8)).toBeLessThanOrEqual(1e-12 * M);
    expect(Math.abs(report.circulation)).toBeGreaterThan(report.circulationTolerance);
    expect(report.closed).toBe(false);
  });
});
