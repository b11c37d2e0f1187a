import { describe, expect, it } from 'vitest';
import { representativeSpecs } from '../../test/support/schemes/representative-specs.ts';
import { UniformStream } from '../rng/uniform-stream.ts';
import { exactSquareSums } from './group-normalized.ts';
import { catalogueAt, resolveScheme } from './resolve-scheme.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

// groupWeightsInto against advantagesInto, bit for bit (deterministic: no false-fail rate):
// every reward pattern up to M = 12, and random groups at larger M, placed at an offset in a
// longer buffer as the simulators pass them.

/** The first difference between the two forms on the group `rewards`, or null. */
function difference(f: SchemeFormulas, rewards: Float64Array): string | null {
  const M = rewards.length;
  const want = new Float64Array(M);
  f.advantagesInto(rewards, want);
  const padded = new Float64Array(M + 7);
  padded.set(rewards, 5);
  let K = 0;
  for (const r of rewards) K += r;
  const two = new Float64Array(2);
  f.groupWeightsInto!(padded, 5, K, two);
  for (let i = 0; i < M; i++) {
    // Object.is tells every two doubles apart but NaNs of different payloads (none here).
    if (!Object.is(want[i], two[rewards[i]!])) {
      return `rewards ${rewards.join('')}: position ${i} is ${want[i]} natively, ${two[rewards[i]!]} in two-weight form`;
    }
  }
  return null;
}

/** Every pattern of M rewards up to M = 12, then 200 random groups at p = 0.5 and 0.05. */
function groups(M: number): Float64Array[] {
  if (M <= 12) {
    return Array.from({ length: 2 ** M }, (_, pattern) =>
      Float64Array.from({ length: M }, (_, i) => (pattern >> i) & 1),
    );
  }
  const u = new UniformStream(7, 'group-weights', M);
  return Array.from({ length: 200 }, (_, g) =>
    Float64Array.from({ length: M }, () => (u.next() < (g % 2 === 0 ? 0.5 : 0.05) ? 1 : 0)),
  );
}

const SIZES = [1, 2, 3, 5, 8, 10, 12, 13, 16, 64, 100, 256, 1000];

describe('groupWeightsInto', () => {
  it('exists for every catalogue scheme (the battery crosses them with every policy) and the GRPO presets', () => {
    for (const M of [11, 16, 64, 100]) {
      for (const spec of [...catalogueAt(M), 'grpo:std=sample,eps-at=var', 'verl-grpo']) {
        expect(resolveScheme(spec).bind(M).groupWeightsInto, `${spec} at M = ${M}`).toBeDefined();
      }
    }
  });

  it.each(SIZES)('gives the native weights bit for bit at M = %i', (M) => {
    let checked = 0;
    for (const spec of representativeSpecs(M)) {
      const formulas = resolveScheme(spec).bind(M);
      if (!formulas.groupWeightsInto) continue;
      checked++;
      const first = groups(M)
        .map((rewards) => difference(formulas, rewards))
        .find((d) => d !== null);
      expect(first, spec).toBeUndefined();
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('can fail: the squares summed in another order differ at M = 100', () => {
    const native = resolveScheme('grpo:std=sample').bind(100);
    const reversed: SchemeFormulas = {
      ...native,
      groupWeightsInto(rewards, start, K, out) {
        const mean = K / 100;
        let squares = 0;
        for (let i = start + 99; i >= start; i--) squares += (rewards[i]! - mean) ** 2;
        const sd = Math.sqrt(squares / 99) + 1e-8;
        out[0] = (0 - mean) / sd;
        out[1] = (1 - mean) / sd;
      },
    };
    expect(groups(100).some((rewards) => difference(reversed, rewards) !== null)).toBe(true);
  });

  it('sums the squares in closed form only where no partial sum rounds', () => {
    // Powers of two up to 2^17: the squares are multiples of 1/M^2 and their sums stay below
    // 2^53/M^2, so every count K is exact.
    for (let M = 1; M <= 2 ** 17; M *= 2)
      expect(
        (exactSquareSums(M) as Uint8Array).every((x) => x === 1),
        `M = ${M}`,
      ).toBe(true);
    const at100 = exactSquareSums(100) as Uint8Array;
    expect(at100.some((x) => x === 0)).toBe(true);
    expect(exactSquareSums(2 ** 21)).toBe(false);
  });

  it('can fail: the closed-form sum taken at every count differs from the loop at M = 100', () => {
    const native = resolveScheme('grpo').bind(100);
    const everywhere: SchemeFormulas = {
      ...native,
      groupWeightsInto(_rewards, _start, K, out) {
        const mean = K / 100;
        const squares = K * (1 - mean) ** 2 + (100 - K) * mean ** 2;
        const sd = Math.sqrt(squares / 100) + 1e-8;
        out[0] = squares === 0 ? 0 : (0 - mean) / sd;
        out[1] = squares === 0 ? 0 : (1 - mean) / sd;
      },
    };
    expect(groups(100).some((rewards) => difference(everywhere, rewards) !== null)).toBe(true);
  });
});

/**
 * The first count `K` at which two of `rewards` with `K` ones get different weights from the
 * native formula (the weight of each class at its first response), or null.
 */
function orderDependence(f: SchemeFormulas, all: readonly Float64Array[]): string | null {
  const byK = new Map<number, string>();
  for (const rewards of all) {
    const M = rewards.length;
    const out = new Float64Array(M);
    f.advantagesInto(rewards, out);
    const K = rewards.reduce((k, r) => k + r, 0);
    const wrong = rewards.indexOf(0);
    const right = rewards.indexOf(1);
    const weights = `${wrong < 0 ? '' : out[wrong]} ${right < 0 ? '' : out[right]}`;
    const seen = byK.get(K);
    if (seen !== undefined && seen !== weights) return `K = ${K}: ${seen} and ${weights}`;
    byK.set(K, weights);
  }
  return null;
}

describe('orderFree', () => {
  // Deterministic: every pattern up to M = 12, 200 random groups above.
  it.each(SIZES)('holds where declared at M = %i: K alone, never the rewards', (M) => {
    for (const spec of representativeSpecs(M)) {
      const formulas = resolveScheme(spec).bind(M);
      if (!formulas.orderFree) continue;
      expect(orderDependence(formulas, groups(M)), spec).toBeNull();
      // Rewards it must not read: NaN where the group's rewards would be.
      const nowhere = new Float64Array(M + 7).fill(Number.NaN);
      const two = new Float64Array(2);
      const want = new Float64Array(2);
      for (let K = 0; K <= M; K++) {
        const rewards = Float64Array.from({ length: M + 7 }, (_, i) =>
          i >= 5 && i < 5 + K ? 1 : 0,
        );
        formulas.groupWeightsInto!(rewards, 5, K, want);
        formulas.groupWeightsInto!(nowhere, 5, K, two);
        expect([...two], `${spec}, K = ${K}`).toEqual([...want]);
      }
    }
  });

  it('is declared by the schemes whose weights are integer sums, and GRPO where no sum rounds', () => {
    const declared = (spec: string, M: number) => resolveScheme(spec).bind(M).orderFree === true;
    for (const spec of ['rs', 'reinforce', 'rloo', 'trl-rloo', 'passk:k=2', 'dr-grpo'])
      expect(declared(spec, 12), spec).toBe(true);
    expect(declared('grpo', 16)).toBe(true);
    expect(declared('f-grpo:gamma=1', 16)).toBe(true);
    expect(declared('grpo', 12)).toBe(false);
    expect(declared('grpo:filter=dapo', 16)).toBe(false);
  });

  it('can fail: GRPO at M = 12 gives other bits to groups of the same K in another order', () => {
    expect(orderDependence(resolveScheme('grpo').bind(12), groups(12))).not.toBeNull();
  });
});
