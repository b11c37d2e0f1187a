import betainc from '@stdlib/math-base-special-betainc';
import { describe, expect, it } from 'vitest';
import { bestFits } from '../../test/fixtures/beta/references.ts';
import { scheme } from '../schemes/scheme.ts';
import {
  betaFit,
  betaFitObstacle,
  betaFitRange,
  betaSupDistance,
  FIT_MIN_POINTS,
  formatBetaFit,
  objectiveBetaFit,
} from './beta-fit.ts';

const GRID = Array.from({ length: 101 }, (_, j) => (j === 100 ? 1 : j / 100));

describe('betaFit (docs/theory.md §9)', () => {
  it.each(bestFits.cases)('$scheme, M = $M: within 1e-9 of the best attainable (scipy)', (ref) => {
    expect(bestFits.grid).toBe(GRID.length);
    const result = objectiveBetaFit(scheme(ref.scheme, ref.M).c, GRID);
    const fit = result.fit!;
    // The optimum is unique here: the parameters agree too. It lies inside the searched box.
    expect(fit.distance - ref.distance).toBeLessThanOrEqual(1e-9);
    expect(fit.atEdge).toBe(false);
    expect(fit.range).toEqual(betaFitRange(ref.M));
    expect(fit.gridPoints).toBe(101);
    expect(Math.abs(fit.a / ref.a - 1)).toBeLessThan(1e-6);
    expect(Math.abs(fit.b / ref.b - 1)).toBeLessThan(1e-6);
    // The reported distance is the distance of the reported member (h_M here by the
    // incomplete-beta sum, within 1e-13 of objectivePoints' Bernstein form).
    const y = objectiveValues(scheme(ref.scheme, ref.M).c);
    expect(Math.abs(fit.distance - betaSupDistance(GRID, y, fit.a, fit.b))).toBeLessThan(1e-13);
  });

  it('the check above fails for the coarse lattice alone (no Nelder-Mead polish): mutant', () => {
    for (const ref of bestFits.cases) {
      const range = betaFitRange(ref.M);
      const lo = Math.log(range[0]);
      const step = (Math.log(range[1]) - lo) / 16;
      const y = objectiveValues(scheme(ref.scheme, ref.M).c);
      let lattice = Number.POSITIVE_INFINITY;
      for (let i = 0; i <= 16; i++) {
        for (let k = 0; k <= 16; k++) {
          const d = betaSupDistance(GRID, y, Math.exp(lo + i * step), Math.exp(lo + k * step));
          lattice = Math.min(lattice, d);
        }
      }
      expect(lattice - ref.distance, `${ref.scheme} ${ref.M}`).toBeGreaterThan(1e-3);
    }
  });

  it('recovers a member of the family exactly, anywhere in the searched range', () => {
    for (const [A, B] of [
      [0.5, 0.5],
      [1, 4],
      [0.07, 2],
      [3.3, 0.4],
      [45, 30],
    ] as const) {
      const y = GRID.map((t) => betainc(t, A, B));
      const fit = betaFit(GRID, y);
      expect(fit.distance, `${A} ${B}`).toBeLessThan(1e-8);
      expect(Math.abs(Math.log(fit.a / A)), `${A} ${B}`).toBeLessThan(1e-4);
      expect(Math.abs(Math.log(fit.b / B)), `${A} ${B}`).toBeLessThan(1e-4);
    }
  });

  it('stays inside the box for a member outside it, and says it is at the edge', () => {
    const y = GRID.map((t) => betainc(t, 0.005, 80));
    const fit = betaFit(GRID, y, betaFitRange(1));
    expect(fit.a).toBeCloseTo(0.01, 12);
    expect(fit.atEdge).toBe(true);
    expect(formatBetaFit(fit)).toMatch(/, at the edge of the searched range \[0\.01, 100\]\)$/);
    // The same member inside a box that holds it: recovered, not at the edge.
    const inside = betaFit(GRID, y, [0.001, 100]);
    expect(inside.distance).toBeLessThan(1e-8);
    expect(inside.atEdge).toBe(false);
  });

  it('searches [0.01, max(100, 2M)]: pass@k is recovered for k <= M (every k to M = 16)', () => {
    expect(betaFitRange(8)).toEqual([0.01, 100]);
    expect(betaFitRange(64)).toEqual([0.01, 128]);
    const cases: [number, number[]][] = [1, 2, 3, 7, 16].map((M) => [
      M,
      Array.from({ length: M }, (_, k) => k + 1),
    ]);
    cases.push([64, [1, 2, 3, 4, 8, 16, 32, 48, 63, 64]], [128, [1, 2, 5, 50, 100, 127, 128]]);
    for (const [M, ks] of cases) {
      for (const k of ks) {
        const { fit } = objectiveBetaFit(scheme(`passk:k=${k}`, M).c, GRID);
        expect(fit!.distance, `M = ${M}, k = ${k}`).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(fit!.a - 1), `M = ${M}, k = ${k}`).toBeLessThan(1e-6);
        expect(Math.abs(fit!.b / k - 1), `M = ${M}, k = ${k}`).toBeLessThan(1e-6);
        expect(fit!.atEdge).toBe(false);
      }
    }
  });

  it('the old box [0.05, 50] misses pass@64 (the check above fails on it): mutant', () => {
    const y = GRID.map((t) => -Math.expm1(64 * Math.log1p(-t)));
    const fit = betaFit(GRID, y, [0.05, 50]);
    expect(fit.distance).toBeGreaterThan(1e-3);
    expect(fit.atEdge).toBe(true);
  });

  it('searches a subsample of a large grid and reports the sup over the whole grid', () => {
    const fine = Array.from({ length: 5001 }, (_, j) => (j === 5000 ? 1 : j / 5000));
    const c = scheme('grpo', 64).c;
    const { fit } = objectiveBetaFit(c, fine);
    const y = objectiveValuesOn(c, fine);
    expect(fit!.gridPoints).toBe(fine.length);
    // The distance is the whole grid's, not the search set's ...
    // (y here by the incomplete-beta sum, within 1e-13 of objectivePoints' Bernstein form).
    expect(Math.abs(fit!.distance - betaSupDistance(fine, y, fit!.a, fit!.b))).toBeLessThan(1e-13);
    // ... and the exchange rounds make it as good as a search on every point: it is within
    // 1e-6 (relative) of the best over the 101-point grid's optimum, and below the distance of
    // that optimum measured on the fine grid.
    const coarse = objectiveBetaFit(c, GRID).fit!;
    expect(fit!.distance).toBeLessThanOrEqual(betaSupDistance(fine, y, coarse.a, coarse.b) + 1e-13);
    expect(fit!.distance).toBeGreaterThanOrEqual(coarse.distance);
  });

  it('has no fit where h_M need not be increasing or is identically 0, and says why', () => {
    expect(betaFitObstacle([1, -0.5, 2])).toMatch(
      /^c\[1\] = -0\.5 < 0, so h_M need not be increasing/,
    );
    expect(betaFitObstacle([-1, -2, -3, -4, 5])).toMatch(/and 1 more < 0/);
    expect(betaFitObstacle([0, 0, 0])).toMatch(/identically 0/);
    expect(objectiveBetaFit([0, 0], GRID)).toEqual({
      fit: null,
      reason: 'h_M is identically 0 (every c_s = 0), so h_M/h_M(1) is undefined',
    });
    // Two free parameters plus a margin of five: fewer than 7 points inside (0, 1) is no fit,
    // endpoints not counted (the README's first example, --t 0.1,0.5,0.9, has 3).
    expect(FIT_MIN_POINTS).toBe(7);
    const inside = [0.1, 0.2, 0.3, 0.5, 0.6, 0.8, 0.9].slice(0, FIT_MIN_POINTS);
    expect(objectiveBetaFit([1, 1], [0, ...inside.slice(1), 1])).toEqual({
      fit: null,
      reason: `a fit needs at least ${FIT_MIN_POINTS} points inside (0, 1), got ${FIT_MIN_POINTS - 1}: with 2 parameters, a sup fit on so few points matches them however the curve runs between`,
    });
    expect(objectiveBetaFit([1, 1], inside).fit?.distance).toBeLessThan(1e-8);
    // A rounding-level negative entry (16 ulps of the largest) is not a reason.
    expect(betaFitObstacle([1, -1e-17, 1])).toBeUndefined();
    expect(formatBetaFit(null, 'why')).toBe('none (why)');
    const fit = { a: 0.57829, b: 0.57829, distance: 0.0068354, gridPoints: 101 };
    expect(formatBetaFit({ ...fit, range: [0.01, 512], atEdge: false })).toBe(
      'I_t(0.578, 0.578) (0.00684)',
    );
  });
});

function objectiveValues(c: readonly number[]): number[] {
  return objectiveValuesOn(c, GRID);
}

function objectiveValuesOn(c: readonly number[], ts: readonly number[]): number[] {
  const M = c.length;
  const total = c.reduce((x, y) => x + y, 0) / M;
  // h_M by its incomplete-beta sum (docs/theory.md §2), an independent route from objectivePoints.
  return ts.map((t) => {
    let h = 0;
    for (let s = 0; s < M; s++) h += c[s]! * betainc(t, s + 1, M - s);
    return h / M / total;
  });
}
