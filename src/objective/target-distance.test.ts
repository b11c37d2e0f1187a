import { describe, expect, it } from 'vitest';
import { doubleC, grpoC } from '../../test/support/objective/c-tables.ts';
import { InputError } from '../errors/input-error.ts';
import { scheme } from '../schemes/index.ts';
import { target } from '../targets/targets.ts';
import { targetDistance } from './target-distance.ts';

const ARCSIN = target('arcsin');

describe('targetDistance', () => {
  it('at 0.05 from arcsin it separates verl-grpo at M = 64 from reinforce', () => {
    const grpo = targetDistance(grpoC(64, 'sample', 1e-6), ARCSIN).distance;
    const reinforce = targetDistance(doubleC('reinforce', 64), ARCSIN).distance;
    console.log(
      `distance to arcsin: verl-grpo M=64 ${grpo.toFixed(4)}, reinforce ${reinforce.toFixed(4)}`,
    );
    expect(grpo).toBeLessThanOrEqual(0.05);
    expect(reinforce).toBeGreaterThan(0.05);
    expect(targetDistance(scheme('verl-grpo', 64).c, ARCSIN).distance).toBeCloseTo(grpo, 12);
  });

  it('is 0 for an exact affine image of the target, and invariant to scaling c', () => {
    const passk = doubleC('passk', 32, 4);
    expect(targetDistance(passk, target('passk:k=4')).distance).toBeLessThanOrEqual(1e-12);
    expect(targetDistance(doubleC('dr-grpo', 32), target('identity')).distance).toBeLessThanOrEqual(
      1e-12,
    );
    const c = grpoC(64, 'sample', 1e-6);
    const a = targetDistance(c, ARCSIN).distance;
    const b = targetDistance(
      c.map((x) => 7 * x),
      ARCSIN,
    ).distance;
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12);
  });

  it('picks the right nearest target among identity, log, logit, arcsin, passk', () => {
    const names = ['identity', 'log', 'logit', 'arcsin', 'passk:k=2', 'passk:k=4'];
    const nearest = (c: number[]) =>
      names
        .map((n) => [n, targetDistance(c, target(n)).distance] as const)
        .sort((x, y) => x[1] - y[1])[0]![0];
    expect(nearest(doubleC('rloo', 16))).toBe('identity');
    expect(nearest(doubleC('passk', 16, 4))).toBe('passk:k=4');
    expect(nearest(grpoC(256, 'population', 1e-8))).toBe('arcsin');
    expect(nearest(doubleC('rs', 4096))).toBe('log');
  });

  it('never fits a decreasing h_M to an increasing target (slope >= 0)', () => {
    // c = -1 gives h_M = -t: an exact affine image of identity only through a negative slope,
    // which would optimize the opposite objective. Its distance is that of a constant, 1/2.
    const decreasing = targetDistance([-1, -1, -1, -1], target('identity'));
    expect(decreasing.slope).toBe(0);
    expect(decreasing.distance).toBeCloseTo(0.5, 12);
  });

  // pass@k at k in the thousands is 1 - e^(-k/1000) at t = 1e-3 and above: within a few ulps
  // of 1 on the whole grid, so its scaled values are computed from log(1 - h) instead.
  it('compares a target that saturates through its complement: pass@k up to k = M = 40000', () => {
    const M = 40_000;
    const passk = target(`passk:k=${M}`);
    const c = scheme(`passk:k=${M}`, M).c; // h_M is exactly pass@M
    expect(targetDistance(c, passk).distance).toBeLessThanOrEqual(1e-12);
    // The check fails on the plain difference: the span h(1 - delta) - h(delta) rounds to 0.
    expect(() => targetDistance(c, { h: passk.h, spec: passk.spec })).toThrow(
      /^target 'passk:k=40000' must be finite and increasing on \[0\.001, 0\.999\]/,
    );
    // Where the plain difference still has most of its digits (span e^-2), the two agree.
    const k2000 = target('passk:k=2000');
    for (const spec of ['reinforce', 'rs', 'passk:k=1000']) {
      const cs = scheme(spec, 2000).c;
      const viaComplement = targetDistance(cs, k2000);
      const plain = targetDistance(cs, { h: k2000.h });
      expect(Math.abs(viaComplement.distance - plain.distance)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(viaComplement.intercept - plain.intercept)).toBeLessThanOrEqual(1e-9);
      expect(viaComplement.slope).toBeCloseTo(plain.slope, 6);
    }
  });

  // On [0.1, 0.9], pass@8000 is within 0.9^8000 = 1e-366 of 1: below every normal double.
  it('refuses, naming the target, a comparison that no double can make', () => {
    const c = scheme('passk:k=8000', 8000).c;
    const options = { delta: 0.1, points: 3 };
    expect(() => targetDistance(c, target('passk:k=8000'), options)).toThrow(
      /^h_M is within the smallest doubles of h_M\(1\) on all of \[0\.1, 0\.9\], where it is compared with target 'passk:k=8000'/,
    );
    const reinforce = scheme('reinforce', 8000).c;
    expect(targetDistance(reinforce, target('passk:k=8000'), options).distance).toBeGreaterThan(
      0.1,
    );
  });

  it('rejects bad options', () => {
    expect(() => targetDistance([1], ARCSIN, { delta: 0 })).toThrow(InputError);
    expect(() => targetDistance([1], ARCSIN, { delta: 0.5 })).toThrow(InputError);
    expect(() => targetDistance([1], ARCSIN, { points: 2 })).toThrow(InputError);
  });
});
