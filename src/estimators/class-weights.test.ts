import { describe, expect, it } from 'vitest';
import { representativeSpecs } from '../../test/support/schemes/representative-specs.ts';
import { substream } from '../rng/substream.ts';
import { scheme } from '../schemes/index.ts';
import { ClassWeights } from './class-weights.ts';

// Deterministic (fixed seeds, bit-for-bit comparisons): false-fail rate 0.

/** The weight of each class at its first response, or null if two responses of a class differ. */
function byClass(rewards: readonly number[], weights: readonly number[]): number[] | null {
  const w: (number | undefined)[] = [undefined, undefined];
  for (const [i, r] of rewards.entries()) {
    if (w[r] === undefined) w[r] = weights[i];
    else if (!Object.is(w[r], weights[i])) return null;
  }
  return w.map((x) => x ?? 0);
}

const SIZES = [1, 2, 3, 5, 8, 10, 11, 12, 16, 33, 64];

describe('ClassWeights', () => {
  it.each(SIZES)(
    'M = %i: every representative scheme weighs a class alike, and ClassWeights gives those weights',
    (M) => {
      const u = substream(1, 'class-weights', M);
      for (const spec of representativeSpecs(M)) {
        const s = scheme(spec, M);
        const weights = new ClassWeights(s);
        const w = new Float64Array(2);
        const patterns = [
          new Array<number>(M).fill(0),
          new Array<number>(M).fill(1),
          ...Array.from({ length: 40 }, (_, j) =>
            Array.from({ length: M }, () => (u() < (j + 0.5) / 40 ? 1 : 0)),
          ),
        ];
        for (const rewards of patterns) {
          const expected = byClass(rewards, s.advantages(rewards));
          expect(expected, `${spec}: [${rewards}]`).not.toBeNull();
          const K = rewards.reduce((a, b) => a + b, 0);
          weights.into(Int32Array.from(rewards), K, w);
          expect([...w], `${spec}: [${rewards}]`).toEqual(expected);
        }
      }
    },
  );

  it('can fail: weights that depend on the position are caught', () => {
    expect(byClass([1, 1, 0], [0.5, 0.25, -1])).toBeNull();
    expect(byClass([1, 1, 0], [0.5, 0.5, -1])).toEqual([-1, 0.5]);
  });
});
