import { describe, expect, it } from 'vitest';
import { buildPolicy } from '../policies/build-policy.ts';
import { softmaxProbabilities } from '../policies/categorical.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import type { Policy } from '../policies/policy.ts';
import { scheme } from '../schemes/index.ts';
import type { Scheme } from '../schemes/scheme.ts';
import { mixtureMoments } from '../stats/mixture-moments.ts';
import { algorithm1ClosedForm } from './closed-forms.ts';
import { buildSimulation } from './simulation-input.ts';
import { updateLaws } from './update-laws.ts';

/** Every response of a single-prompt policy: probability, reward and score vector. */
function responses(policy: Policy) {
  const d = policy.description;
  if (d.kind === 'bernoulli') {
    const p = policy.prompts[0]!.p;
    return [
      { prob: p, reward: 1, score: [1 - p] },
      { prob: 1 - p, reward: 0, score: [-p] },
    ];
  }
  if (d.kind !== 'softmax' || !('correct' in d)) throw new Error('unsupported');
  const pi = softmaxProbabilities(policy.theta);
  return [...pi].map((prob, y) => ({
    prob,
    reward: d.correct.includes(y) ? 1 : 0,
    score: [...pi].map((q, j) => (j === y ? 1 : 0) - q),
  }));
}

/**
 * The exact first three moments of each component of Algorithm 1's per-group update, by
 * enumerating every group of M responses and applying the scheme's native formula: an
 * independent reference for the count-form laws.
 */
function enumerated(policy: Policy, s: Scheme) {
  const rs = responses(policy);
  const atoms: { prob: number; update: number[] }[] = [];
  const index = new Array<number>(s.M).fill(0);
  for (let n = 0; n < rs.length ** s.M; n++) {
    for (let i = 0, rest = n; i < s.M; i++, rest = Math.floor(rest / rs.length))
      index[i] = rest % rs.length;
    const group = index.map((y) => rs[y]!);
    const Z = s.advantages(group.map((r) => r.reward));
    const update = policy.theta.map((_, j) =>
      group.reduce((sum, r, i) => sum + (Z[i]! * r.score[j]!) / s.M, 0),
    );
    atoms.push({ prob: group.reduce((p, r) => p * r.prob, 1), update: [...update] });
  }
  return Array.from({ length: policy.dim }, (_, j) =>
    mixtureMoments(
      atoms.map((a) => ({ weight: a.prob, mean: a.update[j]!, variance: 0, third: 0 })),
    ),
  );
}

// Sums of at most 4^4 = 256 products of O(1) terms: 1e-12 absolute leaves room for rounding;
// another scheme's law is off by more than 1e-6.
const TOLERANCE = 1e-12;

describe('updateLaws', () => {
  it.each([
    ['grpo:std=sample', 3, 'bernoulli:p=0.3'],
    ['rs', 4, 'bernoulli:p=0.05'],
    ['verl-grpo-passk:norm-by-std=true', 4, 'softmax:logits=0.4;-1;0;2,correct=0;1'],
    ['passk:k=2', 3, 'softmax:logits=0;-2;1,correct=1'],
    ['rloo', 2, 'softmax:logits=0.1;-0.4;0.3,correct=2'],
  ])(
    '%s at M = %i on %s: the law is the enumerated one, its mean the closed form',
    (spec, M, text) => {
      const policy = buildPolicy(parsePolicy(text));
      const s = scheme(spec, M);
      const simulation = buildSimulation({ scheme: spec, M, policy: text, groups: 10 });
      const laws = updateLaws(simulation, 0);
      const want = enumerated(policy, s);
      const closed = algorithm1ClosedForm(policy, s.c);
      expect(laws.map((l) => l.component)).toEqual(
        [...policy.prompts[0]!.gradP].flatMap((g, j) => (g === 0 ? [] : [j])),
      );
      for (const { component: j, law } of laws) {
        const got = mixtureMoments(law.parts);
        expect(Math.abs(got.mean - want[j]!.mean), `mean ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.mean - closed[j]!), `closed form ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.variance - want[j]!.variance), `variance ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.third - want[j]!.third), `third ${j}`).toBeLessThan(TOLERANCE);
      }
      // The check can fail: the tables of another scheme give another variance.
      if (simulation.kind !== 'algorithm1') throw new Error('algorithm1 expected');
      const other = updateLaws({ ...simulation, scheme: scheme('reinforce', M) }, 0);
      expect(
        Math.max(
          ...other.map(({ component: j, law }) =>
            Math.abs(mixtureMoments(law.parts).variance - want[j]!.variance),
          ),
        ),
      ).toBeGreaterThan(1e-6);
    },
  );

  it('a corpus mixes in the groups of other prompts as zeros', () => {
    const text =
      '{"kind":"corpus","prompts":[{"Q":0.25,"policy":{"kind":"bernoulli","p":0.4}},' +
      '{"Q":0.75,"policy":{"kind":"bernoulli","p":0.7}}]}';
    const simulation = buildSimulation({ scheme: 'grpo', M: 3, policy: text, groups: 10 });
    const [first] = updateLaws(simulation, 0);
    const alone = buildPolicy(parsePolicy('bernoulli:p=0.4'));
    const single = enumerated(alone, scheme('grpo', 3))[0]!;
    const mixed = mixtureMoments(first!.law.parts);
    // A quarter of the groups draw from the single law, the rest give 0.
    expect(mixed.mean).toBeCloseTo(0.25 * single.mean, 14);
    expect(mixed.variance).toBeCloseTo(
      0.25 * (single.variance + single.mean ** 2) - (0.25 * single.mean) ** 2,
      14,
    );
  });

  it('pure rejection sampling: the number of draws is B plus a negative binomial', () => {
    const text = 'bernoulli:p=0.3';
    const simulation = buildSimulation({ estimator: 'pure-rs', B: 3, policy: text, groups: 10 });
    const laws = updateLaws(simulation, 0);
    // The gradient is 1 - p in every group (one correct score), the draws come last.
    expect(laws.map((l) => l.component)).toEqual([0, 1]);
    expect(mixtureMoments(laws[0]!.law.parts)).toMatchObject({ mean: 0.7, variance: 0 });
    // Direct sums over N = 3, 4, ... of C(N-1, 2) p^3 (1-p)^(N-3), to a tail below 1e-30.
    const atoms: [number, number][] = [];
    for (let N = 3; N < 400; N++)
      atoms.push([(((N - 1) * (N - 2)) / 2) * 0.3 ** 3 * 0.7 ** (N - 3), N]);
    const want = mixtureMoments(
      atoms.map(([weight, mean]) => ({ weight, mean, variance: 0, third: 0 })),
    );
    const got = mixtureMoments(laws[1]!.law.parts);
    expect(Math.abs(got.mean - want.mean) / want.mean).toBeLessThan(1e-12);
    expect(Math.abs(got.variance - want.variance) / want.variance).toBeLessThan(1e-12);
    expect(Math.abs(got.third - want.third) / want.third).toBeLessThan(1e-11);
  });
});
