import { describe, expect, it } from 'vitest';
import {
  add,
  binom,
  type Frac,
  frac,
  fromDouble,
  mul,
  sub,
  toNumber,
} from '../../test/support/objective/exact.ts';
import { exactErrorUlps } from '../../test/support/schemes/exact-ulps.ts';
import { InputError } from '../errors/input-error.ts';
import { scheme } from './scheme.ts';

/** docs/theory.md §3 pass@k row in exact rationals: b_s = k C(M-1-s, k-1)/C(M-1, k-1). */
const exactB = (M: number, k: number, s: number) =>
  mul(frac(k), frac(binom(M - 1 - s, k - 1), binom(M - 1, k - 1)));

describe('passk: exact pass@k coefficients (docs/theory.md §3)', () => {
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

  it('pkpo is the pass@k row times 1/M (docs/theory.md §7)', () => {
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

// PKPO's estimators (Walder & Karkhanis, "Pass@K Policy Optimization") from their definitions,
// by brute force over every k-subset in exact rationals: no counts, no binomial identities, so it
// is independent of the closed forms in pkpo.ts. With rewards g (binary here) and [n] the group:
// - S(i, k, T) = (1/C(|T|, k)) sum over k-subsets Z of T holding i of max_{j in Z} g_j  (eq. 27);
// - s_i = S(i, k, [n])                                                                  (eq. 19);
// - s_loo_i = s_i - (1/(n-1)) sum_{j != i} S(j, k, [n] \ i)                             (eq. 29);
// - s_loo-1_i = (1/C(n, k)) sum_{Z holding i} (max_Z g - max_{Z \ i} g)                 (eq. 33).

/** Every k-subset of `items`. */
function* subsets(items: readonly number[], k: number): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let first = 0; first <= items.length - k; first++) {
    for (const rest of subsets(items.slice(first + 1), k - 1)) yield [items[first]!, ...rest];
  }
}

const maxOf = (g: readonly number[], Z: readonly number[]) => Math.max(...Z.map((j) => g[j]!));

function bigS(g: readonly number[], i: number, k: number, T: readonly number[]): Frac {
  let total = 0;
  for (const Z of subsets(T, k)) if (Z.includes(i)) total += maxOf(g, Z);
  return frac(BigInt(total), binom(T.length, k));
}

function exactPkpo(g: readonly number[], k: number, estimator: string): Frac[] {
  const n = g.length;
  const all = [...g.keys()];
  return all.map((i) => {
    const s = bigS(g, i, k, all);
    if (estimator === 's') return s;
    if (estimator === 's-loo') {
      const others = all.filter((j) => j !== i);
      let baseline = frac(0);
      for (const j of others) baseline = add(baseline, bigS(g, j, k, others));
      return sub(s, mul(baseline, frac(1, n - 1)));
    }
    let total = 0;
    for (const Z of subsets(all, k)) {
      if (Z.includes(i))
        total +=
          maxOf(g, Z) -
          maxOf(
            g,
            Z.filter((j) => j !== i),
          );
    }
    return frac(BigInt(total), binom(n, k));
  });
}

/** Every reward pattern of size M. */
function* patterns(M: number): Generator<number[]> {
  for (let bits = 0; bits < 2 ** M; bits++) {
    yield Array.from({ length: M }, (_, i) => (bits >> i) & 1);
  }
}

/** |x - y| in units of EPS times `scale`, the largest weight of the scheme at this M and k. */
const errorAtScale = (x: number, y: Frac, scale: number) =>
  Math.abs(toNumber(sub(fromDouble(x), y))) / (Number.EPSILON * scale);

describe('pkpo presets against PKPO eqs. 19, 29 and 33 by brute force over k-subsets', () => {
  const cases: [string, number, number][] = [];
  for (let M = 1; M <= 7; M++) {
    for (let k = 1; k <= M; k++) {
      cases.push(['s', M, k]);
      if (k <= M - 1) cases.push(['s-loo', M, k]);
      if (k >= 2) cases.push(['s-loo-minus-one', M, k]);
    }
  }

  // Tolerance: 8 EPS of the largest weight. The closed forms take 1 - C(n-1-S, j)/C(n-1, j)
  // (a ratio within an ulp or two) and subtract two such terms, so a weight near 0 is exact
  // only relative to the size of the terms, never to itself.
  it.each(cases)('estimator=%s at M = %i, k = %i, every group', (estimator, M, k) => {
    const s = scheme(`pkpo:k=${k},estimator=${estimator}`, M);
    const scale = Math.max(...s.a.map(Math.abs), ...s.b.map(Math.abs));
    for (const g of patterns(M)) {
      const got = s.advantages(g);
      exactPkpo(g, k, estimator).forEach((want, i) => {
        expect(errorAtScale(got[i]!, want, scale), `${g.join('')} i=${i}`).toBeLessThanOrEqual(8);
      });
    }
  });

  it('all three estimators have the same c = b - a (their baselines do not depend on R)', () => {
    const M = 9;
    const c = (spec: string) => scheme(spec, M).c;
    for (const k of [2, 4, 8]) {
      const reference = c(`pkpo:k=${k},estimator=s-loo-minus-one`);
      for (const estimator of ['s', 's-loo']) {
        c(`pkpo:k=${k},estimator=${estimator}`).forEach((x, s) => {
          expect(Math.abs(x - reference[s]!)).toBeLessThanOrEqual(8 * Number.EPSILON);
        });
      }
    }
  });

  it('the check can fail: s_loo with the baseline over n instead of n - 1 is caught', () => {
    const g = [1, 0, 1, 0, 0];
    const s = exactPkpo(g, 2, 's');
    let baseline = frac(0);
    const others = [1, 2, 3, 4];
    for (const j of others) baseline = add(baseline, bigS(g, j, 2, others));
    const wrong = sub(s[0]!, mul(baseline, frac(1, 5)));
    const got = scheme('pkpo:k=2,estimator=s-loo', 5).advantages(g)[0]!;
    expect(errorAtScale(got, wrong, 1)).toBeGreaterThan(1e12);
  });
});

describe('pkpo limits', () => {
  it('k = 1 with the default estimator s_loo-1 is rejected, saying why', () => {
    expect(() => scheme('pkpo:k=1', 4)).toThrow(InputError);
    expect(() => scheme('pkpo:k=1', 4)).toThrow(
      "scheme 'pkpo': k=1 is undefined for estimator=s-loo-minus-one (PKPO's s_loo-1 divides by k - 1: its baseline is pass@(k-1)); use k >= 2, or estimator=s or s-loo",
    );
  });

  it('s-loo needs k <= M - 1; the default spelling is canonical', () => {
    expect(() => scheme('pkpo:k=4,estimator=s-loo', 4)).toThrow(
      "scheme 'pkpo': estimator=s-loo needs k <= M - 1 = 3 (its baseline is pass@k over the other M - 1 answers), got k = 4",
    );
    expect(scheme('pkpo:k=2', 4).spec).toBe('pkpo:k=2,estimator=s-loo-minus-one');
    expect(() => scheme('pkpo:k=2,estimator=sloo', 4)).toThrow(
      "estimator must be one of s-loo-minus-one, s-loo, s; got 'sloo'",
    );
  });
});
