import { InputError } from '../errors/input-error.ts';
import { binomialRatio } from './binomial-ratio.ts';
import { passAtKFormulas } from './pass-at-k-formulas.ts';
import { readK } from './read-k.ts';
import type { SchemeFormulas, SchemeKind } from './scheme-kind.ts';

/** PKPO's three reward transformations (Walder & Karkhanis, Listing 1: `s`, `sloo`, `sloo_minus_one`). */
const ESTIMATORS = ['s-loo-minus-one', 's-loo', 's'] as const;
type Estimator = (typeof ESTIMATORS)[number];

/**
 * `pkpo:k=K[,estimator=s-loo-minus-one|s-loo|s]` (MATH.md §7, PKPO, "Pass@K Policy Optimization",
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
