import { passAtKFormulas } from './pass-at-k-formulas.ts';
import { readK } from './read-k.ts';
import type { SchemeKind } from './scheme-kind.ts';

/**
 * `passk:k=..` (MATH.md §3, pass@k row): the unbiased pass@k estimator,
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
