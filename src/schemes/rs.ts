import type { SchemeKind } from './scheme-kind.ts';

/**
 * `rs`, rejection sampling with a fixed group size (RAFT; docs/theory.md §3): `Z_i = M R_i / K`, and 0
 * when `K = 0`; so `a_s = 0`, `b_s = M/(s+1)` and `h_M(t) = sum_{k=1}^M (1-(1-t)^k)/k`.
 */
export const rs: SchemeKind = {
  name: 'rs',
  usage: 'rs',
  summary: 'Z = M R/K (0 when K = 0), fixed-M rejection sampling; h ~ log t + H_M',
  limit: { text: 'log t', target: () => 'log' },
  read: () => (M) => ({
    advantagesInto(rewards, out) {
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      for (let i = 0; i < M; i++) out[i] = K === 0 ? 0 : (M * rewards[i]!) / K;
    },
    // The same operations: `(M * 0) / K` and `(M * 1) / K`, each once.
    groupWeightsInto(_rewards, _start, K, out) {
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: (M * 0) / K is +0 for every K > 0, as are the guard's 0 and M * 0 * K
      out[0] = K === 0 ? 0 : (M * 0) / K;
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: (M / 1) / K is (M * 1) / K; at K = 0 no response is correct, so the callers never read this weight
      out[1] = K === 0 ? 0 : (M * 1) / K;
    },
    orderFree: true,
    weight: (R, K) => (K === 0 ? 0 : (M * R) / K),
  }),
};
