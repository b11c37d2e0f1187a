import { describe, expect, it } from 'vitest';
import { UniformStream } from '../rng/uniform-stream.ts';
import { scheme } from '../schemes/index.ts';
import type { Scheme } from '../schemes/scheme.ts';
import { VectorMoments } from '../stats/vector-moments.ts';
import { algorithm1Bernoulli } from './algorithm1-bernoulli.ts';

/**
 * The kernel as it was before the per-pattern table, group by group: rewards from the
 * uniforms, the scheme's advantagesInto, the update, shifted block sums of 1024 merged by Chan.
 * The reference the table path must reproduce bit for bit.
 */
function groupByGroup(p: number, s: Scheme, groups: number, u: UniformStream): VectorMoments {
  const moments = new VectorMoments(1);
  const { M } = s;
  const rewards = new Float64Array(M);
  const weights = new Float64Array(M);
  for (let done = 0; done < groups; ) {
    const size = Math.min(1024, groups - done);
    let shift = 0;
    let sum = 0;
    let squares = 0;
    for (let n = 0; n < size; n++) {
      for (let i = 0; i < M; i++) rewards[i] = 0 - Math.floor(u.next() - p);
      s.advantagesInto(rewards, weights);
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
  // Deterministic seeds, bit-for-bit comparison: false-fail rate 0.
  it.each([
    ['grpo', 8, 0.3],
    ['grpo:std=sample', 10, 0.05],
    ['rs', 1, 0.5],
    ['passk:k=3', 5, 0.9],
    ['verl-grpo-passk', 4, 0.7],
    ['grpo', 12, 0.3],
  ])('%s, M = %i, p = %d: the same bits as group by group', (spec, M, p) => {
    const s = scheme(spec, M);
    const fast = new VectorMoments(1);
    const stream = new UniformStream(3, 'kernel');
    algorithm1Bernoulli(p, s, 7777, stream, fast);
    const reference = new UniformStream(3, 'kernel');
    const slow = groupByGroup(p, s, 7777, reference);
    expect(fast.toJSON()).toEqual(slow.toJSON());
    // Both read one uniform per response, so the streams are at the same place.
    expect(stream.next()).toBe(reference.next());
  });

  it('can fail: another p gives other bits', () => {
    const s = scheme('grpo', 8);
    const fast = new VectorMoments(1);
    algorithm1Bernoulli(0.3, s, 2000, new UniformStream(3, 'kernel'), fast);
    const slow = groupByGroup(0.31, s, 2000, new UniformStream(3, 'kernel'));
    expect(fast.toJSON()).not.toEqual(slow.toJSON());
  });
});
