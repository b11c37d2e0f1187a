import { groupNormalized } from './group-normalized.ts';
import type { SchemeKind } from './scheme-kind.ts';

/**
 * `dr-grpo`, mean baseline without std division (MATH.md §3, "Dr. GRPO"; OpenRLHF `dr_grpo`,
 * verl `norm_adv_by_std_in_grpo=False`, TRL `scale_rewards="none"`, §7): `Z_i = R_i - K/M`,
 * so `a_s = -s/M`, `b_s = 1 - (s+1)/M` and `h_M(t) = (1 - 1/M) t`. At `M = 1` it is 0, as the
 * formula says; OpenRLHF and TRL refuse a group of one, and verl gives `R` there
 * (`verl-grpo:norm-by-std=false`).
 */
export const drGrpo: SchemeKind = {
  name: 'dr-grpo',
  usage: 'dr-grpo',
  summary: 'Z = R - K/M, mean baseline, no std; h = (1 - 1/M) t',
  limit: { text: 't = I_t(1, 1)', target: () => 'beta:a=1,b=1' },
  read: () => (M) => groupNormalized({ scale: false, std: 'population', eps: 0, epsAt: 'std' }, M),
};
