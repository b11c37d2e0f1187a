import { describe, expect, it } from 'vitest';
import { sweepSizes } from '../../test/support/mutation/mutation-run.ts';
import { doubleC, grpoC } from '../../test/support/objective/c-tables.ts';
import { gaussLegendre } from '../math/gauss-legendre.ts';
import { harmonic } from '../math/special-functions.ts';
import { harmonicShiftedH, normalizedH } from './h.ts';
import { objectivePoints } from './objective-points.ts';

// docs/theory.md §2–3 identities. Each check is a function returning a worst error, run on the real
// objectivePoints and on a deliberately wrong one (a mutant), which must fail it.
type Evaluate = (c: readonly number[], ts: readonly number[]) => { h: number; dh: number }[];
const real: Evaluate = objectivePoints;
const shifted: Evaluate = (c, ts) => objectivePoints([...c.slice(1), c[c.length - 1]!], ts);
const dhOfShifted: Evaluate = (c, ts) => {
  const wrong = shifted(c, ts);
  return objectivePoints(c, ts).map((p, i) => ({ h: p.h, dh: wrong[i]!.dh }));
};
const offByOneG: Evaluate = (c, ts) =>
  objectivePoints(c, ts).map((p, i) => ({
    h: p.h + (c[0]! / c.length) * (1 - ts[i]!) ** c.length,
    dh: p.dh,
  }));
const wrongNorm: Evaluate = (c, ts) =>
  objectivePoints(c, ts).map((p) => ({ h: (p.h * c.length) / (c.length - 1), dh: p.dh }));

const EPS = Number.EPSILON;
const TS = [1e-6, 1e-3, 0.05, 0.2, 0.5, 0.8, 0.97, 1 - 1e-6];
// Under Stryker up to M = 1024 (test/support/mutation/mutation-run.ts).
const MS = sweepSizes([2, 3, 16, 60, 1024, 4096, 100000]);
const SCHEMES = ['reinforce', 'dr-grpo', 'rs', 'passk', 'grpo'] as const;
const cOf = (name: (typeof SCHEMES)[number], M: number) =>
  name === 'grpo' ? grpoC(M, 'sample', 1e-6) : doubleC(name, M, Math.min(4, M));
const rel = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

function hAtZero(ev: Evaluate, M: number): number {
  return Math.max(...SCHEMES.map((name) => Math.abs(ev(cOf(name, M), [0])[0]!.h)));
}

/** dh against the 4th-order central difference of h; relative. */
function derivativeGap(ev: Evaluate, M: number): number {
  let worst = 0;
  for (const name of SCHEMES) {
    const c = cOf(name, M);
    for (const t of [0.05, 0.3, 0.5, 0.8]) {
      const step = 1e-3 * Math.min(t, 1 - t) * Math.min(1, 30 / Math.sqrt(M));
      const [a, b, d, e, mid] = ev(c, [t - 2 * step, t - step, t + step, t + 2 * step, t]);
      const numeric = (a!.h - 8 * b!.h + 8 * d!.h - e!.h) / (12 * step);
      worst = Math.max(worst, rel(numeric, mid!.dh));
    }
  }
  return worst;
}

/** h(b) - h(a) against the Gauss–Legendre integral of dh over [a, b]; relative. */
function integralGap(ev: Evaluate, M: number, a: number, b: number): number {
  let worst = 0;
  // Panels of width ~ 0.2 sd of the basis at M keep 20-node Gauss–Legendre at rounding level.
  const panels = Math.max(1, Math.ceil(((b - a) * Math.sqrt(M)) / 0.1));
  for (const name of SCHEMES) {
    const c = cOf(name, M);
    const [ha, hb] = ev(c, [a, b]);
    const { nodes, weights } = gaussLegendre(20, a, b, panels);
    const integral = ev(c, nodes).reduce((sum, p, i) => sum + weights[i]! * p.dh, 0);
    worst = Math.max(worst, rel(hb!.h - ha!.h, integral));
  }
  return worst;
}

/** The closed forms of docs/theory.md §3, in units of eps, relative. */
function closedFormGap(ev: Evaluate, M: number): number {
  let worst = 0;
  const k = Math.min(4, M);
  const check = (got: number, ref: number) => {
    worst = Math.max(worst, rel(got, ref) / EPS);
  };
  ev(doubleC('reinforce', M), TS).forEach((p, i) => {
    check(p.h, TS[i]!);
    check(p.dh, 1);
  });
  ev(doubleC('dr-grpo', M), TS).forEach((p, i) => {
    check(p.h, (1 - 1 / M) * TS[i]!);
    check(p.dh, 1 - 1 / M);
  });
  ev(doubleC('passk', M, k), TS).forEach((p, i) => {
    const t = TS[i]!;
    check(p.h, -Math.expm1(k * Math.log1p(-t)));
    check(p.dh, k * (1 - t) ** (k - 1));
  });
  ev(doubleC('rs', M), TS).forEach((p, i) => {
    const t = TS[i]!;
    check(p.dh, -Math.expm1(M * Math.log1p(-t)) / t);
  });
  return worst;
}

/** rs: `h - H_M - ln t` in [0, (1-t)^(M+1)/((M+1)t)], violation in units of eps * (H_M + |ln t|). */
function rsBoundViolation(ev: Evaluate, M: number): number {
  let worst = 0;
  ev(doubleC('rs', M), TS).forEach((p, i) => {
    const t = TS[i]!;
    const HM = harmonic(M);
    const gap = p.h - HM - Math.log(t);
    const upper = Math.exp((M + 1) * Math.log1p(-t)) / ((M + 1) * t);
    const scale = EPS * (HM + Math.abs(Math.log(t)));
    worst = Math.max(worst, Math.max(-gap, gap - upper, 0) / scale);
  });
  return worst;
}

describe('docs/theory.md identities hold, up to M = 100000', () => {
  it.each(MS)('M = %i: finite, h(0) = 0 exactly, dh is dh/dt, h is the integral of dh', (M) => {
    for (const name of SCHEMES) {
      const points = objectivePoints(cOf(name, M), [0, ...TS, 1]);
      expect(points.every((p) => Number.isFinite(p.h) && Number.isFinite(p.dh))).toBe(true);
    }
    expect(hAtZero(real, M)).toBe(0);
    expect(derivativeGap(real, M)).toBeLessThanOrEqual(1e-7); // difference-quotient error ~1e-9
    // At M = 1e5 the interval is short (the panels cost O(M) each), and h(b) - h(a) cancels about
    // 2.5 digits of h (rs: h ~ 12, h(0.31) - h(0.3) ~ 0.03), hence the wider tolerance there.
    const integral = integralGap(real, M, 0.3, M > 4096 ? 0.31 : 0.9);
    expect(integral).toBeLessThanOrEqual(M > 4096 ? 1e-10 : 1e-12);
    if (M <= 4096) expect(integralGap(real, M, 0, 0.2)).toBeLessThanOrEqual(1e-12);
  });

  it.each(MS)(
    'M = %i: reinforce = t, dr-grpo = (1-1/M)t, passk = 1-(1-t)^k, rs dh (64 eps)',
    (M) => {
      expect(closedFormGap(real, M)).toBeLessThanOrEqual(64);
    },
  );

  it.each(MS)('M = %i: rs obeys h - H_M - ln t in [0, (1-t)^(M+1)/((M+1)t)] (to 64 eps)', (M) => {
    expect(rsBoundViolation(real, M)).toBeLessThanOrEqual(64); // measured 12 at M = 1e5
  });

  it('grpo at M = 2 gives t: exactly with eps = 0, and after h/h(1) with any eps or std', () => {
    for (const t of TS) {
      expect(rel(objectivePoints(grpoC(2, 'population', 0), [t])[0]!.h, t)).toBeLessThanOrEqual(
        2 * EPS,
      );
      for (const c of [grpoC(2, 'population', 1e-8), grpoC(2, 'sample', 1e-6)]) {
        expect(rel(normalizedH(c, t), t)).toBeLessThanOrEqual(4 * EPS);
      }
    }
  });

  it('harmonicShiftedH is h - (H_M - 1); normalizedH(1) = 1', () => {
    const c = doubleC('rs', 256);
    expect(harmonicShiftedH(c, 1)).toBeCloseTo(1, 13);
    expect(harmonicShiftedH(c, 0)).toBe(1 - harmonic(256));
    expect(normalizedH(grpoC(64, 'sample', 1e-6), 1)).toBe(1);
  });
});

describe('each identity check fails on a deliberately wrong input', () => {
  it.each(sweepSizes([16, 4096]))('M = %i', (M) => {
    expect(hAtZero(offByOneG, M)).toBeGreaterThan(0);
    expect(derivativeGap(dhOfShifted, M)).toBeGreaterThan(1e-7);
    expect(integralGap(wrongNorm, M, 0.3, 0.9)).toBeGreaterThan(1e-12);
    expect(closedFormGap(shifted, M)).toBeGreaterThan(64);
    expect(closedFormGap(wrongNorm, M)).toBeGreaterThan(64);
    expect(rsBoundViolation(wrongNorm, M)).toBeGreaterThan(64);
    expect(rsBoundViolation(shifted, M)).toBeGreaterThan(64);
  });

  // (At M = 3 population-std GRPO has constant c = sqrt 2, so it too is proportional to t.)
  it('grpo at M = 4 is not t', () => {
    expect(rel(normalizedH(grpoC(4, 'population', 0), 0.2), 0.2)).toBeGreaterThan(1e-3);
  });
});
