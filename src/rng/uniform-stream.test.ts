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

  it('refillGuided maps each uniform through the guide table as it makes it, and moves on as refill', () => {
    // Eight buckets; answer y's entry is its class y & 1 (the low bit) plus 16^y, and a split
    // bucket (negative) is resolved to the entry of answer 3.
    const entries = Int32Array.from([1, 2, 3, -1, 4, 5, 6, 7], (y) =>
      y < 0 ? y : (y & 1) + 16 ** y,
    );
    const resolved: number[] = [];
    const table = {
      entries,
      buckets: 8,
      low: 1,
      resolve(u: number, entry: number) {
        resolved.push(u);
        expect(entry).toBe(-1);
        return 1 + 16 ** 3;
      },
    };
    const guided = new UniformStream(6, 'guided');
    const plain = new UniformStream(6, 'guided');
    for (let round = 0; round < 2; round++) {
      guided.refillGuided(table);
      plain.refill();
      expect(guided.index).toBe(0);
      let sum = 0;
      for (let i = 0; i < UNIFORM_BUFFER; i++) {
        const u = plain.buffer[i]!;
        const raw = entries[Math.floor(u * 8)]!;
        const entry = raw < 0 ? 1 + 16 ** 3 : raw;
        expect(guided.rewards[i]).toBe(entry & 1);
        expect(guided.counts[i]).toBe(sum);
        sum = (sum + entry) | 0;
      }
      expect(guided.counts[UNIFORM_BUFFER]).toBe(sum);
      expect(resolved.length).toBeGreaterThan(0);
    }
    // Can fail: a table with one answer's entry changed gives other sums.
    const other = new UniformStream(6, 'guided');
    other.refillGuided({ ...table, entries: entries.map((e) => (e === 1 + 16 ** 1 ? 16 : e)) });
    const again = new UniformStream(6, 'guided');
    again.refillGuided(table);
    expect([...other.counts]).not.toEqual([...again.counts]);
    // Its uniforms made again where it stopped, the stream goes on as a plain one.
    guided.index = 100;
    guided.restoreUniforms();
    expect([...guided.buffer]).toEqual([...plain.buffer]);
    plain.index = 100;
    for (let j = 0; j < UNIFORM_BUFFER; j++) expect(guided.next()).toBe(plain.next());
  });
});
