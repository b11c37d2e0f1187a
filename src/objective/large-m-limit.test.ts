import { describe, expect, it } from 'vitest';
import { div, exactH, frac, fromDouble, toNumber } from '../../test/support/objective/exact.ts';
import { scheme } from '../schemes/scheme.ts';
import { largeMLimit } from './large-m-limit.ts';
import { objectiveLimit } from './objective-table.ts';

const GRID = Array.from({ length: 101 }, (_, j) => (j === 100 ? 1 : j / 100));

describe('largeMLimit (docs/theory.md §9)', () => {
  it('grpo: successive objectives and the distance to I_t(1/2, 1/2) shrink', () => {
    const study = objectiveLimit({ scheme: 'grpo', M: [16, 64, 256] });
    expect(study.scheme).toBe('grpo:std=population,eps=1e-8,eps-at=std');
    expect(study.limit).toEqual({
      text: 'I_t(1/2, 1/2) = (2/pi) arcsin sqrt t (eps -> 0)',
      target: 'beta:a=0.5,b=0.5',
    });
    expect(study.grid).toBe(101);
    expect(study.successiveShrink).toBe(true);
    expect(study.limitShrink).toBe(true);
    const [first, second, third] = study.sizes;
    expect(first!.fromPrevious).toBeNull();
    // The distances are the sups they claim to be, against an independent reference: h_M(t)/h_M(1)
    // in exact rationals from the same c (BigInt), and the limit's closed form (2/pi) asin sqrt t.
    // The library evaluates h in floating point, a few ulps of h(1) from the exact value.
    const [h16, h64, h256] = [16, 64, 256].map((M) => exactNormalized(scheme('grpo', M).c));
    const arcsin = GRID.map((t) => (2 / Math.PI) * Math.asin(Math.sqrt(t)));
    expect(Math.abs(second!.fromPrevious! - supGap(h64!, h16!))).toBeLessThanOrEqual(64 * EPS);
    expect(Math.abs(third!.toLimit! - supGap(h256!, arcsin))).toBeLessThanOrEqual(64 * EPS);
    expect(third!.fit!.a).toBeCloseTo(0.5783, 4);
  });

  it('says NOT shrinking when the sizes run backwards in effect (a mutant sequence)', () => {
    const inputs = [256, 64, 16].map((M) => ({ M, c: [...scheme('grpo', M).c] }));
    const study = largeMLimit(inputs, GRID, { text: 'x', target: 'beta:a=0.5,b=0.5' });
    expect(study.successiveShrink).toBe(false);
    expect(study.limitShrink).toBe(false);
  });

  it('passk is its limit at every M; rs has a limit outside the family; gaps say why', () => {
    const passk = objectiveLimit({ scheme: 'passk:k=3', M: [4, 8, 16], grid: 11 });
    for (const size of passk.sizes) expect(size.toLimit!).toBeLessThan(1e-14);
    const rs = objectiveLimit({ scheme: 'rs', M: [4, 16] });
    expect(rs.limit!.target).toBe('log');
    expect(rs.sizes.every((s) => s.toLimit === null)).toBe(true);
    expect(rs.limitShrink).toBeNull();
    const gaps = largeMLimit(
      [
        { M: 4, c: [1, 1, 1, 1] },
        { M: 8, c: null, reason: 'not count form' },
        { M: 16, c: [1, -1, ...new Array(14).fill(1)] },
      ],
      GRID,
    );
    expect(gaps.limit).toBeNull();
    expect(gaps.sizes[1]).toEqual({
      M: 8,
      fit: null,
      fitReason: 'not count form',
      fromPrevious: null,
      toLimit: null,
    });
    expect(gaps.sizes[2]!.fit).toBeNull();
    expect(gaps.sizes[2]!.fitReason).toMatch(/c\[1\] = -1 < 0/);
    expect(gaps.successiveShrink).toBeNull();
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
