import stdlibPmf from '@stdlib/stats-base-dists-binomial-pmf';
import { describe, expect, it } from 'vitest';
import { special } from '../../test/fixtures/math/special.ts';
import { InputError } from '../errors/input-error.ts';
import { binomialPmf } from './binomial-pmf.ts';

const rel = (x: number, ref: number) => Math.abs(x - ref) / ref;
// exp(x) turns an absolute error of a few ulps of |x| into a relative one, so the tolerance is
// in units of eps * max(1, |ln pmf|): the conditioning of the value, not of the method.
const tolerance = (ref: number) => 8 * Number.EPSILON * Math.max(1, Math.abs(Math.log(ref)));

describe('binomialPmf', () => {
  it('matches mpmath to 8 eps * max(1, |ln pmf|), n up to 1e5, and beats stdlib', () => {
    let worst = 0;
    let worstStdlib = 0;
    for (const [k, n, t, ref] of special.pmf) {
      const err = rel(binomialPmf(k, n, t), ref);
      expect(err, `k=${k} n=${n} t=${t}`).toBeLessThanOrEqual(tolerance(ref));
      worst = Math.max(worst, err / tolerance(ref));
      worstStdlib = Math.max(worstStdlib, rel(stdlibPmf(k, n, t), ref) / tolerance(ref));
    }
    // measured: 0.63 of the tolerance here, stdlib 25x the tolerance (1.1e-11 relative at n = 1e5)
    expect(worstStdlib).toBeGreaterThan(1);
    expect(worst).toBeLessThan(1);
  });

  it('the tolerance catches a pmf off by a factor 1 + 1e-12 (the check can fail)', () => {
    const bad = special.pmf.filter(([k, n, t, ref]) => {
      return rel(binomialPmf(k, n, t) * (1 + 1e-12), ref) > tolerance(ref);
    });
    expect(bad.length).toBeGreaterThan(special.pmf.length / 2);
  });

  it('is exact at t = 0 and t = 1, and 0 above n', () => {
    expect(binomialPmf(0, 7, 0)).toBe(1);
    expect(binomialPmf(3, 7, 0)).toBe(0);
    expect(binomialPmf(7, 7, 1)).toBe(1);
    expect(binomialPmf(6, 7, 1)).toBe(0);
    expect(binomialPmf(8, 7, 0.5)).toBe(0);
    expect(binomialPmf(0, 0, 0.3)).toBe(1);
  });

  it('rejects bad input', () => {
    expect(() => binomialPmf(1, 3, 1.5)).toThrow(InputError);
    expect(() => binomialPmf(-1, 3, 0.5)).toThrow(InputError);
    expect(() => binomialPmf(1, 2.5, 0.5)).toThrow(InputError);
    expect(() => binomialPmf(1, 3, Number.NaN)).toThrow(InputError);
  });
});
