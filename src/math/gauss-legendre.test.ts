import { describe, expect, it } from 'vitest';
import { gaussLegendre, gaussLegendreIntegral } from './gauss-legendre.ts';

const EPS = Number.EPSILON;
const INTERVALS: readonly [number, number][] = [
  [-1, 1],
  [0, 1],
  [0.3, 0.7],
  [-2, 3],
];

describe('gaussLegendre', () => {
  // Exact integrals of u^k, k <= 2n - 1. A node off by one ulp moves u^k by k ulps, so the
  // error is measured in units of (k + 1) eps of ∫|u^k|; measured at most 2.4 for n <= 100.
  it('integrates every monomial of degree <= 2n - 1 to within 4 (k + 1) eps', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 13, 16, 20, 32, 64, 100]) {
      for (let k = 0; k <= 2 * n - 1; k++) {
        for (const [lo, hi] of INTERVALS) {
          const exact = (hi ** (k + 1) - lo ** (k + 1)) / (k + 1);
          const absolute = (Math.abs(hi) ** (k + 1) + Math.abs(lo) ** (k + 1)) / (k + 1);
          const error = Math.abs(gaussLegendreIntegral((u) => u ** k, lo, hi, n) - exact);
          expect(error, `n = ${n}, k = ${k}, [${lo}, ${hi}]`).toBeLessThanOrEqual(
            4 * (k + 1) * EPS * absolute,
          );
        }
      }
    }
  });

  it('is not exact at degree 2n: the check above can fail', () => {
    for (const n of [1, 2, 5, 16]) {
      const error = Math.abs(
        gaussLegendreIntegral((u) => u ** (2 * n), -1, 1, n) - 2 / (2 * n + 1),
      );
      // At least 1e3 times the tolerance of the exact degrees.
      expect(error).toBeGreaterThan(1e-12);
    }
  });

  it('has the closed-form rules for n = 2 and 3 to within 2 ulps', () => {
    const two = gaussLegendre(2);
    expect(Math.abs(two.nodes[1]! - 1 / Math.sqrt(3))).toBeLessThanOrEqual(2 * EPS);
    for (const w of two.weights) expect(Math.abs(w - 1)).toBeLessThanOrEqual(2 * EPS);
    const three = gaussLegendre(3);
    expect(three.nodes[1]).toBe(0);
    expect(Math.abs(three.nodes[2]! - Math.sqrt(3 / 5))).toBeLessThanOrEqual(2 * EPS);
    expect(Math.abs(three.weights[1]! - 8 / 9)).toBeLessThanOrEqual(2 * EPS);
    expect(Math.abs(three.weights[2]! - 5 / 9)).toBeLessThanOrEqual(2 * EPS);
  });

  it('is symmetric and increasing, with weights summing to 2 to within 16 eps', () => {
    for (const n of [7, 64, 256]) {
      const { nodes, weights } = gaussLegendre(n);
      for (let i = 0; i < n; i++) expect(nodes[i]! + nodes[n - 1 - i]!).toBe(0);
      for (let i = 1; i < n; i++) expect(nodes[i]!).toBeGreaterThan(nodes[i - 1]!);
      expect(nodes[0]!).toBeGreaterThan(-1);
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 2)).toBeLessThanOrEqual(16 * EPS);
    }
  });

  // A smooth integrand that no single rule of 8 nodes resolves over [0, 40]: e^u. With 20
  // panels each panel's rule is accurate to far below rounding; the sum of 160 terms of size
  // up to e^40 rounds to a few eps relative.
  it('composes panels: ∫_0^40 e^u du to within 16 eps relative', () => {
    const exact = Math.expm1(40);
    expect(
      Math.abs(gaussLegendreIntegral(Math.exp, 0, 40, 8, 20) - exact) / exact,
    ).toBeLessThanOrEqual(16 * EPS);
    // One panel is far off: the panels matter.
    expect(Math.abs(gaussLegendreIntegral(Math.exp, 0, 40, 8) - exact) / exact).toBeGreaterThan(
      1e-6,
    );
  });

  it('refuses a non-integer number of nodes or panels', () => {
    expect(() => gaussLegendre(0)).toThrow(RangeError);
    expect(() => gaussLegendre(2, 0, 1, 1.5)).toThrow(RangeError);
  });
});
