import { describe, expect, it } from 'vitest';
import { isMutationRun, MUTATION_MAX_M } from '../../test/support/mutation/mutation-run.ts';
import {
  type Evaluate,
  worstVsExact,
  worstVsGrpoSmall,
  worstVsLargeM,
} from '../../test/support/objective/accuracy.ts';
import {
  add,
  div,
  type Frac,
  frac,
  fromDouble,
  toNumber,
} from '../../test/support/objective/exact.ts';
import { harmonic, regularizedIncompleteBeta } from '../math/special-functions.ts';
import { h, hAtOne, harmonicShiftedH, hCoefficients, hPrime, normalizedH, requireC } from './h.ts';
import { objectivePoints } from './objective-points.ts';

const bernsteinForm: Evaluate = (c, ts) => objectivePoints(c, ts);
const scalarForms: Evaluate = (c, ts) => ts.map((t) => ({ h: h(c, t), dh: hPrime(c, t) }));
/** The alternative kept out: `(1/M) sum_s c_s I_t(s+1, M-s)`, O(M^2) per point. */
const incompleteBetaForm: Evaluate = (c, ts) =>
  ts.map((t) => {
    const M = c.length;
    let sum = 0;
    for (let s = 0; s < M; s++) sum += c[s]! * regularizedIncompleteBeta(t, s + 1, M - s);
    return { h: sum / M, dh: hPrime(c, t) };
  });

const SMALL = 1e-12; // M <= 60, relative (the acceptance)
const LARGE = 1e-10; // M <= 4096, t in [1e-6, 1 - 1e-6], relative
/** The largest M of the mpmath fixtures the large-M checks read: under Stryker, fewer. */
const LARGE_M_MAX = isMutationRun() ? MUTATION_MAX_M : Number.POSITIVE_INFINITY;

describe('h and hPrime accuracy', () => {
  it('M <= 60, rational schemes: within 1e-12 relative of exact BigInt rationals', () => {
    for (const evaluate of [bernsteinForm, scalarForms]) {
      const worst = worstVsExact(evaluate);
      expect(worst.h, worst.where).toBeLessThanOrEqual(SMALL);
      expect(worst.dh, worst.where).toBeLessThanOrEqual(SMALL);
    }
  });

  it('M <= 60, grpo (population and sample std): within 1e-12 relative of mpmath', () => {
    for (const evaluate of [bernsteinForm, scalarForms]) {
      const worst = worstVsGrpoSmall(evaluate);
      expect(worst.h, worst.where).toBeLessThanOrEqual(SMALL);
      expect(worst.dh, worst.where).toBeLessThanOrEqual(SMALL);
    }
  });

  it('M up to 4096, t in [1e-6, 1 - 1e-6]: within 1e-10 relative of mpmath', () => {
    const worst = worstVsLargeM(bernsteinForm, LARGE_M_MAX);
    expect(worst.h, worst.where).toBeLessThanOrEqual(LARGE);
    expect(worst.dh, worst.where).toBeLessThanOrEqual(LARGE);
  });

  it('the Bernstein form of h is as accurate as the incomplete-beta sum, to within 2x (measured)', () => {
    // The sum costs O(M^2) incomplete beta functions per point: under Stryker only M = 256.
    const comparedMax = isMutationRun() ? 256 : 1024;
    const b = [
      worstVsExact(bernsteinForm),
      worstVsGrpoSmall(bernsteinForm),
      worstVsLargeM(bernsteinForm, comparedMax),
    ];
    const ib = [
      worstVsExact(incompleteBetaForm),
      worstVsGrpoSmall(incompleteBetaForm),
      worstVsLargeM(incompleteBetaForm, comparedMax),
    ];
    const all = worstVsLargeM(bernsteinForm, LARGE_M_MAX);
    console.log(
      [
        `max relative error of h: Bernstein form exact ${b[0]!.h.toExponential(2)}, grpo ${b[1]!.h.toExponential(2)}, M<=${comparedMax} ${b[2]!.h.toExponential(2)} (M<=4096 ${all.h.toExponential(2)})`,
        `                         incomplete-beta sum exact ${ib[0]!.h.toExponential(2)}, grpo ${ib[1]!.h.toExponential(2)}, M<=${comparedMax} ${ib[2]!.h.toExponential(2)}`,
        `max relative error of dh: exact ${b[0]!.dh.toExponential(2)}, grpo ${b[1]!.dh.toExponential(2)}, M<=4096 ${all.dh.toExponential(2)}`,
      ].join('\n'),
    );
    const worstB = Math.max(...b.map((w) => w.h));
    const worstIb = Math.max(...ib.map((w) => w.h));
    // Both are within a few ulps; a tie at rounding level is the expected outcome.
    expect(worstB).toBeLessThanOrEqual(2 * worstIb);
    expect(worstIb).toBeLessThanOrEqual(2 * worstB);
  });
});

describe('the accuracy checks can fail', () => {
  const shift: Evaluate = (c, ts) => objectivePoints([...c.slice(1), c[c.length - 1]!], ts);
  const wrongNorm: Evaluate = (c, ts) =>
    objectivePoints(c, ts).map((p) => ({
      h: (p.h * c.length) / Math.max(1, c.length - 1),
      dh: p.dh,
    }));
  const relPerturb: Evaluate = (c, ts) =>
    objectivePoints(c, ts).map((p) => ({ h: p.h * (1 + 1e-11), dh: p.dh * (1 - 1e-11) }));

  it('c shifted by one index fails every reference', () => {
    expect(worstVsExact(shift).dh).toBeGreaterThan(SMALL);
    expect(worstVsGrpoSmall(shift).dh).toBeGreaterThan(SMALL);
    expect(worstVsLargeM(shift, LARGE_M_MAX).dh).toBeGreaterThan(LARGE);
  });

  it('h normalized by 1/(M-1) instead of 1/M fails', () => {
    expect(worstVsExact(wrongNorm).h).toBeGreaterThan(SMALL);
    expect(worstVsGrpoSmall(wrongNorm).h).toBeGreaterThan(SMALL);
    expect(worstVsLargeM(wrongNorm, LARGE_M_MAX).h).toBeGreaterThan(LARGE);
  });

  it('a relative error of 1e-11 fails the M <= 60 tolerance', () => {
    const w = worstVsExact(relPerturb);
    expect(Math.min(w.h, w.dh)).toBeGreaterThan(SMALL);
  });
});

/** `G_k = (1/M) sum_{s<k} c_s` in exact rationals (docs/theory.md §2), each c_s the double given. */
function exactG(c: readonly number[]): Frac[] {
  const G = [frac(0)];
  let sum = frac(0);
  for (const x of c) {
    sum = add(sum, fromDouble(x));
    G.push(div(sum, frac(c.length)));
  }
  return G;
}

/** Largest error of `G` against the exact coefficients, in ulps of each exact value. */
function worstUlps(G: ArrayLike<number>, c: readonly number[]): number {
  const exact = exactG(c).map(toNumber);
  let worst = 0;
  for (let k = 0; k < exact.length; k++) {
    const err = Math.abs(G[k]! - exact[k]!);
    worst = Math.max(worst, err === 0 ? 0 : err / (Number.EPSILON * Math.abs(exact[k]!)));
  }
  return worst;
}

// Partial sums that cancel: a plain running sum loses the small entries. The first table adds a
// small entry to a large sum, the second a large entry to a small sum (the other branch of the
// compensation), the third crosses 2^53, where adding 1 rounds.
const CANCELLING = [
  [1, 1e-16, -1, 1e-16],
  [1e-16, 1, -1, 3],
  [2 ** 53, 1, 1, -(2 ** 53), 0.5],
  [-0.1, 0.3, -0.2, 1e-17, 0.7, -0.7],
];

describe('hCoefficients (docs/theory.md §2: G_k = (1/M) sum_{s<k} c_s)', () => {
  it('is the exact rational G_k within 2 ulps when the partial sums cancel', () => {
    for (const c of CANCELLING) {
      const G = hCoefficients(c);
      expect(G.length).toBe(c.length + 1);
      expect(G[0]).toBe(0);
      expect(worstUlps(G, c), JSON.stringify(c)).toBeLessThanOrEqual(2);
    }
  });

  it('a plain running sum fails the 2-ulp check on the same tables (the check can fail)', () => {
    const plain = (c: readonly number[]): number[] => {
      const G = [0];
      let sum = 0;
      for (const x of c) {
        sum += x;
        G.push(sum / c.length);
      }
      return G;
    };
    for (const c of CANCELLING.slice(0, 2)) {
      expect(worstUlps(plain(c), c), JSON.stringify(c)).toBeGreaterThan(1e10);
    }
  });

  it('h(1) = G_M = (1/M) sum c_s, and h and hPrime see the small entries the sums keep', () => {
    const c = CANCELLING[0]!;
    expect(hAtOne(c)).toBe(toNumber(exactG(c)[c.length]!));
    expect(h(c, 1)).toBe(hAtOne(c));
    // Near t = 1 only G_M matters: h(1) = 2e-16/4, which a plain sum would give as 0.
    expect(hAtOne(c)).toBe((2 * 1e-16) / 4);
  });

  it('requireC takes any nonempty table of finite numbers and names the first bad entry', () => {
    expect(requireC([0.5])).toEqual([0.5]);
    expect(() => requireC([])).toThrow('c must have at least one entry (M >= 1)');
    expect(() => requireC([1, Number.NaN, Number.POSITIVE_INFINITY])).toThrow(
      'c[1] must be a finite number, got NaN',
    );
    expect(() => requireC([1, 2, Number.NEGATIVE_INFINITY])).toThrow(
      'c[2] must be a finite number, got -Infinity',
    );
    expect(() => hCoefficients([])).toThrow('at least one entry');
  });
});

describe('the normalizations of docs/theory.md §3', () => {
  it('normalizedH is h/h(1), and refuses a table with h(1) = 0', () => {
    const c = [1, 3, 2];
    for (const t of [0, 0.25, 0.5, 1]) expect(normalizedH(c, t)).toBe(h(c, t) / 2);
    expect(() => normalizedH([1, -1], 0.5)).toThrow('h_M(1) = 0');
  });

  it('harmonicShiftedH is h - (H_M - 1), H_M the harmonic number of M = c.length', () => {
    const c = [1, 3, 2];
    for (const t of [0, 0.25, 1]) {
      expect(harmonicShiftedH(c, t)).toBe(h(c, t) - (harmonic(3) - 1));
    }
    expect(harmonicShiftedH(c, 0)).toBe(1 - 11 / 6);
  });
});
