import { describe, expect, it } from 'vitest';
import { substream } from './substream.ts';
import { UNIFORM_BUFFER, UNIFORM_LANES, UniformStream } from './uniform-stream.ts';

describe('UniformStream', () => {
  it('interleaves the lanes substream(seed, ...path, "lane", l) bit for bit', () => {
    const stream = new UniformStream(42, 'check', 3);
    const lanes = Array.from({ length: UNIFORM_LANES }, (_, l) =>
      substream(42, 'check', 3, 'lane', l),
    );
    for (let j = 0; j < 3 * UNIFORM_BUFFER; j++) {
      expect(stream.next()).toBe(lanes[j % UNIFORM_LANES]!());
    }
  });

  it('differs between paths and fails on a wrong lane order', () => {
    const a = new UniformStream(1, 'x', 0);
    const b = new UniformStream(1, 'x', 1);
    expect(a.next()).not.toBe(b.next());
    const c = new UniformStream(7, 'y');
    const lane1 = substream(7, 'y', 'lane', 1);
    expect(c.next()).not.toBe(lane1());
  });

  it('take(n) gives the next n uniforms in order, within the buffer, across a refill and beyond', () => {
    const stream = new UniformStream(5, 'take');
    const plain = new UniformStream(5, 'take');
    for (const n of [1, 7, UNIFORM_BUFFER - 100, 300, 2 * UNIFORM_BUFFER + 5, 64]) {
      const array = stream.take(n);
      const got = [...array.subarray(stream.at, stream.at + n)];
      expect(got).toEqual(Array.from({ length: n }, () => plain.next()));
    }
    expect(stream.next()).toBe(plain.next());
  });
});
