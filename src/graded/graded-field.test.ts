import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compositionsOf, referenceWeight } from '../../test/support/graded/reference-weights.ts';
import {
  add,
  binom,
  type Frac,
  frac,
  fromDouble,
  mul,
  sub,
  toNumber,
} from '../../test/support/objective/exact.ts';
import { h, hPrime } from '../objective/h.ts';
import { levelClasses, rewardClasses } from '../rewards/reward-classes.ts';
import { gradedScheme } from '../schemes/graded-scheme.ts';
import { scheme } from '../schemes/scheme.ts';
import {
  GRADED_REFERENCES as graded,
  type SchemeReference,
  type Study,
} from '../verify/checks/graded-references.ts';
import { gradedField } from './graded-field.ts';

const u = Number.EPSILON;

/**
 * `max |x - ref|` relative to the largest `|ref|`, or to `floor` (the largest weight) when that
 * is larger: a vector that is 0 exactly (rloo's derivatives) is held to the weights' scale.
 */
function scaledError(x: readonly number[], ref: readonly number[], floor: number): number {
  const scale = Math.max(floor, ...ref.map(Math.abs));
  return Math.max(...x.map((v, i) => Math.abs(v - ref[i]!))) / scale;
}

/** The worst scaled errors of the field against one scheme's mpmath references. */
function errors(study: Study, reference: SchemeReference) {
  const classes = rewardClasses(study.classes)!;
  const field = gradedField(gradedScheme(reference.spec, classes, study.M));
  const e0 = reference.points[0]!.q.map((_, j) => (j === 0 ? 1 : 0));
  let W = 0;
  let dD = 0;
  let kappa = 0;
  let J = 0;
  let curl = 0;
  for (const p of reference.points) {
    const at = field.at(p.q);
    W = Math.max(W, scaledError(at.W, p.W, field.largestWeight));
    dD = Math.max(dD, scaledError(at.dD.flat(), p.dD.flat(), field.largestWeight));
    if (p.kappa !== undefined)
      kappa = Math.max(kappa, scaledError([at.kappa!], [p.kappa], field.largestWeight));
    if (p.J !== undefined) {
      J = Math.max(J, Math.abs(field.potential(p.q) - p.J) / Math.abs(p.J));
      J = Math.max(J, Math.abs(field.lineIntegral(e0, p.q) - p.J) / Math.abs(p.J));
    }
    curl = Math.max(
      curl,
      reference.closed ? at.curl / field.tolerance : Math.abs(at.curl - p.curl) / p.curl,
    );
  }
  const loop = study.loop;
  const circulation =
    field.lineIntegral(loop[0]!, loop[1]!) +
    field.lineIntegral(loop[1]!, loop[2]!) +
    field.lineIntegral(loop[2]!, loop[0]!);
  return { field, W, dD, kappa, J, curl, circulation };
}

describe('the field against 50-digit mpmath references (docs/theory.md §10)', () => {
  for (const study of [graded.levels, graded.functions]) {
    for (const reference of study.schemes) {
      it(`${reference.spec} on ${JSON.stringify(study.classes)}, M = ${study.M}`, () => {
        const e = errors(study, reference);
        // 1e-10 relative to the larger of each vector and the largest weight (measured: a few
        // ulps).
        expect(e.W).toBeLessThanOrEqual(1e-10);
        expect(e.dD).toBeLessThanOrEqual(1e-10);
        expect(e.kappa).toBeLessThanOrEqual(1e-10);
        expect(e.J).toBeLessThanOrEqual(1e-10);
        if (reference.closed) {
          // A closed field: the computed curl within its rounding bound, and so the circulation.
          expect(e.curl).toBeLessThanOrEqual(1);
          expect(Math.abs(e.circulation)).toBeLessThanOrEqual(e.field.integralTolerance(3));
        } else {
          expect(e.curl).toBeLessThanOrEqual(1e-10);
          expect(
            Math.abs(e.circulation - reference.circulation) / reference.circulation,
          ).toBeLessThanOrEqual(1e-10);
        }
      });
    }
  }

  it('the checks can fail: a field of another scheme misses every reference', () => {
    const study = graded.levels;
    const grpo = study.schemes.find((s) => s.spec.startsWith('grpo'))!;
    const e = errors(study, { ...grpo, spec: 'grpo:std=sample,eps=0.000001' });
    expect(e.W).toBeGreaterThan(1e-3);
    expect(e.dD).toBeGreaterThan(1e-3);
    expect(e.kappa).toBeGreaterThan(1e-3);
    expect(e.curl).toBeGreaterThan(1e-3);
    const rloo = study.schemes.find((s) => s.spec === 'rloo')!;
    expect(errors(study, { ...rloo, spec: 'dr-grpo' }).J).toBeGreaterThan(1e-3);
  });

  it('reproduces the rounded values docs/theory.md §10 states (|kappa| and the largest antisymmetric entry)', () => {
    const curls = (study: Study, prefix: string) =>
      study.schemes
        .find((s) => s.spec.startsWith(prefix))!
        .points.map((p) => Number(p.curl.toPrecision(4)));
    expect(curls(graded.levels, 'grpo')).toEqual([2.275, 2.464, 2.291]);
    expect(curls(graded.levels, 'mean-scaled')[0]).toBe(0.3148);
    expect(curls(graded.functions, 'trl-grpo:scale-rewards=group,aggregation=sum')).toEqual([
      3.317, 2.783,
    ]);
  });
});

describe('two classes at levels 0, 1: the binary objective of docs/theory.md §2', () => {
  const specs = fc.constantFrom(
    'reinforce',
    'rloo',
    'dr-grpo',
    'grpo',
    'grpo:std=sample,eps=1e-6',
    'trl-grpo',
    'mean-scaled:offset=0.2',
  );
  // Deterministic property: no false-fail rate. D_1 and h' are the same Bernstein sum, one as
  // a binomial expectation (Pascal tables, compensated), one in Bernstein form: each within a
  // few ulps per term, 16 M ulps of max |c| between them.
  test.prop([specs, fc.integer({ min: 2, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true })], {
    numRuns: 200,
  })("W_1 - W_0 = h_M'(t) and J = h_M(t)", (spec, M, t) => {
    const binary = scheme(spec, M);
    const field = gradedField(gradedScheme(spec, levelClasses([0, 1]), M));
    const W = field.W([1 - t, t]);
    const scale = Math.max(...binary.c.map(Math.abs));
    expect(Math.abs(W[1]! - W[0]! - hPrime(binary.c, t))).toBeLessThanOrEqual(16 * M * u * scale);
    expect(Math.abs(field.lineIntegral([1, 0], [1 - t, t]) - h(binary.c, t))).toBeLessThanOrEqual(
      16 * M * u * scale,
    );
    expect(Math.abs(field.potential([1 - t, t]) - h(binary.c, t))).toBeLessThanOrEqual(
      16 * M * u * scale,
    );
    expect(field.at([1 - t, t]).curl).toBe(0);
  });

  it('the check can fail: the binary objective of another scheme', () => {
    const field = gradedField(gradedScheme('grpo', levelClasses([0, 1]), 8));
    const W = field.W([0.7, 0.3]);
    expect(Math.abs(W[1]! - W[0]! - hPrime(scheme('dr-grpo', 8).c, 0.3))).toBeGreaterThan(0.1);
  });
});

/** `W_j(q)` and `d_k D_j` in exact rationals, from exact weights `w(j, n)` and the doubles `q`. */
function exactField(w: (j: number, n: number[]) => Frac, q: readonly number[], M: number) {
  const C = q.length;
  const Q = q.map(fromDouble);
  const pmf = (n: number[]): Frac => {
    let p = frac(1);
    let left = n.reduce((a, b) => a + b, 0);
    n.forEach((count, i) => {
      p = mul(p, frac(binom(left, count)));
      left -= count;
      for (let m = 0; m < count; m++) p = mul(p, Q[i]!);
    });
    return p;
  };
  const W = Array.from({ length: C }, (_, j) =>
    compositionsOf(M - 1, C).reduce((sum, n) => add(sum, mul(pmf(n), w(j, n))), frac(0)),
  );
  const dW = (j: number, k: number): Frac =>
    mul(
      frac(M - 1),
      compositionsOf(M - 2, C).reduce((sum, n) => {
        const nk = [...n];
        nk[k]!++;
        const n0 = [...n];
        n0[0]!++;
        return add(sum, mul(pmf(n), sub(w(j, nk), w(j, n0))));
      }, frac(0)),
    );
  const dD = Array.from({ length: C - 1 }, (_, j) =>
    Array.from({ length: C - 1 }, (_, k) => sub(dW(j + 1, k + 1), dW(0, k + 1))),
  );
  return { W, dD };
}

describe('exact BigInt rationals at small M (docs/theory.md §10)', () => {
  const classes = levelClasses([0, 0.5, 1]);
  const x = [frac(0), frac(1, 2), frac(1)];
  const sumOthers = (n: number[]) => n.reduce((s, c, i) => add(s, mul(frac(c), x[i]!)), frac(0));
  const exactWeights: Record<string, (M: number) => (j: number, n: number[]) => Frac> = {
    reinforce: () => (j) => x[j]!,
    rloo: (M) => (j, n) => sub(x[j]!, mul(sumOthers(n), frac(1, M - 1))),
    'dr-grpo': (M) => (j, n) => sub(x[j]!, mul(add(x[j]!, sumOthers(n)), frac(1, M))),
    // (v_j - mu)/(mu + C) with C the double 0.1, exactly.
    'mean-scaled:offset=0.1': (M) => (j, n) => {
      const mu = mul(add(x[j]!, sumOthers(n)), frac(1, M));
      const denominator = add(mu, fromDouble(0.1));
      const numerator = sub(x[j]!, mu);
      return { n: numerator.n * denominator.d, d: numerator.d * denominator.n };
    },
  };
  for (const [spec, weights] of Object.entries(exactWeights)) {
    it(`${spec}: W and d_k D_j at M = 4 and 5 within the rounding bounds`, () => {
      for (const M of [4, 5]) {
        const field = gradedField(gradedScheme(spec, classes, M));
        for (const q of [
          [0.5, 0.25, 0.25],
          [0.5, 0.2, 0.3],
          [0.125, 0.375, 0.5],
        ]) {
          const exact = exactField(weights(M), q, M);
          const at = field.at(q);
          const W = exact.W.map(toNumber);
          const scale = Math.max(...W.map(Math.abs), field.largestWeight);
          W.forEach((w, j) => {
            expect(Math.abs(at.W[j]! - w), `W_${j} at ${q}`).toBeLessThanOrEqual(
              field.integralTolerance(1) + 8 * u * scale,
            );
          });
          exact.dD.forEach((row, j) => {
            row.forEach((d, k) => {
              expect(
                Math.abs(at.dD[j]![k]! - toNumber(d)),
                `dD ${j} ${k} at ${q}`,
              ).toBeLessThanOrEqual(field.tolerance / 2);
            });
          });
          const kappa = toNumber(sub(exact.dD[1]![0]!, exact.dD[0]![1]!));
          expect(Math.abs(at.kappa! - kappa)).toBeLessThanOrEqual(field.tolerance);
          if (spec !== 'mean-scaled:offset=0.1') expect(kappa).toBe(0);
        }
      }
    });
  }

  it('mean-scaled has an exactly nonzero curl: the rationals say so without rounding', () => {
    const exact = exactField(exactWeights['mean-scaled:offset=0.1']!(4), [0.5, 0.2, 0.3], 4);
    expect(toNumber(sub(exact.dD[1]![0]!, exact.dD[0]![1]!))).not.toBe(0);
  });

  it('the check can fail: the field of dr-grpo against the exact rloo', () => {
    const field = gradedField(gradedScheme('dr-grpo', classes, 4));
    const W = exactField(exactWeights.rloo!(4), [0.5, 0.2, 0.3], 4).W.map(toNumber);
    expect(Math.abs(field.W([0.5, 0.2, 0.3])[2]! - W[2]!)).toBeGreaterThan(0.01);
  });
});

describe('the rounding bound of the curl', () => {
  it('holds the computed curl of every closed scheme, on every grid point, with margin', () => {
    for (const [spec, classes, M] of [
      ['dr-grpo', levelClasses([0, 0.5, 1]), 64],
      ['rloo', levelClasses([-1, 0.3, 2, 7]), 20],
      [
        'trl-grpo:aggregation=normalize_then_sum,reward-weights=0.7/1.3',
        rewardClasses({ rewardFunctions: 2 })!,
        24,
      ],
    ] as const) {
      const field = gradedField(gradedScheme(spec, classes, M));
      let worst = 0;
      for (const n of compositionsOf(6, classes.C)) {
        worst = Math.max(worst, field.at(n.map((c) => c / 6)).curl);
      }
      expect(worst, spec).toBeLessThanOrEqual(field.tolerance);
    }
  });

  it('the weights of the references agree with the native table within weightError', () => {
    const classes = levelClasses([0, 0.5, 1]);
    const graded8 = gradedScheme('grpo:std=population,eps=1e-6', classes, 8);
    const reference = referenceWeight('grpo:std=population,eps=0.000001,eps-at=std', classes, 8);
    for (const n of compositionsOf(7, 3)) {
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(graded8.weight(j, n) - reference(j, n))).toBeLessThanOrEqual(
          graded8.weightError + 64 * 8 * u * 10,
        );
      }
    }
  });
});
