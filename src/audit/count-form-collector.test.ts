import { describe, expect, it } from 'vitest';
import { CountFormCollector } from './count-form-collector.ts';

const group = (rewards: number[], advantages: number[], line: number) => ({
  rewards,
  advantages,
  where: { line },
});

describe('CountFormCollector', () => {
  it('files each weight under (R, S = K - R) and recovers a and b (docs/theory.md §2)', () => {
    const collector = new CountFormCollector();
    // rloo at M = 3: Z_i = R_i - S_i/2.
    collector.add(group([0, 0, 0], [0, 0, 0], 1));
    collector.add(group([1, 0, 0], [1, -0.5, -0.5], 2));
    collector.add(group([0, 1, 1], [-1, 0.5, 0.5], 3));
    collector.add(group([1, 1, 1], [0, 0, 0], 4));
    const { tables, violations } = collector.result(1e-9);
    expect(violations).toEqual([]);
    expect(tables).toEqual([
      {
        M: 3,
        a: [0, -0.5, -1],
        b: [1, 0.5, 0],
        coverage: { observed: 6, total: 6, missing: [] },
        countForm: true,
      },
    ]);
  });

  it('reports unobserved cells as null and lists them', () => {
    const collector = new CountFormCollector();
    collector.add(group([1, 0], [0.5, -0.5], 1));
    const [table] = collector.result(1e-9).tables;
    expect(table!.a).toEqual([null, -0.5]);
    expect(table!.b).toEqual([0.5, null]);
    expect(table!.coverage).toEqual({ observed: 2, total: 4, missing: ['a[0]', 'b[1]'] });
  });

  it('accepts a difference within the relative tolerance and flags one beyond it', () => {
    const run = (delta: number) => {
      const collector = new CountFormCollector();
      collector.add(group([1, 0], [1, -1], 1));
      collector.add(group([0, 1], [-1, 1 + delta], 2));
      return collector.result(1e-9);
    };
    expect(run(1e-12).violations).toEqual([]);
    const { violations, tables } = run(1e-6);
    expect(violations).toEqual([
      {
        line: 2,
        M: 2,
        K: 1,
        R: 1,
        values: [1, 1 + 1e-6],
        reason: expect.stringContaining('response 1 of line 1 got 1 but response 2 of line 2'),
      },
    ]);
    expect(tables[0]!.countForm).toBe(false);
  });

  it('scales the tolerance by the largest weight, so a rounding-level zero is not a violation', () => {
    const collector = new CountFormCollector();
    collector.add(group([1, 0, 0], [2, -1, -1], 1));
    collector.add(group([0, 0, 0], [0, 0, 0], 2));
    collector.add(group([0, 0, 0], [1e-17, 0, 0], 3));
    expect(collector.result(1e-9).violations).toEqual([]);
    expect(collector.result(0).violations).toHaveLength(1);
  });

  it('prefers a disagreement inside one group and names both responses', () => {
    const collector = new CountFormCollector();
    collector.add(group([1, 0, 0], [1, -0.5, -0.5], 1));
    collector.add(group([1, 0, 0], [1, -0.25, -0.75], 2));
    const [v] = collector.result(1e-9).violations;
    expect(v).toMatchObject({ line: 2, K: 1, R: 0, values: [-0.25, -0.75] });
    expect(v!.reason).toContain(
      'response 2 of line 2 got -0.25 but response 3 of line 2 got -0.75',
    );
  });

  it('keeps group sizes apart', () => {
    const collector = new CountFormCollector();
    collector.add(group([1], [1], 1));
    collector.add(group([1, 0], [0.5, -0.5], 2));
    collector.add(group([1], [1], 3));
    expect(collector.groupSizes()).toEqual([1, 2]);
    expect(collector.result(1e-9).tables.map((t) => [t.M, t.coverage.observed])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});
