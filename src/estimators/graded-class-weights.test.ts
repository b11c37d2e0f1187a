import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  plainAlgorithm1,
  plainGradedAlgorithm1,
} from '../../test/support/simulations/plain-loops.ts';
import { buildPolicy } from '../policies/build-policy.ts';
import { gradedSoftmax } from '../policies/graded-softmax.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import type { GradedSoftmaxDescription } from '../policies/policy-schema.ts';
import {
  levelClasses,
  type RewardClasses,
  rewardFunctionClasses,
} from '../rewards/reward-classes.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import { gradedScheme } from '../schemes/graded-scheme.ts';
import { scheme } from '../schemes/scheme.ts';
import { VectorMoments } from '../stats/vector-moments.ts';
import { algorithm1Groups } from './algorithm1-loops.ts';
import { ClassWeights, type GroupWeights } from './class-weights.ts';
import { GRADED_PATTERN_LIMIT, GradedClassWeights } from './graded-class-weights.ts';

/**
 * The binary weights of `spec` at `M` without their table by count, so that the guided softmax
 * loop updates group by group, as the graded loop does, instead of pooling equal counts.
 */
function unpooled(spec: string, M: number): GroupWeights {
  const weights = new ClassWeights(scheme(spec, M));
  return { classes: 2, byCount: null, into: (r, start, K, w) => weights.into(r, start, K, w) };
}

// Deterministic (fixed seeds, bit-for-bit comparisons): false-fail rate 0.

const THREE = levelClasses([0, 0.5, 1]);

function gradedPolicy(text: string, classes: RewardClasses) {
  return gradedSoftmax(parsePolicy(text) as GradedSoftmaxDescription, classes);
}

describe('GradedClassWeights', () => {
  it.each([
    ['grpo:std=population,eps=0.000001', THREE, 4],
    ['grpo:std=sample', THREE, 8],
    ['rloo', THREE, 9],
    ['trl-grpo:aggregation=normalize_then_sum', rewardFunctionClasses(2), 7],
    ['trl-grpo', rewardFunctionClasses(2), 8],
    ['dr-grpo', levelClasses([-1, 0.2, 0.3, 2, 5]), 6],
  ])(
    '%s at M = %i: the first response of each class, as the native formula gives it',
    (spec, classes, M) => {
      const s = gradedScheme(spec, classes, M);
      const weights = new GradedClassWeights(s);
      const C = classes.C;
      const u = new UniformStream(3, 'graded-class-weights', M);
      const w = new Float64Array(C);
      const z = new Float64Array(M);
      for (let n = 0; n < 300; n++) {
        const group = Int32Array.from({ length: M }, () => Math.floor(u.next() * C));
        weights.into(group, 0, 0, w);
        s.classAdvantagesInto(group, z);
        for (let c = 0; c < C; c++) {
          const i = group.indexOf(c);
          expect(Object.is(w[c], i < 0 ? 0 : z[i]), `class ${c} of [${group}]`).toBe(true);
        }
      }
    },
  );

  it.each([
    ['rloo', 4],
    ['rloo', 9],
  ])(
    '%s at M = %i: a group read at an offset has the weights of the same group at 0',
    (spec, M) => {
      // M = 4: the pattern table; M = 9: the formula (3^9 patterns are above the limit).
      const weights = new GradedClassWeights(gradedScheme(spec, THREE, M));
      const u = new UniformStream(4, 'graded-offset', M);
      const at = new Float64Array(3);
      const alone = new Float64Array(3);
      for (let n = 0; n < 50; n++) {
        const group = Int32Array.from({ length: M }, () => Math.floor(u.next() * 3));
        const padded = Int32Array.from([...group.map((c) => 2 - c), ...group, 2, 0, 1]);
        weights.into(padded, M, 0, at);
        weights.into(group, 0, 0, alone);
        expect([...at]).toEqual([...alone]);
      }
    },
  );

  it('tabulates up to the pattern limit and runs the formula above it', () => {
    expect(3 ** 8).toBeLessThanOrEqual(GRADED_PATTERN_LIMIT);
    expect(3 ** 9).toBeGreaterThan(GRADED_PATTERN_LIMIT);
  });
});

/** Logits and a nonempty correct set, as a binary and a graded description of the same policy. */
const policies = fc
  .integer({ min: 2, max: 6 })
  .chain((K) =>
    fc.tuple(
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: K, maxLength: K }),
      fc.array(fc.boolean(), { minLength: K, maxLength: K }),
    ),
  );

describe('graded softmax with two classes at levels 0, 1 is the binary path, bit for bit', () => {
  // Deterministic property (no false-fail rate): the same seed gives the same moments, bit for
  // bit, for every scheme acting on real rewards and M on both sides of the pattern tables.
  test.prop(
    [
      policies,
      fc.constantFrom('grpo', 'grpo:std=sample', 'rloo', 'dr-grpo', 'trl-grpo', 'reinforce'),
      fc.constantFrom(2, 3, 8, 11, 15, 40),
      fc.integer({ min: 0, max: 1000 }),
    ],
    { numRuns: 40 },
  )('same uniforms, same answers, same weights, same update', ([logits, right], spec, M, seed) => {
    const correct = right.flatMap((r, y) => (r ? [y] : []));
    const binary = buildPolicy({ kind: 'softmax', logits, correct });
    const graded = gradedSoftmax(
      { kind: 'softmax', logits, rewards: right.map((r) => (r ? 1 : 0)) },
      levelClasses([0, 1]),
    );
    const groups = 1500;
    const a = new VectorMoments(binary.dim);
    const u = new UniformStream(seed, 'graded');
    algorithm1Groups(binary, scheme(spec, M), groups, u, a, unpooled(spec, M));
    const b = new VectorMoments(graded.dim);
    const s = gradedScheme(spec, levelClasses([0, 1]), M);
    algorithm1Groups(graded, s, groups, new UniformStream(seed, 'graded'), b);
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it('the check can fail: levels 0, 2 move the estimate', () => {
    const logits = [0.3, -0.2, 0.5];
    const a = new VectorMoments(3);
    algorithm1Groups(
      buildPolicy({ kind: 'softmax', logits, correct: [1] }),
      scheme('rloo', 8),
      1500,
      new UniformStream(1, 'graded'),
      a,
    );
    const b = new VectorMoments(3);
    algorithm1Groups(
      gradedSoftmax({ kind: 'softmax', logits, rewards: [0, 2, 0] }, levelClasses([0, 2])),
      gradedScheme('rloo', levelClasses([0, 2]), 8),
      1500,
      new UniformStream(1, 'graded'),
      b,
    );
    expect(b.toJSON()).not.toEqual(a.toJSON());
  });
});

describe('the graded sampler loop against the plain loop', () => {
  // The same uniforms, answers, weights and update arithmetic, so the same bits; the cases cover
  // the pattern table and the formula, split guide buckets, and reward functions.
  it.each([
    ['grpo', 8, 'softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1', THREE, 2500],
    ['grpo:std=sample', 12, 'softmax:logits=0;-12;3;-20;1,rewards=1;0;0.5;1;0', THREE, 1500],
    [
      'trl-grpo:aggregation=normalize_then_sum',
      6,
      'softmax:logits=0.5;0;-0.5;0.2,rewards=0/0;0/1;1/0;1/1',
      rewardFunctionClasses(2),
      2000,
    ],
    [
      'trl-grpo',
      16,
      'softmax:logits=0.5;0;-0.5;0.2,rewards=0/0;0/1;1/0;1/1',
      rewardFunctionClasses(2),
      1200,
    ],
  ])('%s, M = %i, %s: the same bits', (spec, M, text, classes, groups) => {
    const policy = gradedPolicy(text, classes);
    const s = gradedScheme(spec, classes, M);
    const fast = new VectorMoments(policy.dim);
    const stream = new UniformStream(5, 'graded-loop');
    algorithm1Groups(policy, s, groups, stream, fast);
    const slow = plainGradedAlgorithm1(policy, s, groups, new UniformStream(5, 'graded-loop'));
    expect(fast.toJSON()).toEqual(slow.toJSON());
    // The check can fail: another scheme on the same draws differs.
    const other = plainGradedAlgorithm1(
      policy,
      gradedScheme('reinforce', classes, M),
      groups,
      new UniformStream(5, 'graded-loop'),
    );
    expect(other.toJSON()).not.toEqual(fast.toJSON());
  });

  it('the plain binary loop is unchanged by the shared block moments', () => {
    const policy = buildPolicy(parsePolicy('softmax:logits=0;1;2;3,correct=1'));
    const s = scheme('grpo', 8);
    const fast = new VectorMoments(policy.dim);
    const u = new UniformStream(4, 'samplers');
    algorithm1Groups(policy, s, 2000, u, fast, unpooled('grpo', 8));
    expect(plainAlgorithm1(policy, s, 2000, new UniformStream(4, 'samplers')).toJSON()).toEqual(
      fast.toJSON(),
    );
  });
});
