import {
  mean,
  sampleStandardDeviation,
  sampleVariance,
  standardDeviation,
} from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { binom, frac, toNumber } from '../../test/support/objective/exact.ts';
import { errorUlps, toleranceUlps } from '../../test/support/schemes/agreement.ts';
import { resolveScheme } from './resolve-scheme.ts';
import { scheme } from './scheme.ts';

/**
 * Independent re-implementations of the docs/theory.md §7 conventions, written the way the trainers
 * write them (group mean and std from the array; simple-statistics instead of our loops, exact
 * BigInt binomials instead of binomialRatio).
 */
const std = (r: number[]) => (r.length < 2 ? Number.NaN : sampleStandardDeviation(r));
const normalize = (r: number[], eps: number) => {
  const m = mean(r);
  const sd = std(r);
  return r.map((x) => (x - m) / (sd + eps));
};
const ratio = (n: number, m: number, r: number) => toNumber(frac(binom(n, r), binom(m, r)));

const references: Record<string, (r: number[]) => number[]> = {
  'verl-grpo:norm-by-std=true': (r) =>
    r.length === 1 ? [(r[0]! - 0) / (1 + 1e-6)] : normalize(r, 1e-6),
  'verl-grpo:norm-by-std=false': (r) => (r.length === 1 ? [r[0]!] : r.map((x) => x - mean(r))),
  // verl group_mean_std: the variance floored at eps before the root, singletons mean 0, std 1.
  'verl-grpo-vectorized:norm-by-std=true': (r) =>
    r.length === 1
      ? [r[0]! / (1 + 1e-6)]
      : r.map((x) => (x - mean(r)) / (Math.sqrt(Math.max(sampleVariance(r), 1e-6)) + 1e-6)),
  'verl-grpo-vectorized:norm-by-std=false': (r) =>
    r.length === 1 ? [r[0]!] : r.map((x) => x - mean(r)),
  'verl-grpo-passk:norm-by-std=true': (r) => verlPassk(r, true),
  'verl-grpo-passk:norm-by-std=false': (r) => verlPassk(r, false),
  'trl-grpo:scale-rewards=group': (r) => normalize(r, 1e-4),
  'trl-grpo:scale-rewards=none': (r) => r.map((x) => x - mean(r)),
  // TRL RLOOTrainer: baselines = (grouped_sum - grouped_rewards) / (count - 1).
  'trl-rloo:normalize-advantages=false': (r) =>
    r.map((x) => x - (r.reduce((p, q) => p + q, 0) - x) / (r.length - 1)),
  'openrlhf-group-norm': (r) => normalize(r, 1e-9),
  'dr-grpo': (r) => r.map((x) => x - mean(r)),
  rloo: (r) => r.map((x, i) => x - (mean(r) * r.length - r[i]!) / (r.length - 1)),
  'pkpo:k=2,estimator=s-loo-minus-one': (r) => pkpo(r, 2),
  'pkpo:k=3,estimator=s-loo-minus-one': (r) => pkpo(r, 3),
  'chen-passk:k=1': (r) => chen(r, 1),
  'chen-passk:k=2': (r) => chen(r, 2),
  'chen-passk:k=3': (r) => chen(r, 3),
  'reinforce:filter=dapo': (r) => dapo(r, r),
  'verl-grpo:norm-by-std=true,filter=dapo': (r) =>
    dapo(r, r.length === 1 ? [r[0]! / (1 + 1e-6)] : normalize(r, 1e-6)),
  // OpenRLHF dynamic filtering: keep the group when min_r < avg_reward < max_r.
  'openrlhf-group-norm:filter=range,lo=0.2,hi=0.8': (r) =>
    0.2 < mean(r) && mean(r) < 0.8 ? normalize(r, 1e-9) : r.map(() => 0),
  'rloo:filter=range,lo=0,hi=1': (r) =>
    0 < mean(r) && mean(r) < 1
      ? r.map((x, i) => x - (mean(r) * r.length - r[i]!) / (r.length - 1))
      : r.map(() => 0),
  'grpo:std=population,eps=1e-8,eps-at=std,filter=dapo': (r) => {
    const m = mean(r);
    const sd = Math.sqrt(m * (1 - m));
    return dapo(
      r,
      r.map((x) => (sd === 0 ? 0 : (x - m) / (sd + 1e-8))),
    );
  },
};

function verlPassk(r: number[], norm: boolean): number[] {
  const order = r.map((x, i) => [x, i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  let advantage = order[0]![0] - order[1]![0];
  if (norm) advantage /= std(r) + 1e-6;
  const out = r.map(() => 0);
  out[order[0]![1]] = advantage;
  return out;
}

function pkpo(r: number[], k: number): number[] {
  const M = r.length;
  const K = r.reduce((x, y) => x + y, 0);
  return r.map((x) => (x === 1 ? (k * ratio(M - K, M - 1, k - 1)) / M : 0));
}

function chen(r: number[], k: number): number[] {
  const M = r.length;
  const K = r.reduce((x, y) => x + y, 0);
  if (K === 0 || M - K < k) return r.map(() => 0);
  const rho = 1 - ratio(M - K, M, k);
  const sigma = Math.sqrt(rho * (1 - rho));
  return r.map((x) =>
    x === 1
      ? (1 - rho) / (sigma + 1e-6)
      : (1 - rho - ratio(M - K - 1, M - 1, k - 1)) / (sigma + 1e-6),
  );
}

/** verl's DAPO recipe keeps a group when the std of its rewards is > 0 or it has one response. */
function dapo(r: number[], z: number[]): number[] {
  return r.length === 1 || standardDeviation(r) > 0 ? z : z.map(() => 0);
}

/** Every reward pattern of size M. */
function* patterns(M: number): Generator<number[]> {
  for (let bits = 0; bits < 2 ** M; bits++)
    yield Array.from({ length: M }, (_, i) => (bits >> i) & 1);
}

describe('presets reproduce the docs/theory.md §7 conventions on every group of size <= 10', () => {
  // Tolerance: toleranceUlps(M) = 4 + M/2 ulps, plus 1e-13 absolute for chen-passk and pkpo
  // at a weight close to 0 (the reference's 1 - rho cancels; ours computes 1 - rho directly).
  for (const [spec, reference] of Object.entries(references)) {
    it(spec, () => {
      let checked = 0;
      for (let M = 1; M <= 10; M++) {
        let s: ReturnType<typeof scheme>;
        try {
          s = scheme(spec, M);
        } catch {
          continue; // the preset does not exist at this M (M >= 2, k <= M): tested elsewhere
        }
        expect(s.spec).toBe(spec);
        for (const r of patterns(M)) {
          const want = reference(r);
          const got = s.advantages(r);
          for (let i = 0; i < M; i++) {
            const ok =
              errorUlps(got[i]!, want[i]!) <= toleranceUlps(M) ||
              Math.abs(got[i]! - want[i]!) <= 1e-13;
            expect(ok, `${spec} M=${M} ${r.join('')} i=${i}: ${got[i]} vs ${want[i]}`).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(1000);
    });
  }

  it('the check can fail: verl-grpo with the population std is caught', () => {
    const s = scheme('verl-grpo', 6);
    const r = [1, 0, 0, 1, 1, 0];
    const m = mean(r);
    const wrong = r.map((x) => (x - m) / (Math.sqrt(m * (1 - m)) + 1e-6));
    expect(errorUlps(s.advantages(r)[0]!, wrong[0]!)).toBeGreaterThan(1e10);
  });
});

describe('preset tables', () => {
  it('verl-grpo at M = 1: mean 0, std 1, so b = [1/(1 + 1e-6)], or [1] without std', () => {
    expect(scheme('verl-grpo', 1).b).toEqual([1 / (1 + 1e-6)]);
    expect(scheme('verl-grpo', 1).a).toEqual([0]);
    expect(scheme('verl-grpo:norm-by-std=false', 1).b).toEqual([1]);
  });

  it('verl-grpo-passk: only b_0 is non-zero, 1/(sqrt(1/M) + 1e-6), or 1', () => {
    for (const M of [2, 5, 16, 64]) {
      const s = scheme('verl-grpo-passk', M);
      expect(errorUlps(s.b[0]!, 1 / (Math.sqrt(1 / M) + 1e-6))).toBeLessThanOrEqual(
        toleranceUlps(M),
      );
      expect([...s.a, ...s.b.slice(1)].every((x) => x === 0)).toBe(true);
      expect(scheme('verl-grpo-passk:norm-by-std=false', M).b).toEqual([
        1,
        ...new Array(M - 1).fill(0),
      ]);
    }
  });

  it('verl-grpo:norm-by-std=false and trl-grpo:scale-rewards=none equal dr-grpo for M >= 2', () => {
    for (const M of [2, 7, 40]) {
      const d = scheme('dr-grpo', M);
      for (const spec of ['verl-grpo:norm-by-std=false', 'trl-grpo:scale-rewards=none']) {
        expect(scheme(spec, M).a).toEqual(d.a);
        expect(scheme(spec, M).b).toEqual(d.b);
      }
    }
  });

  it('chen-passk: zero when K = 0 or M - K < k; a known value', () => {
    const M = 6;
    const k = 2;
    const s = scheme(`chen-passk:k=${k}`, M);
    // K = s for a wrong answer: zero at K = 0 and when M - K < k, i.e. K >= 5.
    expect(s.a[0]).toBe(0);
    expect(s.a[5]).toBe(0);
    // K = s + 1 for a right answer: zero when K >= 5.
    expect(s.b[4]).toBe(0);
    expect(s.b[5]).toBe(0);
    // K = 1: rho = 1 - C(5,2)/C(6,2) = 1/3, sigma = sqrt(2)/3; right gets (2/3)/(sigma + 1e-6).
    expect(errorUlps(s.b[0]!, 2 / 3 / (Math.sqrt(2) / 3 + 1e-6))).toBeLessThanOrEqual(4);
  });

  it('trl-grpo:scale-rewards=true|false are TRL spellings of group|none (GRPOConfig)', () => {
    for (const [alias, word] of [
      ['true', 'group'],
      ['false', 'none'],
    ] as const) {
      const aliased = scheme(`trl-grpo:scale-rewards=${alias}`, 8);
      const named = scheme(`trl-grpo:scale-rewards=${word}`, 8);
      expect(aliased.spec).toBe(named.spec);
      expect(aliased.a).toEqual(named.a);
      expect(aliased.b).toEqual(named.b);
    }
  });

  it('verl-grpo-vectorized equals verl-grpo until the variance floor 1e-6 binds (M > 1e6)', () => {
    for (const M of [1, 2, 7, 40, 1000]) {
      const vectorized = scheme('verl-grpo-vectorized', M);
      const loop = scheme('verl-grpo', M);
      for (const [x, y] of [
        [vectorized.a, loop.a],
        [vectorized.b, loop.b],
      ] as const) {
        x.forEach((v, s) => {
          expect(errorUlps(v, y[s]!)).toBeLessThanOrEqual(toleranceUlps(M));
        });
      }
    }
    // M = 2e6, K = 1 (closed form only: the tables would have 2e6 entries): the sample variance
    // is 1/M = 5e-7 < 1e-6, so verl floors it.
    const M = 2_000_000;
    const floored = resolveScheme('verl-grpo-vectorized').bind(M).weight(1, 1);
    expect(errorUlps(floored, (1 - 1 / M) / (Math.sqrt(1e-6) + 1e-6))).toBeLessThanOrEqual(8);
    expect(errorUlps(floored, resolveScheme('verl-grpo').bind(M).weight(1, 1))).toBeGreaterThan(
      1e10,
    );
  });

  it('filter=range,lo=0.2,hi=0.8 at M = 10 zeroes exactly the cells with K/M outside (0.2, 0.8)', () => {
    const M = 10;
    const plain = scheme('openrlhf-group-norm', M);
    const filtered = scheme('openrlhf-group-norm:filter=range,lo=0.2,hi=0.8', M);
    expect(filtered.spec).toBe('openrlhf-group-norm:filter=range,lo=0.2,hi=0.8');
    const inside = (K: number) => 0.2 < K / M && K / M < 0.8; // K = 3..7
    for (let s = 0; s < M; s++) {
      // a[s] is a wrong answer's cell (K = s), b[s] a right answer's (K = s + 1).
      expect(filtered.a[s]).toBe(inside(s) ? plain.a[s] : 0);
      expect(filtered.b[s]).toBe(inside(s + 1) ? plain.b[s] : 0);
      if (inside(s)) expect(filtered.a[s]).not.toBe(0);
      if (inside(s + 1)) expect(filtered.b[s]).not.toBe(0);
    }
    const zeroed = [...filtered.a, ...filtered.b].filter((x) => x === 0).length;
    expect(zeroed).toBe(2 * M - 10); // K = 3..7 kept: a[3..7] and b[2..6]
  });

  it('filter=range defaults to (0, 1), which keeps what filter=dapo keeps for M >= 2', () => {
    for (const M of [2, 5, 16]) {
      const range = scheme('grpo:std=sample,filter=range', M);
      const dapo = scheme('grpo:std=sample,filter=dapo', M);
      expect(range.spec).toBe('grpo:std=sample,eps=1e-8,eps-at=std,filter=range,lo=0,hi=1');
      expect(range.a).toEqual(dapo.a);
      expect(range.b).toEqual(dapo.b);
    }
  });

  it('at M = 1: filter=dapo keeps the group (verl DAPO recipe), filter=range refuses (OpenRLHF)', () => {
    expect(scheme('reinforce:filter=dapo', 1).b).toEqual([1]);
    expect(scheme('verl-grpo:filter=dapo', 1).b).toEqual([1 / (1 + 1e-6)]);
    expect(() => scheme('reinforce:filter=range', 1)).toThrow(
      /filter=range needs M >= 2 \(OpenRLHF's dynamic filtering requires n_samples_per_prompt > 1\)/,
    );
  });

  it('at M = 1: dr-grpo gives 0 (R - K/M) where verl without std division gives R', () => {
    expect(scheme('dr-grpo', 1).b).toEqual([0]);
    expect(scheme('verl-grpo:norm-by-std=false', 1).b).toEqual([1]);
    expect(scheme('verl-grpo-vectorized:norm-by-std=false', 1).b).toEqual([1]);
  });

  it('filter=dapo zeroes a[0] and b[M-1] and leaves every other entry unchanged', () => {
    for (const base of ['reinforce', 'grpo:std=sample', 'rs', 'passk:k=3']) {
      const plain = scheme(base, 8);
      const filtered = scheme(`${base},filter=dapo`.replace(/^([a-z-]+),/, '$1:'), 8);
      expect(filtered.spec.endsWith('filter=dapo')).toBe(true);
      expect(filtered.a).toEqual([0, ...plain.a.slice(1)]);
      expect(filtered.b).toEqual([...plain.b.slice(0, 7), 0]);
    }
  });
});
