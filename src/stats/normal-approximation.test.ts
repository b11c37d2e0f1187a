import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { normalApproximation, type UpdateLaw } from './normal-approximation.ts';
import { zThreshold } from './z-tests.ts';

/** A rare event: 1 with probability q, else 0; the comparison's SE floor as given. */
const twoPoint = (q: number, floor: number): UpdateLaw => ({
  parts: [
    { weight: 1 - q, mean: 0, variance: 0, third: 0 },
    { weight: q, mean: 1, variance: 0, third: 0 },
  ],
  floor,
});

/**
 * The exact false-fail rate of the studentized z-test of N draws of the two-point law against
 * its true mean q, at |z| threshold t, with SE = max(sample SE, floor): the count K of ones is
 * Binomial(N, q), z is increasing in K, so the test passes exactly for K in an interval.
 */
function exactFalseFail(N: number, q: number, t: number, floor: number): number {
  const z = (k: number) => {
    const se = k > 0 && k < N ? Math.sqrt((k * (N - k)) / (N * N * (N - 1))) : 0;
    return (k / N - q) / Math.max(se, floor);
  };
  let lo = 0;
  let hi = N;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (z(mid) >= -t) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  hi = N;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (z(mid) <= t) lo = mid;
    else hi = mid - 1;
  }
  const below = first > 0 ? binomialCdf(first - 1, N, q) : 0;
  return below + (1 - binomialCdf(lo, N, q));
}

const nominal = (t: number) => 2 * normalCdf(-t, 0, 1);

describe('normalApproximation', () => {
  // Deterministic: exact binomial sums, no sampling; false-fail rate 0.
  // Every t of a 2-core run's scale, q from 1e-12 to 1/2, N from the boundary up: the worst
  // ratio found is 1.45 at t = 3.5 (1.39 at t >= 4.89); the bound is tight, not vacuous.
  it('on two-point laws, every accepted run false-fails at most 1.45 times the nominal rate', () => {
    let accepted = 0;
    let worst = 0;
    for (const t of [3.5, zThreshold(1e-6), 6, 7]) {
      for (let e = -12; e <= -0.3; e += 0.1) {
        const q = Math.min(0.5, 10 ** e);
        for (const floor of [0, 1e-12]) {
          const { groupsNeeded } = normalApproximation(twoPoint(q, floor), 10, t);
          for (const factor of [1, 1.01, 1.05, 1.1, 1.5, 3, 10, 100]) {
            const n = Math.round(factor * groupsNeeded);
            if (!(n <= 1e12) || !normalApproximation(twoPoint(q, floor), n, t).ok) continue;
            accepted++;
            worst = Math.max(worst, exactFalseFail(n, q, t, floor) / nominal(t));
          }
        }
      }
    }
    expect(accepted).toBeGreaterThan(500);
    expect(worst).toBeLessThanOrEqual(1.45);
    expect(worst).toBeGreaterThan(1.2);
  });

  it('needs N >= 5 t^4 even for a symmetric law: with fewer, Student t is far from normal', () => {
    const t = zThreshold(1e-6);
    const fair = twoPoint(0.5, 0);
    expect(normalApproximation(fair, 100, t)).toMatchObject({
      ok: false,
      groupsNeeded: Math.ceil(5 * t ** 4),
    });
    // What the refusal avoids: 100 fair coins false-fail 4.7 times the nominal rate.
    expect(exactFalseFail(100, 0.5, t, 0) / nominal(t)).toBeGreaterThan(4);
  });

  it('refuses the rare-event run that false-fails half the time, and says how many groups fix it', () => {
    // verl-grpo-passk at M = 5, p = 0.95: the update is nonzero only when K = 1.
    const q = 5 * 0.95 * 0.05 ** 4;
    const t = zThreshold(1e-6);
    const law = twoPoint(q, 1e-12);
    expect(exactFalseFail(20_000, q, t, 1e-12)).toBeGreaterThan(0.4);
    const verdict = normalApproximation(law, 20_000, t);
    expect(verdict.ok).toBe(false);
    // (gamma t^3 / 2)^2 with gamma = (1 - 2q)/sqrt(q(1 - q)): 1.15e8 groups.
    const gamma = (1 - 2 * q) / Math.sqrt(q * (1 - q));
    expect(verdict.groupsNeeded / ((gamma * t ** 3) / 2) ** 2).toBeCloseTo(1, 6);
    expect(normalApproximation(law, verdict.groupsNeeded, t).ok).toBe(true);
    expect(normalApproximation(law, verdict.groupsNeeded - 1, t).ok).toBe(false);
    expect(exactFalseFail(verdict.groupsNeeded, q, t, 1e-12)).toBeLessThan(1.45 * nominal(t));
  });

  it('leaves out events too rare to be seen only when missing them cannot fail the test', () => {
    const t = zThreshold(1e-6);
    // 1e-20: 1e6 groups expect 1e-14 events; missing one moves the mean by 1e-20, far below a
    // floor of 1e-12, so z stays 1e-8.
    expect(normalApproximation(twoPoint(1e-20, 1e-12), 1e6, t).ok).toBe(true);
    // Without the floor the estimate would be exactly 0 with SE 0 against a mean of 1e-20.
    expect(normalApproximation(twoPoint(1e-20, 0), 1e6, t).ok).toBe(false);
    // 1e-9 against the same floor: z would be 1000.
    expect(normalApproximation(twoPoint(1e-9, 1e-12), 1e6, t).ok).toBe(false);
  });

  it('refuses a spread too small for double precision, at any number of groups', () => {
    // Draws of +-1e-315: their squares underflow, so no sample variance can be computed.
    const tiny = (x: number) => ({
      parts: [
        { weight: 0.5, mean: -x, variance: 0, third: 0 },
        { weight: 0.5, mean: x, variance: 0, third: 0 },
      ],
      floor: 0,
    });
    expect(normalApproximation(tiny(1e-315), 1e6, 5)).toMatchObject({
      ok: false,
      groupsNeeded: Number.POSITIVE_INFINITY,
    });
    expect(normalApproximation(tiny(1e-100), 1e6, 5).ok).toBe(true);
  });

  it('accepts a constant law and an empty one', () => {
    const constant = { parts: [{ weight: 1, mean: 2, variance: 0, third: 0 }], floor: 0 };
    expect(normalApproximation(constant, 2, 5)).toEqual({ ok: true, groupsNeeded: 2, skewness: 0 });
    expect(normalApproximation({ parts: [], floor: 0 }, 2, 5).ok).toBe(true);
  });

  it('counts a symmetric law as unskewed and a skewed part with its own moments', () => {
    const symmetric = {
      parts: [
        { weight: 0.5, mean: -1, variance: 0, third: 0 },
        { weight: 0.5, mean: 1, variance: 0, third: 0 },
      ],
      floor: 0,
    };
    expect(normalApproximation(symmetric, 5 ** 5, 5)).toEqual({
      ok: true,
      groupsNeeded: 5 ** 5,
      skewness: 0,
    });
    // One part with skewness 2 (an exponential's): needs (2 t^3 / 2)^2 = t^6 groups.
    const skewed = { parts: [{ weight: 1, mean: 1, variance: 1, third: 2 }], floor: 0 };
    expect(normalApproximation(skewed, 10, 3).groupsNeeded).toBe(729);
  });
});
