import { describe, expect, it } from 'vitest';
import { binom, frac, mul } from '../../test/support/objective/exact.ts';
import { exactErrorUlps } from '../../test/support/schemes/exact-ulps.ts';
import { scheme } from './scheme-from-spec.ts';

/** MATH.md §3 pass@k row in exact rationals: b_s = k C(M-1-s, k-1)/C(M-1, k-1). */
const exactB = (M: number, k: number, s: number) =>
  mul(frac(k), frac(binom(M - 1 - s, k - 1), binom(M - 1, k - 1)));

describe('passk: exact pass@k coefficients (MATH.md §3)', () => {
  it('b_s is within 1 ulp of k C(M-1-s, k-1)/C(M-1, k-1) for every k <= M <= 24; a_s = 0', () => {
    let worst = 0;
    for (let M = 1; M <= 24; M++) {
      for (let k = 1; k <= M; k++) {
        const s = scheme(`passk:k=${k}`, M);
        expect(s.a.every((x) => x === 0)).toBe(true);
        for (let j = 0; j < M; j++)
          worst = Math.max(worst, exactErrorUlps(s.b[j]!, exactB(M, k, j)));
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('within 2 + k/4 ulps at M = 200 (product path) and 1e-12 relative at M = 1500 (log path)', () => {
    for (const [M, k, tol] of [
      [200, 7, 2 + 7 / 4],
      [200, 100, 2 + 100 / 4],
      [1500, 700, 1e-12 / Number.EPSILON],
    ] as const) {
      const s = scheme(`passk:k=${k}`, M);
      for (let j = 0; j < M; j += 13) {
        expect(
          exactErrorUlps(s.b[j]!, exactB(M, k, j)),
          `M=${M} k=${k} s=${j}`,
        ).toBeLessThanOrEqual(tol);
      }
    }
  });

  it('known values: M = 4, k = 2 gives b = 2, 4/3, 2/3, 0; k = 1 is reinforce; k = M is M 1[s = 0]', () => {
    expect(scheme('passk:k=2', 4).b).toEqual([2, 4 / 3, 2 / 3, 0]);
    expect(scheme('passk:k=1', 5).b).toEqual([1, 1, 1, 1, 1]);
    expect(scheme('passk:k=5', 5).b).toEqual([5, 0, 0, 0, 0]);
  });

  it('pkpo is the pass@k row times 1/M (MATH.md §7)', () => {
    const M = 9;
    const p = scheme('pkpo:k=3', M);
    for (let j = 0; j < M; j++) {
      expect(exactErrorUlps(p.b[j]!, mul(exactB(M, 3, j), frac(1, M)))).toBeLessThanOrEqual(2);
    }
  });

  it('the check can fail: the (M-1-s) index shifted by one is far out', () => {
    expect(exactErrorUlps(scheme('passk:k=3', 8).b[2]!, exactB(8, 3, 1))).toBeGreaterThan(1e12);
  });
});
