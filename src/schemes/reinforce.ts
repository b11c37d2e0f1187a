import type { SchemeKind } from './scheme-kind.ts';

/**
 * `reinforce` (MATH.md §3): `Z_i = R_i`, so `a_s = 0`, `b_s = 1` and `h_M(t) = t`.
 * Takes no keys.
 */
export const reinforce: SchemeKind = {
  name: 'reinforce',
  usage: 'reinforce',
  summary: 'Z = R; a = 0, b = 1; h = t',
  limit: { text: 't = I_t(1, 1)', target: () => 'beta:a=1,b=1' },
  read: () => (M) => ({
    advantagesInto(rewards, out) {
      for (let i = 0; i < M; i++) out[i] = rewards[i]!;
    },
    weight: (R) => R,
  }),
};
