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
          weights.into(Int32Array.from(rewards), 0, K, w);
          expect([...w], `${spec}: [${rewards}]`).toEqual(expected);
          // The table by count, where the scheme declares its weights a function of K.
          if (weights.byCount !== null) {
            expect([...weights.byCount.subarray(2 * K, 2 * K + 2)], spec).toEqual(expected);
          }
        }
        expect(weights.byCount !== null, spec).toBe(s.orderFree === true);
      }
    },
  );

  it('can fail: weights that depend on the position are caught', () => {
    expect(byClass([1, 1, 0], [0.5, 0.25, -1])).toBeNull();
    expect(byClass([1, 1, 0], [0.5, 0.5, -1])).toEqual([-1, 0.5]);
  });

  it.each([
    ['grpo', 8],
    ['grpo:std=sample', 16],
    ['chen-passk:k=4', 12],
  ])(
    '%s at M = %i: a group read at an offset has the weights of the same group at 0',
    (spec, M) => {
      // The route of each: the pattern table, the two-weight form, the native formula.
      const weights = new ClassWeights(scheme(spec, M));
      const u = substream(2, 'class-weights-offset', M);
      const at = new Float64Array(2);
      const alone = new Float64Array(2);
      for (let n = 0; n < 50; n++) {
        const group = Int32Array.from({ length: M }, () => (u() < 0.4 ? 1 : 0));
        const K = group.reduce((a, b) => a + b, 0);
        // Padded with the complement, so that reading from 0 or past the group would differ.
        const padded = Int32Array.from([
          ...group.map((r) => 1 - r),
          ...group,
          ...group.map((r) => 1 - r),
        ]);
        weights.into(padded, M, K, at);
        weights.into(group, 0, K, alone);
        expect([...at]).toEqual([...alone]);
      }
    },
  );

  it.each([
    ['grpo', 8],
    ['chen-passk:k=4', 12],
  ])('%s at M = %i: can fail: a group read one response late has other weights', (spec, M) => {
    // The routes that read the rewards (the two-weight form at a power-of-two M reads only K).
    const weights = new ClassWeights(scheme(spec, M));
    const at = new Float64Array(2);
    const alone = new Float64Array(2);
    const group = Int32Array.from({ length: M }, (_, i) => (i === 0 ? 1 : 0));
    const padded = Int32Array.from([...group, ...group.map((r) => 1 - r)]);
    weights.into(padded, 1, 1, at);
    weights.into(group, 0, 1, alone);
    expect([...at]).not.toEqual([...alone]);
  });
});
