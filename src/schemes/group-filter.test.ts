import { describe, expect, it } from 'vitest';
import { scheme } from './scheme.ts';

describe('filter=dapo drops the groups whose rewards are all equal (docs/theory.md §7)', () => {
  // design with split=a weights wrong answers only (a = -c, b = 0), so an all-wrong group has
  // nonzero weights unless the filter drops it: the one scheme where keeping K = 0 shows.
  it('an all-wrong group (K = 0) of a scheme that weights wrong answers gets weight 0', () => {
    const M = 4;
    const plain = scheme('design:target=identity,split=a', M);
    expect(plain.advantages([0, 0, 0, 0]).every((z) => z !== 0)).toBe(true);
    const filtered = scheme('design:target=identity,split=a,filter=dapo', M);
    expect(filtered.advantages([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(filtered.a[0]).toBe(0);
    // A mixed group is kept: the same weights as without the filter.
    expect(filtered.advantages([0, 1, 0, 0])).toEqual(plain.advantages([0, 1, 0, 0]));
    expect(filtered.a.slice(1)).toEqual(plain.a.slice(1));
  });
});
