import type { SchemeKind } from './scheme-kind.ts';
import { VERL_EPS } from './verl-grpo.ts';

/**
 * `verl-grpo-vectorized[:norm-by-std=true|false]` (MATH.md §7, verl
 * `adv_estimator=grpo_vectorized`, `compute_grpo_vectorized_outcome_advantage` with
 * `group_mean_std` of `verl/utils/groupwise.py`): the group statistics from running sums,
 * `mean = s1/M` and `var = (s2 - s1^2/M)/(M - 1)`, the std floored at `sqrt(1e-6)`,
 * `std = sqrt(max(var, 1e-6))`, then `Z_i = (R_i - mean)/(std + 1e-6)`, or `R_i - mean` with
 * `norm-by-std=false`. A group of size 1 gets mean 0 and std 1, as in `verl-grpo`.
 *
 * With binary rewards the floor never binds (a group that is not all equal has `var >= 1/M`, and
 * one that is has `R_i - mean = 0`) unless `M > 1e6`, so the tables equal `verl-grpo`'s. verl
 * computes these statistics in float32; this preset, like every other, in float64.
 */
export const verlGrpoVectorized: SchemeKind = {
  name: 'verl-grpo-vectorized',
  usage: 'verl-grpo-vectorized[:norm-by-std=true|false]',
  summary: 'verl grpo_vectorized: verl-grpo with the variance floored at 1e-6',
  read(reader) {
    const scale = reader.choice('norm-by-std', ['true', 'false'], 'true') === 'true';
    return (M) => {
      const groupStd = (variance: number): number => Math.sqrt(Math.max(variance, VERL_EPS));
      const mean = (sum: number): number => (M === 1 ? 0 : sum / M);
      return {
        advantagesInto(rewards, out) {
          let s1 = 0;
          let s2 = 0;
          for (let i = 0; i < M; i++) {
            s1 += rewards[i]!;
            s2 += rewards[i]! * rewards[i]!;
          }
          const mu = mean(s1);
          const std = M === 1 ? 1 : groupStd((s2 - (s1 * s1) / M) / (M - 1));
          for (let i = 0; i < M; i++) {
            out[i] = scale ? (rewards[i]! - mu) / (std + VERL_EPS) : rewards[i]! - mu;
          }
        },
        weight(R, K) {
          const centred = R - mean(K);
          if (!scale) return centred;
          const std = M === 1 ? 1 : groupStd((K * (M - K)) / (M * (M - 1)));
          return centred / (std + VERL_EPS);
        },
      };
    };
  },
};
