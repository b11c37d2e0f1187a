import { describe, expect, it } from 'vitest';
import { incompleteBetaRows } from '../../test/fixtures/beta/references.ts';
import { InputError } from '../errors/input-error.ts';
import { bernsteinPolynomial } from '../math/bernstein.ts';
import { regularizedIncompleteBeta } from '../math/special-functions.ts';
import { incompleteBeta, incompleteBetaDensity } from './beta-family.ts';
import { target } from './targets.ts';

const EPS = Number.EPSILON;
const rel = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

/**
 * Stated tolerances (relative, against 60-digit mpmath, test/fixtures/beta/incomplete-beta.json:
 * A, B in [0.05, 50], t from 1e-8 to 1 - 1e-8). The measured maxima are printed by the tests.
 */
const VALUE_TOL = 1e-12;
const DENSITY_TOL = 1e-12;

describe('incompleteBeta (stdlib betainc) against mpmath', () => {
  it(`I_t(A, B) is within ${VALUE_TOL} relative`, () => {
    let worst = 0;
    for (const [A, B, t, ref] of incompleteBetaRows) {
      worst = Math.max(worst, rel(incompleteBeta(t, A, B), ref));
    }
    console.log(
      `I_t(A, B), ${incompleteBetaRows.length} mpmath cases: max relative error ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThanOrEqual(VALUE_TOL);
  });

  it(`the density t^(A-1) (1-t)^(B-1) / B(A, B) is within ${DENSITY_TOL} relative`, () => {
    let worst = 0;
    for (const [A, B, t, , ref] of incompleteBetaRows) {
      worst = Math.max(worst, rel(incompleteBetaDensity(t, A, B), ref));
    }
    console.log(`density: max relative error ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(DENSITY_TOL);
  });

  it('the tolerances catch swapped parameters (the checks can fail)', () => {
    const asymmetric = incompleteBetaRows.filter(([A, B]) => A !== B);
    const caught = asymmetric.filter(
      ([A, B, t, value, density]) =>
        rel(incompleteBeta(t, B, A), value) > VALUE_TOL ||
        rel(incompleteBetaDensity(t, B, A), density) > DENSITY_TOL,
    );
    expect(caught.length).toBe(asymmetric.length);
  });

  it('agrees with the binomial-tail route at integer parameters to 1e-12 relative', () => {
    for (const [A, B] of [
      [1, 1],
      [1, 7],
      [3, 5],
      [12, 40],
    ] as const) {
      for (const t of [1e-3, 0.2, 0.5, 0.9]) {
        const ref = regularizedIncompleteBeta(t, A, B);
        expect(rel(incompleteBeta(t, A, B), ref), `${A} ${B} ${t}`).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('rejects parameters that are not > 0 and t outside [0, 1]', () => {
    expect(() => incompleteBeta(0.5, 0, 1)).toThrow(InputError);
    expect(() => incompleteBeta(0.5, 1, -2)).toThrow(/b must be a finite number > 0/);
    expect(() => incompleteBeta(1.5, 1, 1)).toThrow(InputError);
    expect(() => incompleteBetaDensity(0.5, Number.NaN, 1)).toThrow(InputError);
  });

  it('names the parameter that is out of range', () => {
    for (const f of [incompleteBeta, incompleteBetaDensity]) {
      expect(() => f(-0.5, 1, 1)).toThrow(/^t must /);
      expect(() => f(0.5, 0, 1)).toThrow(/^a must be a finite number > 0/);
      expect(() => f(0.5, 1, 0)).toThrow(/^b must be a finite number > 0/);
    }
  });
});

describe('the target beta:a=A,b=B (docs/theory.md §9)', () => {
  it('holds identity, pass@k and the GRPO limit', () => {
    for (const t of [0, 1e-4, 0.1, 0.37, 0.5, 0.9, 1 - 1e-6, 1]) {
      const tol = 4 * EPS;
      expect(Math.abs(target('beta:a=1,b=1').h(t) - t)).toBeLessThanOrEqual(tol);
      expect(Math.abs(target('beta:a=1,b=4').h(t) - target('passk:k=4').h(t))).toBeLessThanOrEqual(
        tol,
      );
      const arcsin = (2 / Math.PI) * Math.asin(Math.sqrt(t));
      expect(Math.abs(target('beta:a=0.5,b=0.5').h(t) - arcsin)).toBeLessThanOrEqual(tol);
    }
  });

  it('has a canonical spec and rejects a missing, zero, negative or unknown key', () => {
    const named = target('beta:b=1.5,a=0.5');
    expect(named.name).toBe('beta');
    expect(named.spec).toBe('beta:a=0.5,b=1.5');
    expect(() => target('beta:a=1')).toThrow("target 'beta' needs b=...");
    expect(() => target('beta:a=0,b=1')).toThrow("target 'beta': a must be a finite number > 0");
    expect(() => target('beta:a=1,b=-1')).toThrow(InputError);
    expect(() => target('beta:a=1,b=1,k=2')).toThrow(/has no key 'k'; allowed keys: a, b/);
  });

  it('logComplement is log(1 - h), without the cancellation of 1 - h near t = 1', () => {
    // I_t(1, k) = 1 - (1-t)^k: the log of the complement is k log(1 - t) exactly. It is computed
    // at 1 - t, whose rounding (eps/2) is an absolute floor near t = 0.
    const passk = target('beta:a=1,b=4');
    for (const t of [0, 1e-9, 0.3, 0.9, 1 - 1e-9]) {
      const exact = 4 * Math.log1p(-t);
      expect(Math.abs(passk.logComplement!(t) - exact), `t = ${t}`).toBeLessThanOrEqual(
        8 * EPS * Math.abs(exact) + 4 * EPS,
      );
    }
    // Where 1 - h does not cancel, it is the log of the plain difference.
    const general = target('beta:a=2.5,b=0.7');
    for (const t of [0.01, 0.2, 0.5]) {
      const plain = Math.log(1 - general.h(t));
      expect(Math.abs(general.logComplement!(t) - plain)).toBeLessThanOrEqual(
        1e-12 * Math.abs(plain) + 1e-15,
      );
    }
  });

  it('hPrime is the derivative of h (central difference, 1e-7 relative to max(1, |hPrime|))', () => {
    for (const spec of [
      'beta:a=0.5,b=0.5',
      'beta:a=0.58,b=1.7',
      'beta:a=3,b=0.2',
      'beta:a=20,b=7',
    ]) {
      const tg = target(spec);
      for (const t of [0.01, 0.2, 0.5, 0.8, 0.99]) {
        const step = 1e-5 * Math.min(t, 1 - t);
        const numeric = (tg.h(t + step) - tg.h(t - step)) / (2 * step);
        const exact = tg.hPrime(t);
        expect(Math.abs(numeric - exact) / Math.max(1, Math.abs(exact)), spec).toBeLessThan(1e-7);
      }
    }
  });

  it('derivativeInBernstein is exact for integer A, B with A + B - 2 <= n', () => {
    for (const [A, B, n] of [
      [1, 1, 0],
      [1, 4, 3],
      [2, 2, 2],
      [3, 5, 6],
      [3, 5, 40],
      [7, 1, 63],
    ] as const) {
      const tg = target(`beta:a=${A},b=${B}`);
      const c = tg.derivativeInBernstein(n)!;
      expect(c).toHaveLength(n + 1);
      for (const t of [0, 0.01, 0.2, 0.5, 0.8, 0.99, 1]) {
        const ref = tg.hPrime(t);
        expect(
          Math.abs(bernsteinPolynomial(c, t) - ref),
          `${A} ${B} n=${n} t=${t}`,
        ).toBeLessThanOrEqual(256 * EPS * Math.max(1, Math.abs(ref)));
      }
    }
  });

  it('derivativeInBernstein of beta:a=1,b=k is the pass@k row, and undefined off the polynomials', () => {
    const beta = target('beta:a=1,b=5').derivativeInBernstein(20)!;
    const passk = target('passk:k=5').derivativeInBernstein(20)!;
    beta.forEach((x, s) => {
      expect(Math.abs(x - passk[s]!)).toBeLessThanOrEqual(8 * EPS * Math.abs(passk[s]!));
    });
    expect(target('beta:a=0.5,b=2').derivativeInBernstein(10)).toBeUndefined();
    expect(target('beta:a=4,b=4').derivativeInBernstein(5)).toBeUndefined();
  });
});
