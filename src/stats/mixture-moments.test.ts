import { describe, expect, it } from 'vitest';
import { substream } from '../rng/substream.ts';
import { type MixturePart, mixtureMoments } from './mixture-moments.ts';

type Atom = readonly [weight: number, value: number];

/** Weight, mean, variance and third central moment of point masses, straight from the sums. */
function direct(atoms: readonly Atom[]) {
  const weight = atoms.reduce((s, [w]) => s + w, 0);
  const mean = atoms.reduce((s, [w, v]) => s + w * v, 0) / weight;
  const central = (k: number) => atoms.reduce((s, [w, v]) => s + w * (v - mean) ** k, 0) / weight;
  return { weight, mean, variance: central(2), third: central(3) };
}

/** A part made of point masses, summarised by its own moments. */
function part(atoms: readonly Atom[]): MixturePart {
  return direct(atoms);
}

describe('mixtureMoments', () => {
  // Random groups of point masses: the moments of the parts, mixed, against the moments of all
  // the atoms at once. Sums of a few dozen terms: agreement to 1e-12 relative of the scale.
  it('mixes parts into the moments of the whole (law of total cumulance)', () => {
    const u = substream(7, 'mixture-moments');
    for (let trial = 0; trial < 50; trial++) {
      const groups = Array.from({ length: 1 + Math.floor(u() * 5) }, () =>
        Array.from({ length: 1 + Math.floor(u() * 4) }, (): Atom => [u(), 10 * u() - 3]),
      );
      const whole = direct(groups.flat());
      const mixed = mixtureMoments(groups.map(part));
      const scale = Math.max(...groups.flat().map(([, v]) => Math.abs(v)));
      expect(Math.abs(mixed.weight - whole.weight)).toBeLessThan(1e-12 * whole.weight);
      expect(Math.abs(mixed.mean - whole.mean)).toBeLessThan(1e-12 * scale);
      expect(Math.abs(mixed.variance - whole.variance)).toBeLessThan(1e-12 * scale ** 2);
      expect(Math.abs(mixed.third - whole.third)).toBeLessThan(1e-12 * scale ** 3);
    }
  });

  it('is exact on a two-point law and ignores parts of weight 0', () => {
    // 1 with probability 1/4, else 0: mean 1/4, variance 3/16, third 3/32 (all dyadic).
    const m = mixtureMoments([
      { weight: 0.75, mean: 0, variance: 0, third: 0 },
      { weight: 0.25, mean: 1, variance: 0, third: 0 },
      { weight: 0, mean: 1e300, variance: 1e300, third: 1e300 },
    ]);
    expect(m).toEqual({ weight: 1, mean: 0.25, variance: 3 / 16, third: 3 / 32 });
    // The check can fail: a part's own spread counts.
    expect(mixtureMoments([{ weight: 1, mean: 0, variance: 1, third: 0 }]).variance).toBe(1);
  });
});
