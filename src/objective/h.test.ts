import { describe, expect, it } from 'vitest';
import {
  type Evaluate,
  worstVsExact,
  worstVsGrpoSmall,
  worstVsLargeM,
} from '../../test/support/objective/accuracy.ts';
import { regularizedIncompleteBeta } from '../math/special-functions.ts';
import { h, hPrime } from './h.ts';
import { objectivePoints } from './objective-points.ts';

const bernsteinForm: Evaluate = (c, ts) => objectivePoints(c, ts);
const scalarForms: Evaluate = (c, ts) => ts.map((t) => ({ h: h(c, t), dh: hPrime(c, t) }));
/** The alternative kept out: `(1/M) sum_s c_s I_t(s+1, M-s)`, O(M^2) per point. */
const incompleteBetaForm: Evaluate = (c, ts) =>
  ts.map((t) => {
    const M = c.length;
    let sum = 0;
    for (let s = 0; s < M; s++) sum += c[s]! * regularizedIncompleteBeta(t, s + 1, M - s);
    return { h: sum / M, dh: hPrime(c, t) };
  });

const SMALL = 1e-12; // M <= 60, relative (the acceptance)
const LARGE = 1e-10; // M <= 4096, t in [1e-6, 1 - 1e-6], relative

describe('h and hPrime accuracy', () => {
  it('M <= 60, rational schemes: within 1e-12 relative of exact BigInt rationals', () => {
    for (const evaluate of [bernsteinForm, scalarForms]) {
      const worst = worstVsExact(evaluate);
      expect(worst.h, worst.where).toBeLessThanOrEqual(SMALL);
      expect(worst.dh, worst.where).toBeLessThanOrEqual(SMALL);
    }
  });

  it('M <= 60, grpo (population and sample std): within 1e-12 relative of mpmath', () => {
    for (const evaluate of [bernsteinForm, scalarForms]) {
      const worst = worstVsGrpoSmall(evaluate);
      expect(worst.h, worst.where).toBeLessThanOrEqual(SMALL);
      expect(worst.dh, worst.where).toBeLessThanOrEqual(SMALL);
    }
  });

  it('M up to 4096, t in [1e-6, 1 - 1e-6]: within 1e-10 relative of mpmath', () => {
    const worst = worstVsLargeM(bernsteinForm);
    expect(worst.h, worst.where).toBeLessThanOrEqual(LARGE);
    expect(worst.dh, worst.where).toBeLessThanOrEqual(LARGE);
  });

  it('the Bernstein form of h is as accurate as the incomplete-beta sum, to within 2x (measured)', () => {
    const b = [
      worstVsExact(bernsteinForm),
      worstVsGrpoSmall(bernsteinForm),
      worstVsLargeM(bernsteinForm, 1024),
    ];
    const ib = [
      worstVsExact(incompleteBetaForm),
      worstVsGrpoSmall(incompleteBetaForm),
      worstVsLargeM(incompleteBetaForm, 1024),
    ];
    const all = worstVsLargeM(bernsteinForm);
    console.log(
      [
        `max relative error of h: Bernstein form exact ${b[0]!.h.toExponential(2)}, grpo ${b[1]!.h.toExponential(2)}, M<=1024 ${b[2]!.h.toExponential(2)} (M<=4096 ${all.h.toExponential(2)})`,
        `                         incomplete-beta sum exact ${ib[0]!.h.toExponential(2)}, grpo ${ib[1]!.h.toExponential(2)}, M<=1024 ${ib[2]!.h.toExponential(2)}`,
        `max relative error of dh: exact ${b[0]!.dh.toExponential(2)}, grpo ${b[1]!.dh.toExponential(2)}, M<=4096 ${all.dh.toExponential(2)}`,
      ].join('\n'),
    );
    const worstB = Math.max(...b.map((w) => w.h));
    const worstIb = Math.max(...ib.map((w) => w.h));
    // Both are within a few ulps; a tie at rounding level is the expected outcome.
    expect(worstB).toBeLessThanOrEqual(2 * worstIb);
    expect(worstIb).toBeLessThanOrEqual(2 * worstB);
  });
});

describe('the accuracy checks can fail', () => {
  const shift: Evaluate = (c, ts) => objectivePoints([...c.slice(1), c[c.length - 1]!], ts);
  const wrongNorm: Evaluate = (c, ts) =>
    objectivePoints(c, ts).map((p) => ({
      h: (p.h * c.length) / Math.max(1, c.length - 1),
      dh: p.dh,
    }));
  const relPerturb: Evaluate = (c, ts) =>
    objectivePoints(c, ts).map((p) => ({ h: p.h * (1 + 1e-11), dh: p.dh * (1 - 1e-11) }));

  it('c shifted by one index fails every reference', () => {
    expect(worstVsExact(shift).dh).toBeGreaterThan(SMALL);
    expect(worstVsGrpoSmall(shift).dh).toBeGreaterThan(SMALL);
    expect(worstVsLargeM(shift).dh).toBeGreaterThan(LARGE);
  });

  it('h normalized by 1/(M-1) instead of 1/M fails', () => {
    expect(worstVsExact(wrongNorm).h).toBeGreaterThan(SMALL);
    expect(worstVsGrpoSmall(wrongNorm).h).toBeGreaterThan(SMALL);
    expect(worstVsLargeM(wrongNorm).h).toBeGreaterThan(LARGE);
  });

  it('a relative error of 1e-11 fails the M <= 60 tolerance', () => {
    const w = worstVsExact(relPerturb);
    expect(Math.min(w.h, w.dh)).toBeGreaterThan(SMALL);
  });
});
