import { describe, expect, it } from 'vitest';
import { compositions } from '../math/index.ts';
import { levelClasses, rewardFunctionClasses } from '../rewards/index.ts';
import { classPatternCount, classPatterns, classRewards } from './class-patterns.ts';

describe('classPatterns', () => {
  it('every one of the C^M patterns, each once, while C^M <= 2^16', () => {
    const seen = new Set([...classPatterns(5, 3)].map((p) => p.join('')));
    expect(classPatternCount(5, 3)).toBe(243);
    expect(seen.size).toBe(243);
  });

  it('above 2^16, `samples` arrangements of every composition of M, the same for the same seed', () => {
    const M = 12;
    const C = 3;
    const count = classPatternCount(M, C, 4);
    expect(count).toBe(compositions(M, C).count * 4);
    const draw = () => [...classPatterns(M, C, { samples: 4, seed: 7 })].map((p) => p.join(''));
    const patterns = draw();
    expect(patterns).toHaveLength(count);
    expect(draw()).toEqual(patterns);
    const byCounts = new Map<string, number>();
    for (const p of patterns) {
      const n = [0, 0, 0];
      for (const c of p) n[Number(c)]!++;
      byCounts.set(n.join(','), (byCounts.get(n.join(',')) ?? 0) + 1);
    }
    expect(byCounts.size).toBe(compositions(M, C).count);
    expect([...byCounts.values()].every((n) => n === 4)).toBe(true);
  });

  it('refuses too many rewards before any call', () => {
    expect(() => classPatternCount(200, 6, 1e6)).toThrow(/at most/);
  });

  it('gives the levels, or M x d rows for d >= 2', () => {
    expect(classRewards(levelClasses([0, 0.5, 1]), [2, 0, 1])).toEqual([1, 0, 0.5]);
    expect(classRewards(rewardFunctionClasses(2), [1, 3])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(classRewards(rewardFunctionClasses(1), [1, 0])).toEqual([1, 0]);
  });
});
