import { describe, expect, it } from 'vitest';
import { rewardPatterns } from './reward-patterns.ts';

describe('rewardPatterns', () => {
  it('enumerates all 2^M patterns once for M <= 16', () => {
    const patterns = [...rewardPatterns(4)].map((p) => p.join(''));
    expect(patterns).toHaveLength(16);
    expect(new Set(patterns).size).toBe(16);
    expect([...rewardPatterns(16)]).toHaveLength(65536);
  });

  it('draws `samples` arrangements of every count K above 16, reproducibly, in varied positions', () => {
    const patterns = [...rewardPatterns(20, { samples: 64, seed: 3 })];
    expect(patterns).toHaveLength(21 * 64);
    patterns.forEach((p, n) => {
      expect(p.reduce((x, y) => x + y, 0)).toBe(Math.floor(n / 64));
    });
    expect([...rewardPatterns(20, { samples: 64, seed: 3 })]).toEqual(patterns);
    expect([...rewardPatterns(20, { samples: 64, seed: 4 })]).not.toEqual(patterns);
    // Every position holds a 1 in some arrangement with K = 1 (64 draws of 20 positions;
    // the seed is fixed, so this cannot flake).
    const ones = new Set(patterns.slice(64, 128).map((p) => p.indexOf(1)));
    expect(ones.size).toBeGreaterThan(15);
  });
});
