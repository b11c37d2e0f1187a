import { describe, expect, it } from 'vitest';
import { grid } from './grid.ts';

// Deterministic: no false-fail rate. Against the TSDoc: n points from lo to hi, evenly spaced in
// x or in ln x, the last point hi itself.

/** Relative distance of two doubles. */
const relative = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('grid', () => {
  it('evenly spaced in x, exactly where the steps are exact', () => {
    expect(grid(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(grid(-2, 6, 3)).toEqual([-2, 2, 6]);
    expect(grid(0.3, 0.9, 1)).toEqual([0.9]);
  });

  it('evenly spaced in x: equal steps to rounding', () => {
    const lo = 0.01;
    const hi = 0.99;
    const points = grid(lo, hi, 99);
    expect(points).toHaveLength(99);
    expect(points[0]).toBe(lo);
    for (let i = 1; i < points.length; i++) {
      expect(relative(points[i]! - points[i - 1]!, (hi - lo) / 98)).toBeLessThan(1e-12);
    }
  });

  it('ends at hi itself, where lo + (hi - lo) rounds to another double', () => {
    const lo = 3 / 97;
    const hi = 92 / 89;
    expect(lo + (hi - lo)).not.toBe(hi);
    expect(grid(lo, hi, 7).at(-1)).toBe(hi);
  });

  it('evenly spaced in ln x with log, ending at hi itself', () => {
    const points = grid(1e-3, 10, 5, true);
    const want = [1e-3, 1e-2, 1e-1, 1, 10];
    for (const [i, x] of points.entries()) expect(relative(x, want[i]!)).toBeLessThan(1.6e-15);
    // exp(ln 0.3) is not 0.3: the last point is hi, not the exponential.
    expect(Math.exp(Math.log(0.3))).not.toBe(0.3);
    expect(grid(0.1, 0.3, 4, true).at(-1)).toBe(0.3);
    for (let i = 1; i < points.length; i++) {
      expect(relative(Math.log(points[i]!) - Math.log(points[i - 1]!), Math.log(10))).toBeLessThan(
        1e-14,
      );
    }
  });
});
