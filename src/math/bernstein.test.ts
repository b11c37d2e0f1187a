import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { special } from '../../test/fixtures/math/special.ts';
import { bernsteinBasis, bernsteinPolynomial, monomialInBernstein } from './bernstein.ts';

describe('bernsteinBasis', () => {
  it('matches mpmath to 1e-13 relative at every fixture point, n up to 1e5', () => {
    let worst = 0;
    for (const [k, n, t, ref] of special.pmf) {
      const err = Math.abs(bernsteinBasis(n, t)[k]! - ref) / ref;
      worst = Math.max(worst, err);
    }
    // measured 2.4e-14 (a term d steps from the mode carries about 1.5 d ulps)
    expect(worst).toBeLessThanOrEqual(1e-13);
  });

  it('is exact at t = 1/2 up to n = 6, where the ratios are exact (the anchor error divides out)', () => {
    const binomial = (n: number, k: number): number =>
      k === 0 ? 1 : (binomial(n, k - 1) * (n - k + 1)) / k;
    for (let n = 0; n <= 6; n++) {
      const exact = Array.from({ length: n + 1 }, (_, k) => binomial(n, k) / 2 ** n);
      expect([...bernsteinBasis(n, 0.5)], `n=${n}`).toEqual(exact);
    }
  });

  it('is exact at t = 0 and t = 1', () => {
    expect([...bernsteinBasis(4, 0)]).toEqual([1, 0, 0, 0, 0]);
    expect([...bernsteinBasis(4, 1)]).toEqual([0, 0, 0, 0, 1]);
    expect([...bernsteinBasis(0, 0.3)]).toEqual([1]);
  });

  test.prop([fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'sums to 1 within 64 eps, nonnegative and finite',
    (n, t) => {
      const B = bernsteinBasis(n, t);
      expect(B.every((b) => b >= 0 && Number.isFinite(b))).toBe(true);
      expect(Math.abs(B.reduce((x, y) => x + y, 0) - 1)).toBeLessThanOrEqual(64 * Number.EPSILON);
    },
  );

  it('stays finite at n = 1e5 for extreme t, and sums to 1', () => {
    for (const t of [5e-324, 1e-300, 1e-6, 0.5, 1 - 1e-6, 1 - 2 ** -53]) {
      const B = bernsteinBasis(100000, t);
      expect(B.every((b) => b >= 0 && Number.isFinite(b))).toBe(true);
      expect(Math.abs(B.reduce((x, y) => x + y, 0) - 1)).toBeLessThanOrEqual(64 * Number.EPSILON);
    }
  });

  it('the sum check fails for a basis shifted by one degree (the check can fail)', () => {
    const B = bernsteinBasis(11, 0.3);
    const shifted = bernsteinBasis(12, 0.3);
    const err = Math.abs(
      B.reduce((x, y) => x + y, 0) - shifted.slice(0, 12).reduce((x, y) => x + y, 0),
    );
    expect(err).toBeGreaterThan(64 * Number.EPSILON);
  });
});

describe('bernsteinPolynomial and monomialInBernstein', () => {
  it('reproduce t^j and (1-t)^j to 16 eps relative (docs/theory.md §3, exact conversion)', () => {
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

describe('buffers: out and scratch are overwritten, never added to', () => {
  // Points where a side of the basis underflows (n = 2000, t near 0 or 1), so that some terms are
  // never computed and must come from the clearing of the buffer.
  const POINTS: [number, number][] = [
    [4, 0],
    [4, 1],
    [10, 0.3],
    [2000, 1e-300],
    [2000, 1 - 1e-12],
  ];

  it('bernsteinBasis into a buffer full of NaN equals a fresh basis and returns that buffer', () => {
    for (const [n, t] of POINTS) {
      const out = new Float64Array(n + 3).fill(Number.NaN);
      const B = bernsteinBasis(n, t, out);
      expect(B).toBe(out);
      expect([...B.subarray(0, n + 1)], `n=${n} t=${t}`).toEqual([...bernsteinBasis(n, t)]);
    }
  });

  it('bernsteinPolynomial with a scratch buffer full of NaN equals the allocating call', () => {
    for (const [n, t] of POINTS) {
      const beta = Array.from({ length: n + 1 }, (_, k) => 1 + k);
      const scratch = new Float64Array(n + 1).fill(Number.NaN);
      expect(bernsteinPolynomial(beta, t, scratch), `n=${n} t=${t}`).toBe(
        bernsteinPolynomial(beta, t),
      );
    }
  });

  it('the buffer check can fail: a basis written over stale values differs', () => {
    const stale = new Float64Array(2001).fill(Number.NaN);
    const fresh = bernsteinBasis(2000, 1e-300);
    stale.set(fresh.subarray(0, 10));
    expect([...stale]).not.toEqual([...fresh]);
  });
});

describe('refusals: one clear message before any work', () => {
  it('n and j must be non-negative integers, t in [0, 1], j at most n', () => {
    expect(() => bernsteinBasis(-1, 0.5)).toThrow('n must be a non-negative integer, got -1');
    expect(() => bernsteinBasis(2.5, 0.5)).toThrow('n must be a non-negative integer, got 2.5');
    expect(() => bernsteinBasis(3, 1.5)).toThrow('t must be a number in [0, 1], got 1.5');
    expect(() => bernsteinPolynomial([1, 2], -0.1)).toThrow('t must be a number in [0, 1]');
    expect(() => bernsteinPolynomial([1, 2], Number.NaN)).toThrow('t must be a number in [0, 1]');
    expect(() => monomialInBernstein(-1, 3)).toThrow('j must be a non-negative integer, got -1');
    expect(() => monomialInBernstein(1, -3)).toThrow('n must be a non-negative integer, got -3');
    expect(() => monomialInBernstein(4, 3)).toThrow('j must be at most n = 3, got 4');
    expect(monomialInBernstein(3, 3)).toEqual([0, 0, 0, 1]);
  });
});
