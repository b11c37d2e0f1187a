import { requireGroupSize } from './require-group-size.ts';
import type { SchemeFormulas, SchemeKind } from './scheme-kind.ts';

/**
 * `rloo`, leave-one-out baseline (MATH.md §3; OpenRLHF `rloo`, §7):
 * `Z_i = R_i - S_i/(M-1)`, so `a_s = -s/(M-1)`, `b_s = 1 - s/(M-1)` and `h_M(t) = t`.
 * Needs `M >= 2`.
 */
export const rloo: SchemeKind = {
  name: 'rloo',
  usage: 'rloo',
  summary: 'Z = R_i - S_i/(M-1), leave-one-out baseline (M >= 2); h = t',
  limit: { text: 't = I_t(1, 1)', target: () => 'beta:a=1,b=1' },
  read: () => (M) => {
    requireGroupSize('rloo', M, 'its baseline divides by M - 1');
    return leaveOneOut(M);
  },
};

/**
 * The leave-one-out formulas shared by `rloo` and `trl-rloo` (MATH.md §3): native as OpenRLHF
 * and TRL write it, baseline `(sum - R_i)/(M - 1)`; closed form `R - (K - R)/(M - 1)`. `M >= 2`.
 */
export function leaveOneOut(M: number): SchemeFormulas {
  return {
    advantagesInto(rewards, out) {
      let sum = 0;
      for (let i = 0; i < M; i++) sum += rewards[i]!;
      for (let i = 0; i < M; i++) out[i] = rewards[i]! - (sum - rewards[i]!) / (M - 1);
    },
    weight: (R, K) => R - (K - R) / (M - 1),
  };
}
