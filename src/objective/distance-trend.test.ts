import { describe, expect, it } from 'vitest';
import { distanceTrend } from './distance-trend.ts';

describe('distanceTrend', () => {
  it('shrinking toward 0: the distances of GRPO to arcsin (like M^-1/2)', () => {
    const trend = distanceTrend([0.0705, 0.042, 0.0233, 0.0124], [16, 64, 256, 1024]);
    expect(trend.verdict).toBe('shrinking');
    expect(trend.text).toBe('shrinking (0.0705 > 0.042 > 0.0233 > 0.0124)');
    expect(trend.extrapolated).toBeLessThan(0.0124 / 2);
  });

  it('levels off: GRPO with eps = 1 against arcsin falls but toward 0.09, not 0', () => {
    const trend = distanceTrend([0.0961, 0.0916, 0.0902], [64, 256, 1024]);
    expect(trend.verdict).toBe('levels-off');
    // Through d = d_inf + C M^-p exactly: p = log(3.21)/log 4, d_inf = 0.0902 - 0.0014/(4^p - 1).
    const p = Math.log(0.0045 / 0.0014) / Math.log(4);
    const floor = 0.0902 - 0.0014 / (4 ** p - 1);
    expect(trend.extrapolated).toBeCloseTo(floor, 12);
    expect(trend.text).toBe(`levels off at about 0.0896 (0.0961 > 0.0916 > 0.0902)`);
  });

  it('a mutant that only asks for decreasing distances says shrinking here: the check can fail', () => {
    const values = [0.0961, 0.0916, 0.0902];
    const decreasing = values.every((v, i) => i === 0 || v < values[i - 1]!);
    expect(decreasing).toBe(true);
    expect(distanceTrend(values, [64, 256, 1024]).verdict).not.toBe('shrinking');
  });

  it('accelerating falls are toward 0 (no power fits); exact agreement is rounding', () => {
    expect(distanceTrend([0.1, 0.09, 0.01], [16, 64, 256])).toMatchObject({
      verdict: 'shrinking',
      extrapolated: 0,
    });
    expect(distanceTrend([3e-16, 1e-16, 4e-16], [4, 8, 16])).toMatchObject({
      verdict: 'rounding',
      text: '0 to rounding at every size (3e-16, 1e-16, 4e-16)',
    });
  });

  it('from two distances, the rate decides', () => {
    expect(distanceTrend([0.1, 0.05], [64, 256]).text).toBe('shrinking (0.1 > 0.05, like M^-0.5)');
    expect(distanceTrend([0.1, 0.095], [64, 256])).toMatchObject({
      verdict: 'levels-off',
      text: 'levels off at about 0.095 (0.1 > 0.095, only like M^-0.037)',
    });
  });

  it('not shrinking, or cannot tell', () => {
    expect(distanceTrend([0.1, 0.2, 0.05], [1, 2, 3]).text).toBe('NOT shrinking (0.1, 0.2, 0.05)');
    expect(distanceTrend([0.1], [1]).text).toBe('cannot tell (fewer than two distances)');
    expect(distanceTrend([0.1, null], [1, 2]).text).toBe('cannot tell (a distance is missing)');
  });
});
