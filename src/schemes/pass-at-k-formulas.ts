import { binomialRatio } from './binomial-ratio.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/**
 * The unbiased pass@k weights of MATH.md §3, times a constant `scale`:
 * `Z_i = scale * R_i * k C(M-1-S_i, k-1)/C(M-1, k-1)` (`a_s = 0`), which induces exactly
 * `h_M(t) = scale * (1 - (1-t)^k)`.
 * `scale = 1` is `passk`, `scale = 1/M` is PKPO's `s_loo-1` (§7). Requires `1 <= k <= M`.
 */
export function passAtKFormulas(k: number, M: number, scale: number): SchemeFormulas {
  const right = (S: number): number => scale * k * binomialRatio(M - 1 - S, M - 1, k - 1);
  return {
    advantagesInto(rewards, out) {
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      // Every right answer has S_i = K - 1; evaluate its weight once per group.
      const weight = K === 0 ? 0 : right(K - 1);
      for (let i = 0; i < M; i++) out[i] = rewards[i] === 1 ? weight : 0;
    },
    weight: (R, K) => (R === 1 ? right(K - 1) : 0),
  };
}
