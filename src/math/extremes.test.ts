import { describe, expect, it } from 'vitest';
import { largest, maxAbs, smallest } from './extremes.ts';

describe('largest, smallest and maxAbs', () => {
  it('agree with Math.max and Math.min on short lists, including the empty list and NaN', () => {
    const lists = [[], [3], [-1, 4, 2], [0, -0], [1, Number.NaN, 2], [-Infinity, -5]];
    for (const list of lists) {
      expect(largest(list, (x) => x)).toBe(Math.max(...list));
      expect(smallest(list, (x) => x)).toBe(Math.min(...list));
    }
    expect(maxAbs([])).toBe(0);
    expect(maxAbs([-3, 2])).toBe(3);
  });

  it('take 10^6 values, where a spread into Math.max overflows the call stack', () => {
    const values = Float64Array.from({ length: 1e6 }, (_, i) => Math.sin(i));
    expect(() => Math.max(...values)).toThrow(RangeError);
    let expected = 0;
    for (const v of values) expected = Math.max(expected, Math.abs(v));
    expect(maxAbs(values)).toBe(expected);
    expect(largest(values, (v) => -v)).toBe(-smallest(values, (v) => v));
  });
});
