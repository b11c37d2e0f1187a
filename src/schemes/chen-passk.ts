import { binomialRatio } from './binomial-ratio.ts';
import { readK } from './read-k.ts';
import type { SchemeKind } from './scheme-kind.ts';

/** The epsilon added to `sigma` in MATH.md §7's statement of Chen et al. */
const CHEN_EPS = 1e-6;

/**
 * `chen-passk:k=..` (MATH.md §7, Chen et al., "Pass@k training", analytic advantages): with
 * `rho = 1 - C(M-K, k)/C(M, k)` (the group's pass@k) and `sigma = sqrt(rho(1-rho))`,
 * - a right answer gets `(1 - rho)/(sigma + 1e-6)`;
 * - a wrong one gets `(1 - rho - C(M-K-1, k-1)/C(M-1, k-1))/(sigma + 1e-6)`;
 * - every weight is 0 when `K = 0` or `M - K < k` (then `rho` is 0 or 1).
 *
 * `1 - rho` is computed directly as the ratio `C(M-K, k)/C(M, k)`, which avoids cancelling when
 * `rho` is close to 1. `k` is required, `1 <= k <= M`.
 */
export const chenPassk: SchemeKind = {
  name: 'chen-passk',
  usage: 'chen-passk:k=K',
  summary: 'Chen et al. pass@k advantages, 0 when K = 0 or M - K < k',
  read(reader) {
    const kParameter = readK(reader);
    return (M) => {
      const k = kParameter.bind(M);
      const weight = (R: 0 | 1, K: number): number => {
        if (K === 0 || M - K < k) return 0;
        const missAll = binomialRatio(M - K, M, k); // 1 - rho
        const sigma = Math.sqrt((1 - missAll) * missAll);
        const correction = R === 1 ? 0 : binomialRatio(M - K - 1, M - 1, k - 1);
        return (missAll - correction) / (sigma + CHEN_EPS);
      };
      return {
        advantagesInto(rewards, out) {
          let K = 0;
          for (let i = 0; i < M; i++) K += rewards[i]!;
          const right = weight(1, K);
          const wrong = weight(0, K);
          for (let i = 0; i < M; i++) out[i] = rewards[i] === 1 ? right : wrong;
        },
        weight,
      };
    };
  },
};
