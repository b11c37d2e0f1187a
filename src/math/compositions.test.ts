import { describe, expect, it } from 'vitest';
import { compositionsOf } from '../../test/support/graded/reference-weights.ts';
import { InputError } from '../errors/input-error.ts';
import { compositionCount, compositions, MAX_COMPOSITIONS } from './compositions.ts';

describe('compositions', () => {
  it.each([
    [0, 1],
    [5, 1],
    [0, 4],
    [7, 2],
    [7, 3],
    [6, 4],
    [3, 8],
  ])('of %i into %i parts: every one, once, in order, each ranked by its index', (total, parts) => {
    const comps = compositions(total, parts);
    const reference = compositionsOf(total, parts);
    expect(comps.count).toBe(reference.length);
    expect(compositionCount(total, parts)).toBe(reference.length);
    reference.forEach((n, i) => {
      expect([...comps.counts.subarray(i * parts, (i + 1) * parts)]).toEqual(n);
      expect(comps.rank(n)).toBe(i);
    });
  });

  it('the rank check can fail: the neighbour of a composition has another rank', () => {
    const comps = compositions(7, 3);
    expect(comps.rank([2, 3, 2])).not.toBe(comps.rank([2, 2, 3]));
    expect(comps.rank([2, 2, 3]) + 1).toBe(comps.rank([2, 3, 2]));
  });

  it('counts large cases exactly and refuses more than MAX_COMPOSITIONS in one line', () => {
    expect(compositionCount(63, 3)).toBe(2080);
    expect(compositionCount(31, 4)).toBe(5984);
    expect(compositionCount(7, 64)).toBe(1198774720);
    let thrown: unknown;
    try {
      compositions(7, 64);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toBe(
      `64 classes with 7 other responses give 1.20e+9 class-count vectors; at most ${MAX_COMPOSITIONS} are enumerated (lower M or use fewer classes)`,
    );
  });
});
