import { describe, expect, it } from 'vitest';
import { compositionsOf } from '../../test/support/graded/reference-weights.ts';
import {
  add,
  exactMultinomialPmf,
  frac,
  fromDouble,
  mul,
  toNumber,
} from '../../test/support/objective/exact.ts';
import { levelClasses, rewardClasses } from '../rewards/reward-classes.ts';
import { type GradedScheme, gradedScheme } from '../schemes/graded-scheme.ts';
import { gradedField } from './graded-field.ts';

const u = Number.EPSILON;

/** The rounding bounds as gradedField's TSDoc states them, written out from its formulas. */
function statedBounds(s: GradedScheme, largestWeight: number) {
  const { M } = s;
  const C = s.classes.C;
  const rho = ((C - 1) * Math.max(M - 2, 0) * (2 * C + 2) + C) * u;
  const nodes = Math.max(1, Math.ceil(M / 2));
  return {
    tolerance: 8 * (M - 1) * (s.weightError + largestWeight * (rho + 8 * u)),
    perLength: 2 * s.weightError + 2 * largestWeight * (rho + (nodes + 8) * u),
  };
}

describe('the rounding bounds are the ones the TSDoc states', () => {
  // The closed verdict of docs/theory.md §10 holds the curl and the circulation to these bounds:
  // a larger bound would call a slightly curled field closed, a smaller one a closed field curled.
  it.each([
    { spec: 'dr-grpo', classes: levelClasses([0, 0.5, 1]), M: 8 },
    { spec: 'grpo:std=sample,eps=1e-6', classes: levelClasses([-1, 0.3, 2, 7]), M: 13 },
    {
      spec: 'trl-grpo:aggregation=normalize_then_sum',
      classes: rewardClasses({ rewardFunctions: 2 })!,
      M: 5,
    },
    { spec: 'grpo', classes: levelClasses([0, 1]), M: 2 },
    { spec: 'reinforce', classes: levelClasses([0, 0.5, 1]), M: 1 },
  ])('$spec, M = $M', ({ spec, classes, M }) => {
    const s = gradedScheme(spec, classes, M);
    const field = gradedField(s);
    const stated = statedBounds(s, field.largestWeight);
    // The same formulas in another order of operations: a few ulps apart at most.
    expect(Math.abs(field.tolerance - stated.tolerance)).toBeLessThanOrEqual(
      8 * u * stated.tolerance,
    );
    for (const length of [0.5, 1, 3]) {
      const want = length * stated.perLength;
      expect(Math.abs(field.integralTolerance(length) - want)).toBeLessThanOrEqual(8 * u * want);
    }
  });
});

describe('the smallest groups', () => {
  it('M = 1: the field is the constant weight of a lone response, with no derivative', () => {
    // reinforce's weight is the reward itself: W_j = x_j everywhere, so every d_k D_j is 0 and
    // the potential is sum_j q_j (x_j - x_0) = E[r] - r_0 (docs/theory.md §10).
    const x = [-0.5, 0.5, 2];
    const field = gradedField(gradedScheme('reinforce', levelClasses(x), 1));
    for (const q of [
      [0.2, 0.3, 0.5],
      [0, 0, 1],
      [1, 0, 0],
    ]) {
      const at = field.at(q);
      expect(at.W).toEqual(x);
      expect(at.dD).toEqual([
        [0, 0],
        [0, 0],
      ]);
      expect(at.curl).toBe(0);
      expect(at.kappa).toBe(0);
      const J = q[1]! * (x[1]! - x[0]!) + q[2]! * (x[2]! - x[0]!);
      expect(Math.abs(field.potential(q) - J)).toBeLessThanOrEqual(4 * u);
      expect(Math.abs(field.lineIntegral([1, 0, 0], q) - J)).toBeLessThanOrEqual(4 * u);
    }
  });

  it('M = 2: W is linear in q, so d_k D_j = D_j(e_k) - D_j(e_0) exactly', () => {
    // With one other response, n is a single class: W_j(q) = sum_c q_c w_j(e_c), and the identity
    // of docs/theory.md §10 with Multinomial(0, q) (a point mass at 0) gives the slope.
    for (const spec of ['grpo', 'mean-scaled:offset=0.1']) {
      const s = gradedScheme(spec, levelClasses([0, 0.5, 1]), 2);
      const field = gradedField(s);
      const e = (c: number) => [0, 1, 2].map((i) => (i === c ? 1 : 0));
      const D = (j: number, c: number) => s.weight(j, e(c)) - s.weight(0, e(c));
      const at = field.at([0.3, 0.3, 0.4]);
      for (let j = 1; j < 3; j++) {
        for (let k = 1; k < 3; k++) {
          const want = D(j, k) - D(j, 0);
          expect(
            Math.abs(at.dD[j - 1]![k - 1]! - want),
            `${spec} d_${k} D_${j}`,
          ).toBeLessThanOrEqual(4 * u * field.largestWeight);
        }
      }
      expect(at.dD.flat().some((d) => Math.abs(d) > 0.1)).toBe(true);
    }
  });
});

describe('the sums are compensated: 2u of the sum of |terms| (gradedField TSDoc)', () => {
  // The reference is the exact rational sum over the compositions, of the exact multinomial
  // probabilities times the scheme's own weights (the same doubles the field tabulates). Each q
  // halves what is left at each class (1/2, 1/4, 1/8, ...), so every conditional binomial has
  // ratio 1/2: the Pascal steps and their products are exact doubles, and only the products by
  // the weights and the sums round.
  const cases = [
    { spec: 'grpo', classes: levelClasses([0, 0.3, 1]), M: 30, q: [0.5, 0.25, 0.25] },
    {
      spec: 'grpo:std=sample,eps=1e-6',
      classes: levelClasses([-1, 0.3, 2, 7]),
      M: 16,
      q: [0.5, 0.25, 0.125, 0.125],
    },
    {
      spec: 'trl-grpo:aggregation=normalize_then_sum,reward-weights=0.7/1.3',
      classes: rewardClasses({ rewardFunctions: 2 })!,
      M: 20,
      q: [0.5, 0.25, 0.125, 0.125],
    },
  ];

  it.each(cases)('W_j: $spec, M = $M', ({ spec, classes, M, q }) => {
    const s = gradedScheme(spec, classes, M);
    const W = gradedField(s).W(q);
    for (let j = 0; j < classes.C; j++) {
      let exact = frac(0);
      let absolute = 0;
      for (const n of compositionsOf(M - 1, classes.C)) {
        const p = exactMultinomialPmf(n, q);
        const w = s.weight(j, n);
        exact = add(exact, mul(p, fromDouble(w)));
        absolute += Math.abs(toNumber(p) * w);
      }
      // Each product rounds by u/2 of its size, the compensated sum by 2u of the sum of sizes;
      // the reference itself is within an ulp of the exact sum.
      const want = toNumber(exact);
      expect(Math.abs(W[j]! - want), `W_${j}`).toBeLessThanOrEqual(
        2.5 * u * absolute + u * Math.abs(want),
      );
    }
  });

  it.each(cases)('d_k D_j: $spec, M = $M', ({ spec, classes, M, q }) => {
    const s = gradedScheme(spec, classes, M);
    const at = gradedField(s).at(q);
    const D = (j: number, m: readonly number[]) => s.weight(j, m) - s.weight(0, m);
    for (let j = 1; j < classes.C; j++) {
      for (let k = 1; k < classes.C; k++) {
        let exact = frac(0);
        let absolute = 0;
        for (const n of compositionsOf(M - 2, classes.C)) {
          const p = exactMultinomialPmf(n, q);
          const nk = [...n];
          nk[k]!++;
          const n0 = [...n];
          n0[0]!++;
          const delta = D(j, nk) - D(j, n0);
          exact = add(exact, mul(p, fromDouble(delta)));
          absolute += Math.abs(toNumber(p) * delta);
        }
        const want = (M - 1) * toNumber(exact);
        // The reference takes the same rounded differences; each product rounds by u/2 of its
        // size, the compensated sum by 2u of the sum of sizes, and the factor M - 1 and the
        // reference's own conversion to a double by an ulp.
        expect(Math.abs(at.dD[j - 1]![k - 1]! - want), `d_${k} D_${j}`).toBeLessThanOrEqual(
          2.5 * u * (M - 1) * absolute + u * Math.abs(want),
        );
      }
    }
  });
});
