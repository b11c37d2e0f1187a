import { describe, expect, it } from 'vitest';
import { binom, frac } from '../../test/support/objective/exact.ts';
import { exactErrorUlps } from '../../test/support/schemes/exact-ulps.ts';
import { binomialRatio } from './binomial-ratio.ts';

const exact = (n: number, m: number, r: number) => frac(binom(n, r), binom(m, r));

describe('binomialRatio C(n, r)/C(m, r) against exact BigInt fractions', () => {
  // For m <= 20 the product of at most m/2 denominator factors stays below 2^53, so there is one
  // rounding, the final division.
  it('is correctly rounded (<= 0.5 ulp) when the factors multiply exactly (m <= 20)', () => {
    let worst = 0;
    for (let m = 0; m <= 20; m++) {
      for (let n = 0; n <= m; n++) {
        for (let r = 0; r <= m; r++) {
          worst = Math.max(worst, exactErrorUlps(binomialRatio(n, m, r), exact(n, m, r)));
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(0.5);
  });

  it('stays within 2 + factors/4 ulps on the product path (m up to 300)', () => {
    for (const m of [60, 129, 300]) {
      for (let n = 0; n <= m; n += 7) {
        for (let r = 0; r <= n; r += 5) {
          const factors = Math.min(r, m - n);
          const ulps = exactErrorUlps(binomialRatio(n, m, r), exact(n, m, r));
          expect(ulps, `${n} ${m} ${r}`).toBeLessThanOrEqual(2 + factors / 4);
        }
      }
    }
  });

  it('keeps its factors exact until they pass 2^53 (150 factors of about 300, a product near 1e371)', () => {
    // Uncapped under the mutation run, unlike the sweep above: one case of the product path
    // whose unflushed numerator and denominator would overflow.
    const ulps = exactErrorUlps(binomialRatio(150, 300, 150), exact(150, 300, 150));
    expect(ulps).toBeLessThanOrEqual(2 + 150 / 4);
  });

  it('is within 1e-12 relative on the log-binomial path (more than 256 factors, m = 4095)', () => {
    const m = 4095;
    for (const [n, r] of [
      [3000, 1000],
      [2047, 300],
      [3500, 2000],
      [4000, 3000],
    ] as const) {
      const ulps = exactErrorUlps(binomialRatio(n, m, r), exact(n, m, r));
      expect(ulps * Number.EPSILON, `${n} ${r}`).toBeLessThanOrEqual(1e-12);
    }
  });

  it('is 0 when r > n and 1 when r = 0 or n = m', () => {
    expect(binomialRatio(3, 10, 4)).toBe(0);
    expect(binomialRatio(3, 10, 0)).toBe(1);
    expect(binomialRatio(10, 10, 7)).toBe(1);
  });

  it('the checks can fail: an off-by-one ratio is far outside the tolerance', () => {
    expect(exactErrorUlps(binomialRatio(9, 20, 5), exact(10, 20, 5))).toBeGreaterThan(1e12);
  });
});
