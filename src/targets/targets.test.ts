import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { bernsteinPolynomial } from '../math/bernstein.ts';
import { TARGET_NAMES, target } from './targets.ts';

const TS = [0.01, 0.2, 0.5, 0.8, 0.99];
const EPS = Number.EPSILON;

describe('target', () => {
  it('has the docs/theory.md §3 values and canonical specs', () => {
    expect(target('identity').h(0.3)).toBe(0.3);
    expect(target('log').h(0.5)).toBe(Math.log(0.5));
    expect(target('logit').h(0.5)).toBe(0);
    expect(target('arcsin').h(1)).toBeCloseTo(Math.PI, 15);
    expect(target('power:q=0.5').h(0.25)).toBe(0.5);
    expect(target('passk:k=3').h(0.5)).toBeCloseTo(0.875, 15);
    expect(target('passk:k=3').spec).toBe('passk:k=3');
    expect(target('power:q=2').name).toBe('power');
  });

  it('hPrime is the derivative of h (central difference, 1e-7 relative to max(1, |hPrime|))', () => {
    for (const spec of [
      'identity',
      'log',
      'logit',
      'arcsin',
      'power:q=0.5',
      'power:q=3',
      'passk:k=4',
    ]) {
      const tg = target(spec);
      for (const t of TS) {
        const step = 1e-5 * Math.min(t, 1 - t);
        const numeric = (tg.h(t + step) - tg.h(t - step)) / (2 * step);
        expect(
          Math.abs(numeric - tg.hPrime(t)) / Math.max(1, Math.abs(tg.hPrime(t))),
          spec,
        ).toBeLessThanOrEqual(1e-7);
      }
    }
  });

  it('derivativeInBernstein is exact where h is a polynomial of degree <= n + 1', () => {
    for (const [spec, n] of [
      ['identity', 0],
      ['identity', 9],
      ['passk:k=1', 5],
      ['passk:k=4', 3],
      ['passk:k=4', 63],
      ['power:q=1', 4],
      ['power:q=3', 2],
      ['power:q=3', 40],
    ] as const) {
      const tg = target(spec);
      const c = tg.derivativeInBernstein(n)!;
      expect(c).toHaveLength(n + 1);
      for (const t of [0, ...TS, 1]) {
        const ref = tg.hPrime(t);
        expect(
          Math.abs(bernsteinPolynomial(c, t) - ref),
          `${spec} n=${n} t=${t}`,
        ).toBeLessThanOrEqual(64 * EPS * Math.max(1, Math.abs(ref)));
      }
    }
  });

  it('derivativeInBernstein is undefined when h is not such a polynomial', () => {
    for (const spec of ['log', 'logit', 'arcsin', 'power:q=0.5']) {
      expect(target(spec).derivativeInBernstein(10)).toBeUndefined();
    }
    expect(target('passk:k=5').derivativeInBernstein(3)).toBeUndefined();
    expect(target('power:q=5').derivativeInBernstein(3)).toBeUndefined();
  });

  it('the derivative check fails for h and hPrime of different targets', () => {
    const t = 0.3;
    const step = 1e-6;
    const numeric = (target('logit').h(t + step) - target('logit').h(t - step)) / (2 * step);
    expect(Math.abs(numeric - target('log').hPrime(t))).toBeGreaterThan(1e-7);
  });

  it('the exactness check fails for passk of the wrong k (the check can fail)', () => {
    const c = target('passk:k=3').derivativeInBernstein(10)!;
    expect(Math.abs(bernsteinPolynomial(c, 0.4) - target('passk:k=4').hPrime(0.4))).toBeGreaterThan(
      1e-3,
    );
  });

  it.each([
    'nope',
    'power',
    'power:q=0',
    'power:q=-1',
    'passk:k=0',
    'passk:k=1.5',
    'log:q=1',
    'passk:k=x',
  ])('rejects %j with an InputError', (spec) => {
    expect(() => target(spec)).toThrow(InputError);
  });

  it.each([
    [
      'nope',
      `unknown target 'nope'; allowed: ${TARGET_NAMES.join(', ')}, or expr:FORMULA, dexpr:FORMULA`,
    ],
    ['exprt', "unknown target 'exprt'"],
    ['passk:k=1.5', "target 'passk': k must be a positive integer, got 1.5"],
    ['power:q', "target spec 'power:q': expected key=value, got 'q'"],
  ])('the error for %j names the target and what is wrong', (spec, message) => {
    expect(() => target(spec)).toThrow(message);
  });

  it('derivativeInBernstein refuses a degree that is not a non-negative integer, for every target', () => {
    const specs = ['identity', 'log', 'logit', 'arcsin', 'power:q=2', 'passk:k=3', 'beta:a=2,b=3'];
    for (const spec of [...specs, 'expr:t^2', 'dexpr:2*t']) {
      for (const n of [-1, 1.5, Number.NaN, 2 ** 53]) {
        expect(() => target(spec).derivativeInBernstein(n), `${spec} n=${n}`).toThrow(
          `degree n must be a non-negative integer, got ${n}`,
        );
      }
    }
  });
});
