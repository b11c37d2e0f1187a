import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { betainc } from '../math/lazy-stdlib.ts';
import { FORMULA_FUNCTIONS, formulaTarget, requireTargetOn } from './formula-target.ts';
import { functionTarget, target } from './targets.ts';

const RS = 'log(1+(exp(2)-1)*t)/2';
const ts = Array.from({ length: 99 }, (_, j) => (j + 1) / 100);

describe('targets from a formula: expr: for h, dexpr: for h′ (docs/theory.md §9)', () => {
  it('expr: evaluates h, and h′ by the symbolic derivative', () => {
    const rs = target(`expr:${RS}`);
    expect(rs).toMatchObject({ name: 'expr', spec: `expr:${RS}` });
    expect(rs.member).toBeUndefined();
    for (const t of ts) {
      const exact = Math.log1p(Math.expm1(2) * t) / 2;
      const slope = Math.expm1(2) / (2 * (1 + Math.expm1(2) * t));
      expect(Math.abs(rs.h(t) - exact)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(exact));
      expect(Math.abs(rs.hPrime(t) / slope - 1)).toBeLessThan(1e-14);
    }
    expect(rs.derivativeInBernstein(8)).toBeUndefined();
    // pi, e, powers written as ^, and a function mathjs cannot differentiate (central difference).
    const mixed = target('expr:pi*t^2 + e*log1p(t)');
    expect(mixed.h(0.5)).toBeCloseTo(Math.PI / 4 + Math.E * Math.log1p(0.5), 14);
    expect(Math.abs(mixed.hPrime(0.5) / (Math.PI + Math.E / 1.5) - 1)).toBeLessThan(1e-8);
  });

  it('expr:t is the identity: a formula may be the variable alone', () => {
    const identity = target('expr:t');
    for (const t of [0, 0.25, 1]) expect(identity.h(t)).toBe(t);
    expect(identity.hPrime(0.3)).toBe(1);
  });

  it('blanks around the kind and the formula are not part of the spec, as around a name', () => {
    expect(target(' identity ').spec).toBe('identity');
    for (const spec of [' expr:t', 'expr : t', 'expr: t '])
      expect(target(spec).spec).toBe('expr:t');
    expect(() => formulaTarget('expr', '   ')).toThrow("target 'expr:   ': the formula is empty");
  });

  it('h′ where mathjs has no derivative: the difference quotient, 1e-8 relative up to t = 1/2', () => {
    // log1p has no symbolic derivative in mathjs, so h′ of the whole formula is a difference
    // quotient whose step is a 1e-6 fraction of the distance to the nearer end; h(0) = 0, so
    // the rounding of h stays relative down to t = 1e-7. (Towards 1 the rounding of t ± d
    // itself, eps/(1e-6 (1 - t)), bounds the accuracy.)
    const curve = target('expr:log1p(t) + t^3');
    const exact = (t: number) => 1 / (1 + t) + 3 * t * t;
    for (const t of [1e-7, 1e-3, 0.1, 0.5]) {
      expect(Math.abs(curve.hPrime(t) / exact(t) - 1), `t = ${t}`).toBeLessThan(1e-8);
    }
  });

  it('h′ at 0 and 1 is one-sided: it never evaluates h outside [0, 1]', () => {
    // t^1.5 is NaN below 0, (1 - t)^1.5 above 1. At 0, where h(0) = 0, the quotient is
    // accurate; at 1 the step is 1e-15 and h(1) rounds, so only its order is checked.
    const left = target('expr:log1p(t) + t^1.5');
    expect(Math.abs(left.hPrime(0) - 1)).toBeLessThan(1e-6);
    const right = target('expr:log1p(t) - log(2) - (1 - t)^1.5').hPrime(1);
    expect(right).toBeGreaterThan(0.25);
    expect(right).toBeLessThan(1);
  });

  it('h′ at 0 where h(0) is not 0: the one-sided quotient still has the order of h′(0)', () => {
    // The step at 0 is 1e-15, so h(0) = 1 rounds the difference to a few ulps of 1: only the
    // order of h′(0) = 1 survives, as at t = 1 above.
    const shifted = target('expr:log1p(t) + t^1.5 + 1').hPrime(0);
    expect(shifted).toBeGreaterThan(0.5);
    expect(shifted).toBeLessThan(2);
  });

  it('dexpr: h is the antiderivative of h′ that is 0 at t = 1/2', () => {
    const square = target('dexpr:2*t');
    expect(square.h(0.5)).toBe(0);
    // The antiderivative's stated accuracy: about 1e-8.
    for (const t of [0, 0.2, 0.9, 1]) expect(square.h(t)).toBeCloseTo(t * t - 0.25, 7);
  });

  it('dexpr: integrates h′ (up to a constant), with singular and log-type ends', () => {
    const arcsin = target('dexpr:1/sqrt(t*(1-t))');
    const h0 = arcsin.h(0);
    const span = arcsin.h(1) - h0;
    for (const t of [0, 0.001, 0.1, 0.5, 0.9, 0.999, 1]) {
      expect(Math.abs((arcsin.h(t) - h0) / span - betainc(t, 0.5, 0.5))).toBeLessThan(1e-8);
    }
    expect(arcsin.hPrime(0.25)).toBeCloseTo(1 / Math.sqrt(0.1875), 14);
    const log = target('dexpr:1/t');
    expect(log.h(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log.h(0.8) - log.h(0.1)).toBeCloseTo(Math.log(8), 8);
    const rs = target(`dexpr:(exp(2)-1)/(1+(exp(2)-1)*t)`);
    expect((rs.h(0.7) - rs.h(0)) / (rs.h(1) - rs.h(0))).toBeCloseTo(
      Math.log1p(Math.expm1(2) * 0.7) / 2,
      8,
    );
  });

  it.each([
    [
      'expr:log(1+',
      /^target 'expr:log\(1\+': cannot parse the formula: Unexpected end of expression/,
    ],
    ['expr:', /the formula is empty/],
    ['expr:x*t', /unknown variable 'x'; a formula may use t and the constants e, pi/],
    ['expr:import("fs")', `unknown function 'import'; allowed: ${FORMULA_FUNCTIONS.join(', ')}`],
    ['expr:t + "1"', `target 'expr:t + "1"': '"1"' is not allowed`],
    ['expr:t + true', /'true' is not allowed/],
    ['expr:t=1', /'t = 1' is not allowed/],
    ['expr:[t, 1]', /is not allowed/],
    ['expr:t > 0', /is not allowed/],
    ['expr:f(t) = t', /is not allowed/],
    ['expr:evaluate("1")', /unknown function 'evaluate'/],
    ['expr:log(t - 0.5)', /h is NaN at t = 0; it may be infinite at 0 and 1, but not NaN/],
    ['expr:sqrt(t*(t - 0.5))', /h is NaN at t = 0\.001; it must be finite inside \(0, 1\)/],
    ['expr:1/(t - 0.5)', /h is Infinity at t = 0\.5/],
    ['expr:1 - t', /h must increase on \(0, 1\)/],
    ['expr:1', /^target 'expr:1': h must increase on \(0, 1\)/],
    ['expr:t + 0*log(1-t)', /h is NaN at t = 1; it may be infinite at 0 and 1, but not NaN/],
    ['dexpr:sqrt((t-1e-6)*(t-1e-4))', /^target 'dexpr:[^']*': h' is NaN at t = 0\.00000104$/],
    ['dexpr:sqrt((t-1e-11)*(t-1e-9))', /h' is NaN at t = 1\.00e-10$/],
    ['dexpr:sqrt(t - 0.5)', /h' is NaN at t = 0;/],
    ['dexpr:-1', /h must increase/],
  ] as const)('%s is bad input: one line', (spec, message) => {
    let error: unknown;
    try {
      target(spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('log at 0 and logit at both ends may be infinite, as the named targets are', () => {
    expect(target('expr:log(t)').h(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(target('expr:log(t/(1-t))').h(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("requireTargetOn checks a command's own grid", () => {
    const curve = target('expr:log(t)');
    expect(() => requireTargetOn(curve, [0, 0.5, 1])).not.toThrow();
    expect(() => requireTargetOn(target('logit'), [0, 0.5, 1])).not.toThrow();
    // Finite at every t = j/1000 the formula is checked on, not at this grid's first point.
    const pole = target('expr:-1/abs(t-0.0005)');
    expect(() => requireTargetOn(pole, [0.0005, 0.5])).toThrow(
      "target 'expr:-1/abs(t-0.0005)' is -Infinity at t = 0.0005 of the grid",
    );
  });
});

describe('functionTarget (the library API)', () => {
  it('takes h, h′ or both, and checks them as formulas are checked', () => {
    const fromH = functionTarget({ h: (t) => Math.log1p(Math.expm1(2) * t), name: 'rs' });
    expect(fromH).toMatchObject({ name: 'function', spec: 'rs' });
    expect(fromH.hPrime(0.5) / (Math.expm1(2) / (1 + Math.expm1(2) / 2)) - 1).toBeLessThan(1e-8);
    const fromDerivative = functionTarget({ hPrime: (t) => 2 * t });
    expect(fromDerivative.h(0.5) - fromDerivative.h(0)).toBeCloseTo(0.25, 7);
    expect(() => functionTarget({})).toThrow('target function: give h, hPrime or both');
    expect(() => functionTarget({ h: (t) => -t })).toThrow(InputError);
  });
});
