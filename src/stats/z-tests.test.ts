import cdf from '@stdlib/stats-base-dists-normal-cdf';
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { verdict } from './verdict.ts';
import {
  firstStepThreshold,
  holm,
  holmThresholds,
  ksDistance,
  resolution,
  zScores,
  zThreshold,
} from './z-tests.ts';

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

describe('the documented ranges and boundaries', () => {
  it("zThreshold takes alpha' in (0, 1]: 1 is the threshold 0, and 0, negatives, > 1 and NaN throw", () => {
    // P(|N(0,1)| > 0) = 1, so the whole closed interval's right end is a valid rate.
    expect(zThreshold(1) === 0).toBe(true);
    for (const bad of [0, -1e-9, 1 + 1e-15, 2, Number.NaN]) {
      expect(() => zThreshold(bad)).toThrow(RangeError);
      expect(() => zThreshold(bad)).toThrow(/alpha' must be in \(0, 1\]/);
    }
  });

  it('holmThresholds takes a family-wise alpha in (0, 1): 0, 1, > 1 and NaN throw', () => {
    expect(holmThresholds(1 - 1e-12, 2)).toEqual([
      zThreshold((1 - 1e-12) / 2),
      zThreshold(1 - 1e-12),
    ]);
    expect(holmThresholds(1e-300, 1)).toEqual([zThreshold(1e-300)]);
    for (const bad of [0, 1, 1.5, -0.5, Number.NaN]) {
      expect(() => holmThresholds(bad, 3)).toThrow(/holmThresholds: alpha must be in \(0, 1\)/);
    }
  });

  it('resolution takes beta in (0, 1): 0, 1 and NaN throw', () => {
    expect(resolution(1, 0, 0.5)).toBeCloseTo(0, 15);
    for (const bad of [0, 1, Number.NaN]) {
      expect(() => resolution(1, 2, bad)).toThrow(/resolution: beta must be in \(0, 1\)/);
    }
  });

  it('a given threshold: |z| equal to it agrees, above it or NaN (no standard error) is flagged', () => {
    const closedForm = [0, 0, 0];
    const run = verdict(
      { estimate: [2, 2 + 2 ** -50, 1], stderr: [1, 1, Number.NaN], closedForm },
      { threshold: 2 },
    );
    expect(run.rejected).toEqual([false, true, true]);
    expect(run.agree).toBe(false);
    expect(verdict({ estimate: [-2], stderr: [1], closedForm: [0] }, { threshold: 2 }).agree).toBe(
      true,
    );
  });

  it('an empty estimate agrees, with no threshold to meet', () => {
    const run = verdict({ estimate: [], stderr: [], closedForm: [] });
    expect(run).toEqual({
      z: [],
      threshold: Number.POSITIVE_INFINITY,
      resolution: [],
      rejected: [],
      agree: true,
    });
  });
});

describe('the edge cases the TSDoc states', () => {
  it('SE 0: equal within 8 ulps of the larger size is 0, just beyond it is -Infinity or +Infinity', () => {
    // 2^-48 is exactly 8 eps times 2: at the edge, relative to the larger of the two sizes.
    const edge = 2 - 2 ** -48;
    expect(zScores([edge, 2, 2 + 2 ** -47], [0, 0, 0], [2, edge, 2])).toEqual([
      0,
      0,
      Number.POSITIVE_INFINITY,
    ]);
    expect(zScores([2 - 2 ** -47], [0], [2])).toEqual([Number.NEGATIVE_INFINITY]);
  });

  it('Holm rejects only strictly above its threshold', () => {
    const [t] = holmThresholds(0.05, 1);
    expect(holm([t!], 0.05)).toEqual([false]);
    expect(holm([-t! * (1 + 2 ** -52)], 0.05)).toEqual([true]);
  });

  it("firstStepThreshold is zThreshold at Holm's first step shared over the components", () => {
    expect(firstStepThreshold(1e-6, 10, 4)).toBe(zThreshold(1e-6 / 40));
  });

  it('a verdict reports the resolution of each component at its threshold', () => {
    const run = verdict(
      { estimate: [0, 0], stderr: [1, 3], closedForm: [0, 0] },
      { alpha: 1e-3, beta: 0.1 },
    );
    expect(run.resolution).toEqual([1, 3].map((se) => resolution(se, run.threshold, 0.1)));
  });

  it('ksDistance: the order of the z-scores does not matter, a far outlier gives about 1, NaN throws', () => {
    expect(ksDistance([1, -1, 0.3])).toBe(ksDistance([-1, 0.3, 1]));
    expect(ksDistance([-8])).toBeCloseTo(1, 12);
    expect(() => ksDistance([0, Number.NaN])).toThrow(/ksDistance: a z-score is NaN/);
  });
});
