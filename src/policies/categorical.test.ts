import { describe, expect, it } from 'vitest';
import { substream } from '../rng/substream.ts';
import { Categorical, softmaxProbabilities } from './categorical.ts';

// Deterministic (fixed seeds, exact comparisons): false-fail rate 0.

/** The smallest index whose running sum exceeds `u`, by linear search. */
function linear(cdf: Float64Array, base: number, size: number, u: number): number {
  let v = 0;
  while (v < size - 1 && !(u < cdf[base + v]!)) v++;
  return v;
}

/** Uniforms to draw with: random ones, each running sum, and the uniforms just below it. */
function uniforms(cdf: Float64Array): number[] {
  const u = substream(2, 'categorical');
  const out = Array.from({ length: 20_000 }, () => u());
  for (const c of cdf) {
    if (c < 1) out.push(c, c - 2 ** -32, c + 2 ** -32);
  }
  return out.filter((x) => x >= 0 && x < 1);
}

describe('Categorical', () => {
  it.each([
    ['four answers', [0.1, -0.4, 0.3, 0]],
    ['one answer', [0]],
    ['tiny and zero probabilities side by side', [0, -30, -40, 2, -800, -35, 1, -900, -33]],
    ['many answers', Array.from({ length: 3000 }, (_, j) => Math.sin(j) * 6)],
  ])('%s: each draw is the index a linear search finds', (_, logits) => {
    const pi = softmaxProbabilities(logits);
    const K = pi.length;
    const c = new Categorical(pi, K);
    for (const u of uniforms(c.cdf)) expect(c.draw(0, u)).toBe(linear(c.cdf, 0, K, u));
  });

  it('rows of a sequence: each row by its own running sums, split buckets found by search', () => {
    const V = 5;
    const u = substream(3, 'rows');
    const logits = Array.from({ length: 4 * V }, () => 12 * (2 * u() - 1));
    const pi = new Float64Array(4 * V);
    for (let row = 0; row < 4; row++) {
      pi.set(softmaxProbabilities(logits.slice(row * V, row * V + V)), row * V);
    }
    const c = new Categorical(pi, V);
    let split = 0;
    for (let row = 0; row < 4; row++) {
      split += c.guideRow(row).filter((entry) => entry < 0).length;
      for (const x of uniforms(c.cdf.subarray(row * V, row * V + V))) {
        expect(c.draw(row, x)).toBe(linear(c.cdf, row * V, V, x));
      }
    }
    // The rows have split buckets, so both paths of a draw ran.
    expect(split).toBeGreaterThan(0);
  });

  it('a whole bucket holds its answer, a split one the answer of its start, complemented', () => {
    const c = new Categorical(softmaxProbabilities([0, 1, 2, 3]), 4);
    const G = c.buckets;
    c.guideRow(0).forEach((entry, j) => {
      const start = linear(c.cdf, 0, 4, j / G);
      const end = linear(c.cdf, 0, 4, (j + 1) / G - 2 ** -32);
      expect(entry).toBe(start === end ? start : ~start);
    });
  });

  it('can fail: a search that stops at u <= cdf differs on a running sum itself', () => {
    const c = new Categorical(softmaxProbabilities([0, 1]), 2);
    const u = c.cdf[0]!;
    expect(c.draw(0, u)).toBe(1);
    expect(u <= c.cdf[0]! ? 0 : 1).not.toBe(c.draw(0, u));
  });
});
