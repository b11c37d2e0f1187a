import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CountHistogram } from './count-histogram.ts';

// Deterministic property (fast-check's seeded runs, no false-fail rate): against a Map of the
// same keys, in the order first met; keys from a few values (many repeats, colliding slots) and
// from the whole int32 range.

describe('CountHistogram', () => {
  test.prop(
    [
      fc.array(
        fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 4 })),
        { maxLength: 300 },
      ),
      fc.integer({ min: 1, max: 3 }),
    ],
    { numRuns: 200 },
  )('the distinct keys in order, their numbers and K, block after block', (keys, blocks) => {
    const histogram = new CountHistogram(300);
    for (let b = 0; b < blocks; b++) {
      const reference = new Map<number, { times: number; K: number }>();
      for (const key of keys) {
        const K = key % 17;
        histogram.add(key + b, K);
        const seen = reference.get(key + b);
        if (seen) seen.times++;
        else reference.set(key + b, { times: 1, K });
      }
      const got = Array.from({ length: histogram.size }, (_, i) => {
        const slot = histogram.order[i]!;
        return [histogram.keys[slot], { times: histogram.times[slot], K: histogram.correct[slot] }];
      });
      expect(got).toEqual([...reference]);
      histogram.clear();
      expect(histogram.size).toBe(0);
      expect(histogram.keys.every((k) => k === -1)).toBe(true);
    }
  });

  it('refuses more distinct keys than its capacity', () => {
    const histogram = new CountHistogram(3);
    for (const key of [5, 6, 7, 5]) histogram.add(key, 0);
    expect(() => histogram.add(8, 0)).toThrow(/more than 3 distinct keys/);
  });

  it('can fail: a table that merged colliding keys would be caught', () => {
    // Keys that share a slot (equal high bits of the product) must stay apart.
    const histogram = new CountHistogram(4);
    const slotOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> 29;
    const first = 1;
    let second = 2;
    while (slotOf(second) !== slotOf(first)) second++;
    histogram.add(first, 0);
    histogram.add(second, 0);
    expect(histogram.size).toBe(2);
  });
});
