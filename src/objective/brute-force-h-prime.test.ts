import { describe, expect, it } from 'vitest';
import { doubleC, grpoC, relErr } from '../../test/support/objective/c-tables.ts';
import { InputError } from '../errors/input-error.ts';
import { catalogueAt, scheme } from '../schemes/index.ts';
import { bruteForceHPrime } from './brute-force-h-prime.ts';
import { hPrime } from './h.ts';

// Native group formulas written here from docs/theory.md §3 (not from src/schemes), so the comparison
// with hPrime(c) checks the count-form algebra and not one module against itself.
const native = (M: number, formula: (R: readonly number[], K: number) => number[]) => ({
  M,
  advantages: (R: readonly number[]) =>
    formula(
      R,
      R.reduce((x, y) => x + y, 0),
    ),
});
const grpoNative = (M: number, eps: number) =>
  native(M, (R, K) => {
    const mu = K / M;
    const sd = Math.sqrt(R.reduce((acc, r) => acc + (r - mu) ** 2, 0) / (M - 1));
    return R.map((r) => (sd === 0 ? 0 : (r - mu) / (sd + eps)));
  });
const rsNative = (M: number) => native(M, (R, K) => R.map((r) => (K === 0 ? 0 : (M * r) / K)));
const rlooNative = (M: number) => native(M, (R, K) => R.map((r) => r - (K - r) / (M - 1)));
// A classic slip: the leave-one-out baseline that counts the response itself.
const rlooSelfCounting = (M: number) => native(M, (R, K) => R.map((r) => r - K / (M - 1)));

const TS = [1e-4, 0.01, 0.2, 0.5, 0.77, 0.999];
const TOL = 1e-11; // relative; the brute-force sum cancels a few digits at small t

describe('bruteForceHPrime (enumerating K with the native formula)', () => {
  it.each([2, 3, 8, 33])('equals hPrime(c) for independent native formulas, M = %i', (M) => {
    for (const t of TS) {
      expect(
        relErr(bruteForceHPrime(grpoNative(M, 1e-6), t), hPrime(grpoC(M, 'sample', 1e-6), t)),
      ).toBeLessThanOrEqual(TOL);
      expect(
        relErr(bruteForceHPrime(rsNative(M), t), hPrime(doubleC('rs', M), t)),
      ).toBeLessThanOrEqual(TOL);
      expect(relErr(bruteForceHPrime(rlooNative(M), t), 1)).toBeLessThanOrEqual(TOL);
    }
  });

  it.each([...catalogueAt(12), 'passk:k=3', 'verl-grpo', 'design:target=logit'])(
    'equals hPrime(c) for the catalogue scheme %s at M = 12',
    (spec) => {
      const s = scheme(spec, 12);
      for (const t of TS)
        expect(relErr(bruteForceHPrime(s, t), hPrime(s.c, t))).toBeLessThanOrEqual(TOL);
    },
  );

  it('flags a self-counting RLOO baseline (the check can fail)', () => {
    expect(relErr(bruteForceHPrime(rlooSelfCounting(8), 0.3), 1)).toBeGreaterThan(TOL);
  });

  it('needs t in (0, 1)', () => {
    expect(() => bruteForceHPrime(rsNative(4), 0)).toThrow(InputError);
    expect(() => bruteForceHPrime(rsNative(4), 1)).toThrow(InputError);
  });
});
