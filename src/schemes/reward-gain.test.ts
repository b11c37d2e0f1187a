import { describe, expect, it } from 'vitest';
import { resolveScheme } from './resolve-scheme.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

// Deterministic (every group enumerated, central differences): false-fail rate 0.

/** Every group of `M` rewards taken from `values`. */
function groupsOf(values: readonly number[], M: number): Float64Array[] {
  return Array.from({ length: values.length ** M }, (_, n) =>
    Float64Array.from(
      { length: M },
      (_, i) => values[Math.floor(n / values.length ** i) % values.length]!,
    ),
  );
}

/**
 * `max_i sum_k |dZ_i/dr_k|` at `rewards` by central differences of the native formula, the
 * quantity `SchemeFormulas.rewardGain` bounds (docs/theory.md §10, the closedness tolerance).
 */
function gradientNorm(f: SchemeFormulas, rewards: Float64Array): number {
  const M = rewards.length;
  const step = 1e-6;
  const plus = new Float64Array(M);
  const minus = new Float64Array(M);
  const norms = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    const r = Float64Array.from(rewards);
    r[k] = rewards[k]! + step;
    f.advantagesInto(r, plus);
    r[k] = rewards[k]! - step;
    f.advantagesInto(r, minus);
    for (let i = 0; i < M; i++) norms[i]! += Math.abs(plus[i]! - minus[i]!) / (2 * step);
  }
  return Math.max(...norms);
}

const allEqual = (g: Float64Array) => g.every((x) => x === g[0]);

describe('rewardGain bounds the l1 norm of a weight’s gradient in the rewards (SchemeFormulas)', () => {
  it.each([
    ['grpo', [0, 0.5, 1]],
    ['grpo:std=sample', [-1, 0.2, 3]],
    ['grpo:eps=0.01,eps-at=var', [0, 0.25, 1]],
    ['grpo:eps=1,eps-at=var', [0, 0.5, 1]],
    ['grpo:eps=0', [0, 0.5, 1]],
    ['verl-grpo', [0, 0.5, 1]],
    ['trl-grpo', [0, 1, 2]],
    ['openrlhf-group-norm', [-2, 0, 1]],
    ['mean-scaled:offset=0.5', [0, 0.5, 1]],
    ['mean-scaled:offset=1', [-0.75, 0, 1]],
    ['dr-grpo', [0, 0.3, 1]],
  ])('%s on every group of rewards in %j, M = 2 to 5', (spec, values) => {
    for (let M = 2; M <= 5; M++) {
      const f = resolveScheme(spec).bind(M);
      const gain = f.rewardGain!(values);
      for (const g of groupsOf(values, M)) {
        // All-equal groups are where the weight is set to 0, not differentiated.
        if (allEqual(g) && !spec.startsWith('dr-grpo') && !spec.startsWith('mean-scaled')) continue;
        expect(gradientNorm(f, g), `M = ${M}, rewards ${g.join(' ')}`).toBeLessThanOrEqual(
          gain * (1 + 1e-6),
        );
      }
    }
  });

  it('is exact without the std division: Z_i = r_i - mean has gradient e_i - 1/M, l1 norm 2 - 2/M', () => {
    for (const spec of ['dr-grpo', 'verl-grpo:norm-by-std=false', 'trl-grpo:scale-rewards=none']) {
      for (const M of [2, 3, 7]) {
        const f = resolveScheme(spec).bind(M);
        expect(f.rewardGain!([0, 1]), `${spec} at M = ${M}`).toBe(2 - 2 / M);
        const numeric = gradientNorm(
          f,
          Float64Array.from({ length: M }, (_, i) => i / M),
        );
        expect(Math.abs(numeric - (2 - 2 / M)), `${spec} at M = ${M}`).toBeLessThan(1e-8);
      }
    }
  });

  it('is 0 for grpo at M = 1, whose single-response group is always all equal (Z = 0)', () => {
    const f = resolveScheme('grpo').bind(1);
    expect(f.rewardGain!([0, 0.5, 1])).toBe(0);
    const out = new Float64Array(1);
    for (const r of [0, 0.5, 1, 0.1]) {
      f.advantagesInto([r], out);
      expect(out[0]).toBe(0);
    }
  });

  it('verl-grpo at M = 1 (mean 0, std 1): Z = R/(1 + 1e-6) or R, gradient at most 1', () => {
    for (const spec of ['verl-grpo', 'verl-grpo:norm-by-std=false']) {
      const f = resolveScheme(spec).bind(1);
      const gain = f.rewardGain!([0, 0.5, 1]);
      expect(gain, spec).toBe(1);
      expect(gradientNorm(f, Float64Array.of(0.5)), spec).toBeLessThanOrEqual(gain * (1 + 1e-6));
    }
  });

  it('is infinite for grpo with eps = 0 where the mean of equal rewards is inexact, finite where it is exact', () => {
    // Three rewards 0.1 sum to 0.30000000000000004: the mean misses 0.1, the spread is a
    // rounding residue, and with nothing added to the std the weight is O(1), not 0.
    const f = resolveScheme('grpo:eps=0').bind(3);
    const out = new Float64Array(3);
    f.advantagesInto([0.1, 0.1, 0.1], out);
    expect(Math.abs(out[0]!)).toBeGreaterThan(0.1);
    expect(f.rewardGain!([0, 0.1])).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(f.rewardGain!([0, 0.5]))).toBe(true);
    // With eps > 0 the same residue is divided by at least eps: large but finite.
    const withEps = resolveScheme('grpo:eps=0.001').bind(3);
    expect(withEps.rewardGain!([0, 0.1])).toBeGreaterThan(1e3);
    expect(Number.isFinite(withEps.rewardGain!([0, 0.1]))).toBe(true);
  });

  it('grpo with the population std: the floor is the smallest std of a group not all equal (enumerated)', () => {
    // The gain is (2 + sqrt(2M))/s at the smallest denominator s a group that is not all equal
    // can have; with the population std that is the smallest std over those groups, plus eps
    // (or under the root with eps-at=var).
    for (const [spec, eps, underRoot] of [
      ['grpo', 1e-8, false],
      ['grpo:eps=0.01,eps-at=var', 0.01, true],
    ] as const) {
      for (const M of [2, 3, 4, 5]) {
        const values = [0, 0.25, 1];
        let smallest = Number.POSITIVE_INFINITY;
        for (const g of groupsOf(values, M)) {
          if (allEqual(g)) continue;
          const mean = g.reduce((a, b) => a + b, 0) / M;
          const variance = g.reduce((a, b) => a + (b - mean) ** 2, 0) / M;
          smallest = Math.min(smallest, variance);
        }
        const floor = underRoot ? Math.sqrt(smallest + eps) : Math.sqrt(smallest) + eps;
        const gain = resolveScheme(spec).bind(M).rewardGain!(values);
        expect(Math.abs(gain * floor - (2 + Math.sqrt(2 * M))), `${spec} at M = ${M}`).toBeLessThan(
          1e-9 * gain * floor,
        );
      }
    }
  });

  it('mean-scaled at M = 20: the bound holds where the mean is near the lowest reward and one reward is the highest', () => {
    // The worst case of (r_i - mean)/(mean + offset): the smallest denominator and the largest
    // numerator at once, which one high reward among M - 1 low ones comes close to.
    for (const [spec, values] of [
      ['mean-scaled:offset=1', [-0.75, 1]],
      ['mean-scaled:offset=0.5', [0, 1]],
    ] as const) {
      const M = 20;
      const f = resolveScheme(spec).bind(M);
      const group = Float64Array.from({ length: M }, (_, i) => (i === 0 ? values[1] : values[0]));
      expect(gradientNorm(f, group), spec).toBeLessThanOrEqual(f.rewardGain!(values) * (1 + 1e-6));
    }
  });

  it('the check can fail: grpo exceeds the gain of the same formula without the std division', () => {
    const M = 4;
    const f = resolveScheme('grpo').bind(M);
    const unscaled = resolveScheme('dr-grpo').bind(M).rewardGain!([0, 0.5, 1]);
    expect(
      groupsOf([0, 0.5, 1], M).some((g) => !allEqual(g) && gradientNorm(f, g) > unscaled),
    ).toBe(true);
  });
});
