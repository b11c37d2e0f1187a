import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { substream } from '../rng/substream.ts';
import { VectorMoments, vectorMomentsSchema } from './vector-moments.ts';

const data = (n: number) => {
  const u = substream(1, 'moments');
  return Array.from({ length: n }, () => [u() * 3 - 1, 1e6 + u(), u() < 0.5 ? 0 : 1]);
};

describe('VectorMoments', () => {
  it('matches simple-statistics mean and sample variance per component', () => {
    const xs = data(1000);
    const m = new VectorMoments(3);
    for (const x of xs) m.push(x);
    for (let j = 0; j < 3; j++) {
      const col = xs.map((x) => x[j]!);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      expect(Math.abs(m.mean[j]! - mean) / Math.abs(mean)).toBeLessThan(1e-13);
      expect(
        Math.abs(m.sampleVariance()[j]! - sampleVariance(col)) / sampleVariance(col),
      ).toBeLessThan(1e-9);
      expect(m.stderr()[j]).toBeCloseTo(Math.sqrt(sampleVariance(col) / col.length), 12);
    }
  });

  it('merges parts to the moments of the whole (Chan)', () => {
    const xs = data(999);
    const whole = new VectorMoments(3);
    for (const x of xs) whole.push(x);
    const parts = [xs.slice(0, 1), xs.slice(1, 400), xs.slice(400)].map((part) => {
      const m = new VectorMoments(3);
      for (const x of part) m.push(x);
      return m;
    });
    const merged = new VectorMoments(3);
    for (const p of parts) merged.merge(p);
    expect(merged.n).toBe(999);
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(merged.mean[j]! - whole.mean[j]!)).toBeLessThan(
        1e-12 * Math.abs(whole.mean[j]!) + 1e-15,
      );
      expect(Math.abs(merged.m2[j]! - whole.m2[j]!) / whole.m2[j]!).toBeLessThan(1e-10);
    }
  });

  it('round-trips through JSON bit for bit, -0 and non-finite values included', () => {
    const m = new VectorMoments(4);
    m.push([0.1, -0, Number.NaN, 1e300]);
    m.push([0.2, -0, 1, Number.POSITIVE_INFINITY]);
    m.mean[1] = -0;
    const back = VectorMoments.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.n).toBe(2);
    expect([...back.mean].map((x) => Object.is(x, -0))).toEqual([false, true, false, false]);
    // Object.is: equal bits for every double but NaN, whose payload JSON cannot carry.
    expect([...back.mean].every((x, j) => Object.is(x, m.mean[j]))).toBe(true);
    expect([...back.m2].every((x, j) => Object.is(x, m.m2[j]))).toBe(true);
    // A plain JSON.stringify of the arrays would not be lossless: the check above can fail.
    expect(Object.is(JSON.parse(JSON.stringify([-0]))[0], -0)).toBe(false);
  });

  it('rejects merging different dimensions', () => {
    expect(() => new VectorMoments(2).merge(new VectorMoments(3))).toThrow(/dimension/);
  });

  it('takes vectors component by component, in any order, with the bits of push', () => {
    const xs = data(300);
    const pushed = new VectorMoments(3);
    const byComponent = new VectorMoments(3);
    const mutant = new VectorMoments(3);
    for (const x of xs) {
      pushed.push(x);
      byComponent.next();
      for (const j of [1, 2, 0]) byComponent.put(j, x[j]!);
      // A mutant that sends component 2 as component 1 differs.
      mutant.next();
      for (const j of [0, 1, 2]) mutant.put(Math.min(j, 1), x[j]!);
    }
    expect(byComponent.toJSON()).toEqual(pushed.toJSON());
    expect(mutant.toJSON()).not.toEqual(pushed.toJSON());
  });
});

describe('VectorMoments, the edges of its contract', () => {
  it('variance and standard error are NaN below 2 vectors and finite from 2 on', () => {
    const moments = new VectorMoments(1);
    // With no vector, M2/(n-1) would be 0/(-1) = -0: a variance where there is none.
    expect(moments.sampleVariance()[0]).toBeNaN();
    moments.push([3]);
    expect(moments.sampleVariance()[0]).toBeNaN();
    expect(moments.stderr()[0]).toBeNaN();
    moments.push([5]);
    // Two points 3 and 5: sample variance 2, standard error sqrt(2/2) = 1.
    expect(Array.from(moments.sampleVariance())).toEqual([2]);
    expect(Array.from(moments.stderr())).toEqual([1]);
  });

  it('merged into an empty summary, a part keeps its bits, infinite means and -0 included', () => {
    // The first chunk of a run is merged into an empty accumulator: the run's result must be
    // that chunk's, bit for bit; the general merge would turn an infinite mean's m2 into NaN.
    const part = VectorMoments.fromJSON({ n: 4, mean: ['Infinity', '-0', 1.5], m2: [0, 0, 2.25] });
    const whole = new VectorMoments(3);
    whole.merge(part);
    expect(whole.toJSON()).toEqual(part.toJSON());
    whole.merge(new VectorMoments(3));
    expect(whole.toJSON()).toEqual(part.toJSON());
    expect(part.clone().toJSON()).toEqual(part.toJSON());
  });

  it('a clone is independent of its original', () => {
    const original = new VectorMoments(2);
    original.push([1, 2]);
    const copy = original.clone();
    copy.push([5, 6]);
    expect(original.n).toBe(1);
    expect(Array.from(original.mean)).toEqual([1, 2]);
    expect(copy.n).toBe(2);
  });

  it('fromJSON refuses mean and m2 of different lengths', () => {
    expect(() => VectorMoments.fromJSON({ n: 2, mean: [0, 1], m2: [0] })).toThrow(
      /mean and m2 differ in length/,
    );
  });

  it('vectorMomentsSchema takes what toJSON writes, and refuses what no accumulator can hold', () => {
    // What a checkpoint or a shard's part stores: the non-finite and -0 floats spelled out.
    const stored = VectorMoments.fromJSON({
      n: 4,
      mean: ['Infinity', '-0', 1.5],
      m2: [0, 0, 2.25],
    });
    const json = JSON.parse(JSON.stringify(stored));
    expect(vectorMomentsSchema().parse(json)).toEqual(json);
    for (const float of ['NaN', 'Infinity', '-Infinity', '-0']) {
      expect(vectorMomentsSchema().safeParse({ n: 2, mean: [float], m2: [0] }).success, float).toBe(
        true,
      );
    }
    expect(
      vectorMomentsSchema().safeParse({ n: Number.MAX_SAFE_INTEGER, mean: [], m2: [] }).success,
    ).toBe(true);
    const refused: unknown[] = [
      { n: -1, mean: [0], m2: [0] },
      { n: 1.5, mean: [0], m2: [0] },
      { n: 2 ** 53, mean: [0], m2: [0] },
      { n: 2, mean: ['nan'], m2: [0] },
      { n: 2, mean: [0], m2: [0], extra: 1 },
      { n: 2, mean: [0] },
    ];
    for (const value of refused) {
      expect(vectorMomentsSchema().safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    const uneven = vectorMomentsSchema().safeParse({ n: 2, mean: [0, 1], m2: [0] });
    expect(uneven.success).toBe(false);
    expect(uneven.error?.issues[0]?.message).toBe('mean and m2 differ in length');
  });
});
