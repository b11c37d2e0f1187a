import { describe, expect, it } from 'vitest';
import { grid } from '../math/grid.ts';
import { rescaled, sampled, supDistance } from './sup-distance.ts';

const GRID = grid(0, 1, 101);

describe('supDistance (the one distance of docs/objective.md)', () => {
  it('is the plain sup gap of h/h(1) and I_t for functions finite at both ends', () => {
    const h = sampled(GRID, (t) => 3 * t * t);
    const g = sampled(GRID, (t) => t);
    // t^2 against t: the largest gap of t - t^2 on the grid is 1/4, at t = 1/2.
    const d = supDistance(h, g);
    expect(d).toEqual({ distance: 0.25, lo: 0, hi: 1, tWorst: 0.5, points: 101 });
  });

  it('does not see increasing affine maps of either function', () => {
    const base = (t: number) => Math.asin(Math.sqrt(t));
    const d0 = supDistance(
      sampled(GRID, base),
      sampled(GRID, (t) => t),
    ).distance;
    const d1 = supDistance(
      sampled(GRID, (t) => 7 * base(t) - 3),
      sampled(GRID, (t) => 0.1 * t + 40),
    ).distance;
    expect(Math.abs(d1 - d0)).toBeLessThan(1e-13);
    expect(
      supDistance(
        sampled(GRID, base),
        sampled(GRID, (t) => 2 * base(t) + 1),
      ).distance,
    ).toBeLessThan(1e-15);
  });

  it('anchors an end where a function is infinite at the first (last) grid point inside', () => {
    const log = sampled(GRID, Math.log);
    const d = supDistance(
      sampled(GRID, (t) => Math.log(t) * 2 + 5),
      log,
    );
    expect(d.lo).toBe(0.01);
    expect(d.hi).toBe(1);
    expect(d.points).toBe(100);
    expect(d.distance).toBeLessThan(1e-15);
    const logit = sampled(GRID, (t) => Math.log(t) - Math.log1p(-t));
    const both = supDistance(
      sampled(GRID, (t) => t),
      logit,
    );
    expect([both.lo, both.hi, both.points]).toEqual([0.01, 0.99, 99]);
    // By hand: t rescaled on [0.01, 0.99] against logit rescaled there; the gap peaks inside.
    let worst = 0;
    const l = (t: number) => Math.log(t / (1 - t));
    for (const t of GRID.slice(1, 100)) {
      const u = (t - 0.01) / 0.98;
      const v = (l(t) - l(0.01)) / (l(0.99) - l(0.01));
      worst = Math.max(worst, Math.abs(u - v));
    }
    expect(both.distance).toBeCloseTo(worst, 15);
  });

  it('is undefined (NaN) for a function that does not increase, and refuses mixed grids', () => {
    expect(
      supDistance(
        sampled(GRID, (t) => -t),
        sampled(GRID, (t) => t),
      ).distance,
    ).toBeNaN();
    expect(
      supDistance(
        sampled(GRID, () => 0),
        sampled(GRID, (t) => t),
      ).distance,
    ).toBeNaN();
    expect(() =>
      supDistance(
        sampled(GRID, (t) => t),
        sampled(grid(0, 1, 11), (t) => t),
      ),
    ).toThrow(/different grids/);
  });

  it('the anchors matter: a mutant that skips the rescaling gets a wrong distance', () => {
    const h = sampled(GRID, (t) => 2 * t);
    const g = sampled(GRID, (t) => t);
    let unscaled = 0;
    for (let j = 0; j < GRID.length; j++)
      unscaled = Math.max(unscaled, Math.abs(h.values[j]! - g.values[j]!));
    expect(unscaled).toBe(1);
    expect(supDistance(h, g).distance).toBe(0);
  });
});

describe('rescaled', () => {
  it('gives the [t, value] pairs of the window, 0 and 1 at its ends', () => {
    const log = rescaled(sampled(GRID, Math.log));
    expect([log.lo, log.hi, log.points.length]).toEqual([0.01, 1, 100]);
    expect(log.points[0]).toEqual([0.01, 0]);
    expect(log.points.at(-1)).toEqual([1, 1]);
    expect(log.points[9]![1]).toBeCloseTo(Math.log(0.1 / 0.01) / Math.log(100), 15);
    expect(rescaled(sampled(GRID, (t) => -t)).points).toEqual([]);
  });
});
