import betainc from '@stdlib/math-base-special-betainc';
import { describe, expect, it } from 'vitest';
import { bestFits } from '../../test/fixtures/beta/references.ts';
import { scheme } from '../schemes/scheme.ts';
import {
  BETA_FIT_RANGE,
  betaFit,
  betaFitObstacle,
  betaSupDistance,
  formatBetaFit,
  objectiveBetaFit,
} from './beta-fit.ts';

const GRID = Array.from({ length: 101 }, (_, j) => (j === 100 ? 1 : j / 100));

describe('betaFit (docs/theory.md §9)', () => {
  it.each(bestFits.cases)('$scheme, M = $M: within 1e-9 of the best attainable (scipy)', (ref) => {
    expect(bestFits.grid).toBe(GRID.length);
    const result = objectiveBetaFit(scheme(ref.scheme, ref.M).c, GRID);
    const fit = result.fit!;
    // The optimum is unique here: the parameters agree too.
    expect(fit.distance - ref.distance).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(fit.a / ref.a - 1)).toBeLessThan(1e-6);
    expect(Math.abs(fit.b / ref.b - 1)).toBeLessThan(1e-6);
    // The reported distance is the distance of the reported member (h_M here by the
    // incomplete-beta sum, within 1e-13 of objectivePoints' Bernstein form).
    const y = objectiveValues(scheme(ref.scheme, ref.M).c);
    expect(Math.abs(fit.distance - betaSupDistance(GRID, y, fit.a, fit.b))).toBeLessThan(1e-13);
  });

  it('the check above fails for the coarse lattice alone (no Nelder-Mead polish): mutant', () => {
    const lo = Math.log(BETA_FIT_RANGE[0]);
    const step = (Math.log(BETA_FIT_RANGE[1]) - lo) / 16;
    for (const ref of bestFits.cases) {
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

  it('stays inside [0.05, 50] for a member outside it', () => {
    const y = GRID.map((t) => betainc(t, 0.01, 80));
    const fit = betaFit(GRID, y);
    expect(fit.a).toBeCloseTo(BETA_FIT_RANGE[0], 12);
    expect(fit.b).toBeCloseTo(BETA_FIT_RANGE[1], 12);
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
    // Two free parameters match any two interior values: fewer than 3 points inside (0, 1) is
    // no fit, endpoints not counted.
    expect(objectiveBetaFit([1, 1], [0, 0.3, 0.6, 1])).toEqual({
      fit: null,
      reason:
        'a fit needs at least 3 points inside (0, 1), got 2: two parameters pass through any two values',
    });
    expect(objectiveBetaFit([1, 1], [0.3, 0.6, 0.9]).fit?.distance).toBeLessThan(1e-8);
    // A rounding-level negative entry (16 ulps of the largest) is not a reason.
    expect(betaFitObstacle([1, -1e-17, 1])).toBeUndefined();
    expect(formatBetaFit(null, 'why')).toBe('none (why)');
    expect(formatBetaFit({ a: 0.57829, b: 0.57829, distance: 0.0068354 })).toBe(
      'I_t(0.578, 0.578) (0.00684)',
    );
  });
});

function objectiveValues(c: readonly number[]): number[] {
  const M = c.length;
  const total = c.reduce((x, y) => x + y, 0) / M;
  // h_M by its incomplete-beta sum (docs/theory.md §2), an independent route from objectivePoints.
  return GRID.map((t) => {
    let h = 0;
    for (let s = 0; s < M; s++) h += c[s]! * betainc(t, s + 1, M - s);
    return h / M / total;
  });
}
