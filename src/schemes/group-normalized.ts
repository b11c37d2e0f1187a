import type { SchemeFormulas } from './scheme-kind.ts';

/** How a group-normalized advantage divides `r - mean` (MATH.md §3, grpo row and notes). */
export interface GroupNormalization {
  /** `false`: no division at all, `Z = r - mean` (Dr. GRPO, TRL `scale_rewards="none"`). */
  readonly scale: boolean;
  /** `population`: divide the sum of squares by `M`; `sample`: by `M - 1` (Bessel). */
  readonly std: 'population' | 'sample';
  /** Added to the std (`eps-at=std`) or to the variance under the root (`eps-at=var`). */
  readonly eps: number;
  readonly epsAt: 'std' | 'var';
}

/**
 * The group-normalized advantage shared by grpo and the trainer presets (MATH.md §3 and §7):
 * `Z_i = (R_i - mu)/(sigma + eps)` or `(R_i - mu)/sqrt(sigma^2 + eps)`, `mu` the group mean and
 * `sigma` the population or Bessel-corrected std, and `Z = 0` for a group whose answers are all
 * equal (where `sigma = 0`; with `eps = 0` this avoids 0/0). Callers check `M >= 2` for `sample`.
 *
 * Native formula: two passes over the rewards (mean, then sum of squared deviations), as
 * `torch.mean`/`torch.std` do. Closed form: `mu = K/M`, `sigma^2 = K(M-K)/(M·M)` or
 * `K(M-K)/(M(M-1))`, with `K(M-K)` and the denominator exact integers.
 */
export function groupNormalized(norm: GroupNormalization, M: number): SchemeFormulas {
  const { scale, eps } = norm;
  const divisor = norm.std === 'sample' ? M - 1 : M;
  const epsInRoot = norm.epsAt === 'var';
  const denominator = (variance: number): number =>
    epsInRoot ? Math.sqrt(variance + eps) : Math.sqrt(variance) + eps;
  return {
    advantagesInto(rewards, out) {
      let sum = 0;
      for (let i = 0; i < M; i++) sum += rewards[i]!;
      const mean = sum / M;
      if (!scale) {
        for (let i = 0; i < M; i++) out[i] = rewards[i]! - mean;
        return;
      }
      let squares = 0;
      for (let i = 0; i < M; i++) {
        const d = rewards[i]! - mean;
        squares += d * d;
      }
      if (squares === 0) {
        out.fill(0, 0, M);
        return;
      }
      const sd = denominator(squares / divisor);
      for (let i = 0; i < M; i++) out[i] = (rewards[i]! - mean) / sd;
    },
    // The same operations with `sum = K` (the sum of M rewards, each 0 or 1, is exact) and
    // `rewards[i] - mean` taken once for each reward value.
    groupWeightsInto(rewards, start, K, out) {
      const mean = K / M;
      if (!scale) {
        out[0] = 0 - mean;
        out[1] = 1 - mean;
        return;
      }
      let squares = 0;
      for (let i = start; i < start + M; i++) {
        const d = rewards[i]! - mean;
        squares += d * d;
      }
      if (squares === 0) {
        out[0] = 0;
        out[1] = 0;
        return;
      }
      const sd = denominator(squares / divisor);
      out[0] = (0 - mean) / sd;
      out[1] = (1 - mean) / sd;
    },
    weight(R, K) {
      const mean = K / M;
      if (!scale) return R - mean;
      if (K === 0 || K === M) return 0;
      return (R - mean) / denominator((K * (M - K)) / (M * divisor));
    },
  };
}
