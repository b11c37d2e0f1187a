import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../../test/support/files/test-dir.ts';
import { div, exactH, frac, fromDouble, toNumber } from '../../test/support/objective/exact.ts';
import { grid } from '../math/grid.ts';
import { betainc } from '../math/lazy-stdlib.ts';
import { scheme } from '../schemes/scheme.ts';
import { largeMLimit, limitCurve } from './large-m-limit.ts';
import { objectiveLimit } from './objective-table.ts';
import { sampled, supDistance } from './sup-distance.ts';

const TMP = testDir('rl-objective-limit-');

const GRID = grid(0, 1, 101);

describe('largeMLimit (docs/theory.md §9)', () => {
  it('grpo: the read limit is arcsin; successive objectives and both distances shrink', () => {
    const study = objectiveLimit({ scheme: 'grpo', M: [16, 64, 256] });
    expect(study.scheme).toBe('grpo:std=population,eps=1e-8,eps-at=std');
    // The stated limit is tried first for the exact name: arcsin as the catalogue writes it.
    expect(study.limit).toMatchObject({ kind: 'bounded', exact: { target: 'beta:a=0.5,b=0.5' } });
    expect(study.largeM.stated).toEqual({
      text: 'I_t(1/2, 1/2) = (2/pi) arcsin sqrt t (eps -> 0)',
      target: 'beta:a=0.5,b=0.5',
    });
    expect(study.largeM.grid).toBe(101);
    expect(study.largeM.successive.verdict).toBe('shrinking');
    expect(study.largeM.toStated!.verdict).toBe('shrinking');
    expect(study.largeM.toLimit!.verdict).toBe('shrinking');
    const [first, second, third] = study.largeM.sizes;
    expect(first!.fromPrevious).toBeNull();
    // The distances are the sups they claim to be, against an independent reference: h_M(t)/h_M(1)
    // in exact rationals from the same c (BigInt), and the limit's closed form (2/pi) asin sqrt t.
    // The library evaluates h in floating point, a few ulps of h(1) from the exact value.
    const [h16, h64, h256] = [16, 64, 256].map((M) => exactNormalized(scheme('grpo', M).c));
    const arcsin = GRID.map((t) => (2 / Math.PI) * Math.asin(Math.sqrt(t)));
    expect(Math.abs(second!.fromPrevious! - supGap(h64!, h16!))).toBeLessThanOrEqual(64 * EPS);
    expect(Math.abs(third!.toStated! - supGap(h256!, arcsin))).toBeLessThanOrEqual(64 * EPS);
    // The read limit is arcsin to 1e-5, so the two distances agree to that.
    expect(Math.abs(third!.toLimit! - third!.toStated!)).toBeLessThan(1e-5);
    expect(third!.fit!.a).toBeCloseTo(0.5783, 4);
  });

  it('grpo with eps = 1: the distances to arcsin level off, and the read limit is not arcsin', () => {
    const study = objectiveLimit({ scheme: 'grpo:eps=1', M: [64, 256, 1024] });
    expect(study.largeM.toStated!.verdict).toBe('levels-off');
    expect(study.largeM.toStated!.text).toMatch(/^levels off at about 0\.0\d+ \(/);
    expect(study.limit!.exact).toBeNull();
  });

  it('says NOT shrinking when the sizes run backwards in effect (a mutant sequence)', () => {
    const inputs = [256, 64, 16].map((M) => ({ M, c: [...scheme('grpo', M).c] }));
    const study = largeMLimit(inputs, GRID, {
      stated: { text: 'x', target: 'beta:a=0.5,b=0.5' },
    });
    expect(study.largeM.successive.verdict).toBe('not-shrinking');
    expect(study.largeM.toStated!.verdict).toBe('not-shrinking');
  });

  it('passk is its limit at every M; rs is log, compared from the first grid point; gaps say why', () => {
    const passk = objectiveLimit({ scheme: 'passk:k=3', M: [4, 8, 16], grid: 11 });
    for (const size of passk.largeM.sizes) expect(size.toStated!).toBeLessThan(1e-14);
    expect(passk.largeM.toStated!.verdict).toBe('rounding');
    const rs = objectiveLimit({ scheme: 'rs', M: [4, 16, 64] });
    expect(rs.largeM.stated!.target).toBe('log');
    expect(rs.limit).toMatchObject({ kind: 'log-type', normalization: { zeroAt: 0.01, oneAt: 1 } });
    expect(rs.largeM.toStated!.verdict).toBe('shrinking');
    const gaps = largeMLimit(
      [
        { M: 4, c: [1, 1, 1, 1] },
        { M: 8, c: null, reason: 'not count form' },
        { M: 16, c: [1, -1, ...new Array(14).fill(1)] },
      ],
      GRID,
    );
    expect(gaps.limit).toBeNull();
    expect(gaps.largeM.sizes[1]).toEqual({
      M: 8,
      fit: null,
      fitReason: 'not count form',
      fromPrevious: null,
      toStated: null,
      toLimit: null,
    });
    expect(gaps.largeM.sizes[2]!.fitReason).toMatch(/c\[1\] = -1 < 0/);
    expect(gaps.largeM.successive.text).toBe('cannot tell (a distance is missing)');
  });

  it('a stated formula: F-GRPO against I_t(1/2, 3/2) written as dexpr', () => {
    const study = objectiveLimit({
      scheme: 'f-grpo:gamma=1',
      M: [16, 64],
      stated: 'dexpr:t^(-1/2)*(1-t)^(1/2)',
    });
    expect(study.largeM.stated!.target).toBe('dexpr:t^(-1/2)*(1-t)^(1/2)');
    expect(study.limit!.exact!.target).toBe('dexpr:t^(-1/2)*(1-t)^(1/2)');
    const member = sampled(GRID, (t) => betainc(t, 0.5, 1.5));
    const curve = limitCurve(study.limit!, GRID);
    expect(supDistance(curve, member).distance).toBeLessThan(1e-5);
  });

  it('a table scheme has no limit to read, and says why; a bad limit size is bad input', () => {
    const file = join(TMP, 'table.json');
    writeFileSync(file, JSON.stringify({ M: 4, a: [0, 0, 0, 0], b: [1, 1, 1, 1] }));
    const study = objectiveLimit({ scheme: `table:file=${file}`, M: [4] });
    expect(study.limit).toBeNull();
    expect(study.limitReason).toMatch(/M = 1000000/);
    expect(() => objectiveLimit({ scheme: 'grpo', M: [16], limitM: 999 })).toThrow(
      'the limit group size must be at least 1000, got 999',
    );
  });

  it('rejects sizes that do not increase', () => {
    expect(() => objectiveLimit({ scheme: 'grpo', M: [64, 16] })).toThrow(
      'the group sizes of --limit must increase, got 64 then 16',
    );
    expect(() => objectiveLimit({ scheme: 'grpo', M: [] })).toThrow(/at least one group size/);
  });
});

const EPS = Number.EPSILON;

/**
 * h_M(t)/h_M(1) at t = j/100, j = 0..100 (GRID up to its rounding, which moves h by far less
 * than an ulp), exactly in BigInt rationals from the doubles of c, then rounded.
 */
function exactNormalized(c: readonly number[]): number[] {
  const exact = c.map(fromDouble);
  const one = exactH(exact, frac(1));
  return GRID.map((_, j) => toNumber(div(exactH(exact, frac(j, 100)), one)));
}

/** max_j |x_j - y_j|. */
function supGap(x: readonly number[], y: readonly number[]): number {
  return Math.max(...x.map((v, j) => Math.abs(v - y[j]!)));
}
