import { describe, expect, it } from 'vitest';
import { exactUpdateLaw } from '../../objective/brute-force-h-prime.ts';
import { scheme } from '../../schemes/index.ts';
import { mixtureMoments } from '../../stats/index.ts';
import { exactUpdateMoments, varianceDifferenceLaw } from './baseline-variance-check.ts';

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

describe('varianceDifferenceLaw', () => {
  it('has mean Var1 - Var0 and variance (mu4_1 - Var1^2) + (mu4_0 - Var0^2), by enumeration', () => {
    const [plain, baselined] = [scheme('reinforce', 8), scheme('rloo', 8)];
    const law = varianceDifferenceLaw(exactUpdateLaw(plain, 0.3), exactUpdateLaw(baselined, 0.3));
    const [m0, m1] = [exactUpdateMoments(plain, 0.3), exactUpdateMoments(baselined, 0.3)];
    const moments = mixtureMoments(law.parts);
    expect(law.parts).toHaveLength(81);
    expect(Math.abs(moments.weight - 1)).toBeLessThan(1e-14);
    expect(Math.abs(moments.mean / (m1.variance - m0.variance) - 1)).toBeLessThan(1e-11);
    const variance = m1.fourth - m1.variance ** 2 + (m0.fourth - m0.variance ** 2);
    expect(Math.abs(moments.variance / variance - 1)).toBeLessThan(1e-11);
  });
});
