import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { buildPolicy } from '../policies/build-policy.ts';
import { softmaxProbabilities } from '../policies/categorical.ts';
import { gradedSoftmax } from '../policies/graded-softmax.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import type { GradedSoftmaxDescription } from '../policies/policy-schema.ts';
import { levelClasses } from '../rewards/reward-classes.ts';
import { scheme } from '../schemes/scheme.ts';
import {
  algorithm1ClosedForm,
  expectedDraws,
  gradedClosedForm,
  pureRsClosedForm,
} from './closed-forms.ts';

// Deterministic (exact enumeration, no sampling): false-fail rate 0.

/** The prompts of the corpus below, each a policy of its own, with its weight `Q`. */
const PROMPTS = [
  { Q: 0.5, text: 'bernoulli:p=0.2', json: '{"kind":"bernoulli","p":0.2}' },
  {
    Q: 0.3,
    text: 'softmax:logits=0;1;2,correct=1',
    json: '{"kind":"softmax","logits":[0,1,2],"correct":[1]}',
  },
  {
    Q: 0.2,
    text: 'softmax:logits=0.5;-1;0.25;1,correct=0;3',
    json: '{"kind":"softmax","logits":[0.5,-1,0.25,1],"correct":[0,3]}',
  },
] as const;

const CORPUS = buildPolicy(
  parsePolicy(
    `{"kind":"corpus","prompts":[${PROMPTS.map((x) => `{"Q":${x.Q},"policy":${x.json}}`).join(',')}]}`,
  ),
);

/**
 * Every response of one prompt's policy: its probability, its reward and its score
 * `grad log pi(y)` (docs/theory.md §5): `R - p` for the Bernoulli logit, `e_y - pi` for the
 * softmax; from the description, not from the policy's `gradP`.
 */
function responses(text: string) {
  const d = parsePolicy(text);
  if (d.kind === 'bernoulli') {
    const p = 'p' in d ? d.p : 0;
    return [
      { prob: p, reward: 1, score: [1 - p] },
      { prob: 1 - p, reward: 0, score: [-p] },
    ];
  }
  if (d.kind !== 'softmax' || !('correct' in d)) throw new Error('unsupported');
  const pi = softmaxProbabilities(Float64Array.from(d.logits));
  return [...pi].map((prob, y) => ({
    prob,
    reward: d.correct.includes(y) ? 1 : 0,
    score: [...pi].map((q, j) => (j === y ? 1 : 0) - q),
  }));
}

/**
 * The expected Algorithm 1 update of one prompt (docs/theory.md §2): every group of `M`
 * responses enumerated, the scheme's native formula applied, `(1/M) sum_i Z_i grad log pi(y_i)`
 * averaged; no count form and no `h'`.
 */
function enumeratedUpdate(text: string, spec: string, M: number): number[] {
  const rs = responses(text);
  const s = scheme(spec, M);
  const dim = rs[0]!.score.length;
  const mean = new Array<number>(dim).fill(0);
  for (let n = 0; n < rs.length ** M; n++) {
    const group = Array.from(
      { length: M },
      (_, i) => rs[Math.floor(n / rs.length ** i) % rs.length]!,
    );
    const Z = s.advantages(group.map((r) => r.reward));
    const prob = group.reduce((p, r) => p * r.prob, 1);
    for (let j = 0; j < dim; j++) {
      mean[j]! += (prob * group.reduce((sum, r, i) => sum + Z[i]! * r.score[j]!, 0)) / M;
    }
  }
  return mean;
}

describe('algorithm1ClosedForm', () => {
  it.each([
    ['grpo', 3],
    ['rloo', 3],
    ['passk:k=2', 2],
  ])(
    '%s at M = %i on a corpus: each block is Q(x) times the enumerated expected update of its prompt',
    (spec, M) => {
      const got = algorithm1ClosedForm(CORPUS, scheme(spec, M).c);
      const want = PROMPTS.flatMap(({ Q, text }) =>
        enumeratedUpdate(text, spec, M).map((g) => Q * g),
      );
      expect(got).toHaveLength(want.length);
      for (let j = 0; j < want.length; j++) {
        expect(Math.abs(got[j]! - want[j]!), `component ${j}`).toBeLessThan(1e-13);
      }
    },
  );

  it('the check can fail: the blocks of another scheme differ', () => {
    const got = algorithm1ClosedForm(CORPUS, scheme('reinforce', 3).c);
    const want = enumeratedUpdate(PROMPTS[0].text, 'grpo', 3);
    expect(Math.abs(got[0]! - PROMPTS[0].Q * want[0]!)).toBeGreaterThan(1e-3);
  });
});

describe('pureRsClosedForm and expectedDraws (docs/theory.md §4)', () => {
  it('each block is Q(x) E[grad log pi(y) | y correct] = Q(x) grad p_x / p_x, by enumeration', () => {
    const got = pureRsClosedForm(CORPUS);
    const want = PROMPTS.flatMap(({ Q, text }) => {
      const rs = responses(text).filter((r) => r.reward === 1);
      const p = rs.reduce((sum, r) => sum + r.prob, 0);
      return rs[0]!.score.map((_, j) => (Q * rs.reduce((s, r) => s + r.prob * r.score[j]!, 0)) / p);
    });
    expect(got).toHaveLength(want.length);
    for (let j = 0; j < want.length; j++) {
      expect(Math.abs(got[j]! - want[j]!), `component ${j}`).toBeLessThan(1e-15);
    }
  });

  it('is undefined where some p_x = 0: one clear error', () => {
    const policy = buildPolicy(parsePolicy('bernoulli:p=0'));
    expect(() => pureRsClosedForm(policy)).toThrow(InputError);
    expect(() => pureRsClosedForm(policy)).toThrow('pure-rs: grad log p is undefined at p = 0');
  });

  it('the expected number of draws is sum_x Q(x) B/p_x; infinite where some p_x = 0', () => {
    const p = CORPUS.prompts.map((x) => x.p);
    const want = PROMPTS.reduce((sum, { Q }, x) => sum + (Q * 7) / p[x]!, 0);
    expect(expectedDraws(CORPUS, 7)).toBeCloseTo(want, 12);
    // Each prompt's term on its own: one prompt needs B/p draws on average (negative binomial).
    expect(expectedDraws(buildPolicy(parsePolicy('bernoulli:p=0.25')), 3)).toBe(12);
    expect(expectedDraws(buildPolicy(parsePolicy('bernoulli:p=0')), 3)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe('gradedClosedForm (docs/theory.md §10)', () => {
  it('with one answer per class it is sum_j W_j q_j (e_j - q), from the softmax itself', () => {
    const logits = [0.3, -0.2, 0.9, -1.5];
    const description = parsePolicy(
      `softmax:logits=${logits.join(';')},rewards=0;0.5;1;2`,
    ) as GradedSoftmaxDescription;
    const policy = gradedSoftmax(description, levelClasses([0, 0.5, 1, 2]));
    const W = [0.7, -1.25, 2, 0.4];
    const q = softmaxProbabilities(Float64Array.from(logits));
    const got = gradedClosedForm(policy, W);
    expect(got).toHaveLength(logits.length);
    for (let y = 0; y < logits.length; y++) {
      const want = W.reduce((sum, w, j) => sum + w * q[j]! * ((j === y ? 1 : 0) - q[y]!), 0);
      expect(Math.abs(got[y]! - want), `component ${y}`).toBeLessThan(1e-15);
    }
  });
});
