import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compositionsOf, referenceWeight } from '../../test/support/graded/reference-weights.ts';
import { InputError } from '../errors/input-error.ts';
import {
  levelClasses,
  type RewardClasses,
  rewardFunctionClasses,
} from '../rewards/reward-classes.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import { type GradedScheme, gradedScheme, gradedSchemeNames } from './graded-scheme.ts';
import { scheme } from './scheme.ts';

const u = Number.EPSILON;

/** Graded-capable specs with their keys, and the smallest M each accepts. */
const binarySpec = fc.oneof(
  fc.constantFrom('reinforce', 'dr-grpo').map((spec) => ({ spec, minM: 1 })),
  fc.constantFrom('rloo', 'trl-rloo', 'openrlhf-group-norm').map((spec) => ({ spec, minM: 2 })),
  fc
    .tuple(
      fc.constantFrom('population', 'sample'),
      fc.constantFrom(0, 1e-8, 1e-6, 0.1),
      fc.constantFrom('std', 'var'),
    )
    .map(([std, eps, at]) => ({
      spec: `grpo:std=${std},eps=${eps},eps-at=${at}`,
      minM: std === 'sample' ? 2 : 1,
    })),
  fc.constantFrom('group', 'none').map((v) => ({ spec: `trl-grpo:scale-rewards=${v}`, minM: 2 })),
  fc.constantFrom('true', 'false').map((v) => ({ spec: `verl-grpo:norm-by-std=${v}`, minM: 1 })),
  fc.constantFrom(0.1, 1, 3).map((c) => ({ spec: `mean-scaled:offset=${c}`, minM: 1 })),
);

/** The first entry where `weight(j, n)` and the binary tables differ in any bit, or null. */
function binaryMismatch(graded: GradedScheme, a: readonly number[], b: readonly number[]) {
  const M = graded.M;
  for (let s = 0; s < M; s++) {
    const n = [M - 1 - s, s];
    if (!Object.is(graded.weight(0, n), a[s])) return `a[${s}]: ${graded.weight(0, n)} vs ${a[s]}`;
    if (!Object.is(graded.weight(1, n), b[s])) return `b[${s}]: ${graded.weight(1, n)} vs ${b[s]}`;
  }
  return null;
}

describe('two classes at levels 0, 1 are the binary scheme, bit for bit', () => {
  // Deterministic property (no false-fail rate): Object.is on every table entry.
  test.prop([binarySpec, fc.integer({ min: 1, max: 48 })], { numRuns: 150 })(
    'w_0(n) = a[n_1] and w_1(n) = b[n_1] for every s',
    ({ spec, minM }, m) => {
      const M = Math.max(m, minM);
      const binary = scheme(spec, M);
      const graded = gradedScheme(spec, levelClasses([0, 1]), M);
      expect(graded.spec).toBe(binary.spec);
      expect(binaryMismatch(graded, binary.a, binary.b)).toBeNull();
    },
  );

  it('one reward function under trl-grpo is binary trl-grpo, with either aggregation', () => {
    for (const aggregation of ['sum_then_normalize', 'normalize_then_sum']) {
      for (const M of [2, 3, 8, 17, 64]) {
        const binary = scheme('trl-grpo', M);
        const graded = gradedScheme(
          `trl-grpo:aggregation=${aggregation}`,
          rewardFunctionClasses(1),
          M,
        );
        expect(binaryMismatch(graded, binary.a, binary.b), `${aggregation} M=${M}`).toBeNull();
      }
    }
  });

  it('the check can fail: the binary tables of another spec differ', () => {
    const graded = gradedScheme('grpo:std=sample', levelClasses([0, 1]), 9);
    const other = scheme('grpo:std=population', 9);
    expect(binaryMismatch(graded, other.a, other.b)).not.toBeNull();
  });

  it('the check can fail: a canonical group with the others in increasing class order', () => {
    // The native formula sums its squares in group order, so the order of the canonical group
    // shows in the last bits; the bit-for-bit check sees it.
    let mismatches = 0;
    for (const M of [5, 6, 7, 9, 11, 13]) {
      const binary = scheme('grpo:std=sample,eps=0', M);
      const native = scheme('grpo:std=sample,eps=0', M);
      for (let s = 0; s < M; s++) {
        const group = [1, ...Array(M - 1 - s).fill(0), ...Array(s).fill(1)];
        if (!Object.is(native.advantages(group)[0], binary.b[s])) mismatches++;
      }
    }
    expect(mismatches).toBeGreaterThan(0);
  });
});

/** The classes, specs and reward weights the graded checks sweep. */
const CASES: readonly { classes: RewardClasses; specs: readonly string[]; weights?: number[] }[] = [
  {
    classes: levelClasses([0, 0.5, 1]),
    specs: [
      'reinforce',
      'rloo',
      'dr-grpo',
      'grpo:std=population,eps=0.000001,eps-at=std',
      'trl-grpo:scale-rewards=group',
      'mean-scaled:offset=0.1',
    ],
  },
  {
    classes: levelClasses([-1, 0.3, 2, 7]),
    specs: [
      'reinforce',
      'rloo',
      'dr-grpo',
      'grpo:std=population,eps=0.000001,eps-at=std',
      'trl-grpo:scale-rewards=group',
    ],
  },
  {
    classes: rewardFunctionClasses(2),
    weights: [0.7, 1.3],
    specs: [
      'trl-grpo:scale-rewards=group,aggregation=sum_then_normalize,reward-weights=0.7/1.3',
      'trl-grpo:scale-rewards=group,aggregation=normalize_then_sum,reward-weights=0.7/1.3',
    ],
  },
  { classes: rewardFunctionClasses(2), specs: ['reinforce', 'rloo', 'dr-grpo'] },
];

/**
 * The scale of the reference's own rounding: the largest weight times `1 + 2 R/g`, with `R` the
 * largest class reward and `g` the smallest gap between two of them (the variance as
 * `E[x^2] - mu^2` cancels by about `R/g` squared, and its root halves that exponent).
 */
function referenceScale(x: readonly number[], largest: number): number {
  const sorted = [...new Set(x)].sort((p, q) => p - q);
  const gap = Math.min(...sorted.slice(1).map((v, i) => v - sorted[i]!));
  return largest * (1 + (2 * Math.max(...x.map(Math.abs))) / gap);
}

describe('generalized count form against the formulas of docs/theory.md §10', () => {
  for (const { classes, specs, weights } of CASES) {
    for (const spec of specs) {
      it(`${spec} on ${classes.spec}: w_j(n) equals the reference at every n, M = 2..7`, () => {
        for (const M of [2, 3, 5, 7]) {
          const graded = gradedScheme(spec, classes, M);
          expect(graded.spec).toBe(spec);
          const reference = referenceWeight(spec, classes, M, weights);
          const table = compositionsOf(M - 1, classes.C).flatMap((n) =>
            classes.vectors.map((_, j) => ({ j, n, w: graded.weight(j, n), ref: reference(j, n) })),
          );
          const largest = Math.max(...table.map((e) => Math.abs(e.w)));
          // The weight's rounding (weightError) plus the reference's, 64 M ulps of its scale.
          const tolerance =
            graded.weightError + 64 * M * u * referenceScale(graded.scalarRewards, largest);
          for (const { j, n, w, ref } of table) {
            expect(Math.abs(w - ref), `M=${M} j=${j} n=${n}`).toBeLessThanOrEqual(tolerance);
          }
        }
      });
    }
  }

  it('the check can fail: grpo with the sample std against the population reference', () => {
    const classes = levelClasses([0, 0.5, 1]);
    const graded = gradedScheme('grpo:std=sample,eps=1e-6', classes, 5);
    const reference = referenceWeight('grpo:std=population,eps=0.000001,eps-at=std', classes, 5);
    const worst = Math.max(
      ...compositionsOf(4, 3).map((n) => Math.abs(graded.weight(2, n) - reference(2, n))),
    );
    expect(worst).toBeGreaterThan(0.01);
  });
});

describe('the native formula on any group is the count form (docs/theory.md §10)', () => {
  // Deterministic: fixed substreams, no false-fail rate. Each response's native weight in a
  // random group is w_{k_i}(N^(-i)) up to the rounding of the group's sums, whose order
  // differs from the canonical group's; weightError bounds each of the two roundings.
  for (const { classes, specs } of CASES) {
    for (const spec of specs) {
      it(`${spec} on ${classes.spec}`, () => {
        for (const M of [2, 4, 9, 33]) {
          const graded = gradedScheme(spec, classes, M);
          const uniform = new UniformStream(11, 'graded-native', M, spec, classes.spec);
          const group = new Int32Array(M);
          const out = new Float64Array(M);
          for (let g = 0; g < 40; g++) {
            // Skewed class probabilities, so that all-equal and lopsided groups occur too.
            const top = 1 + Math.floor(uniform.next() * classes.C);
            for (let i = 0; i < M; i++) group[i] = Math.floor(uniform.next() * top);
            graded.classAdvantagesInto(group, out);
            const counts = new Array(classes.C).fill(0);
            for (const k of group) counts[k]++;
            const weights = Array.from(group, (k, i) => {
              counts[k]--;
              const w = graded.weight(k, counts);
              counts[k]++;
              return { i, w };
            });
            // Both are the native formula, rounded differently: within twice weightError.
            for (const { i, w } of weights) {
              expect(
                Math.abs(out[i]! - w),
                `M=${M} group ${group.join('')} i=${i}`,
              ).toBeLessThanOrEqual(2 * graded.weightError);
            }
          }
        }
      });
    }
  }

  it('advantagesInto on reward vectors is classAdvantagesInto on their classes, bit for bit', () => {
    const classes = rewardFunctionClasses(3);
    for (const aggregation of ['sum_then_normalize', 'normalize_then_sum']) {
      const graded = gradedScheme(
        `trl-grpo:aggregation=${aggregation},reward-weights=1/0.25/3`,
        classes,
        6,
      );
      const group = [7, 0, 3, 3, 5, 6];
      const byClass = new Float64Array(6);
      graded.classAdvantagesInto(group, byClass);
      const byVector = new Float64Array(6);
      graded.advantagesInto(
        group.flatMap((k) => classes.vectors[k]!),
        byVector,
      );
      expect([...byVector]).toEqual([...byClass]);
      expect(graded.advantages(group.map((k) => classes.vectors[k]!))).toEqual([...byClass]);
    }
  });

  it('the check can fail: a weight that counts the response among the others', () => {
    const classes = levelClasses([0, 0.5, 1]);
    const graded = gradedScheme('dr-grpo', classes, 4);
    const out = new Float64Array(4);
    graded.classAdvantagesInto([2, 0, 1, 1], out);
    // The response of class 2 with itself among the others: counts [1, 2, 1] minus one class 0.
    expect(Math.abs(out[0]! - graded.weight(2, [0, 2, 1]))).toBeGreaterThan(0.1);
  });
});

describe('normalize_then_sum is a weighted sum of binary TRL weights, sum_then_normalize is not', () => {
  it('at d = 2 each class weight is sum_k w_k (TRL binary weight of function k)', () => {
    const M = 6;
    const classes = rewardFunctionClasses(2);
    const graded = gradedScheme(
      'trl-grpo:aggregation=normalize_then_sum,reward-weights=2/0.5',
      classes,
      M,
    );
    const binary = scheme('trl-grpo', M);
    const pick = (R: number, s: number) => (R === 1 ? binary.b[s]! : binary.a[s]!);
    for (const n of compositionsOf(M - 1, 4)) {
      for (let j = 0; j < 4; j++) {
        const [r1, r2] = classes.vectors[j]!;
        const s1 = n[2]! + n[3]!;
        const s2 = n[1]! + n[3]!;
        const want = 2 * pick(r1!, s1) + 0.5 * pick(r2!, s2);
        expect(Math.abs(graded.weight(j, n) - want)).toBeLessThanOrEqual(4 * M * u * 3);
      }
    }
  });
});

describe('refusals, each one line', () => {
  const levels = levelClasses([0, 0.5, 1]);
  const functions = rewardFunctionClasses(2);
  it.each([
    [
      'passk:k=2',
      levels,
      "scheme 'passk' with levels=0,0.5,1: allowed with graded rewards or reward functions: reinforce, rloo, dr-grpo, grpo, verl-grpo, trl-grpo, trl-rloo, openrlhf-group-norm, mean-scaled",
    ],
    ['nope', levels, "unknown scheme 'nope' with levels=0,0.5,1: allowed with graded"],
    [
      'trl-grpo:aggregation=normalize_then_sum',
      levels,
      "scheme 'trl-grpo': aggregation apply to trl-grpo with reward functions only, not with levels=0,0.5,1",
    ],
    [
      'grpo:reward-weights=1/2',
      functions,
      "scheme 'grpo': reward-weights apply to trl-grpo with reward functions only",
    ],
    [
      'trl-grpo:reward-weights=1/2/3',
      functions,
      "scheme 'trl-grpo': reward-weights needs 2 weights separated by '/', one per reward function, got '1/2/3'",
    ],
    ['trl-grpo:reward-weights=1/x', functions, "reward-weights entry 2 must be a number, got 'x'"],
    ['trl-grpo:aggregation=mean', functions, 'aggregation must be one of sum_then_normalize'],
    ['grpo:filter=dapo', levels, "scheme 'grpo' has no key 'filter'"],
    ['trl-grpo:scale-rewards=batch', functions, 'not count form'],
    [
      'mean-scaled:offset=0.5',
      levelClasses([-1, 0, 1]),
      'the lowest reward -1 must exceed -offset',
    ],
  ])('%s with %s', (spec, classes, message) => {
    let thrown: unknown;
    try {
      gradedScheme(spec, classes as RewardClasses, 4);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('M below the scheme limit, and rewards outside the classes', () => {
    expect(() => gradedScheme('rloo', levels, 1)).toThrow("scheme 'rloo' needs M >= 2");
    const graded = gradedScheme('grpo', levels, 3);
    expect(() => graded.advantages([0, 0.5, 0.7])).toThrow(
      "scheme 'grpo:std=population,eps=1e-8,eps-at=std' with M = 3 and levels=0,0.5,1: reward 2 is 0.7, not one of the classes 0, 0.5, 1",
    );
    expect(() => graded.advantages([0, 1])).toThrow('expected 3 rewards, got 2');
    expect(() =>
      gradedScheme('trl-grpo', functions, 2).advantages([
        [0, 1],
        [1, 2],
      ]),
    ).toThrow('reward 1 is [1, 2], not one of the classes 0/0, 0/1, 1/0, 1/1');
  });

  it('names the graded-capable schemes in catalogue order', () => {
    expect(gradedSchemeNames()).toEqual([
      'reinforce',
      'rloo',
      'dr-grpo',
      'grpo',
      'verl-grpo',
      'trl-grpo',
      'trl-rloo',
      'openrlhf-group-norm',
      'mean-scaled',
    ]);
  });
});
