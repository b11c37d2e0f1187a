import { requireNonNegative } from '../errors/require.ts';
import { grpo } from './grpo.ts';
import type { SchemeFormulas, SchemeKind } from './scheme-kind.ts';

/**
 * `f-grpo:gamma=G[,std=..,eps=..,eps-at=..]`, F-GRPO's focal weighting (Plyusov et al. 2026,
 * arXiv:2602.06717; MATH.md §9): the `grpo` weights with the same options, times
 * `(1 - K/M)^gamma` with `K` the group's number of correct answers, so a group the model already
 * solves often is pushed less. `gamma >= 0` is required; `gamma = 0` is grpo.
 *
 * Count form, with `a_s = a_s(grpo) (1 - s/M)^gamma` and `b_s = b_s(grpo) (1 - (s+1)/M)^gamma`.
 * As `M -> infinity` and `eps -> 0`, `h_M(t)/h_M(1) -> I_t(1/2, gamma + 1/2)`, slowly (MATH.md
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
 * Multiplies every weight of a group by the focal factor `((M - K)/M)^gamma` (MATH.md §9, F-GRPO).
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
  };
}
