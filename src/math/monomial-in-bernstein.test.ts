import { describe, expect, it } from 'vitest';
import { monomialInBernstein } from './bernstein.ts';

// Deterministic (exact rational arithmetic): false-fail rate 0.

/** A finite non-negative double as the exact rational `num / den` (BigInt), `den` a power of two. */
function rational(x: number): { num: bigint; den: bigint } {
  let y = x;
  let den = 1n;
  while (!Number.isInteger(y)) {
    y *= 2;
    den *= 2n;
  }
  return { num: BigInt(y), den };
}

/** `|got - num/den| / (num/den)` in units of `Number.EPSILON`, from exact integers. */
function ulpsFrom(got: number, num: bigint, den: bigint): number {
  const g = rational(got);
  const diff = g.num * den - num * g.den;
  const scale = 2n ** 80n;
  const relative = Number(((diff < 0n ? -diff : diff) * scale) / (num * g.den)) / Number(scale);
  return relative / Number.EPSILON;
}

describe('monomialInBernstein: each ratio C(k, j)/C(n, j) within about j ulps for j <= 64 (TSDoc)', () => {
  it.each([1, 2, 5, 30])('j = %i, n = 1000, every k, against the exact BigInt ratio', (j) => {
    const n = 1000;
    const beta = monomialInBernstein(j, n);
    // C(n, j), and C(k, j) from C(j, j) = 1 upward by C(k + 1, j) = C(k, j) (k + 1)/(k + 1 - j).
    let cn = 1n;
    for (let i = 0; i < j; i++) cn = (cn * BigInt(n - i)) / BigInt(i + 1);
    let ck = 1n;
    let worst = 0;
    for (let k = j; k <= n; k++) {
      if (k > j) ck = (ck * BigInt(k)) / BigInt(k - j);
      worst = Math.max(worst, ulpsFrom(beta[k]!, ck, cn));
    }
    expect(worst).toBeLessThanOrEqual(2 * j);
    for (let k = 0; k < j; k++) expect(beta[k]).toBe(0);
  });

  it('the check can fail: the downward recurrence at j = 2 is off by more than 2 j ulps somewhere', () => {
    const n = 1000;
    const j = 2;
    const down = new Array<number>(n + 1).fill(0);
    down[n] = 1;
    for (let k = n - 1; k >= j; k--) down[k] = down[k + 1]! * ((k + 1 - j) / (k + 1));
    const cn = BigInt((n * (n - 1)) / 2);
    let worst = 0;
    for (let k = j; k <= n; k++)
      worst = Math.max(worst, ulpsFrom(down[k]!, BigInt((k * (k - 1)) / 2), cn));
    expect(worst).toBeGreaterThan(2 * j);
  });
});
