import { describe, expect, it } from 'vitest';
import { registerAlpha } from '../../test/support/budget/false-fail.ts';
import { InputError } from '../errors/input-error.ts';
import { hPrime } from '../objective/index.ts';
import { softmaxProbabilities } from '../policies/categorical.ts';
import { type GradedPolicy, gradedSoftmax } from '../policies/graded-softmax.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import type { GradedSoftmaxDescription } from '../policies/policy-schema.ts';
import {
  levelClasses,
  type RewardClasses,
  rewardFunctionClasses,
} from '../rewards/reward-classes.ts';
import { type GradedScheme, gradedScheme, scheme } from '../schemes/index.ts';
import { mixtureMoments } from '../stats/mixture-moments.ts';
import { expectedClassWeights } from './class-count-law.ts';
import { gradedClosedForm } from './closed-forms.ts';
import { simulate } from './simulate.ts';
import { buildSimulation } from './simulation-input.ts';
import { updateLaws } from './update-laws.ts';

const THREE = levelClasses([0, 0.5, 1]);
const u = Number.EPSILON;

function policyOf(text: string, classes: RewardClasses): GradedPolicy {
  return gradedSoftmax(parsePolicy(text) as GradedSoftmaxDescription, classes);
}

/**
 * The exact first three moments of each component of the per-group update, by enumerating every
 * group of M answers (K^M of them) and the scheme's validated native formula on their rewards:
 * an independent reference for the graded laws and the closed form.
 */
function enumerated(policy: GradedPolicy, s: GradedScheme) {
  const pi = softmaxProbabilities(policy.theta);
  const K = policy.dim;
  const rewards = policy.description.rewards;
  const atoms: { prob: number; update: number[] }[] = [];
  for (let n = 0; n < K ** s.M; n++) {
    const answers = Array.from({ length: s.M }, (_, i) => Math.floor(n / K ** i) % K);
    const Z = s.advantages(answers.map((y) => rewards[y]!));
    const update = Array.from({ length: K }, (_, j) =>
      answers.reduce((sum, y, i) => sum + (Z[i]! * ((y === j ? 1 : 0) - pi[j]!)) / s.M, 0),
    );
    atoms.push({ prob: answers.reduce((p, y) => p * pi[y]!, 1), update });
  }
  return Array.from({ length: K }, (_, j) =>
    mixtureMoments(
      atoms.map((a) => ({ weight: a.prob, mean: a.update[j]!, variance: 0, third: 0 })),
    ),
  );
}

// Sums of at most 4^5 products of O(1) terms: 1e-12 absolute leaves room for rounding; another
// scheme's law is off by more than 1e-6.
const TOLERANCE = 1e-12;

describe('the expected update with graded rewards (docs/theory.md §10)', () => {
  it.each([
    ['grpo:std=population,eps=0.000001', 4, 'softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1', THREE],
    ['rloo', 4, 'softmax:logits=0.1;-0.4;0.3;0.8,rewards=1;0;0.5;1', THREE],
    ['dr-grpo', 3, 'softmax:logits=0.1;-0.4;0.3;1.1;-1,rewards=0.5;0;1;0;0.5', THREE],
    [
      'trl-grpo:aggregation=normalize_then_sum,reward-weights=0.7/1.3',
      4,
      'softmax:logits=0.5;0;-0.5;0.2,rewards=0/0;0/1;1/0;1/1',
      rewardFunctionClasses(2),
    ],
    [
      'trl-grpo',
      3,
      'softmax:logits=0.5;0;-0.5;0.2,rewards=1/1;0/1;1/0;0/0',
      rewardFunctionClasses(2),
    ],
  ])(
    '%s at M = %i on %s: the laws are the enumerated ones, their means the closed form',
    (spec, M, text, classes) => {
      const policy = policyOf(text, classes);
      const s = gradedScheme(spec, classes, M);
      const simulation = buildSimulation({
        scheme: spec,
        M,
        policy: text,
        groups: 10,
        ...(classes.kind === 'levels' ? { levels: classes.sums } : { rewardFunctions: classes.d }),
      });
      const laws = updateLaws(simulation, 0);
      const want = enumerated(policy, s);
      const closed = gradedClosedForm(policy, expectedClassWeights(s, policy.q).W);
      expect(laws.map((l) => l.component)).toEqual([...policy.theta.keys()]);
      for (const { component: j, law } of laws) {
        const got = mixtureMoments(law.parts);
        expect(Math.abs(got.mean - want[j]!.mean), `mean ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(closed[j]! - want[j]!.mean), `closed form ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.variance - want[j]!.variance), `variance ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.third - want[j]!.third), `third ${j}`).toBeLessThan(TOLERANCE);
      }
      // The check can fail: another scheme's closed form is off (RLOO's is REINFORCE's).
      const otherSpec = spec.startsWith('grpo') ? 'reinforce' : 'grpo';
      const other = gradedClosedForm(
        policy,
        expectedClassWeights(gradedScheme(otherSpec, classes, M), policy.q).W,
      );
      expect(Math.max(...other.map((x, j) => Math.abs(x - want[j]!.mean)))).toBeGreaterThan(1e-6);
    },
  );

  it("with two classes at levels 0, 1, W_1 - W_0 is the binary h_M'(q_1)", () => {
    for (const spec of ['grpo', 'grpo:std=sample', 'rloo', 'trl-grpo']) {
      for (const M of [2, 5, 9]) {
        const s = gradedScheme(spec, levelClasses([0, 1]), M);
        const c = scheme(spec, M).c;
        for (const t of [0.05, 0.3, 0.71]) {
          const { W } = expectedClassWeights(s, [1 - t, t]);
          const want = hPrime(c, t);
          expect(Math.abs(W[1]! - W[0]! - want), `${spec} M=${M} t=${t}`).toBeLessThan(
            64 * u * Math.max(1, ...c.map(Math.abs)),
          );
        }
      }
    }
  });

  it('Dr. GRPO and RLOO have the constant differences of docs/theory.md §10', () => {
    const M = 8;
    const q = [0.5, 0.2, 0.3];
    const dr = expectedClassWeights(gradedScheme('dr-grpo', THREE, M), q).W;
    const rloo = expectedClassWeights(gradedScheme('rloo', THREE, M), q).W;
    for (const j of [1, 2]) {
      const v = THREE.sums[j]! - THREE.sums[0]!;
      expect(Math.abs(dr[j]! - dr[0]! - (1 - 1 / M) * v)).toBeLessThan(64 * u);
      expect(Math.abs(rloo[j]! - rloo[0]! - v)).toBeLessThan(64 * u);
    }
  });
});

describe('simulate with graded rewards', () => {
  // Each run: Holm over the policy's logits at alpha 1e-9, its precondition checked (registered
  // per run); the mutant's disagreement is no false-fail (a closed form 10 % off).
  it.each([
    ['grpo', 8, 'softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1', { levels: [0, 0.5, 1] }],
    ['dr-grpo', 8, 'softmax:logits=0.3;-0.2;0.9;0,rewards=0;0.5;1;1', { levels: [0, 0.5, 1] }],
    ['rloo', 6, 'softmax:logits=-0.3;0.2;0.4,rewards=0;1;2.5', { levels: [0, 1, 2.5] }],
    [
      'trl-grpo:aggregation=normalize_then_sum',
      6,
      'softmax:logits=0.3;-0.2;0.9;0,rewards=0/0;0/1;1/0;1/1',
      { rewardFunctions: 2 },
    ],
    [
      'trl-grpo',
      6,
      'softmax:logits=0.3;-0.2;0.9;0,rewards=0/0;0/1;1/0;1/1',
      { rewardFunctions: 2 },
    ],
  ])('%s at M = %i on %s agrees with sum_j W_j grad q_j', async (spec, M, policy, classes) => {
    const alpha = registerAlpha(1e-9);
    const input = { scheme: spec, M, policy, groups: 200_000, seed: 7, alpha, ...classes };
    const result = await simulate(input);
    expect(result.outcome).toBe('agree');
    // The check can fail: a closed form 10 % too large is caught.
    const wrong = Float64Array.from(result.closedForm, (x) => 1.1 * x);
    const mutant = await simulate({ ...input, closedForm: wrong });
    expect(mutant.outcome).toBe('disagree');
  });
});

describe('graded simulation inputs', () => {
  const graded = { scheme: 'grpo', M: 4, groups: 10, levels: [0, 0.5, 1] };
  it.each([
    [
      { ...graded, policy: 'softmax:logits=0;1;2,correct=1' },
      /the policy must be a softmax with a reward for each answer/,
    ],
    [{ ...graded, policy: 'bernoulli:p=0.3' }, /the policy must be a softmax with a reward/],
    [
      { ...graded, policy: 'softmax:logits=0;1;2,rewards=0;0.7;1' },
      /reward of answer 1 is 0.7, not one of the classes of levels=0,0.5,1/,
    ],
    [
      { ...graded, policy: 'softmax:logits=0;1,rewards=0;1', rewardFunctions: 2 },
      /either levels or reward-functions, not both/,
    ],
    [{ ...graded, policy: 'softmax:logits=0;1,rewards=0;1', levels: [0, 1, 1] }, /repeats/],
    [
      { ...graded, policy: 'softmax:logits=0;1,rewards=0;1', scheme: 'passk:k=2' },
      /allowed with graded rewards/,
    ],
    [
      {
        ...graded,
        policy: 'softmax:logits=0;1,rewards=0;1',
        estimator: 'pure-rs',
        B: 2,
        scheme: undefined,
        M: undefined,
      },
      /graded rewards apply to algorithm1/,
    ],
    [
      { scheme: 'grpo', M: 4, groups: 10, policy: 'softmax:logits=0;1,rewards=0;1' },
      /rewards= gives graded rewards, which need reward classes/,
    ],
  ])('%j is refused in one line', (input, message) => {
    let error: unknown;
    try {
      buildSimulation(input as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
