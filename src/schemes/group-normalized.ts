// GRPO's group normalization (docs/theory.md §3) and the catalogue entries built on it: grpo, dr-grpo,
// mean-scaled (§10), f-grpo (§9), and the trainer presets of §7 (verl, TRL, OpenRLHF).
import { InputError, requireNonNegative, requirePositive } from '../errors/index.ts';
import type { SchemeFormulas, SchemeKind } from './scheme-kind.ts';

/** How a group-normalized advantage divides `r - mean` (docs/theory.md §3, grpo row and notes). */
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
 * The large-M reading of a group-normalized scheme on graded rewards (docs/theory.md §10): the
 * update tends to `grad E[r]/sigma(q)`, a gradient only when `sigma` is a function of `E[r]`,
 * which holds for two levels and not for three or more.
 */
const GRPO_READING = 'ascent on E[r] with step 1/sigma(q) per prompt (sigma the std of the reward)';

/**
 * The group-normalized advantage shared by grpo and the trainer presets (docs/theory.md §3 and §7):
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
  const exact = scale ? exactSquareSums(M) : false;
  // Without scaling the weights are `R - K/M`; with it, they depend on the order only through the
  // rounding of the sum of squares, which no K has when every partial sum is exact.
  const orderFree = !scale || (exact !== false && exact.every((x) => x === 1));
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
    // `rewards[i] - mean` taken once for each reward value. Where every partial sum of the
    // squares is exact (see exactSquareSums), the loop's result is `K q1 + (M - K) q0` whatever
    // the order of the rewards, so it is computed as that, the very same double.
    groupWeightsInto(rewards, start, K, out) {
      const mean = K / M;
      const d0 = 0 - mean;
      const d1 = 1 - mean;
      if (!scale) {
        out[0] = d0;
        out[1] = d1;
        return;
      }
      let squares = 0;
      if (exact !== false && exact[K] === 1) {
        squares = K * (d1 * d1) + (M - K) * (d0 * d0);
      } else {
        for (let i = start; i < start + M; i++) {
          const d = rewards[i]! - mean;
          squares += d * d;
        }
      }
      if (squares === 0) {
        out[0] = 0;
        out[1] = 0;
        return;
      }
      const sd = denominator(squares / divisor);
      out[0] = d0 / sd;
      out[1] = d1 / sd;
    },
    orderFree,
    weight(R, K) {
      const mean = K / M;
      if (!scale) return R - mean;
      if (K === 0 || K === M) return 0;
      return (R - mean) / denominator((K * (M - K)) / (M * divisor));
    },
    rewardGain(values) {
      // r_i - mean: 1 - 1/M for the own reward and 1/M for each other one. Divided by the
      // spread s: its gradient has l1 norm sqrt(M/divisor) <= sqrt(2), and |r_i - mean| <= sqrt(M)
      // std, so the weight's gradient is at most (2 + sqrt(2 M))/s. A group that is not all
      // equal has std at least that of one reward a gap away from the rest, gap sqrt(M - 1)/M.
      // A group that is all equal gets exactly 0 when the mean of M copies of its reward is
      // exact; otherwise its spread is a rounding residue and s can be as small as eps alone.
      if (!scale) return 2 - 2 / M;
      if (M === 1) return 0;
      let gap = Number.POSITIVE_INFINITY;
      for (let i = 1; i < values.length; i++) gap = Math.min(gap, values[i]! - values[i - 1]!);
      const spread = (gap * Math.sqrt(M - 1)) / M;
      let floor = epsInRoot ? Math.sqrt(spread * spread + eps) : spread + eps;
      const equalGroupsExact = values.every((x) => {
        let sum = 0;
        for (let i = 0; i < M; i++) sum += x;
        return sum / M === x;
      });
      if (!equalGroupsExact) floor = Math.min(floor, denominator(0));
      return (2 + Math.sqrt(2 * M)) / floor;
    },
  };
}

/** Above this group size the squares are always summed response by response. */
const EXACT_TABLE_MAX_M = 2 ** 20;

/**
 * For each count `K` of ones in a group of `M` rewards, 1 when every partial sum of the native
 * formula's squares `d^2` (`d0 = 0 - K/M` and `d1 = 1 - K/M`, squared, each a double) is exact:
 * both squares are integer multiples of some `2^e`, and the largest partial sum
 * `K d1^2 + (M - K) d0^2` is at most `2^(52 + e)`, so that every partial sum is a multiple of `2^e`
 * below `2^(53 + e)`, a double. Then no addition rounds, and the sum is the same double in any
 * order. It holds for every `K` when `M` is a power of two up to `2^17`; `false` above
 * {@link EXACT_TABLE_MAX_M}.
 */
export function exactSquareSums(M: number): Uint8Array | false {
  if (M > EXACT_TABLE_MAX_M) return false;
  const exact = new Uint8Array(M + 1);
  for (let K = 0; K <= M; K++) {
    const mean = K / M;
    const q0 = (0 - mean) * (0 - mean);
    const q1 = (1 - mean) * (1 - mean);
    const present = [K < M ? q0 : 0, K > 0 ? q1 : 0].filter((q) => q !== 0);
    if (present.length === 0) {
      exact[K] = 1;
      continue;
    }
    const e = Math.min(...present.map(unitExponent));
    exact[K] = K * q1 + (M - K) * q0 <= 2 ** (52 + e) ? 1 : 0;
  }
  return exact;
}

const bits = new DataView(new ArrayBuffer(8));

/** The exponent `e` with `x = m 2^e`, `m` an odd integer, of a positive finite double `x`. */
function unitExponent(x: number): number {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (high & 0xfffff) * 2 ** 32 + bits.getUint32(4);
  if (biased !== 0) mantissa += 2 ** 52;
  let e = biased === 0 ? -1074 : biased - 1075;
  while (mantissa % 2 === 0) {
    mantissa /= 2;
    e++;
  }
  return e;
}

/**
 * `grpo` (docs/theory.md §3, grpo row and notes): `Z_i = (R_i - mu)/(sigma + eps)`, `mu = K/M`, and 0
 * for a group whose answers are all equal. Keys, with the paper's defaults:
 * - `std=population|sample`: `sigma^2 = mu(1-mu)`, or the Bessel-corrected `K(M-K)/(M(M-1))`
 *   (verl, TRL, OpenRLHF); `population`. With `sample` and `M = 1` every group is all equal, so
 *   `Z = 0`.
 * - `eps >= 0`: `1e-8`.
 * - `eps-at=std|var`: `eps` added to `sigma`, or under the root, `sqrt(sigma^2 + eps)`; `std`.
 *
 * `a_s` is the formula with `K = s` and `R = 0`, `b_s` with `K = s + 1` and `R = 1`;
 * `h_M` tends to `2 arcsin(sqrt t)` as `M -> infinity`, `eps -> 0`, and is `t` at `M = 2`.
 */
export const grpo: SchemeKind = {
  name: 'grpo',
  realRewards: true,
  gradedReading: GRPO_READING,
  usage: 'grpo[:std=population|sample,eps=1e-8,eps-at=std|var]',
  summary: 'Z = (R - mean)/(std + eps), 0 for all-equal groups',
  limit: {
    text: 'I_t(1/2, 1/2) = (2/pi) arcsin sqrt t (eps -> 0)',
    target: () => 'beta:a=0.5,b=0.5',
  },
  read(reader) {
    const std = reader.choice('std', ['population', 'sample'], 'population');
    const eps = reader.number('eps', 1e-8, requireNonNegative);
    const epsAt = reader.choice('eps-at', ['std', 'var'], 'std');
    return (M) => groupNormalized({ scale: true, std, eps, epsAt }, M);
  },
};

/**
 * `dr-grpo`, mean baseline without std division (docs/theory.md §3, "Dr. GRPO"; OpenRLHF `dr_grpo`,
 * verl `norm_adv_by_std_in_grpo=False`, TRL `scale_rewards="none"`, §7): `Z_i = R_i - K/M`,
 * so `a_s = -s/M`, `b_s = 1 - (s+1)/M` and `h_M(t) = (1 - 1/M) t`. At `M = 1` it is 0, as the
 * formula says; OpenRLHF and TRL refuse a group of one, and verl gives `R` there
 * (`verl-grpo:norm-by-std=false`).
 */
export const drGrpo: SchemeKind = {
  name: 'dr-grpo',
  realRewards: true,
  usage: 'dr-grpo',
  summary: 'Z = R - K/M, mean baseline, no std; h = (1 - 1/M) t',
  limit: { text: 't = I_t(1, 1)', target: () => 'beta:a=1,b=1' },
  // Stryker disable next-line StringLiteral,ObjectLiteral: std, eps and epsAt are read only when scale is true, and an absent scale is false
  read: () => (M) => groupNormalized({ scale: false, std: 'population', eps: 0, epsAt: 'std' }, M),
};

/**
 * `mean-scaled:offset=C` (docs/theory.md §10, "Mean-scaled"): the mean baseline scaled by a
 * function of the group's mean reward, `Z_i = (R_i - mu) phi(mu)` with `phi(mu) = 1/(mu + C)`
 * and `mu` the mean of the whole group; `C > 0` is required. Count form with binary rewards
 * (`a_s = -mu/(mu + C)` at `mu = s/M`, `b_s = (1 - mu)/(mu + C)` at `mu = (s+1)/M`); with three or
 * more reward levels its field is not closed at finite M, while the large-M limit
 * `phi(mu) grad mu` is. On real rewards it needs `mu + C > 0`, so the lowest reward must exceed
 * `-C`.
 */
export const meanScaled: SchemeKind = {
  name: 'mean-scaled',
  usage: 'mean-scaled:offset=C',
  summary: 'Z = (R - mean)/(mean + offset), offset > 0; graded rewards: not closed',
  realRewards: true,
  gradedReading:
    'ascent on log(E[r] + offset): the update tends to grad E[r]/(E[r] + offset), which is closed',
  read(reader) {
    const offset = reader.requiredNumber('offset', requirePositive);
    return (M) => ({
      advantagesInto(rewards, out) {
        let sum = 0;
        for (let i = 0; i < M; i++) sum += rewards[i]!;
        const mean = sum / M;
        for (let i = 0; i < M; i++) out[i] = (rewards[i]! - mean) / (mean + offset);
      },
      weight(R, K) {
        const mean = K / M;
        return (R - mean) / (mean + offset);
      },
      rewardGain(values) {
        // (r_i - mean)/(mean + offset): 2/(mean + offset) from the numerator, and
        // |r_i - mean|/(mean + offset)^2 from the mean in the denominator.
        const lowest = values[0]!;
        const floor = lowest + offset;
        return 2 / floor + (values[values.length - 1]! - lowest) / (floor * floor);
      },
      requireRewardRange(lowest) {
        if (!(lowest + offset > 0)) {
          throw new InputError(
            `scheme 'mean-scaled': the lowest reward ${lowest} must exceed -offset = ${-offset}, so that mean + offset > 0`,
          );
        }
      },
    });
  },
};

/**
 * `f-grpo:gamma=G[,std=..,eps=..,eps-at=..]`, F-GRPO's focal weighting (Plyusov et al. 2026,
 * arXiv:2602.06717; docs/theory.md §9): the `grpo` weights with the same options, times
 * `(1 - K/M)^gamma` with `K` the group's number of correct answers, so a group the model already
 * solves often is pushed less. `gamma >= 0` is required; `gamma = 0` is grpo.
 *
 * Count form, with `a_s = a_s(grpo) (1 - s/M)^gamma` and `b_s = b_s(grpo) (1 - (s+1)/M)^gamma`.
 * As `M -> infinity` and `eps -> 0`, `h_M(t)/h_M(1) -> I_t(1/2, gamma + 1/2)`, slowly (docs/theory.md
 * §9).
 */
export const fGrpo: SchemeKind = {
  name: 'f-grpo',
  usage: 'f-grpo:gamma=G[,std=population|sample,eps=1e-8,eps-at=std|var]',
  summary: "F-GRPO: grpo's Z times (1 - K/M)^gamma, gamma >= 0 (gamma = 0 is grpo)",
  limit: {
    text: 'I_t(1/2, gamma + 1/2) (eps -> 0)',
    target: (params) => `beta:a=0.5,b=${Number(params.get('gamma')) + 0.5}`,
  },
  read(reader) {
    const gamma = reader.requiredNumber('gamma', requireNonNegative);
    const bindGrpo = grpo.read(reader);
    return (M) => withFocalFactor(bindGrpo(M), gamma, M);
  },
};

/**
 * Multiplies every weight of a group by the focal factor `((M - K)/M)^gamma` (docs/theory.md §9, F-GRPO).
 * Both forms compute the factor by the same expression, so they agree bit for bit wherever the
 * underlying weights do.
 */
function withFocalFactor(inner: SchemeFormulas, gamma: number, M: number): SchemeFormulas {
  const focal = (K: number): number => ((M - K) / M) ** gamma;
  return {
    advantagesInto(rewards, out) {
      inner.advantagesInto(rewards, out);
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      const factor = focal(K);
      for (let i = 0; i < M; i++) out[i] = out[i]! * factor;
    },
    weight: (R, K) => inner.weight(R, K) * focal(K),
    ...(inner.groupWeightsInto && {
      groupWeightsInto(rewards: ArrayLike<number>, start: number, K: number, out: Float64Array) {
        inner.groupWeightsInto!(rewards, start, K, out);
        const factor = focal(K);
        out[0] = out[0]! * factor;
        out[1] = out[1]! * factor;
      },
      orderFree: inner.orderFree,
    }),
  };
}

/** verl's `epsilon` default in its GRPO-family advantage estimators (`core_algos.py`). */
export const VERL_EPS = 1e-6;

/**
 * `verl-grpo[:norm-by-std=true|false]` (docs/theory.md §7, verl `adv_estimator=grpo`):
 * `Z_i = (R_i - mean)/(std + 1e-6)` with the Bessel-corrected std (`torch.std`), or
 * `Z_i = R_i - mean` (Dr. GRPO) with `norm-by-std=false` (verl `norm_adv_by_std_in_grpo=False`);
 * default `true`, as in verl. As in verl, a group of size 1 gets mean 0 and std 1, so at
 * `M = 1` the weight is `R/(1 + 1e-6)` (or `R`). A group whose answers are all equal gets 0.
 */
export const verlGrpo: SchemeKind = {
  name: 'verl-grpo',
  realRewards: true,
  gradedReading: GRPO_READING,
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
          rewardGain: () => 1,
        };
      }
      return groupNormalized(
        {
          scale,
          std: 'sample',
          eps: VERL_EPS,
          // Stryker disable next-line StringLiteral: epsAt is only compared with 'var'
          epsAt: 'std',
        },
        M,
      );
    };
  },
};

/**
 * `verl-grpo-vectorized[:norm-by-std=true|false]` (docs/theory.md §7, verl
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

/** TRL's `eps` in its group advantages, `(r - mean)/(std + 1e-4)` (docs/theory.md §7 and §10). */
export const TRL_EPS = 1e-4;

/** TRL's `GRPOConfig` maps the booleans `True`/`False` to `"group"`/`"none"`. */
const TRL_SCALE_REWARDS_ALIASES = { true: 'group', false: 'none' } as const;

/**
 * `trl-grpo[:scale-rewards=group|none]` (docs/theory.md §7, Hugging Face TRL `GRPOTrainer`):
 * `Z_i = (R_i - mean)/(std + 1e-4)` with the Bessel-corrected group std (`scale_rewards="group"`,
 * the default), or `Z_i = R_i - mean` (`scale_rewards="none"`). As in TRL's `GRPOConfig`,
 * `true` and `false` are spellings of `group` and `none`. `scale_rewards="batch"` divides by the
 * std over the whole batch, which is not count form, and is rejected. TRL requires at least 2
 * generations per prompt, hence `M >= 2`.
 */
export const trlGrpo: SchemeKind = {
  name: 'trl-grpo',
  realRewards: true,
  gradedReading: GRPO_READING,
  minM: 2,
  minMReason: 'TRL needs at least 2 generations per prompt',
  usage: 'trl-grpo[:scale-rewards=group|none|true|false]',
  summary:
    'TRL GRPO: (R - mean)/(sample std + 1e-4), or R - mean; M >= 2; with --reward-functions also aggregation=sum_then_normalize|normalize_then_sum, reward-weights=W1/W2/...',
  read(reader) {
    if (reader.spec.params.get('scale-rewards') === 'batch') {
      throw new InputError(
        "scheme 'trl-grpo': scale-rewards=batch divides by the std over the whole batch, which is not count form (weights depend on other prompts); use group or none",
      );
    }
    const scale =
      reader.choice('scale-rewards', ['group', 'none'], 'group', TRL_SCALE_REWARDS_ALIASES) ===
      'group';
    return (M) =>
      groupNormalized(
        {
          scale,
          std: 'sample',
          eps: TRL_EPS,
          // Stryker disable next-line StringLiteral: epsAt is only compared with 'var'
          epsAt: 'std',
        },
        M,
      );
  },
};

/**
 * `openrlhf-group-norm` (docs/theory.md §7, OpenRLHF `advantage_estimator=group_norm`):
 * `Z_i = (R_i - mean)/(std + 1e-9)` with the Bessel-corrected group std (`torch.std`). OpenRLHF
 * requires `n_samples_per_prompt > 1` for it, hence `M >= 2`. Takes no keys.
 */
export const openrlhfGroupNorm: SchemeKind = {
  name: 'openrlhf-group-norm',
  realRewards: true,
  gradedReading: GRPO_READING,
  usage: 'openrlhf-group-norm',
  summary: 'OpenRLHF group_norm: (R - mean)/(sample std + 1e-9); M >= 2',
  minM: 2,
  minMReason: 'OpenRLHF needs n_samples_per_prompt > 1',
  read: () => (M) =>
    groupNormalized(
      {
        scale: true,
        std: 'sample',
        eps: 1e-9,
        // Stryker disable next-line StringLiteral: epsAt is only compared with 'var'
        epsAt: 'std',
      },
      M,
    ),
};
