import { describe, expect, it } from 'vitest';
import { ShiftedSums } from './shifted-sums.ts';
import { VectorMoments } from './vector-moments.ts';

// Deterministic: false-fail rate 0. Against two-pass sums in BigInt-free doubles: the mean to
// 1e-15 relative and M2 to 1e-12 relative (sums of 3000 terms), far below a wrong formula's
// error (the shift forgotten in the mean moves it by the shift itself).

describe('ShiftedSums', () => {
  it('merges blocks of vectors into moments as their two-pass mean and M2', () => {
    const xs = Array.from({ length: 3000 }, (_, n) =>
      Float64Array.of(1e6 + Math.sin(n), Math.cos(3 * n) * 1e-3, n % 7),
    );
    const block = new ShiftedSums(3);
    const moments = new VectorMoments(3);
    xs.forEach((x, n) => {
      block.add(x);
      if (n % 1000 === 999) block.flushInto(moments);
    });
    block.flushInto(moments);
    expect(moments.n).toBe(3000);
    for (let j = 0; j < 3; j++) {
      const mean = xs.reduce((s, x) => s + x[j]!, 0) / xs.length;
      const m2 = xs.reduce((s, x) => s + (x[j]! - mean) ** 2, 0);
      expect(Math.abs(moments.mean[j]! - mean)).toBeLessThan(1e-15 * Math.abs(mean) + 1e-18);
      expect(Math.abs(moments.m2[j]! - m2)).toBeLessThan(1e-12 * m2);
    }
  });

  it('a block set from a scalar loop merges as one added vector by vector', () => {
    const values = [0.3, -1.2, 0.7, 0.7, 2.5];
    const added = new ShiftedSums(1);
    for (const x of values) added.add(Float64Array.of(x));
    const a = new VectorMoments(1);
    added.flushInto(a);
    const d = values.map((x) => x - values[0]!);
    const set = new ShiftedSums(1);
    set.set(
      values.length,
      values[0]!,
      d.reduce((s, x) => s + x, 0),
      d.reduce((s, x) => s + x * x, 0),
    );
    const b = new VectorMoments(1);
    set.flushInto(b);
    expect(b.toJSON()).toEqual(a.toJSON());
    // An empty block merges nothing.
    set.flushInto(b);
    expect(b.n).toBe(values.length);
  });

  it('takes vectors component by component, in any order, with the bits of whole vectors', () => {
    const xs = Array.from({ length: 50 }, (_, n) => Float64Array.of(Math.sin(n), 1e3 + n, -n / 7));
    const whole = new ShiftedSums(3);
    const byComponent = new ShiftedSums(3);
    const a = new VectorMoments(3);
    const b = new VectorMoments(3);
    for (const x of xs) {
      whole.add(x);
      byComponent.next();
      for (const j of [2, 0, 1]) byComponent.put(j, x[j]!);
    }
    whole.flushInto(a);
    byComponent.flushInto(b);
    expect(b.toJSON()).toEqual(a.toJSON());
    // A mutant that sends component 2 as component 1 differs.
    const mutant = new ShiftedSums(3);
    for (const x of xs) {
      mutant.next();
      for (const j of [0, 1, 2]) mutant.put(Math.min(j, 1), x[j]!);
    }
    const c = new VectorMoments(3);
    mutant.flushInto(c);
    expect(c.toJSON()).not.toEqual(a.toJSON());
  });

  it('adds a vector repeated: as many adds, up to rounding; the same bits once', () => {
    const xs = Array.from({ length: 40 }, (_, n) =>
      Float64Array.of(3 + Math.sin(n), n % 5, -2e-3 * n),
    );
    const times = xs.map((_, n) => 1 + ((n * 37) % 23));
    const repeated = new ShiftedSums(3);
    const added = new ShiftedSums(3);
    xs.forEach((x, n) => {
      repeated.addRepeated(x, times[n]!);
      for (let t = 0; t < times[n]!; t++) added.add(x);
    });
    const a = new VectorMoments(3);
    const b = new VectorMoments(3);
    repeated.flushInto(a);
    added.flushInto(b);
    expect(a.n).toBe(times.reduce((s, t) => s + t, 0));
    expect(b.n).toBe(a.n);
    for (let j = 0; j < 3; j++) {
      // The first vector is the shift whether it comes once or many times.
      expect(Math.abs(a.mean[j]! - b.mean[j]!)).toBeLessThan(1e-14 * (1 + Math.abs(b.mean[j]!)));
      expect(Math.abs(a.m2[j]! - b.m2[j]!)).toBeLessThan(1e-12 * b.m2[j]!);
    }
    const once = new ShiftedSums(3);
    const plain = new ShiftedSums(3);
    for (const x of xs) {
      once.addRepeated(x, 1);
      plain.add(x);
    }
    const c = new VectorMoments(3);
    const d = new VectorMoments(3);
    once.flushInto(c);
    plain.flushInto(d);
    expect(c.toJSON()).toEqual(d.toJSON());
  });

  it('can fail: a repeated vector counted once is another block', () => {
    const x = Float64Array.of(1, 2);
    const y = Float64Array.of(4, -1);
    const a = new ShiftedSums(2);
    a.addRepeated(x, 1);
    a.addRepeated(y, 3);
    const b = new ShiftedSums(2);
    b.add(x);
    b.add(y);
    const ma = new VectorMoments(2);
    const mb = new VectorMoments(2);
    a.flushInto(ma);
    b.flushInto(mb);
    expect(ma.n).toBe(4);
    expect(ma.mean[0]).toBe(13 / 4);
    expect(mb.mean[0]).toBe(5 / 2);
  });
});
