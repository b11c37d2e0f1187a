import { describe, expect, it } from 'vitest';
import { exactSquareSums } from './group-normalized.ts';

// Deterministic (exact rational arithmetic): false-fail rate 0.

/** A finite double as the exact rational `num / 2^shift` (BigInt), by doubling until integer. */
function rational(x: number): { num: bigint; shift: number } {
  let shift = 0;
  let y = x;
  while (!Number.isInteger(y)) {
    y *= 2;
    shift++;
  }
  return { num: BigInt(y), shift };
}

/** The exponent `e` with `x = m 2^e`, `m` odd, of a positive double, from its exact rational. */
function unitExponentOf(x: number): number {
  let { num, shift } = rational(x);
  while (num % 2n === 0n) {
    num /= 2n;
    shift--;
  }
  return -shift;
}

/**
 * The rule exactSquareSums states, in exact arithmetic: with `q0 = (0 - K/M)^2` and
 * `q1 = (1 - K/M)^2` as doubles, every partial sum of the loop's squares is exact when both
 * (those present) are integer multiples of `2^e` and `K q1 + (M - K) q0 <= 2^(52 + e)`.
 */
function reference(M: number): number[] {
  return Array.from({ length: M + 1 }, (_, K) => {
    const mean = K / M;
    const present = [K < M ? (0 - mean) * (0 - mean) : 0, K > 0 ? (1 - mean) * (1 - mean) : 0];
    const squares = present.filter((q) => q !== 0);
    if (squares.length === 0) return 1;
    const e = Math.min(...squares.map(unitExponentOf));
    // K q1 + (M - K) q0 over the common denominator 2^D.
    const [q0, q1] = present.map(rational);
    const D = Math.max(q0!.shift, q1!.shift);
    const total =
      BigInt(K) * q1!.num * 2n ** BigInt(D - q1!.shift) +
      BigInt(M - K) * q0!.num * 2n ** BigInt(D - q0!.shift);
    const bound = 52 + e + D;
    const limit = bound >= 0 ? 2n ** BigInt(bound) : 0n;
    return bound >= 0 && total <= limit ? 1 : 0;
  });
}

describe('exactSquareSums, against its rule in exact rational arithmetic', () => {
  it('every M up to 64, and sizes around 100, 128 and 1000', () => {
    const sizes = [
      ...Array.from({ length: 64 }, (_, i) => i + 1),
      99,
      100,
      127,
      128,
      129,
      1000,
      1024,
    ];
    for (const M of sizes) {
      expect(Array.from(exactSquareSums(M) as Uint8Array), `M = ${M}`).toEqual(reference(M));
    }
  });

  it('where the table says 1, the closed form K q1 + (M - K) q0 is the exact sum of the squares', () => {
    for (const M of [3, 5, 7, 10, 12, 100, 1000]) {
      const table = exactSquareSums(M) as Uint8Array;
      for (let K = 0; K <= M; K++) {
        if (table[K] !== 1) continue;
        const mean = K / M;
        const q0 = rational((0 - mean) * (0 - mean));
        const q1 = rational((1 - mean) * (1 - mean));
        const D = Math.max(q0.shift, q1.shift);
        const exact =
          BigInt(K) * q1.num * 2n ** BigInt(D - q1.shift) +
          BigInt(M - K) * q0.num * 2n ** BigInt(D - q0.shift);
        const closed = K * ((1 - mean) * (1 - mean)) + (M - K) * ((0 - mean) * (0 - mean));
        const got = rational(closed);
        expect(got.num * 2n ** BigInt(D - got.shift), `M = ${M}, K = ${K}`).toBe(exact);
      }
    }
  });

  it('the check can fail: a table that ignored the bound on the sum (all ones) differs at M = 100', () => {
    const allOnes = new Array<number>(101).fill(1);
    expect(reference(100)).not.toEqual(allOnes);
    expect(reference(128)).toEqual(new Array<number>(129).fill(1));
  });
});
