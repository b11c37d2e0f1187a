import { describe, expect, it } from 'vitest';
import { plainAlgorithm1 } from '../../test/support/simulations/plain-loops.ts';
import { bernoulli } from '../policies/bernoulli.ts';
import { buildPolicy } from '../policies/build-policy.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import { scheme } from '../schemes/index.ts';
import type { Scheme } from '../schemes/scheme.ts';
import { VectorMoments } from '../stats/vector-moments.ts';
import { algorithm1Bernoulli, algorithm1Groups } from './algorithm1-loops.ts';
import { BernoulliGroup } from './bernoulli-group.ts';

// Deterministic seeds, bit-for-bit comparisons (or the stated rounding): false-fail rate 0.

/**
 * The Bernoulli loop written plainly, group by group: rewards from the uniforms, the scheme's
 * native formula (`advantages`, which never uses a table or the two-weight form), the update,
 * shifted block sums of 1024 merged by Chan. The reference the fast loop must reproduce bit for
 * bit.
 */
function groupByGroup(p: number, s: Scheme, groups: number, u: UniformStream): VectorMoments {
  const moments = new VectorMoments(1);
  const { M } = s;
  for (let done = 0; done < groups; ) {
    const size = Math.min(1024, groups - done);
    let shift = 0;
    let sum = 0;
    let squares = 0;
    for (let n = 0; n < size; n++) {
      const rewards = Array.from({ length: M }, () => (u.next() < p ? 1 : 0));
      const weights = s.advantages(rewards);
      let acc = 0;
      for (let i = 0; i < M; i++) acc += weights[i]! * (rewards[i]! - p);
      const x = acc * (1 / M);
      if (n === 0) shift = x;
      sum += x - shift;
      squares += (x - shift) * (x - shift);
    }
    moments.mergeSummary(size, [shift + sum / size], [Math.max(0, squares - (sum * sum) / size)]);
    done += size;
  }
  return moments;
}

describe('algorithm1Bernoulli', () => {
  it.each([
    ['grpo', 8, 0.3, 7777],
    ['grpo:std=sample', 10, 0.05, 7777],
    ['rs', 1, 0.5, 7777],
    ['passk:k=3', 5, 0.9, 7777],
    ['verl-grpo-passk', 4, 0.7, 7777],
    ['grpo', 12, 0.3, 3000],
    ['grpo', 64, 0.3, 700],
    ['grpo:std=sample,eps=0.1,eps-at=var', 100, 0.02, 500],
    ['rs', 256, 0.3, 200],
    ['passk:k=4', 64, 0.3, 300],
    ['verl-grpo', 1000, 0.5, 30],
  ])('%s, M = %i, p = %d: the same bits as group by group', (spec, M, p, groups) => {
    const s = scheme(spec, M);
    const fast = new VectorMoments(1);
    const stream = new UniformStream(3, 'kernel');
    algorithm1Bernoulli(p, s, groups, stream, fast);
    const reference = new UniformStream(3, 'kernel');
    const slow = groupByGroup(p, s, groups, reference);
    expect(fast.toJSON()).toEqual(slow.toJSON());
    // One uniform per response: both streams are at the same place.
    expect(stream.index).toBe(reference.index);
  });

  it('can fail: another p gives other bits', () => {
    const s = scheme('grpo', 64);
    const fast = new VectorMoments(1);
    algorithm1Bernoulli(0.3, s, 200, new UniformStream(3, 'kernel'), fast);
    const slow = groupByGroup(0.31, s, 200, new UniformStream(3, 'kernel'));
    expect(fast.toJSON()).not.toEqual(slow.toJSON());
  });

  it('refuses a stream that was read', () => {
    const u = new UniformStream(3, 'kernel');
    u.next();
    expect(() => algorithm1Bernoulli(0.3, scheme('grpo', 8), 10, u, new VectorMoments(1))).toThrow(
      /was read/,
    );
  });
});

describe('BernoulliGroup', () => {
  it('draws the groups of the chunk loop, update for update', () => {
    const s = scheme('grpo:std=sample', 40);
    const group = new BernoulliGroup(s);
    const u = new UniformStream(5, 'group');
    const byGroup = new VectorMoments(1);
    for (let n = 0; n < 300; n++) byGroup.push([group.draw(0.4, u)]);
    const reference = new VectorMoments(1);
    const r = new UniformStream(5, 'group');
    for (let n = 0; n < 300; n++) reference.push(groupByGroup(0.4, s, 1, r).mean);
    expect(byGroup.toJSON()).toEqual(reference.toJSON());
    expect(group.rewards.length).toBe(40);
  });

  it('the two-weight form and the native formula give the same updates', () => {
    const s = scheme('grpo', 64);
    const plain: Scheme = { ...s, groupWeightsInto: undefined };
    const a = new BernoulliGroup(s);
    const b = new BernoulliGroup(plain);
    const u = new UniformStream(6, 'group');
    const v = new UniformStream(6, 'group');
    for (let n = 0; n < 200; n++) expect(a.draw(0.3, u)).toBe(b.draw(0.3, v));
  });
});

describe('the Bernoulli loop and the generic sampler loop', () => {
  // They draw the same responses from the same uniforms, so the moments agree up to the
  // rounding of the update's two forms (relative 1e-12).
  it.each([
    ['grpo:std=sample', 8],
    ['grpo', 64],
  ])('%s, M = %i: the same moments', (spec, M) => {
    const s = scheme(spec, M);
    const fast = new VectorMoments(1);
    algorithm1Bernoulli(0.3, s, 5000, new UniformStream(1, 'k'), fast);
    const slow = new VectorMoments(1);
    algorithm1Groups(bernoulli({ p: 0.3 }), s, 5000, new UniformStream(1, 'k'), slow);
    expect(fast.n).toBe(5000);
    expect(Math.abs(fast.mean[0]! - slow.mean[0]!)).toBeLessThan(1e-12 * Math.abs(slow.mean[0]!));
    expect(Math.abs(fast.m2[0]! - slow.m2[0]!)).toBeLessThan(1e-10 * slow.m2[0]!);
  });
});

const CORPUS = JSON.stringify({
  kind: 'corpus',
  prompts: [
    { Q: 0.4, policy: { kind: 'bernoulli', p: 0.35 } },
    { Q: 0.35, policy: { kind: 'softmax', logits: [0.5, -0.2, 0.1, 0.3], correct: [1, 3] } },
    { Q: 0.25, policy: { kind: 'sequence', V: 3, L: 2, r: 1, seed: 3 } },
  ],
});

describe('algorithm1Groups (the sampler loop)', () => {
  // Against the plain loop: the same uniforms, answers, weights and update arithmetic, so the
  // same bits. The cases cover each weight route (pattern table up to M = 10, the two-weight
  // form, the native formula), groups straddling a refill and larger than the buffer (`take`),
  // softmax counts packed in one integer (groups larger than a field holds, one answer filling its
  // field) and counted in memory (ten answers), split guide buckets (logits far apart, a sequence
  // at scale 9), sequences longer than one table of prefixes (their later tokens drawn by rows,
  // split buckets among them), a corpus changing prompts; and the guided softmax loop's pooling of equal counts
  // (`pooled`: a scheme whose weights depend on K alone, M within a field), also for groups
  // straddling a refill (M = 12 does not divide the buffer) and not for GRPO at an M where its
  // sum of squares rounds (M = 12, 37).
  it.each([
    ['rs', 16, 'softmax:logits=0;1;2;3,correct=1', 3000, true],
    ['rs', 12, 'softmax:logits=0;1;2;3,correct=1', 3000, true],
    ['dr-grpo', 6, 'softmax:logits=0;1;2;3,correct=1;2', 3000, true],
    ['grpo', 12, 'softmax:logits=0;1;2;3,correct=1', 3000, false],
    ['grpo', 8, 'softmax:logits=0.1;-0.4;0.3;0;0.8,correct=0;2', 3000, true],
    ['passk:k=3', 12, 'softmax:logits=0;-12;3;-20;1;-15,correct=1;2', 2000, true],
    ['grpo:std=sample', 37, 'softmax:logits=0;-9;0.2,correct=0', 600, false],
    ['verl-grpo', 5000, 'softmax:logits=0.3;0;-0.3,correct=2', 6, false],
    ['rs', 64, 'softmax:logits=0;1;2;3,correct=1', 300, false],
    ['grpo', 16, 'softmax:logits=0;1;2;3;-1;0.5;-3;2;1;0,correct=1;4;7', 2000, false],
    ['rs', 4000, 'softmax:logits=12;0;0,correct=0', 5, false],
    ['grpo', 16, 'sequence:V=4,L=3,r=1,seed=7', 1500, false],
    ['rs', 1, 'sequence:V=4,L=3,r=1,seed=7,scale=9', 3000, false],
    ['passk:k=2', 13, 'sequence:V=2,L=6,r=1,seed=7', 700, false],
    ['grpo', 8, 'sequence:V=3,L=9,r=2,seed=5,scale=9', 600, false],
    ['rs', 2, 'sequence:V=70,L=2,r=3,seed=1', 800, false],
    ['rloo', 8, CORPUS, 2500, false],
    ['grpo', 64, CORPUS, 300, false],
    ['reinforce', 3, 'bernoulli:p=0.3', 2000, false],
  ])(
    '%s, M = %i, %s: the same bits as the plain loop (pooled %s)',
    (spec, M, text, groups, pooled) => {
      const policy = buildPolicy(parsePolicy(text));
      const s = scheme(spec, M);
      const fast = new VectorMoments(policy.dim);
      const stream = new UniformStream(4, 'samplers');
      algorithm1Groups(policy, s, groups, stream, fast);
      const reference = new UniformStream(4, 'samplers');
      const slow = plainAlgorithm1(policy, s, groups, reference, 'documented', pooled);
      expect(fast.toJSON()).toEqual(slow.toJSON());
      expect(stream.index).toBe(reference.index);
    },
  );

  it('can fail: pooling equal counts changes the last bits of the sums, and only those', () => {
    const policy = buildPolicy(parsePolicy('softmax:logits=0;1;2;3,correct=1'));
    const s = scheme('rs', 16);
    const pooled = new VectorMoments(policy.dim);
    algorithm1Groups(policy, s, 3000, new UniformStream(4, 'samplers'), pooled);
    const each = plainAlgorithm1(policy, s, 3000, new UniformStream(4, 'samplers'));
    expect(pooled.toJSON()).not.toEqual(each.toJSON());
    expect(pooled.n).toBe(each.n);
    for (let j = 0; j < policy.dim; j++) {
      expect(Math.abs(pooled.mean[j]! - each.mean[j]!)).toBeLessThan(1e-15 * 16);
      expect(Math.abs(pooled.m2[j]! - each.m2[j]!)).toBeLessThan(1e-12 * each.m2[j]!);
    }
  });

  it('can fail: the same update summed by answer instead of by class differs in the last bits', () => {
    const policy = buildPolicy(parsePolicy('softmax:logits=0;1;2;3,correct=1'));
    const s = scheme('grpo:std=sample', 16);
    const fast = new VectorMoments(policy.dim);
    algorithm1Groups(policy, s, 3000, new UniformStream(4, 'samplers'), fast);
    const other = plainAlgorithm1(policy, s, 3000, new UniformStream(4, 'samplers'), 'by-answer');
    expect(fast.toJSON()).not.toEqual(other.toJSON());
    // ...and by rounding only.
    for (let j = 0; j < policy.dim; j++) {
      expect(Math.abs(fast.mean[j]! - other.mean[j]!)).toBeLessThan(1e-14);
    }
  });
});

describe('the guided softmax loop', () => {
  // The sampler loop's cases above run it wherever the sampler is guided; here, which are.
  it.each([
    ['softmax:logits=0;1;2;3,correct=1', true],
    ['softmax:logits=0;-12;3;-20;1;-15,correct=1;2', true],
    ['softmax:logits=0;1;2;3;-1;0.5;-3,correct=1', false],
    ['softmax:logits=0;1;2;3;-1;0.5;-3;2;1;0,correct=1;4;7', false],
    ['sequence:V=4,L=3,r=1,seed=7', false],
    ['bernoulli:p=0.3', false],
  ])('%s: guided %s', (text, guided) => {
    const sampler = buildPolicy(parsePolicy(text)).sampler().prompts[0]!;
    expect(sampler.guided !== undefined).toBe(guided);
  });

  it('leaves the stream where the groups end, to be read on as uniforms', () => {
    const policy = buildPolicy(parsePolicy('softmax:logits=0;1;2;3,correct=1'));
    const stream = new UniformStream(9, 'on');
    algorithm1Groups(policy, scheme('rs', 37), 300, stream, new VectorMoments(policy.dim));
    const plain = new UniformStream(9, 'on');
    for (let j = 0; j < 37 * 300; j++) plain.next();
    expect(stream.index).toBe(plain.index);
    for (let j = 0; j < 5000; j++) expect(stream.next()).toBe(plain.next());
  });

  it('a stream already read runs the generic loop, with the same bits', () => {
    const policy = buildPolicy(parsePolicy('softmax:logits=0;1;2;3,correct=1'));
    const s = scheme('grpo:std=sample', 37);
    const read = new UniformStream(9, 'read');
    read.next();
    const fast = new VectorMoments(policy.dim);
    algorithm1Groups(policy, s, 300, read, fast);
    const reference = new UniformStream(9, 'read');
    reference.next();
    expect(fast.toJSON()).toEqual(plainAlgorithm1(policy, s, 300, reference).toJSON());
    expect(read.index).toBe(reference.index);
  });
});
