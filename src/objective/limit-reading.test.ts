import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { grid } from '../math/grid.ts';
import { betainc } from '../math/lazy-stdlib.ts';
import { target } from '../targets/targets.ts';
import { betaFitRange } from './beta-fit.ts';
import { nameLimit } from './limit-naming.ts';
import {
  DEFAULT_LIMIT_M,
  LIMIT_SAMPLES,
  limitCounts,
  limitShape,
  readLimitShape,
  schemeLimitShape,
} from './limit-reading.ts';
import { namedTargetSpecs } from './nearest-target.ts';
import { rescaled, sampled, supDistance } from './sup-distance.ts';

const GRID = grid(0, 1, 101);
const NAMING = { targets: namedTargetSpecs(64), range: betaFitRange(64) };

/** Sup distance on GRID between a read limit and a function. */
function gap(
  shape: { on(ts: ArrayLike<number>): ReturnType<typeof sampled> },
  h: (t: number) => number,
) {
  return supDistance(shape.on(GRID), sampled(GRID, h)).distance;
}

/** RS-GRPO's weights (docs/theory.md §9) on a group of M with K correct, as a user's module computes them. */
function rsGrpoDifference(beta: number) {
  return (K: number) => {
    const M = DEFAULT_LIMIT_M;
    const mean = (K * Math.exp(beta) + (M - K)) / M;
    return (Math.exp(beta) / mean - 1) / beta - (1 / mean - 1) / beta;
  };
}

describe('limitCounts', () => {
  it('reads K from M^(1/3) to M - M^(1/3), equally spaced in logit, then K = 1 and M - 1', () => {
    const { inner, ends } = limitCounts(DEFAULT_LIMIT_M);
    expect(inner).toHaveLength(LIMIT_SAMPLES);
    expect(inner[0]).toBe(100);
    expect(inner.at(-1)).toBe(DEFAULT_LIMIT_M - 100);
    expect(inner.every((K, i) => i === 0 || K > inner[i - 1]!)).toBe(true);
    expect(ends).toEqual([1, DEFAULT_LIMIT_M - 1]);
    expect(() => limitCounts(999)).toThrow('the limit group size must be at least 1000, got 999');
  });
});

describe('the limit read from the scheme (docs/theory.md §9)', () => {
  it('F-GRPO (gamma = 1): I_t(1/2, 3/2), though its weights are singular like t^(-1/2)', () => {
    const shape = schemeLimitShape('f-grpo:gamma=1');
    expect(shape.kind).toBe('bounded');
    expect(shape.exponents.atZero).toBeCloseTo(-0.5, 3);
    expect(shape.exponents.atOne).toBeCloseTo(0.5, 3);
    expect(shape.evaluations).toBe(LIMIT_SAMPLES + 2);
    const exact = (t: number) => betainc(t, 0.5, 1.5);
    expect(gap(shape, exact)).toBeLessThan(1e-5);
    // The check can fail: GRPO's limit I_t(1/2, 1/2) is far from it.
    expect(gap(shape, (t) => betainc(t, 0.5, 0.5))).toBeGreaterThan(0.1);
    const named = nameLimit(shape, GRID, NAMING);
    expect(named.exact).toMatchObject({ target: 'beta:a=0.5,b=1.5' });
    expect(named.fit!.a).toBeCloseTo(0.5, 4);
    expect(named.fit!.b).toBeCloseTo(1.5, 4);
    expect(named.normalization).toEqual({ zeroAt: 0, oneAt: 1 });
    expect(named.points).toHaveLength(101);
  });

  it('GRPO: arcsin; pass@4: I_t(1, 4); reinforce: identity (alias passk:k=1)', () => {
    for (const [spec, name, member] of [
      ['grpo', 'arcsin', [0.5, 0.5]],
      ['passk:k=4', 'passk:k=4', [1, 4]],
      ['reinforce', 'identity', [1, 1]],
    ] as const) {
      const shape = schemeLimitShape(spec);
      expect(
        gap(shape, (t) => betainc(t, member[0], member[1])),
        spec,
      ).toBeLessThan(1e-5);
      const named = nameLimit(shape, GRID, NAMING);
      expect(named.nearest!.name, spec).toBe(name);
      expect(named.exact!.target, spec).toBe(name);
    }
  });

  it('RAFT (rs): log-type, normalized from the first grid point, nearest and exactly log', () => {
    const shape = schemeLimitShape('rs');
    expect(shape.kind).toBe('log-type');
    expect(shape.exponents.atZero).toBeCloseTo(-1, 3);
    const named = nameLimit(shape, GRID, NAMING);
    expect(named.normalization).toEqual({ zeroAt: 0.01, oneAt: 1 });
    expect(named.points[0]).toEqual([0.01, 0]);
    expect(named.nearest).toMatchObject({ name: 'log' });
    expect(named.nearest!.distance).toBeLessThan(1e-5);
    expect(named.exact!.target).toBe('log');
    expect(named.fit).toBeNull();
    expect(named.fitReason).toMatch(/unbounded \(log-type\)/);
  });

  it('pass@M (verl grpo_passk): degenerate, a step at 0, with no fit and no name', () => {
    const shape = schemeLimitShape('verl-grpo-passk');
    expect(shape.kind).toBe('degenerate');
    expect(shape.reason).toMatch(
      /reward only groups with K = 1 correct: h_M\(t\)\/h_M\(1\) tends to the step 1\[t > 0\]/,
    );
    const named = nameLimit(shape, GRID, NAMING);
    expect(named).toMatchObject({ nearest: null, fit: null, exact: null });
    expect(rescaled(shape.on(GRID)).points.slice(0, 3)).toEqual([
      [0, 0],
      [0.01, 1],
      [0.02, 1],
    ]);
  });

  it('refuses a group size below 1000', () => {
    expect(() => schemeLimitShape('grpo:eps=1e-8', 999)).toThrow(InputError);
  });

  it('RS-GRPO (beta = 2) from its group weights: bounded, within 1e-4 of log(1 + (e^2 - 1) t)', async () => {
    const shape = await readLimitShape(DEFAULT_LIMIT_M, rsGrpoDifference(2));
    expect(shape.kind).toBe('bounded');
    const rs = target('expr:log(1+(exp(2)-1)*t)/2');
    expect(gap(shape, (t) => rs.h(t))).toBeLessThan(1e-4);
    const named = nameLimit(shape, GRID, { ...NAMING, stated: rs });
    expect(named.exact!.target).toBe('expr:log(1+(exp(2)-1)*t)/2');
    // No named target is it: the nearest is far, and so is the best member of the family.
    expect(named.nearest!.distance).toBeGreaterThan(0.01);
    expect(named.fit!.distance).toBeGreaterThan(0.005);
  });

  it('MaxRL (Z = R/K - 1/M): log-type, nearest log', async () => {
    const shape = await readLimitShape(DEFAULT_LIMIT_M, (K) => 1 / K);
    expect(shape.kind).toBe('log-type');
    expect(nameLimit(shape, GRID, NAMING).nearest!.name).toBe('log');
  });

  it('weights that grow faster than 1/t concentrate at 0: degenerate, with the exponent', () => {
    const { inner } = limitCounts(DEFAULT_LIMIT_M);
    const shape = limitShape(
      DEFAULT_LIMIT_M,
      inner.map((K) => (K / DEFAULT_LIMIT_M) ** -2),
      [DEFAULT_LIMIT_M ** 2, 1],
    );
    expect(shape.kind).toBe('degenerate');
    expect(shape.exponents.atZero).toBeCloseTo(-2, 3);
    expect(shape.reason).toMatch(/grow like t\^\(-2\.00\) toward t = 0, faster than 1\/t/);
  });

  it('refuses weights that optimize nothing or favour wrong answers, and a reader that gives a reason', async () => {
    const { inner } = limitCounts(DEFAULT_LIMIT_M);
    expect(() =>
      limitShape(
        DEFAULT_LIMIT_M,
        inner.map(() => 0),
        [0, 0],
      ),
    ).toThrow(/every correct and wrong response of a group get the same weight/);
    expect(() =>
      limitShape(
        DEFAULT_LIMIT_M,
        inner.map(() => -1),
        [-1, -1],
      ),
    ).toThrow(/favour wrong answers/);
    await expect(
      readLimitShape(DEFAULT_LIMIT_M, (K) =>
        K > 5000 ? { reason: `not count form at K = ${K}` } : 1,
      ),
    ).rejects.toThrow(/^not count form at K = \d+$/);
  });
});
