import { describe, expect, it } from 'vitest';
import { zThreshold } from '../stats/index.ts';
import { decideMonteCarlo } from './decide-monte-carlo.ts';

const scalar = (estimate: number, closedForm: number, stderr = 1) => ({
  estimate: [estimate],
  stderr: [stderr],
  closedForm: [closedForm],
  groups: 100,
});

describe('decideMonteCarlo', () => {
  it('never rejects an insufficient check, and it does not lower the thresholds of the others', () => {
    const outcomes = [scalar(0.1, 0), scalar(50, 0), scalar(6, 0)];
    const v = decideMonteCarlo(outcomes, 1e-6, 1e-3, [false, true, false]);
    expect(v.map((x) => x.agree)).toEqual([true, true, false]);
    // Holm sees the insufficient check as p = 1: last, so the others keep alpha/3 and alpha/2.
    expect(v[2]!.threshold).toBeCloseTo(zThreshold(1e-6 / 3), 12);
    expect(v[0]!.threshold).toBeCloseTo(zThreshold(1e-6 / 2), 12);
    expect(v[1]!.threshold).toBeCloseTo(zThreshold(1e-6), 12);
    // Counted in m all the same: without the flag the same |z| = 6 is tested at alpha/2 first.
    expect(decideMonteCarlo(outcomes, 1e-6, 1e-3).map((x) => x.agree)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('splits alpha by Holm: Bonferroni for the largest |z|, then growing levels', () => {
    const v = decideMonteCarlo([scalar(0.1, 0), scalar(7, 0), scalar(-0.5, 0)], 1e-6, 1e-3);
    expect(v.map((x) => x.agree)).toEqual([true, false, true]);
    expect(v[1]!.threshold).toBeCloseTo(zThreshold(1e-6 / 3), 12);
    expect(v[2]!.threshold).toBeCloseTo(zThreshold(1e-6 / 2), 12);
    expect(v[0]!.threshold).toBeCloseTo(zThreshold(1e-6), 12);
    expect(v[0]!.resolution).toBeGreaterThan(v[0]!.threshold);
  });

  it('reports the component with the largest |z| and charges a vector for its components', () => {
    const [v] = decideMonteCarlo(
      [{ estimate: [1, 2, 3], stderr: [1, 1, 1], closedForm: [1, 2.5, 3], groups: 10 }],
      1e-6,
      1e-3,
    );
    expect(v!.component).toBe(1);
    expect(v!.z).toBeCloseTo(-0.5, 12);
    expect(v!.threshold).toBeCloseTo(zThreshold(1e-6 / 3), 12);
  });

  it('flags a |z| just above the Bonferroni share of a vector but not of a scalar', () => {
    const z = (zThreshold(1e-6) + zThreshold(1e-6 / 10)) / 2;
    const vector = {
      estimate: [z, ...Array(9).fill(0)],
      stderr: Array(10).fill(1),
      closedForm: Array(10).fill(0),
      groups: 1,
    };
    expect(decideMonteCarlo([scalar(z, 0)], 1e-6, 1e-3)[0]!.agree).toBe(false);
    expect(decideMonteCarlo([vector], 1e-6, 1e-3)[0]!.agree).toBe(true);
  });

  it('flags a mismatch with zero standard error', () => {
    expect(decideMonteCarlo([scalar(1, 0, 0)], 1e-6, 1e-3)[0]!.agree).toBe(false);
    expect(decideMonteCarlo([scalar(1, 1, 0)], 1e-6, 1e-3)[0]!.agree).toBe(true);
  });
});

describe('decideMonteCarlo on a deterministic estimator', () => {
  it('reads a few ulps of rounding with a vanishing sample spread as agreement, not a huge z', () => {
    const exact = 0.7;
    const rounded = exact * (1 + 2 * Number.EPSILON);
    const [v] = decideMonteCarlo([scalar(rounded, exact, 1e-18)], 1e-6, 1e-3);
    expect(v!.agree).toBe(true);
    const [wrong] = decideMonteCarlo([scalar(exact * (1 + 1e-9), exact, 1e-18)], 1e-6, 1e-3);
    expect(wrong!.agree).toBe(false);
  });
});
