import { describe, expect, it } from 'vitest';
import { scheme } from '../../schemes/index.ts';
import { mixtureMoments } from '../../stats/index.ts';
import { exactUpdateLaw } from './exact-update-law.ts';
import { exactUpdateMoments } from './exact-update-moments.ts';
import { varianceDifferenceLaw } from './variance-difference-law.ts';

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
