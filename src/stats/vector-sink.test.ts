import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ShiftedSums } from './shifted-sums.ts';
import { VectorMoments } from './vector-moments.ts';
import { VectorBuffer, type VectorSink } from './vector-sink.ts';

// Deterministic: false-fail rate 0. The contract of every VectorSink: `zeros(from, to)` is
// `put(j, 0)` for each component of the range, bit for bit, whatever came before (the block's
// first vector, shifts of ±0, infinities, NaN), checked through the moments each sink ends in.

/** A sink and how it ends in moments. */
interface Sink {
  readonly name: string;
  make(dim: number): { sink: VectorSink; moments(): VectorMoments };
}

const SINKS: readonly Sink[] = [
  {
    name: 'ShiftedSums',
    make(dim) {
      const sink = new ShiftedSums(dim);
      const moments = new VectorMoments(dim);
      return {
        sink,
        moments: () => {
          sink.flushInto(moments);
          return moments;
        },
      };
    },
  },
  {
    name: 'VectorMoments',
    make(dim) {
      const sink = new VectorMoments(dim);
      return { sink, moments: () => sink };
    },
  },
];

/** Every number of the moments as the hex of its float64 bits (so -0 and NaN's bits count). */
const bits = (m: VectorMoments) =>
  JSON.stringify([m.n, [...m.mean], [...m.m2]], (_, v) =>
    typeof v === 'number' ? Buffer.from(Float64Array.of(v).buffer).toString('hex') : v,
  );

/** Components: mostly ±0 (so that shifts are 0), some values, an infinity or NaN now and then. */
const component = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, -0) },
  { weight: 4, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN, 1e300) },
);
/** Vectors of 6 components, each with a range of it declared zero. */
const vectors = fc.array(
  fc.record({
    x: fc.array(component, { minLength: 6, maxLength: 6 }),
    from: fc.integer({ min: 0, max: 6 }),
    length: fc.integer({ min: 0, max: 6 }),
  }),
  { minLength: 1, maxLength: 40 },
);

describe.each(SINKS)('VectorSink contract: $name', ({ make }) => {
  test.prop([vectors, fc.integer({ min: 1, max: 7 })])(
    'zeros(from, to) gives the bits of put(j, 0) for each j in the range',
    (rows, flushEvery) => {
      const byPut = make(6);
      const byZeros = make(6);
      rows.forEach(({ x, from, length }, n) => {
        const to = Math.min(6, from + length);
        byPut.sink.next();
        byZeros.sink.next();
        for (let j = 0; j < 6; j++) {
          const inRange = j >= from && j < to;
          byPut.sink.put(j, inRange ? 0 : x[j]!);
          if (!inRange) byZeros.sink.put(j, x[j]!);
        }
        byZeros.sink.zeros(from, to);
        // A ShiftedSums block ends here and the next vector is a block's first again.
        if (n % flushEvery === flushEvery - 1) {
          byPut.moments();
          byZeros.moments();
        }
      });
      expect(bits(byZeros.moments())).toBe(bits(byPut.moments()));
    },
  );

  test('the comparison can fail: a zero range one component too wide changes the bits', () => {
    const byPut = make(2);
    const byZeros = make(2);
    for (const x of [
      [0.5, 0.25],
      [0.75, 0.125],
    ]) {
      byPut.sink.next();
      byZeros.sink.next();
      byPut.sink.put(0, x[0]!);
      byPut.sink.put(1, 0);
      byZeros.sink.zeros(0, 2);
    }
    expect(bits(byZeros.moments())).not.toBe(bits(byPut.moments()));
  });
});

describe('VectorBuffer', () => {
  it('keeps the vector sent last, its unsent components 0', () => {
    const buffer = new VectorBuffer(4);
    buffer.next();
    buffer.put(2, 5);
    buffer.put(0, -1);
    buffer.zeros(1, 2);
    buffer.put(3, 7);
    expect([...buffer.x]).toEqual([-1, 0, 5, 7]);
    buffer.next();
    buffer.put(1, 2);
    buffer.put(2, 3);
    buffer.put(3, 4);
    // zeros is put(j, 0) for each component of the range, whatever was put there before.
    buffer.zeros(2, 4);
    expect([...buffer.x]).toEqual([0, 2, 0, 0]);
  });
});
