import { describe, expect, it } from 'vitest';
import { reinforcePlusPlus } from './reinforce-plus-plus.ts';

describe('reinforcePlusPlus (OpenRLHF per-token whitening)', () => {
  it('weighs every response by its token count: a hand-computed batch', () => {
    // Tokens: 1 of reward 1, 3 of reward 0, then 2 + 2 of reward 1: mean 5/8, and the
    // population variance over the 8 tokens is (5 (3/8)^2 + 3 (5/8)^2)/8 = 15/64.
    const [first, second] = reinforcePlusPlus(
      [
        [1, 0],
        [1, 1],
      ],
      [
        [1, 3],
        [2, 2],
      ],
    );
    const rstd = 1 / Math.sqrt(15 / 64);
    expect(first).toEqual([(3 / 8) * rstd, (-5 / 8) * rstd]);
    expect(second).toEqual([(3 / 8) * rstd, (3 / 8) * rstd]);
  });

  it('clamps the variance at 1e-8 (a batch whose rewards are all equal gets 0)', () => {
    expect(reinforcePlusPlus([[1, 1]], [[4, 9]])).toEqual([[0, 0]]);
  });

  it('the check can fail: per-response whitening (lengths ignored) gives other weights', () => {
    const perToken = reinforcePlusPlus([[1, 0, 0]], [[1, 5, 5]])[0]!;
    const perResponse = reinforcePlusPlus([[1, 0, 0]], [[1, 1, 1]])[0]!;
    expect(Math.abs(perToken[0]! - perResponse[0]!)).toBeGreaterThan(0.1);
  });
});
