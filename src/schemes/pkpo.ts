import { passAtKFormulas } from './pass-at-k-formulas.ts';
import { readK } from './read-k.ts';
import type { SchemeKind } from './scheme-kind.ts';

/**
 * `pkpo:k=..` (MATH.md §7, PKPO's `s_loo-1` estimator for binary rewards): the pass@k row of §3
 * times `1/M`, `Z_i = R_i * k C(M-1-S_i, k-1) / (M C(M-1, k-1))`, so
 * `h_M(t) = (1 - (1-t)^k)/M`. `k` is required, `1 <= k <= M`.
 */
export const pkpo: SchemeKind = {
  name: 'pkpo',
  usage: 'pkpo:k=K',
  summary: 'PKPO s_loo-1: pass@k weights times 1/M; h = (1 - (1-t)^k)/M',
  read(reader) {
    const k = readK(reader);
    return (M) => passAtKFormulas(k.bind(M), M, 1 / M);
  },
};
