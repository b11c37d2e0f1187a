import { describe, expect, it } from 'vitest';
import { plainPureRs } from '../../test/support/simulations/plain-loops.ts';
import { bernoulli } from '../policies/bernoulli.ts';
import { buildPolicy } from '../policies/build-policy.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import { VectorMoments } from '../stats/vector-moments.ts';
import { pureRsBernoulli, pureRsGroups } from './pure-rs-loops.ts';

// The Bernoulli loop against the generic sampler loop on the same uniforms: the same draws, so
// the same counts and draw moments, bit for bit. Deterministic: no false-fail rate.

describe('pure rejection sampling loops', () => {
  it('the Bernoulli loop draws as the generic loop, and the cap stops a group', () => {
    const run = (fast: boolean, cap: number) => {
      const m = new VectorMoments(1);
      const d = new VectorMoments(1);
      const u = new UniformStream(2, 'k');
      if (fast) return { counts: pureRsBernoulli(0.2, 3, cap, 2000, u, m, d), d };
      return { counts: pureRsGroups(bernoulli({ p: 0.2 }), 3, cap, 2000, u, m, d), d };
    };
    const a = run(true, 1e6);
    const b = run(false, 1e6);
    expect(a.counts).toEqual(b.counts);
    expect(a.d.toJSON()).toEqual(b.d.toJSON());
    const capped = run(true, 5);
    expect(capped.counts.capped).toBe(1);
    expect(run(false, 5).counts).toEqual(capped.counts);
  });
});

describe('pureRsGroups (the sampler loop)', () => {
  const corpus = JSON.stringify({
    kind: 'corpus',
    prompts: [
      { Q: 0.5, policy: { kind: 'softmax', logits: [0.5, -0.2, 0.1, 0.3], correct: [1, 3] } },
      { Q: 0.3, policy: { kind: 'bernoulli', p: 0.4 } },
      { Q: 0.2, policy: { kind: 'sequence', V: 2, L: 3, r: 1, seed: 3 } },
    ],
  });
  // Against the plain loop: the same draws, stopping rule and update arithmetic, so the same
  // bits; a cap of 6 draws stops a run of B = 4 early at the same group.
  it.each([
    ['softmax:logits=0.1;-0.4;0.3;0,correct=0;2', 1, 1e6],
    ['softmax:logits=0;-12;3;-20;1,correct=2;3', 2, 1e6],
    ['sequence:V=4,L=3,r=1,seed=7', 3, 1e6],
    [corpus, 4, 1e6],
    [corpus, 4, 6],
  ])('%s, B = %i, cap %d: the same bits as the plain loop', (text, B, cap) => {
    const policy = buildPolicy(parsePolicy(text));
    const m = new VectorMoments(policy.dim);
    const d = new VectorMoments(1);
    const counts = pureRsGroups(policy, B, cap, 1500, new UniformStream(6, 'rs'), m, d);
    const plain = plainPureRs(policy, B, cap, 1500, new UniformStream(6, 'rs'));
    expect(m.toJSON()).toEqual(plain.gradient.toJSON());
    expect(d.toJSON()).toEqual(plain.draws.toJSON());
    expect(counts.capped).toBe(cap === 6 ? 1 : 0);
    expect(plain.capped).toBe(cap === 6);
    expect(counts.groups).toBe(plain.draws.n);
  });
});
