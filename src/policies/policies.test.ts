import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../../test/support/files/test-dir.ts';
import { InputError } from '../errors/input-error.ts';
import { buildPolicy } from './build-policy.ts';
import { softmaxProbabilities } from './categorical.ts';
import { parsePolicy } from './parse-policy.ts';
import type { PolicyDescription } from './policy-schema.ts';

const TMP = testDir('rl-objective-policy-');

const policyOf = (text: string) => buildPolicy(parsePolicy(text));

/** p of a softmax or sequence description with parameters `theta`, by brute force. */
function bruteP(description: PolicyDescription, theta: Float64Array): number {
  if (description.kind === 'softmax' && 'correct' in description) {
    const pi = softmaxProbabilities(theta);
    return description.correct.reduce((s, y) => s + pi[y]!, 0);
  }
  if (description.kind !== 'sequence') throw new Error('unsupported');
  const { V, L, r } = description;
  let p = 0;
  for (let index = 0; index < V ** L; index++) {
    const y = Array.from({ length: L }, (_, l) => Math.floor(index / V ** (L - 1 - l)) % V);
    if (y.reduce((a, b) => a + b, 0) % V !== r) continue;
    let prob = 1;
    for (let l = 0; l < L; l++) {
      const row = l === 0 ? 0 : 1 + (l - 1) * V + y[l - 1]!;
      prob *= softmaxProbabilities(theta.subarray(row * V, row * V + V))[y[l]!]!;
    }
    p += prob;
  }
  return p;
}

describe('exact p and grad p', () => {
  it('bernoulli: p = sigmoid(theta), grad p = p(1 - p)', () => {
    const a = policyOf('bernoulli:p=0.3').prompts[0]!;
    expect(a.p).toBe(0.3);
    expect(a.gradP[0]).toBeCloseTo(0.21, 15);
    const b = policyOf('bernoulli:theta=-0.5').prompts[0]!;
    expect(b.p).toBeCloseTo(1 / (1 + Math.exp(0.5)), 15);
    expect(b.gradP[0]).toBeCloseTo(b.p * (1 - b.p), 15);
  });

  // Central differences with step 1e-5: truncation ~1e-11 and rounding ~1e-11 per component.
  it.each([
    'softmax:logits=0.1;-0.4;0.3;0.0;1.2,correct=0;2',
    'sequence:V=3,L=3,r=1,seed=5',
    'sequence:V=2,L=4,r=0,seed=x,scale=2',
  ])('%s: p is brute force and grad p matches its central differences', (text) => {
    const policy = policyOf(text);
    const { p, gradP } = policy.prompts[0]!;
    expect(Math.abs(p - bruteP(policy.description, policy.theta))).toBeLessThan(1e-14);
    expect(gradP.length).toBe(policy.dim);
    const step = 1e-5;
    for (let j = 0; j < policy.dim; j++) {
      const plus = Float64Array.from(policy.theta);
      const minus = Float64Array.from(policy.theta);
      plus[j]! += step;
      minus[j]! -= step;
      const numeric =
        (bruteP(policy.description, plus) - bruteP(policy.description, minus)) / (2 * step);
      expect(Math.abs(gradP[j]! - numeric)).toBeLessThan(1e-9);
    }
    // The check can fail: a gradient off in one component is caught.
    expect(Math.abs(gradP[0]! * 1.01 - gradP[0]!)).toBeGreaterThan(1e-9);
  });

  it('corpus: blocks at offsets, weights Q', () => {
    const policy = policyOf(
      '{"kind":"corpus","prompts":[{"Q":0.5,"policy":{"kind":"bernoulli","p":0.2}},' +
        '{"Q":0.25,"policy":{"kind":"softmax","logits":[0,1,2],"correct":[1]}},' +
        '{"Q":0.25,"policy":{"kind":"sequence","V":2,"L":2,"r":1,"seed":3}}]}',
    );
    expect(policy.dim).toBe(1 + 3 + 6);
    expect(policy.prompts.map((t) => t.offset)).toEqual([0, 1, 4]);
    expect(policy.prompts.map((t) => t.Q)).toEqual([0.5, 0.25, 0.25]);
  });
});

describe('parsePolicy', () => {
  it('reads short forms and JSON to the same description', () => {
    expect(parsePolicy('bernoulli:p=0.3')).toEqual(parsePolicy('{"kind":"bernoulli","p":0.3}'));
    expect(parsePolicy('softmax:logits=1;2,correct=1')).toEqual({
      kind: 'softmax',
      logits: [1, 2],
      correct: [1],
    });
    expect(parsePolicy('sequence:V=4,L=3,r=1,seed=7')).toEqual({
      kind: 'sequence',
      V: 4,
      L: 3,
      r: 1,
      seed: '7',
      scale: 1,
    });
    const file = join(TMP, 'p.json');
    writeFileSync(file, '{"kind":"bernoulli","theta":-0.5}');
    expect(parsePolicy(`@${file}`)).toEqual({ kind: 'bernoulli', theta: -0.5 });
    const bom = join(TMP, 'bom.json');
    writeFileSync(bom, '\uFEFF{"kind":"bernoulli","p":0.25}');
    expect(parsePolicy(`@${bom}`)).toEqual({ kind: 'bernoulli', p: 0.25 });
  });

  it.each([
    ['bernoulli:p=1.5', /p/],
    ['bernoulli:p=-0.1', /p/],
    ['bernoulli:p=0.3,theta=1', /not both/],
    ['{"kind":"bernoulli","p":2}', /p/],
    ['{"kind":"softmax","logits":[1,2],', /policy JSON/],
    ['{"kind":"dice"}', /kind/],
    ['[1,2]', /./],
    ['@/nonexistent/policy.json', /^policy file '\/nonexistent\/policy.json': file not found$/],
    ['@/dev/zero', /^policy file '\/dev\/zero': not a regular file \(a character device\)$/],
    ['softmax:logits=1;x,correct=0', /logits/],
    ['softmax:logits=1;2,correct=2', /correct index 2/],
    ['softmax:logits=1;2,correct=1;1', /twice/],
    ['sequence:V=10,L=6,r=1,seed=1', /enumeration limit 100000/],
    ['sequence:V=4,L=3,r=4,seed=1', /r must be/],
    ['corpus:file=x', /JSON/],
    ['dice:p=1', /unknown/],
    ['{"kind":"corpus","prompts":[{"Q":0.5,"policy":{"kind":"bernoulli","p":0.2}}]}', /sum to 0.5/],
  ])('%s is a one-line InputError', (text, message) => {
    let error: unknown;
    try {
      policyOf(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('softmax with K beyond the enumeration limit is refused', () => {
    const logits = new Array(100_001).fill(0);
    expect(() => buildPolicy({ kind: 'softmax', logits, correct: [0] })).toThrow(
      /enumeration limit/,
    );
  });
});
