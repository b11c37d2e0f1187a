import { describe, expect, it } from 'vitest';
import { algorithm1Bernoulli } from '../src/estimators/algorithm1-bernoulli.ts';
import { algorithm1Groups } from '../src/estimators/algorithm1-groups.ts';
import { pureRsBernoulli } from '../src/estimators/pure-rs-bernoulli.ts';
import { pureRsGroups } from '../src/estimators/pure-rs-groups.ts';
import { bernoulli } from '../src/policies/bernoulli.ts';
import { UniformStream } from '../src/rng/uniform-stream.ts';
import { scheme } from '../src/schemes/index.ts';
import { VectorMoments } from '../src/stats/vector-moments.ts';

// The Bernoulli fast loops against the generic sampler loops on the same uniforms: they draw the
// same responses, so the moments agree up to the rounding of block sums against Welford
// (relative 1e-12). Deterministic: no false-fail rate.

describe('specialised Bernoulli loops', () => {
  it('Algorithm 1: same moments as the generic loop', () => {
    const s = scheme('grpo:std=sample', 8);
    const fast = new VectorMoments(1);
    algorithm1Bernoulli(0.3, s, 5000, new UniformStream(1, 'k'), fast);
    const slow = new VectorMoments(1);
    const g = new Float64Array(1);
    algorithm1Groups(
      bernoulli({ p: 0.3 }).sampler(8, g),
      g,
      s,
      5000,
      new UniformStream(1, 'k'),
      slow,
    );
    expect(fast.n).toBe(5000);
    expect(Math.abs(fast.mean[0]! - slow.mean[0]!)).toBeLessThan(1e-12 * Math.abs(slow.mean[0]!));
    expect(Math.abs(fast.m2[0]! - slow.m2[0]!)).toBeLessThan(1e-10 * slow.m2[0]!);
  });

  it('pure-rs: same draws as the generic loop, and the cap stops a group', () => {
    const run = (fast: boolean, cap: number) => {
      const m = new VectorMoments(1);
      const d = new VectorMoments(1);
      const u = new UniformStream(2, 'k');
      if (fast) return { counts: pureRsBernoulli(0.2, 3, cap, 2000, u, m, d), d };
      const g = new Float64Array(1);
      return {
        counts: pureRsGroups(bernoulli({ p: 0.2 }).sampler(1, g), g, 3, cap, 2000, u, m, d),
        d,
      };
    };
    const a = run(true, 1e6);
    const b = run(false, 1e6);
    expect(a.counts).toEqual(b.counts);
    expect(a.d.mean[0]).toBe(b.d.mean[0]);
    const capped = run(true, 5);
    expect(capped.counts.capped).toBe(1);
    expect(run(false, 5).counts).toEqual(capped.counts);
  });
});
