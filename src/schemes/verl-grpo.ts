import { groupNormalized } from './group-normalized.ts';
import type { SchemeKind } from './scheme-kind.ts';

/** verl's `epsilon` default in its GRPO-family advantage estimators (`core_algos.py`). */
export const VERL_EPS = 1e-6;

/**
 * `verl-grpo[:norm-by-std=true|false]` (MATH.md §7, verl `adv_estimator=grpo`):
 * `Z_i = (R_i - mean)/(std + 1e-6)` with the Bessel-corrected std (`torch.std`), or
 * `Z_i = R_i - mean` (Dr. GRPO) with `norm-by-std=false` (verl `norm_adv_by_std_in_grpo=False`);
 * default `true`, as in verl. As in verl, a group of size 1 gets mean 0 and std 1, so at
 * `M = 1` the weight is `R/(1 + 1e-6)` (or `R`). A group whose answers are all equal gets 0.
 */
export const verlGrpo: SchemeKind = {
  name: 'verl-grpo',
  usage: 'verl-grpo[:norm-by-std=true|false]',
  summary: 'verl grpo: (R - mean)/(sample std + 1e-6); M = 1: mean 0, std 1',
  read(reader) {
    const scale = reader.choice('norm-by-std', ['true', 'false'], 'true') === 'true';
    return (M) => {
      if (M === 1) {
        const single = scale ? 1 / (1 + VERL_EPS) : 1;
        return {
          advantagesInto(rewards, out) {
            out[0] = scale ? (rewards[0]! - 0) / (1 + VERL_EPS) : rewards[0]! - 0;
          },
          weight: (R) => R * single,
        };
      }
      return groupNormalized({ scale, std: 'sample', eps: VERL_EPS, epsAt: 'std' }, M);
    };
  },
};
