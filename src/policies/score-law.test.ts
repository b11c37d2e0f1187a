import { describe, expect, it } from 'vitest';
import { buildPolicy } from './build-policy.ts';
import { softmaxProbabilities } from './categorical.ts';
import { parsePolicy } from './parse-policy.ts';
import type { Policy } from './policy.ts';
import { scoreMoments } from './score-law.ts';

const policyOf = (text: string) => buildPolicy(parsePolicy(text));

/** Every response with its probability, correctness and score vector, enumerated from theta. */
function responses(policy: Policy): { prob: number; right: boolean; score: number[] }[] {
  const d = policy.description;
  const theta = policy.theta;
  if (d.kind === 'softmax' && 'correct' in d) {
    const pi = softmaxProbabilities(theta);
    return [...pi].map((prob, y) => ({
      prob,
      right: d.correct.includes(y),
      score: [...pi].map((q, j) => (j === y ? 1 : 0) - q),
    }));
  }
  if (d.kind !== 'sequence') throw new Error('unsupported');
  const { V, L, r } = d;
  const out = [];
  for (let index = 0; index < V ** L; index++) {
    const y = Array.from({ length: L }, (_, l) => Math.floor(index / V ** (L - 1 - l)) % V);
    const score = new Array<number>(policy.dim).fill(0);
    let prob = 1;
    for (let l = 0; l < L; l++) {
      const row = l === 0 ? 0 : 1 + (l - 1) * V + y[l - 1]!;
      const q = softmaxProbabilities(theta.subarray(row * V, row * V + V));
      prob *= q[y[l]!]!;
      for (let v = 0; v < V; v++) score[row * V + v]! += (v === y[l] ? 1 : 0) - q[v]!;
    }
    out.push({ prob, right: y.reduce((a, b) => a + b, 0) % V === r, score });
  }
  return out;
}

/** Mean, variance and third central moment of component j over the responses on one side. */
function bruteMoments(policy: Policy, right: boolean, j: number) {
  const side = responses(policy).filter((x) => x.right === right);
  const mass = side.reduce((s, x) => s + x.prob, 0);
  const mean = side.reduce((s, x) => s + x.prob * x.score[j]!, 0) / mass;
  const central = (k: number) =>
    side.reduce((s, x) => s + x.prob * (x.score[j]! - mean) ** k, 0) / mass;
  return { mean, variance: central(2), third: central(3) };
}

// Sums of at most 81 terms of size <= 1, computed two ways: agreement to 1e-13 absolute
// (about 450 ulps of 1) leaves room for the rounding of both; a wrong side is off by > 1e-3.
const TOLERANCE = 1e-13;

describe('scoreMoments', () => {
  it.each([
    'softmax:logits=0.1;-0.4;0.3;0.0;1.2,correct=0;2',
    'softmax:logits=0;-9;1,correct=1',
    'sequence:V=3,L=3,r=1,seed=5',
    'sequence:V=2,L=4,r=0,seed=x,scale=2',
  ])('%s: the three-point law gives the enumerated moments on both sides', (text) => {
    const policy = policyOf(text);
    const { scores, p, gradP } = policy.prompts[0]!;
    for (let j = 0; j < policy.dim; j++) {
      for (const [side, right] of [
        ['correct', true],
        ['wrong', false],
      ] as const) {
        const got = scoreMoments(scores, side, j);
        const want = bruteMoments(policy, right, j);
        expect(Math.abs(got.mean - want.mean), `mean ${side} ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.variance - want.variance), `var ${side} ${j}`).toBeLessThan(TOLERANCE);
        expect(Math.abs(got.third - want.third), `third ${side} ${j}`).toBeLessThan(TOLERANCE);
      }
      // The conditional means are grad p / p and -grad p / (1 - p) (docs/theory.md §5, "The law of
      // a score").
      expect(Math.abs(scoreMoments(scores, 'correct', j).mean - gradP[j]! / p)).toBeLessThan(
        TOLERANCE,
      );
      expect(Math.abs(scoreMoments(scores, 'wrong', j).mean + gradP[j]! / (1 - p))).toBeLessThan(
        TOLERANCE,
      );
    }
    // The check can fail: the other side's law is far off for some component.
    const off = Array.from({ length: policy.dim }, (_, j) =>
      Math.abs(scoreMoments(scores, 'wrong', j).variance - bruteMoments(policy, true, j).variance),
    );
    expect(Math.max(...off)).toBeGreaterThan(1e-3);
  });

  it('bernoulli: the score is 1 - p given correct and -p given wrong, with no spread', () => {
    const { scores } = policyOf('bernoulli:p=0.3').prompts[0]!;
    expect(scoreMoments(scores, 'correct', 0)).toEqual({ mean: 0.7, variance: 0, third: 0 });
    expect(scoreMoments(scores, 'wrong', 0)).toEqual({ mean: -0.3, variance: 0, third: 0 });
  });

  it('corpus: each prompt keeps its own law', () => {
    const policy = policyOf(
      '{"kind":"corpus","prompts":[{"Q":0.5,"policy":{"kind":"bernoulli","p":0.2}},' +
        '{"Q":0.5,"policy":{"kind":"softmax","logits":[0,1,2],"correct":[1]}}]}',
    );
    expect(policy.prompts[1]!.scores).toEqual(
      policyOf('softmax:logits=0;1;2,correct=1').prompts[0]!.scores,
    );
  });
});
