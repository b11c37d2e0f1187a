import { describe, expect, it } from 'vitest';
import { bernsteinPolynomial } from './bernstein-polynomial.ts';
import { monomialInBernstein } from './monomial-in-bernstein.ts';

describe('bernsteinPolynomial and monomialInBernstein', () => {
  it('reproduce t^j and (1-t)^j to 16 eps relative (MATH.md §3, exact conversion)', () => {
    for (const n of [0, 1, 5, 59, 300]) {
      for (const j of [0, 1, 2, 3, Math.min(n, 70)]) {
        if (j > n) continue;
        const beta = monomialInBernstein(j, n);
        const reversed = [...beta].reverse();
        for (const t of [0, 0.01, 0.3, 0.5, 0.77, 1]) {
          const tol = (x: number) => 16 * Number.EPSILON * Math.max(n, 1) * Math.abs(x) + 1e-300;
          expect(Math.abs(bernsteinPolynomial(beta, t) - t ** j)).toBeLessThanOrEqual(tol(t ** j));
          const u = (1 - t) ** j;
          expect(Math.abs(bernsteinPolynomial(reversed, t) - u)).toBeLessThanOrEqual(tol(u));
        }
      }
    }
  });

  it('the recurrence branch (j > 64) agrees with the product branch to 1e-12', () => {
    const n = 200;
    const j = 65;
    const beta = monomialInBernstein(j, n);
    for (let k = j; k <= n; k++) {
      let r = 1;
      for (let i = 0; i < j; i++) r *= (k - i) / (n - i);
      expect(Math.abs(beta[k]! - r)).toBeLessThanOrEqual(1e-12 * r + 1e-300);
    }
  });

  it('the check fails for coefficients of the wrong degree (the check can fail)', () => {
    const beta = monomialInBernstein(3, 10);
    expect(Math.abs(bernsteinPolynomial(beta, 0.4) - 0.4 ** 2)).toBeGreaterThan(1e-3);
  });
});
