// REINFORCE and its leave-one-out baseline (docs/theory.md §3): reinforce, rloo, and TRL's RLOO (§7).
import { InputError } from '../errors/index.ts';
import type { SchemeFormulas, SchemeKind } from './scheme-kind.ts';

/**
 * `reinforce` (docs/theory.md §3): `Z_i = R_i`, so `a_s = 0`, `b_s = 1` and `h_M(t) = t`.
 * Takes no keys.
 */
export const reinforce: SchemeKind = {
  name: 'reinforce',
  realRewards: true,
  usage: 'reinforce',
  summary: 'Z = R; a = 0, b = 1; h = t',
  limit: { text: 't = I_t(1, 1)', target: () => 'beta:a=1,b=1' },
  read: () => (M) => ({
    advantagesInto(rewards, out) {
      for (let i = 0; i < M; i++) out[i] = rewards[i]!;
    },
    groupWeightsInto(_rewards, _start, _K, out) {
      out[0] = 0;
      out[1] = 1;
    },
    orderFree: true,
    weight: (R) => R,
    rewardGain: () => 1,
  }),
};

/**
 * `rloo`, leave-one-out baseline (docs/theory.md §3; OpenRLHF `rloo`, §7):
 * `Z_i = R_i - S_i/(M-1)`, so `a_s = -s/(M-1)`, `b_s = 1 - s/(M-1)` and `h_M(t) = t`.
 * Needs `M >= 2`.
 */
export const rloo: SchemeKind = {
  name: 'rloo',
  realRewards: true,
  usage: 'rloo',
  summary: 'Z = R_i - S_i/(M-1), leave-one-out baseline (M >= 2); h = t',
  limit: { text: 't = I_t(1, 1)', target: () => 'beta:a=1,b=1' },
  minM: 2,
  minMReason: 'its baseline divides by M - 1',
  read: () => (M) => leaveOneOut(M),
};

/**
 * The leave-one-out formulas shared by `rloo` and `trl-rloo` (docs/theory.md §3): native as OpenRLHF
 * and TRL write it, baseline `(sum - R_i)/(M - 1)`; closed form `R - (K - R)/(M - 1)`. `M >= 2`.
 */
export function leaveOneOut(M: number): SchemeFormulas {
  return {
    advantagesInto(rewards, out) {
      let sum = 0;
      for (let i = 0; i < M; i++) sum += rewards[i]!;
      for (let i = 0; i < M; i++) out[i] = rewards[i]! - (sum - rewards[i]!) / (M - 1);
    },
    // The native expression once per reward value, `sum` being K exactly (a sum of 0s and 1s).
    groupWeightsInto(_rewards, _start, K, out) {
      out[0] = 0 - (K - 0) / (M - 1);
      out[1] = 1 - (K - 1) / (M - 1);
    },
    orderFree: true,
    weight: (R, K) => R - (K - R) / (M - 1),
    // 1 for the response's own reward, 1/(M - 1) for each of the M - 1 others.
    rewardGain: () => 2,
  };
}

/**
 * `trl-rloo[:normalize-advantages=false]` (docs/theory.md §7, Hugging Face TRL `RLOOTrainer` with
 * `beta = 0`): the leave-one-out baseline `(sum - R_i)/(M - 1)` subtracted from `R_i`, as in
 * `rloo`, so `h_M(t) = t`. TRL's default `beta = 0.05` puts a KL penalty into the reward, which
 * makes it non-binary and outside the theorem; `normalize_advantages=True` whitens over the
 * whole batch, which is not count form, and is rejected. TRL requires at least 2 generations
 * per prompt, hence `M >= 2`.
 */
export const trlRloo: SchemeKind = {
  name: 'trl-rloo',
  realRewards: true,
  minM: 2,
  minMReason: 'TRL needs at least 2 generations per prompt',
  usage: 'trl-rloo[:normalize-advantages=false]',
  summary: 'TRL RLOO with beta = 0: R_i - (sum - R_i)/(M-1); h = t; M >= 2',
  read(reader) {
    if (reader.spec.params.get('normalize-advantages') === 'true') {
      throw new InputError(
        "scheme 'trl-rloo': normalize-advantages=true whitens the advantages over the whole batch, which is not count form (weights depend on other prompts); use false",
      );
    }
    reader.choice('normalize-advantages', ['false'], 'false');
    return (M) => leaveOneOut(M);
  },
};
