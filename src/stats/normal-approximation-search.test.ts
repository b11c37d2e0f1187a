import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import type { MixturePart } from './mixture-moments.ts';
import {
  GROUPS_PER_T4,
  normalApproximation,
  RARE_EXPECTED,
  SHIFT_EXCESS,
  SKEWNESS_BUDGET,
  SMALLEST_SPREAD,
  type UpdateLaw,
} from './normal-approximation.ts';

// Deterministic: no sampling; false-fail rate 0.

const Phi = (x: number) => normalCdf(x, 0, 1);

/** Weight, mean, variance and third central moment of some parts, straight from the definitions. */
function momentsOf(parts: readonly MixturePart[]) {
  let weight = 0;
  for (const p of parts) weight += p.weight;
  let mean = 0;
  for (const p of parts) mean += (p.weight / weight) * p.mean;
  let variance = 0;
  let third = 0;
  for (const p of parts) {
    const d = p.mean - mean;
    variance += (p.weight / weight) * (p.variance + d ** 2);
    third += (p.weight / weight) * (p.third + 3 * p.variance * d + d ** 3);
  }
  return { mean, variance, third };
}

/**
 * The precondition at exactly N groups, as normalApproximation's TSDoc states it, one N at a
 * time: leave out the rarest parts, as many as keep N · P(left out) <= RARE_EXPECTED; the rest
 * must be constant (spread within 64 ulps of its largest |mean|), or else have N >= 5 t^4, a
 * spread of at least SMALLEST_SPREAD and |gamma| t^3 <= 2 sqrt(N); and the shift of the mean
 * that leaving out causes, seen as rho Z + s, must not raise the two-sided tail beyond t by more
 * than SHIFT_EXCESS. Returns the test at each N, and the skewness the result reports at N (that
 * of the rest, over sqrt(N)).
 */
function precondition(law: UpdateLaw, t: number) {
  const parts = law.parts.filter((p) => p.weight > 0).sort((a, b) => a.weight - b.weight);
  const mu = momentsOf(parts).mean;
  // rests[k]: the parts k.. kept, with out[k] the weight of those left out.
  const rests = parts.map((_, k) => {
    const kept = parts.slice(k);
    const r = momentsOf(kept);
    const largest = Math.max(...kept.map((p) => Math.abs(p.mean)));
    const sigma = r.variance > (64 * Number.EPSILON * largest) ** 2 ? Math.sqrt(r.variance) : 0;
    const gamma = sigma > 0 ? Math.abs(r.third) / sigma ** 3 : 0;
    return {
      out: parts.slice(0, k).reduce((sum, p) => sum + p.weight, 0),
      sigma,
      gamma,
      shift: Math.abs(r.mean - mu),
    };
  });
  const restAt = (N: number) => {
    let k = 0;
    while (k < parts.length - 1 && N * rests[k + 1]!.out <= RARE_EXPECTED) k++;
    return rests[k]!;
  };
  const holds = (N: number): boolean => {
    if (parts.length === 0) return true;
    const { sigma, gamma, shift } = restAt(N);
    if (sigma > 0) {
      if (N < GROUPS_PER_T4 * t ** 4 || sigma < SMALLEST_SPREAD) return false;
      if (gamma * t ** 3 > SKEWNESS_BUDGET * Math.sqrt(N)) return false;
    }
    if (shift === 0) return true;
    const se = Math.max(sigma / Math.sqrt(N), law.floor);
    if (!(se > 0)) return false;
    const z = shift / se;
    const rho = sigma / Math.sqrt(N) / se;
    const tail = rho > 0 ? Phi((-t - z) / rho) + Phi((z - t) / rho) : z > t ? 1 : 0;
    return tail <= (1 + SHIFT_EXCESS) * 2 * Phi(-t);
  };
  return { holds, skewness: (N: number) => restAt(N).gamma / Math.sqrt(N) };
}

const part = (weight: number, mean: number, variance = 0, third = 0): MixturePart => ({
  weight,
  mean,
  variance,
  third,
});

/** Largest group count enumerated. */
const LIMIT = 400_000;

// Laws whose answers lie at every kind of place the search has to find: each has a bulk and one
// or more rare parts that a run may leave out.
const LAWS: Record<string, UpdateLaw> = {
  // The shift fails at the first candidate and holds by the end of its range: leaving out an
  // event of 1e-6 shifts the mean by 0.06 against a floor of 0.02, which noise hides at first
  // and the shrinking spread then reveals less and less.
  'shift passes by the end of the range': {
    parts: [part(0.6 - 1e-6, -1), part(0.4, 1.5), part(1e-6, 6e4)],
    floor: 0.02,
  },
  // Without a floor the shifted z grows with N: the whole range fails and the rare part must
  // be kept, which its skewness allows only from about 3e5 groups.
  'shift fails over the whole range': {
    parts: [part(0.6 - 1e-5, -1), part(0.4, 1.5), part(1e-5, 100)],
    floor: 0,
  },
  // The range of the rare part's absence ends (50 groups) before the 5 t^4 that the spread of
  // the bulk needs; the shift would pass at 50 but fails at 5 t^4.
  'the range ends before the fewest groups': {
    parts: [part(0.5 - 1e-3, -1), part(0.5, 1), part(1e-3, 2)],
    floor: 0,
  },
  // Left out, the rare part sets the law's size but not the rest's: the rest's spread of 1e-12
  // is far above rounding of its own means, so it is not constant.
  'the rest is much smaller than the law': {
    parts: [part(0.5, -1e-12), part(0.5 - 1e-9, 1e-12), part(1e-9, 1)],
    floor: 1e-6,
  },
  // Three rare parts at three scales, and one whose expected count is RARE_EXPECTED at exactly
  // 100 groups.
  'nested rare parts': {
    parts: [
      part(0.7 - 1e-6 - 5e-4 - 1e-2, 0, 1, 0.5),
      part(0.3, 0.5),
      part(1e-2, -0.5),
      part(5e-4, 3),
      part(1e-6, -40),
    ],
    floor: 1e-3,
  },
  'a two-point rare event with a floor': {
    parts: [part(1 - 1e-4, 0), part(1e-4, 1)],
    floor: 1e-5,
  },
};

describe('normalApproximation: the search against the precondition at each N', () => {
  for (const t of [4, 5]) {
    it(`finds the smallest sufficient N, enumerated up to ${LIMIT} (t = ${t})`, () => {
      for (const [name, law] of Object.entries(LAWS)) {
        // next[N]: the smallest M >= N at which the precondition holds, or LIMIT + 1.
        const { holds, skewness } = precondition(law, t);
        const next = new Int32Array(LIMIT + 2).fill(LIMIT + 1);
        for (let N = LIMIT; N >= 1; N--) next[N] = holds(N) ? N : next[N + 1]!;
        const cumulative: number[] = [];
        let w = 0;
        for (const p of [...law.parts].sort((a, b) => a.weight - b.weight)) {
          w += p.weight;
          cumulative.push(Math.floor(RARE_EXPECTED / w));
        }
        const fewest = Math.ceil(GROUPS_PER_T4 * t ** 4);
        const starts = new Set([1, 2, 10, 100, fewest - 1, fewest, fewest + 1, next[1]!]);
        for (const end of cumulative) for (const d of [-1, 0, 1]) starts.add(end + d);
        for (const d of [-1, 1]) starts.add(next[1]! + d);
        for (const groups of [...starts].filter((N) => N >= 1 && N <= LIMIT)) {
          const got = normalApproximation(law, groups, t);
          const want = next[groups]!;
          const where = `${name}, t = ${t}, groups = ${groups}`;
          if (want <= LIMIT) {
            expect(got.groupsNeeded, where).toBe(want);
          } else {
            expect(got.groupsNeeded, where).toBeGreaterThan(LIMIT);
          }
          expect(got.ok, where).toBe(want === groups);
          expect(got.skewness, where).toBeCloseTo(skewness(groups), 12);
        }
      }
    });
  }

  it('a rare part that must be kept: the answer is the first N past the range that leaves it out', () => {
    // Left out (up to 0.05/3.5e-5 = 1428 groups), the part at 31 shifts the mean by 1.1e-3, which
    // the 5 t^4 = 1280 groups its bulk needs already resolve; kept (from 1429 groups on), its
    // skewness of about 1 needs only about 1000. So the precondition holds from 1429 on, and at
    // no N between 1280 and 1428.
    const law: UpdateLaw = {
      parts: [part(0.5, -1), part(0.5 - 3.5e-5, 1), part(3.5e-5, 31)],
      floor: 0,
    };
    const t = 4;
    const { holds } = precondition(law, t);
    const first = Array.from({ length: 3000 }, (_, N) => N + 1).find((N) => holds(N));
    expect(first).toBe(1429);
    for (const groups of [1, 1280, 1427, 1428, 1429, 1430]) {
      const got = normalApproximation(law, groups, t);
      expect(got.groupsNeeded, `groups = ${groups}`).toBe(Math.max(groups, 1429));
      expect(got.ok).toBe(groups >= 1429);
    }
  });

  it('beyond the enumeration, the answer holds and the N before it does not', () => {
    for (const t of [4, 5]) {
      const law = LAWS['shift fails over the whole range']!;
      const { groupsNeeded } = normalApproximation(law, 10, t);
      expect(groupsNeeded).toBeLessThan(1e7);
      const { holds } = precondition(law, t);
      expect(holds(groupsNeeded)).toBe(true);
      expect(holds(groupsNeeded - 1)).toBe(false);
    }
  });

  it('the enumeration tells a wrong search from the right one', () => {
    // A search that ignores the shift of the left-out parts: it accepts the rest's own N.
    const law = LAWS['shift passes by the end of the range']!;
    const t = 5;
    const fewest = Math.ceil(GROUPS_PER_T4 * t ** 4);
    expect(precondition(law, t).holds(fewest)).toBe(false);
    expect(precondition({ ...law, floor: 1 }, t).holds(fewest)).toBe(true);
  });
});

describe('normalApproximation: what the law is, not how it is written', () => {
  it('a part of weight 0 changes nothing, however large its mean', () => {
    const law = LAWS['nested rare parts']!;
    const withGhost = { ...law, parts: [...law.parts, part(0, 1e20, 1e30, 1e45)] };
    for (const groups of [10, 100, 3000, 1e5, 1e7]) {
      expect(normalApproximation(withGhost, groups, 5)).toEqual(
        normalApproximation(law, groups, 5),
      );
    }
  });

  it('a change of units (law and floor times c) changes nothing', () => {
    for (const law of Object.values(LAWS)) {
      for (const c of [1e-100, 1e-3, 1e3, 1e100]) {
        const scaled: UpdateLaw = {
          parts: law.parts.map((p) =>
            part(p.weight, p.mean * c, p.variance * c * c, p.third * c ** 3),
          ),
          floor: law.floor * c,
        };
        for (const groups of [10, 100, 3000, 1e5]) {
          const a = normalApproximation(law, groups, 5);
          const b = normalApproximation(scaled, groups, 5);
          expect(b.ok).toBe(a.ok);
          expect(b.groupsNeeded).toBe(a.groupsNeeded);
          expect(b.skewness).toBeCloseTo(a.skewness, 9);
        }
      }
    }
  });
});
