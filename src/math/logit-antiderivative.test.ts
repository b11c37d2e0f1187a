import { describe, expect, it } from 'vitest';
import { grid } from './grid.ts';
import { betainc } from './lazy-stdlib.ts';
import { logitAntiderivative } from './logit-antiderivative.ts';

/** `n` points equally spaced in logit t over [lo, 1 - lo]. */
function logitPoints(n: number, lo: number): number[] {
  const x0 = Math.log(lo) - Math.log1p(-lo);
  return Array.from({ length: n }, (_, i) => 1 / (1 + Math.exp(-(x0 - (2 * x0 * i) / (n - 1)))));
}

const GRID = grid(0, 1, 101);

/** max over the grid of |(A(t) - A(0))/(A(1) - A(0)) - H(t)|. */
function normalizedError(u: number[], phi: (t: number) => number, H: (t: number) => number) {
  const A = logitAntiderivative(
    u,
    u.map((t) => phi(t)),
  );
  const a0 = A.at(0);
  const a1 = A.at(1);
  return Math.max(...GRID.map((t) => Math.abs((A.at(t) - a0) / (a1 - a0) - H(t))));
}

describe('logitAntiderivative', () => {
  // Exact antiderivatives: the regularized incomplete beta I_t(A, B) for densities with
  // integrable singularities at the ends, and log for RS-GRPO's limit (docs/theory.md §9).
  const cases: [string, (t: number) => number, (t: number) => number, number][] = [
    ['t^(-1/2) (1-t)^(1/2)', (t) => t ** -0.5 * (1 - t) ** 0.5, (t) => betainc(t, 0.5, 1.5), 2e-6],
    ['(t(1-t))^(-1/2)', (t) => 1 / Math.sqrt(t * (1 - t)), (t) => betainc(t, 0.5, 0.5), 2e-6],
    ['t^(-0.8) (1-t)^2', (t) => t ** -0.8 * (1 - t) ** 2, (t) => betainc(t, 0.2, 3), 2e-6],
    ['t (1-t)^4', (t) => t * (1 - t) ** 4, (t) => betainc(t, 2, 5), 3e-5],
    [
      '1/(1 + (e^2 - 1) t)',
      (t) => 1 / (1 + Math.expm1(2) * t),
      (t) => Math.log1p(Math.expm1(2) * t) / 2,
      2e-6,
    ],
  ];

  it.each(cases)('integrates %s to within %s of the exact antiderivative', (_n, phi, H, tol) => {
    expect(normalizedError(logitPoints(161, 1e-6), phi, H)).toBeLessThan(tol);
  });

  it('reads the power law at each end and its mass beyond the last sample', () => {
    const u = logitPoints(161, 1e-6);
    const A = logitAntiderivative(
      u,
      u.map((t) => t ** -0.5 * (1 - t) ** 0.5),
    );
    expect(A.atZero.exponent).toBeCloseTo(-0.5, 5);
    expect(A.atOne.exponent).toBeCloseTo(0.5, 5);
    expect(A.atZero.integrable && A.atOne.integrable).toBe(true);
    // int_0^1e-6 t^(-1/2) (1-t)^(1/2) dt is 2e-3 to first order; A(0) is minus that.
    expect(A.at(0)).toBeCloseTo(-2e-3, 7);
    // The whole: B(1/2, 3/2) = pi/2.
    expect(A.at(1) - A.at(0)).toBeCloseTo(Math.PI / 2, 7);
  });

  it('says a 1/t end is not integrable, and still integrates between samples (log type)', () => {
    const u = logitPoints(161, 1e-4);
    const A = logitAntiderivative(
      u,
      u.map((t) => 1 / t),
    );
    expect(A.atZero.integrable).toBe(false);
    expect(A.atZero.exponent).toBeCloseTo(-1, 3);
    expect(A.atZero.mass).toBe(Number.POSITIVE_INFINITY);
    expect(A.at(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(A.atOne.integrable).toBe(true);
    expect(A.at(0.5) - A.at(0.01)).toBeCloseTo(Math.log(50), 6);
    // Beyond the first sample too, from the end law, extrapolated over two decades: log(100)
    // to 2e-4 relative.
    expect(Math.abs((A.at(1e-4) - A.at(1e-6)) / Math.log(100) - 1)).toBeLessThan(2e-4);
  });

  it('the end laws matter: without them (a mutant that adds nothing beyond the samples) t^(-1/2) is off', () => {
    const u = logitPoints(161, 1e-4);
    const A = logitAntiderivative(
      u,
      u.map((t) => 1 / Math.sqrt(t * (1 - t))),
    );
    const inner = (t: number) => A.at(Math.min(Math.max(t, u[0]!), u.at(-1)!));
    const a0 = inner(0);
    const a1 = inner(1);
    const error = Math.max(
      ...GRID.map((t) => Math.abs((inner(t) - a0) / (a1 - a0) - betainc(t, 0.5, 0.5))),
    );
    expect(error).toBeGreaterThan(1e-3);
  });

  it('refuses too few samples, points outside (0, 1), decreasing points and non-finite values', () => {
    expect(() => logitAntiderivative([0.1, 0.2, 0.3], [1, 1, 1])).toThrow(RangeError);
    expect(() => logitAntiderivative([0, 0.2, 0.3, 0.4], [1, 1, 1, 1])).toThrow(RangeError);
    expect(() => logitAntiderivative([0.1, 0.3, 0.2, 0.4], [1, 1, 1, 1])).toThrow(RangeError);
    expect(() => logitAntiderivative([0.1, 0.2, 0.3, 0.4], [1, Number.NaN, 1, 1])).toThrow(
      RangeError,
    );
  });
});
