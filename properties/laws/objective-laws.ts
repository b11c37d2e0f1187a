// Deterministic laws of the induced objective h_M and its derivative (docs/theory.md §2).
// False-fail rate of every law here: 0 (fast-check only chooses the inputs, and each tolerance
// is an a-priori rounding-error bound, not a statistic).
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError } from '../../src/errors/input-error.ts';
import { gaussLegendreIntegral } from '../../src/math/index.ts';
import type { ObjectivePoint } from '../../src/objective/index.ts';
import { countFormTables, differences } from '../arbitraries/count-form-tables.ts';
import { orderedPair, unitT } from '../arbitraries/unit-t.ts';
import { EPS, expectClose, maxAbs, sumBound } from '../helpers/tolerance.ts';
import { type Law, law } from './law.ts';

/** The objective functions under test: the library's, or a deliberately broken copy. */
export interface ObjectiveImpl {
  h(c: ArrayLike<number>, t: number): number;
  hPrime(c: ArrayLike<number>, t: number): number;
  objectivePoints(c: ArrayLike<number>, ts: ArrayLike<number>): ObjectivePoint[];
}

/**
 * The laws of `h` and `hPrime` for random count-form tables (M = 1..64, entries in [-4, 4]) and
 * random t in [0, 1] including the endpoints and their neighbours. Each law's comment states
 * its tolerance.
 */
export function objectiveLaws(impl: ObjectiveImpl): Law[] {
  const { h, hPrime, objectivePoints } = impl;
  return [
    // Tolerance: h(0), dh(0), dh(1) exact (0 ulps; +0 = -0); h(1) = mean(c) to 8 M EPS max|c|.
    law('h(0) = 0, h(1) = mean(c), dh(0) = c_0, dh(1) = c_{M-1}', countFormTables(), (tables) => {
      const c = differences(tables);
      const { M } = tables;
      const A = maxAbs(c);
      expectClose(h(c, 0), 0, 0, 'h(0)');
      expectClose(hPrime(c, 0), c[0]!, 0, 'dh(0)');
      expectClose(hPrime(c, 1), c[M - 1]!, 0, 'dh(1)');
      expectClose(h(c, 1), c.reduce((s, x) => s + x, 0) / M, sumBound(M, A), 'h(1)', A);
    }),

    // Bernstein coefficients bound the polynomial: min c <= dh <= max c, and since h is the
    // integral of dh from 0, t min c <= h(t) <= t max c. Tolerance: 8 M EPS max|c| for dh; for h,
    // 8 (M+1) EPS max|c| min(1, M t) (relative near t = 0, where h(t) ~ c_0 t) plus the
    // subnormal floor of sumBound.
    law(
      'convex hull: min c <= dh <= max c, t min c <= h <= t max c',
      fc.tuple(countFormTables(), unitT()),
      ([tables, t]) => {
        const c = differences(tables);
        const { M } = tables;
        const A = maxAbs(c);
        const lo = Math.min(...c);
        const hi = Math.max(...c);
        const dh = hPrime(c, t);
        const tolDh = sumBound(M, A);
        expect(dh).toBeGreaterThanOrEqual(lo - tolDh);
        expect(dh).toBeLessThanOrEqual(hi + tolDh);
        const value = h(c, t);
        const tolH = sumBound(M + 1, A) * Math.min(1, M * t) + sumBound(M + 1, 0);
        expect(value).toBeGreaterThanOrEqual(t * lo - tolH);
        expect(value).toBeLessThanOrEqual(t * hi + tolH);
      },
    ),

    // Central difference with step d: truncation <= d^2/6 max|h'''|, |h'''| <= 4 (M-1)(M-2)
    // max|c| (Bernstein derivative bound); rounding <= 2 * 8 (M+1) EPS max|c| / (2d). The step
    // balances the two. Tolerance: their sum plus the 8 M EPS max|c| error of dh itself.
    law(
      'dh is the derivative of h (central difference)',
      fc.tuple(countFormTables(), unitT()),
      ([tables, t0]) => {
        const c = differences(tables);
        const { M } = tables;
        const A = Math.max(maxAbs(c), Number.MIN_VALUE);
        const third = 4 * Math.max(0, (M - 1) * (M - 2)) * A;
        const roundH = sumBound(M + 1, A);
        const d = Math.min(1e-3, third > 0 ? Math.cbrt((3 * roundH) / third) : 1e-3);
        const t = Math.min(1 - d, Math.max(d, t0));
        const fd = (h(c, t + d) - h(c, t - d)) / (t + d - (t - d));
        const tol = (d * d * third) / 6 + (2 * roundH) / (2 * d) + sumBound(M, A);
        expectClose(fd, hPrime(c, t), tol, `central difference at t=${t}, d=${d}`, A);
      },
    ),

    // dh has degree M - 1 <= 63, so 32-point Gauss-Legendre integrates it exactly up to
    // rounding. Tolerance: 2 * 8 (M+1) EPS max|c| for the two values of h, plus
    // 8 (32 + M) EPS max|c| (t2 - t1) for the quadrature sum and its 32 values of dh.
    law(
      'h is the integral of dh (Gauss-Legendre)',
      fc.tuple(countFormTables(), orderedPair()),
      ([tables, [t1, t2]]) => {
        const c = differences(tables);
        const { M } = tables;
        const A = maxAbs(c);
        const quadrature = gaussLegendreIntegral(
          (u) => hPrime(c, Math.min(1, Math.max(0, u))),
          t1,
          t2,
          32,
        );
        const tol =
          2 * sumBound(M + 1, A) + (sumBound(32, A) + sumBound(M, A)) * (t2 - t1) + sumBound(32, 0);
        expectClose(h(c, t2) - h(c, t1), quadrature, tol, `integral over [${t1}, ${t2}]`, A);
      },
    ),

    // docs/theory.md §2: h_M(t) = (1/M) sum_s c_s I_t(s+1, M-s) and I_t(s+1, M-s) = P(Bin(M, t) >= s+1),
    // the tail from stdlib's binomial cdf (an independent implementation). 1 - cdf loses up to
    // EPS absolute per term; tolerance 8 (M+1) EPS max|c| + 4 M EPS max|c|.
    law(
      'h = (1/M) sum_s c_s P(Binomial(M, t) > s)',
      fc.tuple(countFormTables(), unitT()),
      ([tables, t]) => {
        const c = differences(tables);
        const { M } = tables;
        const A = maxAbs(c);
        let sum = 0;
        for (let s = 0; s < M; s++) sum += c[s]! * (1 - binomialCdf(s, M, t));
        expectClose(h(c, t), sum / M, sumBound(M + 1, A) + 4 * M * EPS * A, `h at t=${t}`, A);
      },
    ),

    // Same formulas by another route (one degree-M basis pass per point, reused for dh).
    // Tolerance: 8 (M+1) EPS max|c| each.
    law(
      'objectivePoints(c, ts) = [h, hPrime] at every t',
      fc.tuple(countFormTables(), fc.array(unitT(), { minLength: 1, maxLength: 8 })),
      ([tables, ts]) => {
        const c = differences(tables);
        const A = maxAbs(c);
        const tol = sumBound(tables.M + 1, A);
        objectivePoints(c, ts).forEach((p, i) => {
          expect(p.t).toBe(ts[i]);
          expectClose(p.h, h(c, ts[i]!), tol, `h at ${ts[i]}`, A);
          expectClose(p.dh, hPrime(c, ts[i]!), tol, `dh at ${ts[i]}`, A);
        });
      },
    ),

    // h and dh are linear in c (docs/theory.md §2). Tolerance: 3 * 8 (M+1) EPS (|x| max|c1| + |y| max|c2|)
    // for three evaluations, plus 2 EPS of the same for forming x c1 + y c2.
    law(
      'linear in c: h(x c1 + y c2) = x h(c1) + y h(c2), same for dh',
      fc.tuple(
        fc
          .integer({ min: 1, max: 64 })
          .chain((M) =>
            fc.tuple(countFormTables({ minM: M, maxM: M }), countFormTables({ minM: M, maxM: M })),
          ),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        unitT(),
      ),
      ([[t1, t2], x, y, t]) => {
        const c1 = differences(t1);
        const c2 = differences(t2);
        const mix = c1.map((v, s) => x * v + y * c2[s]!);
        const scale = Math.abs(x) * maxAbs(c1) + Math.abs(y) * maxAbs(c2);
        const tol = 3 * sumBound(t1.M + 1, scale) + 2 * EPS * scale;
        expectClose(h(mix, t), x * h(c1, t) + y * h(c2, t), tol, 'h', scale);
        expectClose(hPrime(mix, t), x * hPrime(c1, t) + y * hPrime(c2, t), tol, 'dh', scale);
      },
    ),

    // docs/theory.md §2: h is increasing wherever every c_s >= 0. dh is then a sum of nonnegative terms,
    // so dh >= 0 holds exactly (0 ulps); h(t1) <= h(t2) to 2 * 8 (M+1) EPS max|c|.
    law(
      'monotone when c >= 0: dh >= 0 exactly and h(t1) <= h(t2)',
      fc.tuple(countFormTables({ nonNegativeC: true }), orderedPair()),
      ([tables, [t1, t2]]) => {
        const c = differences(tables);
        expect(c.every((x) => x >= 0)).toBe(true);
        expect(hPrime(c, t1)).toBeGreaterThanOrEqual(0);
        expect(hPrime(c, t2)).toBeGreaterThanOrEqual(0);
        expect(h(c, t2)).toBeGreaterThanOrEqual(h(c, t1) - 2 * sumBound(tables.M + 1, maxAbs(c)));
      },
    ),

    // Reversing c reflects the objective: dh_rev(t) = dh(1 - t) and h_rev(t) = h(1) - h(1 - t)
    // (substitute s -> M-1-s). Only t with an exact 1 - t are drawn, so the identity is checked
    // pointwise. Tolerance: 3 * 8 (M+1) EPS max|c|.
    law(
      'reversed c gives the reflected objective',
      fc.tuple(
        countFormTables(),
        unitT().filter((t) => 1 - (1 - t) === t),
      ),
      ([tables, t]) => {
        const c = differences(tables);
        const reversed = [...c].reverse();
        const A = maxAbs(c);
        const tol = 3 * sumBound(tables.M + 1, A);
        expectClose(hPrime(reversed, t), hPrime(c, 1 - t), tol, 'dh', A);
        expectClose(h(reversed, t), h(c, 1) - h(c, 1 - t), tol, 'h', A);
      },
    ),

    // Every t outside [0, 1] or not a number, and every c with a non-finite entry, is an
    // InputError (CONTRIBUTING: bad input throws InputError naming the input).
    law(
      't outside [0, 1] and non-finite c throw InputError',
      fc.tuple(
        countFormTables({ maxM: 8 }),
        fc.oneof(
          fc.constantFrom(
            Number.NaN,
            Number.POSITIVE_INFINITY,
            Number.NEGATIVE_INFINITY,
            -Number.MIN_VALUE,
            1 + EPS,
          ),
          fc.double({ min: 1, minExcluded: true, noNaN: true }),
          fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
        ),
      ),
      ([tables, t]) => {
        const c = differences(tables);
        expect(() => h(c, t)).toThrow(InputError);
        expect(() => hPrime(c, t)).toThrow(InputError);
        expect(() => objectivePoints(c, [0.5, t])).toThrow(InputError);
        const broken = [...c];
        broken[broken.length - 1] = Number.NaN;
        expect(() => h(broken, 0.5)).toThrow(InputError);
        expect(() => hPrime(broken, 0.5)).toThrow(InputError);
      },
    ),
  ];
}
