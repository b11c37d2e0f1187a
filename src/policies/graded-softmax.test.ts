import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { levelClasses, rewardFunctionClasses } from '../rewards/reward-classes.ts';
import { buildPolicy } from './build-policy.ts';
import { softmaxProbabilities } from './categorical.ts';
import { type GradedPolicy, gradedSoftmax } from './graded-softmax.ts';
import { parsePolicy } from './parse-policy.ts';
import type { GradedSoftmaxDescription } from './policy-schema.ts';
import { sideMoments } from './score-law.ts';

const u = Number.EPSILON;

function graded(text: string, classes = levelClasses([0, 0.5, 1])): GradedPolicy {
  return gradedSoftmax(parsePolicy(text) as GradedSoftmaxDescription, classes);
}

/** `q_j(theta)` by brute force: the probabilities of the answers of class `j`, summed. */
function bruteQ(theta: ArrayLike<number>, classOf: ArrayLike<number>, j: number): number {
  const pi = softmaxProbabilities(theta);
  let q = 0;
  for (let y = 0; y < pi.length; y++) if (classOf[y] === j) q += pi[y]!;
  return q;
}

describe('the softmax policy with graded rewards (docs/theory.md §10)', () => {
  it('reads rewards as levels or as vectors of reward functions', () => {
    expect(parsePolicy('softmax:logits=0;1;2,rewards=0;0.5;1')).toEqual({
      kind: 'softmax',
      logits: [0, 1, 2],
      rewards: [0, 0.5, 1],
    });
    const vectors = graded(
      'softmax:logits=0;1;2;3,rewards=0/0;0/1;1/0;1/1',
      rewardFunctionClasses(2),
    );
    expect(Array.from(vectors.classOf)).toEqual([0, 1, 2, 3]);
    expect(vectors.description.rewards).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const json = parsePolicy('{"kind":"softmax","logits":[0,1],"rewards":[[1,0],[0,1]]}');
    expect(Array.from(gradedSoftmax(json as never, rewardFunctionClasses(2)).classOf)).toEqual([
      2, 1,
    ]);
  });

  // Central differences with step 1e-5: truncation ~1e-11 and rounding ~1e-11 per component.
  it.each([
    ['softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1', levelClasses([0, 0.5, 1])],
    ['softmax:logits=0.1;-0.4;0.3;0;1.2,rewards=1;0;0.5;1;0', levelClasses([0, 0.5, 1])],
    ['softmax:logits=0.5;0;-0.5;0.2;0.1,rewards=1/1;0/1;1/0;0/0;0/1', rewardFunctionClasses(2)],
  ])('%s: q is brute force and grad q matches its central differences', (text, classes) => {
    const policy = graded(text, classes);
    const step = 1e-5;
    for (let j = 0; j < classes.C; j++) {
      expect(Math.abs(policy.q[j]! - bruteQ(policy.theta, policy.classOf, j))).toBeLessThan(8 * u);
      for (let y = 0; y < policy.dim; y++) {
        const plus = Float64Array.from(policy.theta);
        const minus = Float64Array.from(policy.theta);
        plus[y]! += step;
        minus[y]! -= step;
        const numeric =
          (bruteQ(plus, policy.classOf, j) - bruteQ(minus, policy.classOf, j)) / (2 * step);
        expect(Math.abs(policy.gradQ[j]![y]! - numeric)).toBeLessThan(1e-9);
      }
    }
    // The check can fail: grad q_1 in place of grad q_0 is caught.
    expect(Math.abs(policy.gradQ[1]![0]! - policy.gradQ[0]![0]!)).toBeGreaterThan(1e-9);
  });

  it('with one answer per class, grad q_j = q_j (e_j - q)', () => {
    const policy = graded('softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1');
    for (let j = 0; j < 3; j++) {
      for (let y = 0; y < 3; y++) {
        const expected = policy.q[j]! * ((j === y ? 1 : 0) - policy.q[y]!);
        expect(Math.abs(policy.gradQ[j]![y]! - expected)).toBeLessThan(4 * u);
      }
    }
  });

  it("each class's score law has mean grad q_j / q_j (the identity E[1[k = j] grad log pi] = grad q_j)", () => {
    const policy = graded('softmax:logits=0.1;-0.4;0.3;0;1.2,rewards=1;0;0.5;1;0');
    for (let j = 0; j < 3; j++) {
      for (let y = 0; y < policy.dim; y++) {
        const { mean } = sideMoments(policy.pi[y]!, policy.scores.byClass[j]!, y);
        const expected = policy.gradQ[j]![y]! / policy.q[j]!;
        expect(Math.abs(mean - expected)).toBeLessThan(16 * u);
      }
    }
  });

  it('a class no answer has gets q = 0 and a law that cannot occur', () => {
    const policy = graded('softmax:logits=0;1,rewards=0;1');
    expect(policy.q[1]).toBe(0);
    expect(Array.from(policy.scores.byClass[1]!.used)).toEqual([0, 0]);
  });

  it.each([
    ['softmax:logits=0;1;2,rewards=0;0.5', levelClasses([0, 0.5, 1]), /2 rewards for 3 answers/],
    [
      'softmax:logits=0;1;2,rewards=0;0.7;1',
      levelClasses([0, 0.5, 1]),
      /reward of answer 1 is 0.7, not one of the classes of levels=0,0.5,1/,
    ],
    [
      'softmax:logits=0;1,rewards=0/1;1/2',
      rewardFunctionClasses(2),
      /reward of answer 1 is 1\/2, not one of the classes/,
    ],
    [
      'softmax:logits=0;1,rewards=0/1;1',
      rewardFunctionClasses(2),
      /reward of answer 1 is 1, not one of/,
    ],
    ['softmax:logits=0;x,rewards=0;1', levelClasses([0, 1]), /logits/],
  ])('%s is a one-line InputError', (text, classes, message) => {
    let error: unknown;
    try {
      graded(text, classes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('is refused where binary rewards are expected, and together with correct=', () => {
    expect(() => buildPolicy(parsePolicy('softmax:logits=0;1,rewards=0;1'))).toThrow(
      /rewards= gives graded rewards, which need reward classes/,
    );
    expect(() => parsePolicy('softmax:logits=0;1,rewards=0;1,correct=1')).toThrow(/not both/);
  });
});
