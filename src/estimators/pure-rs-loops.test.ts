import { describe, expect, it } from 'vitest';
import { bernoulli } from '../policies/bernoulli.ts';
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
      const g = new Float64Array(1);
      return {
        counts: pureRsGroups(bernoulli({ p: 0.2 }).sampler(3, g), g, 3, cap, 2000, u, m, d),
        d,
      };
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
