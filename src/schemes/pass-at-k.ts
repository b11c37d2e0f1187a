// The pass@k weights (docs/theory.md §3) and the catalogue entries built on them: passk, and the
// trainer presets of §7 (PKPO, Chen et al., verl's grpo_passk).
import { InputError } from '../errors/index.ts';
import { binomialRatio } from './binomial-ratio.ts';
import { VERL_EPS } from './group-normalized.ts';
import { readK, type SchemeFormulas, type SchemeKind } from './scheme-kind.ts';

/**
 * The unbiased pass@k weights of docs/theory.md §3, times a constant `scale`:
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
    groupWeightsInto(_rewards, _start, K, out) {
      out[0] = 0;
      out[1] = K === 0 ? 0 : right(K - 1);
    },
    orderFree: true,
    weight: (R, K) => (R === 1 ? right(K - 1) : 0),
  };
}

/**
 * `passk:k=..` (docs/theory.md §3, pass@k row): the unbiased pass@k estimator,
 * `Z_i = R_i * k C(M-1-S_i, k-1)/C(M-1, k-1)`, so `a_s = 0`, `b_s = k C(M-1-s, k-1)/C(M-1, k-1)`
 * and exactly `h_M(t) = 1 - (1-t)^k`. `k` is required, `1 <= k <= M`.
 */
export const passk: SchemeKind = {
  name: 'passk',
  usage: 'passk:k=K',
  summary: 'unbiased pass@k weights, 1 <= k <= M; h = 1 - (1-t)^k exactly',
  limit: { text: 'I_t(1, k), at every M', target: (params) => `beta:a=1,b=${params.get('k')}` },
  read(reader) {
    const k = readK(reader);
    return (M) => passAtKFormulas(k.bind(M), M, 1);
  },
};

/** PKPO's three reward transformations (Walder & Karkhanis, Listing 1: `s`, `sloo`, `sloo_minus_one`). */
const ESTIMATORS = ['s-loo-minus-one', 's-loo', 's'] as const;
type Estimator = (typeof ESTIMATORS)[number];

/**
 * `pkpo:k=K[,estimator=s-loo-minus-one|s-loo|s]` (docs/theory.md §7, PKPO, "Pass@K Policy Optimization",
 * Walder & Karkhanis): the transformed rewards of PKPO's Listing 1 for binary rewards, used as the
 * weights. With `S` the number of other correct answers and `rho(n, c, k) = 1 - C(n-c, k)/C(n, k)`:
 *
 * - `s` (eq. 8 and 19): a right answer gets `k/M`, a wrong one `(k/M) rho(M-1, S, k-1)`;
 * - `s-loo` (eq. 29): `s` minus the leave-one-out baseline `k rho(M-1, S, k)/(M-1)`, the mean of
 *   the pass@k estimate over the other `M - 1` answers; needs `k <= M - 1`;
 * - `s-loo-minus-one` (eq. 33, the default, PKPO's recommended estimator): `s` minus
 *   `(k/M) rho(M-1, S, k-1)`, the pass@(k-1) baseline. A right answer gets
 *   `(k/M) C(M-1-S, k-1)/C(M-1, k-1)`, a wrong one 0: the pass@k row of §3 times `1/M`. It
 *   divides by `k - 1`, so it is undefined at `k = 1` and rejected there.
 *
 * The baselines are the same function of `S` for both rewards, so all three have the same
 * `c_s` and induce exactly `h_M(t) = (1 - (1-t)^k)/M`; they differ in variance only.
 */
export const pkpo: SchemeKind = {
  name: 'pkpo',
  usage: 'pkpo:k=K[,estimator=s-loo-minus-one|s-loo|s]',
  summary: 'PKPO transformed rewards (default s_loo-1, k >= 2); h = (1 - (1-t)^k)/M',
  read(reader) {
    const k = readK(reader);
    const estimator = reader.choice('estimator', ESTIMATORS, 's-loo-minus-one');
    if (estimator === 's-loo-minus-one' && k.k === 1) {
      throw new InputError(
        "scheme 'pkpo': k=1 is undefined for estimator=s-loo-minus-one (PKPO's s_loo-1 divides by k - 1: its baseline is pass@(k-1)); use k >= 2, or estimator=s or s-loo",
      );
    }
    return (M) => {
      const K = k.bind(M);
      if (estimator === 's-loo' && K > M - 1) {
        throw new InputError(
          `scheme 'pkpo': estimator=s-loo needs k <= M - 1 = ${M - 1} (its baseline is pass@k over the other M - 1 answers), got k = ${K}`,
        );
      }
      return pkpoFormulas(estimator, K, M);
    };
  },
};

/** `rho(M-1, S, j)`: the unbiased pass@j of the other `M - 1` answers, `S` of them right. */
function othersPass(M: number, S: number, j: number): number {
  return 1 - binomialRatio(M - 1 - S, M - 1, j);
}

function pkpoFormulas(estimator: Estimator, k: number, M: number): SchemeFormulas {
  if (estimator === 's-loo-minus-one') return passAtKFormulas(k, M, 1 / M);
  const scale = k / M;
  // s: a right answer is in every k-subset that it wins; a wrong one in those some other wins.
  const s = (R: 0 | 1, S: number): number => (R === 1 ? scale : scale * othersPass(M, S, k - 1));
  const baseline = (S: number): number =>
    estimator === 's-loo' ? (k * othersPass(M, S, k)) / (M - 1) : 0;
  const weight = (R: 0 | 1, K: number): number => s(R, K - R) - baseline(K - R);
  return {
    advantagesInto(rewards, out) {
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      const right = K > 0 ? weight(1, K) : 0;
      const wrong = K < M ? weight(0, K) : 0;
      for (let i = 0; i < M; i++) out[i] = rewards[i] === 1 ? right : wrong;
    },
    weight,
  };
}

/** The epsilon added to `sigma` in docs/theory.md §7's statement of Chen et al. */
const CHEN_EPS = 1e-6;

/**
 * `chen-passk:k=..` (docs/theory.md §7, Chen et al., "Pass@k training", analytic advantages): with
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

/**
 * `verl-grpo-passk[:norm-by-std=true|false]` (docs/theory.md §7, verl `adv_estimator=grpo_passk`,
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
  minM: 2,
  minMReason: 'verl raises for a group of size 1',
  usage: 'verl-grpo-passk[:norm-by-std=true|false]',
  summary: 'verl grpo_passk: a lone right answer gets 1/(sample std + 1e-6); M >= 2',
  read(reader) {
    const scale = reader.choice('norm-by-std', ['true', 'false'], 'true') === 'true';
    return (M) => {
      const lone = scale ? 1 / (Math.sqrt((M - 1) / (M * (M - 1))) + VERL_EPS) : 1;
      return {
        advantagesInto(rewards, out) {
          // torch.topk(rewards, 2): the largest value (first index on ties) and the runner-up.
          // With binary rewards, which of tied values is kept does not matter: a tie for the best
          // leaves r_max - r_second = 0, whatever index holds it, and the runner-up is a value.
          let best = 0;
          for (let i = 1; i < M; i++) {
            // Stryker disable next-line EqualityOperator: ties give weight 0 at any index (above)
            if (rewards[i]! > rewards[best]!) best = i;
          }
          let second = Number.NEGATIVE_INFINITY;
          for (let i = 0; i < M; i++) {
            if (i === best) continue;
            // Stryker disable next-line EqualityOperator: a tie for second place is the same value
            if (rewards[i]! > second) second = rewards[i]!;
          }
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
