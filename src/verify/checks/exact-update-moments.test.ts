import { describe, expect, it } from 'vitest';
import { scheme } from '../../schemes/index.ts';
import { exactUpdateMoments } from './exact-update-moments.ts';

describe('exactUpdateMoments', () => {
  it('matches the closed form for reinforce: (1/M) K (1-p) with K ~ Binomial(M, p)', () => {
    for (const [M, p] of [
      [1, 0.3],
      [8, 0.3],
      [64, 0.05],
    ] as const) {
      const m = exactUpdateMoments(scheme('reinforce', M), p);
      const q = 1 - p;
      const scale = q / M;
      const varK = M * p * q;
      // Fourth central moment of a binomial: M p q (1 + 3 (M - 2) p q).
      const fourthK = M * p * q * (1 + 3 * (M - 2) * p * q);
      expect(m.mean).toBeCloseTo(p * q, 14);
      expect(Math.abs(m.variance / (scale ** 2 * varK) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(m.fourth / (scale ** 4 * fourthK) - 1)).toBeLessThan(1e-11);
    }
  });

  it('gives the same mean and a different variance for a baseline (rloo vs reinforce)', () => {
    const plain = exactUpdateMoments(scheme('reinforce', 8), 0.3);
    const baselined = exactUpdateMoments(scheme('rloo', 8), 0.3);
    expect(baselined.mean).toBeCloseTo(plain.mean, 14);
    expect(Math.abs(baselined.variance - plain.variance)).toBeGreaterThan(1e-3 * plain.variance);
  });
});
