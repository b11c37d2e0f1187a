import cdf from '@stdlib/stats-base-dists-normal-cdf';
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { verdict } from './verdict.ts';
import { holm, holmThresholds, ksDistance, resolution, zScores, zThreshold } from './z-tests.ts';

describe('zThreshold', () => {
  it('is the two-sided normal critical value', () => {
    expect(zThreshold(0.05)).toBeCloseTo(1.959963984540054, 12);
    for (const a of [1e-3, 1e-6, 1e-9, 1e-12]) {
      // Measured: stdlib's quantile is off by 3e-7 in z at a = 1e-12, a relative 2.2e-5 in the
      // rate (checked against Python's math.erfc); ample for a threshold.
      expect(Math.abs(2 * cdf(-zThreshold(a), 0, 1) - a) / a).toBeLessThan(1e-4);
    }
  });
});

describe('Holm', () => {
  it('splits alpha as alpha/m, alpha/(m-1), ..., alpha', () => {
    expect(holmThresholds(0.03, 3)).toEqual([
      zThreshold(0.01),
      zThreshold(0.015),
      zThreshold(0.03),
    ]);
  });

  it('steps down and stops at the first non-rejection', () => {
    // thresholds for alpha 0.05, m 3: 2.394, 2.241, 1.960
    expect(holm([2.3, 2.5, 0.1], 0.05)).toEqual([true, true, false]);
    expect(holm([2.3, 2.2, 2.1], 0.05)).toEqual([false, false, false]);
    expect(holm([Number.NaN, 0, 0], 0.05)).toEqual([true, false, false]);
  });
});

describe('zScores, resolution and verdict', () => {
  it('computes z per component, with SE 0 handled exactly', () => {
    expect(zScores([1, 2, 3, 3], [0.5, 1, 0, 0], [0, 2, 3, 2])).toEqual([
      2,
      0,
      0,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('resolution is (z_alpha + z_beta) SE', () => {
    expect(resolution(2, 3, 1e-3)).toBeCloseTo(2 * (3 + quantile(1 - 1e-3, 0, 1)), 12);
  });

  it('agrees within the threshold and flags beyond it', () => {
    const t = zThreshold(1e-6 / 2);
    const base = { stderr: [1, 1], closedForm: [0, 0] };
    expect(verdict({ ...base, estimate: [t - 1e-6, 0] }).agree).toBe(true);
    const bad = verdict({ ...base, estimate: [t + 1e-6, 0] });
    expect(bad.agree).toBe(false);
    expect(bad.rejected).toEqual([true, false]);
    expect(bad.threshold).toBeCloseTo(t, 12);
    expect(verdict({ ...base, estimate: [2.5, 0] }, { threshold: 2 }).agree).toBe(false);
  });
});

describe('ksDistance', () => {
  it('is 1/2 for a single z at 0, and small for normal quantiles', () => {
    expect(ksDistance([0])).toBeCloseTo(0.5, 15);
    const n = 1000;
    const z = Array.from({ length: n }, (_, i) => quantile((i + 0.5) / n, 0, 1));
    expect(ksDistance(z)).toBeCloseTo(0.5 / n, 12);
    expect(ksDistance(z.map((v) => v + 1))).toBeGreaterThan(0.3);
  });
});
