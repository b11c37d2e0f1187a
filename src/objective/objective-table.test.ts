import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { objective } from './objective-table.ts';

// The entry point `objective`, called as a library user calls it. Deterministic: exact
// identities of docs/theory.md §2, no false-fail rate.
describe('objective', () => {
  it('gives h_M = t for REINFORCE (c = 1): h, dh and the tables at the chosen points', () => {
    const table = objective({ scheme: 'reinforce', M: 4, t: [0, 0.25, 1] });
    expect(table).toMatchObject({ scheme: 'reinforce', M: 4, a: [0, 0, 0, 0], b: [1, 1, 1, 1] });
    for (const { t, h, dh } of table.points) {
      expect(Math.abs(h - t)).toBeLessThanOrEqual(4 * Number.EPSILON);
      expect(Math.abs(dh - 1)).toBeLessThanOrEqual(4 * Number.EPSILON);
    }
  });

  it('takes OBJECTIVE_DEFAULTS.grid points without t, and normalizes on request', () => {
    const table = objective({ scheme: 'grpo', M: 8, normalize: 'end' });
    expect(table.points.map((p) => p.t)).toEqual(Array.from({ length: 11 }, (_, j) => j / 10));
    expect(table.points.at(-1)!.hNormalized).toBe(1);
    expect(() => objective({ scheme: 'grpo', M: 0 })).toThrow(InputError);
  });

  it('reports its progress over the points, to the end', () => {
    const calls: [number, number][] = [];
    objective({
      scheme: 'grpo',
      M: 2 ** 19,
      grid: 8,
      progress: (done, total) => calls.push([done, total]),
    });
    // 2^22 terms between calls: every 7 points at this M, then the end.
    expect(calls).toEqual([
      [0, 8],
      [7, 8],
      [8, 8],
    ]);
  });
});
