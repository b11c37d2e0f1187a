import { requireGroupSize } from './require-group-size.ts';
import type { SchemeKind } from './scheme-kind.ts';
import { VERL_EPS } from './verl-grpo.ts';

/**
 * `verl-grpo-passk[:norm-by-std=true|false]` (MATH.md §7, verl `adv_estimator=grpo_passk`,
 * after arXiv:2503.19595): only the best response of a group gets a weight, `r_max - r_second`
 * (`torch.topk(rewards, 2)`), divided by `std + 1e-6` (Bessel-corrected `torch.std` of the
 * group) unless `norm-by-std=false` (verl `norm_adv_by_std_in_grpo`, default `true`).
 *
 * With binary rewards `r_max - r_second` is 1 exactly when `K = 1`, and then the std is
 * `sqrt(1/M)`; so `b_0 = 1/(1/sqrt(M) + 1e-6)` (or 1), and every other `a_s`, `b_s` is 0.
 * verl raises for groups of size 1, hence `M >= 2`.
 */
export const verlGrpoPassk: SchemeKind = {
  name: 'verl-grpo-passk',
  usage: 'verl-grpo-passk[:norm-by-std=true|false]',
  summary: 'verl grpo_passk: a lone right answer gets 1/(sample std + 1e-6); M >= 2',
  read(reader) {
    const scale = reader.choice('norm-by-std', ['true', 'false'], 'true') === 'true';
    return (M) => {
      requireGroupSize('verl-grpo-passk', M, 'verl raises for a group of size 1');
      const lone = scale ? 1 / (Math.sqrt((M - 1) / (M * (M - 1))) + VERL_EPS) : 1;
      return {
        advantagesInto(rewards, out) {
          // torch.topk(rewards, 2): the largest value (first index on ties) and the runner-up.
          let best = 0;
          for (let i = 1; i < M; i++) if (rewards[i]! > rewards[best]!) best = i;
          let second = Number.NEGATIVE_INFINITY;
          for (let i = 0; i < M; i++) if (i !== best && rewards[i]! > second) second = rewards[i]!;
          let advantage = rewards[best]! - second;
          if (scale) {
            let sum = 0;
            for (let i = 0; i < M; i++) sum += rewards[i]!;
            const mean = sum / M;
            let squares = 0;
            for (let i = 0; i < M; i++) squares += (rewards[i]! - mean) ** 2;
            advantage /= Math.sqrt(squares / (M - 1)) + VERL_EPS;
          }
          out.fill(0, 0, M);
          out[best] = advantage;
        },
        weight: (R, K) => (R === 1 && K === 1 ? lone : 0),
      };
    };
  },
};
