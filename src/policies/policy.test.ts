import { describe, expect, it } from 'vitest';
import { substream } from '../rng/substream.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import type { VectorSink } from '../stats/index.ts';
import { buildPolicy } from './build-policy.ts';
import { softmaxProbabilities } from './categorical.ts';
import { parsePolicy } from './parse-policy.ts';
import type { Policy } from './policy.ts';
import { prefixLength } from './sequence-sampler.ts';

/**
 * A sink that writes each component it is sent into `g`, and counts how often each was sent
 * (the samplers must send every component of their block exactly once).
 */
function into(g: Float64Array): VectorSink & { readonly sent: Int32Array } {
  const sent = new Int32Array(g.length);
  return {
    sent,
    next() {},
    put(j, x) {
      g[j] = x;
      sent[j] = sent[j]! + 1;
    },
    zeros(from, to) {
      for (let j = from; j < to; j++) this.put(j, 0);
    },
  };
}

// Deterministic: false-fail rate 0. A group's update is computed from counts; here it is
// computed response by response, `sum_i w[R_i] · scale · grad log pi(y_i)`, from the response
// each group of uniforms gives by linear search. Sums of at most 600 terms of size at most 2:
// agreement to 1e-12 absolute (about 4500 ulps of 1) leaves room for both roundings; a wrong
// answer, class or row is off by more than 1e-3.
const TOLERANCE = 1e-12;

/** A sequence policy's prefix probabilities, made once per policy: every response reads them. */
const prefixProbabilities = new WeakMap<Policy, number[]>();

/** The response drawn from `uniforms` (width of them): its reward and score vector. */
function plainResponse(policy: Policy, uniforms: number[]): { reward: number; score: number[] } {
  const d = policy.description;
  // Running sums divided by their total, the last exactly 1 (Categorical's rule).
  const cdfOf = (q: ArrayLike<number>) => {
    const total = Array.from(q).reduce((a, b) => a + b, 0);
    let running = 0;
    return Array.from(q, (x, j) => {
      running += x;
      return j === q.length - 1 ? 1 : running / total;
    });
  };
  const pick = (q: ArrayLike<number>, u: number) => cdfOf(q).findIndex((c) => u < c);
  if (d.kind === 'bernoulli') {
    const p = policy.prompts[0]!.p;
    const reward = uniforms[0]! < p ? 1 : 0;
    return { reward, score: [reward - p] };
  }
  if (d.kind === 'softmax' && 'correct' in d) {
    const pi = softmaxProbabilities(policy.theta);
    const y = pick(pi, uniforms[0]!);
    return {
      reward: d.correct.includes(y) ? 1 : 0,
      score: [...pi].map((q, j) => (j === y ? 1 : 0) - q),
    };
  }
  if (d.kind !== 'sequence') throw new Error('unsupported');
  const { V, L, r } = d;
  // The first P tokens from one uniform, by inversion over the V^P prefixes in enumeration
  // order (y_0 the most significant digit), each of probability prod_l q_row(y_l); then each
  // later token from one uniform in its row.
  const P = prefixLength(V, L);
  const rowProbabilities = (row: number) =>
    softmaxProbabilities(policy.theta.subarray(row * V, row * V + V));
  const prefixOf = (index: number) =>
    Array.from({ length: P }, (_, l) => Math.floor(index / V ** (P - 1 - l)) % V);
  const rowOf = (l: number, y: readonly number[]) => (l === 0 ? 0 : 1 + (l - 1) * V + y[l - 1]!);
  let probabilities = prefixProbabilities.get(policy);
  if (probabilities === undefined) {
    probabilities = Array.from({ length: V ** P }, (_, index) => {
      const y = prefixOf(index);
      let prob = 1;
      for (let l = 0; l < P; l++) prob *= rowProbabilities(rowOf(l, y))[y[l]!]!;
      return prob;
    });
    prefixProbabilities.set(policy, probabilities);
  }
  const y = prefixOf(pick(probabilities, uniforms[0]!));
  for (let l = P; l < L; l++) y.push(pick(rowProbabilities(rowOf(l, y)), uniforms[1 + l - P]!));
  const score = new Array<number>(policy.dim).fill(0);
  for (let l = 0; l < L; l++) {
    const row = rowOf(l, y);
    const q = rowProbabilities(row);
    for (let v = 0; v < V; v++) score[row * V + v]! += (v === y[l] ? 1 : 0) - q[v]!;
  }
  const sum = y.reduce((a, b) => a + b, 0);
  return { reward: sum % V === r ? 1 : 0, score };
}

describe('every policy sampler', () => {
  it.each([
    'bernoulli:p=0.3',
    'softmax:logits=0;1;2;3,correct=1',
    'softmax:logits=0;-12;3;-20;1;-15,correct=1;2',
    'sequence:V=4,L=3,r=1,seed=7',
    'sequence:V=3,L=4,r=2,seed=5,scale=9',
    // Longer than one table of prefixes holds: 7 tokens together, then 2 by their rows, whose
    // far-apart logits split guide buckets; one token together, then one by its row.
    'sequence:V=3,L=9,r=2,seed=5,scale=9',
    'sequence:V=70,L=2,r=3,seed=1',
  ])("%s: the update from counts is the sum of the responses' scores", (text) => {
    const policy = buildPolicy(parsePolicy(text));
    const sampler = policy.sampler().prompts[0]!;
    const u = new UniformStream(8, 'meaning');
    const weights = substream(8, 'weights');
    const g = new Float64Array(policy.dim);
    // Groups of growing and shrinking sizes: the sampler grows its buffers, and clears its
    // counts after each update.
    for (const count of [5, 1, 40, 600, 7, 300]) {
      const uniforms = u.take(count * sampler.width);
      const at = u.at;
      const K = sampler.draw(uniforms, at, count);
      const w = Float64Array.of(4 * weights() - 2, 4 * weights() - 2);
      const scale = 1 / count;
      const sink = into(g);
      sampler.update(w, scale, sink, 0);
      expect([...sink.sent]).toEqual(new Array(policy.dim).fill(1));
      const expected = new Array<number>(policy.dim).fill(0);
      let correct = 0;
      for (let i = 0; i < count; i++) {
        const start = at + i * sampler.width;
        const { reward, score } = plainResponse(policy, [
          ...uniforms.subarray(start, start + sampler.width),
        ]);
        expect(sampler.rewards[i]).toBe(reward);
        correct += reward;
        score.forEach((s, j) => {
          expected[j]! += w[reward]! * scale * s;
        });
      }
      expect(K).toBe(correct);
      expected.forEach((e, j) => {
        expect(Math.abs(g[j]! - e)).toBeLessThan(TOLERANCE);
      });
    }
  });

  it('sequence: a row no response used is 0 for finite weights, and 0 · w (NaN) for an infinite one', () => {
    const policy = buildPolicy(parsePolicy('sequence:V=4,L=3,r=1,seed=7'));
    const sampler = policy.sampler().prompts[0]!;
    // One response: rows 0, 1 + y_0 and 5 + y_1 are used (none of their components is 0 with
    // these weights), the 6 others are not.
    const uniforms = Float64Array.of(0.2, 0.5, 0.7);
    const update = (w: Float64Array) => {
      sampler.draw(uniforms, 0, 1);
      const g = new Float64Array(policy.dim);
      sampler.update(w, 1, into(g), 0);
      return Array.from({ length: 9 }, (_, row) => [...g.subarray(4 * row, 4 * row + 4)]);
    };
    const finite = update(Float64Array.of(-2, 3));
    const unused = finite.flatMap((row, index) => (row.every((x) => x === 0) ? [index] : []));
    expect(unused).toHaveLength(6);
    expect(finite.filter((row) => row.some((x) => x === 0))).toHaveLength(6);
    const infinite = update(Float64Array.of(Number.POSITIVE_INFINITY, 3));
    for (const row of unused) expect(infinite[row]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('can fail: weights given to the wrong class are caught', () => {
    const policy = buildPolicy(parsePolicy('softmax:logits=0;1;2;3,correct=1'));
    const sampler = policy.sampler().prompts[0]!;
    const uniforms = Float64Array.of(0.01, 0.99, 0.1, 0.5);
    sampler.draw(uniforms, 0, 4);
    const g = new Float64Array(4);
    sampler.update(Float64Array.of(1, -1), 1, into(g), 0);
    const swapped = new Float64Array(4);
    sampler.draw(uniforms, 0, 4);
    sampler.update(Float64Array.of(-1, 1), 1, into(swapped), 0);
    expect(Math.max(...g.map((x, j) => Math.abs(x - swapped[j]!)))).toBeGreaterThan(1e-3);
  });
});

describe('prefixLength', () => {
  // Deterministic: false-fail rate 0. The largest l <= L with V^l <= 4096, at least 1.
  it.each([
    [4, 3, 3],
    [4, 6, 6],
    [4, 7, 6],
    [2, 16, 12],
    [10, 5, 3],
    [64, 3, 2],
    [70, 2, 1],
    [5000, 1, 1],
    [1, 40, 40],
  ])('V = %i, L = %i: %i tokens drawn together', (V, L, P) => {
    expect(prefixLength(V, L)).toBe(P);
  });
});
