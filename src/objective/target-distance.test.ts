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

  it('rejects bad options', () => {
    expect(() => targetDistance([1], ARCSIN, { delta: 0 })).toThrow(InputError);
    expect(() => targetDistance([1], ARCSIN, { delta: 0.5 })).toThrow(InputError);
    expect(() => targetDistance([1], ARCSIN, { points: 2 })).toThrow(InputError);
  });
});
