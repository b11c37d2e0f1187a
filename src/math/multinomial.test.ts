import { describe, expect, it } from 'vitest';
import { compositionsOf } from '../../test/support/graded/reference-weights.ts';
import {
  add,
  exactMultinomialPmf,
  type Frac,
  frac,
  toNumber,
} from '../../test/support/objective/exact.ts';
import { binomialPmf } from './binomial-pmf.ts';
import { compositions } from './compositions.ts';
import { MultinomialLaw } from './multinomial.ts';

const u = Number.EPSILON;

/** The bound of MultinomialLaw: `2R` Pascal steps and the ratios' `2C` per step, per factor. */
function bound(total: number, parts: number): number {
  return ((parts - 1) * total * (2 * parts + 2) + parts) * u;
}

describe('MultinomialLaw', () => {
  it.each([
    [7, [0.5, 0.25, 0.25]],
    [7, [0.5, 0.2, 0.3]],
    [6, [0.25, 0.2, 0.3, 0.25]],
    [9, [0.1, 0.7, 0.2]],
    [5, [0.999, 0.0005, 0.0005]],
    [12, [1e-9, 1e-9, 1 - 2e-9]],
  ])('Multinomial(%i, %j) equals exact rationals within its rounding bound', (total, q) => {
    const comps = compositions(total, q.length);
    const law = new MultinomialLaw(comps);
    const p = new Float64Array(comps.count);
    law.pmf(q, p);
    let sum: Frac = frac(0);
    compositionsOf(total, q.length).forEach((n, i) => {
      const exact = exactMultinomialPmf(n, q);
      sum = add(sum, exact);
      const ref = toNumber(exact);
      if (ref === 0) expect(p[i]).toBe(0);
      else
        expect(Math.abs(p[i]! - ref) / ref, `n = ${n}`).toBeLessThanOrEqual(bound(total, q.length));
    });
    // The doubles q sum to 1 up to a few ulps, and so does the exact law.
    expect(Math.abs(toNumber(sum) - 1)).toBeLessThanOrEqual(4 * total * u);
  });

  it('puts all its mass where q does at the vertices and on the faces', () => {
    const comps = compositions(4, 3);
    const law = new MultinomialLaw(comps);
    const p = new Float64Array(comps.count);
    for (const [q, n] of [
      [
        [1, 0, 0],
        [4, 0, 0],
      ],
      [
        [0, 1, 0],
        [0, 4, 0],
      ],
      [
        [0, 0, 1],
        [0, 0, 4],
      ],
    ] as const) {
      law.pmf(q, p);
      const at = comps.rank(n);
      p.forEach((x, i) => {
        expect(x, `q ${q} n ${i}`).toBe(i === at ? 1 : 0);
      });
    }
    law.pmf([0.5, 0, 0.5], p);
    compositionsOf(4, 3).forEach((n, i) => {
      if (n[1]! > 0) expect(p[i]).toBe(0);
    });
  });

  it('with two parts is the binomial law of src/math (Loader), within the bound', () => {
    for (const [total, t] of [
      [63, 0.3],
      [200, 0.01],
      [31, 0.999],
    ] as const) {
      const comps = compositions(total, 2);
      const law = new MultinomialLaw(comps);
      const p = new Float64Array(comps.count);
      law.pmf([1 - t, t], p);
      for (let s = 0; s <= total; s++) {
        const ref = binomialPmf(s, total, t);
        const got = p[comps.rank([total - s, s])]!;
        if (ref < 1e-250) continue;
        expect(Math.abs(got - ref) / ref, `n=${total} s=${s}`).toBeLessThanOrEqual(
          bound(total, 2) + 8 * u,
        );
      }
    }
  });

  it('the check can fail: the law at a swapped q differs from the exact one', () => {
    const comps = compositions(7, 3);
    const law = new MultinomialLaw(comps);
    const p = new Float64Array(comps.count);
    law.pmf([0.2, 0.5, 0.3], p);
    const ref = toNumber(exactMultinomialPmf([7, 0, 0], [0.5, 0.2, 0.3]));
    expect(Math.abs(p[comps.rank([7, 0, 0])]! - ref) / ref).toBeGreaterThan(0.5);
  });
});
